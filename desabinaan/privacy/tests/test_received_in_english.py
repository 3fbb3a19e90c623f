"""The word "diterima": "received" on a date column, "accepted" as a request's status: two translations, not one."""

from django.utils import translation

from desabinaan.passport.models.requests import CollectiveStatus
from desabinaan.privacy.models import DataRequest
from desabinaan.protection.models import Report


def test_received_dates_and_accepted_statuses_read_differently_in_english():
    with translation.override("en"):
        assert str(DataRequest._meta.get_field("received_at").verbose_name) == "received"
        assert str(Report._meta.get_field("created_at").verbose_name) == "received"
        assert str(CollectiveStatus.ACCEPTED.label) == "accepted"
    with translation.override("id"):
        assert str(CollectiveStatus.ACCEPTED.label) == "diterima"
        assert str(DataRequest._meta.get_field("received_at").verbose_name) == "diterima"
