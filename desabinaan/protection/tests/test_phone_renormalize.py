"""Sponsor phone numbers stored before `phonenumbers` are normalised again, so network signals group them."""

import importlib

from django.apps import apps

from desabinaan.protection.models import ReportInvolved, Screening


def test_the_migration_renormalises_stored_sponsor_and_reported_numbers(world, screening, report):
    Screening.objects.filter(pk=screening.pk).update(
        sponsor_phone="+62 0812-3456-7890", sponsor_phone_normalized="+62081234567890"
    )
    involved = ReportInvolved.objects.get(report=report.report)
    ReportInvolved.objects.filter(pk=involved.pk).update(
        phone="+62 (0)812 3456 7890", phone_normalized="+62081234567890"
    )
    importlib.import_module("desabinaan.protection.migrations.0008_fill_phone_normalized").fill(apps, None)
    assert Screening.objects.get(pk=screening.pk).sponsor_phone_normalized == "+6281234567890"
    assert ReportInvolved.objects.get(pk=involved.pk).phone_normalized == "+6281234567890"
