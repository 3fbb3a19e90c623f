from django.urls import path

from . import views, views_suggest

app_name = "program"

urlpatterns = [
    path("", views.village_list, name="list"),
    path("usulan/baru/", views.propose, name="propose"),
    path("usulan/desa/", views_suggest.village_suggest, name="village_suggest"),
    path("usulan/peringkat/", views.candidates, name="candidates"),
    path("wna/", views.foreigner_notes, name="foreigner_notes"),
    path("direktori/", views.directory, name="directory"),
    path("tanya-jawab/", views.faq, name="faq"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.transition, name="transition"),
    path("<int:pk>/sk/", views.sk_file, name="sk_file"),
    path("<int:pk>/sk/unggah/", views.sk_upload, name="sk_upload"),
    path("<int:pk>/piagam.pdf", views.certificate, name="certificate"),
    path("<int:pk>/kontak-publik/", views.public_contact, name="public_contact"),
    path("<int:pk>/pimpasa/baru/", views.pimpasa_add, name="pimpasa_add"),
    path("<int:pk>/pimpasa/<int:assignment_pk>/akhiri/", views.pimpasa_end, name="pimpasa_end"),
    path("<int:pk>/penghubung/baru/", views.liaison_add, name="liaison_add"),
    path(
        "<int:pk>/penghubung/<int:user_pk>/nonaktifkan/", views.liaison_deactivate, name="liaison_deactivate"
    ),
    path("<int:pk>/kegiatan/baru/", views.activity_add, name="activity_add"),
    path("<int:pk>/kegiatan/<int:activity_pk>/ubah/", views.activity_edit, name="activity_edit"),
    path(
        "<int:pk>/kegiatan/<int:activity_pk>/lampiran/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path("<int:pk>/pertanyaan/baru/", views.question_add, name="question_add"),
    path("<int:pk>/pertanyaan/<int:question_pk>/jawab/", views.question_answer, name="question_answer"),
    path("<int:pk>/pertanyaan/<int:question_pk>/terbitkan/", views.question_publish, name="question_publish"),
    path("<int:pk>/wna/baru/", views.foreigner_add, name="foreigner_add"),
    path("<int:pk>/evaluasi/", views.evaluation, name="evaluation"),
]
