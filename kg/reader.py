"""Read PDF-extracted Chinese UN documents into a `Document`.

The reader knows the layout of the UN document genre, not the wording of any one
report:

* page furniture: running headers that are document symbols (``E/CN.7/2009/3``),
  page numbers next to them or to a form feed, job numbers (``V.09-80516 (C)``)
  and bar codes (``*0980516*``);
* footnote blocks after a line of underscores, with markers ``1``, ``2``… or
  ``*``, ``**``; the body text resumes after the block, mid-sentence;
* numbering: chapters ``一.``, sections ``A.``, sub-sections ``1.`` that restart
  in each section, and body paragraphs ``1.`` … ``91.`` that run on through the
  whole document. Each sequence is followed, so a sub-section ``2.`` is not taken
  for paragraph 2;
* front matter (symbols, sessions, agenda items, title) before the ``摘要``
  summary or the first heading.

Documents without body numbering (resolutions' preambles, texts with one
paragraph per line) are split at paragraph ends and numbered in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import Enum, auto
from functools import cache
from pathlib import Path
from statistics import quantiles

from kg.document import (
    Document,
    Footnote,
    Heading,
    HeadingLevel,
    Metadata,
    Numbering,
    Paragraph,
    ParagraphKind,
)
from kg.encoding import decode_document
from kg.errors import InputError
from kg.text import (
    CHINESE_NUMERALS,
    ORDINAL_NUMERAL,
    TERMINAL,
    CleanText,
    Piece,
    chinese_numeral,
    clause_verbs,
    is_cjk,
    join_lines,
    matching_form,
)

_SYMBOL = r"[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+"
SYMBOL_LINE = re.compile(rf"^\s*({_SYMBOL})(?:\s*[-–—]\s*({_SYMBOL}))?\s*$")
MASTHEAD_SYMBOL_LINE = re.compile(rf"^\s*联\s*合\s*国\s+({_SYMBOL})\s*$")
PAGE_NUMBER_LINE = re.compile(r"^\s*\d{1,4}\s*$")
JOB_NUMBER_LINE = re.compile(r"^\s*(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}\s*\([A-Z]\)[\s\d]*$")
BARCODE_LINE = re.compile(r"^\s*\*\d{6,9}\*\s*$")
SEPARATOR_LINE = re.compile(r"^\s*_{5,}\s*$")
# FCCC/CP/2015/10/Add. | 1，第1/CP. | 21号决定: a line broken inside a document symbol goes on
BROKEN_SYMBOL = re.compile(r"/(?:[A-Za-z]{1,5}\.)?$")
FOOTNOTE_START = re.compile(r"^\s*(\d{1,3}|\*{1,3})\s+(\S.*)$")

CHAPTER = re.compile(rf"^\s*([{CHINESE_NUMERALS}]{{1,3}})\s*[.．、]\s*(\S.*?)\s*$")
BARE_CHAPTER = re.compile(rf"^\s*([{CHINESE_NUMERALS}]{{1,3}})\s*[.．、]\s*$")  # 一． alone
# 第二章 一般性辩论, 第二章 alone above its title: a commission's report numbers its chapters so
NAMED_CHAPTER = re.compile(rf"^\s*第([{CHINESE_NUMERALS}]{{1,3}})章\s+(\S.*?)\s*$")
BARE_NAMED_CHAPTER = re.compile(rf"^\s*第([{CHINESE_NUMERALS}]{{1,3}})章\s*$")
MAX_BARE_TITLE = 30
SECTION = re.compile(r"^\s*([A-Z])\s*[.．](?:\s+|(?=[\u4e00-\u9fff]))(\S.*?)\s*$")  # A.出席情况 too
NUMBERED = re.compile(r"^\s*([0-9０-９]{1,3})\s*[.．](?![0-9])\s*(\S.*?)\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[(（][a-z]{1,2}[)）]|[(（][ivx]{1,5}[)）]|[㈠-㈩])")

ACTING_ORGAN_LINE = re.compile(
    r"^\s*(?P<organ>\S{0,30}(?:大会|理事会|委员会|会议|执行局))\s*[，,]\s*$"
)
OPENING_ORGAN = re.compile(r"^\s*(?P<organ>\S{0,30}?(?:大会|理事会|委员会|会议|执行局))\s*[，,]\s*")
SUMMARY_LINE = re.compile(r"^\s*(?:摘\s*要|概\s*要|内容提要|Summary)[*＊\s]*$")
# 附件, 附件一, 附件二: the line that opens an annex (a letter's numbered text follows it)
ANNEX_LINE = re.compile(r"^附\s*件\s*[一二三四五六七八九十\d]*$")
# 第十八届会议; 2023年届会, 2023年第一届常会, 2023年实质性会议, 2023年年度会议, 2023年年会
SESSION_LINE = re.compile(
    rf"^\s*(?:第{ORDINAL_NUMERAL}(?:届(?:特别)?|次)会议"
    r"|\d{4}\s*年\s*(?:第[一二三四五六七八九十]+届)?(?:常会|届会|实质性会议|年度会议|年会|特别会议))\s*$"
)
# 欧洲经济委员会 / 执行委员会: a unit's bare head under its body's name in a masthead
BARE_UNIT = re.compile(r"(?:执行|常设|方案协调|管理|行政)?(?:局|委员会|理事会|主席团)")
# 安全理事会 / 第七十八年: the Security Council's year, a masthead line, no title
COUNCIL_YEAR_LINE = re.compile(rf"^\s*第{ORDINAL_NUMERAL}年\s*$")
# 麻醉药品委员会 / 第七十九届会议报告: the report of the session of the body named above
SESSION_REPORT_LINE = re.compile(
    rf"^\s*(?P<session>第{ORDINAL_NUMERAL}届(?:特别)?会议)(?:的)?报告\s*$"
)
# 第12次会议简要记录: the summary record of a body's meeting; 主席：…: who chaired it
RECORD_LINE = re.compile(rf"^\s*(?P<meeting>第\s*{ORDINAL_NUMERAL}\s*次会议)(?:临时)?简要记录\s*$")
CHAIR_LINE = re.compile(r"^\s*(?:代理)?主\s*席\s*[：:]")
AGENDA_LINE = re.compile(r"^\s*(?:临时)?议程\S{0,3}项目")
# 在…第9876次会议上，…发表如下声明：: a sentence before the body, kept, never a title
STATEMENT_LINE = re.compile(r"^.{12,}[。：:]$")
DATE_LINE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|\d{4}\s*月\s*\d{1,2}\s*日")
SUBTITLE_LINE = re.compile(
    r"(?:的报告|的说明|的照会|的信|报告员|决议草案|决定草案|工作文件|的提案|订正提案)[*＊\s]*$"
)
# [根据全体会议审议的一项提案(E/2023/L.25)通过]: how a resolution was adopted, not its title
ADOPTION_NOTE_LINE = re.compile(r"^\s*[\[［【].*[\]］】]\s*$")
# 2023年7月26日经济及社会理事会决议: the date and kind of a resolution, not its title
RESOLUTION_DATE_LINE = re.compile(r"^\s*\d{4}\s*年.{0,12}日.{0,30}(?:决议|决定)\s*$")
# 大 会, 安 全 理 事 会: a masthead's name set letter-spaced; the spaces are no part of it
LETTER_SPACED = re.compile(r"[\u4e00-\u9fff](?:\s[\u4e00-\u9fff])+")
MASTHEAD_LINE = re.compile(
    r"^\s*(?:联\s*合\s*国|Distr\.?.*|Original:.*|Chinese|General|Limited|Restricted"
    r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s*$"
)

FOOTNOTE_REFERENCE = re.compile(
    r"(?<=[\u4e00-\u9fff\u3001-\u303f\uff01-\uffef》”」）])(\d{1,3})"
    r"(?=[\u4e00-\u9fff\u3001-\u303f\uff01-\uffef《“「（]|\s*$)"
)


class Kind(Enum):
    BLANK = auto()
    FURNITURE = auto()
    SEPARATOR = auto()
    FOOTNOTE = auto()
    CONTENT = auto()


@dataclass(slots=True)
class Line:
    """A line of the source: ``text`` in matching form (what patterns read), ``original``
    as written (what paragraphs, titles and footnotes are made of), same offsets."""

    text: str
    start: int
    kind: Kind = Kind.CONTENT
    page_break: bool = False
    original: str = ""

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def written(self) -> str:
        """The line as written, stripped."""
        return self.original.strip()

    @property
    def content_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())


@dataclass(slots=True)
class _Block:
    """A paragraph being assembled: its label, lines and heading path."""

    label: str
    lines: list[Line]
    path: tuple[Heading, ...]
    first_line_prefix: int = 0  # characters of "12. " to skip on the first line
    preamble: bool = False  # unnumbered text in a numbered document


@dataclass(slots=True)
class _HeadingNode:
    level: HeadingLevel
    label: str
    title: str
    start: int
    children: list[_HeadingNode] = field(default_factory=list)

    def freeze(self) -> Heading:
        return Heading(
            self.level,
            self.label,
            self.title,
            self.start,
            tuple(child.freeze() for child in self.children),
        )


def read_document(path: str | Path) -> Document:
    """Read a text file (any encoding `kg.encoding` knows) into a `Document`; `InputError`
    if it can't be read."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "file not found")
    if path.is_dir():
        raise InputError(path, "is a directory, not a document")
    return parse_document(decode_document(path.read_bytes(), path).text, source=str(path))


def parse_document(text: str, source: str = "<text>") -> Document:
    """Parse the text of a UN document into a `Document`."""
    lines = _split_lines(text)
    _mark_furniture(lines)
    footnotes = _extract_footnotes(lines)
    known_markers = {f.marker for f in footnotes if f.marker.isdigit()}
    content = [line for line in lines if line.kind is Kind.CONTENT]
    body_index, headings, blocks, numbered = _structure(content)
    front = content[:body_index]
    metadata, summary_lines = _front_matter(front, lines)
    warnings: list[str] = []
    if not numbered:
        warnings.append("no paragraph numbering found: paragraphs numbered in reading order")
    citations = _Citations(known_markers)
    summary = _clean(summary_lines, citations=None)[0].text() if summary_lines else ""
    paragraphs = tuple(_paragraph(block, citations) for block in blocks)
    if not metadata.body and paragraphs:
        metadata = replace(metadata, body=_opening_organ(paragraphs[0].text))
    return Document(
        source=source,
        text=text,
        metadata=metadata,
        summary=summary,
        headings=tuple(node.freeze() for node in headings),
        paragraphs=paragraphs,
        footnotes=tuple(footnotes),
        numbering=Numbering.SOURCE if numbered else Numbering.READING_ORDER,
        warnings=tuple(warnings),
    )


def _opening_organ(text: str) -> str:
    """经济及社会理事会，回顾其…: a decision or resolution whose first paragraph opens with
    its acting organ and a clause verb, where no line of its own names the organ."""
    opening = OPENING_ORGAN.match(text)
    if opening is None or not text[opening.end() :].startswith(clause_verbs()):
        return ""
    return opening.group("organ")


# --- lines and page furniture -------------------------------------------------------------


def _split_lines(text: str) -> list[Line]:
    """Lines with offsets; patterns read the matching form (traditional and full-width folded)."""
    lines: list[Line] = []
    offset = 0
    folded = matching_form(text)
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        page_break = "\f" in body
        original = body.replace("\f", " ")
        clean = folded[offset : offset + len(body)].replace("\f", " ")
        kind = Kind.BLANK if not clean.strip() else Kind.CONTENT
        lines.append(Line(clean, offset, kind, page_break, original))
        offset += len(raw)
    return lines


def _mark_furniture(lines: list[Line]) -> None:
    anchors: list[int] = []
    for index, line in enumerate(lines):
        if line.page_break:
            anchors.append(index)
        if line.kind is Kind.BLANK:
            continue
        text = line.text
        if SEPARATOR_LINE.match(text):
            line.kind = Kind.SEPARATOR
        elif SYMBOL_LINE.match(text) or MASTHEAD_SYMBOL_LINE.match(text):
            line.kind = Kind.FURNITURE
            anchors.append(index)
        elif JOB_NUMBER_LINE.match(text) or BARCODE_LINE.match(text):
            line.kind = Kind.FURNITURE
            anchors.append(index)
    for index, line in enumerate(lines):
        if line.kind is Kind.CONTENT and PAGE_NUMBER_LINE.match(line.text):
            if any(_near(lines, index, anchor) for anchor in anchors):
                line.kind = Kind.FURNITURE


def _near(lines: list[Line], index: int, anchor: int, reach: int = 3) -> bool:
    """True if at most `reach` non-blank lines lie between `index` and `anchor`."""
    low, high = sorted((index, anchor))
    between = sum(1 for line in lines[low + 1 : high] if line.kind is not Kind.BLANK)
    return between <= reach and high - low <= 12


# --- footnotes ----------------------------------------------------------------------------


def _extract_footnotes(lines: list[Line]) -> list[Footnote]:
    """Take footnote blocks out of the line stream, marking their lines FOOTNOTE."""
    footnotes: list[tuple[str, int, list[Line]]] = []
    last_number = 0
    index = 0
    while index < len(lines):
        if lines[index].kind is not Kind.SEPARATOR:
            index += 1
            continue
        index += 1
        current: list[Line] | None = None
        while index < len(lines):
            line = lines[index]
            if line.kind is Kind.BLANK:
                index += 1
                continue
            if line.kind is not Kind.CONTENT:
                break
            match = FOOTNOTE_START.match(line.text)
            marker = match.group(1) if match else ""
            if match and (marker.startswith("*") or last_number < int(marker) <= last_number + 3):
                if marker.isdigit():
                    last_number = int(marker)
                current = [line]
                footnotes.append((marker, line.content_start, current))
            elif (
                current is not None
                and _clean(current, None)[0].text()[-1:] not in TERMINAL
                and not _starts_structure(line.text)
            ):
                current.append(line)
            else:
                break
            line.kind = Kind.FOOTNOTE
            index += 1
    result = []
    for marker, start, block in footnotes:
        clean, _ = _clean(block, None)
        text = clean.text()
        text = text[len(marker) :].lstrip() if text.startswith(marker) else text
        result.append(Footnote(marker, text, start))
    return result


def _starts_structure(text: str) -> bool:
    return bool(
        NUMBERED.match(text)
        or CHAPTER.match(text)
        or NAMED_CHAPTER.match(text)
        or BARE_NAMED_CHAPTER.match(text)
        or SECTION.match(text)
    )


# --- body structure -----------------------------------------------------------------------


def _structure(
    content: list[Line],
) -> tuple[int, list[_HeadingNode], list[_Block], bool]:
    """Find headings and paragraphs; return where the body starts and what it holds.

    Unnumbered runs of body text (a resolution's preamble, a document with no
    paragraph numbers) are split at paragraph ends and labelled in reading order.
    """
    starts = list(_numbered_starts(content))
    numbered = any(kind == "paragraph" for _, kind, _, _ in starts)
    body_index = _body_start(content, starts)
    roots: list[_HeadingNode] = []
    path: list[_HeadingNode] = []
    blocks: list[_Block] = []
    loose: list[Line] = []
    boundaries = {index: (kind, label, title) for index, kind, label, title in starts}
    current: _Block | None = None

    def flush_loose() -> None:
        # unnumbered paragraphs are counted on from the ones before them
        before = sum(1 for block in blocks if block.preamble or not numbered)
        blocks.extend(_split_unnumbered(loose, _frozen_path(path), before, numbered))
        loose.clear()

    for index in range(body_index, len(content)):
        line = content[index]
        if index not in boundaries:
            (current.lines if current is not None else loose).append(line)
            continue
        kind, label, title = boundaries[index]
        if kind == "continuation":
            path[-1].title += _clean_title(title)
            continue
        flush_loose()
        if kind == "paragraph":
            current = _Block(label, [line], _frozen_path(path), NUMBERED.match(line.text).start(2))
            blocks.append(current)
            continue
        current = None
        level = HeadingLevel(kind)
        depth = _LEVELS.index(level)
        while path and _LEVELS.index(path[-1].level) >= depth:
            path.pop()
        node = _HeadingNode(level, label, _clean_title(title), line.content_start)
        (path[-1].children if path else roots).append(node)
        path.append(node)
    flush_loose()
    return body_index, roots, blocks, numbered


_LEVELS = list(HeadingLevel)


def _body_start(content: list[Line], starts: list[tuple[int, str, str, str]]) -> int:
    """Index of the first body line.

    The body starts after the line naming the acting organ of a resolution
    ("大会，"), else at the first heading or numbered paragraph, else after a
    summary heading, else at the top.
    """
    first_start = starts[0][0] if starts else len(content)
    leading = _leading_front(content[:first_start])
    for index, line in enumerate(content[:leading]):
        if ACTING_ORGAN_LINE.match(line.text):
            return index + 1
    if starts and any(ANNEX_LINE.match(line.stripped) for line in content[leading:first_start]):
        return leading  # a covering letter before the annex its numbered paragraphs are in
    if starts:
        return first_start
    for index, line in enumerate(content):
        if SUMMARY_LINE.match(line.text):
            return index + 1
    return leading


CLAUSE_ENDS = "，,；;："  # how a resolution's preambular or operative paragraph ends
MAX_TITLE_LINE = 150  # characters: a longer line before the organ is a sentence, no title


def _leading_front(content: list[Line]) -> int:
    """How many lines at the top look like front matter (no sentence among them): the
    masthead, session, date, agenda and title lines of a letter or a note without numbered
    paragraphs; an acting organ line ("经济及社会理事会，") ends them."""
    for index, line in enumerate(content):
        if ACTING_ORGAN_LINE.match(line.stripped):
            return index + 1  # also after a resolution's title with a comma (加强…，应对…)
        if "。" in line.stripped or len(line.stripped) > MAX_TITLE_LINE:
            break
    for index, line in enumerate(content):
        text = line.stripped
        if len(text) > 80 or "。" in text:
            return index
        marked = (
            SESSION_LINE.match(text)
            or AGENDA_LINE.match(text)
            or DATE_LINE.search(text)
            or SUBTITLE_LINE.search(text)
        )
        if not marked and any(char in text for char in "，；,;"):
            return index
    return 0


def _clean_title(title: str) -> str:
    """A heading title with the spaces PDF extraction left around numbers removed."""
    return join_lines([Piece(title, 0)]).text()


def _frozen_path(path: list[_HeadingNode]) -> tuple[Heading, ...]:
    return tuple(Heading(node.level, node.label, node.title, node.start) for node in path)


def _numbered_starts(content: list[Line]) -> Iterator[tuple[int, str, str, str]]:
    """Yield (line index, kind, label, title) for each heading and numbered paragraph.

    kind is "chapter", "section", "subsection", "paragraph" or "continuation" (a
    heading's title wrapping onto the next line).
    """
    next_paragraph = 1
    next_chapter = 1
    next_section = "A"
    next_subsection = 1
    previous_heading = -2
    title_line = -1  # the line after a bare chapter number (一． / 导言) is its title
    for index, line in enumerate(content):
        text = line.text
        following = content[index + 1].text if index + 1 < len(content) else ""
        if index == title_line:
            yield index, "continuation", "", line.written
            continue
        bare = BARE_CHAPTER.match(text) or BARE_NAMED_CHAPTER.match(text)
        if (
            bare
            and chinese_numeral(bare.group(1)) == next_chapter
            and _heading_like(following)
            and len(following.strip()) <= MAX_BARE_TITLE
        ):
            yield index, "chapter", bare.group(1), ""
            next_chapter += 1
            next_section, next_subsection, previous_heading = "A", 1, index + 1
            title_line = index + 1
            continue
        chapter = CHAPTER.match(text) or NAMED_CHAPTER.match(text)
        if chapter and chinese_numeral(chapter.group(1)) == next_chapter:
            if _heading_like(chapter.group(2)):
                yield index, "chapter", chapter.group(1), line.original[slice(*chapter.span(2))]
                next_chapter += 1
                next_section, next_subsection, previous_heading = "A", 1, index
                continue
        if (section := SECTION.match(text)) and section.group(1) == next_section:
            if _heading_like(section.group(2)):
                yield index, "section", section.group(1), line.original[slice(*section.span(2))]
                next_section = chr(ord(next_section) + 1)
                next_subsection, previous_heading = 1, index
                continue
        if numbered := NUMBERED.match(text):
            number = int(numbered.group(1).translate(_FULL_WIDTH_DIGITS))
            title = line.original[slice(*numbered.span(2))]
            is_paragraph = number == next_paragraph
            is_subsection = (
                number == next_subsection
                and _heading_like(title)
                and (not is_paragraph or _starts_structure(following))
            )
            if is_subsection:
                yield index, "subsection", str(number), title
                next_subsection += 1
                previous_heading = index
                continue
            if is_paragraph:
                yield index, "paragraph", str(number), title
                next_paragraph += 1
                continue
        if (
            previous_heading == index - 1
            and _heading_like(text.strip())
            and len(text.strip()) <= 30
            and _starts_structure(following)
        ):
            yield index, "continuation", "", line.written
            previous_heading = index


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _heading_like(title: str) -> bool:
    title = title.strip()
    return (
        0 < len(title) <= 60
        and not any(char in title for char in "。；;")
        and title[-1] not in "，,、："
    )


def _split_unnumbered(
    lines: list[Line], path: tuple[Heading, ...], before: int, preamble: bool
) -> list[_Block]:
    """Split unnumbered lines into paragraphs at paragraph ends, labelled in reading order.

    In wrapped text (most lines fill the line width) a paragraph ends at a line
    notably shorter than the width; otherwise every line is a paragraph. A line that
    opens with a resolution's verb after a line ending in a comma (…的贩运， / 又回顾…)
    starts a paragraph of its own however wide the lines are.
    """
    if not lines:
        return []
    lengths = [len(line.stripped) for line in lines]
    width = max(lengths) if len(lengths) < 4 else quantiles(lengths, n=10)[-1]
    wrapped = len(lengths) >= 4 and sum(n >= 0.85 * width for n in lengths) >= 0.35 * len(lengths)
    blocks: list[_Block] = []
    current: list[Line] = []
    for line, length in zip(lines, lengths, strict=True):
        if current and _opens_clause_after(current[-1].stripped, line.stripped):
            blocks.append(_Block(str(before + len(blocks) + 1), current, path, preamble=preamble))
            current = []
        current.append(line)
        if (not wrapped or length < 0.8 * width) and not BROKEN_SYMBOL.search(line.stripped):
            blocks.append(_Block(str(before + len(blocks) + 1), current, path, preamble=preamble))
            current = []
    if current:
        blocks.append(_Block(str(before + len(blocks) + 1), current, path, preamble=preamble))
    return blocks


def _opens_clause_after(previous: str, text: str) -> bool:
    """Does ``text`` open a resolution's paragraph after a line that closed one (回顾…，)?"""
    return previous[-1:] in CLAUSE_ENDS and text.startswith(_paragraph_verbs())


@cache
def _paragraph_verbs() -> tuple[str, ...]:
    """The resolution verbs that can open a paragraph after a comma: those of two or more
    characters (请 may be a wrapped line's first character)."""
    return tuple(verb for verb in clause_verbs() if len(verb) > 1)


# --- front matter -------------------------------------------------------------------------


def _front_matter(front: list[Line], lines: list[Line]) -> tuple[Metadata, list[Line]]:
    """Symbols, sessions, agenda items, title and the document's own body from the lines
    before the body."""
    symbols: list[str] = []
    for line in lines:
        match = SYMBOL_LINE.match(line.text) or MASTHEAD_SYMBOL_LINE.match(line.text)
        if line.kind is Kind.FURNITURE and match:
            for symbol in match.groups():
                if symbol and symbol not in symbols:
                    symbols.append(symbol)
    summary_at = next((i for i, line in enumerate(front) if SUMMARY_LINE.match(line.text)), None)
    summary = front[summary_at + 1 :] if summary_at is not None else []
    head = front[:summary_at] if summary_at is not None else front
    head = [line for line in head if not MASTHEAD_LINE.match(line.text)]
    if len(head) == 1 and (organ := ACTING_ORGAN_LINE.match(head[0].text)):
        # 安全理事会， alone before the preamble: the acting organ, no title
        metadata = Metadata(body=organ.group("organ"))
        return replace(metadata, symbols=tuple(symbols)), summary
    if len(head) > 1 and not _blank_between(lines, head[0], head[-1]):
        metadata = _segmented_front(head)
    else:
        metadata = _wrapped_front(head, lines)
    return replace(metadata, symbols=tuple(symbols)), summary


def _wrapped_front(head: list[Line], lines: list[Line]) -> Metadata:
    """Front matter laid out in blocks with blank lines between them (a PDF's cover page):
    a block's lines are one wrapped text."""
    statements = [line for line in head if STATEMENT_LINE.search(line.stripped)]
    title_lines, subtitle = _title([line for line in head if line not in statements], lines)
    sessions: list[str] = []
    agenda: list[list[list[str]]] = []  # per item: the header line, then title blocks
    notes: list[str] = []
    body = ""
    previous: Line | None = None
    for index, line in enumerate(head):
        if line in title_lines:
            continue
        if line in statements:
            notes.append(line.written)
            continue
        text = line.stripped
        if organ := ACTING_ORGAN_LINE.match(text):
            body = organ.group("organ")
        elif SESSION_LINE.match(text):
            masthead = (
                head[index - 1].written if index and not _agenda_or_date(head[index - 1]) else ""
            )
            body = body or masthead
            sessions.append(f"{masthead}{line.written}")
            if agenda and masthead and agenda[-1][-1][-1:] == [masthead]:
                agenda[-1][-1].pop()
        elif AGENDA_LINE.match(text):
            agenda.append([[line.written]])
        elif DATE_LINE.search(text):
            notes.append(line.written)  # 2023年2月7日…代表给…的信: dated, it names its writers
        elif SUBTITLE_LINE.search(text):
            pass
        elif agenda:
            item = agenda[-1]
            if len(item) == 1 or (previous is not None and _blank_between(lines, previous, line)):
                item.append([])
            item[-1].append(line.written)
        previous = line
    return Metadata(
        title=_clean(title_lines, None)[0].text() if title_lines else "",
        subtitle=subtitle,
        sessions=tuple(sessions),
        agenda_items=tuple(_agenda_item(item) for item in agenda),
        body=body,
        notes=tuple(notes),
    )


CONTENTS_LINES = frozenset({"目录", "目 录"})


def _segmented_front(head: list[Line]) -> Metadata:
    """Front matter with one item per line and no blank lines (text extracted segment by
    segment): lines are never joined, except the masthead's name lines above a session line
    (联合国儿童基金会 / 执行局 / 2023年年会)."""
    sessions: list[str] = []
    agenda: list[str] = []
    notes: list[str] = []
    candidates: list[str] = []  # lines that may be the title
    masthead: list[str] = []
    subtitle = body = ""
    expecting_agenda_title = False
    for line in head:
        text, written = line.stripped, line.written
        if organ := ACTING_ORGAN_LINE.match(text):
            body = organ.group("organ")
        elif (record := RECORD_LINE.match(text)) and candidates and _name_line(candidates[-1]):
            # 第六委员会 / 第12次会议简要记录: the record of a meeting of the body named above
            body = candidates.pop()
            sessions.append(f"{body}{record.group('meeting')}")
            candidates.append(written)
        elif (report := SESSION_REPORT_LINE.match(text)) and masthead and _name_line(masthead[-1]):
            # 麻醉药品委员会 / 第七十九届会议报告: the body reports on its own session
            body = body or masthead[-1]
            sessions.append(f"{masthead[-1]}{report.group('session')}")
            candidates.append(written)
        elif CHAIR_LINE.match(text):
            notes.append(written)
        elif SESSION_LINE.match(text):
            # 联合国儿童基金会 / 执行局: a bare head names its body's unit; 大会 / 裁军审议委员会:
            # the last line names the body
            joined = (
                2
                if masthead and (len(masthead[-1]) <= 4 or BARE_UNIT.fullmatch(masthead[-1]))
                else 1
            )
            name = "".join(masthead[-joined:])
            sessions.append(f"{name}{written}")
            body = body or name
            notes.extend(masthead[:-joined])  # 大会 above 裁军审议委员会: named all the same
            masthead = []
        elif AGENDA_LINE.match(text):
            agenda.append(written)
            expecting_agenda_title = True
            continue
        elif expecting_agenda_title and not _agenda_or_date(line) and not text.endswith("。"):
            # 巴勒斯坦 被占领土: a space the PDF left between two characters of a name goes
            agenda[-1] = f"{agenda[-1]} {_clean_title(written)}"
        elif SUBTITLE_LINE.search(text) and not subtitle:
            subtitle = written
        elif COUNCIL_YEAR_LINE.match(text):
            if candidates and _name_line(candidates[-1]):
                notes.append(candidates.pop())  # 安全理事会 / 第七十八年: its masthead
            notes.append(written)
        elif (
            DATE_LINE.search(text)
            or ADOPTION_NOTE_LINE.match(text)
            or RESOLUTION_DATE_LINE.match(text)
        ):
            notes.append(written)
        elif not sessions and not agenda and not candidates and _name_line(text):
            masthead.append("".join(text.split()) if LETTER_SPACED.fullmatch(text) else written)
        elif text.endswith("。") or text in CONTENTS_LINES:
            notes.append(written)  # 上午10时05分宣布开会。, 目录: a sentence or a heading, no title
        else:
            candidates.append(written)
        expecting_agenda_title = False
    if subtitle and masthead and not candidates:
        candidates.append(masthead.pop())  # 加强…的协调 / 秘书长的报告: the title above it
    notes.extend(masthead)
    title = _clean_title(candidates.pop()) if candidates else ""
    return Metadata(
        title=title,
        subtitle=subtitle,
        sessions=tuple(sessions),
        agenda_items=tuple(agenda),
        body=body,
        notes=tuple([*candidates, *notes]),
    )


def _name_line(text: str) -> bool:
    """A short line with no punctuation: a masthead's name line (执行局, 裁军审议委员会)."""
    return len(text) <= 30 and not any(char in text for char in "，。；：,;:()（）[]")


def _agenda_or_date(line: Line) -> bool:
    text = line.stripped
    return bool(AGENDA_LINE.match(text) or DATE_LINE.search(text) or SESSION_LINE.match(text))


def _title(head: list[Line], lines: list[Line]) -> tuple[list[Line], str]:
    """The title block: the lines before a subtitle such as "执行主任的报告"."""
    if not head:
        return [], ""
    subtitle_at = next(
        (i for i in range(len(head) - 1, -1, -1) if SUBTITLE_LINE.search(head[i].stripped)),
        None,
    )
    end = subtitle_at if subtitle_at is not None else len(head)
    subtitle = head[subtitle_at].written if subtitle_at is not None else ""
    block: list[Line] = []
    for index in range(end - 1, -1, -1):
        line = head[index]
        if _agenda_or_date(line):
            break
        if block and _blank_between(lines, line, block[0]):
            break
        block.insert(0, line)
    return block, subtitle


def _blank_between(lines: list[Line], first: Line, second: Line) -> bool:
    return any(
        line.kind is Kind.BLANK and first.start < line.start < second.start for line in lines
    )


def _agenda_item(parts: list[list[str]]) -> str:
    """ "临时议程**项目 4 和 7 <title>；<title>" from the header line and title blocks."""
    header, *titles = parts
    joined = "；".join(_join_words(block) for block in titles if block)
    return f"{header[0]} {joined}".strip()


def _join_words(parts: list[str]) -> str:
    joined = ""
    for part in parts:
        if joined and not is_cjk(joined[-1]) and not is_cjk(part[0]):
            joined += " "
        joined += part
    return joined


# --- paragraphs ---------------------------------------------------------------------------


class _Citations:
    """Footnote references in body text: known markers, cited in non-decreasing order."""

    def __init__(self, markers: set[str]) -> None:
        self.markers = markers
        self.last = 0

    def find(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        for match in FOOTNOTE_REFERENCE.finditer(text):
            marker = match.group(1)
            if marker in self.markers and int(marker) >= self.last:
                self.last = int(marker)
                found.append((match.start(), match.end(), marker))
        return found


def _clean(
    lines: list[Line], citations: _Citations | None, skip_first: int = 0
) -> tuple[CleanText, list[tuple[int, str]]]:
    """Clean text of lines, dropping footnote references; return it and the references
    cited: (source offset where each stood, marker)."""
    pieces: list[Piece] = []
    cited: list[tuple[int, str]] = []
    for position, line in enumerate(lines):
        text, start = line.original, line.start
        if position == 0 and skip_first:
            text, start = text[skip_first:], start + skip_first
        parts = [(text, start)]
        if citations is not None:
            parts = []
            cursor = 0
            for ref_start, ref_end, marker in citations.find(text):
                cited.append((start + ref_start, marker))
                parts.append((text[cursor:ref_start], start + cursor))
                cursor = ref_end
            parts.append((text[cursor:], start + cursor))
        for index, (part, part_start) in enumerate(parts):
            if index == 0 and position > 0 and LIST_ITEM.match(part):
                part, part_start = (
                    "\n" + part.lstrip(),
                    part_start + len(part) - len(part.lstrip()) - 1,
                )
            pieces.append(Piece(part, part_start))
    return join_lines(pieces), cited


def _paragraph(block: _Block, citations: _Citations) -> Paragraph:
    clean, cited = _clean(block.lines, citations, block.first_line_prefix)
    text = clean.text()
    offsets = clean.offsets()
    start = offsets.source_offset(0) if text else block.lines[0].start
    end = offsets.source_offset(len(text) - 1) + 1 if text else start
    return Paragraph(
        number=int(block.label),
        kind=ParagraphKind.PREAMBLE if block.preamble else ParagraphKind.BODY,
        text=text,
        heading_path=block.path,
        start=start,
        end=end,
        footnotes=tuple(dict.fromkeys(marker for _, marker in cited)),
        offsets=offsets,
        citations=tuple((_clean_position(offsets, len(text), at), mark) for at, mark in cited),
    )


def _clean_position(offsets, length: int, source: int) -> int:
    """Where in the clean text a reference that stood at ``source`` falls: after every
    character that came before it in the source."""
    low, high = 0, length
    while low < high:
        middle = (low + high) // 2
        if offsets.source_offset(middle) < source:
            low = middle + 1
        else:
            high = middle
    return low
