"""Where triples become files: each document's graph as Turtle, and graph.ttl and graph.trig.

A document's graph (`kg.triples`: triples of N-Triples terms, in order) is written here
as Oxigraph writes Turtle, byte for byte where it can: the prefixes Oxigraph declares,
prefixed names where a name allows it, ``a``, numbers bare, a subject's triples under it.
It is kept as its own Turtle file,
``documents/<key>.ttl`` (named graph ``ids.graph_iri(key)``), written once when the
document is extracted. graph.ttl and graph.trig are made of those files without reading
a triple again: one set of prefix declarations, then each document's statements (in
graph.trig inside its named graph's braces), so adding a document to a built graph costs
copying bytes, not parsing and serialising the others. Turtle statements are valid
inside a TriG graph block, and the documents' graphs hold no blank nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
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
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
XSD = PREFIXES["xsd"]
# a literal of these datatypes is written bare when its text is a Turtle number or boolean
BARE = {
    f"<{XSD}integer>": re.compile(r"[+-]?[0-9]+"),
    f"<{XSD}decimal>": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    f"<{XSD}double>": re.compile(r"[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
    f"<{XSD}boolean>": re.compile(r"true|false"),
}
NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]|%(?![0-9A-Fa-f]{2})')
# a local name Oxigraph writes after a prefix: these characters, some escaped (below)
LOCAL = re.compile(r"[A-Za-z0-9_:.~!$&'()*+,;=/?#@%-]*")
PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*(?<!\.)")
EDGES = re.compile(r"^[.-]|\.$")  # escaped where a name starts or ends, not inside
LOCAL_ESCAPES = str.maketrans({char: "\\" + char for char in "~!$&'()*+,;=/?#@%"})

Triple = tuple[str, str, str]  # subject, predicate, object, each in its N-Triples form


def turtle(triples: Iterable[Triple]) -> bytes:
    """A graph as a Turtle file of its own, prefixes declared, in the order given."""
    parts: list[str] = []
    subject = predicate = ""
    for s, p, o in triples:
        if s != subject:
            parts.append(f" .\n{_name(s)} {_predicate(p)} {_object(o)}")
        elif p != predicate:
            parts.append(f" ;\n\t{_predicate(p)} {_object(o)}")
        else:
            parts.append(f" , {_object(o)}")
        subject, predicate = s, p
    if parts:
        parts[0] = parts[0].removeprefix(" .\n")
        parts.append(" .\n")
    return header() + "".join(parts).encode()


def read_triples(data: bytes) -> list[Triple]:
    """The triples of a Turtle file written by `turtle`, in the file's order."""
    return [terms(quad) for quad in ox.parse(data, format=ox.RdfFormat.TURTLE)]


def terms(triple: ox.Triple | ox.Quad) -> Triple:
    """A pyoxigraph triple (or a quad's triple) as N-Triples terms."""
    return str(triple.subject), str(triple.predicate), str(triple.object)


@lru_cache(maxsize=1 << 16)
def _name(term: str) -> str:
    """An IRI term as Turtle: a prefixed name if one of `PREFIXES` allows, else as it is.
    ValueError if it is not an IRI."""
    value = term[1:-1]
    if term[0] != "<" or term[-1] != ">":
        raise ValueError(f"not an IRI: {term}")
    for prefix, namespace in PREFIXES.items():
        if value.startswith(namespace):
            local = value[len(namespace) :]
            if PLAIN.fullmatch(local):  # most names: nothing to check or escape but "/"
                return prefix + ":" + local.replace("/", "\\/")
            if LOCAL.fullmatch(local) and not NOT_IRI.search(local):
                return prefix + ":" + EDGES.sub(r"\\\g<0>", local.translate(LOCAL_ESCAPES))
            break
    if NOT_IRI.search(value):
        raise ValueError(f"not an IRI: {term}")
    return term


def _predicate(term: str) -> str:
    return "a" if term == TYPE else _name(term)


def _object(term: str) -> str:
    if term[0] == "<":
        return _name(term)
    if term[-1] != ">":  # a plain literal, or one with a language tag: as in N-Triples
        return term
    quoted, _, datatype = term.rpartition("^^")
    bare = BARE.get(datatype)
    if bare is not None and bare.fullmatch(quoted[1:-1]):
        return quoted[1:-1]
    return f"{quoted}^^{_name(datatype)}"


@cache
def header() -> bytes:
    """The prefix declarations Oxigraph writes at the top of each file."""
    probe = ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:y"), ox.NamedNode("urn:z"))
    written = ox.serialize([probe], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
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
