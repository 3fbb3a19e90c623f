from django.urls import path

from . import views, views_public

app_name = "privacy"

urlpatterns = [
    path("", views_public.notice, name="notice"),
    path("ajukan/", views_public.public_request, name="public_request"),
    path("ajukan/terkirim/", views_public.public_request_sent, name="public_request_sent"),
    path("permintaan/", views.request_list, name="requests"),
    path("permintaan/orang/<int:person_pk>/baru/", views.request_new, name="request_new"),
    path("permintaan/<int:pk>/", views.request_detail, name="request"),
    path("permintaan/<int:pk>/verifikasi/", views.request_verify, name="request_verify"),
    path("permintaan/<int:pk>/dokumen-akses/", views.access_document, name="access_document"),
    path("permintaan/<int:pk>/<str:action>/", views.request_act, name="request_act"),
    path("kebocoran/", views.breach_list, name="breaches"),
    path("kebocoran/<int:pk>/", views.breach_detail, name="breach"),
    path("kebocoran/<int:pk>/surat/<str:to>/", views.breach_letter, name="breach_letter"),
    path("catatan-pemrosesan/", views.processing_record, name="ropa"),
]
