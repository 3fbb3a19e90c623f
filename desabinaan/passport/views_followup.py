"""Follow-up of a readiness check: a screening, a referral or a report, prefilled from it.

These pages live here, not in protection, because passport may import protection and not the other way round
(ARCHITECTURE.md). They use protection's forms and templates and write through passport services that call
protection's, so the check is marked followed up in the same transaction.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from desabinaan.core.views import add_service_errors, require
from desabinaan.people.selectors import person_get_for_user
from desabinaan.protection import selectors as protection_selectors
from desabinaan.protection.forms import ReferralForm, ReportForm
from desabinaan.protection.views_screening import screening_form_page

from . import selectors, services, texts
from .forms import (
    referral_initial,
    report_initial,
    screening_initial,
)


def _follow_up_check(request, reference):
    """The check in the user's scope (404 otherwise), for a user who may open screenings (403 otherwise)."""
    check = selectors.readiness_check_get_for_user(request.user, reference=reference)
    require(protection_selectors.can_screen(request.user))
    return check


@login_required
@require_http_methods(["GET", "POST"])
def readiness_screening(request, reference):
    check = _follow_up_check(request, reference)
    # Protection's form in steps; saving goes through passport's service, which marks the check followed up.
    return screening_form_page(
        request,
        person=check.person,
        initial=screening_initial(check),
        extra={"from_check": check},
        save=lambda form: services.readiness_screening_create(
            actor=request.user,
            check=check,
            answers=form.answers(),
            evidence=form.evidence(),
            **form.details(),
        ),
    )


@login_required
def person_screening(request, person_pk):
    """A new screening for a person, filled in from their latest readiness check when they have one."""
    person = person_get_for_user(request.user, pk=person_pk)
    latest = selectors.readiness_checks_for_user(request.user).filter(person=person).first()
    if latest is None:
        return redirect(f"{reverse('protection:screening_new')}?person={person.pk}")
    return redirect("passport:readiness_screening", reference=latest.reference)


@login_required
@require_http_methods(["GET", "POST"])
def readiness_referral(request, reference):
    check = _follow_up_check(request, reference)
    screening = services.readiness_referral_screening(actor=request.user, check=check)
    form = ReferralForm(request.POST or None, initial=referral_initial(check))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.readiness_referral_create(
                actor=request.user,
                check=check,
                to_village=data["to_village"],
                agency=data["agency"],
                action=data["action"],
                reason=data["reason"],
                due_on=data["due_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Rujukan dikirim."))
            return redirect("passport:readiness_detail", reference=check.reference)
    return render(
        request,
        "passport/readiness_referral.html",
        {
            "form": form,
            "check": check,
            "screening": screening,
            "needs_screening": texts.FOLLOW_UP_NEEDS_SCREENING,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def readiness_report(request, reference):
    check = _follow_up_check(request, reference)
    form = ReportForm(request.POST or None, request.FILES or None, initial=report_initial(check))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submitted = services.readiness_report_create(
                actor=request.user,
                check=check,
                category=data["category"],
                description=data["description"],
                occurred_on=data["occurred_on"],
                involved=form.involved(),
                files=data["files"],
                agency_name=data["agency_name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # The passphrase is not shown: the office reads and answers the report on its own pages.
            messages.success(
                request,
                _("Laporan tersimpan dengan kode %(code)s.") % {"code": submitted.report.receipt_code},
            )
            return redirect("protection:report", submitted.report.pk)
    return render(request, "passport/readiness_report.html", {"form": form, "check": check})
