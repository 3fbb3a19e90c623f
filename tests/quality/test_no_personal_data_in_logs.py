"""No NIK and no phone number in the logs written while the personal-data flows run.

What is checked, and why:
- Everything the configured handlers write (settings.LOGGING, root at DEBUG; django.request and django.security at
  DEBUG): the output must hold no NIK and no phone number used in the flows, and no 16-digit run at all.
- The app's own records (loggers desabinaan.* and lib.*) and django.request/django.security must not even carry them
  before masking: the masking filter is the safety net, not the plan.
- django.db.backends stays at its configured WARNING: it logs SQL with parameters only when DEBUG is on (or with a
  forced debug cursor), never in production. NIKs reach SQL encrypted and hashed; phone numbers are stored as typed,
  so a DEBUG SQL log would show them — development only, and the masking filter still applies there.
- Every handler in settings.LOGGING has the masking filter attached.
"""

import datetime as dt
import io
import logging
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils.module_loading import import_string

from desabinaan.web.demo_people import TEBAT_MONOK, synthetic_nik
from tests.personas import verified_login

pytestmark = pytest.mark.django_db

NIK_PAGE = synthetic_nik(village_code=TEBAT_MONOK, sex="M", birth_date=dt.date(1991, 4, 5), serial=9801)
NIK_API = synthetic_nik(village_code=TEBAT_MONOK, sex="F", birth_date=dt.date(1993, 8, 17), serial=9802)
PHONE_PAGE = "081200009801"
PHONE_API = "+6281200009802"
PHONE_REPORT = "0812-0000-9803"
SECRETS = [NIK_PAGE, NIK_API, PHONE_PAGE, PHONE_API, PHONE_REPORT, PHONE_REPORT.replace("-", "")]
SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")
WATCHED = ("desabinaan", "lib", "django.request", "django.security")


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _configured_filters(handler_name: str = "console") -> list[logging.Filter]:
    names = settings.LOGGING["handlers"][handler_name].get("filters", [])
    return [import_string(settings.LOGGING["filters"][name]["()"])() for name in names]


@pytest.fixture
def written_logs():
    """(stream the configured console handler would write, raw records of the watched loggers)."""
    stream = io.StringIO()
    written = logging.StreamHandler(stream)
    written.setLevel(logging.DEBUG)
    written.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    for log_filter in _configured_filters():
        written.addFilter(log_filter)
    raw = _Records()
    root = logging.getLogger()
    saved = {name: logging.getLogger(name).level for name in ("", "django.request", "django.security")}
    root.addHandler(written)
    root.addHandler(raw)
    for name in saved:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield stream, raw
    finally:
        root.removeHandler(written)
        root.removeHandler(raw)
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def _person_flows(demo):
    from desabinaan.accounts.services import api_token_create
    from desabinaan.people.models import Person

    liaison = verified_login(Client(), demo["desa.tebatmonok"])
    response = liaison.post(
        "/orang/baru/",
        {
            "name": "Rudi Log Contoh",
            "nik": NIK_PAGE,
            "birth_date": "1991-04-05",
            "sex": "M",
            "village": TEBAT_MONOK,
            "phone": PHONE_PAGE,
            "confirm_new": "1",
        },
    )
    assert response.status_code in (200, 302), response.status_code
    person = Person.objects.get(name="Rudi Log Contoh")
    # The same NIK again: the duplicate path answers with an error instead of a record.
    liaison.post(
        "/orang/baru/",
        {"name": "Rudi Lain", "nik": NIK_PAGE, "birth_year": 1991, "sex": "M", "village": TEBAT_MONOK},
    )
    # An invalid NIK: the validation path.
    liaison.post(
        "/orang/baru/",
        {
            "name": "Nik Salah",
            "nik": NIK_PAGE[:15] + "x",
            "birth_year": 1991,
            "sex": "M",
            "village": TEBAT_MONOK,
        },
    )
    officer = verified_login(Client(), demo["kanim.bengkulu"])
    assert officer.get(f"/orang/{person.pk}/").status_code == 200
    officer.post(f"/orang/{person.pk}/nik/")
    officer.get("/orang/", {"q": NIK_PAGE})

    _, token = api_token_create(user=demo["admin"], name="log test")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    created = api.post(
        "/api/v1/people",
        {
            "name": "Sari Log Contoh",
            "nik": NIK_API,
            "birth_date": "1993-08-17",
            "sex": "F",
            "village_code": TEBAT_MONOK,
            "phone": PHONE_API,
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    api.post(
        "/api/v1/people",
        {"name": "Sari Lagi", "nik": NIK_API, "birth_year": 1993, "sex": "F", "village_code": TEBAT_MONOK},
        content_type="application/json",
    )
    api.post(
        "/api/v1/people",
        {
            "name": "Salah",
            "nik": NIK_API + "9",
            "birth_year": 1993,
            "sex": "X",
            "village_code": TEBAT_MONOK,
            "phone": PHONE_API,
        },
        content_type="application/json",
    )
    api.get(f"/api/v1/people/{created.json()['id']}")
    api.get("/api/v1/people", {"q": "Sari"})


def _report_flow():
    # An anonymous report naming a recruiter's phone number and, as residents do, a NIK in the free text.
    response = Client().post(
        "/api/v1/reports",
        {
            "category": "recruiter",
            "description": f"Perekrut menelepon dari {PHONE_REPORT}, minta KTP {NIK_API}.",
            "village_code": TEBAT_MONOK,
            "involved": [{"name": "Perekrut", "phone": PHONE_REPORT}],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content


def test_the_personal_data_flows_write_no_nik_or_phone_to_the_logs(demo, written_logs):
    stream, raw = written_logs
    _person_flows(demo)
    _report_flow()

    output = stream.getvalue()
    assert output, "nothing was logged: the capture is not attached"
    leaked = [secret for secret in SECRETS if secret in output]
    assert not leaked, f"written to the log: {leaked}\n{output[:3000]}"
    assert not SIXTEEN_DIGITS.search(output), output[:3000]
    for record in raw.records:
        if record.name.startswith(WATCHED):
            message = record.getMessage()
            assert not [s for s in SECRETS if s in message], f"{record.name} logged personal data: {message}"


def test_the_capture_masks_what_a_careless_log_line_would_leak(written_logs):
    # Guards the test above: the captured output passes through the configured masking filter.
    stream, _ = written_logs
    logging.getLogger("desabinaan.quality").warning("NIK %s telepon %s", NIK_API, PHONE_API)
    output = stream.getvalue()
    assert NIK_API not in output and PHONE_API not in output
    assert NIK_API[:4] + "********" + NIK_API[-4:] in output


def test_every_configured_handler_masks_personal_data():
    for name, handler in settings.LOGGING["handlers"].items():
        filters = [settings.LOGGING["filters"][f]["()"] for f in handler.get("filters", [])]
        assert "desabinaan.core.logging.MaskPersonalDataFilter" in filters, f"handler {name} does not mask"
