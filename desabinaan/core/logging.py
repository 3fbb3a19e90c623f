"""Logging filter that masks NIKs and phone numbers before any handler writes a record."""

import logging
from urllib.parse import unquote_plus

from lib.masking import mask_text

_FORMATTER = logging.Formatter()


def mask_logged(value: str) -> str:
    """`value` with NIKs and phone numbers masked; read percent-decoded too, so a URL's `%2B62812…` is found.

    Shared with the gunicorn access log (core.gunicorn_logging), so both logs mask the same way.
    """
    masked = mask_text(value)
    if masked != value:
        return masked
    decoded = unquote_plus(value)
    masked = mask_text(decoded)
    return masked if masked != decoded else value


class MaskPersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_logged(message)
        if masked != message:
            record.msg, record.args = masked, None
        # A traceback can quote a request's URL or a form value: formatted here, masked, and kept on the record,
        # which formatters then use instead of formatting the exception again.
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_logged(_FORMATTER.formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = mask_logged(record.stack_info)
        return True
