from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tinklas.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from tinklas.accounts import permissions, tokens  # noqa: F401  (registers rules)

        tokens.register()  # API tokens' part of a person's data export and erasure
