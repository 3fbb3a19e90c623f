from django.urls import path

from . import views

app_name = "regions"

urlpatterns = [
    path("", views.search, name="search"),
    path("cari/", views.suggest, name="suggest"),
]
