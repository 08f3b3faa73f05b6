from django.contrib import admin
from django.http import HttpRequest

from tinklas.applications.models import ClusterApplication, EligibilityCriteria


@admin.register(ClusterApplication)
class ClusterApplicationAdmin(admin.ModelAdmin):
    """Applications are reviewed on the review pages; here they can be looked up."""

    list_display = ["name", "applicant", "status", "submitted_at", "decided_at", "cluster"]
    list_filter = ["status"]
    search_fields = ["name", "acronym", "applicant__email"]
    list_select_related = ["applicant", "cluster"]
    readonly_fields = ["applicant", "status", "submitted_at", "decided_at", "decided_by", "cluster"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(EligibilityCriteria)
class EligibilityCriteriaAdmin(admin.ModelAdmin):
    """The single row of thresholds applications are checked against."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not EligibilityCriteria.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
