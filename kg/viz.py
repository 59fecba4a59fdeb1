"""The interactive HTML graph: a pyvis network drawn through our own template in `viz/`.

The page works offline: vis-network is inlined from `viz/assets`, the data is JSON
in the page. Text from documents reaches the page only as JSON and is shown with
``textContent`` (and labels on a canvas), so a label such as
``<img src=x onerror=alert(1)>`` stays text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from kg.analysis import ego_network
from kg.api import KnowledgeGraph
from kg.io import atomic_write

VIZ_DIR = Path(__file__).resolve().parent.parent / "viz"
LARGE = 500  # above this many nodes, nodes with one relation or none start hidden


@cache
def style() -> dict:
    """Colours and shapes per class and predicate (viz/style.json)."""
    return json.loads((VIZ_DIR / "style.json").read_text(encoding="utf-8"))


def subgraph(
    network: nx.MultiDiGraph,
    focus: str | None = None,
    depth: int = 1,
    types: Iterable[str] = (),
    predicates: Iterable[str] = (),
) -> nx.MultiDiGraph:
    """The part of the graph to draw: around ``focus`` (an IRI), of some types and predicates."""
    chosen = ego_network(network, focus, radius=depth) if focus else network.copy()
    if types:
        keep = set(types)
        chosen.remove_nodes_from(
            [n for n, t in chosen.nodes(data="type") if t not in keep and n != focus]
        )
    if predicates:
        keep = set(predicates)
        chosen.remove_edges_from(
            [(s, o, k) for s, o, k, p in chosen.edges(keys=True, data="predicate") if p not in keep]
        )
    return chosen


def network_page(
    network: nx.MultiDiGraph, title: str, paragraphs: dict[str, list[int]] | None = None
) -> str:
    """The HTML page of a projected graph (see `KnowledgeGraph.to_networkx`)."""
    drawing = Network(directed=True)
    classes, colours = style()["classes"], style()["predicates"]
    degrees = dict(network.degree())
    for node, data in sorted(network.nodes(data=True)):
        look = classes.get(data.get("type"), {"color": "#888888", "shape": "dot"})
        drawing.add_node(
            node,
            label=data.get("label") or node,
            color=look["color"],
            shape=look["shape"],
            value=degrees.get(node, 0) + 1,
            type=data.get("type", ""),
            degree=degrees.get(node, 0),
            names={
                "zh": data.get("label_zh", ""),
                "en": data.get("label_en", ""),
                "aliases": sorted(data.get("aliases", [])),
            },
            paragraphs=(paragraphs or {}).get(node, []),
        )
    for index, (source, target, predicate, data) in enumerate(
        sorted(network.edges(keys=True, data=True))
    ):
        drawing.add_edge(
            source,
            target,
            id=f"e{index}",
            label=predicate,
            title=None,
            color=colours.get(predicate, "#999999"),
            predicate=predicate,
            evidence=data.get("evidence", []),
        )
    nodes, edges, *_ = drawing.get_network_data()
    large = len(nodes) > LARGE
    options = {
        "nodes": {
            "scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 11, "max": 22}},
            "font": {"size": 14},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 9, "align": "middle", "color": "#555"},
            "smooth": False,
        },
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
            "stabilization": {"iterations": 150 if large else 300, "fit": True},
        },
        "layout": {"improvedLayout": not large},
        "interaction": {"hover": True, "tooltipDelay": 200},
    }
    payload = {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "style": style(),
        "options": options,
        "large": LARGE,
    }
    environment = Environment(
        loader=FileSystemLoader(VIZ_DIR), autoescape=select_autoescape(["html"])
    )
    return environment.get_template("template.html").render(title=title, payload=payload)


def write_page(
    graph: KnowledgeGraph,
    out: Path,
    focus: str | None = None,
    depth: int = 1,
    types: Iterable[str] = (),
    predicates: Iterable[str] = (),
) -> Path:
    """Write the page of the graph (or of a sub-graph) to ``out`` atomically."""
    network = graph.to_networkx()
    centre = graph.entity(focus) if focus else None
    chosen = subgraph(network, centre.iri if centre else None, depth, types, predicates)
    title = f"unodc-kg · {centre}" if centre else "unodc-kg"
    atomic_write(out, network_page(chosen, title, graph.mentions()).encode("utf-8"))
    return out
