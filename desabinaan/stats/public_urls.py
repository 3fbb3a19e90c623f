from django.urls import path

from . import views

app_name = "public_stats"

urlpatterns = [path("", views.public_stats, name="index")]
