"""Indonesian phone numbers to one form, so the same number written +62…, 62… or 0… is recognised. Framework-free."""

import phonenumbers

# E.164 allows 15 digits after the "+"; phonenumbers calls longer strings "possible" for some regions.
_MAX_DIGITS = 15
_MIN_DIGITS = 8


def normalize_phone(raw: str) -> str:
    """ "+62 812-3456-7890", "6281234567890", "0812 3456 7890", "+62 0812…" and "+62 (0)812…" → "+6281234567890";
    "" when not a number.

    Parsed with `phonenumbers` (Indonesia as the default region), which drops the national trunk 0 written after
    the country code: network signals group on this value, so the same recruiter must give the same string. Numbers
    with another country code ("+60…", "0060…") keep it; a bare local number (no 0, no country code) is read as
    Indonesian, the common case on reports typed on a phone.
    """
    text = (raw or "").strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return ""
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    digits = len(formatted) - 1
    if not (_MIN_DIGITS <= digits <= _MAX_DIGITS) or not phonenumbers.is_possible_number(number):
        return ""
    return formatted
