"""The embedded SPARQL store: Oxigraph on disk, one named graph per document.

`kg build` writes it to ``out/store`` (`kg.loading`); every reader reopens it without
extracting again. The default graph holds the union of the named graphs as a
set (a triple two documents share is there once), so a question spans every
document unless it names one with GRAPH. Oxigraph's own union view would count
such a triple once per document and multiply the answers. `kg push` loads the
same graphs, and that union, into a SPARQL server, which `kg.remote.RemoteStore`
asks with the same `QueryResult`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import KGError

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {f"{XSD}integer": int, f"{XSD}int": int, f"{XSD}decimal": Decimal, f"{XSD}double": float}


class QueryError(KGError):
    """A SPARQL query could not be parsed or run."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Variables and rows of a SELECT, or the answer of an ASK, or triples of a CONSTRUCT."""

    variables: tuple[str, ...]
    rows: tuple[dict[str, object], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[str, str, object], ...] = ()

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[object]:
        return [row.get(name) for row in self.rows]


class SparqlStore(Protocol):
    """What `KnowledgeGraph` needs of a store, embedded (`Store`) or remote (`RemoteStore`)."""

    def query(self, sparql: str) -> QueryResult: ...


def literal_value(lexical: str, datatype: str) -> object:
    """A literal as a plain Python value: typed numbers as numbers, anything else as its text."""
    convert = NUMERIC.get(datatype)
    if convert is None:
        return lexical
    try:
        return convert(lexical)
    except (ValueError, ArithmeticError):
        return lexical


def python_value(term: object) -> object:
    """An RDF term as a plain Python value: IRIs as str, typed numbers as numbers."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term


def union_quads(store: ox.Store):
    """Every triple of the named graphs, once, in the default graph."""
    seen = set()
    for quad in store.quads_for_pattern(None, None, None):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            continue
        triple = quad.triple
        if triple not in seen:
            seen.add(triple)
            yield ox.Quad(triple.subject, triple.predicate, triple.object, ox.DefaultGraph())


class Store:
    """A read-mostly Oxigraph store on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        self.path = path
        if path is None:
            self._store = ox.Store()
        elif read_only:
            self._store = ox.Store.read_only(str(path))
        else:
            self._store = ox.Store(str(path))

    @classmethod
    def open(cls, path: Path) -> Store:
        """Reopen a store written by `kg build`; KGError if there is none."""
        if not path.is_dir() or not any(path.iterdir()):
            raise KGError(f"{path}: no knowledge graph store here; run `kg build` first")
        return cls(path, read_only=True)

    def __len__(self) -> int:
        return len(self._store)

    def named_graphs(self) -> list[str]:
        return sorted(graph.value for graph in self._store.named_graphs())

    def dump(self, graph: str | None = None) -> bytes:
        """One named graph (the default graph if ``graph`` is None) as N-Triples."""
        source = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        return self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=source)

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query; its default graph is the union of the documents' graphs."""
        try:
            result = self._store.query(sparql)
        except (SyntaxError, ValueError, OSError) as error:
            raise QueryError(f"SPARQL: {error}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult((), boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            triples = tuple(
                (python_value(t.subject), python_value(t.predicate), python_value(t.object))
                for t in result
            )
            return QueryResult(("subject", "predicate", "object"), triples=triples)
        variables = tuple(v.value for v in result.variables)
        rows = tuple(
            {name: python_value(solution[name]) for name in variables if solution[name] is not None}
            for solution in result
        )
        return QueryResult(variables, rows)
