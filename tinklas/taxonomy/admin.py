from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from tinklas.taxonomy.models import Ecosystem, NaceActivity, Region, Sector


@admin.register(Ecosystem)
class EcosystemAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name_lt", "name_en", "slug"]


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name_lt", "name_en", "slug"]
    filter_horizontal = ["ecosystems"]
    list_filter = ["ecosystems"]


@admin.register(NaceActivity)
class NaceActivityAdmin(TranslationAdmin):
    list_display = ["code", "label", "revision", "level"]
    list_filter = ["revision", "level", "section"]
    search_fields = ["code", "label_lt", "label_en"]
    raw_id_fields = ["parent"]


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["name", "code", "kind", "parent", "nuts_code", "country"]
    list_filter = ["kind", "country", "parent"]
    search_fields = ["name_lt", "name_en", "code", "nuts_code"]
    list_select_related = ["parent"]
