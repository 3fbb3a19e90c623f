"""Public pages: the privacy notice and the request form (shows no data to anyone)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from desabinaan.core.ratelimit import client_key, count_hit, window_start
from desabinaan.core.views import add_service_errors

from . import ropa, services
from .forms import PublicRequestForm
from .models import RateCounter

# Submissions of the public form per client per hour: enough for a family, not for flooding the offices.
SUBMIT_LIMIT = (5, 3600)
TOO_MANY = _(
    "Terlalu banyak permintaan dari perangkat ini. Coba lagi nanti atau datang langsung ke kantor desa."
)


def _allowed(request) -> bool:
    limit, seconds = SUBMIT_LIMIT
    now = timezone.now()
    RateCounter.objects.filter(window_start__lt=now - dt.timedelta(seconds=seconds)).delete()
    start = window_start(now, seconds)
    return count_hit(RateCounter, key=client_key(request, "privacy_request"), start=start) <= limit


def notice(request):
    return render(
        request,
        "privacy/notice.html",
        {
            "controller": settings.PRIVACY_CONTROLLER,
            "contact": settings.PRIVACY_CONTACT,
            "purposes": ropa.purposes(),
            "retention": ropa.retention(),
        },
    )


@require_http_methods(["GET", "POST"])
def public_request(request):
    form = PublicRequestForm(request.POST or None)
    if request.method == "POST" and not _allowed(request):
        return HttpResponse(TOO_MANY, status=429, content_type="text/plain; charset=utf-8")
    if request.method == "POST" and form.is_valid():
        try:
            services.data_request_submit(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("privacy:public_request_sent")
    return render(request, "privacy/public_request.html", {"form": form})


def public_request_sent(request):
    return render(request, "privacy/public_request_sent.html")
