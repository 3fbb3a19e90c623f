from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .models import Kanim, Kanwil, PartnerAgency, WorkingAreaAssignment
from .selectors import regencies_without_kanim
from .services import working_area_assign, working_area_check


@admin.register(Kanwil)
class KanwilAdmin(admin.ModelAdmin):
    list_display = ["name", "province", "phone"]
    list_select_related = ["province"]
    search_fields = ["name", "province__name"]


class CurrentWorkingAreaInline(admin.TabularInline):
    """The regencies a Kanim serves today; moving one goes through "Pindahkan kabupaten/kota" (the service)."""

    model = WorkingAreaAssignment
    verbose_name = _("wilayah kerja saat ini")
    verbose_name_plural = _("wilayah kerja saat ini")
    fields = ["regency", "valid_from", "basis"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).filter(valid_to__isnull=True).select_related("regency")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Kanim)
class KanimAdmin(admin.ModelAdmin):
    list_display = ["name", "office_class", "kanwil", "phone"]
    list_filter = ["kanwil"]
    list_select_related = ["kanwil"]
    search_fields = ["name"]
    inlines = [CurrentWorkingAreaInline]


class WorkingAreaMoveForm(forms.ModelForm):
    """Moves a regency to a Kanim from a date; the current assignment is closed by the service on save."""

    class Meta:
        model = WorkingAreaAssignment
        fields = ["regency", "kanim", "valid_from", "basis"]

    def _get_validation_exclusions(self):
        # The one-open-assignment constraint would always fail here: the old row is still open until the service
        # closes it. working_area_check below applies the real rule with the service's own messages.
        exclude = super()._get_validation_exclusions()
        exclude.add("regency")
        return exclude

    def clean(self):
        cleaned = super().clean()
        regency, kanim, valid_from = (cleaned.get(f) for f in ("regency", "kanim", "valid_from"))
        if regency and kanim and valid_from:
            try:
                working_area_check(kanim=kanim, regency=regency, valid_from=valid_from)
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return cleaned


class CurrentFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "current"

    def lookups(self, request, model_admin):
        return [("1", _("berlaku")), ("0", _("berakhir"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(valid_to__isnull=True)
        if self.value() == "0":
            return queryset.filter(valid_to__isnull=False)
        return queryset


@admin.register(WorkingAreaAssignment)
class WorkingAreaAssignmentAdmin(admin.ModelAdmin):
    """History is read-only; the add form is "move a regency", saved through working_area_assign (audited)."""

    form = WorkingAreaMoveForm
    list_display = ["regency", "kanim", "valid_from", "valid_to", "basis"]
    list_filter = [CurrentFilter, "kanim"]
    list_select_related = ["regency", "kanim"]
    search_fields = ["regency__code", "regency__name", "kanim__name"]
    date_hierarchy = "valid_from"
    change_list_template = "admin/offices/workingareaassignment/change_list.html"

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "title": _("Pindahkan kabupaten/kota ke kantor imigrasi")}
        return super().add_view(request, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        assignment = working_area_assign(
            actor=request.user,
            kanim=obj.kanim,
            regency=obj.regency,
            valid_from=obj.valid_from,
            basis=obj.basis,
        )
        obj.pk = assignment.pk

    def get_urls(self):
        report = path(
            "tanpa-kanim/",
            self.admin_site.admin_view(self.uncovered_view),
            name="offices_regencies_without_kanim",
        )
        return [report, *super().get_urls()]

    def uncovered_view(self, request):
        """Report: regencies/cities outside every Kanim's current working area."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return TemplateResponse(
            request,
            "offices/admin/regencies_without_kanim.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Kabupaten/kota tanpa kantor imigrasi"),
                "regencies": regencies_without_kanim(),
            },
        )


@admin.register(PartnerAgency)
class PartnerAgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "province"]
    list_filter = ["kind"]
    list_select_related = ["province"]
    search_fields = ["name"]
