"""Derived data — the search index, member counts and flags, the registry's version stamp —
follows every change of the records it is computed from, by one mechanism:

- The owning apps' save and delete signals (connected in their ready()) ask `defer()` first.
  Outside a bulk change it answers False and the handler brings its derived data up to date
  for that one object at once, as an ordinary save from a page, the admin or the API needs.
- Inside `bulk_change()` it records what changed instead and answers True; at the end of the
  outermost block every app's upkeep (registered with `register()`) runs once over all of it.
  Writers that bypass the signals (bulk_create, raw SQL) say so with `Changes.everything()`.

This module knows no domain: the kinds of change ("cluster", "organisation", "registry") and
their upkeep belong to the apps that own the data, so that organisations, which clusters and
network build on, can use it as well (decision 0004)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction


@dataclass
class Changes:
    """What a bulk change touched: the ids of each kind, or everything."""

    ids: dict[str, set[int]] = field(default_factory=dict)
    touched_everything: bool = False

    def add(self, kind: str, ids: Iterable[int] = ()) -> None:
        """A kind without ids (the registry as a whole) is recorded as touched too."""
        self.ids.setdefault(kind, set()).update(ids)

    def of(self, kind: str) -> set[int]:
        return self.ids.get(kind, set())

    def everything(self) -> None:
        """For writers that bypass the models' signals: all derived data is rebuilt."""
        self.touched_everything = True

    def __bool__(self) -> bool:
        return self.touched_everything or bool(self.ids)


Upkeep = Callable[[Changes], None]

_pending: ContextVar[Changes | None] = ContextVar("derived_changes_pending", default=None)
_upkeeps: list[Upkeep] = []


def register(upkeep: Upkeep) -> None:
    """Called by each owning app's ready(). The upkeeps run in the order of INSTALLED_APPS
    (organisations, clusters, network); each recomputes from the records, not from the
    others' results, so the order is not a condition of being right."""
    if upkeep not in _upkeeps:
        _upkeeps.append(upkeep)


def defer(kind: str, ids: Iterable[int] = ()) -> bool:
    """For signal handlers: inside a bulk change, records the change for the block's end and
    returns True (the handler does nothing more); outside one, returns False."""
    pending = _pending.get()
    if pending is None:
        return False
    pending.add(kind, ids)
    return True


@contextmanager
def bulk_change() -> Iterator[Changes]:
    """Says "this block changes the registry in bulk": one transaction, with the derived
    data of everything the block touched brought up to date once, at its end, instead of
    after every row. A block inside another joins it, so the work is done once at the
    outermost end. If the block raises, the transaction is rolled back and no upkeep runs:
    nothing is half done."""
    outer = _pending.get()
    if outer is not None:
        yield outer
        return
    changes = Changes()
    with transaction.atomic():
        token = _pending.set(changes)
        try:
            yield changes
        finally:
            _pending.reset(token)
        # Inside the transaction: readers see the records and their derived data together
        # (the version stamp too, as the cache is a table of the same database).
        for upkeep in _upkeeps:
            upkeep(changes)
