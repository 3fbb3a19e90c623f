"""Dashboards by scope, official reports, list exports and the public statistics page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from desabinaan.accounts.scope import scope_for
from desabinaan.events.selectors import events_for_user
from desabinaan.people.models import Sex
from desabinaan.people.selectors import people_for_user
from desabinaan.protection.models import Referral
from desabinaan.protection.selectors import referrals_for

from . import selectors
from .exports import Column, export_response
from .models import Level, OfficialReport
from .periods import PRESETS, PeriodError, period_from_params, quarter_period
from .reports import INDICATORS, official_report_request
from .svg import bar_chart


def _target_or_403(request):
    spec = request.GET.get("scope")
    try:
        target = selectors.target_parse(spec) if spec else selectors.home_target(request.user)
    except selectors.TargetError:
        raise Http404 from None
    if target is None or not selectors.can_view(request.user, target):
        raise PermissionDenied(str(selectors.OUT_OF_SCOPE))
    return target


@login_required
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
            "charts": charts,
            "children": children,
            "refreshed_at": data["refreshed_at"],
            "crumbs": selectors.breadcrumbs(request.user, target),
            "sexes": Sex.choices,
            "can_report": target.level != Level.VILLAGE,
        },
    )


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
    return render(request, "stats/report_detail.html", {"report": report, "indicators": INDICATORS})


@login_required
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


@login_required
def export_list(request, name, fmt):
    if name not in EXPORTS:
        raise Http404
    queryset_for, columns = EXPORTS[name]
    qs = queryset_for(request.user)
    # Drop annotations/prefetches that the list page needs but an export does not.
    qs = qs.model.objects.filter(pk__in=qs.values("pk")).order_by("pk")
    return export_response(queryset=qs, columns=columns, filename=name, fmt=fmt)


# --- Public --------------------------------------------------------------------------------------------------------


def public_stats(request):
    """Computed at refresh time; the rendered page is cached per process until the next refresh."""
    gen, refreshed_at = selectors.generation()
    key = f"stats-public:{gen}:{refreshed_at.timestamp() if refreshed_at else 0}:{get_language()}"
    html = cache.get(key)
    if html is None:
        data, refreshed_at = selectors.public_stats()
        context = {"data": data, "refreshed_at": refreshed_at, "title": _("Statistik program")}
        html = render_to_string("stats/public.html", context, request=request)
        # No CSRF token or user-specific content on this page, so one rendering serves every visitor.
        cache.set(key, html, timeout=3600)
    return HttpResponse(html)
