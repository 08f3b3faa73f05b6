"""Member organisations in the REST API. The organisations app represents and edits them;
which ones are public follows from their memberships, as on the pages."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
    extend_schema_view,
)

from tinklas.clusters.filters import MemberOrganisationFilter
from tinklas.clusters.models import public_organisations
from tinklas.organisations.api import (
    OrganisationDetailBase,
    OrganisationListBase,
    OrganisationSerializer,
    OrganisationWriteSerializer,
)
from tinklas.organisations.models import Organisation

ORGANISATIONS = "Organisations"


@extend_schema_view(
    get=extend_schema(
        tags=[ORGANISATIONS],
        summary=_("List the member organisations"),
        description=_(
            "Current members of published clusters, with the member directory's filters; "
            "`cluster` limits them to one cluster's members."
        ),
    )
)
class OrganisationList(OrganisationListBase):
    filterset_class = MemberOrganisationFilter

    def get_queryset(self) -> QuerySet[Organisation]:
        return (
            Organisation.objects.current_members()
            .select_related("municipality__parent", "main_activity")
            .prefetch_related("other_activities")
        )


@extend_schema_view(
    get=extend_schema(
        tags=[ORGANISATIONS],
        summary=_("Read an organisation"),
        description=_("Any organisation that is or was a member of a published cluster."),
    ),
    patch=extend_schema(
        tags=[ORGANISATIONS],
        summary=_("Change an organisation's data"),
        description=_(
            "For its representatives and network staff; the name, kind, country and company "
            "code only for staff. The address and the figures behind the size class are "
            "written but not published."
        ),
        request=OrganisationWriteSerializer,
        responses=OrganisationSerializer,
        examples=[
            OpenApiExample(
                "figures",
                value={"headcount": 42, "main_activity": "62.10", "website": "https://example.org"},
                request_only=True,
            )
        ],
    ),
)
class OrganisationDetail(OrganisationDetailBase):
    def get_queryset(self) -> QuerySet[Organisation]:
        return self.all_records().filter(pk__in=public_organisations().values("pk"))

    def is_public(self, organisation: Organisation) -> bool:
        return public_organisations().filter(pk=organisation.pk).exists()
