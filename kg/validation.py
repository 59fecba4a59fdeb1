"""SHACL validation of graphs against ontology/shapes.ttl."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph

from kg.errors import InputError
from kg.namespace import shapes_graph


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    text: str
    graph: Graph


def validate(data: Graph) -> ValidationReport:
    """Validate ``data`` against the project's shapes (no inference: types are explicit)."""
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True
    )
    return ValidationReport(bool(conforms), str(text), report)


def graph_file(path: Path) -> Path:
    """The graph file ``path`` names: itself, or an output folder's graph.ttl."""
    return path / "graph.ttl" if path.is_dir() else path


def validate_file(path: Path) -> ValidationReport:
    """Validate a Turtle (.ttl) or TriG (.trig) file, or an output folder's graph.ttl;
    TriG is validated as the union."""
    path = graph_file(path)
    if not path.is_file():
        raise InputError(path, "file not found; run `kg build` first")
    if path.suffix == ".trig":
        dataset = Dataset()
        dataset.parse(path, format="trig")
        data = Graph()
        for quad in dataset.quads():
            data.add(quad[:3])
    else:
        data = Graph().parse(path, format="turtle")
    return validate(data)
