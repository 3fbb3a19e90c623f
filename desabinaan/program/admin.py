from django.contrib import admin

from .models import DesaBinaan, EvaluationIndicator, PimpasaAssignment, SelectionCriterion


class PimpasaAssignmentInline(admin.TabularInline):
    model = PimpasaAssignment
    extra = 0
    raw_id_fields = ["officer"]
    fields = ["officer", "decree_number", "valid_from", "valid_to"]


@admin.register(DesaBinaan)
class DesaBinaanAdmin(admin.ModelAdmin):
    list_display = ["village", "kanim", "status", "sk_number", "designated_on"]
    list_filter = ["status", "kanim"]
    list_select_related = ["village", "kanim"]
    search_fields = ["village__name", "village__code", "sk_number"]
    raw_id_fields = ["village"]
    inlines = [PimpasaAssignmentInline]


# Criteria and indicators are data an administrator edits (no national list or template exists).
@admin.register(SelectionCriterion)
class SelectionCriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "label_en", "weight", "active", "order"]
    list_editable = ["weight", "active", "order"]


@admin.register(EvaluationIndicator)
class EvaluationIndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "label_en", "source", "weight", "target", "direction", "active", "order"]
    list_editable = ["weight", "target", "active", "order"]
