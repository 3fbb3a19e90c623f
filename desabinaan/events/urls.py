from django.urls import path

from . import views, views_attendance, views_feed, views_import, views_public

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("kalender/", views.event_calendar, name="calendar"),
    path("baru/", views.event_create, name="create"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("impor/templat.xlsx", views_import.import_template, name="import_template"),
    path("kanim/<int:kanim_id>/kalender.ics", views_feed.calendar_feed, name="feed"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/ubah/", views.event_edit, name="edit"),
    path("<int:pk>/terlaksana/", views.event_held, name="held"),
    path("<int:pk>/laporan/", views.event_report, name="report"),
    path("<int:pk>/berkas/", views.file_upload, name="file_upload"),
    path("<int:pk>/berkas/<int:file_id>/", views.file_download, name="file"),
    path("<int:pk>/hadir/", views_attendance.attendance_capture, name="attend"),
    path("<int:pk>/hadir/cari/", views_attendance.attendance_search, name="attend_search"),
    path("<int:pk>/hadir/pilih/", views_attendance.attendance_pick, name="attend_pick"),
    path("<int:pk>/peserta/", views_attendance.attendance_list, name="attendance"),
    path(
        "<int:pk>/peserta/<int:attendance_id>/ubah/", views_attendance.attendance_edit, name="attendance_edit"
    ),
    path(
        "<int:pk>/peserta/<int:attendance_id>/hapus/",
        views_attendance.attendance_remove,
        name="attendance_remove",
    ),
    path("<int:pk>/impor/", views_import.attendance_import, name="import"),
    path("<int:pk>/impor/<int:job_id>/", views_import.import_status, name="import_status"),
    path("<int:pk>/impor/<int:job_id>/ulang/", views_import.import_retry, name="import_retry"),
    path("<int:pk>/kuis/", views.quiz_results, name="quiz_results"),
    path("<int:pk>/kuis/<str:phase>/kertas/", views.quiz_paper, name="quiz_paper"),
    path("c/<str:code>/", views_public.checkin, name="checkin"),
    path("c/<str:code>/kuis/<str:phase>/", views_public.checkin_quiz, name="checkin_quiz"),
    path("belajar/", views_public.learn_index, name="learn"),
    path("belajar/kuis/", views_public.learn_quiz, name="learn_quiz"),
    path("belajar/<slug:slug>/", views_public.learn_module, name="learn_module"),
]
