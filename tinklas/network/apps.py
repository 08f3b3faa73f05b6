from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "tinklas.network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from tinklas.network import upkeep

        upkeep.connect()
