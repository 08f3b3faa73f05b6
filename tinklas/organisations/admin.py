from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from tinklas.organisations.models import Organisation, OrganisationRepresentative


class RepresentativeInline(admin.TabularInline):
    model = OrganisationRepresentative
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "granted_at"]
    readonly_fields = ["granted_at"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "kind", "size_class", "company_code", "country", "municipality"]
    list_filter = ["kind", "size_class", "country", "municipality__parent"]
    search_fields = ["name", "company_code", "vat_code"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["main_activity", "municipality"]
    filter_horizontal = ["other_activities"]
    readonly_fields = ["size_class", "created_at", "updated_at"]
    inlines = [RepresentativeInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "kind",
                    "legal_form",
                    "country",
                    "company_code",
                    "vat_code",
                ]
            },
        ),
        ("Size", {"fields": ["headcount", "annual_turnover", "balance_sheet_total", "size_class"]}),
        (
            "Activity and place",
            {
                "fields": [
                    "main_activity",
                    "other_activities",
                    "municipality",
                    "address",
                    "website",
                    "founded_year",
                ]
            },
        ),
        ("Description", {"fields": ["description"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]
