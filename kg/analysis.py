"""Graph analysis over the projected `networkx.MultiDiGraph` (see `KnowledgeGraph.to_networkx`).

Plain functions that take the graph, in the manner of ``networkx.algorithms``.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", type="Organization", label="A"); g.add_node("b", type="Country", label="B")
    >>> g.add_edge("a", "b", key="partnerOf", predicate="partnerOf", evidence=[])
    'partnerOf'
    >>> central_actors(g, top=1)
    [('a', 1.0)]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import networkx as nx
from networkx.algorithms import community

ACTOR_TYPES = ("Organization", "Country")


def _undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for source, target, data in graph.edges(data=True):
        if source != target:
            simple.add_edge(source, target, predicate=data.get("predicate"))
    return simple


def central_actors(
    graph: nx.MultiDiGraph, top: int = 10, types: Iterable[str] = ACTOR_TYPES
) -> list[tuple[str, float]]:
    """The most central actors by degree centrality over all relations, highest first.

    Centrality is computed on the whole graph and then filtered by ``types``;
    ties are broken by node id so the order is stable.
    """
    wanted = set(types)
    scores = nx.degree_centrality(_undirected(graph)) if len(graph) > 1 else {}
    ranked = sorted(
        (
            (node, score)
            for node, score in scores.items()
            if graph.nodes[node].get("type") in wanted
        ),
        key=lambda item: (-item[1], item[0]),
    )
    return [(node, round(score, 4)) for node, score in ranked[:top]]


def shortest_connection(graph: nx.MultiDiGraph, source: str, target: str) -> list[dict]:
    """The shortest chain of relations between two nodes, each step with its evidence.

    Direction is ignored for the search; each step reports the edge as stored
    (``subject``, ``predicate``, ``object``). Raises ``nx.NetworkXNoPath`` when
    the two are not connected.
    """
    path = nx.shortest_path(_undirected(graph), source, target)
    steps = []
    for left, right in itertools.pairwise(path):
        if graph.has_edge(left, right):
            subject, obj = left, right
        else:
            subject, obj = right, left
        predicate, data = sorted(graph.get_edge_data(subject, obj).items())[0]
        steps.append(
            {
                "subject": subject,
                "predicate": predicate,
                "object": obj,
                "evidence": data.get("evidence", []),
            }
        )
    return steps


def cooperation_communities(graph: nx.MultiDiGraph, predicate: str = "partnerOf") -> list[set[str]]:
    """Groups of actors that cooperate with each other more than with others (greedy modularity)."""
    cooperation = nx.Graph()
    for source, target, data in graph.edges(data=True):
        if data.get("predicate") == predicate and source != target:
            cooperation.add_edge(source, target)
    if cooperation.number_of_edges() == 0:
        return []
    found = community.greedy_modularity_communities(cooperation)
    return sorted((set(group) for group in found), key=lambda group: (-len(group), sorted(group)))


def ego_network(graph: nx.MultiDiGraph, node: str, radius: int = 1) -> nx.MultiDiGraph:
    """The sub-graph of everything within ``radius`` relations of ``node`` (either direction)."""
    around = nx.ego_graph(_undirected(graph), node, radius=radius)
    return graph.subgraph(around.nodes).copy()
