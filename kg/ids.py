"""IRIs for documents, their parts and entities, under https://w3id.org/unodc-kg/id/.

IRIs are built from stable keys (document symbols, paragraph labels, ISO codes,
gazetteer ids, slugs of names) so the same input always gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.document import Document, Heading, Paragraph
from kg.namespace import ID
from kg.text import CHINESE_NUMERALS, chinese_numeral

_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]+")


def slug(text: str) -> str:
    """An ASCII slug for IRIs: "E/CN.7/2009/3" → "E-CN.7-2009-3".

    Text with no ASCII letters or digits (a Chinese name) becomes a short,
    stable hash so the IRI stays ASCII and the same name always maps to it.
    """
    ascii_text = unicodedata.normalize("NFKC", text)
    candidate = _UNSAFE.sub("-", ascii_text).strip("-")
    if candidate and candidate.isascii() and len(candidate) >= len(text) // 2:
        return candidate
    return "h" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def document_key(document: Document, content_hash: str) -> str:
    """The document's key: its first UN symbol, else a short hash of its content."""
    if document.symbol:
        return slug(document.symbol)
    return "sha256-" + content_hash[:16]


def document_iri(key: str) -> URIRef:
    return ID[f"doc/{key}"]


def graph_iri(key: str) -> URIRef:
    """The named graph holding one document's triples."""
    return ID[f"graph/{key}"]


def paragraph_iri(key: str, paragraph: Paragraph | str) -> URIRef:
    """A paragraph by object or by label ("12", "PP3")."""
    label = paragraph if isinstance(paragraph, str) else paragraph.label
    return ID[f"doc/{key}/p/{label}"]


def entity_iri(entity_key: str) -> URIRef:
    """An entity by its key: "country/AFG" → id/country/AFG."""
    return ID[entity_key]


def heading_key(path: tuple[Heading, ...]) -> str:
    """An ASCII key for a heading path: 六 → 6, so "六.B.1" → "6.B.1"."""
    return ".".join(_ascii_label(heading.label) for heading in path)


def section_iri(key: str, path: tuple[Heading, ...]) -> URIRef:
    return ID[f"doc/{key}/s/{heading_key(path)}"]


def footnote_iri(key: str, marker: str) -> URIRef:
    label = marker if marker.isdigit() else f"star{len(marker)}"
    return ID[f"doc/{key}/fn/{label}"]


def _ascii_label(label: str) -> str:
    if label and all(char in CHINESE_NUMERALS for char in label):
        return str(chinese_numeral(label))
    return slug(label)


def entity_key(entity_type: str, name: str) -> str:
    """The key of an entity no gazetteer knows: its type and a slug of its name."""
    return f"{entity_type.lower()}/{slug(name.replace(' ', ''))}"
