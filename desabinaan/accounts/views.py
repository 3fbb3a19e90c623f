"""Pages of this app: login and logout, two-factor enrolment and verification, password reset, API tokens."""

import base64
import io
from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .demo import demo_password
from .forms import ApiTokenForm, LoginForm, OtpForm
from .middleware import two_factor_exempt
from .twofactor import two_factor_satisfied

# Accounts created by `seed_demo`; listed on the login page only in demo mode.
DEMO_ACCOUNTS = [
    ("admin", gettext_lazy("Administrator nasional")),
    ("kanwil.bengkulu", gettext_lazy("Staf Kanwil Bengkulu (hanya baca)")),
    ("kanim.bengkulu", gettext_lazy("Petugas Kantor Imigrasi Bengkulu")),
    ("pimpasa.bengkulu", gettext_lazy("PIMPASA Kantor Imigrasi Bengkulu")),
    ("desa.tebatmonok", gettext_lazy("Perangkat Desa Tebat Monok")),
    ("desa.lain", gettext_lazy("Perangkat Desa Urai")),
    ("kanim.lain", gettext_lazy("Petugas Kantor Imigrasi Bandung")),
]


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        # A role that needs two-factor goes through the code page first, keeping where it was heading.
        target = super().get_success_url()
        if not two_factor_satisfied(self.request):
            return reverse("accounts:two_factor") + "?" + urlencode({"next": target})
        return target

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.DEMO_MODE:
            context["demo_accounts"] = DEMO_ACCOUNTS
            context["demo_password"] = demo_password()
        return context


login_view = two_factor_exempt(LoginView.as_view())
logout_view = two_factor_exempt(auth_views.LogoutView.as_view())


def _qr_data_uri(text: str) -> str:
    # Rendered on the server as SVG inside a data: image, which the CSP allows (img-src data:) without any
    # inline style; no third-party QR service ever sees the secret.
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=5, border=4, xmldecl=False)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@two_factor_exempt
@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Enrolment (QR code + first code) for a user without an authenticator, otherwise the code check."""
    next_url = _safe_next(request, reverse(settings.LOGIN_REDIRECT_URL))
    if two_factor_satisfied(request):
        return HttpResponseRedirect(next_url)
    enrolling = not selectors.totp_devices_confirmed(user=request.user)
    device = services.totp_device_start(user=request.user) if enrolling else None
    form = OtpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if enrolling:
                services.totp_device_confirm(request=request, device=device, token=form.cleaned_data["token"])
                messages.success(
                    request, _("Autentikasi dua langkah aktif. Simpan aplikasi autentikator Anda.")
                )
            else:
                services.two_factor_verify(request=request, token=form.cleaned_data["token"])
        except ValidationError as exc:
            form.add_error("token", exc)
        else:
            return HttpResponseRedirect(next_url)
    context = {"form": form, "enrolling": enrolling, "next": next_url}
    if enrolling:
        context["qr_data_uri"] = _qr_data_uri(device.config_url)
        context["secret"] = _grouped(b32encode(device.bin_key).decode())
    return render(request, "accounts/two_factor.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    """The user's own API tokens; creating one shows its raw value once on the response page."""
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    created = None
    if request.method == "POST" and form.is_valid():
        token, raw = services.api_token_create(
            user=request.user, name=form.cleaned_data["name"], actor=request.user
        )
        created = {"token": token, "raw": raw}
        form = ApiTokenForm()
    return render(
        request,
        "accounts/tokens.html",
        {"form": form, "created": created, "tokens": selectors.api_tokens_for_user(user=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request, pk: int):
    """Confirm, then revoke one of the user's own tokens; anyone else's token is a 404."""
    token = get_object_or_404(selectors.api_tokens_for_user(user=request.user), pk=pk)
    if request.method == "POST":
        services.api_token_revoke(actor=request.user, token=token)
        messages.success(request, _("Token %(prefix)s… dicabut.") % {"prefix": token.prefix})
        return redirect("accounts:tokens")
    return render(request, "accounts/token_revoke.html", {"token": token})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, rate limited per client address and per e-mail address before any mail is sent."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        try:
            services.password_reset_allow(request=self.request, email=form.cleaned_data["email"])
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password revokes the user's API tokens: a reset is what someone does after a leak."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.api_tokens_revoke_all(user=form.user, reason="kata sandi diatur ulang")
        return response


password_reset = two_factor_exempt(PasswordResetView.as_view())
password_reset_done = two_factor_exempt(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
# A new password never skips two-factor: the reset does not log in, and the next login asks for the code.
password_reset_confirm = two_factor_exempt(PasswordResetConfirmView.as_view())
password_reset_complete = two_factor_exempt(
    auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html")
)
