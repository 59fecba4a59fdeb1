"""`kg build`: read documents, turn them into triples, write the graph files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDFS, Dataset, Graph
from rdflib.namespace import SKOS

from kg import ids
from kg.document import Document
from kg.errors import InputError
from kg.io import atomic_write
from kg.nlp.extract import Extraction, Extractor
from kg.nlp.gazetteer import threat_graph
from kg.reader import decode, parse_document
from kg.relations.extract import Relations, extract_relations
from kg.store import Store
from kg.triples import bind_prefixes, document_triples, entity_triples, relation_triples

DOCUMENT_SUFFIXES = (".txt",)
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class BuiltDocument:
    """One document of a build: where it came from and what was found in it."""

    path: Path
    key: str
    document: Document
    content_hash: str
    extraction: Extraction
    relations: Relations


@dataclass(frozen=True, slots=True)
class BuildResult:
    documents: tuple[BuiltDocument, ...]
    dataset: Dataset
    files: tuple[Path, ...]

    @property
    def triples(self) -> int:
        return sum(len(graph) for graph in self.dataset.graphs() if len(graph))


def default_inputs() -> list[Path]:
    """The shipped corpus: ``seeds/`` in the working folder, else the project's own."""
    local = Path("seeds")
    return [local if local.is_dir() else PROJECT_ROOT / "seeds"]


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their documents, sorted; InputError for a missing path or empty dir."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            documents = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
            if not documents:
                suffixes = ", ".join(DOCUMENT_SUFFIXES)
                raise InputError(path, f"folder holds no documents ({suffixes})")
            found.extend(documents)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(path, "file not found")
    return list(dict.fromkeys(found))


def read_input(path: Path, extractor: Extractor | None = None) -> BuiltDocument:
    """Read, parse and extract one document, keeping its content hash."""
    data = path.read_bytes()
    document = parse_document(decode(data, path), source=path.as_posix())
    content_hash = hashlib.sha256(data).hexdigest()
    extraction = (extractor or Extractor()).extract(document)
    relations = extract_relations(document, extraction)
    key = ids.document_key(document, content_hash)
    return BuiltDocument(path, key, document, content_hash, extraction, relations)


def build_dataset(documents: Sequence[BuiltDocument]) -> Dataset:
    """One named graph per document."""
    dataset = Dataset()
    bind_prefixes(dataset)
    taxonomy = dataset.graph(ids.graph_iri("threats"))
    for subject, predicate, value in threat_graph():
        taxonomy.add((subject, predicate, value))
        if predicate == SKOS.prefLabel:
            taxonomy.add((subject, RDFS.label, value))
    for built in documents:
        graph = dataset.graph(ids.graph_iri(built.key))
        document_triples(built.document, built.key, built.content_hash, graph)
        entity_triples(built.extraction, built.key, graph)
        relation_triples(built.relations, built.key, graph)
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs in one graph."""
    union = bind_prefixes(Graph())
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    return union


def build(paths: Sequence[Path] | None = None, out: Path = Path("out")) -> BuildResult:
    """Read the documents at ``paths`` (default: the shipped seeds) and write the graph to ``out``.

    Writes ``graph.ttl`` (every triple), ``graph.trig`` (one named graph per
    document) and ``store/`` (the embedded SPARQL store). Every input is read
    before anything is written, so bad input leaves the output folder as it was.
    """
    inputs = collect_inputs(paths or default_inputs())
    extractor = Extractor()
    documents = [read_input(path, extractor) for path in inputs]
    _check_unique_keys(documents)
    dataset = build_dataset(documents)
    turtle = union_graph(dataset).serialize(format="turtle", encoding="utf-8")
    trig = dataset.serialize(format="trig", encoding="utf-8")
    files = (out / "graph.ttl", out / "graph.trig", out / "store")
    atomic_write(files[0], turtle)
    atomic_write(files[1], trig)
    Store.write(files[2], trig)
    return BuildResult(tuple(documents), dataset, files)


def _check_unique_keys(documents: Sequence[BuiltDocument]) -> None:
    seen: dict[str, Path] = {}
    for built in documents:
        if built.key in seen:
            raise InputError(built.path, f"same document symbol as {seen[built.key]} ({built.key})")
        seen[built.key] = built.path
