"""Where documents (and later entities and relations) become RDF triples."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import ids
from kg.document import Document, Heading
from kg.namespace import KG
from kg.nlp.extract import Extraction
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.model import EntityType
from kg.relations.extract import Relations
from kg.relations.model import SYMMETRIC, Assertion
from kg.text import matching_form

ZH = "zh"
SYMBOL_YEAR = re.compile(r"/((?:19|20)\d{2})/")
PRINTED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes every output file uses."""
    graph.bind("kg", KG)
    graph.bind("id", ids.ID)
    graph.bind("dcterms", DCTERMS)
    graph.bind("skos", "http://www.w3.org/2004/02/skos/core#")
    graph.bind("prov", "http://www.w3.org/ns/prov#")
    return graph


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def document_triples(
    document: Document, key: str, content_hash: str, graph: Graph, offset: int = 0
) -> URIRef:
    """Add a document, its sections, paragraphs and footnotes to ``graph``; return its IRI.

    ``offset`` is where the document's text starts in its file (a volume of a large
    file); source offsets are written from the start of the file.
    """
    doc = ids.document_iri(key)
    meta = document.metadata
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, KG.sourceFile, Literal(document.source)))
    graph.add((doc, KG.contentHash, Literal(content_hash)))
    graph.add((doc, KG.numbering, Literal(str(document.numbering))))
    graph.add((doc, DCTERMS.language, Literal(language(document.text))))
    if (issued := year(document)) is not None:
        graph.add((doc, DCTERMS.issued, Literal(str(issued), datatype=XSD.gYear)))
    for symbol in meta.symbols:
        graph.add((doc, KG.symbol, Literal(symbol)))
    if meta.title:
        graph.add((doc, DCTERMS.title, Literal(meta.title, lang=ZH)))
    if meta.subtitle:
        graph.add((doc, KG.subtitle, Literal(meta.subtitle, lang=ZH)))
    if document.summary:
        graph.add((doc, KG.summary, Literal(document.summary, lang=ZH)))
    for session in meta.sessions:
        graph.add((doc, KG.session, Literal(session, lang=ZH)))
    for item in meta.agenda_items:
        graph.add((doc, KG.agendaItem, Literal(item, lang=ZH)))

    order = 0
    for heading, path in _walk(document.headings, ()):
        order += 1
        section = ids.section_iri(key, path)
        graph.add((section, RDF.type, KG.Section))
        graph.add((section, RDFS.label, Literal(str(heading), lang=ZH)))
        graph.add((section, KG.headingLevel, Literal(str(heading.level))))
        graph.add((section, KG.path, Literal(ids.heading_key(path))))
        graph.add((section, KG.order, _int(order)))
        graph.add((section, KG.startOffset, _int(offset + heading.start)))
        graph.add((section, KG.inDocument, doc))
        if len(path) > 1:
            graph.add((section, KG.parentSection, ids.section_iri(key, path[:-1])))

    for order, paragraph in enumerate(document.paragraphs, start=1):
        node = ids.paragraph_iri(key, paragraph)
        graph.add((node, RDF.type, KG.Paragraph))
        graph.add((node, KG.number, _int(paragraph.number)))
        graph.add((node, KG.paragraphKind, Literal(str(paragraph.kind))))
        graph.add((node, KG.order, _int(order)))
        graph.add((node, KG.text, Literal(paragraph.text, lang=ZH)))
        graph.add((node, KG.inDocument, doc))
        graph.add((node, KG.startOffset, _int(offset + paragraph.start)))
        graph.add((node, KG.endOffset, _int(offset + paragraph.end)))
        if paragraph.heading_path:
            graph.add((node, KG.inSection, ids.section_iri(key, paragraph.heading_path)))
        for marker in paragraph.footnotes:
            graph.add((node, KG.cites, ids.footnote_iri(key, marker)))

    for footnote in document.footnotes:
        node = ids.footnote_iri(key, footnote.marker)
        graph.add((node, RDF.type, KG.Footnote))
        graph.add((node, KG.marker, Literal(footnote.marker)))
        graph.add((node, KG.text, Literal(footnote.text, lang=ZH)))
        graph.add((node, KG.inDocument, doc))
        graph.add((node, KG.startOffset, _int(offset + footnote.start)))
    return doc


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


def entity_triples(extraction: Extraction, key: str, graph: Graph) -> None:
    """Add a document's entities: type, names, codes, and the paragraphs that mention them."""
    _entities(extraction.entities.values(), key, graph)


def _entities(entities, key: str, graph: Graph) -> None:
    entities = list(entities)
    present = {entity.key for entity in entities}
    gazetteer = load_gazetteer()
    for entity in entities:
        known = gazetteer.get(entity.key)
        if known is not None and known.parent in present and entity.type is EntityType.ORGANIZATION:
            # background knowledge: the body it belongs to, where the document names both
            graph.add((ids.entity_iri(entity.key), KG.partOf, ids.entity_iri(known.parent)))
        node = ids.entity_iri(entity.key)
        graph.add((node, RDF.type, KG[entity.type.value]))
        graph.add((node, RDFS.label, Literal(entity.label_zh, lang=ZH)))
        if entity.label_en:
            graph.add((node, RDFS.label, Literal(entity.label_en, lang="en")))
        for alt in entity.alt_labels:
            graph.add((node, SKOS.altLabel, Literal(alt, lang=ZH)))
        if entity.iso3:
            graph.add((node, KG.iso3, Literal(entity.iso3)))
        if entity.acronym:
            graph.add((node, KG.acronym, Literal(entity.acronym)))
        for label in entity.paragraphs:
            part = _part_iri(key, label)
            if part is not None:
                graph.add((node, KG.mentionedIn, part))


def _part_iri(key: str, label: str) -> URIRef | None:
    """The document part a mention's label names: paragraph "12", footnote "fn:1",
    heading "s:6.B.1"; None for the summary and the front matter."""
    kind, _, rest = label.partition(":")
    if not rest:
        return None if label == "summary" else ids.paragraph_iri(key, label)
    if kind == "fn":
        return ids.footnote_iri(key, rest)
    if kind == "s":
        return ids.ID[f"doc/{key}/s/{rest}"]
    return None


def relation_triples(relations: Relations, key: str, graph: Graph) -> None:
    """Add routes, direct relation triples, and one kg:Assertion per triple with its evidence."""
    _entities(relations.routes.values(), key, graph)
    _entities(relations.referenced.values(), key, graph)
    for item in relations.assertions:
        _assertion(item, item.subject, item.object, key, graph)
        if item.predicate in SYMMETRIC:
            _assertion(item, item.object, item.subject, key, graph)


def _assertion(item: Assertion, subject: str, obj: str, key: str, graph: Graph) -> None:
    predicate = KG[item.predicate.value]
    source, target = ids.entity_iri(subject), ids.entity_iri(obj)
    graph.add((source, predicate, target))
    digest = hashlib.sha1(f"{subject} {item.predicate} {obj} {item.start}".encode()).hexdigest()
    node = ids.ID[f"doc/{key}/p/{item.paragraph}/a/{digest[:12]}"]
    graph.add((node, RDF.type, KG.Assertion))
    graph.add((node, RDF.subject, source))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, target))
    graph.add((node, PROV.wasDerivedFrom, ids.paragraph_iri(key, item.paragraph)))
    graph.add((node, KG.evidence, Literal(item.sentence, lang=ZH)))
    graph.add((node, KG.rule, Literal(item.rule)))
    graph.add((node, KG.confidence, Literal(Decimal(f"{item.confidence:.2f}"))))
    graph.add((node, KG.startOffset, _int(item.start)))
    graph.add((node, KG.endOffset, _int(item.end)))
