"""Writing: a document's graph as Turtle, and graph.ttl and graph.trig made of such files."""

import pyoxigraph as ox
import pytest

from kg import graph_files, ids

ID = "https://w3id.org/unodc-kg/id/"
KG = "https://w3id.org/unodc-kg/ontology#"


def graph_of(key: str, shared: str) -> list[ox.Triple]:
    doc = ox.NamedNode(f"{ID}doc/{key}")
    return [
        ox.Triple(doc, ox.NamedNode(f"{KG}title"), ox.Literal('引号"和\n换行', language="zh")),
        ox.Triple(ox.NamedNode(f"{ID}{shared}"), ox.NamedNode(f"{KG}mentionedIn"), doc),
        ox.Triple(ox.NamedNode(f"{ID}{shared}"), ox.NamedNode(f"{KG}iso3"), ox.Literal("AFG")),
    ]


def test_a_graph_file_reads_back_as_the_same_triples():
    graph = graph_of("A", "country/AFG")
    data = graph_files.turtle(graph)
    assert data.startswith(graph_files.header()) and b"@prefix kg:" in data
    assert graph_files.read_triples(data) == graph


def test_statements_are_the_file_without_its_prefixes():
    data = graph_files.turtle(graph_of("A", "country/AFG"))
    body = graph_files.statements(data)
    assert b"@prefix" not in body and data.endswith(body)
    with pytest.raises(ValueError, match="not a graph file"):
        graph_files.statements(b"<urn:a> <urn:b> <urn:c> .\n")


def test_graph_ttl_is_the_union_and_graph_trig_one_named_graph_per_document(tmp_path):
    graphs = {"A": graph_of("A", "country/AFG"), "B": graph_of("B", "country/AFG")}
    graph_files.write_graph_files(
        tmp_path, [(key, graph_files.turtle(graph)) for key, graph in graphs.items()]
    )
    ttl = {q.triple for q in ox.parse(path=tmp_path / "graph.ttl", format=ox.RdfFormat.TURTLE)}
    assert ttl == {t for graph in graphs.values() for t in graph}
    assert len(ttl) == 5  # the shared triple once
    trig = list(ox.parse(path=tmp_path / "graph.trig", format=ox.RdfFormat.TRIG))
    for key, graph in graphs.items():
        name = ox.NamedNode(ids.graph_iri(key))
        assert [q.triple for q in trig if q.graph_name == name] == graph
    assert (tmp_path / "graph.trig").read_bytes().count(b"@prefix kg:") == 1
