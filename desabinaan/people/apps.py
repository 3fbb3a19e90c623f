from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "desabinaan.people"
    label = "people"
