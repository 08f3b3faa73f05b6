"""What the loaded register of legal entities says about member-list rows whose company code
it holds (it covers Lithuania only, REGISTER_COUNTRY): the values a new organisation takes
from it for the cells its row leaves empty, and a warning when the register shows the
company deregistered, being liquidated or reorganised, or bankrupt, so that nobody adds a
company that is gone without noticing. The entities a chunk of rows names are read in one
query, as the organisations are (rows.py)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tinklas.imports.members.columns import MEMBER_LIST
from tinklas.imports.members.values import ParsedRow
from tinklas.imports.results import shown
from tinklas.imports.values import Vocabularies
from tinklas.organisations.models import LegalEntity
from tinklas.organisations.register.lookup import REGISTER_COUNTRY, Lookup

# Statuses a row is warned about: the company may no longer be able to be a member.
WARNED_STATUSES = {
    LegalEntity.Status.DEREGISTERED,
    LegalEntity.Status.LIQUIDATION,
    LegalEntity.Status.REORGANISATION,
    LegalEntity.Status.BANKRUPTCY,
}


class RegisterEntries:
    """The register's entities of the rows being processed, by company code."""

    def __init__(self, vocabularies: Vocabularies) -> None:
        self.vocabularies = vocabularies
        self.entities: dict[str, LegalEntity] = {}

    def look_up(self, rows: list[ParsedRow]) -> None:
        codes = {
            row.organisation["company_code"]
            for row in rows
            if row.country == REGISTER_COUNTRY and row.organisation.get("company_code")
        }
        found = LegalEntity.objects.filter(code__in=codes) if codes else []
        self.entities = {entity.code: entity for entity in found}

    def entity_of(self, parsed: ParsedRow) -> LegalEntity | None:
        if parsed.country != REGISTER_COUNTRY:
            return None
        return self.entities.get(parsed.organisation.get("company_code", ""))

    def prefill(self, entity: LegalEntity, given: dict[str, Any]) -> dict[str, Any]:
        """The register's values of a new organisation for the fields the row leaves empty:
        name, legal form, address, the kind its legal form makes, and the municipality its
        address names when it names exactly one."""
        values: dict[str, Any] = dict(Lookup(entity.code, entity, valid=True).prefill())
        municipality = self.vocabularies.municipality_in_address(entity.address, REGISTER_COUNTRY)
        if municipality is not None:
            values["municipality"] = municipality
        return {
            field_name: value
            for field_name, value in values.items()
            if value and field_name not in given and field_name in MEMBER_LIST.column_of_field
        }

    @staticmethod
    def notices(entity: LegalEntity, prefilled: dict[str, Any]) -> list[dict[str, str]]:
        """One notice per value taken from the register, so that the dry run shows them."""
        message = _("From the register of legal entities (extract of %(date)s).") % {
            "date": entity.extract_date.isoformat()
        }
        return [
            {
                "column": MEMBER_LIST.column_of_field[field_name],
                "old": "",
                "new": shown(value),
                "message": message,
            }
            for field_name, value in prefilled.items()
        ]

    @staticmethod
    def warning(entity: LegalEntity) -> dict[str, str] | None:
        """The row's warning when the register shows the company ending or gone."""
        if entity.status not in WARNED_STATUSES:
            return None
        since = entity.status_since
        if entity.status == LegalEntity.Status.DEREGISTERED:
            since = entity.deregistered_on or since
        values = {
            "status": entity.get_status_display(),
            "date": since.isoformat() if since else "",
            "extract": entity.extract_date.isoformat(),
        }
        if since:
            message = (
                _(
                    'The register of legal entities gives the status "%(status)s" since '
                    "%(date)s (extract of %(extract)s): check the row before writing it."
                )
                % values
            )
        else:
            message = (
                _(
                    'The register of legal entities gives the status "%(status)s" (extract of '
                    "%(extract)s): check the row before writing it."
                )
                % values
            )
        return {"column": "company_code", "message": message}
