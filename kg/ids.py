"""IRIs for documents, their parts and entities, under https://w3id.org/unodc-kg/id/.

IRIs are built from stable keys (document symbols, paragraph labels, ISO codes,
gazetteer ids, slugs of names) so the same input always gives the same graph. They are
plain strings: `kg.triples` makes them RDF terms.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from kg.document import Document, Heading, Paragraph
from kg.namespace import ID
from kg.text import CHINESE_NUMERALS, chinese_numeral

_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]+")
_ID = str(ID)


def slug(text: str) -> str:
    """An ASCII slug for IRIs: "E/CN.7/2009/3" → "E-CN.7-2009-3".

    Text with any other character (a Chinese name, or one with Latin words or numbers
    in it: 2022-2025年战略计划) becomes a short, stable hash, so the IRI stays ASCII, the
    same name always maps to it and two names never share it (儿基会2022-2025年战略计划
    and 妇女署2022-2025年战略计划 would both keep only 2022-2025).
    """
    ascii_text = unicodedata.normalize("NFKC", text)
    candidate = _UNSAFE.sub("-", ascii_text).strip("-")
    if candidate and ascii_text.isascii():
        return candidate
    return "h" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def document_key(document: Document, content_hash: str) -> str:
    """The document's key: its first UN symbol, else a short hash of its content."""
    if document.symbol:
        return slug(document.symbol)
    return "sha256-" + content_hash[:16]


def document_iri(key: str) -> str:
    return f"{_ID}doc/{key}"


def graph_iri(key: str) -> str:
    """The named graph holding one document's triples."""
    return f"{_ID}graph/{key}"


def paragraph_iri(key: str, paragraph: Paragraph | str) -> str:
    """A paragraph by object or by label ("12", "PP3")."""
    label = paragraph if isinstance(paragraph, str) else paragraph.label
    return f"{_ID}doc/{key}/p/{label}"


def entity_iri(entity_key: str) -> str:
    """An entity by its key: "country/AFG" → id/country/AFG."""
    return _ID + entity_key


def heading_key(path: tuple[Heading, ...]) -> str:
    """An ASCII key for a heading path: 六 → 6, so "六.B.1" → "6.B.1"."""
    return ".".join(_ascii_label(heading.label) for heading in path)


def section_iri(key: str, path: tuple[Heading, ...] | str) -> str:
    """A heading by its path, or by the path's key ("6.B.1")."""
    label = path if isinstance(path, str) else heading_key(path)
    return f"{_ID}doc/{key}/s/{label}"


def footnote_iri(key: str, marker: str) -> str:
    label = marker if marker.isdigit() else f"star{len(marker)}"
    return f"{_ID}doc/{key}/fn/{label}"


def _ascii_label(label: str) -> str:
    if label and all(char in CHINESE_NUMERALS for char in label):
        return str(chinese_numeral(label))
    return slug(label)


UNMARKED = str.maketrans("", "", " 《》“”")


@lru_cache(maxsize=16384)  # names recur; a slug (NFKC, a SHA-1) takes microseconds
def entity_key(entity_type: str, name: str) -> str:
    """The key of an entity no gazetteer knows: its type and a slug of its name, without
    spaces, title marks and quotes (《公约》缔约方会议 and 公约缔约方会议 are one name)."""
    return f"{entity_type.lower()}/{slug(name.translate(UNMARKED))}"
