from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("segarkan/", views.refresh, name="refresh"),
    path("tugas/<int:job_id>/", views.job_status, name="job"),
    path("tugas/<int:job_id>/ulang/", views.job_retry_view, name="job_retry"),
    path("laporan/", views.report_list, name="reports"),
    path("laporan/<int:pk>/", views.report_detail, name="report"),
    path("laporan/<int:pk>/unduh.<str:fmt>", views.report_download, name="report_download"),
    path("ekspor/<str:name>.<str:fmt>", views.export_list, name="export"),
]
