"""Triples: a document's graph as triples of N-Triples terms, each once, in one order."""

import random

import pyoxigraph as ox
import pytest

from kg import graph_files, triples
from kg.extraction import extract_text
from kg.namespace import ID, KG

DOC = f"<{ID}doc/E-CN.7-2009-3>"
SOURCE_FILE = f"<{KG}sourceFile>"


@pytest.fixture(scope="module")
def extracted(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    return extract_text(seed_path, text, "utf-8", "0" * 64)


@pytest.fixture(scope="module")
def graph(extracted):
    return triples.graph(extracted)


def test_a_document_graph_holds_its_parts_entities_and_relations(graph):
    assert (DOC, triples.A, triples.kg("Document")) in graph
    assert (DOC, triples.kg("sourceEncoding"), '"utf-8"') in graph
    types = {o.removeprefix(f"<{KG}").removesuffix(">") for _, p, o in graph if p == triples.A}
    assert {"Document", "Section", "Paragraph", "Footnote", "Assertion", "Organization"} <= types
    assert all(s.startswith(f"<{ID}") for s, _, _ in graph)  # no blank nodes


def test_the_graph_file_is_the_turtle_oxigraph_writes_of_the_same_triples(graph):
    data = graph_files.turtle(graph)
    parsed = [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.TURTLE)]
    assert [graph_files.terms(t) for t in parsed] == graph
    assert data == ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=graph_files.PREFIXES)
    lines = ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES).decode().splitlines()
    assert lines == [f"{s} {p} {o} ." for s, p, o in graph]  # Oxigraph's N-Triples, in order


def test_each_triple_once_in_the_order_of_their_n_triples_form(graph):
    lines = [f"{s} {p} {o} ." for s, p, o in graph]
    assert lines == sorted(set(lines))
    shuffled = [*graph, *graph[:100]]
    random.Random(3).shuffle(shuffled)
    assert triples.canonical(shuffled) == graph


def test_literals_keep_their_datatypes_and_languages(graph):
    parsed = [q.triple for q in ox.parse(graph_files.turtle(graph), format=ox.RdfFormat.TURTLE)]
    number = ox.NamedNode(f"{DOC[1:-1]}/p/60")
    objects = {
        t.predicate.value.removeprefix(str(KG)): t.object for t in parsed if t.subject == number
    }
    assert objects["number"] == ox.Literal("60", datatype=ox.NamedNode(triples.INTEGER[1:-1]))
    assert objects["text"].language == "zh"
    confidences = [t.object for t in parsed if t.predicate.value == f"{KG}confidence"]
    assert confidences and all(f"<{c.datatype.value}>" == triples.DECIMAL for c in confidences)
    assert all(len(c.value.split(".")[1]) == 2 for c in confidences)  # 0.90, as written


def test_literals_are_escaped_as_n_triples_writes_them():
    text = "".join(map(chr, range(0x90))) + '中文"\\'
    assert triples.literal(text) == str(ox.Literal(text))
    assert triples.literal(text, language="zh") == str(ox.Literal(text, language="zh"))
    decimal = ox.NamedNode(triples.DECIMAL[1:-1])
    assert triples.literal("0.5", datatype=triples.DECIMAL) == str(
        ox.Literal("0.5", datatype=decimal)
    )


def test_sources_are_replaced_and_the_graph_stays_canonical(graph):
    renamed = triples.with_sources(graph, "E-CN.7-2009-3", ["a.txt", "b/c.txt"])
    sources = {o for _, p, o in renamed if p == SOURCE_FILE}
    assert sources == {'"a.txt"', '"b/c.txt"'}
    assert len(renamed) == len(graph) + 1
    back = triples.with_sources(
        renamed, "E-CN.7-2009-3", [o[1:-1] for _, p, o in graph if p == SOURCE_FILE]
    )
    assert back == graph


def test_the_threat_taxonomy_has_a_label_for_each_preferred_label():
    taxonomy = triples.taxonomy()
    preferred = {(s, o) for s, p, o in taxonomy if p == triples.PREF_LABEL}
    labels = {(s, o) for s, p, o in taxonomy if p == triples.LABEL}
    assert preferred and preferred <= labels
