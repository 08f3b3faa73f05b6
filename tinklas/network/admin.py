from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from tinklas.network.models import AlliancePartner, GovernancePosition, Network, NetworkMembership


class NetworkMembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    autocomplete_fields = ["cluster"]


class GovernancePositionInline(TranslationTabularInline):
    model = GovernancePosition
    extra = 0
    autocomplete_fields = ["organisation"]


class AlliancePartnerInline(admin.TabularInline):
    model = AlliancePartner
    extra = 0


@admin.register(Network)
class NetworkAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "founded_on"]
    inlines = [GovernancePositionInline, AlliancePartnerInline, NetworkMembershipInline]


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(admin.ModelAdmin):
    list_display = ["cluster", "joined_on", "founding_member", "left_on"]
    list_filter = ["founding_member"]
    search_fields = ["cluster__name"]
    autocomplete_fields = ["cluster"]
    list_select_related = ["cluster"]


@admin.register(GovernancePosition)
class GovernancePositionAdmin(TranslationAdmin):
    list_display = ["person_name", "role", "organisation", "started_on", "ended_on"]
    list_filter = ["role"]
    search_fields = ["person_name"]
    autocomplete_fields = ["organisation"]


@admin.register(AlliancePartner)
class AlliancePartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "website"]
    list_filter = ["country"]
    search_fields = ["name"]
