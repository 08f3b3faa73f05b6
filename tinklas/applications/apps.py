from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "tinklas.applications"
    verbose_name = _("Applications of new clusters")

    def ready(self) -> None:
        from tinklas.applications import privacy

        privacy.register()  # this app's part of a person's data export and erasure
