"""Masking of personal data in free text such as log lines. Framework-free."""

import re

# A NIK is 16 digits; phone numbers are 9–15 digits, optionally with +62 and separators.
_NIK = re.compile(r"(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)")
# "+62 812…", "+62-812…" and "+62 (0)812…" are written too (a space, dash or "(0)" after the country code).
_PHONE = re.compile(r"(?<![\d*])(?:\+62[\- ]?(?:\(0\)\s?)?|62|0)8[\d\- ]{7,13}\d(?![\d*])")


def mask_text(text: str) -> str:
    """Mask NIKs and Indonesian mobile numbers anywhere in `text`."""
    text = _NIK.sub(lambda m: f"{m.group(1)}********{m.group(2)}", text)
    return _PHONE.sub(lambda m: m.group(0)[:4] + "****" + m.group(0)[-2:], text)


def mask_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if len(digits) < 6:
        return "*" * len(digits)
    return digits[:4] + "*" * (len(digits) - 6) + digits[-2:]
