"""The shape ARCHITECTURE.md describes, enforced: imports go down the app order, `lib/` stays framework-free, imports
sit at the top of the module, and no module of logic grows past 500 lines.

Every `.py` under `desabinaan/` and `lib/` is parsed (tests and migrations excepted); imports inside functions count
like any other. A new app is added to APP_ORDER at its place; an exception is added to an allow-list with its reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lowest first (ARCHITECTURE.md, "Apps"): an app may import the apps before it here, never one after it.
APP_ORDER = [
    "core",
    "audit",
    "regions",
    "offices",
    "accounts",
    "jobs",  # imports nothing of the project; people runs its duplicate scan as a watched job
    "people",
    "program",
    "protection",
    "passport",  # follows up readiness checks with protection's services
    "events",
    "privacy",  # UU PDP workflows: reads people, events, protection, passport records
    "stats",  # reads every app above
    "web",  # public home, inbox, timeline, demo data
]

# (importing module, imported app): why this one upward import stays.
UPWARD_ALLOWED = {
    ("desabinaan.audit.admin", "accounts"): "the audit logs' admin is limited to national administrators "
    "(accounts.Role); the admin is a page, not audit's logic, and nothing in accounts imports it",
}

# (module, imported module): why the import cannot sit at the top of the module.
IN_FUNCTION_ALLOWED = {
    ("desabinaan.core.apps", "desabinaan.core.checks"): "AppConfig.ready() registers the system checks "
    "(Django idiom: the app registry must be ready first)",
    (
        "desabinaan.stats.apps",
        "desabinaan.core.signals",
    ): "AppConfig.ready() wires the record_written receiver (Django idiom for signal wiring)",
    ("desabinaan.stats.apps", "desabinaan.stats.live"): "AppConfig.ready() wires the record_written receiver "
    "(Django idiom: live imports models)",
    (
        "desabinaan.people.apps",
        "desabinaan.people.selectors",
    ): "AppConfig.ready() adds the NIK key canary to core's /healthz (Django idiom: selectors import models)",
    ("desabinaan.events.apps", "desabinaan.program.evaluation"): "AppConfig.ready() adds the knowledge-gain "
    "source to program's evaluation (Django idiom: the sources import models)",
    ("desabinaan.events.apps", "desabinaan.events.selectors"): "AppConfig.ready() adds the knowledge-gain "
    "source to program's evaluation (Django idiom: the sources import models)",
    ("desabinaan.privacy.apps", "desabinaan.privacy.selectors"): "AppConfig.ready() adds the restriction "
    "guard to core.guards (Django idiom: selectors import models)",
}

MAX_LINES = 500
# Over the limit when this test landed, to be split by responsibility (issue 17); the list may only shrink.
SPLIT_PENDING: set[str] = set()
FRAMEWORK = {"django", "ninja", "desabinaan"}


def _modules() -> Iterator[tuple[str, Path]]:
    for top in ("desabinaan", "lib"):
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "tests" in parts or path.name.startswith("test_"):
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            yield name.removesuffix(".__init__"), path


MODULES = dict(_modules())


def _imports(name: str, path: Path) -> Iterator[tuple[set[str], ast.stmt, bool]]:
    """(modules it names, statement, inside a function) for every import statement, however deeply nested.

    `from a.b import c` names both `a.b` and `a.b.c` (c may be a submodule: `from . import live`).
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[set[str], ast.stmt, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                yield {alias.name for alias in child.names}, child, in_function
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    parts = package.split(".")
                    module = ".".join(parts[: len(parts) - child.level + 1] + [child.module or ""]).rstrip(
                        "."
                    )
                else:
                    module = child.module or ""
                yield {module} | {f"{module}.{alias.name}" for alias in child.names}, child, in_function
            yield from walk(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef))

    yield from walk(ast.parse(path.read_text(), filename=str(path)), False)


def _app(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "desabinaan" and len(parts) > 1 and parts[1] in APP_ORDER:
        return parts[1]
    return None


def test_the_order_names_every_app_as_installed(settings):
    apps = sorted(p.parent.name for p in (ROOT / "desabinaan").glob("*/apps.py"))
    assert sorted(APP_ORDER) == apps
    installed = [
        a.removeprefix("desabinaan.") for a in settings.INSTALLED_APPS if a.startswith("desabinaan.")
    ]
    assert installed == APP_ORDER


@pytest.mark.parametrize("name", [n for n in MODULES if n.startswith("lib")])
def test_lib_imports_neither_django_nor_the_project(name):
    found = {
        m for modules, _, _ in _imports(name, MODULES[name]) for m in modules if m.split(".")[0] in FRAMEWORK
    }
    assert not found, f"{name} imports {sorted(found)}: lib/ is framework-free"


def test_apps_import_only_apps_below_them():
    upward = set()
    for name, path in MODULES.items():
        app = _app(name)
        if app is None:  # lib/ and the project modules (settings, urls, api) may import any app
            continue
        for modules, node, _ in _imports(name, path):
            for target in {_app(m) for m in modules} - {None}:
                if APP_ORDER.index(target) > APP_ORDER.index(app) and (name, target) not in UPWARD_ALLOWED:
                    upward.add(f"{path.relative_to(ROOT)}:{node.lineno} {app} imports {target}")
    assert not upward, "upward imports:\n" + "\n".join(sorted(upward))


def test_imports_sit_at_the_top_of_the_module():
    nested = {
        f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}"
        for name, path in MODULES.items()
        for modules, node, in_function in _imports(name, path)
        if in_function and not any((name, m) in IN_FUNCTION_ALLOWED for m in modules)
    }
    assert not nested, (
        "imports inside functions (move them to the top, or break the cycle and list the reason):\n"
        + "\n".join(sorted(nested))
    )


def test_the_allow_lists_are_still_needed():
    imported = {(n, _app(m)) for n, p in MODULES.items() for modules, _, _ in _imports(n, p) for m in modules}
    nested = {
        (n, m) for n, p in MODULES.items() for modules, _, inside in _imports(n, p) if inside for m in modules
    }
    assert set(UPWARD_ALLOWED) <= imported
    assert set(IN_FUNCTION_ALLOWED) <= nested


def test_no_module_of_logic_is_over_500_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for path in MODULES.values()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert set(long) <= SPLIT_PENDING, f"split these by responsibility: {long}"
    assert set(long) >= SPLIT_PENDING, f"split already: remove from SPLIT_PENDING {SPLIT_PENDING - set(long)}"
