"""Loading: documents' graphs into the store, their union in the default graph, and out again."""

import pyoxigraph as ox
import pytest

from kg import graph_files, ids
from kg.loading import Loader

ID = "https://w3id.org/unodc-kg/id/"
KG = "https://w3id.org/unodc-kg/ontology#"
SHARED = ox.Triple(
    ox.NamedNode(f"{ID}org/unodc"), ox.NamedNode(f"{KG}acronym"), ox.Literal("UNODC")
)


def graph_of(key: str) -> bytes:
    doc = ox.NamedNode(f"{ID}doc/{key}")
    own = ox.Triple(doc, ox.NamedNode(f"{KG}symbol"), ox.Literal(key))
    return graph_files.turtle([graph_files.terms(own), graph_files.terms(SHARED)])


def contents(path) -> tuple[dict[str, set], set]:
    """The named graphs (by key) and the default graph of the store at ``path``."""
    store = ox.Store.read_only(str(path))
    named: dict[str, set] = {}
    default = set()
    for quad in store:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.add(quad.triple)
        else:
            named.setdefault(quad.graph_name.value.removeprefix(ids.graph_iri("")), set()).add(
                quad.triple
            )
    return named, default


def load(path, previous=None, graphs=(), drops=()):
    loader = Loader(path, previous)
    for key in graphs:
        loader.load(key, graph_of(key))
    for key in drops:
        loader.drop(key)
    loader.finish(compact=previous is None)
    loader.close()
    return loader


def test_each_graph_is_loaded_into_its_named_graph_and_the_union(tmp_path):
    load(tmp_path / "store", graphs=["A", "B"])
    named, default = contents(tmp_path / "store")
    assert set(named) == {"A", "B"}
    assert default == named["A"] | named["B"] and len(default) == 3


def test_a_copy_of_the_previous_store_holds_its_documents_and_drops_only_their_own(tmp_path):
    load(tmp_path / "first", graphs=["A", "B"])
    loader = load(tmp_path / "second", previous=tmp_path / "first", drops=["A"])
    named, default = contents(tmp_path / "second")
    assert set(named) == {"B"} == loader.held
    assert SHARED in default and default == named["B"]  # B still states the shared triple
    assert set(contents(tmp_path / "first")[0]) == {"A", "B"}  # the previous store is kept


def test_loading_a_key_again_replaces_its_graph(tmp_path):
    loader = Loader(tmp_path / "store")
    loader.load("A", graph_of("A"))
    loader.load("A", graph_files.turtle([graph_files.terms(SHARED)]))
    loader.finish()
    loader.close()
    named, default = contents(tmp_path / "store")
    assert named == {"A": {SHARED}} and default == {SHARED}


def test_an_error_in_the_loading_thread_is_raised_by_close(tmp_path):
    loader = Loader(tmp_path / "store")
    loader.load("A", graph_files.header() + b"<urn:a> <urn:b> .\n")  # no object
    loader.finish()
    with pytest.raises(SyntaxError):
        loader.close()
