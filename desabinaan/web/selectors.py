from django.db.models import Count

from desabinaan.accounts.scope import scope_for
from desabinaan.people.models import Person
from desabinaan.program.models import DesaBinaan


def public_figures() -> dict:
    return {
        "villages": DesaBinaan.objects.exclude(status=DesaBinaan.Status.PROPOSED).count(),
    }


def attention_for(*, user) -> dict:
    scope = scope_for(user)
    villages = scope.filter(
        DesaBinaan.objects.select_related("village__district", "village__regency", "kanim")
    )
    people = scope.filter(Person.objects.active())
    by_status = dict(villages.values_list("status").annotate(n=Count("id")).order_by())
    return {
        "scope": scope,
        "villages": villages[:20],
        "villages_by_status": [
            (label, by_status.get(value, 0)) for value, label in DesaBinaan.Status.choices
        ],
        "people_count": people.count(),
        "people_without_consent": people.filter(consents__isnull=True).count(),
        "recent_people": people.select_related("village").order_by("-created_at")[:10],
    }
