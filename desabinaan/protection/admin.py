from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from lib.fuzzy import normalize_agency_name

from .models import HelpLine, Indicator, IndicatorSet, LegalStop, LicensedAgency


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["order", "code", "group", "label", "label_en", "weight", "citation", "help_text"]

    # A version some screening used is history: its indicators can no longer change (copy it instead).
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_locked)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not (obj and obj.is_locked)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_locked)


@admin.register(IndicatorSet)
class IndicatorSetAdmin(admin.ModelAdmin):
    list_display = ["version", "name", "is_active", "attention_threshold", "high_threshold", "created_at"]
    inlines = [IndicatorInline]
    actions = ["copy_as_new_version"]

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.is_locked:
            return ["version", "name", "attention_threshold", "high_threshold"]
        return []

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_locked)

    @admin.action(description=_("Salin sebagai versi baru (tidak aktif)"))
    def copy_as_new_version(self, request, queryset):
        with transaction.atomic():
            for source in queryset:
                version = (IndicatorSet.objects.aggregate(v=Max("version"))["v"] or 0) + 1
                copy = IndicatorSet.objects.create(
                    version=version,
                    name=source.name,
                    attention_threshold=source.attention_threshold,
                    high_threshold=source.high_threshold,
                    notes=f"Salinan v{source.version}. {source.notes}",
                )
                Indicator.objects.bulk_create(
                    Indicator(
                        indicator_set=copy,
                        code=i.code,
                        label=i.label,
                        label_en=i.label_en,
                        group=i.group,
                        weight=i.weight,
                        citation=i.citation,
                        help_text=i.help_text,
                        order=i.order,
                    )
                    for i in source.indicators.all()
                )
                self.message_user(request, _("Versi %(v)s dibuat.") % {"v": version}, messages.SUCCESS)


@admin.register(LicensedAgency)
class LicensedAgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "licence_number", "status", "valid_until"]
    list_filter = ["status"]
    search_fields = ["name", "licence_number"]

    def save_model(self, request, obj, form, change):
        obj.name_normalized = normalize_agency_name(obj.name)
        super().save_model(request, obj, form, change)


@admin.register(HelpLine)
class HelpLineAdmin(admin.ModelAdmin):
    """Help lines are dated data: a changed number is a new row with a new effective date (docs/rules.md §4)."""

    list_display = [
        "name",
        "kind",
        "value",
        "effective_from",
        "checked_on",
        "needs_confirmation",
        "is_active",
    ]
    list_filter = ["kind", "needs_confirmation", "is_active"]
    search_fields = ["name", "value", "code"]


@admin.register(LegalStop)
class LegalStopAdmin(admin.ModelAdmin):
    list_display = ["code", "purpose", "under_age", "citation", "effective_from", "needs_confirmation"]
