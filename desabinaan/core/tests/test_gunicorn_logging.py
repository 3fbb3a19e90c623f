"""make serve's access log: no client address or User-Agent, NIKs and phone numbers masked in logged URLs."""

import datetime as dt
import logging
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from gunicorn.config import Config

from desabinaan.core.gunicorn_logging import ACCESS_LOG_FORMAT, PrivateAccessLogger
from desabinaan.core.logging import mask_logged

NIK = "1708041205990009"
ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 (Linux; Android 13; SM-A145F)"


def _logged(records, *, path, query="", method="GET", access_log_format=None) -> str:
    config = Config()
    config.set("accesslog", "-")
    if access_log_format:
        config.set("access_log_format", access_log_format)
    logger = PrivateAccessLogger(config)
    environ = {
        "REQUEST_METHOD": method,
        "RAW_URI": path + (f"?{query}" if query else ""),
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": ADDRESS,
        "HTTP_USER_AGENT": AGENT,
        "HTTP_REFERER": f"https://desa.example/orang/?q={NIK}",
    }
    req = SimpleNamespace(headers=[("USER-AGENT", AGENT), ("X-FORWARDED-FOR", ADDRESS)])
    resp = SimpleNamespace(status="201 Created", sent=42, headers=[])
    logger.access_log.handlers = [records]
    logger.access(resp, req, environ, dt.timedelta(milliseconds=12))
    return records.messages[-1]


class _Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def test_a_report_submission_is_logged_without_address_or_user_agent():
    line = _logged(_Records(), path="/api/v1/reports", method="POST", access_log_format=ACCESS_LOG_FORMAT)
    assert '"POST /api/v1/reports HTTP/1.1" 201 42' in line
    assert ADDRESS not in line and "Android" not in line


def test_gunicorns_default_format_is_blanked_of_the_sender_too():
    line = _logged(_Records(), path="/api/v1/reports", method="POST")
    assert ADDRESS not in line and "Android" not in line and NIK not in line


def test_the_sender_stays_out_even_when_a_format_asks_for_headers():
    line = _logged(_Records(), path="/", access_log_format="%(h)s %({x-forwarded-for}i)s %({user-agent}i)s")
    assert ADDRESS not in line and "Android" not in line


def test_niks_and_phone_numbers_in_logged_urls_are_masked():
    line = _logged(_Records(), path="/orang/", query=f"q={NIK}&next=%2B6281234567890")
    assert NIK not in line and "1708********0009" in line
    assert "81234567890" not in line


def test_mask_logged_leaves_other_urls_unchanged():
    assert mask_logged("/orang/?q=Sari%20Sintetis&page=2") == "/orang/?q=Sari%20Sintetis&page=2"
    assert mask_logged(f"/orang/?q={NIK[:4]}+{NIK[4:8]}") == f"/orang/?q={NIK[:4]}+{NIK[4:8]}"


def test_make_serve_uses_the_private_logger_and_format():
    procfile = (Path(settings.BASE_DIR) / "Procfile.serve").read_text()
    assert "--logger-class desabinaan.core.gunicorn_logging.PrivateAccessLogger" in procfile
    assert "%(h)s" not in procfile and "%(a)s" not in procfile
