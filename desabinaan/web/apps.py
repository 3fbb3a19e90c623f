from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "desabinaan.web"
    label = "web"
