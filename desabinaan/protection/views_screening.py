"""Office pages of the interview screening: the form in steps with a summary before saving, the screening, the
decision page (the applicant summarised, nothing preselected) and the referral form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from desabinaan.audit.services import access_record
from desabinaan.core.errors import Conflict
from desabinaan.core.views import add_service_errors, page_for, require
from desabinaan.people.selectors import people_for_user, person_get_for_user
from lib.text import is_ascii_digits

from . import selectors, services
from .forms import DecisionForm, ReferralForm, ScreeningForm
from .models import Answer

# Office staff only: interview details never reach the village or an agency.
office_page = page_for(selectors.is_office)


def _breakdown(screening):
    """Each answer that raised the level, by its label in the active language (never its code)."""
    labels = {a.indicator.code: a.indicator.display_label for a in selectors.screening_answers(screening)}
    return [dict(b, label=labels.get(b["code"], "")) for b in services.screening_breakdown(screening)]


def _target_step(form: ScreeningForm, current: int, go: str) -> int:
    """Where the Next/Back/step buttons lead; never past a step whose fields have errors."""
    last = len(form.steps()) - 1
    if go == "back":
        return max(current - 1, 0)
    target = int(go) if go.isdigit() else current + 1
    first_error = form.first_error_step()
    if first_error is not None and first_error < target:
        return first_error
    return min(target, last)


def screening_form_page(request, *, person, save, initial=None, extra=None):
    """The screening form in steps, for a new screening and for one filled in from a readiness check (passport).

    `save(form)` writes through the caller's service and returns the screening; it runs only when the officer
    confirms the summary and the whole form is valid. Every step posts the whole form (works without JavaScript).
    """
    indicator_set = selectors.indicator_set_active()
    indicators = list(indicator_set.indicators.order_by("order", "code"))
    step = 0
    if request.method == "POST":
        data = request.POST.copy()
        for indicator in indicators:
            data.setdefault(f"a_{indicator.code}", Answer.UNKNOWN)
        form = ScreeningForm(data, indicators=indicators)
        form.is_valid()
        current = request.POST.get("step", "0")
        current = int(current) if is_ascii_digits(current) else 0
        # Every button of the page sends `go` (Enter in a field sends the first one, Next or Save). A post without
        # it comes from a script that sends the whole form at once: it saves, as before the form had steps.
        go = request.POST.get("go", "save")
        if go == "save" and not form.errors:
            try:
                screening = save(form)
            except ValidationError as exc:
                add_service_errors(form, exc)
                step = form.first_error_step() or 0
            else:
                messages.success(request, _("Skrining tersimpan. Tingkat saran dihitung dari jawaban."))
                return redirect("protection:screening", screening.pk)
        else:
            step = _target_step(form, current, go)
    else:
        form = ScreeningForm(indicators=indicators, initial=initial)
    steps = form.steps()
    context = {
        **(extra or {}),
        "form": form,
        "person": person,
        "indicator_set": indicator_set,
        "steps": steps,
        "step": steps[step],
        "step_number": step,
        "rows": form.rows(steps[step]),
        "carried": form.carried(steps[step]),
        "is_last": step == len(steps) - 1,
    }
    if step == len(steps) - 1 and not form.errors:
        preview = selectors.advisory_preview(indicator_set, form.answers())
        labels = {i.code: i.display_label for i in indicators}
        context.update(
            summary=form.summary(),
            preview=preview,
            preview_reasons=[(labels[c.code], c.contribution) for c in preview.breakdown],
            legal_stops=selectors.legal_stops(
                person=person,
                purpose=form.cleaned_data["purpose"],
                on=timezone.localdate(),
                yes=frozenset(code for code, answer in form.answers().items() if answer == Answer.YES),
            ),
        )
    return render(request, "protection/screening_form.html", context)


@office_page
def screening_new(request):
    require(selectors.can_screen(request.user))
    person_pk = request.GET.get("person") or request.POST.get("person")
    if not person_pk or not is_ascii_digits(str(person_pk)):
        q = request.GET.get("q", "").strip()
        found = people_for_user(request.user, q=q)[:20] if q else []
        return render(request, "protection/screening_pick.html", {"q": q, "found": found})
    person = person_get_for_user(request.user, pk=int(person_pk))
    return screening_form_page(
        request,
        person=person,
        save=lambda form: services.screening_create(
            actor=request.user,
            person=person,
            answers=form.answers(),
            evidence=form.evidence(),
            **form.details(),
        ),
    )


@office_page
def screening_detail(request, pk):
    screening = selectors.screening_get(user=request.user, pk=pk)
    access_record(actor=request.user, person=screening.person, channel="web", purpose="protection:screening")
    return render(
        request,
        "protection/screening_detail.html",
        {
            "s": screening,
            "answers": selectors.screening_answers(screening),
            "breakdown": _breakdown(screening),
            "legal_stops": selectors.legal_stops_for(screening),
            "decisions": selectors.decisions_of(screening),
            "current": selectors.current_decision(screening),
            "referrals": screening.referrals.select_related("agency").order_by("id"),
            "can_write": selectors.can_screen(request.user),
        },
    )


@office_page
def screening_decide(request, pk):
    screening = selectors.screening_get(user=request.user, pk=pk)
    require(selectors.can_screen(request.user))
    current = selectors.current_decision(screening)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.screening_decide(
                actor=request.user, screening=screening, corrects=current, **form.cleaned_data
            )
        except (Conflict, ValidationError) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Keputusan ditandatangani."))
            return redirect("protection:screening", screening.pk)
    access_record(actor=request.user, person=screening.person, channel="web", purpose="protection:decision")
    return render(
        request,
        "protection/screening_decide.html",
        {
            "s": screening,
            "form": form,
            "current": current,
            "breakdown": _breakdown(screening),
            "legal_stops": selectors.legal_stops_for(screening),
            "age": screening.person.age_on(timezone.localtime(screening.created_at).date()),
        },
    )


@office_page
def screening_refer(request, pk):
    screening = selectors.screening_get(user=request.user, pk=pk)
    require(selectors.can_screen(request.user))
    form = ReferralForm(request.POST or None, initial={"to_village": True})
    if request.method == "POST" and form.is_valid():
        try:
            services.referrals_send(actor=request.user, screening=screening, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Rujukan dikirim."))
            return redirect("protection:screening", screening.pk)
    return render(
        request,
        "protection/form.html",
        {"form": form, "title": _("Rujuk pemohon"), "back": ("protection:screening", screening.pk)},
    )
