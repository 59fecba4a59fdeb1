"""unodc-kg: a knowledge graph of actors, programmes and threats from Chinese UN reports."""

from kg.api import EntityNotFound, EntityRecord, KnowledgeGraph, Relation, RouteRecord, WrongKind
from kg.document import Document, Footnote, Heading, Metadata, Paragraph
from kg.errors import InputError, KGError
from kg.reader import parse_document, read_document

__all__ = [
    "Document",
    "EntityNotFound",
    "EntityRecord",
    "Footnote",
    "Heading",
    "InputError",
    "KGError",
    "KnowledgeGraph",
    "Metadata",
    "Paragraph",
    "Relation",
    "RouteRecord",
    "WrongKind",
    "parse_document",
    "read_document",
]
__version__ = "0.1.0"
