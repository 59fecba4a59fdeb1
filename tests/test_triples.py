"""Triples: a document's graph as pyoxigraph triples, each once, in one order."""

import random

import pyoxigraph as ox
import pytest

from kg import triples
from kg.extraction import extract_text
from kg.namespace import ID, KG

DOC = f"{ID}doc/E-CN.7-2009-3"
SOURCE_FILE = ox.NamedNode(f"{KG}sourceFile")


@pytest.fixture(scope="module")
def extracted(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    return extract_text(seed_path, text, "utf-8", "0" * 64)


@pytest.fixture(scope="module")
def graph(extracted):
    return triples.graph(extracted)


def test_a_document_graph_holds_its_parts_entities_and_relations(graph):
    assert ox.Triple(ox.NamedNode(DOC), triples.A, triples.kg("Document")) in graph
    encoding = ox.Triple(ox.NamedNode(DOC), triples.kg("sourceEncoding"), ox.Literal("utf-8"))
    assert encoding in graph
    types = {t.object.value.removeprefix(str(KG)) for t in graph if t.predicate == triples.A}
    assert {"Document", "Section", "Paragraph", "Footnote", "Assertion", "Organization"} <= types
    assert all(isinstance(t.subject, ox.NamedNode) for t in graph)  # no blank nodes
    assert all(t.subject.value.startswith(str(ID)) for t in graph)


def test_each_triple_once_in_the_order_of_their_n_triples_form(graph):
    lines = [str(t) for t in graph]
    assert lines == sorted(set(lines))
    shuffled = [*graph, *graph[:100]]
    random.Random(3).shuffle(shuffled)
    assert triples.canonical(shuffled) == graph


def test_literals_keep_their_datatypes_and_languages(graph):
    number = ox.NamedNode(f"{DOC}/p/60")
    objects = {
        t.predicate.value.removeprefix(str(KG)): t.object for t in graph if t.subject == number
    }
    assert objects["number"] == ox.Literal("60", datatype=triples.INTEGER)
    assert objects["text"].language == "zh"
    confidences = [t.object for t in graph if t.predicate == triples.kg("confidence")]
    assert confidences and all(c.datatype == triples.DECIMAL for c in confidences)
    assert all(len(c.value.split(".")[1]) == 2 for c in confidences)  # 0.90, as written


def test_sources_are_replaced_and_the_graph_stays_canonical(graph):
    renamed = triples.with_sources(graph, "E-CN.7-2009-3", ["a.txt", "b/c.txt"])
    sources = {t.object.value for t in renamed if t.predicate == SOURCE_FILE}
    assert sources == {"a.txt", "b/c.txt"}
    assert len(renamed) == len(graph) + 1
    back = triples.with_sources(
        renamed, "E-CN.7-2009-3", [t.object.value for t in graph if t.predicate == SOURCE_FILE]
    )
    assert back == graph


def test_the_threat_taxonomy_has_a_label_for_each_preferred_label():
    taxonomy = triples.taxonomy()
    preferred = {(t.subject, t.object) for t in taxonomy if t.predicate == triples.PREF_LABEL}
    labels = {(t.subject, t.object) for t in taxonomy if t.predicate == triples.LABEL}
    assert preferred and preferred <= labels
