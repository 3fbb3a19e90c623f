"""The learning module "Ke mana melapor" names the bodies as they are now (docs/rules.md §4, checked 3 Dec 2026), and
the learning index carries the help lines like every learning page (issue 13)."""

from desabinaan.protection.models import HelpLine

REPORT = "/sosialisasi/belajar/tempat-melapor/"


def test_the_report_module_names_the_current_police_units_and_bodies(client, db):
    page = client.get(REPORT).content.decode()
    assert "Satgas TPPO" not in page  # the police task force's old name
    # Police units since 21 Jan 2026: PPA-PPO directorates and units where formed, Satreskrim elsewhere.
    assert "Ditres PPA-PPO" in page and "Satres PPA-PPO" in page and "Satreskrim" in page
    # The regency's trafficking task force (Perpres 49/2023) and the migrant-worker service points.
    assert "Gugus Tugas TPPO kabupaten/kota" in page
    assert "BP3MI" in page and "P4MI" in page and "LTSA" in page
    assert "110" in page


def test_the_learning_index_shows_the_help_lines(client, db):
    page = client.get("/sosialisasi/belajar/").content.decode()
    assert 'data-testid="help-lines"' in page
    for code in ("emergency-110", "sapa-129"):
        line = HelpLine.objects.filter(code=code).order_by("-effective_from").first()
        assert f'data-help-line="{code}"' in page and line.value in page
