from django.urls import path

from . import offline, views, views_collective, views_followup, views_public

app_name = "passport"

# Other apps' templates link to "passport:guide"; keep that name.
urlpatterns = [
    path("", views_public.guide, name="guide"),
    path("checklist.pdf", views_public.checklist_pdf, name="checklist_pdf"),
    path("istilah/", views_public.glossary, name="glossary"),
    path("aturan.json", offline.guide_rules, name="guide_rules"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("kesiapan/", views.readiness_list, name="readiness_list"),
    path("kesiapan/baru/", views.readiness_create, name="readiness_create"),
    path("skrining/orang/<int:person_pk>/", views_followup.person_screening, name="person_screening"),
    path("kesiapan/<str:reference>/", views.readiness_detail, name="readiness_detail"),
    path("kesiapan/<str:reference>/hasil/", views.readiness_outcome, name="readiness_outcome"),
    path("kesiapan/<str:reference>/ringkasan.pdf", views.readiness_pdf, name="readiness_pdf"),
    path(
        "kesiapan/<str:reference>/skrining/", views_followup.readiness_screening, name="readiness_screening"
    ),
    path("kesiapan/<str:reference>/rujukan/", views_followup.readiness_referral, name="readiness_referral"),
    path("kesiapan/<str:reference>/laporan/", views_followup.readiness_report, name="readiness_report"),
    path("kolektif/", views_collective.collective_list, name="collective_list"),
    path("kolektif/baru/", views_collective.collective_create, name="collective_create"),
    path("kolektif/<int:pk>/", views_collective.collective_detail, name="collective_detail"),
    path("kolektif/<int:pk>/pemohon/", views_collective.collective_applicants, name="collective_applicants"),
    path(
        "kolektif/<int:pk>/pemohon/<int:applicant_pk>/hapus/",
        views_collective.collective_applicant_remove,
        name="collective_applicant_remove",
    ),
    path("kolektif/<int:pk>/ajukan/", views_collective.collective_submit, name="collective_submit"),
    path("kolektif/<int:pk>/keputusan/", views_collective.collective_decide, name="collective_decide"),
    path("kolektif/<int:pk>/surat.pdf", views_collective.collective_letter, name="collective_letter"),
    path(
        "kolektif/<int:pk>/surat-resmi.pdf",
        views_collective.collective_official_letter,
        name="collective_official_letter",
    ),
]
