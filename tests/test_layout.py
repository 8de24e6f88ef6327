"""The layout shows the architecture: no module over ~400 lines, no import circles between our modules, and
speakers/ (names and roles) never reaches back into quotes/ (attribution)."""
import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "onrecord"
MAX_LINES = 420


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every onrecord module this one imports, at the top or inside a function (a circle either way)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("onrecord"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("onrecord"))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def test_no_module_is_over_four_hundred_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_import_circles():
    graph = _graph()
    circles = []

    def visit(node, path, on_path, done):
        for nxt in sorted(graph[node]):
            if nxt in on_path:
                circles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in done:
                on_path.add(nxt)
                visit(nxt, path + [nxt], on_path, done)
                on_path.discard(nxt)
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start], {start}, done)
    # a package's __init__ re-exporting its own modules is no circle of logic
    circles = [c for c in circles if not any(c[i + 1].startswith(c[i] + ".") for i in range(len(c) - 1))]
    assert circles == []


def test_speakers_never_import_attribution():
    graph = _graph()
    assert {m for name, deps in graph.items() if name.startswith("onrecord.speakers") for m in deps
            if m.startswith("onrecord.quotes")} == set()
