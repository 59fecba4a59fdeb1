"""The books of a built graph: ``out/manifest.json``, one record per document.

A record says where a document came from (its files, encoding, content hash) and what
was found in it. The manifest also carries a hash of the code and data that make a
document's graph: a build made by other code is not built upon (everything is extracted
again), so a change to the extractor never leaves stale graphs behind.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from kg.graph_files import SUFFIX

MANIFEST = "manifest.json"
DOCUMENTS = "documents"  # the folder of the documents' graph files
PACKAGE = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE.parent


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """What the manifest keeps of a document of the graph."""

    key: str
    content_hash: str  # of its file's bytes; "<hash>:<n>" for the n-th report or volume
    sources: tuple[str, ...]
    encoding: str
    symbols: tuple[str, ...]
    title: str
    paragraphs: int
    entities: int
    relations: int
    characters: int
    triples: int  # in its graph


@cache
def extractor_version() -> str:
    """A hash of the code and data that make a document's graph: a change rebuilds all."""
    digest = hashlib.sha256()
    folders = (PACKAGE, PROJECT_ROOT / "ontology")
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        if path.suffix in (".py", ".tsv", ".txt", ".ttl", ".json"):
            digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def graph_file(out: Path, key: str) -> Path:
    """Where the graph of the document ``key`` is kept in the output folder ``out``."""
    return out / DOCUMENTS / f"{key}{SUFFIX}"


def load_manifest(out: Path) -> dict[str, DocumentRecord]:
    """The documents of the build in ``out`` whose graph files are there (none if it was
    made by other code, or there is none)."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if manifest.get("version") != extractor_version():
        return {}
    records = {}
    for row in manifest.get("documents", []):
        record = DocumentRecord(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
        )
        if graph_file(out, record.key).is_file():
            records[record.key] = record
    return records


def manifest_bytes(records: Iterable[DocumentRecord]) -> bytes:
    """The manifest of a graph of these documents, in key order."""
    manifest = {
        "version": extractor_version(),
        "documents": [asdict(record) for record in sorted(records, key=lambda r: r.key)],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
