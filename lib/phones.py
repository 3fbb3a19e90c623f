"""Indonesian phone numbers to one form, so the same number written +62…, 62… or 0… is recognised. Framework-free."""

import re

_NOT_DIGIT = re.compile(r"\D+")
# E.164 allows 15 digits; Indonesian mobile numbers are 10–13 digits after the leading 0.
_MIN_DIGITS = 8
_MAX_DIGITS = 15


def normalize_phone(raw: str) -> str:
    """ "+62 812-3456-7890", "6281234567890" and "0812 3456 7890" → "+6281234567890"; "" when not a number.

    Numbers with another country code ("+60…") keep it; a bare local number (no 0, no country code) is read as
    Indonesian, the common case on reports typed on a phone.
    """
    text = (raw or "").strip()
    if not text:
        return ""
    international = text.startswith(("+", "00"))
    digits = _NOT_DIGIT.sub("", text)
    if international:
        digits = digits[2:] if text.startswith("00") else digits
    elif digits.startswith("62"):
        pass
    elif digits.startswith("0"):
        digits = "62" + digits[1:]
    else:
        digits = "62" + digits
    if not (_MIN_DIGITS <= len(digits) <= _MAX_DIGITS):
        return ""
    return "+" + digits
