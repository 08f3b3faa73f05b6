"""The layout DESIGN.md and docs/decisions/0001-layout.md describe, kept as the code grows:
imports flow one way between apps, config/urls.py only includes the apps' URL modules, and
no module grows past a reader's page count."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
APPS = ROOT / "tinklas"

# Each app may import the apps of lower layers only (never one of its own layer or above);
# `accounts` holds identity only and may be imported by every app. A new app must be given
# its place here, which is the point: the direction is decided, not discovered.
LAYERS: list[set[str]] = [
    {"common"},
    {"accounts", "search"},
    {"taxonomy"},
    {"organisations"},
    {"clusters"},
    {"network"},
    {"applications", "imports"},
    {"audit", "notifications"},
    {"news", "events", "opportunities"},
    {"brokerage", "proposals", "governance", "census"},
    {"opendata", "statistics"},
    {"demo"},
]
IMPORTED_BY_ALL = {"accounts"}
LONGEST_MODULE = 420  # lines; "files under about 400 lines"


def layer_of(app: str) -> int:
    for number, layer in enumerate(LAYERS):
        if app in layer:
            return number
    raise AssertionError(f"tinklas/{app}/ has no layer in LAYERS; give it one")


def source_files(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*.py")
        if "migrations" not in path.parts and "tests" not in path.parts
    ]


def imported_apps(path: Path) -> set[str]:
    """The tinklas apps a module imports, at the top or inside functions."""
    apps = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        apps.update(name.split(".")[1] for name in names if name.startswith("tinklas."))
    return apps


def test_every_app_has_a_layer():
    for folder in APPS.iterdir():
        if (folder / "__init__.py").exists():
            layer_of(folder.name)


def test_imports_flow_one_way_between_apps():
    wrong = []
    for folder in sorted(APPS.iterdir()):
        if not (folder / "__init__.py").exists():
            continue
        for path in source_files(folder):
            for app in imported_apps(path) - {folder.name} - IMPORTED_BY_ALL:
                if layer_of(app) >= layer_of(folder.name):
                    wrong.append(f"{path.relative_to(ROOT)} imports tinklas.{app}")
    assert wrong == []


def test_no_app_imports_config():
    importers = [
        str(path.relative_to(ROOT))
        for path in source_files(APPS)
        if any(
            isinstance(node, ast.ImportFrom | ast.Import)
            and any(
                name == "config" or name.startswith("config.")
                for name in (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [alias.name for alias in node.names]
                )
            )
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert importers == []


def test_the_site_addresses_only_include_the_apps_url_modules():
    tree = ast.parse((ROOT / "config" / "urls.py").read_text(encoding="utf-8"))
    routes = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "path"
    ]
    assert len(routes) > 10
    for route in routes:
        target = route.args[1]
        included = isinstance(target, ast.Call) and getattr(target.func, "id", None) == "include"
        administration = ast.unparse(target) == "admin.site.urls"
        assert included or administration, ast.unparse(route)


def test_no_module_is_longer_than_a_reader_keeps_in_mind():
    modules = [
        path
        for folder in ("tinklas", "config", "benchmarks", "browser_tests", "server_tests")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
    ]
    assert len(modules) > 200
    long = {
        str(path.relative_to(ROOT)): lines
        for path in modules
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert long == {}
