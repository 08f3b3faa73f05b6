"""The first reading of a load: every file is read once without writing, to count its rows and
list what is wrong (organisations/register/files.py reads each row; this adds what only the
whole file shows: a company code given twice). Nothing is written if anything is wrong.

A code may be in both files of a run (an entity registered, then deregistered) or in two
extracts loaded together: across files the newest extract wins, as loading.py writes them.
Only within one file is a second row for a code refused: an extract gives each entity once,
so one of the two rows is wrong and neither can be chosen for the person."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_noop

from tinklas.organisations.register.files import (
    RegisterFileError,
    RegisterSource,
    RowProblem,
    read_rows,
)
from tinklas.organisations.register.problems import Message, problem_record

PROGRESS_EVERY = 10_000  # rows between two progress updates while checking
MAX_PROBLEMS_KEPT = 100
# CodesSeen packs a line number into the lowest bits of a number: room for the lines of a
# file of 4 GB (a line takes at least a byte), twenty times the largest upload allowed.
LINE_BITS = 32
CODE_LENGTH_BITS = 5  # a code has at most 20 digits (files.CODE)


@dataclass
class FileCounts:
    name: str
    kind: str = ""
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    problems: int = 0


@dataclass
class Check:
    files: list[FileCounts] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    problem_count: int = 0
    rows: int = 0

    def add_problem(self, counts: FileCounts, line: int | None, message: str) -> None:
        counts.problems += 1
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(problem_record(counts.name, line, message))


class CodesSeen:
    """The company codes of one file with the line of each, to find a code given twice.

    The registered file holds 230,000 rows and more: a dict of code to line takes about
    100 bytes a row (27 MB for 280,000), one of the code strings more (33 MB). Here each row is
    one number (the code's value and length, so that 0123 stays apart from 123, above the
    line number) in a list, 44 bytes a row (12 MB for 280,000), sorted once at the end of the
    file, which puts the rows of one code side by side in the order of their lines."""

    def __init__(self) -> None:
        self._keys: list[int] = []

    def add(self, code: str, line: int) -> None:
        self._keys.append(((int(code) << CODE_LENGTH_BITS | len(code)) << LINE_BITS) | line)

    def repeated(self) -> Iterator[tuple[str, int, int]]:
        """Each code given again: the code, the line of its first row and the line of the
        later one. Empties the list."""
        keys, self._keys = self._keys, []
        keys.sort()
        first_key, first_line = -1, 0
        line_mask = (1 << LINE_BITS) - 1
        for key in keys:
            code_key, line = key >> LINE_BITS, key & line_mask
            if code_key != first_key:
                first_key, first_line = code_key, line
                continue
            length = code_key & ((1 << CODE_LENGTH_BITS) - 1)
            yield str(code_key >> CODE_LENGTH_BITS).zfill(length), first_line, line


def check_file(source: RegisterSource, check: Check, progress: Callable[[int], None]) -> None:
    counts = FileCounts(source.name)
    check.files.append(counts)
    first_problem = len(check.problems)
    codes = CodesSeen()
    with source.open() as binary:
        try:
            kind, rows = read_rows(binary)
            counts.kind = kind
            for row in rows:
                counts.rows += 1
                check.rows += 1
                if isinstance(row, RowProblem):
                    check.add_problem(counts, row.line, row.message)
                if row.code:
                    codes.add(row.code, row.line)
                if check.rows % PROGRESS_EVERY == 0:
                    progress(check.rows)
        except RegisterFileError as error:
            check.add_problem(counts, None, error.message)
    for code, first_line, line in codes.repeated():
        check.add_problem(
            counts,
            line,
            Message(
                gettext_noop(
                    "ja_kodas: the code %(code)s is on line %(first)s and again on line "
                    "%(line)s. An extract gives each entity once: delete the wrong row, or "
                    "take the file again from the Centre of Registers."
                ),
                {"code": code, "first": first_line, "line": line},
            ),
        )
    # The codes given twice are found after the other problems of the file: list them all
    # in the order of their lines, a problem of the whole file last.
    check.problems[first_problem:] = sorted(
        check.problems[first_problem:],
        key=lambda problem: (problem["line"] is None, problem["line"] or 0),
    )


def check_files(sources: list[RegisterSource], progress: Callable[[int], None]) -> Check:
    """Reads every file once without writing: its kind, rows and problems."""
    check = Check()
    for source in sources:
        check_file(source, check, progress)
    return check
