from modeltranslation.translator import TranslationOptions, register

from tinklas.network.models import GovernancePosition, Network


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "description", "address")


@register(GovernancePosition)
class GovernancePositionTranslation(TranslationOptions):
    fields = ("title",)
