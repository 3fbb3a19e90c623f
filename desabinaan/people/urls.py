from django.urls import path

from . import views

app_name = "people"

# Other apps' templates link to "people:list" and "people:detail"; keep those names.
urlpatterns = [
    path("", views.person_list, name="list"),
    path("baru/", views.person_create, name="create"),
    path("duplikat/", views.duplicate_list, name="duplicates"),
    path("duplikat/cari-ulang/", views.duplicate_rescan, name="duplicates_rescan"),
    path("duplikat/tugas/<int:job_id>/", views.duplicate_scan_job, name="duplicates_job"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/nik/", views.person_reveal_nik, name="reveal_nik"),
    path("<int:pk>/ubah/", views.person_edit, name="edit"),
    path("<int:pk>/persetujuan/", views.consent_create, name="consent"),
    path("<int:pk>/gabung/", views.person_merge, name="merge"),
    path("<int:pk>/bukan-duplikat/<int:other>/", views.person_not_duplicate, name="not_duplicate"),
    path("persetujuan/<int:pk>/tarik/", views.consent_withdraw, name="consent_withdraw"),
]
