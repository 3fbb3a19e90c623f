"""Public pages: the privacy notice and the request form (shows no data to anyone)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from desabinaan.core.views import add_service_errors

from . import ropa, services
from .forms import PublicRequestForm


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
