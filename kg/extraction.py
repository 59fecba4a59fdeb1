"""Where a document's text becomes what the graph says of it: its parts, entities and relations.

`kg.reader` makes the `Document`, `kg.nlp` finds its entities, `kg.relations` the
relations between them; an `ExtractedDocument` keeps them with where the text came from
(file, content hash, encoding, offset) and the document's key in the graph.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from kg import ids
from kg.document import Document
from kg.nlp.extract import Extraction, Extractor
from kg.reader import parse_document
from kg.relations.extract import Relations, extract_relations
from kg.sources import read_source


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """One document read and extracted."""

    path: Path
    key: str
    document: Document
    content_hash: str
    extraction: Extraction
    relations: Relations
    encoding: str = "utf-8"
    offset: int = 0  # where the text starts in its file (a volume of a large file)


def read_input(
    path: Path, extractor: Extractor | None = None, data: bytes | None = None
) -> ExtractedDocument:
    """Read, parse and extract one document file, keeping its content hash and encoding."""
    data = path.read_bytes() if data is None else data
    decoded = read_source(path, data)
    content_hash = hashlib.sha256(data).hexdigest()
    return extract_text(path, decoded.text, decoded.encoding, content_hash, extractor)


def extract_text(
    path: Path,
    text: str,
    encoding: str,
    content_hash: str,
    extractor: Extractor | None = None,
    offset: int = 0,
) -> ExtractedDocument:
    """Parse and extract a document's text: all of a file, or one part of it at ``offset``."""
    document = parse_document(text, source=path.as_posix())
    extraction = (extractor or Extractor()).extract(document)
    relations = extract_relations(document, extraction)
    key = ids.document_key(document, content_hash)
    return ExtractedDocument(
        path, key, document, content_hash, extraction, relations, encoding, offset
    )


def document_key(path: Path, text: str, content_hash: str) -> str:
    """The key a text would have as a document, without extracting it."""
    return ids.document_key(parse_document(text, source=path.as_posix()), content_hash)
