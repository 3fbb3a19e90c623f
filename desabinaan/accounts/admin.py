from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import ApiToken, LoginFailure, User

# django_otp registers TOTPDevice itself (otp_totp/admin.py); deleting a user's device there resets their 2FA.

_ORGANISATION = (
    _("Peran dan tempat dalam organisasi"),
    {
        "fields": ("role", "kanwil", "kanim", "village", "agency", "phone", "is_demo"),
        "description": _(
            "Staf Kanwil memerlukan kanwil; petugas dan PIMPASA memerlukan kantor imigrasi; perangkat desa "
            "memerlukan desa/kelurahan; pengguna instansi mitra memerlukan instansi."
        ),
    },
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    # Every organisation field is on the form, so the model's check constraints run in form validation and show
    # their Indonesian messages as form errors instead of an IntegrityError.
    fieldsets = (*DjangoUserAdmin.fieldsets, _ORGANISATION)
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Data pribadi"), {"fields": ("first_name", "last_name", "email")}),
        (_ORGANISATION[0], {"fields": ("role", "kanwil", "kanim", "village", "agency")}),
    )
    readonly_fields = ("is_demo",)
    list_display = ("username", "first_name", "last_name", "role", "kanim", "village", "is_active", "is_demo")
    list_filter = ("role", "is_active", "is_staff", "is_demo", "kanim")
    list_select_related = ("kanim", "village")
    search_fields = ("username", "first_name", "last_name", "email")
    # 83,000+ villages: a raw id input (with its lookup popup) instead of a giant select.
    raw_id_fields = ("village",)


@admin.action(description=_("Cabut token terpilih"))
def revoke_tokens(modeladmin, request, queryset):
    count = 0
    for token in queryset.filter(revoked_at__isnull=True):
        services.api_token_revoke(actor=request.user, token=token)
        count += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d token dicabut.", "%(count)d token dicabut.", count) % {"count": count},
        messages.SUCCESS,
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only: tokens are created on the tokens page or with `manage.py create_api_token` (raw shown once)."""

    list_display = ("prefix", "name", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    list_select_related = ("user",)
    search_fields = ("prefix", "name", "user__username")
    readonly_fields = (
        "user",
        "name",
        "prefix",
        "key_hash",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    fields = readonly_fields
    actions = [revoke_tokens]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # The change page stays viewable; every field is read-only, so nothing can be saved.
        return False

    def has_delete_permission(self, request, obj=None):
        # Revoked tokens stay as the record of who had access when; revoke instead of deleting.
        return False


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    """Delete a username's rows to lift its lockout early."""

    list_display = ("username", "address", "at")
    search_fields = ("username",)
    list_filter = ("at",)
    readonly_fields = ("username", "address", "at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
