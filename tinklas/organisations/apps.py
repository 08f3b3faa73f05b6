from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "tinklas.organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from tinklas.organisations import indexing, permissions, privacy  # noqa: F401  (registers rules)

        indexing.connect()
        privacy.register()  # this app's part of a person's data export and erasure
