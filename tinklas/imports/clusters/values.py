"""The cells of one cluster-list row read as a cluster's values, its coordinator, labels and
network membership, with a message naming the column for every cell that cannot be read."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tinklas.clusters.models import (
    FIRST_LABEL_YEAR,
    Cluster,
    Label,
    Maturity,
    label_dates_from_year,
)
from tinklas.common.partial_dates import DatePrecision, PartialDateError, parse_partial_date
from tinklas.imports.clusters.columns import CLUSTER_LIST, NAME_KEYS
from tinklas.imports.reading import Cell, SourceRow
from tinklas.imports.values import (
    CellError,
    Vocabularies,
    as_text,
    parse_choice,
    parse_country,
    parse_date,
    parse_website,
    parse_whole_number,
)
from tinklas.organisations.identifiers import clean_company_code
from tinklas.search.analyzer import fold
from tinklas.search.analyzer import words as words_of
from tinklas.taxonomy.models import Ecosystem, Sector

TEXT_FIELDS = {"slug", "acronym", "technologies", "contact_person", "contact_phone"}
TEXT_FIELDS |= {"coordinator_name", "staff_note"} | {
    column.field for column in CLUSTER_LIST if column.key.startswith(("name_", "description_"))
}
SEPARATORS = re.compile(r"\s*[;\n]\s*")
ADDRESS_SEPARATORS = re.compile(r"[\s;,]+")
FULL_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}")
YEAR = re.compile(r"(?<![\d-])\d{4}(?![\d-])")
ISSUERS = {fold(value): value for value in Label.Issuer.values if value != Label.Issuer.OTHER}
# Cells read by the rules of the row's country: without a country column, the network's.
FOREIGN_HINTED = {"coordinator_code"}
YES = {"yes", "y", "true", "1", "taip", "x"}
NO = {"no", "n", "false", "0", "ne"}


@dataclass
class ParsedLabel:
    kind: str
    issuer: str
    awarded_on: datetime.date
    valid_until: datetime.date
    approximate: bool


@dataclass
class ParsedCluster:
    number: int
    values: dict[str, Any] = field(default_factory=dict)  # model field → value
    sectors: list[Sector] | None = None
    ecosystems: list[Ecosystem] | None = None
    coordinator_code: str = ""
    labels: list[ParsedLabel] = field(default_factory=list)
    network_joined_on: datetime.date | None = None
    network_founding_member: bool = False
    country: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column key, message)

    @property
    def names(self) -> list[str]:
        return [self.values[key] for key in NAME_KEYS if self.values.get(key)]


def folded_words(text: str) -> list[str]:
    return [fold(word) for word in words_of(text)]


@cache
def kind_words() -> dict[str, str]:
    """The words that name one label kind and no other, folded, in every language of the
    site (bronze, bronzos...), and the kinds' values themselves."""
    words: dict[str, set[str]] = {}
    for kind in (Label.Kind.BRONZE, Label.Kind.SILVER, Label.Kind.GOLD):
        names = {str(kind.value)}
        for code, _language in settings.LANGUAGES:
            with translation.override(code):
                names |= set(fold(str(kind.label)).split()) | set(
                    fold(_(kind.name.title())).split()
                )
        words[kind.value] = names
    return {
        word: kind
        for kind, names in words.items()
        for word in names
        if not any(word in others for other, others in words.items() if other != kind)
    }


def parse_labels(cell: Cell, today: datetime.date) -> list[ParsedLabel]:
    labels = []
    for entry in SEPARATORS.split(as_text(cell)):
        if entry:
            labels.append(parse_label(entry, today))
    return labels


def parse_label(entry: str, today: datetime.date) -> ParsedLabel:
    words = folded_words(entry)
    kinds = {kind_words()[word] for word in words if word in kind_words()}
    if len(kinds) != 1:
        raise CellError(
            _("%(value)s: name the label's kind (Bronze, Silver or Gold) and its year or dates.")
            % {"value": entry}
        )
    issuer = next((ISSUERS[word] for word in words if word in ISSUERS), Label.Issuer.ESCA)
    dates = [parse_date(text) for text in FULL_DATE.findall(entry)]
    years = [int(text) for text in YEAR.findall(FULL_DATE.sub(" ", entry))]
    if len(dates) == 2 and not years:
        awarded_on, valid_until, approximate = dates[0], dates[1], False
    elif len(years) == 1 and not dates:
        if not FIRST_LABEL_YEAR <= years[0] <= today.year:
            raise CellError(
                _(
                    "%(value)s: Cluster Management Excellence labels are awarded since "
                    "%(first)s; give a year from %(first)s to %(last)s."
                )
                % {"value": entry, "first": FIRST_LABEL_YEAR, "last": today.year}
            )
        awarded_on, valid_until = label_dates_from_year(years[0])
        approximate = True
    else:
        raise CellError(
            _(
                "%(value)s: give the label's year (Bronze 2018) or the day it was awarded and "
                "its last valid day (Bronze 2021-03-15 2023-03-14)."
            )
            % {"value": entry}
        )
    if awarded_on > today:
        raise CellError(_("%(value)s: the award is in the future.") % {"value": entry})
    return ParsedLabel(kinds.pop(), issuer, awarded_on, valid_until, approximate)


def parse_yes_no(cell: Cell) -> bool:
    text = fold(as_text(cell))
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(_("%(value)s is not yes or no.") % {"value": as_text(cell)})


def parse_partial(cell: Cell, today: datetime.date) -> tuple[datetime.date, DatePrecision]:
    try:
        return parse_partial_date(cell if isinstance(cell, datetime.date) else as_text(cell), today)
    except PartialDateError as error:
        raise CellError(str(error)) from None


def parse_addresses(cell: Cell) -> str:
    addresses = [parse_website(part) for part in ADDRESS_SEPARATORS.split(as_text(cell)) if part]
    return "\n".join(addresses)


def parse_decimal(cell: Cell) -> Any:
    text = as_text(cell).replace(",", ".")
    try:
        return Cluster._meta.get_field("management_fte").to_python(text)
    except ValidationError:
        raise CellError(
            _("%(value)s is not a number such as 2.5.") % {"value": as_text(cell)}
        ) from None


class Terms:
    """The fields and ecosystems of the site by slug and by name in every language."""

    def __init__(self) -> None:
        self.sectors = self.vocabulary(Sector)
        self.ecosystems = self.vocabulary(Ecosystem)

    @staticmethod
    def vocabulary(model: type[Model]) -> dict[str, Any]:
        terms: dict[str, Any] = {}
        for item in model.objects.all():  # type: ignore[attr-defined]
            terms[fold(item.slug)] = item
            for code, _language in settings.LANGUAGES:
                name = getattr(item, f"name_{code}", "") or ""
                if name:
                    terms.setdefault(fold(name), item)
        return terms

    def read(self, cell: Cell, terms: dict[str, Any], unknown_message: str) -> list[Any]:
        found: list[Any] = []
        unknown: list[str] = []
        for part in SEPARATORS.split(as_text(cell)):
            if part:
                item = terms.get(fold(part))
                if item is None:
                    unknown.append(part)
                else:
                    found.append(item)
        if unknown:
            raise CellError(unknown_message % {"values": ", ".join(unknown)})
        return list(dict.fromkeys(found))


def read_cell(
    parsed: ParsedCluster, key: str, cell: Cell, vocabularies: Vocabularies, terms: Terms
) -> None:
    today = timezone.localdate()
    column = CLUSTER_LIST.by_key[key]
    values = parsed.values
    if column.field in TEXT_FIELDS:
        values[column.field] = as_text(cell)
    elif key == "status":
        values["status"] = parse_choice(cell, Cluster.Status)
    elif key == "maturity":
        values["maturity"] = parse_choice(cell, Maturity)
    elif key == "maturity_assessed_on":
        values["maturity_assessed_on"] = parse_date(cell)
    elif key == "municipality":
        values["municipality"] = vocabularies.municipality(cell, parsed.country)
    elif key == "founded":
        values["founded_on"], values["founded_precision"] = parse_partial(cell, today)
    elif key == "reported_members":
        values["reported_member_count"] = parse_whole_number(cell)
    elif key == "reported_members_on":
        values["reported_members_on"] = parse_partial(cell, today)[0]
    elif key in ("website", "contact_email"):
        values[column.field] = parse_website(cell) if key == "website" else as_text(cell)
    elif key == "management_fte":
        values["management_fte"] = parse_decimal(cell)
    elif key == "sources":
        values["source_urls"] = parse_addresses(cell)
    elif key == "fields":
        parsed.sectors = terms.read(
            cell,
            terms.sectors,
            _("No field %(values)s: give slugs or names as the site lists them."),
        )
    elif key == "ecosystems":
        parsed.ecosystems = terms.read(
            cell,
            terms.ecosystems,
            _("No ecosystem %(values)s: give slugs or names as the site lists them."),
        )
    elif key == "coordinator_code":
        parsed.coordinator_code = clean_company_code(parsed.country, as_text(cell))
    elif key == "labels":
        parsed.labels = parse_labels(cell, today)
    elif key == "network_joined_on":
        parsed.network_joined_on = parse_partial(cell, today)[0]
    elif key == "network_founding_member":
        parsed.network_founding_member = parse_yes_no(cell)
    else:
        raise KeyError(key)


def parse_cluster_row(row: SourceRow, vocabularies: Vocabularies, terms: Terms) -> ParsedCluster:
    parsed = ParsedCluster(row.number, country=settings.TINKLAS_COUNTRY)
    if row.extra_cells:
        parsed.errors.append(
            ("", _("This row has more cells than the first row has column names."))
        )
    if row.values.get("country") is not None:
        try:
            parsed.country = parse_country(row.values["country"])
        except CellError as error:
            parsed.errors.append(("country", str(error)))
    for key, cell in row.values.items():
        if cell is None or key == "country":
            continue
        try:
            read_cell(parsed, key, cell, vocabularies, terms)
        except (CellError, ValidationError) as error:
            message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            if key in FOREIGN_HINTED and row.values.get("country") is None:
                message += " " + _(
                    "For a cluster of another country, give the country (such as LV) in the "
                    "country column."
                )
            parsed.errors.append((key, message))
    if parsed.network_founding_member and parsed.network_joined_on is None:
        parsed.errors.append(
            ("network_joined_on", _("Give the day the cluster became a member of the network."))
        )
    return parsed
