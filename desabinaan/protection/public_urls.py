"""Public pages (no account): /lapor/ — report a suspicious recruiter, read replies, check an agency."""

from django.urls import path

from . import views_public

app_name = "report"

urlpatterns = [
    path("", views_public.public_report, name="new"),
    path("tanda-terima/", views_public.public_receipt, name="receipt"),
    path("tanda-terima/unduh/", views_public.public_receipt_download, name="receipt_download"),
    path("status/", views_public.public_status, name="status"),
    path("status/tambah/", views_public.public_add_information, name="add"),
    path("cek-p3mi/", views_public.public_agency_check, name="agency_check"),
]
