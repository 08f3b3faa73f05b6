"""The network's administration, and the cluster list's "Add to the network" (the clusters
app's administration of clusters, extended here: clusters do not know the network)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from tinklas.clusters.admin import ClusterAdmin
from tinklas.clusters.models import Cluster
from tinklas.network.forms import JoinNetworkForm
from tinklas.network.joining import Joining, add_to_network
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


def names(clusters: list[Cluster]) -> str:
    return ", ".join(str(cluster) for cluster in clusters)


def report(request: HttpRequest, joining: Joining) -> None:
    if joining.added:
        count = len(joining.added)
        messages.success(
            request,
            ngettext(
                "%(count)d cluster joined the network: %(names)s.",
                "%(count)d clusters joined the network: %(names)s.",
                count,
            )
            % {"count": count, "names": names(joining.added)},
        )
    if joining.already_members:
        count = len(joining.already_members)
        messages.warning(
            request,
            ngettext(
                "%(count)d cluster was already a member and was left as it was: %(names)s.",
                "%(count)d clusters were already members and were left as they were: %(names)s.",
                count,
            )
            % {"count": count, "names": names(joining.already_members)},
        )


def form_errors(form: JoinNetworkForm) -> str:
    """The form's errors, each with the label of its field."""
    return " ".join(
        f"{capfirst(form.fields[name].label or name) if name in form.fields else ''}: {message}"
        for name, problems in form.errors.items()
        for message in problems
    )


@admin.action(
    description=gettext_lazy("Add to the network"), permissions=["add_network_membership"]
)
def add_to_the_network(
    model_admin: admin.ModelAdmin[Cluster], request: HttpRequest, queryset: QuerySet[Cluster]
) -> TemplateResponse | None:
    """An intermediate page asks for the joining day; applying it adds the chosen clusters
    that are not members yet, all or none."""
    network = Network.objects.first()
    if network is None:
        messages.error(request, _("Record the network first (Network), then add its members."))
        return None
    form = JoinNetworkForm(request.POST if "apply" in request.POST else None)
    if form.is_bound:
        if form.is_valid():
            try:
                joining = add_to_network(
                    queryset,
                    form.cleaned_data["joined_on"],
                    form.cleaned_data["founding_member"],
                    network,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            except IntegrityError:  # another request added one of them meanwhile
                messages.error(
                    request, _("Someone else changed these clusters' memberships; try again.")
                )
            else:
                report(request, joining)
                return None
        else:
            messages.error(request, form_errors(form))
    clusters = list(queryset.order_by("name", "pk"))
    return TemplateResponse(
        request,
        "network/admin_add_to_network.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": _("Add clusters to the network"),
            "opts": model_admin.model._meta,
            "clusters": clusters,
            "form": form,
            "action_name": "add_to_the_network",
            "selected_name": ACTION_CHECKBOX_NAME,
        },
    )


admin.site.unregister(Cluster)


@admin.register(Cluster)
class MemberClusterAdmin(ClusterAdmin):
    """The cluster list with the network's membership: a column saying which clusters are
    members today, and the action that makes the chosen ones members."""

    actions = [add_to_the_network]
    list_display = [*ClusterAdmin.list_display, "network_member"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Cluster]:
        current = NetworkMembership.objects.current_on(timezone.localdate())
        return (
            super()
            .get_queryset(request)
            .annotate(network_member=Exists(current.filter(cluster=OuterRef("pk"))))
        )

    @admin.display(
        description=gettext_lazy("network member"), boolean=True, ordering="network_member"
    )
    def network_member(self, cluster: Cluster) -> bool:
        return bool(getattr(cluster, "network_member", False))

    def has_add_network_membership_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("network.add_networkmembership")
