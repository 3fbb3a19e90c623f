"""Dashboards by scope, official reports, list exports and the public statistics page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_bulk_record
from desabinaan.core.cache import public_page
from desabinaan.core.dbrouter import reads_from_replica
from desabinaan.events.models import TargetGroup
from desabinaan.events.selectors import events_for_user
from desabinaan.jobs.models import Job
from desabinaan.jobs.services import JobError, job_retry
from desabinaan.people.models import Sex
from desabinaan.people.selectors import people_for_user
from desabinaan.privacy.selectors import restricted_person_ids
from desabinaan.program.models import DesaBinaan
from desabinaan.protection.models import Decision, Referral
from desabinaan.protection.selectors import referrals_for

from . import public, selectors
from .exports import FORMATS, Column, export_response
from .models import Level, OfficialReport
from .periods import PRESETS, PeriodError, period_from_params, quarter_period
from .reports import INDICATORS
from .svg import bar_chart
from .tasks import REFRESH, REPORT, RefreshTooSoon, official_report_request, refresh_request


def _target_or_403(request):
    spec = request.GET.get("scope")
    try:
        target = selectors.target_parse(spec) if spec else selectors.home_target(request.user)
    except selectors.TargetError:
        raise Http404 from None
    if target is None or not selectors.can_view(request.user, target):
        raise PermissionDenied(str(selectors.OUT_OF_SCOPE))
    return target


def _labelled(counts: dict[str, int], choices) -> list[tuple[str, int]]:
    """Counts per code as (label, count) in the choices' order: codes never reach the page."""
    return [(str(label), counts[value]) for value, label in choices if value in counts]


def _target_group_labels(by_code: dict[str, int]) -> list[tuple[str, int]]:
    """People reached per target group code as (label in the active language, count); "-" is no group."""
    groups = {g.code: g.display_label for g in TargetGroup.objects.filter(code__in=list(by_code))}
    return [(groups.get(code) or _("tanpa kelompok"), n) for code, n in by_code.items()]


def _status_labels(by_status: dict[str, int]) -> list[tuple[str, int]]:
    """Village counts per status, in the status machine's order."""
    return _labelled(by_status, DesaBinaan.Status.choices)


@login_required
@reads_from_replica
def dashboard(request):
    target = _target_or_403(request)
    error = ""
    try:
        period = period_from_params(request.GET)
    except PeriodError as exc:
        error, period = str(exc), period_from_params({})
    data = selectors.summary(target, period)
    charts = [
        {"label": t["label"], "svg": bar_chart(t["label"], t["points"]), "points": t["points"]}
        for t in data["trends"]
    ]
    children = [
        dict(row, scope=f"{row['level']}:{row['code']}", can_open=_child_visible(request.user, row))
        for row in data["children"]
    ]
    return render(
        request,
        "stats/dashboard.html",
        {
            "target": target,
            "period": period,
            "presets": PRESETS,
            "error": error,
            "f": data["figures"],
            "villages_by_status": _status_labels(data["figures"]["villages_by_status"]),
            "decisions_by_kind": _labelled(data["figures"]["decisions_by_kind"], Decision.Kind.choices),
            "referral_outcomes": _labelled(data["figures"]["referral_outcomes"], Referral.Outcome.choices),
            "target_groups_reached": _target_group_labels(data["figures"]["people_reached_by_target_group"]),
            "charts": charts,
            "children": children,
            "refreshed_at": data["refreshed_at"],
            "pending_since": selectors.pending_since(target),
            "crumbs": selectors.breadcrumbs(request.user, target),
            "sexes": Sex.choices,
            "can_report": target.level != Level.VILLAGE,
        },
    )


@login_required
@require_http_methods(["POST"])
def refresh(request):
    """An officer asks for the figures of their scope to be recomputed now (a background task they can watch)."""
    target = _target_or_403(request)
    try:
        job = refresh_request(actor=request.user, target=target)
    except RefreshTooSoon as exc:
        messages.error(request, str(exc))
        return redirect(f"{reverse('stats:dashboard')}?scope={target.key}")
    return redirect("stats:job", job_id=job.pk)


def _own_job_or_404(request, job_id: int) -> Job:
    """A stats task the user started (the national administrator sees every one)."""
    jobs = Job.objects.filter(kind__in=[REFRESH, REPORT])
    if not scope_for(request.user).is_national:
        jobs = jobs.filter(created_by=request.user)
    return get_object_or_404(jobs, pk=job_id)


def _job_progress(request, job: Job, *, title: str, done_url: str):
    """The progress page of a task; polled by htmx, which reloads the page (HX-Refresh) once the task ends."""
    context = {
        "job": job,
        "title": title,
        "done_url": done_url,
        "poll_url": request.get_full_path(),
        "retry_url": reverse("stats:job_retry", args=[job.pk]),
    }
    if request.headers.get("HX-Request"):
        response = render(request, "jobs/_progress.html", context)
        if job.is_finished:
            response["HX-Refresh"] = "true"
        return response
    return render(request, "stats/job.html", context)


@login_required
def job_status(request, job_id: int):
    job = _own_job_or_404(request, job_id)
    return _job_progress(
        request, job, title=str(_("Penyegaran angka dasbor")), done_url=reverse("stats:dashboard")
    )


@login_required
@require_http_methods(["POST"])
def job_retry_view(request, job_id: int):
    job = _own_job_or_404(request, job_id)
    try:
        job_retry(job=job)
    except JobError as exc:
        messages.error(request, str(exc))
    report = OfficialReport.objects.filter(job=job).first()
    return redirect("stats:report", pk=report.pk) if report else redirect("stats:job", job_id=job.pk)


def _child_visible(user, row) -> bool:
    scope = scope_for(user)
    if scope.is_national:
        return True
    if row["level"] == Level.KANIM:
        return int(row["code"]) in scope.kanim_ids
    if row["level"] == Level.VILLAGE:
        return scope.contains_village(row["code"])
    return False


# --- Official reports ----------------------------------------------------------------------------------------------


def _visible_reports(user):
    scope = scope_for(user)
    qs = OfficialReport.objects.select_related("job", "created_by").defer("xlsx", "pdf")
    if scope.is_national:
        return qs
    keys = [f"kanim:{k}" for k in scope.kanim_ids]
    if user.role == "kanwil" and user.kanwil_id:
        keys.append(f"province:{user.kanwil.province_id}")
    return qs.filter(scope_key__in=keys)


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request):
    target = _target_or_403(request)
    if request.method == "POST":
        if target.level == Level.VILLAGE:
            raise PermissionDenied
        kind = request.POST.get("period_kind", "month")
        try:
            year = int(request.POST.get("year", ""))
            number = int(request.POST.get("number", ""))
            if kind == "quarter" and 1 <= number <= 4:
                period = quarter_period(year, number)
            elif kind == "month" and 1 <= number <= 12:
                period = period_from_params({"from": f"{year:04d}-{number:02d}-01"})
            else:
                raise ValueError
        except (ValueError, PeriodError):
            raise Http404 from None
        report = official_report_request(actor=request.user, target=target, period=period, period_kind=kind)
        return redirect("stats:report", pk=report.pk)
    reports = _visible_reports(request.user)[:100]
    return render(request, "stats/report_list.html", {"target": target, "reports": reports})


def _report_or_404(request, pk):
    report = _visible_reports(request.user).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report


@login_required
def report_detail(request, pk):
    report = _report_or_404(request, pk)
    if request.headers.get("HX-Request") and report.job:
        return _job_progress(request, report.job, title="", done_url="")
    return render(
        request,
        "stats/report_detail.html",
        {
            "report": report,
            "indicators": INDICATORS,
            "job": report.job,
            "poll_url": request.get_full_path(),
            "retry_url": reverse("stats:job_retry", args=[report.job_id]) if report.job_id else "",
        },
    )


@login_required
@reads_from_replica
def report_download(request, pk, fmt):
    _report_or_404(request, pk)
    field = {"xlsx": "xlsx", "pdf": "pdf"}.get(fmt)
    content = OfficialReport.objects.filter(pk=pk).values_list(field, flat=True).first() if field else None
    if not content:
        raise Http404
    types = {
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf",
    }
    response = HttpResponse(bytes(content), content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="laporan-desa-binaan-{pk}.{fmt}"'
    return response


# --- Exports of lists (the generic helper is desabinaan.stats.exports) --------------------------------------------


def _label(choices):
    labels = dict(choices)
    return lambda value: str(labels.get(value, value or ""))


EXPORTS = {
    "orang": (
        lambda user: people_for_user(user),
        [
            Column("Nama", "name"),
            Column("Jenis kelamin", "sex", _label(Sex.choices)),
            Column("Tahun lahir", "birth_year"),
            Column("Kode desa", "village_id"),
            Column("Desa/kelurahan", "village__name"),
            # Only the masked NIK ever leaves the system in an export.
            Column("NIK (tersamar)", "nik_masked"),
            Column("Didaftarkan", "created_at"),
        ],
    ),
    "kegiatan": (
        lambda user: events_for_user(user),
        [
            Column("Judul", "title"),
            Column("Mulai", "starts_at"),
            Column("Kode desa", "village_id"),
            Column("Desa/kelurahan", "village__name"),
            Column("Tempat", "venue"),
            Column("Status", "status"),
            Column("Jumlah hadir (hitungan)", "actual_attendance"),
        ],
    ),
    "rujukan": (
        lambda user: referrals_for(user),
        [
            Column("Nomor", "id"),
            Column("Kode desa", "village_id"),
            Column("Tindakan", "action", _label(Referral.Action.choices)),
            Column("Status", "status", _label(Referral.Status.choices)),
            Column("Hasil", "outcome", _label(Referral.Outcome.choices)),
            Column("Tenggat", "due_on"),
            Column("Dibuat", "created_at"),
            Column("Ditutup", "closed_at"),
        ],
    ),
}
# Exports of personal records and the access-log purpose written for each person in them.
PERSONAL_EXPORTS = {"orang": "ekspor daftar orang"}


@login_required
def export_list(request, name, fmt):
    if name not in EXPORTS or fmt not in FORMATS:
        raise Http404
    queryset_for, columns = EXPORTS[name]
    qs = queryset_for(request.user)
    # Drop annotations/prefetches that the list page needs but an export does not.
    qs = qs.model.objects.filter(pk__in=qs.values("pk")).order_by("pk")
    if name in PERSONAL_EXPORTS:
        # A restricted person's record is kept but not used (UU PDP Art. 41, privacy app): never in an export.
        qs = qs.exclude(pk__in=restricted_person_ids())
        # Every person in the file is access-logged (channel "export"), like a detail read.
        access_bulk_record(
            actor=request.user, person_ids=qs.values_list("pk", flat=True), purpose=PERSONAL_EXPORTS[name]
        )
    return export_response(queryset=qs, columns=columns, filename=name, fmt=fmt)


# --- Public --------------------------------------------------------------------------------------------------------


@public_page("stats")
def public_stats(request):
    """Computed at refresh time; the page is cached for anonymous visitors until the next refresh (core.cache: the
    signed-in menu and the CSRF token are never shared between visitors)."""
    data, refreshed_at = public.public_stats()
    context = {"data": data, "refreshed_at": refreshed_at, "title": _("Statistik program")}
    return render(request, "stats/public.html", context)
