from django.urls import path

from . import views

app_name = "passport"

urlpatterns = [
    path("", views.guide, name="guide"),
    path("checklist.pdf", views.checklist_pdf, name="checklist_pdf"),
]
