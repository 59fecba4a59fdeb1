"""Document files to text: plain text in any encoding `kg.encoding` knows, PDF (pypdf) and
Word .docx (python-docx), read offline.

PDF pages are joined with form feeds, which the reader treats as page breaks; Word
paragraphs are separated by blank lines.
"""

from __future__ import annotations

import io
from pathlib import Path

from kg.encoding import Decoded, decode_document
from kg.errors import InputError

SUFFIXES = (".txt", ".pdf", ".docx")


def read_source(path: Path, data: bytes) -> Decoded:
    """The text of a document file (its bytes already read); InputError if it has none."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return Decoded(_pdf_text(path, data), "pdf")
    if suffix == ".docx":
        return Decoded(_docx_text(path, data), "docx")
    return decode_document(data, path)


def _pdf_text(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise InputError(path, f"not a readable PDF ({error})") from None
    text = "\f".join(pages)
    if not text.strip():
        raise InputError(path, "PDF holds no text (a scan? run OCR first)")
    return text


def _docx_text(path: Path, data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as error:
        raise InputError(path, f"not a readable Word document ({error})") from None
    text = "\n\n".join(paragraph.text for paragraph in document.paragraphs)
    if not text.strip():
        raise InputError(path, "file is empty")
    return text
