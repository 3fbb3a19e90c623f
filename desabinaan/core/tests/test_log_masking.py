"""The log filter masks NIKs and phone numbers in messages, percent-encoded URLs and tracebacks."""

import logging
import sys

from desabinaan.core.logging import MaskPersonalDataFilter

NIK = "1708041205990009"


def _record(msg, *args, exc_info=None):
    return logging.LogRecord("django.request", logging.ERROR, __file__, 1, msg, args, exc_info)


def _written(record) -> str:
    MaskPersonalDataFilter().filter(record)
    return logging.Formatter("%(message)s").format(record)


def test_a_logged_url_with_a_percent_encoded_phone_is_masked():
    written = _written(_record("Not Found: %s", "/akun/masuk/?next=/orang/%3Fq%3D%2B6281234567890"))
    assert "81234567890" not in written


def test_a_traceback_quoting_a_nik_is_masked():
    try:
        raise ValueError(f"bad search {NIK}")
    except ValueError:
        record = _record("Internal Server Error: /orang/", exc_info=sys.exc_info())
    written = _written(record)
    assert "ValueError" in written and NIK not in written and "1708********0009" in written
