from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """The directory downloads (CSV, XLSX, JSON) and the open-data archive; no models."""

    name = "tinklas.opendata"
    verbose_name = _("Open data")
