"""Where a document's extraction becomes RDF: its graph as pyoxigraph triples, made in one pass.

A document's graph is the named graph ``ids.graph_iri(key)``; here it is a list of
`pyoxigraph.Triple` (the graph is implied by the document), each once, in the order of their
N-Triples form (as Oxigraph writes it), so that the same graph always gives the same bytes
however and in whichever process it was made (`graph`, and `with_sources` when a document
gains or loses a source file). `kg.graph_files` writes the triples, `kg.loading` loads them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import cache

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import ids
from kg.data_files import data_path
from kg.document import Document, Heading
from kg.extraction import ExtractedDocument
from kg.namespace import KG
from kg.nlp.extract import Extraction
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.model import Entity, EntityType
from kg.relations.extract import Relations
from kg.relations.model import SYMMETRIC, Assertion
from kg.text import matching_form

ZH = "zh"
SYMBOL_YEAR = re.compile(r"/((?:19|20)\d{2})/")
PRINTED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")

A = ox.NamedNode(str(RDF.type))
LABEL = ox.NamedNode(str(RDFS.label))
ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
PREF_LABEL = ox.NamedNode(str(SKOS.prefLabel))
SUBJECT = ox.NamedNode(str(RDF.subject))
PREDICATE = ox.NamedNode(str(RDF.predicate))
OBJECT = ox.NamedNode(str(RDF.object))
DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))
LANGUAGE = ox.NamedNode(str(DCTERMS.language))
ISSUED = ox.NamedNode(str(DCTERMS.issued))
TITLE = ox.NamedNode(str(DCTERMS.title))
INTEGER = ox.NamedNode(str(XSD.integer))
DECIMAL = ox.NamedNode(str(XSD.decimal))
YEAR = ox.NamedNode(str(XSD.gYear))


@cache
def kg(name: str) -> ox.NamedNode:
    """A term of the project's vocabulary (`KG` checks the name)."""
    return ox.NamedNode(str(KG[name]))


def graph(built: ExtractedDocument) -> list[ox.Triple]:
    """The graph of one document: its parts, its entities and its relations with evidence.

    Source offsets count from the start of the file (a volume of a large file starts
    at ``built.offset``).
    """
    doc = ox.NamedNode(ids.document_iri(built.key))
    made = [
        *document_triples(built.document, built.key, built.content_hash, built.offset),
        ox.Triple(doc, kg("sourceEncoding"), ox.Literal(built.encoding)),
        *entity_triples(built.extraction, built.key),
        *relation_triples(built.relations, built.key),
    ]
    return canonical(made)


def canonical(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """Each triple once, in the order of their N-Triples form: one graph, one order."""
    triples = list(triples)
    lines = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).split(b"\n")
    kept: list[ox.Triple] = []
    previous = b""
    for index in sorted(range(len(triples)), key=lines.__getitem__):
        if lines[index] != previous:
            kept.append(triples[index])
            previous = lines[index]
    return kept


def with_sources(triples: Iterable[ox.Triple], key: str, sources: Iterable[str]) -> list[ox.Triple]:
    """A document's graph with ``sources`` as its source files (a duplicate found under
    another name adds one; a file whose content changed drops its own)."""
    doc = ox.NamedNode(ids.document_iri(key))
    source_file = kg("sourceFile")
    kept = (t for t in triples if t.subject != doc or t.predicate != source_file)
    return canonical([*kept, *(ox.Triple(doc, source_file, ox.Literal(s)) for s in sources)])


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=INTEGER)


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language=ZH)


def document_triples(
    document: Document, key: str, content_hash: str, offset: int = 0
) -> Iterator[ox.Triple]:
    """A document, its sections, paragraphs and footnotes."""
    doc = ox.NamedNode(ids.document_iri(key))
    meta = document.metadata
    in_document = kg("inDocument")
    text = kg("text")
    start_offset = kg("startOffset")
    order = kg("order")
    yield ox.Triple(doc, A, kg("Document"))
    yield ox.Triple(doc, kg("sourceFile"), ox.Literal(document.source))
    yield ox.Triple(doc, kg("contentHash"), ox.Literal(content_hash))
    yield ox.Triple(doc, kg("numbering"), ox.Literal(str(document.numbering)))
    yield ox.Triple(doc, LANGUAGE, ox.Literal(language(document.text)))
    if (issued := year(document)) is not None:
        yield ox.Triple(doc, ISSUED, ox.Literal(str(issued), datatype=YEAR))
    for symbol in meta.symbols:
        yield ox.Triple(doc, kg("symbol"), ox.Literal(symbol))
    if meta.title:
        yield ox.Triple(doc, TITLE, _zh(meta.title))
    if meta.subtitle:
        yield ox.Triple(doc, kg("subtitle"), _zh(meta.subtitle))
    if document.summary:
        yield ox.Triple(doc, kg("summary"), _zh(document.summary))
    for session in meta.sessions:
        yield ox.Triple(doc, kg("session"), _zh(session))
    for item in meta.agenda_items:
        yield ox.Triple(doc, kg("agendaItem"), _zh(item))

    for number, (heading, path) in enumerate(_walk(document.headings, ()), start=1):
        section = ox.NamedNode(ids.section_iri(key, path))
        yield ox.Triple(section, A, kg("Section"))
        yield ox.Triple(section, LABEL, _zh(str(heading)))
        yield ox.Triple(section, kg("headingLevel"), ox.Literal(str(heading.level)))
        yield ox.Triple(section, kg("path"), ox.Literal(ids.heading_key(path)))
        yield ox.Triple(section, order, _int(number))
        yield ox.Triple(section, start_offset, _int(offset + heading.start))
        yield ox.Triple(section, in_document, doc)
        if len(path) > 1:
            parent = ox.NamedNode(ids.section_iri(key, path[:-1]))
            yield ox.Triple(section, kg("parentSection"), parent)

    for paragraph in document.front:
        # front-matter lines and the summary: parts that entities and assertions come from
        node = ox.NamedNode(ids.paragraph_iri(key, paragraph))
        yield ox.Triple(node, A, kg("Paragraph"))
        yield ox.Triple(node, kg("number"), _int(paragraph.number))
        yield ox.Triple(node, kg("paragraphKind"), ox.Literal(str(paragraph.kind)))
        yield ox.Triple(node, text, _zh(paragraph.text))
        yield ox.Triple(node, in_document, doc)
        if paragraph.start >= 0:
            yield ox.Triple(node, start_offset, _int(offset + paragraph.start))
            yield ox.Triple(node, kg("endOffset"), _int(offset + paragraph.end))

    for number, paragraph in enumerate(document.paragraphs, start=1):
        node = ox.NamedNode(ids.paragraph_iri(key, paragraph))
        yield ox.Triple(node, A, kg("Paragraph"))
        yield ox.Triple(node, kg("number"), _int(paragraph.number))
        yield ox.Triple(node, kg("paragraphKind"), ox.Literal(str(paragraph.kind)))
        yield ox.Triple(node, order, _int(number))
        yield ox.Triple(node, text, _zh(paragraph.text))
        yield ox.Triple(node, in_document, doc)
        yield ox.Triple(node, start_offset, _int(offset + paragraph.start))
        yield ox.Triple(node, kg("endOffset"), _int(offset + paragraph.end))
        if paragraph.heading_path:
            section = ox.NamedNode(ids.section_iri(key, paragraph.heading_path))
            yield ox.Triple(node, kg("inSection"), section)
        for marker in paragraph.footnotes:
            yield ox.Triple(node, kg("cites"), ox.NamedNode(ids.footnote_iri(key, marker)))

    for footnote in document.footnotes:
        node = ox.NamedNode(ids.footnote_iri(key, footnote.marker))
        yield ox.Triple(node, A, kg("Footnote"))
        yield ox.Triple(node, kg("marker"), ox.Literal(footnote.marker))
        yield ox.Triple(node, text, _zh(footnote.text))
        yield ox.Triple(node, in_document, doc)
        yield ox.Triple(node, start_offset, _int(offset + footnote.start))


def year(document: Document) -> int | None:
    """The year of a document: from its symbol (E/CN.7/2009/3), else the first date it prints."""
    for symbol in document.metadata.symbols:
        if match := SYMBOL_YEAR.search(symbol):
            return int(match.group(1))
    front = " ".join((*document.metadata.sessions, document.summary[:200]))
    match = PRINTED_YEAR.search(front) or PRINTED_YEAR.search(document.text[:4000])
    return int(match.group(1)) if match else None


def language(text: str) -> str:
    """ "zh-Hant" for a text in traditional characters, else "zh"."""
    sample = "".join(char for char in text[:20000] if "\u4e00" <= char <= "\u9fff")
    if not sample:
        return ZH
    changed = sum(1 for a, b in zip(sample, matching_form(sample), strict=True) if a != b)
    return "zh-Hant" if changed > 0.05 * len(sample) else ZH


def _walk(headings: tuple[Heading, ...], path: tuple[Heading, ...]):
    """Each heading with its full path from the top, in document order."""
    for heading in headings:
        here = (*path, heading)
        yield heading, here
        yield from _walk(heading.children, here)


def entity_triples(extraction: Extraction, key: str) -> Iterator[ox.Triple]:
    """A document's entities: type, names, codes, and the paragraphs that mention them."""
    return _entities(extraction.entities.values(), key)


def _entities(entities: Iterable[Entity], key: str) -> Iterator[ox.Triple]:
    entities = list(entities)
    present = {entity.key for entity in entities}
    gazetteer = load_gazetteer()
    mentioned_in = kg("mentionedIn")
    for entity in entities:
        node = ox.NamedNode(ids.entity_iri(entity.key))
        known = gazetteer.get(entity.key)
        if known is not None and known.parent in present and entity.type is EntityType.ORGANIZATION:
            # background knowledge: the body it belongs to, where the document names both
            yield ox.Triple(node, kg("partOf"), ox.NamedNode(ids.entity_iri(known.parent)))
        yield ox.Triple(node, A, kg(entity.type.value))
        yield ox.Triple(node, LABEL, _zh(entity.label_zh))
        if entity.label_en:
            yield ox.Triple(node, LABEL, ox.Literal(entity.label_en, language="en"))
        for alt in entity.alt_labels:
            yield ox.Triple(node, ALT_LABEL, _zh(alt))
        if entity.iso3:
            yield ox.Triple(node, kg("iso3"), ox.Literal(entity.iso3))
        if entity.acronym:
            yield ox.Triple(node, kg("acronym"), ox.Literal(entity.acronym))
        for label in entity.paragraphs:
            part = _part_iri(key, label)
            if part is not None:
                yield ox.Triple(node, mentioned_in, ox.NamedNode(part))


def _part_iri(key: str, label: str) -> str | None:
    """The document part a mention's label names: paragraph "12", a front-matter part
    "front:2" or the summary (paragraphs of their own), footnote "fn:1", heading "s:6.B.1"."""
    kind, _, rest = label.partition(":")
    if kind == "fn":
        return ids.footnote_iri(key, rest)
    if kind == "s":
        return ids.section_iri(key, rest)
    return ids.paragraph_iri(key, label)


def relation_triples(relations: Relations, key: str) -> Iterator[ox.Triple]:
    """Routes, direct relation triples, and one kg:Assertion per triple with its evidence."""
    yield from _entities(relations.routes.values(), key)
    yield from _entities(relations.referenced.values(), key)
    for item in relations.assertions:
        yield from _assertion(item, item.subject, item.object, key)
        if item.predicate in SYMMETRIC:
            yield from _assertion(item, item.object, item.subject, key)


def _assertion(item: Assertion, subject: str, obj: str, key: str) -> Iterator[ox.Triple]:
    predicate = kg(item.predicate.value)
    source = ox.NamedNode(ids.entity_iri(subject))
    target = ox.NamedNode(ids.entity_iri(obj))
    yield ox.Triple(source, predicate, target)
    digest = hashlib.sha1(f"{subject} {item.predicate} {obj} {item.start}".encode()).hexdigest()
    node = ox.NamedNode(f"{ids.paragraph_iri(key, item.paragraph)}/a/{digest[:12]}")
    yield ox.Triple(node, A, kg("Assertion"))
    yield ox.Triple(node, SUBJECT, source)
    yield ox.Triple(node, PREDICATE, predicate)
    yield ox.Triple(node, OBJECT, target)
    yield ox.Triple(node, DERIVED_FROM, ox.NamedNode(ids.paragraph_iri(key, item.paragraph)))
    yield ox.Triple(node, kg("evidence"), _zh(item.sentence))
    yield ox.Triple(node, kg("rule"), ox.Literal(item.rule))
    yield ox.Triple(node, kg("confidence"), ox.Literal(f"{item.confidence:.2f}", datatype=DECIMAL))
    yield ox.Triple(node, kg("startOffset"), _int(item.start))
    yield ox.Triple(node, kg("endOffset"), _int(item.end))


def taxonomy() -> list[ox.Triple]:
    """The SKOS threat taxonomy (kg/data/threats.ttl), each concept also with an rdfs:label
    for each of its skos:prefLabels, as the graph ``ids.graph_iri("threats")``."""
    parsed = [q.triple for q in ox.parse(path=data_path("threats.ttl"), format=ox.RdfFormat.TURTLE)]
    labels = (ox.Triple(t.subject, LABEL, t.object) for t in parsed if t.predicate == PREF_LABEL)
    return canonical([*parsed, *labels])
