from modeltranslation.translator import TranslationOptions, register

from tinklas.clusters.models import Cluster


@register(Cluster)
class ClusterTranslation(TranslationOptions):
    fields = ("name", "description")
