from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo network builder and its commands (seed_demo, demo_code); no models."""

    name = "tinklas.demo"
    verbose_name = _("Demo network")
