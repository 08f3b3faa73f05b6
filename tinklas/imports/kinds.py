"""The kinds of import, each a set of columns, a row processor and a template: a cluster's
member list, and the network's list of clusters. Reading, dry run, commit, progress, history
and retention are the same for every kind (runs.py, views.py); what a row means is the
kind's own (members/, clusters/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tinklas.accounts.models import User
from tinklas.clusters.models import Cluster
from tinklas.imports.clusters import examples as cluster_examples
from tinklas.imports.clusters.columns import CLUSTER_LIST
from tinklas.imports.clusters.rows import ClusterRowProcessor
from tinklas.imports.columns import ColumnSet
from tinklas.imports.members import examples as member_examples
from tinklas.imports.members.columns import MEMBER_LIST
from tinklas.imports.members.rows import RowProcessor
from tinklas.imports.models import ImportRun

if TYPE_CHECKING:
    from tinklas.imports.reading import SourceRow


class Processor(Protocol):
    """Processes a file's rows in order; `failed` once a row had an error."""

    failed: bool

    def process(
        self, rows: list[SourceRow], progress: Callable[[int], None] | None = None
    ) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class ImportKind:
    key: str
    columns: ColumnSet
    # The sheet of the workbook template, and the template's file name.
    sheet_title: str | Promise
    file_stem: str
    processor: Callable[[ImportRun, User | None, bool], Processor]
    example_rows: Callable[[], list[dict[str, Any]]]
    # Columns a spreadsheet must keep as text (codes with leading zeros or dots), and dates.
    text_columns: frozenset[str]
    date_columns: frozenset[str]
    # The parts of a row whose fates the results page shows, with their headings.
    parts: tuple[tuple[str, str | Promise], ...]


def member_list_cluster(run: ImportRun) -> Cluster:
    if run.cluster is None:  # the model allows it for cluster lists only
        raise ValueError(f"Import {run.pk} is a member list without a cluster.")
    return run.cluster


MEMBERS = ImportKind(
    key=ImportRun.Kind.MEMBERS,
    columns=MEMBER_LIST,
    sheet_title=_("Members"),
    file_stem="member-list",
    processor=lambda run, user, write: RowProcessor(member_list_cluster(run), user, write=write),
    example_rows=member_examples.example_rows,
    text_columns=frozenset({"company_code", "vat_code", "main_nace_code"}),
    date_columns=frozenset({"joined_on", "left_on"}),
    parts=(("organisation", _("Organisation")), ("membership", _("Membership"))),
)

CLUSTERS = ImportKind(
    key=ImportRun.Kind.CLUSTERS,
    columns=CLUSTER_LIST,
    sheet_title=_("Clusters"),
    file_stem="cluster-list",
    processor=lambda run, user, write: ClusterRowProcessor(user, write=write),
    example_rows=cluster_examples.example_rows,
    text_columns=frozenset({"coordinator_code", "founded", "reported_members_on", "labels"}),
    date_columns=frozenset({"maturity_assessed_on"}),
    parts=(
        ("cluster", _("Cluster")),
        ("coordinator", _("Coordinator")),
        ("labels", _("Labels")),
        ("network", _("Network")),
    ),
)

KINDS: dict[str, ImportKind] = {MEMBERS.key: MEMBERS, CLUSTERS.key: CLUSTERS}


def kind_of(run: ImportRun) -> ImportKind:
    return KINDS[run.kind]
