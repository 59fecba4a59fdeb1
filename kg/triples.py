"""Where a document's extraction becomes RDF: its graph as triples of N-Triples terms, in one pass.

A document's graph is the named graph ``ids.graph_iri(key)``; here it is a list of
`Triple`s (the graph is implied by the document): each term as N-Triples writes it
(``<iri>``, ``"text"@zh``, ``"60"^^<…#integer>``), each triple once, in the order of its
N-Triples line, so that the same graph always gives the same bytes however and in whichever
process it was made (`graph`, and `with_sources` when a document gains or loses a source
file). Terms are plain strings because making pyoxigraph terms from Python costs 1–3 µs
each, more than the rest of making a triple; Oxigraph parses the files `kg.graph_files`
writes of them, in Rust, when `kg.loading` loads them.
"""

from __future__ import annotations

import hashlib
import operator
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
from kg.graph_files import Triple, terms
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
HAN = re.compile("[\u4e00-\u9fff]+")

# a literal's text as N-Triples writes it (as Oxigraph does: the other controls as \uXXXX)
_ESCAPES = {code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)} | {
    ord(char): f"\\{letter}" for char, letter in zip('\b\t\n\f\r"\\', 'btnfr"\\', strict=True)
}
_ESCAPED = re.compile(r'[\x00-\x1f"\\\x7f]')  # a text with none of these is written as it is


def iri(value: str) -> str:
    """An IRI as an N-Triples term (`kg.graph_files` checks it when it writes it)."""
    return f"<{value}>"


def literal(text: str, language: str = "", datatype: str = "") -> str:
    """A literal as an N-Triples term: plain, with a language tag, or with a datatype
    (an N-Triples IRI term)."""
    quoted = f'"{text.translate(_ESCAPES) if _ESCAPED.search(text) else text}"'
    if language:
        return f"{quoted}@{language}"
    return f"{quoted}^^{datatype}" if datatype else quoted


A = iri(str(RDF.type))
LABEL = iri(str(RDFS.label))
ALT_LABEL = iri(str(SKOS.altLabel))
PREF_LABEL = iri(str(SKOS.prefLabel))
SUBJECT = iri(str(RDF.subject))
PREDICATE = iri(str(RDF.predicate))
OBJECT = iri(str(RDF.object))
DERIVED_FROM = iri(str(PROV.wasDerivedFrom))
LANGUAGE = iri(str(DCTERMS.language))
ISSUED = iri(str(DCTERMS.issued))
TITLE = iri(str(DCTERMS.title))
INTEGER = iri(str(XSD.integer))
DECIMAL = iri(str(XSD.decimal))
YEAR = iri(str(XSD.gYear))


@cache
def kg(name: str) -> str:
    """A term of the project's vocabulary (`KG` checks the name)."""
    return iri(str(KG[name]))


def graph(built: ExtractedDocument) -> list[Triple]:
    """The graph of one document: its parts, its entities and its relations with evidence.

    Source offsets count from the start of the file (a volume of a large file starts
    at ``built.offset``).
    """
    doc = iri(ids.document_iri(built.key))
    made = [
        *document_triples(built.document, built.key, built.content_hash, built.offset),
        (doc, kg("sourceEncoding"), literal(built.encoding)),
        *entity_triples(built.extraction, built.key),
        *relation_triples(built.relations, built.key),
    ]
    return canonical(made)


def canonical(triples: Iterable[Triple]) -> list[Triple]:
    """Each triple once, in the order of their N-Triples lines: one graph, one order.

    Sorting the (subject, predicate, object) tuples sorts the lines: no IRI term is the
    start of another (``>`` ends it), and a literal that is the start of another is
    followed there by ``@`` or ``^``, which sort after the space that follows it on its line.
    """
    return sorted(set(triples))


def with_sources(triples: Iterable[Triple], key: str, sources: Iterable[str]) -> list[Triple]:
    """A document's graph with ``sources`` as its source files (a duplicate found under
    another name adds one; a file whose content changed drops its own)."""
    doc = iri(ids.document_iri(key))
    source_file = kg("sourceFile")
    kept = (t for t in triples if t[0] != doc or t[1] != source_file)
    return canonical([*kept, *((doc, source_file, literal(s)) for s in sources)])


def _int(value: int) -> str:
    return literal(str(value), datatype=INTEGER)


def _zh(text: str) -> str:
    return literal(text, language=ZH)


def document_triples(
    document: Document, key: str, content_hash: str, offset: int = 0
) -> Iterator[Triple]:
    """A document, its sections, paragraphs and footnotes."""
    doc = iri(ids.document_iri(key))
    meta = document.metadata
    in_document = kg("inDocument")
    text = kg("text")
    start_offset = kg("startOffset")
    order = kg("order")
    yield (doc, A, kg("Document"))
    yield (doc, kg("sourceFile"), literal(document.source))
    yield (doc, kg("contentHash"), literal(content_hash))
    yield (doc, kg("numbering"), literal(str(document.numbering)))
    yield (doc, LANGUAGE, literal(language(document.text)))
    if (issued := year(document)) is not None:
        yield (doc, ISSUED, literal(str(issued), datatype=YEAR))
    for symbol in meta.symbols:
        yield (doc, kg("symbol"), literal(symbol))
    if meta.title:
        yield (doc, TITLE, _zh(meta.title))
    if meta.subtitle:
        yield (doc, kg("subtitle"), _zh(meta.subtitle))
    if document.summary:
        yield (doc, kg("summary"), _zh(document.summary))
    for session in meta.sessions:
        yield (doc, kg("session"), _zh(session))
    for item in meta.agenda_items:
        yield (doc, kg("agendaItem"), _zh(item))

    for number, (heading, path) in enumerate(_walk(document.headings, ()), start=1):
        section = iri(ids.section_iri(key, path))
        yield (section, A, kg("Section"))
        yield (section, LABEL, _zh(str(heading)))
        yield (section, kg("headingLevel"), literal(str(heading.level)))
        yield (section, kg("path"), literal(ids.heading_key(path)))
        yield (section, order, _int(number))
        yield (section, start_offset, _int(offset + heading.start))
        yield (section, in_document, doc)
        if len(path) > 1:
            parent = iri(ids.section_iri(key, path[:-1]))
            yield (section, kg("parentSection"), parent)

    for paragraph in document.front:
        # front-matter lines and the summary: parts that entities and assertions come from
        node = iri(ids.paragraph_iri(key, paragraph))
        yield (node, A, kg("Paragraph"))
        yield (node, kg("number"), _int(paragraph.number))
        yield (node, kg("paragraphKind"), literal(str(paragraph.kind)))
        yield (node, text, _zh(paragraph.text))
        yield (node, in_document, doc)
        if paragraph.start >= 0:
            yield (node, start_offset, _int(offset + paragraph.start))
            yield (node, kg("endOffset"), _int(offset + paragraph.end))

    for number, paragraph in enumerate(document.paragraphs, start=1):
        node = iri(ids.paragraph_iri(key, paragraph))
        yield (node, A, kg("Paragraph"))
        yield (node, kg("number"), _int(paragraph.number))
        yield (node, kg("paragraphKind"), literal(str(paragraph.kind)))
        yield (node, order, _int(number))
        yield (node, text, _zh(paragraph.text))
        yield (node, in_document, doc)
        yield (node, start_offset, _int(offset + paragraph.start))
        yield (node, kg("endOffset"), _int(offset + paragraph.end))
        if paragraph.heading_path:
            section = iri(ids.section_iri(key, paragraph.heading_path))
            yield (node, kg("inSection"), section)
        for marker in paragraph.footnotes:
            yield (node, kg("cites"), iri(ids.footnote_iri(key, marker)))

    for footnote in document.footnotes:
        node = iri(ids.footnote_iri(key, footnote.marker))
        yield (node, A, kg("Footnote"))
        yield (node, kg("marker"), literal(footnote.marker))
        yield (node, text, _zh(footnote.text))
        yield (node, in_document, doc)
        yield (node, start_offset, _int(offset + footnote.start))


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
    sample = "".join(HAN.findall(text, 0, 20000))
    if not sample:
        return ZH
    changed = sum(map(operator.ne, sample, matching_form(sample)))  # the same length
    return "zh-Hant" if changed > 0.05 * len(sample) else ZH


def _walk(headings: tuple[Heading, ...], path: tuple[Heading, ...]):
    """Each heading with its full path from the top, in document order."""
    for heading in headings:
        here = (*path, heading)
        yield heading, here
        yield from _walk(heading.children, here)


def entity_triples(extraction: Extraction, key: str) -> Iterator[Triple]:
    """A document's entities: type, names, codes, and the paragraphs that mention them."""
    return _entities(extraction.entities.values(), key)


def _entities(entities: Iterable[Entity], key: str) -> Iterator[Triple]:
    entities = list(entities)
    present = {entity.key for entity in entities}
    gazetteer = load_gazetteer()
    mentioned_in = kg("mentionedIn")
    for entity in entities:
        node = iri(ids.entity_iri(entity.key))
        known = gazetteer.get(entity.key)
        if known is not None and known.parent in present and entity.type is EntityType.ORGANIZATION:
            # background knowledge: the body it belongs to, where the document names both
            yield (node, kg("partOf"), iri(ids.entity_iri(known.parent)))
        yield (node, A, kg(entity.type.value))
        yield (node, LABEL, _zh(entity.label_zh))
        if entity.label_en:
            yield (node, LABEL, literal(entity.label_en, language="en"))
        for alt in entity.alt_labels:
            yield (node, ALT_LABEL, _zh(alt))
        if entity.iso3:
            yield (node, kg("iso3"), literal(entity.iso3))
        if entity.acronym:
            yield (node, kg("acronym"), literal(entity.acronym))
        for label in entity.paragraphs:
            part = _part_iri(key, label)
            if part is not None:
                yield (node, mentioned_in, iri(part))


def _part_iri(key: str, label: str) -> str | None:
    """The document part a mention's label names: paragraph "12", a front-matter part
    "front:2" or the summary (paragraphs of their own), footnote "fn:1", heading "s:6.B.1"."""
    kind, _, rest = label.partition(":")
    if kind == "fn":
        return ids.footnote_iri(key, rest)
    if kind == "s":
        return ids.section_iri(key, rest)
    return ids.paragraph_iri(key, label)


def relation_triples(relations: Relations, key: str) -> Iterator[Triple]:
    """Routes, direct relation triples, and one kg:Assertion per triple with its evidence."""
    yield from _entities(relations.routes.values(), key)
    yield from _entities(relations.referenced.values(), key)
    for item in relations.assertions:
        yield from _assertion(item, item.subject, item.object, key)
        if item.predicate in SYMMETRIC:
            yield from _assertion(item, item.object, item.subject, key)


def _assertion(item: Assertion, subject: str, obj: str, key: str) -> Iterator[Triple]:
    predicate = kg(item.predicate.value)
    source = iri(ids.entity_iri(subject))
    target = iri(ids.entity_iri(obj))
    yield (source, predicate, target)
    digest = hashlib.sha1(f"{subject} {item.predicate} {obj} {item.start}".encode()).hexdigest()
    node = iri(f"{ids.paragraph_iri(key, item.paragraph)}/a/{digest[:12]}")
    yield (node, A, kg("Assertion"))
    yield (node, SUBJECT, source)
    yield (node, PREDICATE, predicate)
    yield (node, OBJECT, target)
    yield (node, DERIVED_FROM, iri(ids.paragraph_iri(key, item.paragraph)))
    yield (node, kg("evidence"), _zh(item.sentence))
    yield (node, kg("rule"), literal(item.rule))
    yield (node, kg("confidence"), literal(f"{item.confidence:.2f}", datatype=DECIMAL))
    yield (node, kg("startOffset"), _int(item.start))
    yield (node, kg("endOffset"), _int(item.end))


def taxonomy() -> list[Triple]:
    """The SKOS threat taxonomy (kg/data/threats.ttl), each concept also with an rdfs:label
    for each of its skos:prefLabels, as the graph ``ids.graph_iri("threats")``."""
    parsed = [terms(q) for q in ox.parse(path=data_path("threats.ttl"), format=ox.RdfFormat.TURTLE)]
    labels = ((s, LABEL, o) for s, p, o in parsed if p == PREF_LABEL)
    return canonical([*parsed, *labels])
