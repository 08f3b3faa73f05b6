from modeltranslation.translator import TranslationOptions, register

from tinklas.organisations.models import Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("description",)
