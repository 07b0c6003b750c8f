"""Which app may import which (README, "Architecture"): read from the source with ``ast``,
so a new import that breaks the layering fails here instead of as a circular-import error in
some later start-up order.

Counted are the imports of the apps' own code at module level (also in class bodies); imports
inside functions are counted only for ``home``, which must not import a feature app at all.
Tests and migrations are not counted: tests exercise the assembled project.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Small helpers every app may use; they import no app of the project.
SHARED_HELPERS = ("cms.clients", "cms.formprotection", "cms.spreadsheets")
# The project package wires the apps together (URLs, API, Celery) and may import all of them.
PROJECT = "cms"
BASE = "home"


def project_packages():
    return sorted(
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "bench", "scripts"} and not path.parent.name.startswith(".")
    )


def node(module):
    """The unit of the graph: a top-level package, or one of the shared helper modules."""
    for helper in SHARED_HELPERS:
        if module == helper or module.startswith(helper + "."):
            return helper
    return module.split(".")[0]


def is_test_code(path):
    parts = path.relative_to(ROOT).parts
    return "tests" in parts or "migrations" in parts or path.name.startswith("test") or path.name == "conftest.py"


def imports_of(tree, packages):
    """(imported module, line, inside a function?) for every import of a project package."""
    found = []

    def walk(parent, in_function):
        for child in ast.iter_child_nodes(parent):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                walk(child, True)
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.module, child.lineno, in_function))
            walk(child, in_function)

    walk(tree, False)
    return [item for item in found if item[0].split(".")[0] in packages]


def import_edges():
    """[(from node, to node, 'file:line', inside a function?)] between different nodes."""
    packages = set(project_packages())
    edges = []
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            if is_test_code(path):
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            source = node(module)
            for imported, line, in_function in imports_of(ast.parse(path.read_text()), packages):
                target = node(imported)
                if target != source:
                    edges.append((source, target, f"{path.relative_to(ROOT)}:{line}", in_function))
    return edges


def cycles(graph):
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(vertex):
        index[vertex] = low[vertex] = len(index)
        stack.append(vertex)
        on_stack.add(vertex)
        for successor in graph.get(vertex, ()):
            if successor not in index:
                visit(successor)
                low[vertex] = min(low[vertex], low[successor])
            elif successor in on_stack:
                low[vertex] = min(low[vertex], index[successor])
        if low[vertex] == index[vertex]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == vertex:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for vertex in sorted(graph):
        if vertex not in index:
            visit(vertex)
    return found


def test_the_graph_sees_the_apps_and_their_imports():
    """Guard against a test that passes because it reads nothing."""
    packages = project_packages()
    assert {"home", "newsletter", "accessibility", "participation", "cms"} <= set(packages)
    assert ("newsletter", "home") in {(source, target) for source, target, _, _ in import_edges()}


def test_home_imports_no_feature_app_not_even_inside_a_function():
    allowed = set(SHARED_HELPERS)
    offending = [where for source, target, where, _ in import_edges() if source == BASE and target not in allowed]
    assert offending == [], f"home must not import feature apps; register with home.extensions instead: {offending}"


def test_no_app_imports_the_project_wiring():
    """cms.urls / cms.api / cms.settings sit on top; apps read settings through django.conf."""
    offending = [
        where for source, target, where, in_function in import_edges() if target == PROJECT and not in_function
    ]
    assert offending == []


def test_shared_helpers_import_no_app():
    offending = [where for source, target, where, _ in import_edges() if source in SHARED_HELPERS]
    assert offending == []


def test_no_import_cycle_between_apps_at_module_level():
    graph = {}
    for source, target, _, in_function in import_edges():
        if not in_function:
            graph.setdefault(source, set()).add(target)
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_send_state_machine_stays_one_readable_module():
    """``newsletter/sending.py`` is the delivery state machine only; SMTP (``smtp``), the mail
    (``message``), the snapshot (``snapshot``), sender threads (``senders``) and the live
    progress (``issue_report``) live beside it. Past 400 lines it is doing another module's job."""
    lines = (ROOT / "newsletter" / "sending.py").read_text().count("\n")
    assert lines < 400, f"newsletter/sending.py has {lines} lines"
