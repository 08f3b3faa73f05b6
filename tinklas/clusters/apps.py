from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "tinklas.clusters"
    verbose_name = _("Clusters")

    def ready(self) -> None:
        from tinklas.clusters import derived, permissions, privacy  # noqa: F401  (registers rules)

        derived.connect()  # member counts, flags and search entries follow every change
        privacy.register()  # this app's part of a person's data export and erasure
