from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from tinklas.organisations.models import (
    LegalEntity,
    Organisation,
    OrganisationRepresentative,
    RegisterLoad,
)


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


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that only their loader writes: looked up here, never added or changed."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(LegalEntity)
class LegalEntityAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "legal_form", "status", "status_since", "extract_date"]
    list_filter = ["status"]
    search_fields = ["code", "name"]


@admin.register(RegisterLoad)
class RegisterLoadAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "started_by", "state", "rows_checked", "problem_count"]
    list_filter = ["state"]
    list_select_related = ["started_by"]
