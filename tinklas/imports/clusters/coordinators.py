"""A cluster-list row's coordinator: a registered organisation named by its company code;
else an entity of the loaded register of legal entities, registered as an organisation from
it; else a registered organisation of the same name; else the name as text, listed for staff
to link later (the unlinked-coordinators page)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tinklas.clusters.models import Cluster
from tinklas.organisations.models import LegalEntity, Organisation
from tinklas.organisations.register.lookup import REGISTER_COUNTRY, Lookup

if TYPE_CHECKING:
    from tinklas.imports.clusters.values import ParsedCluster


class Coordinators:
    def __init__(self) -> None:
        self.by_code: dict[tuple[str, str], Organisation] = {}
        self.entities: dict[str, LegalEntity] = {}
        # Organisations this file registers from the register, by code: named twice, made once.
        self.registered: dict[tuple[str, str], Organisation] = {}

    def look_up(self, rows: list[ParsedCluster]) -> None:
        """The organisations and register entities the chunk's coordinator codes name."""
        codes = {row.coordinator_code for row in rows if row.coordinator_code}
        found = Organisation.objects.filter(company_code__in=codes)
        self.by_code = {(item.country, item.company_code): item for item in found}
        self.entities = {item.code: item for item in LegalEntity.objects.filter(code__in=codes)}

    def coordinator_for(
        self, parsed: ParsedCluster, cluster: Cluster, result: dict[str, Any]
    ) -> Organisation | None:
        """The organisation to link as the coordinator, or None (none named, already linked,
        or kept as text)."""
        code, name = parsed.coordinator_code, parsed.values.get("coordinator_name", "")
        organisation = self.by_code_or_register(parsed.country, code) if code else None
        if code and organisation is None:
            if not name:
                result["errors"].append(
                    {
                        "column": "coordinator_code",
                        "message": _(
                            "No registered organisation and no entity of the loaded register "
                            "has the code %(code)s: give the coordinator's name, or load the "
                            "register first."
                        )
                        % {"code": code},
                    }
                )
                return None
            result["notices"].append(
                {
                    "column": "coordinator_code",
                    "old": "",
                    "new": code,
                    "message": _("No organisation has this code: the name is kept as text."),
                }
            )
        if organisation is None and name:
            namesakes = Organisation.objects.namesakes(name, country=parsed.country)
            organisation = namesakes[0] if len(namesakes) == 1 else None
        if organisation is None:
            return None
        if cluster.coordinator_id is not None and cluster.coordinator_id == organisation.pk:
            return None
        result["coordinator"] = "new" if organisation.pk is None else "updated"
        result["changes"].append(
            {
                "column": "coordinator_code" if code else "coordinator_name",
                "old": str(cluster.coordinator) if cluster.coordinator_id else "",
                "new": f"{organisation.name} ({organisation.company_code})",
            }
        )
        # Linked: the text is no longer needed to find it.
        cluster.coordinator_name = ""
        return organisation

    def by_code_or_register(self, country: str, code: str) -> Organisation | None:
        key = (country, code)
        if key in self.by_code:
            return self.by_code[key]
        if key in self.registered:
            return self.registered[key]
        entity = self.entities.get(code) if country == REGISTER_COUNTRY else None
        if entity is None:
            return None
        prefill = Lookup(code, entity, valid=True).prefill()
        organisation = Organisation(country=country, kind=Organisation.Kind.ASSOCIATION)
        for field_name, value in prefill.items():
            setattr(organisation, field_name, value)
        try:
            # The register's own data, under a code no organisation has (looked up above):
            # only the fields' own limits are checked, not the namesakes clean() looks for.
            organisation.clean_fields(exclude=["slug"])
        except ValidationError:
            return None
        self.registered[key] = organisation
        return organisation
