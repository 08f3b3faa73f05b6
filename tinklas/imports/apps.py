from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "tinklas.imports"
    verbose_name = _("Imports")

    def ready(self) -> None:
        from tinklas.imports import permissions  # noqa: F401  (registers rules)
