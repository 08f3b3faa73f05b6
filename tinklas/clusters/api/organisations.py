"""Member organisations in the REST API. The organisations app represents and edits them;
which ones are public follows from their memberships, as on the pages. Network staff
register new organisations (POST) and read and change every organisation, public or not
yet: a new one becomes public with its first membership of a published cluster."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.filters import MemberOrganisationFilter
from tinklas.clusters.models import public_organisations
from tinklas.common.api.base import audited_write
from tinklas.common.api.views import created
from tinklas.organisations.api import (
    OrganisationDetailBase,
    OrganisationListBase,
    OrganisationSerializer,
    OrganisationWriteSerializer,
    organisation_records,
)
from tinklas.organisations.models import Organisation
from tinklas.organisations.permissions import CREATE_ORGANISATION

ORGANISATIONS = "Organisations"


@extend_schema_view(
    get=extend_schema(
        tags=[ORGANISATIONS],
        summary=_("List the member organisations"),
        description=_(
            "Current members of published clusters, with the member directory's filters; "
            "`cluster` limits them to one cluster's members."
        ),
    ),
    post=extend_schema(
        tags=[ORGANISATIONS],
        summary=_("Register an organisation"),
        description=_(
            "For network staff, with the checks of the administration and the edit page (a "
            "valid company code, unique in its country; a VAT code of the same country). It "
            "becomes public, in the list and at its address, with its first membership of a "
            "published cluster (POST /api/v1/memberships/); until then only staff read it."
        ),
        request=OrganisationWriteSerializer,
        responses={201: OrganisationSerializer},
        examples=[
            OpenApiExample(
                "company",
                value={
                    "name": "UAB Pavyzdys",
                    "kind": "company",
                    "country": "LT",
                    "company_code": "304700005",
                    "headcount": 12,
                    "main_activity": "62.10",
                },
                request_only=True,
            )
        ],
    ),
)
class OrganisationList(OrganisationListBase):
    filterset_class = MemberOrganisationFilter

    def get_queryset(self) -> QuerySet[Organisation]:
        return (
            Organisation.objects.current_members()
            .select_related("municipality__parent", "main_activity")
            .prefetch_related("other_activities")
        )

    def post(self, request: Request) -> Response:
        with audited_write(request):
            if not request.user.has_perm(CREATE_ORGANISATION):
                raise exceptions.PermissionDenied
            serializer = OrganisationWriteSerializer(
                data=request.data, context=self.get_serializer_context()
            )
            serializer.is_valid(raise_exception=True)
            organisation = serializer.save()
        return created(self, request, organisation, organisation_records())


@extend_schema_view(
    get=extend_schema(
        tags=[ORGANISATIONS],
        summary=_("Read an organisation"),
        description=_(
            "Any organisation that is or was a member of a published cluster; for network "
            "staff, every organisation."
        ),
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
    # Staff see every organisation: one they registered is not public until it joins a
    # published cluster, and they must be able to read and correct it before. (An
    # organisation has no status of its own to hide it, as a draft cluster has.)
    def get_queryset(self) -> QuerySet[Organisation]:
        if is_network_staff(self.request.user):
            return self.all_records()
        return self.all_records().filter(pk__in=public_organisations().values("pk"))

    def is_public(self, organisation: Organisation) -> bool:
        if is_network_staff(self.request.user):
            return True
        return public_organisations().filter(pk=organisation.pk).exists()
