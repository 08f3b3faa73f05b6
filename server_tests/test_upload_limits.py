"""On the production server, a cluster manager's spreadsheet bombs are refused within a second
and without the worker's memory growing by 50 MB, and nothing of them is stored."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from server_tests.conftest import Server, Visitor
from tinklas.common.tests.workbooks import empty_rows_bomb, shared_string_bomb

MB = 1024 * 1024
MANAGER = "manager.smartfood@example.org"
IMPORT_PAGE = "/en/clusters/smart-food/import/"


def memory_line(pid: int, name: str) -> int:
    """A line of /proc/<pid>/status in bytes (VmRSS: now; VmHWM: the peak)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {name} in /proc/{pid}/status")


def import_runs(server: Server) -> int:
    with sqlite3.connect(server.database) as database:
        (count,) = database.execute("SELECT count(*) FROM clusters_importrun").fetchone()
    return int(count)


@pytest.mark.parametrize("bomb", [shared_string_bomb, empty_rows_bomb])
def test_a_spreadsheet_bomb_is_refused_in_under_a_second_and_50_mb(
    visitor: Visitor, production_server: Server, bomb: Callable[[], bytes]
):
    content = bomb()
    assert len(content) < 20_000
    assert visitor.sign_in(MANAGER).status_code == 302
    assert visitor.get(IMPORT_PAGE).status_code == 200
    runs_before = import_runs(production_server)
    worker = production_server.worker_pid()
    # Resets the worker's peak memory to what it uses now, so the peak after the upload is
    # the upload's.
    Path(f"/proc/{worker}/clear_refs").write_text("5")
    resident_before = memory_line(worker, "VmRSS")

    started = time.monotonic()
    response = visitor.post(IMPORT_PAGE, {}, files={"file": ("members.xlsx", content)})
    seconds = time.monotonic() - started

    growth = memory_line(worker, "VmHWM") - resident_before
    assert response.status_code == 200
    assert "unpacks to" in response.text and "at most 100 times is accepted" in response.text
    assert seconds < 1, f"answered in {seconds:.2f} s"
    assert growth < 50 * MB, f"the worker grew by {growth / MB:.1f} MB"
    assert import_runs(production_server) == runs_before
