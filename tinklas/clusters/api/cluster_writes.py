"""What the API lets people write about a cluster: its managers the profile (as on the edit
page), network staff also the status and the registry's own facts (the reported member
count, the coordinator as a source names it, the sources, the staff note); and the record
staff create with POST."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.request import Request

from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.models import PROFILE_FIELDS, Cluster, Membership
from tinklas.common.api.base import ModelCleanSerializer, refuse_fields
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Ecosystem, Region, Sector

# Written by network staff only, as the status is.
STAFF_FIELDS = [
    "status",
    "reported_member_count",
    "reported_members_on",
    "coordinator_name",
    "source_urls",
    "staff_note",
]


def refuse_staff_fields(request: Request) -> None:
    if not is_network_staff(request.user):
        refuse_fields(
            request,
            STAFF_FIELDS,
            _("Only network staff may change the status and the registry's own facts"),
        )


class ClusterWriteSerializer(ModelCleanSerializer):
    """What the profile page lets managers change; the status and STAFF_FIELDS are for
    network staff."""

    sectors: serializers.SlugRelatedField[Sector] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Sector.objects.all(),
        many=True,
        required=False,
        help_text=_("The slugs of its fields (/api/v1/fields/); the whole list."),
    )
    ecosystems: serializers.SlugRelatedField[Ecosystem] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Ecosystem.objects.all(),
        many=True,
        required=False,
        help_text=_("The slugs of its EU industrial ecosystems (/api/v1/ecosystems/)."),
    )
    municipality: serializers.SlugRelatedField[Region] = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Region.objects.filter(kind=Region.Kind.MUNICIPALITY),
        allow_null=True,
        required=False,
        help_text=_("The municipality's ISO 3166-2 code, such as LT-13."),
    )
    coordinator: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        allow_null=True,
        required=False,
        help_text=_("The slug of the cluster management organisation, a current member."),
    )
    technologies = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        max_length=100,
        help_text=_("Technology keywords; the whole list."),
    )
    source_urls = serializers.ListField(
        child=serializers.CharField(max_length=2000),
        required=False,
        max_length=50,
        help_text=_("Web addresses the facts come from (http or https); the whole list."),
    )

    class Meta:
        model = Cluster
        fields = [*PROFILE_FIELDS, "founded_precision", *STAFF_FIELDS]
        validators: list[Any] = []  # the model's full_clean decides (ModelCleanSerializer)

    def validate_technologies(self, words: list[str]) -> str:
        return ", ".join(word.strip() for word in words if word.strip())

    def validate_source_urls(self, addresses: list[str]) -> str:
        # Kept one per line, as the administration writes them; the model checks each.
        return "\n".join(address.strip() for address in addresses if address.strip())

    def validate_municipality(self, municipality: Region | None) -> Region | None:
        if municipality is not None and municipality.country != settings.TINKLAS_COUNTRY:
            raise serializers.ValidationError(_("Choose a municipality of the network's country."))
        return municipality

    def validate_coordinator(self, organisation: Organisation | None) -> Organisation | None:
        cluster: Cluster | None = self.instance
        if organisation is None or cluster is None or organisation.pk == cluster.coordinator_id:
            return organisation
        members = Membership.objects.current_on(timezone.localdate()).filter(cluster=cluster)
        if not members.filter(organisation=organisation).exists():
            raise serializers.ValidationError(_("The coordinator must be a current member."))
        return organisation


class ClusterCreateSerializer(ClusterWriteSerializer):
    """A new cluster, registered by network staff. The API shows published clusters only, so
    it creates them published: a record it would answer 404 for could not be read back or
    changed through it. Drafts are made in the administration. Without members yet, the
    coordinator may be any registered organisation (or named with coordinator_name)."""

    class Meta(ClusterWriteSerializer.Meta):
        extra_kwargs = {
            "status": {
                "default": Cluster.Status.PUBLISHED,
                "help_text": _("Published, the only status the API creates."),
            }
        }

    def validate_status(self, status: str) -> str:
        if status != Cluster.Status.PUBLISHED:
            raise serializers.ValidationError(
                _(
                    "The API creates published clusters only, as it shows only those; "
                    "make a draft in the administration."
                )
            )
        return status
