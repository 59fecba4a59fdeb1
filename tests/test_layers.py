"""Layers import downward only: no module of `kg` imports, even late, one that imports it."""

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "kg"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> nx.DiGraph:
    """Module → the modules of `kg` it imports, anywhere in it (a function's late import too)."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
                submodules = [f"{node.module}.{alias.name}" for alias in node.names]
                targets = [m for m in submodules if m in modules] or [node.module]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names if alias.name in modules]
            else:
                continue
            graph.add_edges_from((name, target) for target in targets if target != name)
    return graph


def test_no_import_cycle():
    assert list(nx.simple_cycles(imports())) == []


def test_the_build_uses_the_store_and_knows_nothing_of_the_api_or_the_page():
    below = nx.descendants(imports(), "kg.build")
    assert {"kg.loading", "kg.triples", "kg.graph_files", "kg.inputs"} <= below
    assert not below & {"kg.api", "kg.viz", "kg.cli", "kg.server", "kg.remote"}
    assert "kg.api" in nx.descendants(imports(), "kg.viz")  # the page reads through the API
    assert "kg.store" in nx.descendants(imports(), "kg.api")
