"""Background work of the privacy app (from the schedule, manage.py enqueue_periodic): escalating requests past
their statutory deadline, and the nightly retention run."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from desabinaan.accounts.models import Role, User

from . import retention, selectors, services

# Who answers for a missed deadline: the office staff of the request's scope and the national administrators.
ESCALATED_ROLES = [Role.NATIONAL_ADMIN, Role.PIMPASA, Role.OFFICER]


def escalation_messages(count: int) -> list[tuple[str, str, str, list[str]]]:
    """One message per responsible user with overdue requests in their scope: a count and a link, no personal data."""
    if not count:
        return []
    link = settings.SITE_URL.rstrip("/") + reverse("privacy:requests") + "?overdue=1"
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for user in (
            User.objects.filter(is_active=True, role__in=ESCALATED_ROLES).exclude(email="").order_by("pk")
        ):
            overdue = selectors.data_request_counts(user)["overdue"]
            if not overdue:
                continue
            body = _(
                "Ada %(count)s permintaan subjek data (UU PDP) di wilayah Anda yang melewati tenggat.\n\n"
                "Tangani sekarang: %(link)s\n\nPesan otomatis Sistem Informasi Desa Binaan Imigrasi."
            ) % {"count": overdue, "link": link}
            subject = _("[Desa Binaan] %(count)s permintaan data pribadi lewat tenggat") % {"count": overdue}
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    return messages


@task()
def escalate_overdue_requests() -> dict:
    escalated = services.data_requests_escalate()
    messages = escalation_messages(len(escalated))
    send_mass_mail(messages, fail_silently=False)
    return {"escalated": len(escalated), "sent": len(messages)}


@task()
def apply_retention_task() -> dict:
    report = retention.apply(dry_run=False)
    return {line.record_type: len(line.ids) for line in report}
