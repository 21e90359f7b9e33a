"""The package's shape: outputs unchanged by moves, no import circle, small modules,
every stage package saying its job."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from tests.output_digest import DIGESTS, digests, read_digests


def test_outputs_of_the_five_sources_are_unchanged() -> None:
    """Turtle, pages, JSON listings and exports byte for byte as recorded; an intended change
    regenerates tests/gold/outputs.sha256 (``python tests/output_digest.py --write``)."""
    found = digests()
    expected = read_digests(DIGESTS)
    assert sorted(found) == sorted(expected)
    changed = [name for name in expected if found[name] != expected[name]]
    assert not changed, f"outputs changed: {changed}"


PACKAGE = Path(__file__).resolve().parent.parent / "omsgraph"
#: the stage packages, each of which says its job in its docstring
STAGES = ("corpus", "extract", "curate", "graph", "web")
#: the command line may be longer: one short function per command
LONG_MODULES = {"cli"}
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports, at any depth of the file (imports inside
    functions count: a circle hidden in a function is still a circle)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and not name.startswith(f"{target}."):
                    edges[name].add(target)
    return edges


def find_circle(edges: dict[str, set[str]]) -> list[str]:
    """One import circle as a list of modules, or [] (depth-first search, three colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_find_circle_finds_one() -> None:
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_import_graph_reads_function_level_imports(tmp_path: Path) -> None:
    edges = import_graph()
    assert "omsgraph.graph.rdf" in edges["omsgraph.graph.streamed"]  # imported in a function
    assert "omsgraph.corpus.model" in edges["omsgraph.graph.iris"]


def test_no_import_circle() -> None:
    assert find_circle(import_graph()) == []


def test_stages_do_not_reach_up() -> None:
    """The data flow runs one way: corpus < extract < curate, corpus < graph < web; only the
    command line sits above them all."""
    below = {
        "corpus": set(),
        "extract": {"corpus"},
        "curate": {"corpus", "extract"},
        "graph": {"corpus"},
        "web": {"corpus", "graph"},
    }
    for module, targets in import_graph().items():
        stage = module.split(".")[1] if module.count(".") >= 1 else ""
        if stage not in below:
            continue
        for target in targets:
            other = target.split(".")[1] if target.count(".") >= 1 else ""
            if other in below and other != stage:
                assert other in below[stage], f"{module} imports {target}"


def test_modules_are_small() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.stem in LONG_MODULES:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE.parent)} has {lines} lines"


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_package_says_its_job(stage: str) -> None:
    module = importlib.import_module(f"omsgraph.{stage}")
    assert module.__doc__ and len(module.__doc__.split()) >= 12
