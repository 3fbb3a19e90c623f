"""gunicorn's access log without who sent the request, and with NIKs and phone numbers masked in logged URLs.

Used by `make serve` (Procfile.serve) and the systemd unit through `--logger-class`. The anonymous report channel
(POST /api/v1/reports) stores nothing about the sender; the access log must not either, so the client address and
User-Agent are blanked on every request, whatever `--access-logformat` asks for. A NIK or phone number typed into a
URL (a GET search, a `?next=`) is masked as core.logging masks Django's own records.
"""

from gunicorn.glogging import Logger

from .logging import mask_logged

# The format `make serve` passes: time, request line, status, size, duration. No %(h)s, %(a)s or %(f)s.
ACCESS_LOG_FORMAT = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'

# Atoms naming the sender (address, proxy chain, browser), blanked even when a format asks for them.
_SENDER_ATOMS = frozenset(
    {
        "h",
        "a",
        "{user-agent}i",
        "{x-forwarded-for}i",
        "{x-real-ip}i",
        "{forwarded}i",
        "{remote_addr}e",
        "{remote_port}e",
        "{http_user_agent}e",
        "{http_x_forwarded_for}e",
        "{http_x_real_ip}e",
        "{http_forwarded}e",
    }
)


class PrivateAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name, value in atoms.items():
            if name in _SENDER_ATOMS:
                atoms[name] = "-"
            elif isinstance(value, str):
                atoms[name] = mask_logged(value)
        return atoms
