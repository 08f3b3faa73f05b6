from modeltranslation.translator import TranslationOptions, register

from tinklas.taxonomy.models import Ecosystem, NaceActivity, Region, Sector


@register(Ecosystem)
class EcosystemTranslation(TranslationOptions):
    fields = ("name",)


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")


@register(NaceActivity)
class NaceActivityTranslation(TranslationOptions):
    fields = ("label",)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)
