"""Where triples become files: each document's graph as Turtle, and graph.ttl and graph.trig.

Oxigraph writes every triple. A document's graph is kept as its own Turtle file,
``documents/<key>.ttl`` (named graph ``ids.graph_iri(key)``), written once when the
document is extracted. graph.ttl and graph.trig are made of those files without reading
a triple again: one set of prefix declarations, then each document's statements (in
graph.trig inside its named graph's braces), so adding a document to a built graph costs
copying bytes, not parsing and serialising the others. Turtle statements are valid
inside a TriG graph block, and the documents' graphs hold no blank nodes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from kg import ids
from kg.namespace import ID, KG

PREFIXES = {
    "kg": str(KG),
    "id": str(ID),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}
SUFFIX = ".ttl"


def turtle(triples: Iterable[ox.Triple]) -> bytes:
    """A graph as a Turtle file of its own, prefixes declared, in the order given."""
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def read_triples(data: bytes) -> list[ox.Triple]:
    """The triples of a Turtle file written by `turtle`, in the file's order."""
    return [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.TURTLE)]


@cache
def header() -> bytes:
    """The prefix declarations Oxigraph writes at the top of each file."""
    probe = ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:y"), ox.NamedNode("urn:z"))
    written = turtle([probe])
    return written[: written.rindex(b"<urn:x>")]


def statements(data: bytes) -> bytes:
    """A Turtle file written by `turtle` without its prefix declarations."""
    if not data.startswith(header()):
        raise ValueError("not a graph file written by kg build (its prefixes differ)")
    return data[len(header()) :]


def dataset_part(key: str, data: bytes) -> bytes:
    """A document's graph file as a named graph of a TriG file that declares the prefixes."""
    return b"<" + ids.graph_iri(key).encode() + b"> {\n" + statements(data) + b"}\n"


def write_graph_files(folder: Path, graphs: Iterable[tuple[str, bytes]]) -> None:
    """Write ``folder``/graph.ttl (every triple) and graph.trig (one named graph per
    document) from the graph files ``graphs`` gives as (key, file's bytes), in order."""
    with (folder / "graph.ttl").open("wb") as ttl, (folder / "graph.trig").open("wb") as trig:
        ttl.write(header())
        trig.write(header())
        for key, data in graphs:
            ttl.write(statements(data))
            trig.write(dataset_part(key, data))
