"""`kg build` end to end: files, named graphs, SHACL, determinism and bad input."""

import os
from collections import Counter

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.namespace import KG
from kg.validation import validate, validate_file

DOC = "https://w3id.org/unodc-kg/id/doc/E-CN.7-2009-3"


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_path):
    out = tmp_path_factory.mktemp("out")
    return build([seed_path], out), out


def test_writes_turtle_and_trig_with_one_named_graph_per_document(built):
    result, out = built
    assert sorted(p.name for p in out.iterdir()) == [
        "documents",
        "graph.trig",
        "graph.ttl",
        "manifest.json",
        "store",
    ]
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    named = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    assert sorted(named) == [
        "https://w3id.org/unodc-kg/id/graph/E-CN.7-2009-3",
        "https://w3id.org/unodc-kg/id/graph/threats",
    ]
    graph = Graph().parse(out / "graph.ttl")
    assert len(graph) <= sum(named.values()) == result.triples


def test_graph_holds_the_document_structure(built):
    _, out = built
    graph = Graph().parse(out / "graph.ttl")
    doc = URIRef(DOC)
    assert set(graph.objects(doc, KG.symbol)) == {
        Literal("E/CN.7/2009/3"),
        Literal("E/CN.15/2009/3"),
    }
    paragraphs = set(graph.subjects(KG.inDocument, doc)) & set(graph.subjects(None, KG.Paragraph))
    kinds = Counter(str(graph.value(p, KG.paragraphKind)) for p in paragraphs)
    assert kinds == {"body": 91, "front": 7, "summary": 1}
    summary = URIRef(f"{DOC}/p/summary")
    assert str(graph.value(summary, KG.text)).startswith("本报告")
    assert graph.value(URIRef(f"{DOC}/p/front:2"), KG.text) == Literal(
        "联合国毒品和犯罪问题办公室的活动", lang="zh"
    )
    p60 = URIRef(f"{DOC}/p/60")
    section = graph.value(p60, KG.inSection)
    assert str(graph.value(section, KG.path)) == "6.B.1"
    assert str(graph.value(graph.value(section, KG.parentSection), KG.path)) == "6.B"
    assert graph.value(URIRef(f"{DOC}/p/6"), KG.cites) == URIRef(f"{DOC}/fn/1")
    footnotes = set(graph.subjects(None, KG.Footnote))
    assert len(footnotes) == 16


def test_graph_passes_the_shacl_shapes(built):
    _, out = built
    report = validate_file(out / "graph.ttl")
    assert report.conforms, report.text
    assert validate_file(out / "graph.trig").conforms
    assert validate_file(out).conforms  # the output folder stands for its graph.ttl


def test_documents_that_write_one_entity_differently_make_a_graph_that_conforms(tmp_path):
    """Each document labels its entities on its own; the graph of all of them still has
    one label per entity (title marks, the organ's short name, spacing in a number)."""
    (tmp_path / "a.txt").write_text(
        "1. 《气候公约》缔约方会议回顾联合国大会第70/1号决议和大会第2200 A (XXI)号决议。\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "1. 气候公约缔约方会议回顾大会第70/1号决议和大会第2200 A(XXI)号决议。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build([tmp_path / "a.txt", tmp_path / "b.txt"], out)
    report = validate_file(out / "graph.ttl")
    assert report.conforms, report.text


def test_shapes_catch_a_broken_graph(built):
    _, out = built
    graph = Graph().parse(out / "graph.ttl")
    graph.remove((URIRef(f"{DOC}/p/12"), KG.text, None))
    assert not validate(graph).conforms


def test_output_is_byte_identical_across_builds(built, tmp_path, seed_path):
    _, out = built
    build([seed_path], tmp_path)
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


def test_output_is_byte_identical_in_processes_that_hash_strings_differently(
    built, tmp_path, seed_path
):
    """Sets of names (aliases) iterate in another order in each process: the files do not."""
    import subprocess
    import sys

    _, out = built
    for seed in ("1", "2"):
        folder = tmp_path / seed
        command = [sys.executable, "-m", "kg.cli", "build", str(seed_path), "--out", str(folder)]
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(command, check=True, capture_output=True, env=environment)
        for name in ("graph.ttl", "graph.trig", "documents/E-CN.7-2009-3.ttl"):
            assert (folder / name).read_bytes() == (out / name).read_bytes(), name


runner = CliRunner()


def test_cli_build_default_reads_the_seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0
    assert "vis-network" in (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "91" in result.output


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("garbled.txt", bytes([0x81, 0x30, 0xFE]) * 400, "cannot tell its encoding"),
    ],
)
def test_cli_refuses_bad_input_and_leaves_output_alone(tmp_path, name, content, problem):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous")
    bad = tmp_path / name
    bad.write_bytes(content)
    result = runner.invoke(app, ["build", "--out", str(out), str(bad)])
    assert result.exit_code == 2
    assert problem in result.output and name in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert sorted(os.listdir(out)) == ["graph.ttl"]
    assert (out / "graph.ttl").read_text() == "previous"


def test_cli_refuses_missing_file_and_empty_folder(tmp_path):
    missing = runner.invoke(
        app, ["build", "--out", str(tmp_path / "o"), str(tmp_path / "nope.txt")]
    )
    assert missing.exit_code == 2 and "file not found" in missing.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["build", "--out", str(tmp_path / "o"), str(empty)])
    assert result.exit_code == 2 and "no documents" in result.output
    assert not (tmp_path / "o").exists()


def test_graph_holds_entities_with_names_and_mentions(built):
    _, out = built
    graph = Graph().parse(out / "graph.ttl")
    afghanistan = URIRef("https://w3id.org/unodc-kg/id/country/AFG")
    assert (afghanistan, KG.iso3, Literal("AFG")) in graph
    assert (afghanistan, KG.mentionedIn, URIRef(f"{DOC}/p/6")) in graph
    unodc = URIRef("https://w3id.org/unodc-kg/id/org/unodc")
    labels = {str(label) for label in graph.objects(unodc, None) if isinstance(label, Literal)}
    assert {"联合国毒品和犯罪问题办公室", "毒品和犯罪问题办公室", "UNODC"} <= labels
    resolution = URIRef("https://w3id.org/unodc-kg/id/resolution/cnd-50-8")
    assert (resolution, KG.mentionedIn, URIRef(f"{DOC}/p/14")) in graph


def test_cli_entities_and_eval(tmp_path, seed_path):
    result = runner.invoke(
        app, ["entities", str(seed_path), "--type", "Resolution", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    import json

    rows = json.loads(result.output)
    assert {row["id"] for row in rows} >= {"resolution/cnd-50-8", "resolution/ga-60-288"}
    assert all(row["type"] == "Resolution" for row in rows)
    bad = runner.invoke(app, ["entities", str(seed_path), "--type", "Planet"])
    assert bad.exit_code == 2 and "unknown entity type" in bad.output
    gold = seed_path.parent.parent / "tests" / "gold" / "seed.entities.jsonl"
    scored = runner.invoke(app, ["eval", str(gold), "--document", str(seed_path)])
    assert scored.exit_code == 0, scored.output
    assert "Resolution" in scored.output and "precision" in scored.output
    missing = runner.invoke(app, ["eval", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "gold file not found" in missing.output


def test_relations_are_triples_with_assertions(built):
    _, out = built
    graph = Graph().parse(out / "graph.ttl")
    from rdflib import RDF
    from rdflib.namespace import PROV

    unodc = URIRef("https://w3id.org/unodc-kg/id/org/unodc")
    who = URIRef("https://w3id.org/unodc-kg/id/org/who")
    assert (unodc, KG.partnerOf, who) in graph and (who, KG.partnerOf, unodc) in graph
    assertions = list(graph.subjects(RDF.type, KG.Assertion))
    assert len(assertions) > 100
    for node in assertions:
        subject = graph.value(node, RDF.subject)
        predicate = graph.value(node, RDF.predicate)
        obj = graph.value(node, RDF.object)
        assert (subject, predicate, obj) in graph
        paragraph = graph.value(node, PROV.wasDerivedFrom)
        evidence = str(graph.value(node, KG.evidence))
        assert evidence in str(graph.value(paragraph, KG.text))
        assert 0 <= float(graph.value(node, KG.confidence)) <= 1
        assert graph.value(node, KG.rule) is not None


def test_cli_relations(seed_path):
    import json

    result = runner.invoke(app, ["relations", str(seed_path), "-p", "heldIn", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {"subject", "predicate", "object", "paragraph", "evidence", "rule", "confidence"} <= set(
        rows[0]
    )
    assert ("非洲各国禁毒执法机构负责人第十八次会议", "亚穆苏克罗") in {
        (r["subject"], r["object"]) for r in rows
    }
    bad = runner.invoke(app, ["relations", str(seed_path), "-p", "likes"])
    assert bad.exit_code == 2 and "unknown predicate" in bad.output


def test_bodies_link_to_the_body_they_belong_to(built):
    from rdflib import Graph

    from kg.namespace import ID, KG

    graph = Graph().parse(built[1] / "graph.ttl")
    assert (ID["org/cnd"], KG.partOf, ID["org/ecosoc"]) in graph
    assert (ID["org/cted"], KG.partOf, ID["org/ctc"]) in graph
