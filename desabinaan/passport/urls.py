from django.urls import path

from . import views

app_name = "passport"

# Other apps' templates link to "passport:guide"; keep that name.
urlpatterns = [
    path("", views.guide, name="guide"),
    path("checklist.pdf", views.checklist_pdf, name="checklist_pdf"),
    path("kesiapan/", views.readiness_list, name="readiness_list"),
    path("kesiapan/baru/", views.readiness_create, name="readiness_create"),
    path("skrining/orang/<int:person_pk>/", views.person_screening, name="person_screening"),
    path("kesiapan/<str:reference>/", views.readiness_detail, name="readiness_detail"),
    path("kesiapan/<str:reference>/hasil/", views.readiness_outcome, name="readiness_outcome"),
    path("kesiapan/<str:reference>/ringkasan.pdf", views.readiness_pdf, name="readiness_pdf"),
    path("kesiapan/<str:reference>/skrining/", views.readiness_screening, name="readiness_screening"),
    path("kesiapan/<str:reference>/rujukan/", views.readiness_referral, name="readiness_referral"),
    path("kesiapan/<str:reference>/laporan/", views.readiness_report, name="readiness_report"),
    path("kolektif/", views.collective_list, name="collective_list"),
    path("kolektif/baru/", views.collective_create, name="collective_create"),
    path("kolektif/<int:pk>/", views.collective_detail, name="collective_detail"),
    path("kolektif/<int:pk>/pemohon/", views.collective_applicants, name="collective_applicants"),
    path(
        "kolektif/<int:pk>/pemohon/<int:applicant_pk>/hapus/",
        views.collective_applicant_remove,
        name="collective_applicant_remove",
    ),
    path("kolektif/<int:pk>/ajukan/", views.collective_submit, name="collective_submit"),
    path("kolektif/<int:pk>/keputusan/", views.collective_decide, name="collective_decide"),
    path("kolektif/<int:pk>/surat.pdf", views.collective_letter, name="collective_letter"),
    path(
        "kolektif/<int:pk>/surat-resmi.pdf",
        views.collective_official_letter,
        name="collective_official_letter",
    ),
]
