"""Public pages of the protection app (/lapor/): report a suspicious recruiter, read the replies, check an agency.

They need no account and store nothing about the visitor; each is rate-limited (protection.ratelimit).
"""

import time

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from desabinaan.core.views import add_service_errors

from . import ratelimit, selectors, services
from .api_public import REPORT_NOT_FOUND, TOO_MANY_ATTEMPTS, TOO_MANY_REPORTS
from .forms import AddInformationForm, ReportForm, StatusForm
from .models import Report

# Post/Redirect/Get for the receipt: the code and passphrase wait in the session, are shown once by public_receipt
# and stay downloadable (public_receipt_download) for a short while only; a reload never files a second report.
RECEIPT_SESSION_KEY = "report_receipt"
RECEIPT_DOWNLOAD_SECONDS = 15 * 60

# What each status means for the reporter, in plain words (shown on the status page).
STATUS_EXPLANATIONS = {
    Report.Status.NEW: gettext_lazy("Laporan diterima dan menunggu dibaca petugas."),
    Report.Status.TRIAGED: gettext_lazy(
        "Petugas sudah membaca laporan dan sedang menilai langkah berikutnya."
    ),
    Report.Status.IN_PROGRESS: gettext_lazy(
        "Petugas sedang menindaklanjuti laporan, misalnya memeriksa perekrut."
    ),
    Report.Status.REFERRED: gettext_lazy("Laporan diteruskan ke instansi mitra yang berwenang menanganinya."),
    Report.Status.CLOSED: gettext_lazy("Penanganan laporan sudah selesai. Baca pesan petugas di bawah."),
}


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
                # Never in a URL; in the session only until shown (and downloadable for a short while).
                request.session[RECEIPT_SESSION_KEY] = {
                    "code": submitted.report.receipt_code,
                    "passphrase": submitted.passphrase,
                    "report": submitted.report.pk,
                    "at": time.time(),
                    "shown": False,
                }
                return redirect("report:receipt")
    return render(request, "protection/public/report_form.html", {"form": form})


def _pending_receipt(request):
    """The receipt waiting in the session, or None; an expired one is removed."""
    receipt = request.session.get(RECEIPT_SESSION_KEY)
    if receipt is None:
        return None
    if time.time() - receipt.get("at", 0) > RECEIPT_DOWNLOAD_SECONDS:
        del request.session[RECEIPT_SESSION_KEY]
        return None
    return receipt


@never_cache
@require_GET
def public_receipt(request):
    receipt = _pending_receipt(request)
    if receipt is None or receipt["shown"]:
        # A reload (or a later visit) shows no secret again and never files anything.
        return render(request, "protection/public/receipt.html", {"already_shown": True, "download": receipt})
    receipt["shown"] = True
    request.session[RECEIPT_SESSION_KEY] = receipt
    return render(
        request,
        "protection/public/receipt.html",
        {
            "receipt_code": receipt["code"],
            "passphrase": receipt["passphrase"],
            "report": Report.objects.select_related("kanim").filter(pk=receipt["report"]).first(),
            "download": receipt,
        },
    )


@never_cache
@require_GET
def public_receipt_download(request):
    receipt = _pending_receipt(request)
    if receipt is None:
        return redirect("report:receipt")
    text = "\r\n".join(
        [
            _("Kode tanda terima") + ": " + receipt["code"],
            _("Frasa sandi") + ": " + receipt["passphrase"],
            "",
            request.build_absolute_uri(reverse("report:status")),
            "",
        ]
    )
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{receipt["code"]}.txt"'
    return response


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


def _status_page(request, report, add_form, status=200, added=False):
    return render(
        request,
        "protection/public/status.html",
        {
            "report": report,
            "report_messages": selectors.report_messages(report),
            "add": add_form,
            "added": added,
            "explanation": STATUS_EXPLANATIONS.get(report.status, ""),
            "explanations": [
                (Report.Status(value).label, text) for value, text in STATUS_EXPLANATIONS.items()
            ],
        },
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
                request,
                report,
                AddInformationForm(initial={"receipt_code": code, "passphrase": passphrase}),
                added=True,
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
