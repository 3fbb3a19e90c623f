from django.contrib import admin

from .models import DesaBinaan, PimpasaAssignment


class PimpasaAssignmentInline(admin.TabularInline):
    model = PimpasaAssignment
    extra = 0
    raw_id_fields = ["officer"]


@admin.register(DesaBinaan)
class DesaBinaanAdmin(admin.ModelAdmin):
    list_display = ["village", "kanim", "status", "sk_number", "designated_on"]
    list_filter = ["status", "kanim"]
    list_select_related = ["village", "kanim"]
    search_fields = ["village__name", "village__code", "sk_number"]
    raw_id_fields = ["village"]
    inlines = [PimpasaAssignmentInline]
