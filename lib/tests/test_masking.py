from lib.masking import mask_phone, mask_text


def test_it_masks_a_nik_inside_text():
    assert mask_text("NIK 1771011205900001 salah") == "NIK 1771********0001 salah"


def test_it_masks_mobile_numbers():
    masked = mask_text("hubungi 081234567890 segera")
    assert "081234567890" not in masked
    assert masked.startswith("hubungi 0812****")


def test_it_leaves_short_numbers_alone():
    assert mask_text("RT 003 RW 12, 2024") == "RT 003 RW 12, 2024"


def test_it_masks_a_phone_field():
    assert mask_phone("0812-3456-7890") == "0812******90"
    assert mask_phone("123") == "***"


def test_it_masks_numbers_with_a_separator_after_the_country_code():
    for phone in ("+62 812-3456-7890", "+62-81234567890", "+62 (0)812 3456 7890"):
        masked = mask_text(f"hubungi {phone} segera")
        assert "3456" not in masked, masked
