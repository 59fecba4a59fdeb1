"""The `Document` model: what the reader makes of a UN report, and what every later step reads."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum


class HeadingLevel(StrEnum):
    """The three numbered heading levels of UN reports: 一. / A. / 1."""

    CHAPTER = "chapter"
    SECTION = "section"
    SUBSECTION = "subsection"


class Numbering(StrEnum):
    """Where paragraph numbers come from."""

    SOURCE = "source"  # the document numbers its paragraphs (1. 2. …)
    READING_ORDER = "reading-order"  # no body numbering: numbered by the reader, in reading order


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading, e.g. chapter 六 "技术援助", section B "执法"."""

    level: HeadingLevel
    label: str  # the number as printed: "六", "B", "1"
    title: str
    start: int  # character offset of the heading line in the source text
    children: tuple[Heading, ...] = ()

    @property
    def key(self) -> str:
        """A short stable key, e.g. "六.B.1" when joined along a path."""
        return self.label

    def __str__(self) -> str:
        return f"{self.label}. {self.title}"


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps character positions in cleaned text back to the source file.

    Stored as runs: ``starts[i]`` is where run *i* begins in the clean text and
    ``sources[i]`` where that same character sits in the source. Within a run,
    consecutive clean characters are consecutive source characters.
    """

    starts: tuple[int, ...]
    sources: tuple[int, ...]

    def source_offset(self, index: int) -> int:
        """Offset in the source text of clean character ``index``."""
        if not self.starts:
            raise IndexError("empty offset map")
        run = max(bisect_right(self.starts, index) - 1, 0)
        return self.sources[run] + index - self.starts[run]


class ParagraphKind(StrEnum):
    """Body paragraphs carry the document's numbers; preambular ones are unnumbered; the
    front matter's lines and the summary are read as paragraphs of their own."""

    BODY = "body"
    PREAMBLE = "preamble"  # unnumbered text in a numbered document (a resolution's preamble)
    FRONT = "front"  # a line of the front matter: the acting organ, title, session, agenda item
    SUMMARY = "summary"  # the summary printed before the body


SUMMARY_LABEL = "summary"
PREFIXES = {ParagraphKind.PREAMBLE: "PP", ParagraphKind.FRONT: "front:"}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph: its number, clean text and where it came from."""

    number: int
    text: str
    heading_path: tuple[Heading, ...]
    start: int  # offset of the paragraph's first character in the source
    end: int  # offset just past its last character in the source
    footnotes: tuple[str, ...] = ()  # footnote markers cited, in order ("1", "12")
    offsets: OffsetMap = field(default=OffsetMap((), ()), repr=False, compare=False)
    kind: ParagraphKind = ParagraphKind.BODY
    # where each footnote reference stood in the clean text: (position, marker); 主要捐助方
    # 集团¹⁴ cites footnote 14 at the end of the group's name
    citations: tuple[tuple[int, str], ...] = ()

    @property
    def label(self) -> str:
        """The paragraph as cited: "12" for body paragraph 12, "PP3" for preambular one 3,
        "front:2" for the second part of the front matter, "summary" for the summary."""
        if self.kind is ParagraphKind.SUMMARY:
            return SUMMARY_LABEL
        prefix = PREFIXES.get(self.kind, "")
        return f"{prefix}{self.number}"

    @property
    def section_path(self) -> str:
        """The heading path as a key such as "六.B.1" ("" at top level)."""
        return ".".join(h.key for h in self.heading_path)

    def source_offset(self, index: int) -> int:
        """Offset in the source file of character ``index`` of :attr:`text`."""
        return self.offsets.source_offset(index)


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote: its marker ("1", "*", "**") and text."""

    marker: str
    text: str
    start: int


@dataclass(frozen=True, slots=True)
class Metadata:
    """Front matter of a UN document."""

    symbols: tuple[str, ...] = ()  # "E/CN.7/2009/3", "E/CN.15/2009/3"
    title: str = ""
    subtitle: str = ""  # "执行主任的报告", "秘书长的说明"
    sessions: tuple[str, ...] = ()  # "预防犯罪和刑事司法委员会 第十八届会议 …"
    agenda_items: tuple[str, ...] = ()  # "临时议程**项目 4 和 7 世界犯罪趋势及对策…"
    body: str = ""  # the body whose document it is: "经济及社会理事会" (its resolution), "执行局"
    notes: tuple[str, ...] = ()  # other front-matter lines: "[根据…的建议通过]", a letter's heading


@dataclass(frozen=True, slots=True)
class Document:
    """A UN report read from text: metadata, summary, headings, paragraphs and footnotes."""

    source: str  # path or name the text came from
    text: str  # the source text, as read
    metadata: Metadata
    summary: str
    headings: tuple[Heading, ...]  # top-level headings; each holds its children
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    numbering: Numbering = Numbering.SOURCE
    warnings: tuple[str, ...] = ()

    def paragraph(self, label: int | str) -> Paragraph:
        """The paragraph cited as ``label`` (12 or "12", "PP3"); KeyError if there is none."""
        for paragraph in self.paragraphs:
            if paragraph.label == str(label):
                return paragraph
        raise KeyError(f"{self.source}: no paragraph {label}")

    @property
    def front(self) -> tuple[Paragraph, ...]:
        """The front matter as paragraphs, in reading order: its own body, title, subtitle,
        sessions, agenda items and other lines (kind FRONT, numbered from 1), then the
        summary (kind SUMMARY). Offsets are where the text stands in the source as
        written, or -1 where the reader joined it from several lines."""
        meta = self.metadata
        lines = (
            meta.body,
            meta.title,
            meta.subtitle,
            *meta.sessions,
            *meta.agenda_items,
            *meta.notes,
        )
        parts = [
            Paragraph(number, line, (), *self._located(line), kind=ParagraphKind.FRONT)
            for number, line in enumerate(lines, start=1)
            if line
        ]
        if self.summary:
            located = self._located(self.summary)
            parts.append(Paragraph(1, self.summary, (), *located, kind=ParagraphKind.SUMMARY))
        return tuple(parts)

    def _located(self, text: str) -> tuple[int, int]:
        start = self.text.find(text)
        return (start, start + len(text)) if start >= 0 else (-1, -1)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """The numbered body paragraphs (without preambular ones)."""
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.BODY)

    def footnote(self, marker: str | int) -> Footnote:
        """The footnote with ``marker``; KeyError if there is none."""
        for footnote in self.footnotes:
            if footnote.marker == str(marker):
                return footnote
        raise KeyError(f"{self.source}: no footnote {marker}")

    def iter_headings(self):
        """Every heading, depth first, in document order."""
        stack = list(reversed(self.headings))
        while stack:
            heading = stack.pop()
            yield heading
            stack.extend(reversed(heading.children))

    @property
    def symbol(self) -> str:
        """The document's first symbol, or "" if it prints none."""
        return self.metadata.symbols[0] if self.metadata.symbols else ""
