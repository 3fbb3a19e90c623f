"""Browsing the audit trail and the access log. Both are evidence: nobody adds, edits or deletes entries here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.models import Role

from .models import AccessEntry, AuditEntry


def _is_national_admin(user) -> bool:
    return user.is_active and user.is_staff and (user.is_superuser or user.role == Role.NATIONAL_ADMIN)


class ReadOnlyLogAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included; visible to national administrators only."""

    list_per_page = 100
    date_hierarchy = "at"
    # Counting the whole table for the "N results" line is slow on a log that only grows.
    show_full_result_count = False

    def has_module_permission(self, request):
        return _is_national_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return _is_national_admin(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return self.fields  # every subclass lists its fields explicitly

    @admin.display(description=_("pelaku"), ordering="actor__username")
    def actor_name(self, entry):
        return entry.actor.username if entry.actor else "—"


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyLogAdmin):
    fields = ["at", "actor", "action", "target_type", "target_id", "summary", "changes"]
    list_display = ["at", "actor_name", "action", "target_type", "target_id", "summary"]
    list_filter = ["action", "target_type", ("at", admin.DateFieldListFilter)]
    list_select_related = ["actor"]
    search_fields = ["=target_id", "actor__username"]


@admin.register(AccessEntry)
class AccessEntryAdmin(ReadOnlyLogAdmin):
    # The person is shown by id, never by name: browsing the log must not itself disclose personal data.
    fields = ["at", "actor", "person_ref", "channel", "purpose"]
    list_display = ["at", "actor_name", "person_ref", "channel", "purpose"]
    list_filter = ["channel", ("at", admin.DateFieldListFilter)]
    list_select_related = ["actor"]
    search_fields = ["=person__id", "actor__username"]

    @admin.display(description=_("id orang"), ordering="person_id")
    def person_ref(self, entry):
        return entry.person_id
