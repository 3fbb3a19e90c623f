from django.urls import path

from . import views, views_screening

app_name = "protection"

urlpatterns = [
    path("", views.index, name="index"),
    path("skrining/baru/", views_screening.screening_new, name="screening_new"),
    path("skrining/<int:pk>/", views_screening.screening_detail, name="screening"),
    path("skrining/<int:pk>/keputusan/", views_screening.screening_decide, name="screening_decide"),
    path("skrining/<int:pk>/rujuk/", views_screening.screening_refer, name="screening_refer"),
    path("rujukan/", views.referral_list, name="referrals"),
    path("rujukan/<int:pk>/", views.referral_detail, name="referral"),
    path("laporan/", views.report_list, name="reports"),
    path("laporan/triase/", views.report_triage, name="report_triage"),
    path("laporan/<int:pk>/", views.report_detail, name="report"),
    path("laporan/<int:pk>/tugaskan/", views.report_assign, name="report_assign"),
    path("laporan/<int:pk>/lampiran/<int:attachment_pk>/", views.report_attachment, name="report_attachment"),
    path("jaringan/", views.signals, name="signals"),
    path("p3mi/impor/", views.agencies_import, name="agencies_import"),
    path("p3mi/templat.csv", views.agency_template, name="agency_template"),
]
