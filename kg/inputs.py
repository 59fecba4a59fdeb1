"""Where a build's input comes from: the files given, and the texts each file holds.

A folder stands for the documents under it. A file is one document, or several
(a file of reports, each under its masthead, is one document per report), and a file
over `LARGE_FILE` bytes is read streaming, in volumes (`volumes`), so that no text of
any size is held whole. `kg.sources` turns a file's bytes into text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.encoding import decode_document
from kg.errors import InputError
from kg.reader import MASTHEAD_SYMBOL_LINE
from kg.sources import SUFFIXES
from kg.text import matching_form

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LARGE_FILE = 32 * 1024 * 1024  # bytes: larger files are read in volumes, streamed
VOLUME_CHARS = 256 * 1024  # characters per volume, cut at a blank line


@dataclass(frozen=True, slots=True)
class Volume:
    """One volume of a file too large to hold: its text, where it starts, and its key."""

    index: int
    offset: int
    text: str
    encoding: str
    key: str  # fixed by the file's first volume: …-v000, …-v001


def default_inputs() -> list[Path]:
    """The shipped corpus: ``seeds/`` in the working folder, else the project's own."""
    local = Path("seeds")
    return [local if local.is_dir() else PROJECT_ROOT / "seeds"]


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their documents, sorted; InputError for a missing path or empty dir."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            documents = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            if not documents:
                raise InputError(path, f"folder holds no documents ({', '.join(SUFFIXES)})")
            found.extend(documents)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(path, "file not found")
    return list(dict.fromkeys(found))


def is_large(path: Path) -> bool:
    """Whether a file is read streaming, in volumes (a PDF or Word file is read whole)."""
    return path.stat().st_size > LARGE_FILE and path.suffix.lower() not in (".pdf", ".docx")


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def stream_codec(path: Path) -> str:
    """The encoding of a large file, told from its first megabyte."""
    with path.open("rb") as stream:
        head = stream.read(1 << 20)
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 else head
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        sample = head[: len(head) - len(head) % 2]
    encoding = decode_document(sample, path).encoding
    return "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else encoding


def volumes(path: Path, codec: str) -> Iterator[tuple[int, str]]:
    """(character offset, text) of each volume of a file: a new report starts one (a
    masthead line 联合国 + symbol), else one is cut at a blank line once it is large."""
    offset = 0
    lines: list[str] = []
    size = 0
    with path.open(encoding=codec, newline="") as stream:
        for line in stream:
            if lines and MASTHEAD_SYMBOL_LINE.match(matching_form(line)):
                yield offset, "".join(lines)
                offset += size
                lines, size = [], 0
            lines.append(line)
            size += len(line)
            if size >= VOLUME_CHARS and (not line.strip() or size >= 2 * VOLUME_CHARS):
                yield offset, "".join(lines)
                offset += size
                lines, size = [], 0
    if lines:
        yield offset, "".join(lines)


def reports(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each report in a text that holds several: each starts at a
    masthead line (联合国 + symbol). A text with one report or none is one piece."""
    starts = [0]
    offset = 0
    for line in text.splitlines(keepends=True):
        if offset and MASTHEAD_SYMBOL_LINE.match(matching_form(line)):
            starts.append(offset)
        offset += len(line)
    bounds = [*starts, len(text)]
    return [(bounds[i], text[bounds[i] : bounds[i + 1]]) for i in range(len(starts))]
