from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import services


class LoginForm(AuthenticationForm):
    """Django's login form with the lockout of `services.login_check` instead of a bare authenticate()."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": services.INVALID_LOGIN,
        "inactive": services.INVALID_LOGIN,
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            self.user_cache = services.login_check(request=self.request, username=username, password=password)
        return self.cleaned_data


class OtpForm(forms.Form):
    token = forms.CharField(
        label=_("Kode verifikasi (6 angka)"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True, "size": 8}
        ),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nama token"),
        max_length=100,
        help_text=_("Untuk apa token ini dipakai, misalnya “integrasi SIMKIM”."),
    )
