"""The front matter and the summary are parts of their own: relations read there keep
their evidence, and the graph holds the parts they are derived from."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg.build import build
from kg.namespace import ID, KG
from kg.nlp.extract import Extractor
from kg.reader import parse_document
from kg.relations.extract import extract_relations
from kg.relations.model import Predicate

RESOLUTION = """2031年届会
2030年7月1日至2031年7月1日
议程项目7
海洋问题
海洋事务委员会
经济及社会理事会，
回顾其2029年7月23日第2029/52号决议，
请海洋事务委员会继续开展工作。
"""
REPORT = """2031年届会
议程项目7
海洋问题
海洋合作
秘书长的报告
摘要
本报告根据大会第70/262号决议提交经济及社会理事会。
一.
导言
1. 各区域委员会继续开展工作。
"""


def test_the_own_body_convenes_the_session_of_the_masthead():
    document = parse_document(RESOLUTION)
    extraction = Extractor().extract(document)
    relations = extract_relations(document, extraction)
    (session,) = [
        a
        for a in relations.assertions
        if a.subject == "org/ecosoc" and a.predicate is Predicate.PARTICIPATES_IN
    ]
    part = next(p for p in document.front if p.label == session.paragraph)
    assert part.text[session.start : session.end] == session.sentence == "2031年届会"


def test_relations_of_the_summary_are_derived_from_it(tmp_path):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    build([tmp_path / "report.txt"], tmp_path / "out")
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    adopts = [
        a
        for a in graph.subjects(RDF.predicate, KG.adopts)
        if graph.value(a, RDF.object) == URIRef(f"{ID}resolution/ga-70-262")
    ]
    assert adopts
    summary = graph.value(adopts[0], PROV.wasDerivedFrom)
    assert (summary, RDF.type, KG.Paragraph) in graph
    assert graph.value(summary, KG.paragraphKind) == Literal("summary")
    assert str(graph.value(summary, KG.text)).startswith("本报告根据")
