"""Public pages (no account): /lapor/ — report a suspicious recruiter, read replies, check an agency."""

from django.urls import path

from . import views

app_name = "report"

urlpatterns = [
    path("", views.public_report, name="new"),
    path("status/", views.public_status, name="status"),
    path("status/tambah/", views.public_add_information, name="add"),
    path("cek-p3mi/", views.public_agency_check, name="agency_check"),
]
