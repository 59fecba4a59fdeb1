"""Bytes to text: UTF-8 (with or without BOM), UTF-16, GB18030/GBK and Big5, detected and reported.

Binary files and text whose encoding cannot be told are refused with an
InputError that says so.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from kg.errors import InputError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The encodings Chinese UN documents come in; detection chooses among these only.
CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be"]
SAMPLE = 65536


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the codec that decoded it, e.g. "utf-8", "gb18030", "big5"


def decode_document(data: bytes, source: object) -> Decoded:
    """Decode a document's bytes, telling its encoding; InputError if it is not text."""
    if not data.strip():
        raise InputError(source, "file is empty")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, codec, source), codec.removesuffix("-sig"))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:SAMPLE]:
        for codec in ("utf_16_le", "utf_16_be"):
            text = _try(data, codec)
            if text is not None and _looks_like_text(text):
                return Decoded(text, codec.replace("_", "-"))
        raise InputError(source, "binary file, not a text document")
    best = from_bytes(data[: SAMPLE * 4], cp_isolation=CANDIDATES).best()
    if best is not None:
        text = _try(data, best.encoding)
        if text is not None and _looks_like_text(text):
            return Decoded(text, best.encoding.replace("_", "-"))
    raise InputError(
        source, "cannot tell its encoding (tried UTF-8, UTF-16, GB18030, Big5); convert it to UTF-8"
    )


def _strict(data: bytes, codec: str, source: object) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(source, f"not valid {codec} (byte {error.start})") from None


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_like_text(text: str) -> bool:
    """Mostly printable characters, few control characters."""
    sample = text[:SAMPLE]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\n\r\t\f")
    unprintable = sum(1 for char in sample if not char.isprintable() and char not in "\n\r\t\f")
    return controls <= len(sample) * 0.01 and unprintable <= len(sample) * 0.05
