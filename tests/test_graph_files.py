"""Writing: a document's graph as Turtle, and graph.ttl and graph.trig made of such files."""

import pyoxigraph as ox
import pytest

from kg import graph_files, ids

ID = "https://w3id.org/unodc-kg/id/"
KG = "https://w3id.org/unodc-kg/ontology#"


def graph_of(key: str, shared: str) -> list[graph_files.Triple]:
    doc = ox.NamedNode(f"{ID}doc/{key}")
    return [
        graph_files.terms(triple)
        for triple in (
            ox.Triple(doc, ox.NamedNode(f"{KG}title"), ox.Literal('引号"和\n换行', language="zh")),
            ox.Triple(ox.NamedNode(f"{ID}{shared}"), ox.NamedNode(f"{KG}mentionedIn"), doc),
            ox.Triple(ox.NamedNode(f"{ID}{shared}"), ox.NamedNode(f"{KG}iso3"), ox.Literal("AFG")),
        )
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
    ttl = set(graph_files.read_triples((tmp_path / "graph.ttl").read_bytes()))
    assert ttl == {t for graph in graphs.values() for t in graph}
    assert len(ttl) == 5  # the shared triple once
    trig = list(ox.parse(path=tmp_path / "graph.trig", format=ox.RdfFormat.TRIG))
    for key, graph in graphs.items():
        name = ox.NamedNode(ids.graph_iri(key))
        assert [graph_files.terms(q) for q in trig if q.graph_name == name] == graph
    assert (tmp_path / "graph.trig").read_bytes().count(b"@prefix kg:") == 1


@pytest.mark.parametrize(
    "local", ["p/12", "E-CN.7-2009-3", "a.", "-a", "_a", "1a", "a%20b", "a~b(c)", "a:b", "", "中文"]
)
def test_names_are_written_as_oxigraph_writes_them_or_in_full(local):
    triple = ox.Triple(ox.NamedNode(f"{ID}{local}"), ox.NamedNode(f"{KG}p"), ox.NamedNode(ID))
    data = graph_files.turtle([graph_files.terms(triple)])
    assert graph_files.read_triples(data) == [graph_files.terms(triple)]
    oxigraph = ox.serialize([triple], format=ox.RdfFormat.TURTLE, prefixes=graph_files.PREFIXES)
    assert data == oxigraph or f"<{ID}{local}>".encode() in data


def test_a_term_that_is_no_iri_is_refused():
    with pytest.raises(ValueError, match="not an IRI"):
        graph_files.turtle([("<urn:a b>", "<urn:p>", '"x"')])
