"""Background work of the protection app: the daily reminder of overdue referrals (from the schedule)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from desabinaan.accounts.models import Role, User

from .selectors import referrals_overdue

# Everyone who may act on a referral: the office that made it, the village it went to, the partner agency.
REMINDED_ROLES = [Role.PIMPASA, Role.OFFICER, Role.LIAISON, Role.PARTNER]


def overdue_reminders() -> list[tuple[str, str, str, list[str]]]:
    """One message per user with overdue referrals in their scope: a count and a link, no personal data."""
    link = settings.SITE_URL.rstrip("/") + reverse("protection:referrals") + "?overdue=1"
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for user in (
            User.objects.filter(is_active=True, role__in=REMINDED_ROLES).exclude(email="").order_by("pk")
        ):
            count = referrals_overdue(user).count()
            if not count:
                continue
            body = _(
                "Ada %(count)s rujukan di wilayah Anda yang melewati tenggat dan belum ditutup.\n\n"
                "Lihat dan perbarui hasilnya: %(link)s\n\n"
                "Pesan otomatis Sistem Informasi Desa Binaan Imigrasi."
            ) % {"count": count, "link": link}
            subject = _("[Desa Binaan] %(count)s rujukan melewati tenggat") % {"count": count}
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    return messages


@task()
def remind_overdue_referrals() -> dict:
    messages = overdue_reminders()
    send_mass_mail(messages, fail_silently=False)
    return {"sent": len(messages)}
