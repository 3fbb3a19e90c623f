from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "desabinaan.jobs"
    verbose_name = "Tugas latar belakang"
