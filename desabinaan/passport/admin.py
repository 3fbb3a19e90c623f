"""Admin for the passport rules. A rule that has taken effect is history: it can only be closed (effective_to),
never edited or deleted; a change is a new row with a later effective date."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    CollectiveServiceRule,
    DocumentRequirement,
    DocumentType,
    FeeItem,
    FeeSchedule,
    MoratoriumRule,
    PassportProduct,
    ValidityRule,
)
from .models.requests import RouteAdvisory


def _started(obj) -> bool:
    return obj is not None and obj.pk is not None and obj.effective_from <= timezone.localdate()


class VersionedRuleAdmin(admin.ModelAdmin):
    """Rows already in effect are read-only except for closing them once (setting effective_to)."""

    date_hierarchy = "effective_from"

    def get_readonly_fields(self, request, obj=None):
        if not _started(obj):
            return ["created_at"]
        # The officers' flag and curation note are notes about the rule, not the rule: they stay editable.
        fields = [
            f.name
            for f in self.model._meta.concrete_fields
            if f.name not in ("id", "to_be_confirmed", "curation_note")
        ]
        if obj.effective_to is None:
            fields.remove("effective_to")
        return fields

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _started(obj)

    @admin.display(description=_("dasar hukum"))
    def citation_short(self, obj):
        return obj.citation if len(obj.citation) <= 90 else obj.citation[:87] + "…"


class FeeItemInline(admin.TabularInline):
    model = FeeItem
    extra = 0
    fields = ["code", "label", "label_en", "amount_idr", "citation"]

    def _locked(self, obj):
        return _started(obj)

    def get_readonly_fields(self, request, obj=None):
        return self.fields if self._locked(obj) else []

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._locked(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._locked(obj)


@admin.register(FeeSchedule)
class FeeScheduleAdmin(VersionedRuleAdmin):
    list_display = ["name", "effective_from", "effective_to", "citation_short"]
    search_fields = ["name", "citation"]
    inlines = [FeeItemInline]


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "provided_by_office"]
    search_fields = ["code", "label"]


@admin.register(DocumentRequirement)
class DocumentRequirementAdmin(VersionedRuleAdmin):
    list_display = [
        "document",
        "level",
        "cases",
        "applicant",
        "purposes",
        "force_majeure",
        "effective_from",
        "effective_to",
        "citation_short",
    ]
    list_filter = ["level", "applicant", "force_majeure", "document"]
    list_select_related = ["document"]
    search_fields = ["document__code", "document__label", "citation", "conflicting_citation"]


@admin.register(ValidityRule)
class ValidityRuleAdmin(VersionedRuleAdmin):
    list_display = [
        "adult_age",
        "long_years",
        "short_years",
        "married_counts",
        "effective_from",
        "effective_to",
        "citation_short",
    ]


@admin.register(MoratoriumRule)
class MoratoriumRuleAdmin(VersionedRuleAdmin):
    list_display = ["name", "countries", "job_types", "effective_from", "effective_to", "citation_short"]
    search_fields = ["name", "citation", "countries"]


@admin.register(CollectiveServiceRule)
class CollectiveServiceRuleAdmin(VersionedRuleAdmin):
    list_display = [
        "min_applicants",
        "vulnerable_min_applicants",
        "effective_from",
        "effective_to",
        "citation_short",
    ]


@admin.register(RouteAdvisory)
class RouteAdvisoryAdmin(admin.ModelAdmin):
    """Destination and route facts behind readiness warnings; `to_confirm` and the note are for officers only."""

    list_display = ["kind", "country", "area", "agency_name", "effective_from", "effective_to", "to_confirm"]
    list_filter = ["kind", "to_confirm", "country"]
    search_fields = ["agency_name", "citation", "status"]


# Readiness checks and collective requests are personal records: they are read through the pages and the API,
# which scope and access-log every read, not through the admin.


@admin.register(PassportProduct)
class PassportProductAdmin(VersionedRuleAdmin):
    """Which passports an office issues from a date; an office without rows uses the rows without an office."""

    list_display = [
        "office_name",
        "product",
        "effective_from",
        "effective_to",
        "to_be_confirmed",
        "citation_short",
    ]
    list_filter = ["product", "to_be_confirmed"]
    search_fields = ["office__name", "citation"]

    @admin.display(description=_("kantor imigrasi"))
    def office_name(self, obj):
        # The link is by name without a database constraint: show the name even before the office is entered.
        return obj.office_id or _("semua kantor tanpa baris sendiri")
