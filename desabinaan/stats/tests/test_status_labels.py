"""The dashboard's village line reads "Aktif: 1", never the status codes ("proposed: 0 · active: 1")."""

from desabinaan.protection.models import Decision, Referral


def test_the_village_status_line_shows_labels(world, login):
    html = login(world.ani).get("/dasbor/").content.decode()
    card = html[html.index('data-figure="villages_fostered"') :]
    card = card[: card.index("</li>")]
    assert "Aktif: 2" in card
    assert "active:" not in card
    assert "proposed:" not in card


def _card(html: str, figure: str) -> str:
    card = html[html.index(f'data-figure="{figure}"') :]
    return card[: card.index("</li>")]


def test_decisions_and_referral_outcomes_show_labels(data, login):
    """The screening card reads "Diteruskan 1" and the referral card its outcome's label, never "proceed"/"procedural"."""
    html = (
        login(data.world.ani)
        .get(f"/dasbor/?scope=village:{data.world.tebat_monok.code}&from=2025-03-01&to=2025-03-31")
        .content.decode()
    )
    screenings, referrals = _card(html, "screenings"), _card(html, "referrals")
    assert "procedural" not in referrals
    assert str(Referral.Outcome("procedural").label) in referrals
    kinds = [k for k, _label in Decision.Kind.choices if k in screenings]
    assert not kinds, kinds


def test_people_reached_are_counted_per_target_group_label_not_code(data, login):
    """The table reads "Masyarakat umum", never the group's code ("umum", "cpmi-keluarga")."""
    from desabinaan.events.models import TargetGroup

    url = f"/dasbor/?scope=village:{data.world.tebat_monok.code}&from=2025-03-01&to=2025-04-30"
    html = login(data.world.ani).get(url).content.decode()
    table = html[html.index("Orang terjangkau menurut kelompok sasaran") :]
    table = table[: table.index("</table>")]
    groups = TargetGroup.objects.order_by("order", "code")[:2]
    for group in groups:
        assert f"<td>{group.label}</td>" in table
        assert f"<td>{group.code}</td>" not in table
