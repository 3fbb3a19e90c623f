"""Money recorded on a readiness check is shown as Rp5.000.000, never Rp5000000."""

from desabinaan.passport import services
from desabinaan.passport.forms import referral_initial


def test_the_amount_paid_up_front_is_shown_in_indonesian_format(world, login, siti):
    check = services.readiness_check_create(
        actor=world.budi, person=siti, purpose="work", paid_up_front=True, amount_paid_idr=5_000_000
    )
    html = login(world.budi).get(f"/paspor/kesiapan/{check.reference}/").content.decode()
    assert "Rp5.000.000" in html
    assert "Rp5000000" not in html
    assert "(Rp5.000.000)" in referral_initial(check)["reason"]
