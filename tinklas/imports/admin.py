from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from tinklas.imports.models import ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Imports are uploaded, checked and written on their own pages; here they are looked up."""

    list_display = ["file_name", "cluster", "uploaded_by", "created_at", "status", "error_rows"]
    list_filter = ["status", "file_format"]
    search_fields = ["file_name", "cluster__name", "uploaded_by__email"]
    list_select_related = ["cluster", "uploaded_by"]
    date_hierarchy = "created_at"
    exclude = ["content"]
    readonly_fields = [field.name for field in ImportRun._meta.fields if field.name != "content"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ImportRun]:
        return super().get_queryset(request).defer("content")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
