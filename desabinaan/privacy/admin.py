"""Rules are edited here (a change is a new row with a later date); requests and breaches are read-only here,
their work happens on the pages (services, audit)."""

from django.contrib import admin

from .models import Breach, DataRequest, RequestRule, RetentionRule


@admin.register(RequestRule)
class RequestRuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "hours", "citation", "effective_from", "statutory", "unconfirmed"]
    list_filter = ["kind", "statutory", "unconfirmed"]


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    list_display = ["record_type", "purpose", "period_days", "action", "effective_from", "unconfirmed"]
    list_filter = ["record_type", "unconfirmed"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DataRequest)
class DataRequestAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "status", "village", "received_at", "due_at", "escalated_at"]
    list_filter = ["kind", "status", "channel"]
    exclude = ["requester_name", "requester_contact", "guardian_name"]


@admin.register(Breach)
class BreachAdmin(ReadOnlyAdmin):
    list_display = ["title", "discovered_at", "notify_due_at", "status", "kanim"]
    list_filter = ["status"]
    exclude = ["persons"]
