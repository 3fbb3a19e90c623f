from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("laporan/", views.report_list, name="reports"),
    path("laporan/<int:pk>/", views.report_detail, name="report"),
    path("laporan/<int:pk>/unduh.<str:fmt>", views.report_download, name="report_download"),
    path("ekspor/<str:name>.<str:fmt>", views.export_list, name="export"),
]
