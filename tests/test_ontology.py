"""The ontology (ontology/kg.ttl), its SHACL shapes (ontology/shapes.ttl) and the `KG` namespace."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, PROV, SH, SKOS

from kg.errors import KGError
from kg.namespace import (
    ENTITY_CLASSES,
    ID,
    KG,
    ONTOLOGY_DIR,
    PLACE_CLASSES,
    RELATION_PROPERTIES,
    OntologyFileMissing,
    _load,
    ontology_graph,
    shapes_graph,
)

DOCS = Path(__file__).resolve().parent.parent / "docs" / "ontology.md"
ONTOLOGY_IRI = URIRef("https://w3id.org/unodc-kg/ontology")
KGSH = "https://w3id.org/unodc-kg/shapes#"

REQUIRED_CLASSES = """
    Entity Organization Place Country Region City Resolution Instrument Programme Meeting
    Publication Threat Route Document Section Paragraph Footnote Assertion
""".split()
REQUIRED_PROPERTIES = """
    iso3 acronym mentionedIn number text inSection inDocument symbol subtitle summary session
    agendaItem sourceFile contentHash numbering headingLevel parentSection path order cites marker
    startOffset endOffset relatedTo partnerOf worksOn implements participatesIn heldIn adopts
    targets concerns origin transit destination donorTo evidence rule confidence
""".split()


def kg_terms_in_ontology() -> set[URIRef]:
    """Every kg: IRI kg.ttl uses, as subject, predicate or object."""
    return {
        term
        for triple in ontology_graph()
        for term in triple
        if isinstance(term, URIRef) and term.startswith(KG._NS)
    }


def namespace_terms() -> set[URIRef]:
    return set(dir(KG))


def superclasses(cls: URIRef) -> set[URIRef]:
    return set(ontology_graph().transitive_objects(cls, RDFS.subClassOf))


# --- the files and the namespace agree -------------------------------------------------------


def test_files_parse():
    assert (ONTOLOGY_DIR / "kg.ttl").is_file()
    assert len(ontology_graph()) > 300
    assert len(shapes_graph()) > 200
    assert (None, RDF.type, SH.NodeShape) in shapes_graph()


def test_ontology_header():
    graph = ontology_graph()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license, OWL.versionInfo):
        assert graph.value(ONTOLOGY_IRI, prop) is not None, prop


def test_every_namespace_term_is_defined_in_the_ontology():
    graph = ontology_graph()
    for term in namespace_terms():
        assert graph.value(term, RDF.type) is not None, f"{term} has no rdf:type in kg.ttl"
        assert graph.value(term, RDFS.label) is not None, f"{term} has no rdfs:label in kg.ttl"


def test_every_ontology_term_is_in_the_namespace():
    missing = kg_terms_in_ontology() - namespace_terms()
    assert not missing, f"add to class KG in kg/namespace.py: {sorted(missing)}"


def test_unknown_term_raises():
    with pytest.raises(AttributeError):
        _ = KG.NotATerm
    with pytest.raises(AttributeError):
        _ = KG.partnerof  # case matters


@pytest.mark.parametrize("name", REQUIRED_CLASSES)
def test_required_class(name: str):
    assert (KG[name], RDF.type, OWL.Class) in ontology_graph()


@pytest.mark.parametrize("name", REQUIRED_PROPERTIES)
def test_required_property(name: str):
    types = set(ontology_graph().objects(KG[name], RDF.type))
    assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, name


def test_threats_is_a_concept_scheme():
    assert (KG.threats, RDF.type, SKOS.ConceptScheme) in ontology_graph()


def test_every_term_has_english_and_chinese_labels_and_a_comment():
    graph = ontology_graph()
    for term in namespace_terms():
        languages = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"en", "zh"} <= languages, f"{term}: labels in {languages}"
        comments = [c for c in graph.objects(term, RDFS.comment) if c.language == "en"]
        assert comments, f"{term} has no English rdfs:comment"
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in graph


def test_external_terms_are_declared():
    """Every class or property we align to is declared, so the file stands alone for reasoning."""
    graph = ontology_graph()
    for prop in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range):
        for _, target in graph.subject_objects(prop):
            if isinstance(target, URIRef) and target not in (RDF.Statement, RDF.langString):
                if not str(target).startswith(str(XSD)):
                    assert graph.value(target, RDF.type) is not None, f"declare {target}"


# --- the structure of the vocabulary ---------------------------------------------------------


def test_partner_of_is_symmetric():
    assert (KG.partnerOf, RDF.type, OWL.SymmetricProperty) in ontology_graph()


def test_relation_properties_are_the_sub_properties_of_related_to():
    graph = ontology_graph()
    subs = set(graph.subjects(RDFS.subPropertyOf, KG.relatedTo))
    assert subs == set(RELATION_PROPERTIES)
    assert len(RELATION_PROPERTIES) == len(set(RELATION_PROPERTIES))
    for prop in RELATION_PROPERTIES:
        assert (prop, RDF.type, OWL.ObjectProperty) in graph


def test_entity_classes_are_entities():
    graph = ontology_graph()
    for cls in ENTITY_CLASSES:
        assert KG.Entity in superclasses(cls), cls
    entity_subclasses = set(graph.transitive_subjects(RDFS.subClassOf, KG.Entity)) - {KG.Entity}
    assert entity_subclasses - {KG.Actor} == set(ENTITY_CLASSES)


def test_place_classes():
    for cls in PLACE_CLASSES:
        assert KG.Place in superclasses(cls)
    assert KG.Actor in superclasses(KG.Country)
    assert KG.Actor in superclasses(KG.Organization)


def test_provenance_classes_align_with_prov():
    for cls in (KG.Document, KG.Section, KG.Paragraph, KG.Footnote, KG.Assertion):
        assert PROV.Entity in superclasses(cls), cls
    assert RDF.Statement in superclasses(KG.Assertion)
    assert SKOS.Concept in superclasses(KG.Threat)


# --- the shapes agree with the code ----------------------------------------------------------


def test_assertion_predicates_are_the_relation_properties():
    shapes = shapes_graph()
    lists = [
        Collection(shapes, values)
        for prop_shape in shapes.subjects(SH.path, RDF.predicate)
        for values in shapes.objects(prop_shape, SH["in"])
    ]
    assert len(lists) == 1
    assert tuple(lists[0]) == RELATION_PROPERTIES


def test_entity_shape_targets_every_entity_class():
    targets = set(shapes_graph().objects(URIRef(KGSH + "EntityShape"), SH.targetClass))
    assert targets == {*ENTITY_CLASSES, KG.Entity, KG.Actor}


def test_shapes_use_only_namespace_terms():
    used = {
        term
        for triple in shapes_graph()
        for term in triple
        if isinstance(term, URIRef) and term.startswith(KG._NS)
    }
    assert used <= namespace_terms()


def test_every_relation_has_a_shape():
    shapes = shapes_graph()
    checked = set(shapes.objects(None, SH.targetSubjectsOf))
    # kg:partOf is background knowledge from the gazetteer, not a relation the text states
    assert checked == {*RELATION_PROPERTIES, KG.partOf}


def test_missing_ontology_file_says_what_to_do(tmp_path: Path):
    with pytest.raises(OntologyFileMissing, match="ontology file not found") as caught:
        _load(tmp_path / "kg.ttl")
    assert isinstance(caught.value, FileNotFoundError)
    assert isinstance(caught.value, KGError)


# --- the shapes accept a correct graph and catch mistakes ------------------------------------

DOC = ID["doc/E-CN.7-2009-3"]
CHAPTER = ID["doc/E-CN.7-2009-3/s/6"]
SECTION = ID["doc/E-CN.7-2009-3/s/6.B"]
PARAGRAPH = ID["doc/E-CN.7-2009-3/p/12"]
FOOTNOTE = ID["doc/E-CN.7-2009-3/fn/1"]
ASSERTION = ID["doc/E-CN.7-2009-3/p/12/a/1"]
UNODC = ID["org/unodc"]
AFG = ID["country/AFG"]
AUT = ID["country/AUT"]
VIENNA = ID["city/vienna"]
CENTRAL_ASIA = ID["region/central-asia"]
EUROPE = ID["region/europe"]
CND = ID["meeting/cnd-52"]
TRAFFICKING = ID["threat/drug-trafficking"]
ROUTE = ID["route/afghan-opiates-northern-route"]
PROGRAMME = ID["programme/paris-pact"]
UNCAC = ID["instrument/uncac"]
RESOLUTION = ID["resolution/A-RES-62-176"]
WDR = ID["publication/world-drug-report-2008"]
SENTENCE = "毒品和犯罪问题办公室与阿富汗合作打击毒品贩运。"


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def valid_graph() -> Graph:
    """A small graph with one of everything, as the builder should write it."""
    g = Graph()
    add = g.add
    add((DOC, RDF.type, KG.Document))
    add((DOC, KG.sourceFile, Literal("seeds/unodc-activities-2008.zh.txt")))
    add((DOC, KG.contentHash, Literal(hashlib.sha256(b"text").hexdigest())))
    add((DOC, KG.symbol, Literal("E/CN.7/2009/3")))
    add((DOC, KG.symbol, Literal("E/CN.15/2009/3")))
    add((DOC, DCTERMS.title, zh("联合国毒品和犯罪问题办公室的活动")))
    add((DOC, KG.subtitle, zh("执行主任的报告")))
    add((DOC, KG.session, zh("麻醉药品委员会 第五十二届会议")))
    add((DOC, KG.numbering, Literal("source")))

    add((CHAPTER, RDF.type, KG.Section))
    add((CHAPTER, RDFS.label, zh("六. 技术援助")))
    add((CHAPTER, KG.headingLevel, Literal("chapter")))
    add((CHAPTER, KG.number, Literal("六")))
    add((CHAPTER, KG.path, Literal("6")))
    add((CHAPTER, KG.inDocument, DOC))
    add((CHAPTER, KG.order, integer(1)))
    add((SECTION, RDF.type, KG.Section))
    add((SECTION, RDFS.label, zh("B. 执法")))
    add((SECTION, KG.headingLevel, Literal("section", datatype=XSD.string)))
    add((SECTION, KG.path, Literal("6.B")))
    add((SECTION, KG.parentSection, CHAPTER))
    add((SECTION, KG.inDocument, DOC))
    add((SECTION, KG.startOffset, integer(900)))

    add((FOOTNOTE, RDF.type, KG.Footnote))
    add((FOOTNOTE, KG.marker, Literal("1")))
    add((FOOTNOTE, KG.text, zh("大会第62/176号决议。")))
    add((FOOTNOTE, KG.inDocument, DOC))

    add((PARAGRAPH, RDF.type, KG.Paragraph))
    add((PARAGRAPH, KG.number, integer(12)))
    add((PARAGRAPH, KG.text, zh(SENTENCE)))
    add((PARAGRAPH, KG.inDocument, DOC))
    add((PARAGRAPH, KG.inSection, SECTION))
    add((PARAGRAPH, KG.cites, FOOTNOTE))
    add((PARAGRAPH, KG.startOffset, integer(1000)))
    add((PARAGRAPH, KG.endOffset, integer(1024)))
    add((PARAGRAPH, KG.order, integer(12)))
    add((PARAGRAPH, KG.paragraphKind, Literal("body")))

    entities = [
        (UNODC, KG.Organization, "联合国毒品和犯罪问题办公室"),
        (AFG, KG.Country, "阿富汗"),
        (AUT, KG.Country, "奥地利"),
        (VIENNA, KG.City, "维也纳"),
        (CENTRAL_ASIA, KG.Region, "中亚"),
        (EUROPE, KG.Place, "欧洲"),
        (CND, KG.Meeting, "麻醉药品委员会第五十二届会议"),
        (TRAFFICKING, KG.Threat, "毒品贩运"),
        (ROUTE, KG.Route, "阿富汗阿片剂北方路线"),
        (PROGRAMME, KG.Programme, "巴黎公约倡议"),
        (UNCAC, KG.Instrument, "联合国反腐败公约"),
        (RESOLUTION, KG.Resolution, "大会第62/176号决议"),
        (WDR, KG.Publication, "2008年世界毒品报告"),
    ]
    for node, cls, label in entities:
        add((node, RDF.type, cls))
        add((node, RDFS.label, zh(label)))
        add((node, KG.mentionedIn, PARAGRAPH))
    add((UNODC, RDFS.label, Literal("United Nations Office on Drugs and Crime", lang="en")))
    add((UNODC, SKOS.altLabel, zh("毒品和犯罪问题办公室")))
    add((UNODC, KG.acronym, Literal("UNODC")))
    add((AFG, KG.iso3, Literal("AFG")))
    add((AUT, KG.iso3, Literal("AUT")))
    add((TRAFFICKING, SKOS.inScheme, KG.threats))

    for triple in [
        (UNODC, KG.partnerOf, AFG),
        (UNODC, KG.worksOn, TRAFFICKING),
        (UNODC, KG.implements, PROGRAMME),
        (AFG, KG.participatesIn, CND),
        (AFG, KG.participatesIn, ROUTE),
        (CND, KG.heldIn, VIENNA),
        (AFG, KG.adopts, UNCAC),
        (CND, KG.adopts, RESOLUTION),
        (PROGRAMME, KG.targets, AFG),
        (ROUTE, KG.concerns, TRAFFICKING),
        (ROUTE, KG.origin, AFG),
        (ROUTE, KG.transit, CENTRAL_ASIA),
        (ROUTE, KG.destination, EUROPE),
        (AUT, KG.donorTo, UNODC),
    ]:
        add(triple)

    add((ASSERTION, RDF.type, KG.Assertion))
    add((ASSERTION, RDF.subject, UNODC))
    add((ASSERTION, RDF.predicate, KG.partnerOf))
    add((ASSERTION, RDF.object, AFG))
    add((ASSERTION, PROV.wasDerivedFrom, PARAGRAPH))
    add((ASSERTION, KG.evidence, zh(SENTENCE)))
    add((ASSERTION, KG.rule, Literal("relation.partner")))
    add((ASSERTION, KG.confidence, Literal(Decimal("0.8"))))
    add((ASSERTION, KG.startOffset, integer(0)))
    add((ASSERTION, KG.endOffset, integer(len(SENTENCE))))
    return g


def validate(data: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph(), inference="none")
    return bool(conforms), str(text)


def test_valid_graph_conforms():
    conforms, text = validate(valid_graph())
    assert conforms, text


def test_shapes_graph_is_valid_shacl():
    conforms, _, text = pyshacl.validate(
        valid_graph(), shacl_graph=shapes_graph(), inference="none", meta_shacl=True
    )
    assert conforms, text


def test_valid_graph_conforms_with_the_ontology_and_rdfs_inference():
    conforms, _, text = pyshacl.validate(
        valid_graph(), shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="rdfs"
    )
    assert conforms, text


def _replace(node: URIRef, prop: URIRef, value) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.remove((node, prop, None))
        if value is not None:
            g.add((node, prop, value))

    return mutate


def _add(*triple) -> Callable[[Graph], None]:
    return lambda g: g.add(triple)


BROKEN = {  # mistake: (how to make it, what the report must say)
    "iso3 not capitals": (_replace(AFG, KG.iso3, Literal("af")), "kg:iso3"),
    "iso3 missing": (_replace(AFG, KG.iso3, None), "kg:iso3"),
    "confidence above 1": (
        _replace(ASSERTION, KG.confidence, Literal(Decimal("1.5"))),
        "kg:confidence",
    ),
    "confidence negative": (
        _replace(ASSERTION, KG.confidence, Literal(Decimal("-0.1"))),
        "kg:confidence",
    ),
    "confidence as a float": (_replace(ASSERTION, KG.confidence, Literal(0.8)), "kg:confidence"),
    "heldIn a threat": (_add(CND, KG.heldIn, TRAFFICKING), "kg:heldIn points to a place"),
    "heldIn from a non-meeting": (_add(UNODC, KG.heldIn, VIENNA), "subject of kg:heldIn"),
    "paragraph without text": (_replace(PARAGRAPH, KG.text, None), "kg:text"),
    "paragraph number 0": (_replace(PARAGRAPH, KG.number, integer(0)), "kg:number"),
    "paragraph number a string": (_replace(PARAGRAPH, KG.number, Literal("12")), "kg:number"),
    "paragraph in two sections": (_add(PARAGRAPH, KG.inSection, CHAPTER), "kg:inSection"),
    "paragraph in a non-document": (_replace(PARAGRAPH, KG.inDocument, SECTION), "kg:inDocument"),
    "start after end": (_replace(PARAGRAPH, KG.startOffset, integer(2000)), "kg:startOffset"),
    "section with bad level": (
        _replace(SECTION, KG.headingLevel, Literal("part")),
        "kg:headingLevel",
    ),
    "section without label": (_replace(SECTION, RDFS.label, None), "rdfs:label"),
    "section with two parents": (_add(SECTION, KG.parentSection, SECTION), "kg:parentSection"),
    "footnote without marker": (_replace(FOOTNOTE, KG.marker, None), "kg:marker"),
    "document without hash": (_replace(DOC, KG.contentHash, None), "kg:contentHash"),
    "document with bad hash": (_replace(DOC, KG.contentHash, Literal("abc")), "kg:contentHash"),
    "document with bad numbering": (_replace(DOC, KG.numbering, Literal("page")), "kg:numbering"),
    "entity without label": (_replace(PROGRAMME, RDFS.label, None), "in Chinese"),
    "entity without Chinese label": (
        _replace(PROGRAMME, RDFS.label, Literal("Paris Pact", lang="en")),
        "in Chinese",
    ),
    "entity with untagged label": (_add(UNODC, RDFS.label, Literal("UNODC")), "language-tagged"),
    "entity with two Chinese labels": (_add(UNODC, RDFS.label, zh("禁毒办")), "one per language"),
    "mentioned in a non-paragraph": (_add(UNODC, KG.mentionedIn, DOC), "kg:mentionedIn"),
    "threat outside the scheme": (_replace(TRAFFICKING, SKOS.inScheme, None), "kg:threats"),
    "worksOn a country": (_add(UNODC, KG.worksOn, AFG), "kg:worksOn"),
    "implements a threat": (_add(UNODC, KG.implements, TRAFFICKING), "kg:implements"),
    "adopts a programme": (_add(AFG, KG.adopts, PROGRAMME), "kg:adopts"),
    "targets a threat": (_add(PROGRAMME, KG.targets, TRAFFICKING), "kg:targets"),
    "concerns a place": (_add(ROUTE, KG.concerns, AFG), "kg:concerns"),
    "origin a threat": (_add(ROUTE, KG.origin, TRAFFICKING), "kg:origin"),
    "destination from a non-route": (_add(UNODC, KG.destination, AFG), "is a kg:Route"),
    "donor is a programme": (_add(PROGRAMME, KG.donorTo, UNODC), "subject of kg:donorTo"),
    "donorTo a country": (_add(AUT, KG.donorTo, AFG), "kg:donorTo points"),
    "partnerOf a threat": (_add(UNODC, KG.partnerOf, TRAFFICKING), "kg:partnerOf"),
    "participatesIn a place": (_add(AFG, KG.participatesIn, VIENNA), "kg:participatesIn"),
    "assertion without subject": (_replace(ASSERTION, RDF.subject, None), "rdf:subject"),
    "assertion with foreign predicate": (
        _replace(ASSERTION, RDF.predicate, RDFS.seeAlso),
        "rdf:predicate",
    ),
    "assertion with two objects": (_add(ASSERTION, RDF.object, AUT), "rdf:object"),
    "assertion without paragraph": (
        _replace(ASSERTION, PROV.wasDerivedFrom, None),
        "prov:wasDerivedFrom",
    ),
    "assertion from a document": (
        _replace(ASSERTION, PROV.wasDerivedFrom, DOC),
        "prov:wasDerivedFrom",
    ),
    "assertion without evidence": (_replace(ASSERTION, KG.evidence, None), "kg:evidence"),
    "evidence not Chinese": (
        _replace(ASSERTION, KG.evidence, Literal("UNODC works with it")),
        "kg:evidence",
    ),
    "assertion without rule": (_replace(ASSERTION, KG.rule, None), "kg:rule"),
    "assertion without confidence": (_replace(ASSERTION, KG.confidence, None), "kg:confidence"),
}


@pytest.mark.parametrize("mistake", list(BROKEN))
def test_shapes_catch(mistake: str):
    mutate, message = BROKEN[mistake]
    data = valid_graph()
    mutate(data)
    conforms, text = validate(data)
    assert not conforms, f"shapes accepted: {mistake}"
    assert message in text, text


@pytest.mark.parametrize("place", [EUROPE, AFG, CENTRAL_ASIA, VIENNA])
def test_every_kind_of_place_is_a_place(place: URIRef):
    data = valid_graph()
    data.add((CND, KG.heldIn, place))
    data.add((PROGRAMME, KG.targets, place))
    conforms, text = validate(data)
    assert conforms, text


@pytest.mark.parametrize("donor", [AUT, UNODC])
def test_a_country_or_a_body_may_donate(donor: URIRef):
    data = valid_graph()
    data.add((donor, KG.donorTo, UNODC))
    conforms, text = validate(data)
    assert conforms, text


# --- the docs ---------------------------------------------------------------------------------


def _doc_queries() -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)


def test_docs_mention_only_real_terms():
    used = set(re.findall(r"\bkg:([A-Za-z][A-Za-z0-9]*)", DOCS.read_text(encoding="utf-8")))
    unknown = {name for name in used if name not in KG}
    assert not unknown, f"docs/ontology.md uses undefined terms: {sorted(unknown)}"


def test_docs_queries_run():
    queries = _doc_queries()
    assert len(queries) >= 3
    data = valid_graph() + ontology_graph()
    for query in queries:
        rows = list(data.query(query))
        assert rows, f"no answer on the test graph for:\n{query}"


def test_docs_describe_every_term():
    text = DOCS.read_text(encoding="utf-8")
    missing = {term for term in namespace_terms() if f"kg:{term[len(KG._NS) :]}" not in text}
    assert not missing, f"describe in docs/ontology.md: {sorted(missing)}"


def test_docs_turtle_example_conforms():
    (example,) = re.findall(r"```turtle\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    data = Graph().parse(data=example, format="turtle")
    assert (None, RDF.type, KG.Assertion) in data
    conforms, text = validate(data)
    assert conforms, text
