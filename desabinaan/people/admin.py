"""Read-mostly admin: records are created and changed through the services (audit, NIK encryption, dedup).

The encrypted NIK and its hash are never shown; opening a person here is written to the access log.
"""

from django.contrib import admin

from desabinaan.audit.services import access_record

from .models import Consent, LawfulBasisDefault, NotDuplicate, Person


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    fields = ["purpose", "lawful_basis", "given_at", "collected_by", "guardian_name", "withdrawn_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = [
        "name",
        "nik_masked",
        "birth_date",
        "birth_year",
        "sex",
        "village",
        "merged_into",
        "created_at",
    ]
    list_filter = ["sex"]
    search_fields = ["name", "name_key"]
    list_select_related = ["village", "merged_into"]
    # Explicit list: nik_encrypted and nik_hash must never be rendered.
    fields = [
        "name",
        "nik_masked",
        "birth_date",
        "birth_year",
        "sex",
        "village",
        "phone",
        "merged_into",
        "created_by",
        "created_at",
        "updated_at",
        "version",
    ]
    readonly_fields = fields
    inlines = [ConsentInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        person = self.get_object(request, object_id)
        if person is not None:
            access_record(actor=request.user, person=person, channel="admin", purpose="admin")
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = ["person", "purpose", "lawful_basis", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "lawful_basis"]
    list_select_related = ["person"]
    raw_id_fields = ["person"]


@admin.register(NotDuplicate)
class NotDuplicateAdmin(ReadOnlyAdmin):
    list_display = ["person_a", "person_b", "decided_by", "decided_at"]
    list_select_related = ["person_a", "person_b", "decided_by"]


@admin.register(LawfulBasisDefault)
class LawfulBasisDefaultAdmin(admin.ModelAdmin):
    """Rule data: add a new row with a new effective date rather than editing one in force (docs/rules.md §6)."""

    list_display = ["purpose", "role", "lawful_basis", "effective_from", "source"]
    list_filter = ["purpose", "lawful_basis"]
