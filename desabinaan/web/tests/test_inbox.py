"""The work inbox: each persona counts what waits in their own jurisdiction, and only that, in a bounded number of
queries; every item links to a list filtered to exactly the rows it counts."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from desabinaan.events.services import event_create
from desabinaan.passport.models import ReadinessCheck
from desabinaan.program.models import DesaBinaan
from desabinaan.protection.services import report_submit
from desabinaan.regions.models import Village
from desabinaan.web.selectors import inbox_for

from .inbox_data import NOTHING, ONE_OF_EACH, office_share


def counts(user) -> dict[str, int]:
    return {item.kind: item.count for item in inbox_for(user=user)}


@pytest.mark.django_db
class TestInbox:
    def test_each_office_counts_its_own_jurisdiction_only(self, inboxes):
        world = inboxes
        assert counts(world.ani) == ONE_OF_EACH
        assert counts(world.fajar) == ONE_OF_EACH
        # Kanwil Bengkulu reads the province: the same share, never Bandung's; it also triages reports.
        assert counts(world.eka) == ONE_OF_EACH | {"reports_triage": 0}
        assert counts(world.dewi) == ONE_OF_EACH
        # The national administrator sees both shares.
        assert counts(world.admin) == {kind: 2 * n for kind, n in ONE_OF_EACH.items()} | {"reports_triage": 0}

    def test_a_report_without_an_owner_waits_for_triage(self, inboxes):
        world = inboxes
        report_submit(category="recruiter", description="Calo di pelabuhan, desa tidak disebut")
        # The national queue: the national administrator and every Kanwil triage it; no Kanim owns it yet.
        assert counts(world.admin)["reports_triage"] == 1
        assert counts(world.eka)["reports_triage"] == 1
        assert counts(world.eka)["reports_new"] == 2
        assert "reports_triage" not in counts(world.ani)
        assert counts(world.ani)["reports_new"] == 1
        assert counts(world.dewi)["reports_new"] == 1

    def test_an_office_with_nothing_in_its_area_counts_nothing(self, world):
        assert counts(world.dewi) == NOTHING

    def test_overdue_referrals_are_counted_after_their_due_date(self, inboxes):
        with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=40)):
            assert counts(inboxes.ani)["referrals_overdue"] == 1
            assert counts(inboxes.dewi)["referrals_overdue"] == 1
            assert counts(inboxes.ani)["data_requests_overdue"] == 1
            assert counts(inboxes.dewi)["data_requests_overdue"] == 1

    def test_the_liaison_sees_the_village_to_dos(self, inboxes):
        world = inboxes
        assert counts(world.budi) == {
            "referrals_open": 1,
            "referrals_overdue": 0,
            "questions_answered": 1,
            "events_upcoming": 2,
            "consent_missing": 1,
            "data_requests_open": 1,
            "data_requests_overdue": 0,
        }
        # citra's village (Urai) has none of it.
        assert counts(world.citra) == {
            "referrals_open": 0,
            "referrals_overdue": 0,
            "questions_answered": 0,
            "events_upcoming": 0,
            "consent_missing": 0,
            "data_requests_open": 0,
            "data_requests_overdue": 0,
        }

    def test_the_partner_agency_sees_only_its_referrals(self, inboxes):
        assert counts(inboxes.gita) == {"referrals_open": 0, "referrals_overdue": 0}

    def test_a_decided_screening_and_a_followed_up_check_leave_the_inbox(self, inboxes):
        from desabinaan.protection.models import Screening
        from desabinaan.protection.services import screening_decide

        screening = Screening.objects.get(village=inboxes.tebat_monok)
        screening_decide(
            actor=inboxes.fajar, screening=screening, kind="proceed", rationale="Dokumen lengkap"
        )
        ReadinessCheck.objects.filter(village=inboxes.tebat_monok).update(status="applied")
        found = counts(inboxes.ani)
        assert found["screenings_undecided"] == 0
        assert found["readiness_flagged"] == 0

    def test_it_costs_a_fixed_number_of_queries(self, inboxes, django_assert_max_num_queries):
        from desabinaan.accounts.models import User

        for username in ("ani", "admin", "budi"):
            with django_assert_max_num_queries(16):
                inbox_for(user=User.objects.get(username=username))
        office_share(
            officer=inboxes.fajar,
            village=inboxes.other_village,
            new_villages=list(
                Village.objects.filter(district_id="17.03.12", desa_binaan__isnull=True).order_by("code")[:2]
            ),
            desa_binaan=DesaBinaan.objects.get(village=inboxes.other_village),
            prefix="Urai",
        )
        for username in ("ani", "admin", "budi"):
            with django_assert_max_num_queries(16):
                inbox_for(user=User.objects.get(username=username))


@pytest.mark.django_db
class TestInboxLinks:
    """Following an item's link shows the rows it counts, filtered (counted here by a marker in each list)."""

    @pytest.mark.parametrize(
        ("kind", "present", "absent"),
        [
            ("consent_missing", "Bengkulu Kembar", "Bengkulu Pemohon"),
            ("questions_unanswered", "1 belum dijawab", "Urai"),
            ("imports_failed", "Sosialisasi</a>", "Sosialisasi lain"),
            ("referrals_open", "Bengkulu Pemohon", "Bandung Pemohon"),
            ("screenings_undecided", "Bengkulu Pemohon", "Bandung Pemohon"),
        ],
    )
    def test_the_link_lists_what_is_counted(self, inboxes, login, kind, present, absent):
        item = next(i for i in inbox_for(user=inboxes.ani) if i.kind == kind)
        html = login(inboxes.ani).get(item.url).content.decode()
        assert 'data-testid="filter"' in html
        assert present in html
        assert absent not in html

    def test_the_readiness_link_lists_flagged_checks_only(self, inboxes, login):
        item = next(i for i in inbox_for(user=inboxes.ani) if i.kind == "readiness_flagged")
        response = login(inboxes.ani).get(item.url)
        assert response.status_code == 200
        assert response.context["page"].paginator.count == 1

    def test_the_overdue_link_lists_overdue_referrals_only(self, inboxes, login):
        client = login(inboxes.ani)
        item = next(i for i in inbox_for(user=inboxes.ani) if i.kind == "referrals_overdue")
        assert client.get(item.url).context["page"].paginator.count == 0
        with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=40)):
            # Signed in again: the session from 40 days ago has expired.
            assert login(inboxes.ani).get(item.url).context["page"].paginator.count == 1

    def test_the_upcoming_events_link_lists_the_village_events(self, inboxes, login):
        item = next(i for i in inbox_for(user=inboxes.budi) if i.kind == "events_upcoming")
        assert login(inboxes.budi).get(item.url).context["page"].paginator.count == 2


@pytest.mark.django_db
class TestInboxPage:
    def test_the_dashboard_shows_open_items_as_links_and_cleared_ones_muted(self, inboxes, login):
        html = login(inboxes.ani).get("/beranda/").content.decode()
        assert 'data-kind="reports_new"' in html
        assert 'href="/perlindungan/laporan/?status=new"' in html
        assert '<span data-kind="referrals_overdue">' in html  # zero: listed as cleared, no card

    def test_the_liaison_gets_the_village_shortcuts(self, inboxes, login):
        html = login(inboxes.budi).get("/beranda/").content.decode()
        db = DesaBinaan.objects.get(village=inboxes.tebat_monok)
        assert 'data-testid="shortcuts"' in html
        assert f'href="/desa-binaan/{db.pk}/kegiatan/baru/"' in html
        assert f'href="/desa-binaan/{db.pk}/pertanyaan/baru/"' in html
        # The only events are days away: attendance cannot be recorded yet, so the shortcut opens the event list.
        assert f'href="/sosialisasi/{inboxes.bengkulu.event.pk}/hadir/"' not in html

    def test_the_attendance_shortcut_opens_the_event_that_has_begun(self, inboxes, login):
        today = event_create(
            actor=inboxes.ani,
            title="Sosialisasi hari ini",
            village=inboxes.tebat_monok,
            starts_at=timezone.now() - dt.timedelta(hours=1),
        )
        html = login(inboxes.budi).get("/beranda/").content.decode()
        assert f'href="/sosialisasi/{today.pk}/hadir/"' in html

    def test_the_office_gets_no_village_shortcuts(self, inboxes, login):
        html = login(inboxes.ani).get("/beranda/").content.decode()
        assert 'data-testid="shortcuts"' not in html
