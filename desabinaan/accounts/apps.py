from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "desabinaan.accounts"
    label = "accounts"
