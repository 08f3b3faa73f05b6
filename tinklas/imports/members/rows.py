"""What one member-list row does: which registered organisation it is (by company code, else by
name and municipality), what it would change in the organisation and its membership of the
cluster, and whether the models accept it; a new organisation whose code the register of legal
entities holds takes the register's values for the cells its row leaves empty, and a company
the register shows ending or gone is warned about (register.py). A dry run stops there; a
commit also saves, each save through the models so that it is audited. The result's shape:
imports/results.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tinklas.accounts.models import User
from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.models import Cluster, Membership
from tinklas.imports.members.columns import MEMBER_LIST
from tinklas.imports.members.register import RegisterEntries
from tinklas.imports.members.values import ParsedRow, parse_row
from tinklas.imports.members.writing import NewRecords, inserts_only
from tinklas.imports.reading import SourceRow
from tinklas.imports.results import described, error_columns, fate_of, same, shown
from tinklas.imports.values import Vocabularies, as_text
from tinklas.organisations.models import IDENTITY, LegalEntity, Organisation
from tinklas.organisations.register.lookup import normalised_name, same_legal_form, same_name
from tinklas.search.analyzer import fold
from tinklas.taxonomy.models import Region

# Rows looked up together, and how often the progress is told.
CHUNK_ROWS = 50
# Fields whose values were read from the database, or checked when their cell was read:
# validating them would read them again (the slug is made when saving), or compare the
# country, which parse_country read from the same ISO 3166-1 list, with every choice again.
CHECKED = ["slug", "municipality", "main_activity", "country"]


class RowProcessor:
    """Processes the rows of one file in order, remembering which organisations earlier rows
    named, so that a file cannot name one organisation twice."""

    def __init__(self, cluster: Cluster, user: User | None, *, write: bool) -> None:
        self.cluster = cluster
        self.user: User | AnonymousUser = user or AnonymousUser()
        self.write = write
        self.vocabularies = Vocabularies()
        self.register = RegisterEntries(self.vocabularies)
        self.new_records = NewRecords()  # written together at the end of each chunk
        self.may_change_identity = is_network_staff(self.user)
        self.seen: dict[tuple[Any, ...], int] = {}
        self.failed = False  # a row had an error: nothing more is saved
        self.by_code: dict[tuple[str, str], Organisation] = {}
        self.memberships: dict[int, list[Membership]] = {}
        # Where organisations without a company code are registered (set by process()).
        self.codeless_places: set[tuple[str, int | None]] = set()

    def process(
        self, rows: list[SourceRow], progress: Callable[[int], None] | None = None
    ) -> list[dict[str, Any]]:
        """Every row's result, in order; `progress` hears how many rows are done after
        each chunk. Rows are read in chunks so that the organisations and memberships they
        name are looked up in a few queries rather than one per row."""
        results: list[dict[str, Any]] = []
        uncoded = Organisation.objects.filter(company_code="")
        self.codeless_places = set(uncoded.values_list("country", "municipality").distinct())
        for start in range(0, len(rows), CHUNK_ROWS):
            chunk = [
                (row, parse_row(row, self.vocabularies)) for row in rows[start : start + CHUNK_ROWS]
            ]
            readable = [parsed for _row, parsed in chunk if not parsed.errors]
            self.look_up(readable)
            self.register.look_up(readable)
            results.extend(self.process_row(row, parsed) for row, parsed in chunk)
            if self.write and not self.failed:
                for result in self.new_records.write(self.save):
                    self.finish(result)  # saved one by one: a row may have failed now
            if progress is not None:
                progress(len(results))
        return results

    def look_up(self, rows: list[ParsedRow]) -> None:
        """The registered organisations the chunk's company codes name, and the cluster's
        memberships of them."""
        codes = {
            row.organisation["company_code"] for row in rows if row.organisation.get("company_code")
        }
        # Without a code excluded, as the unique index is: the index then finds each code.
        found = (
            Organisation.objects.filter(
                country__in={row.country for row in rows}, company_code__in=codes
            )
            .exclude(company_code="")
            .select_related("municipality", "main_activity")
        )
        self.by_code = {(item.country, item.company_code): item for item in found}
        self.memberships = {item.pk: [] for item in self.by_code.values()}
        for membership in Membership.objects.filter(
            cluster=self.cluster, organisation__in=list(self.by_code.values())
        ):
            self.memberships.setdefault(membership.organisation_id, []).append(membership)

    def process_row(self, row: SourceRow, parsed: ParsedRow) -> dict[str, Any]:
        result: dict[str, Any] = {
            "row": row.number,
            "name": parsed.organisation.get("name") or as_text(row.values.get("name")),
            "fate": "",
            "organisation": "",
            "membership": "",
            "changes": [],
            "notices": [],
            "warnings": [],
            "errors": [{"column": column, "message": message} for column, message in parsed.errors],
        }
        if not result["errors"]:
            self.apply(parsed, result)
        return self.finish(result)

    def apply(self, parsed: ParsedRow, result: dict[str, Any]) -> None:
        entity = self.register.entity_of(parsed)
        warning = self.register.warning(entity) if entity is not None else None
        if warning is not None:
            result["warnings"].append(warning)
        # The row's name, else the register's: a row may give only the company code.
        name = parsed.organisation.get("name") or (entity.name if entity is not None else "")
        existing = self.match(parsed, name, result)
        if existing is None and not name and not result["errors"]:
            result["errors"].append(
                {
                    "column": "name",
                    "message": _(
                        "Give the organisation's name: the loaded register of legal entities "
                        "has no entity with this company code."
                    ),
                }
            )
        if result["errors"] or not self.first_mention(parsed, name, existing, result):
            return
        result["name"] = result["name"] or (existing.name if existing is not None else name)
        organisation = self.organisation_for(parsed, existing, entity, result)
        membership = self.membership_for(parsed, organisation, result)
        if self.write and not result["errors"] and not self.failed:
            if inserts_only(result):
                self.new_records.add(organisation, membership, result)
            else:
                self.save(organisation, membership, result)

    # Which organisation ---------------------------------------------------------------
    def match(self, parsed: ParsedRow, name: str, result: dict[str, Any]) -> Organisation | None:
        values = parsed.organisation
        code = values.get("company_code", "")
        if code and (parsed.country, code) in self.by_code:
            return self.by_code[(parsed.country, code)]
        municipality = values.get("municipality")
        place = (parsed.country, municipality.pk if municipality else None)
        # A namesake registered under another code is another organisation: a row with a
        # code is looked for by name only where organisations without one are registered.
        if not name or (code and place not in self.codeless_places):
            return None
        namesakes = self.namesakes(name, municipality, parsed.country)
        if code:
            namesakes = [namesake for namesake in namesakes if not namesake.company_code]
        if len(namesakes) > 1:
            result["errors"].append(
                {
                    "column": "name",
                    "message": _(
                        "The name and municipality match more than one registered "
                        "organisation: %(organisations)s. Give the company code to say which."
                    )
                    % {"organisations": "; ".join(described(item) for item in namesakes)},
                }
            )
            return None
        return namesakes[0] if namesakes else None

    def namesakes(self, name: str, municipality: Region | None, country: str) -> list[Organisation]:
        """Registered organisations of the same name, ignoring case, accents, quotes and
        punctuation, in the same municipality and country."""
        organisations = Organisation.objects.select_related("municipality", "main_activity")
        return organisations.namesakes(name, country=country, municipality=municipality)

    def first_mention(
        self, parsed: ParsedRow, name: str, existing: Organisation | None, result: dict[str, Any]
    ) -> bool:
        values = parsed.organisation
        municipality = values.get("municipality")
        # "UAB X" and "X, UAB" are one name (normalised_name), as are accents and spacing.
        same = fold(normalised_name(name))
        keys: list[tuple[tuple[Any, ...], str]] = [
            (("name", parsed.country, same, getattr(municipality, "pk", None)), "name")
        ]
        if values.get("company_code"):
            keys.append((("code", parsed.country, values["company_code"]), "company_code"))
        if existing is not None:
            keys.append((("organisation", existing.pk), "name"))
        for key, column in keys:
            if key in self.seen:
                result["errors"].append(
                    {
                        "column": column,
                        "message": _("Row %(row)s already names this organisation.")
                        % {"row": self.seen[key]},
                    }
                )
                return False
        for key, _column in keys:
            self.seen[key] = parsed.number
        return True

    # What changes ---------------------------------------------------------------------
    def organisation_for(
        self,
        parsed: ParsedRow,
        existing: Organisation | None,
        entity: LegalEntity | None,
        result: dict[str, Any],
    ) -> Organisation:
        values = parsed.organisation
        if existing is None:
            prefilled = self.register.prefill(entity, values) if entity is not None else {}
            organisation = Organisation(kind=Organisation.Kind.COMPANY, country=parsed.country)
            for field_name, value in {**prefilled, **values}.items():
                setattr(organisation, field_name, value)
            if entity is not None:
                result["notices"].extend(self.register.notices(entity, prefilled))
            result["organisation"] = "new"
        else:
            organisation = existing
            self.compare(organisation, values, result)
            result["organisation"] = "updated" if result["changes"] else "unchanged"
        if result["organisation"] != "unchanged":
            self.answer_same_code(organisation)
            try:
                # The company code's uniqueness is checked by clean() with a clearer message.
                organisation.full_clean(exclude=CHECKED, validate_constraints=False)
            except ValidationError as error:
                result["errors"].extend(error_columns(error, MEMBER_LIST))
        return organisation

    def answer_same_code(self, organisation: Organisation) -> None:
        """Organisation.clean() asks same_company_code() for another organisation of the
        code: a query a row, which reads the whole table (it does not repeat the condition
        of the unique index). look_up has read every organisation of the chunk's codes in
        the row's country, and a row naming one of them is that organisation (match), so
        the answer is known: the queryset is given its result, and asks nothing."""
        known = self.by_code.get((organisation.country, organisation.company_code))
        others = Organisation.objects.none()
        others._result_cache = [known] if known is not None and known != organisation else []
        organisation.same_company_code = lambda: others  # type: ignore[method-assign]

    def compare(
        self, organisation: Organisation, values: dict[str, Any], result: dict[str, Any]
    ) -> None:
        """Applies the row's values that differ; values the person may not change are
        listed as notices instead."""
        may_edit = self.user.has_perm("organisations.edit_organisation", organisation)
        for field_name, value in values.items():
            old = getattr(organisation, field_name)
            if same(old, value) or (old and value and self.same_text(field_name, old, value)):
                continue
            change = {
                "column": MEMBER_LIST.column_of_field[field_name],
                "old": shown(old),
                "new": shown(value),
            }
            if not may_edit:
                change["message"] = _(
                    "Not changed: a registered organisation's data is changed by its "
                    "representatives and the network's staff."
                )
                result["notices"].append(change)
            elif field_name in IDENTITY and not self.may_change_identity:
                change["message"] = _(
                    "Not changed: the name, kind, country and company code are changed by the "
                    "network's staff."
                )
                result["notices"].append(change)
            else:
                result["changes"].append(change)
                setattr(organisation, field_name, value)

    @staticmethod
    def same_text(field_name: str, old: Any, new: Any) -> bool:
        """Names and legal forms that differ only in spelling are not a change: quotes,
        spaces, letter case and the legal form written in full or after the name (the
        register's comparison, lookup.normalised_name)."""
        if field_name == "name":
            return same_name(str(old), str(new))
        if field_name == "legal_form":
            return same_legal_form(str(old), str(new))
        return False

    def membership_for(
        self, parsed: ParsedRow, organisation: Organisation, result: dict[str, Any]
    ) -> Membership | None:
        values = parsed.membership
        if organisation.pk is None:
            memberships = []
        elif organisation.pk in self.memberships:
            memberships = self.memberships[organisation.pk]
        else:  # found by its name
            memberships = list(self.cluster.memberships.filter(organisation=organisation))
        # The open membership; else the one the row dates, so that importing the same file
        # again changes nothing.
        current = next((item for item in memberships if item.left_on is None), None) or next(
            (item for item in memberships if item.joined_on == values.get("joined_on")), None
        )
        if current is None:
            if "joined_on" not in values:
                result["errors"].append(
                    {
                        "column": "joined_on",
                        "message": _(
                            "Give the first day of the membership: the organisation is not "
                            "a member of this cluster yet."
                        ),
                    }
                )
                return None
            membership = Membership(
                cluster=self.cluster,
                role=values.get("role", Membership.Role.MEMBER),
                joined_on=values["joined_on"],
                left_on=values.get("left_on"),
            )
            if organisation.pk:
                membership.organisation = organisation
            result["membership"] = "new"
        else:
            membership = current
            result["membership"] = self.compare_membership(membership, values, result)
        if result["membership"] != "unchanged":
            try:
                membership.full_clean(
                    exclude=["cluster", "organisation"], validate_constraints=False
                )
            except ValidationError as error:
                result["errors"].extend(error_columns(error, MEMBER_LIST))
        return membership

    def compare_membership(
        self, membership: Membership, values: dict[str, Any], result: dict[str, Any]
    ) -> str:
        ends = False
        changed = False
        for field_name in ("role", "left_on"):
            if field_name not in values or getattr(membership, field_name) == values[field_name]:
                continue
            old = getattr(membership, field_name)
            result["changes"].append(
                {"column": field_name, "old": shown(old), "new": shown(values[field_name])}
            )
            ends = ends or (field_name == "left_on" and old is None)
            changed = True
            setattr(membership, field_name, values[field_name])
        if ends:
            return "ended"
        return "updated" if changed else "unchanged"

    # Writing --------------------------------------------------------------------------
    def save(
        self, organisation: Organisation, membership: Membership | None, result: dict[str, Any]
    ) -> None:
        """Saves one row's records: its changes, or its new records when the database refused
        them in bulk (writing.py)."""
        try:
            # A savepoint: a row the database refuses leaves the others to the final decision.
            with transaction.atomic():
                if result["organisation"] != "unchanged":
                    organisation.save()
                if membership is not None and result["membership"] != "unchanged":
                    membership.organisation = organisation
                    membership.save()
        except IntegrityError:
            result["errors"].append(
                {
                    "column": "",
                    "message": _(
                        "Someone else registered this organisation or membership meanwhile."
                    ),
                }
            )

    def finish(self, result: dict[str, Any]) -> dict[str, Any]:
        result["fate"] = fate_of(result, ["organisation", "membership"])
        self.failed = self.failed or result["fate"] == "error"
        return result
