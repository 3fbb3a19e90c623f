"""Public pages of the protection app (/lapor/): report a suspicious recruiter, read the replies, check an agency.

They need no account and store nothing about the visitor; each is rate-limited (protection.ratelimit).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from desabinaan.core.views import add_service_errors

from . import ratelimit, selectors, services
from .api_public import REPORT_NOT_FOUND, TOO_MANY_ATTEMPTS, TOO_MANY_REPORTS
from .forms import AddInformationForm, ReportForm, StatusForm


@never_cache
def public_report(request):
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not ratelimit.allow(request, "report_submit"):
            return render(
                request,
                "protection/public/report_form.html",
                {"form": form, "limited": TOO_MANY_REPORTS},
                status=429,
            )
        if form.is_valid():
            data = form.cleaned_data
            try:
                submitted = services.report_submit(
                    category=data["category"],
                    description=data["description"],
                    village=data["village"],
                    regency=data["regency"],
                    province=data["province"],
                    occurred_on=data["occurred_on"],
                    involved=form.involved(),
                    files=data["files"],
                    agency_name=data["agency_name"],
                    callback_contact=data["callback_contact"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                # Shown once, on this response only: never in a URL, never stored in clear.
                return render(
                    request,
                    "protection/public/receipt.html",
                    {
                        "receipt_code": submitted.report.receipt_code,
                        "passphrase": submitted.passphrase,
                        "report": submitted.report,
                    },
                )
    return render(request, "protection/public/report_form.html", {"form": form})


def _check(request, code, passphrase):
    if not ratelimit.allow(request, "report_status_failure"):
        return None, 429
    report = selectors.report_authenticate(receipt_code=code, passphrase=passphrase)
    if report is None:
        return None, 404
    ratelimit.refund(request, "report_status_failure")
    return report, 200


@never_cache
def public_status(request):
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report, status = _check(request, form.cleaned_data["receipt_code"], form.cleaned_data["passphrase"])
        if report is not None:
            add = AddInformationForm(initial=form.cleaned_data)
            return _status_page(request, report, add)
        return _status_refused(request, status)
    return render(request, "protection/public/status_form.html", {"form": form})


def _status_refused(request, status):
    # A re-rendered form answers 200 like any form with errors (the JSON API carries 404/429); the page is the
    # same for an unknown code and a wrong passphrase, and the typed values are not echoed back.
    return render(
        request,
        "protection/public/status_form.html",
        {
            "form": StatusForm(),
            "error": TOO_MANY_ATTEMPTS if status == 429 else REPORT_NOT_FOUND,
            "throttled": status == 429,
        },
    )


def _status_page(request, report, add_form, status=200):
    return render(
        request,
        "protection/public/status.html",
        {"report": report, "report_messages": selectors.report_messages(report), "add": add_form},
        status=status,
    )


@never_cache
@require_POST
def public_add_information(request):
    form = AddInformationForm(request.POST, request.FILES)
    code, passphrase = request.POST.get("receipt_code", ""), request.POST.get("passphrase", "")
    report, status = _check(request, code, passphrase)
    if report is None:
        return _status_refused(request, status)
    if form.is_valid():
        try:
            services.report_add_information(
                report=report, body=form.cleaned_data["body"], files=form.cleaned_data["files"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _status_page(
                request, report, AddInformationForm(initial={"receipt_code": code, "passphrase": passphrase})
            )
    return _status_page(request, report, form)


def public_agency_check(request):
    q = request.GET.get("q", "").strip()[:200]
    results = None
    limited = False
    if q:
        if not ratelimit.allow(request, "agency_search"):
            limited = True
        else:
            results = selectors.agencies_search(q)
    return render(
        request,
        "protection/public/agency_check.html",
        {"q": q, "results": results, "limited": limited},
        status=429 if limited else 200,
    )
