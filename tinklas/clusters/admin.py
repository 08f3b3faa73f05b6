from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from tinklas.clusters.models import (
    Cluster,
    ClusterManagerRole,
    Invitation,
    Label,
    Membership,
)
from tinklas.common.form_layout import language_field_names
from tinklas.common.partial_dates import shown_partial_date


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "joined_on", "joined_precision", "left_on"]


class LabelInline(admin.TabularInline):
    model = Label
    extra = 0
    fields = ["kind", "name", "issuer", "awarded_on", "valid_until", "approximate", "status_today"]
    readonly_fields = ["status_today"]

    @admin.display(description=_("status today"))
    def status_today(self, label: Label) -> str:
        return str(label.status_on(timezone.localdate()).label) if label.pk else "—"


class ClusterManagerRoleInline(admin.TabularInline):
    model = ClusterManagerRole
    fk_name = "cluster"
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "granted_at", "granted_by"]
    readonly_fields = ["granted_at", "granted_by"]


@admin.register(Cluster)
class ClusterAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "status", "maturity", "municipality", "founded"]
    list_filter = ["status", "maturity", "sectors", "ecosystems", "municipality__parent"]
    search_fields = ["name_lt", "name_en", "acronym", "technologies", "coordinator_name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["coordinator", "municipality"]
    filter_horizontal = ["sectors", "ecosystems"]
    prepopulated_fields = {"slug": ["acronym"]}
    inlines = [MembershipInline, LabelInline, ClusterManagerRoleInline]

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A name in any one language will do (many clusters have only an English one); the
        # model's clean() asks for at least one, where modeltranslation would ask for the
        # default language's.
        if field is not None and db_field.name in language_field_names("name"):
            field.required = False
        return field

    @admin.display(description=_("founded"), ordering="founded_on")
    def founded(self, cluster: Cluster) -> str:
        # As precisely as it is known: a founding year is "2011", not 1 January 2011.
        return shown_partial_date(cluster.founded_on, cluster.founded_precision) or "—"


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "cluster", "role", "joined", "left_on"]
    list_filter = ["role", "cluster"]
    search_fields = ["organisation__name", "organisation__company_code", "cluster__name"]
    autocomplete_fields = ["organisation", "cluster"]
    list_select_related = ["organisation", "cluster"]
    date_hierarchy = "joined_on"

    @admin.display(description=_("joined on"), ordering="joined_on")
    def joined(self, membership: Membership) -> str:
        return shown_partial_date(membership.joined_on, membership.joined_precision)


class LabelStatusFilter(admin.SimpleListFilter):
    title = _("status today")
    parameter_name = "in_force"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", str(_("in force"))), ("no", str(_("not in force")))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Label]) -> QuerySet[Label]:
        in_force = Label.objects.in_force_on(timezone.localdate())
        if self.value() == "yes":
            return queryset.filter(pk__in=in_force)
        if self.value() == "no":
            return queryset.exclude(pk__in=in_force)
        return queryset


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = [
        "cluster",
        "kind",
        "issuer",
        "awarded_on",
        "valid_until",
        "approximate",
        "status_today",
    ]
    list_filter = ["kind", "issuer", "approximate", LabelStatusFilter]
    search_fields = ["cluster__name", "name"]
    autocomplete_fields = ["cluster"]
    list_select_related = ["cluster"]

    @admin.display(description=_("status today"))
    def status_today(self, label: Label) -> str:
        return str(label.status_on(timezone.localdate()).label)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are sent and revoked on the cluster's team page; here they are listed."""

    list_display = ["email", "cluster", "invited_by", "created_at", "expires_at", "state"]
    list_filter = ["cluster"]
    search_fields = ["email", "cluster__name"]
    list_select_related = ["cluster", "invited_by"]
    readonly_fields = [field.name for field in Invitation._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("state"))
    def state(self, invitation: Invitation) -> str:
        return str(invitation.state.label)
