"""Phone numbers stored before issue 14 are normalised to E.164 by people/0006; the unparseable ones are left as
they are and reported in the migration's output by person id (never the number)."""

import importlib

from django.apps import apps

from desabinaan.people.models import Person

E164 = "+6281234567890"


def test_the_migration_normalises_stored_numbers_and_reports_the_unparseable(make_person, capsys):
    written = make_person("Andi", phone="0811 1111 111")
    odd = make_person("Odd")
    Person.objects.filter(pk=written.pk).update(phone="0812-3456-7890")
    Person.objects.filter(pk=odd.pk).update(phone="hubungi RT")
    importlib.import_module("desabinaan.people.migrations.0006_fill_phone_e164").fill(apps, None)
    assert Person.objects.get(pk=written.pk).phone == E164
    assert Person.objects.get(pk=odd.pk).phone == "hubungi RT"  # left as it is
    out = capsys.readouterr().out
    assert "1 phone number(s) stored as E.164" in out
    assert f"1 left as they are (not a phone number), person ids: {odd.pk}" in out
    assert "hubungi" not in out  # ids only, never the stored values
