"""What one cluster-list row does: which registered cluster it is (by slug, else acronym,
else name in any language), what it would change in the cluster, its coordinator, labels
and network membership, and whether the models accept it. A dry run stops there; a commit
also saves, each save through the models so that it is audited. Only network staff import
cluster lists. The result's shape: imports/results.py (parts: cluster, coordinator, labels,
network)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tinklas.accounts.models import User
from tinklas.clusters.models import Cluster, Label
from tinklas.common.partial_dates import is_vaguer, shown_partial_date
from tinklas.common.text import unique_slug
from tinklas.imports.clusters.columns import CLUSTER_LIST, NAME_KEYS
from tinklas.imports.clusters.coordinators import Coordinators
from tinklas.imports.clusters.values import ParsedCluster, ParsedLabel, Terms, parse_cluster_row
from tinklas.imports.reading import SourceRow
from tinklas.imports.results import error_columns, fate_of, same, shown
from tinklas.imports.values import Vocabularies
from tinklas.network.models import Network, NetworkMembership
from tinklas.search.analyzer import fold

CHUNK_ROWS = 100
PARTS = ["cluster", "coordinator", "labels", "network"]
# Fields read from the database, or made when saving: validating them would read them again.
LOOKED_UP = ["slug", "coordinator", "municipality"]
COLUMN_OF_FIELD = {**CLUSTER_LIST.column_of_field, "founded_precision": "founded"}


class ClusterIndex:
    """Every registered cluster by slug, acronym and name in each language, folded, with
    the clusters the file adds as it goes, so that matching costs no query per row."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], list[Cluster]] = {}
        for cluster in Cluster.objects.select_related("coordinator", "municipality"):
            self.add(cluster)

    @staticmethod
    def keys(cluster: Cluster) -> list[tuple[str, str]]:
        keys = [("slug", cluster.slug)] if cluster.slug else []
        if cluster.acronym:
            keys.append(("acronym", fold(cluster.acronym)))
        for field_name in NAME_KEYS:
            name: str = getattr(cluster, field_name, None) or ""
            if name:
                keys.append(("name", fold(name)))
        return keys

    def add(self, cluster: Cluster) -> None:
        for key in self.keys(cluster):
            found = self.by_key.setdefault(key, [])
            if cluster not in found:
                found.append(cluster)

    def find(self, parsed: ParsedCluster) -> list[Cluster]:
        """The clusters the row names: by its slug if it gives one, else by its acronym,
        else by its names."""
        slug = parsed.values.get("slug")
        if slug:
            return self.by_key.get(("slug", slug), [])
        acronym = parsed.values.get("acronym")
        if acronym and self.by_key.get(("acronym", fold(acronym))):
            return self.by_key[("acronym", fold(acronym))]
        found: list[Cluster] = []
        for name in parsed.names:
            found.extend(
                item for item in self.by_key.get(("name", fold(name)), []) if item not in found
            )
        return found


class ClusterRowProcessor:
    """Processes the rows of one cluster list in order, remembering which clusters earlier
    rows named, so that a file cannot name one cluster twice."""

    def __init__(self, user: User | None, *, write: bool) -> None:
        self.user = user
        self.write = write
        self.failed = False
        self.vocabularies = Vocabularies()
        self.terms = Terms()
        self.index = ClusterIndex()
        self.coordinators = Coordinators()
        self.network = Network.objects.first()
        self.seen: dict[tuple[str, str], int] = {}
        self.labels: dict[int, list[Label]] = {}
        self.memberships: dict[int, NetworkMembership] = {}

    def process(
        self, rows: list[SourceRow], progress: Callable[[int], None] | None = None
    ) -> list[dict[str, Any]]:
        results: list[dict[str, Any]] = []
        for start in range(0, len(rows), CHUNK_ROWS):
            chunk = [
                (row, parse_cluster_row(row, self.vocabularies, self.terms))
                for row in rows[start : start + CHUNK_ROWS]
            ]
            self.look_up([parsed for _row, parsed in chunk if not parsed.errors])
            results.extend(self.process_row(row, parsed) for row, parsed in chunk)
            if progress is not None:
                progress(len(results))
        return results

    def look_up(self, rows: list[ParsedCluster]) -> None:
        """The chunk's coordinators, and the labels and network memberships of the
        registered clusters it names."""
        self.coordinators.look_up(rows)
        clusters = {item.pk for row in rows for item in self.index.find(row) if item.pk}
        self.labels = {pk: [] for pk in clusters}
        for label in Label.objects.filter(cluster__in=clusters):
            self.labels[label.cluster_id].append(label)
        self.memberships = {
            item.cluster_id: item
            for item in NetworkMembership.objects.filter(cluster__in=clusters, left_on=None)
        }

    def process_row(self, row: SourceRow, parsed: ParsedCluster) -> dict[str, Any]:
        result: dict[str, Any] = {
            "row": row.number,
            "name": parsed.names[0] if parsed.names else "",
            "fate": "",
            **dict.fromkeys(PARTS, ""),
            "changes": [],
            "notices": [],
            "errors": [{"column": column, "message": message} for column, message in parsed.errors],
        }
        if not result["errors"]:
            self.apply(parsed, result)
        result["fate"] = fate_of(result, PARTS)
        self.failed = self.failed or result["fate"] == "error"
        return result

    def apply(self, parsed: ParsedCluster, result: dict[str, Any]) -> None:
        found = self.index.find(parsed)
        if len(found) > 1:
            result["errors"].append(
                {
                    "column": "acronym" if parsed.values.get("acronym") else NAME_KEYS[0],
                    "message": _(
                        "The row matches more than one registered cluster: %(clusters)s. Give "
                        "the slug to say which."
                    )
                    % {"clusters": "; ".join(f"{item.name} ({item.slug})" for item in found)},
                }
            )
            return
        existing = found[0] if found else None
        if existing is None and not parsed.names:
            # A registered cluster may be named by its slug or acronym alone.
            result["errors"].append(
                {
                    "column": NAME_KEYS[0],
                    "message": _("Give the cluster's name in at least one language."),
                }
            )
            return
        if not self.first_mention(parsed, existing, result):
            return
        cluster = self.cluster_for(parsed, existing, result)
        coordinator = self.coordinators.coordinator_for(parsed, cluster, result)
        labels = self.labels_for(parsed, cluster, result)
        membership = self.network_membership_for(parsed, cluster, result)
        if not result["errors"]:
            if self.write and not self.failed:
                self.save(cluster, coordinator, parsed, labels, membership, result)
            self.index.add(cluster)  # with the slug it was saved with

    def first_mention(
        self, parsed: ParsedCluster, existing: Cluster | None, result: dict[str, Any]
    ) -> bool:
        keys = self.row_keys(parsed)
        if existing is not None:
            keys.append(("cluster", str(existing.pk)))
        for key in keys:
            if key in self.seen:
                result["errors"].append(
                    {
                        "column": NAME_KEYS[0] if key[0] in ("name", "cluster") else key[0],
                        "message": _("Row %(row)s already names this cluster.")
                        % {"row": self.seen[key]},
                    }
                )
                return False
        for key in keys:
            self.seen[key] = parsed.number
        return True

    @staticmethod
    def row_keys(parsed: ParsedCluster) -> list[tuple[str, str]]:
        keys = [("slug", parsed.values["slug"])] if parsed.values.get("slug") else []
        if parsed.values.get("acronym"):
            keys.append(("acronym", fold(parsed.values["acronym"])))
        keys.extend(("name", fold(name)) for name in parsed.names)
        return keys

    # What changes ---------------------------------------------------------------------
    def cluster_for(
        self, parsed: ParsedCluster, existing: Cluster | None, result: dict[str, Any]
    ) -> Cluster:
        values = dict(parsed.values)
        if existing is None:
            values.setdefault("status", Cluster.Status.PUBLISHED)
            cluster = Cluster(**values)
            result["cluster"] = "new"
        else:
            cluster = existing
            self.compare(cluster, values, parsed, result)
            result["cluster"] = "updated" if result["changes"] else "unchanged"
        if result["cluster"] != "unchanged":
            try:
                cluster.full_clean(
                    exclude=LOOKED_UP, validate_unique=False, validate_constraints=False
                )
            except ValidationError as error:
                result["errors"].extend(error_columns(error, CLUSTER_LIST))
        return cluster

    def compare(
        self,
        cluster: Cluster,
        values: dict[str, Any],
        parsed: ParsedCluster,
        result: dict[str, Any],
    ) -> None:
        precision = values.pop("founded_precision", None)
        for field_name, value in values.items():
            old = getattr(cluster, field_name)
            if field_name == "founded_on":
                if old == value and cluster.founded_precision == precision:
                    continue
                if is_vaguer(old, cluster.founded_precision, value, str(precision)):
                    continue  # "2014" says less than the registered "2014-10"
                result["changes"].append(
                    {
                        "column": "founded",
                        "old": shown_partial_date(old, cluster.founded_precision),
                        "new": shown_partial_date(value, str(precision)),
                    }
                )
                cluster.founded_on, cluster.founded_precision = value, str(precision)
                continue
            if same(old, value):
                continue
            column = COLUMN_OF_FIELD.get(field_name, field_name)
            result["changes"].append({"column": column, "old": shown(old), "new": shown(value)})
            setattr(cluster, field_name, value)
        for key, chosen, current in (
            ("fields", parsed.sectors, cluster.sectors),
            ("ecosystems", parsed.ecosystems, cluster.ecosystems),
        ):
            if chosen is None:
                continue
            old_items = list(current.all())
            if {item.pk for item in old_items} != {item.pk for item in chosen}:
                result["changes"].append(
                    {
                        "column": key,
                        "old": "; ".join(str(item) for item in old_items),
                        "new": "; ".join(str(item) for item in chosen),
                    }
                )

    def labels_for(
        self, parsed: ParsedCluster, cluster: Cluster, result: dict[str, Any]
    ) -> list[Label]:
        """The labels to write: new ones, and approximate ones the row now dates exactly.
        A label is the same when its kind and award year are; none is ever removed."""
        registered = self.labels.get(cluster.pk, []) if cluster.pk else []
        written = []
        for wanted in parsed.labels:
            same_label = next(
                (
                    label
                    for label in registered
                    if label.kind == wanted.kind and label.awarded_on.year == wanted.awarded_on.year
                ),
                None,
            )
            if same_label is None:
                label = Label(cluster=cluster, **self.label_values(wanted))
                result["labels"] = "new"
            elif same_label.approximate and not wanted.approximate:
                label = same_label
                for field_name, value in self.label_values(wanted).items():
                    setattr(label, field_name, value)
                result["labels"] = result["labels"] or "updated"
                result["changes"].append(
                    {"column": "labels", "old": str(same_label), "new": str(label)}
                )
            else:
                continue
            try:
                label.full_clean(exclude=["cluster"], validate_constraints=False)
            except ValidationError as error:
                result["errors"].extend(
                    {"column": "labels", "message": message} for message in error.messages
                )
            written.append(label)
        if parsed.labels and not written:
            result["labels"] = "unchanged"
        return written

    @staticmethod
    def label_values(wanted: ParsedLabel) -> dict[str, Any]:
        return {
            "kind": wanted.kind,
            "issuer": wanted.issuer,
            "awarded_on": wanted.awarded_on,
            "valid_until": wanted.valid_until,
            "approximate": wanted.approximate,
        }

    def network_membership_for(
        self, parsed: ParsedCluster, cluster: Cluster, result: dict[str, Any]
    ) -> NetworkMembership | None:
        if parsed.network_joined_on is None:
            return None
        if self.network is None:
            result["errors"].append(
                {
                    "column": "network_joined_on",
                    "message": _(
                        "The network is not described yet: add it in the administration "
                        "(Network) before making clusters its members."
                    ),
                }
            )
            return None
        current = self.memberships.get(cluster.pk) if cluster.pk else None
        if current is not None:
            if current.joined_on == parsed.network_joined_on:
                result["network"] = "unchanged"
                return None
            result["changes"].append(
                {
                    "column": "network_joined_on",
                    "old": shown(current.joined_on),
                    "new": shown(parsed.network_joined_on),
                }
            )
            current.joined_on = parsed.network_joined_on
            current.founding_member = current.founding_member or parsed.network_founding_member
            result["network"] = "updated"
            return current
        result["network"] = "new"
        return NetworkMembership(
            network=self.network,
            cluster=cluster,
            joined_on=parsed.network_joined_on,
            founding_member=parsed.network_founding_member,
        )

    # Writing --------------------------------------------------------------------------
    def save(
        self,
        cluster: Cluster,
        coordinator: Any,
        parsed: ParsedCluster,
        labels: list[Label],
        membership: NetworkMembership | None,
        result: dict[str, Any],
    ) -> None:
        try:
            # A savepoint: a row the database refuses leaves the others to the final decision.
            with transaction.atomic():
                if coordinator is not None and coordinator.pk is None:
                    coordinator.save()
                if coordinator is not None:
                    cluster.coordinator = coordinator
                new = cluster.pk is None
                if new and not cluster.slug:
                    # Every taken slug is in the index: no query per candidate.
                    cluster.slug = unique_slug(
                        cluster.slug_base(), lambda slug: ("slug", slug) in self.index.by_key
                    )
                if result["cluster"] != "unchanged" or result["coordinator"]:
                    cluster.save()
                # A new cluster has none to compare with; a registered one changes only when
                # the row's list differs (compare() reported it).
                replace = not new and result["cluster"] == "updated"
                if parsed.sectors is not None and new:
                    cluster.sectors.add(*parsed.sectors)
                elif parsed.sectors is not None and replace:
                    cluster.sectors.set(parsed.sectors)
                if parsed.ecosystems is not None and new:
                    cluster.ecosystems.add(*parsed.ecosystems)
                elif parsed.ecosystems is not None and replace:
                    cluster.ecosystems.set(parsed.ecosystems)
                for label in labels:
                    label.cluster = cluster
                    label.save()
                if membership is not None:
                    membership.cluster = cluster
                    membership.save()
        except IntegrityError:
            result["errors"].append(
                {
                    "column": "",
                    "message": _("Someone else registered this cluster or its data meanwhile."),
                }
            )
