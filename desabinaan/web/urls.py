from django.urls import path

from . import timeline, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("beranda/", views.dashboard, name="dashboard"),
    # The person page (people) loads this fragment: the timeline reads apps people may not import.
    path("riwayat/orang/<int:pk>/", timeline.person_timeline_view, name="person_timeline"),
]
