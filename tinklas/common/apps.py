from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "tinklas.common"
    verbose_name = _("Common")

    def ready(self) -> None:
        from tinklas.common.audit import register_audited_models

        register_audited_models()
