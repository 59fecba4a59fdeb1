"""Character classes and the line-joining rules for Chinese text extracted from PDFs.

Chinese has no spaces between words, but PDF extraction leaves spaces around
numbers and Latin words ("在 2008 年") and breaks sentences across lines. Clean
text keeps a space only between two non-CJK characters (Latin words, "1816 (2008)")
and joins wrapped lines with nothing in between, except where two Latin words
meet across the break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from kg.data_files import read_words
from kg.document import OffsetMap

_CJK_RANGES = (
    ("\u2e80", "\u2fdf"),  # radicals
    ("\u3000", "\u303f"),  # CJK symbols and punctuation
    ("\u3040", "\u30ff"),  # kana (occasionally in names)
    ("\u3200", "\u32ff"),  # enclosed CJK: ㈠ ㈡
    ("\u3400", "\u4dbf"),  # extension A
    ("\u4e00", "\u9fff"),  # unified ideographs
    ("\uf900", "\ufaff"),  # compatibility ideographs
    ("\ufe30", "\ufe4f"),  # compatibility forms
    ("\uff00", "\uffef"),  # full-width forms: ，（）：；
)
_CJK_PUNCTUATION = "“”‘’…—·"
_CJK = re.compile(
    "[" + "".join(f"{low}-{high}" for low, high in _CJK_RANGES) + _CJK_PUNCTUATION + "]"
)

CHINESE_NUMERALS = "一二三四五六七八九十"
# the number of an ordinal: 第十二届, 第52届, 第一〇〇次
ORDINAL_NUMERAL = r"[一二三四五六七八九十百零〇\d]+"
# 在巴勒斯坦国，…: the place a sentence opens by setting itself in
SETTING = r"在(?P<place>[^，。；]{2,30}?)，"
# the period a programme or decade runs, in brackets after its name: (2021-2030), （2022-2024年）
BRACKETED_PERIOD = r"[(（]\d{4}\s?[-—–至]\s?\d{4}\s?年?[)）]"
SENTENCE_END = set("。！？!?；")
TERMINAL = set("。．.！？!?")


def is_subsequence(short: str, full: str) -> bool:
    """True if the characters of ``short`` occur in ``full`` in order (粮安网 in
    粮食安全信息网络)."""
    at = 0
    for char in short:
        at = full.find(char, at) + 1
        if not at:
            return False
    return True


def is_cjk(char: str) -> bool:
    """True for Chinese characters and the full-width punctuation set around them."""
    return _CJK.fullmatch(char) is not None


def is_ideograph(char: str) -> bool:
    """True for a Chinese character proper (not punctuation)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of source text: the characters and the offset of the first in the source."""

    text: str
    start: int


class CleanText:
    """Accumulates clean text and the offset of each character in the source."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._length = 0
        self._starts: list[int] = []
        self._sources: list[int] = []
        self._next_source = -1  # the source offset that would continue the last run

    def __len__(self) -> int:
        return self._length

    @property
    def last(self) -> str:
        return self._pieces[-1][-1] if self._pieces else ""

    def add(self, chars: str, source: int) -> None:
        """Add characters that follow each other in the source, the first at ``source``."""
        if source != self._next_source or not self._starts:
            self._starts.append(self._length)
            self._sources.append(source)
        self._pieces.append(chars)
        self._length += len(chars)
        self._next_source = source + len(chars)

    def add_separator(self, char: str, source: int) -> None:
        """Add a character that stands for a gap (a joining space or line break)."""
        self.add(char, source)
        self._next_source = -1  # the next character starts a new run

    def text(self) -> str:
        return "".join(self._pieces)

    def offsets(self) -> OffsetMap:
        return OffsetMap(tuple(self._starts), tuple(self._sources))


def _needs_space(before: str, after: str) -> bool:
    return bool(before) and not is_cjk(before) and not is_cjk(after) and before != "-"


def join_lines(pieces: Iterable[Piece], out: CleanText | None = None) -> CleanText:
    """Join wrapped lines into clean text, keeping source offsets.

    Whitespace next to a CJK character is dropped; other whitespace runs become
    one space. Lines are joined with nothing unless two non-CJK characters meet.
    A piece whose text starts with a newline keeps it (list items).
    """
    out = out if out is not None else CleanText()
    for piece in pieces:
        _append_line(out, piece)
    return out


_NON_SPACE = re.compile(r"\S+")  # \s is str.isspace()


def _append_line(out: CleanText, piece: Piece) -> None:
    text = piece.text
    if text.startswith("\n"):
        if len(out):
            out.add_separator("\n", piece.start)
        text = text[1:]
        offset = piece.start + 1
    else:
        offset = piece.start
    gap = -1  # where the whitespace before this run of characters starts, if any
    for run in _NON_SPACE.finditer(text):
        source = offset + run.start()
        if gap < 0:  # the line's first characters
            if _needs_space(out.last, run.group()[0]) and out.last not in ("\n", ""):
                out.add_separator(" ", source)
        elif _needs_space(out.last, run.group()[0]):
            out.add_separator(" ", offset + gap)
        out.add(run.group(), source)
        gap = run.end()


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in clean Chinese text.

    A sentence ends at 。！？; or at a line break; closing quotes and brackets
    that follow the terminator stay with the sentence.
    """
    start = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in SENTENCE_END or char == "\n":
            end = index + 1
            while end < length and text[end] in "”’」）)》":
                end += 1
            if text[start:end].strip():
                yield start, end if char != "\n" else index
            start = end
            index = end
            continue
        index += 1
    if text[start:].strip():
        yield start, length


CLOSING = "”’」）)》"  # stays with the sentence it closes
CLAUSE_END = "，,、 "


def pieces(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, none longer than ``limit``, each cut
    after a sentence's end (a name never spans one); a sentence longer than ``limit`` is
    cut after a comma or space, and one without either at ``limit``."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(char) for char in (*SENTENCE_END, "\n")) + 1
        while 0 < cut < len(window) and window[cut] in CLOSING:
            cut += 1
        cut = cut or max(window.rfind(char) for char in CLAUSE_END) + 1 or limit
        yield start, start + cut
        start += cut
    yield start, len(text)


def chinese_numeral(text: str) -> int:
    """Value of a Chinese numeral up to 99: 一 → 1, 十二 → 12, 二十 → 20."""
    if "十" not in text:
        return CHINESE_NUMERALS.index(text) + 1 if len(text) == 1 else -1
    tens, _, units = text.partition("十")
    value = (CHINESE_NUMERALS.index(tens) + 1 if tens else 1) * 10
    return value + (CHINESE_NUMERALS.index(units) + 1 if units else 0)


# Full-width digits, Latin letters and the symbols of numbers and symbols (第６０／２８８号),
# as ASCII; Chinese punctuation (，。（）：；“”) stays as it is.
_HALF_WIDTH = str.maketrans(
    {
        chr(code): chr(code - 0xFEE0)
        for code in range(0xFF01, 0xFF5F)
        if chr(code) not in "，。（）：；！？［］｛｝＂＇"
    }
    | {"\u3000": " "}
)
_FULL_WIDTH = re.compile("[" + "".join(map(chr, _HALF_WIDTH)) + "]")


@cache
def _simplifier():
    import opencc

    return opencc.OpenCC("t2s")


def matching_form(text: str) -> str:
    """The text as the rules read it: full-width ASCII made half-width and traditional
    characters made simplified, character for character (same length and offsets).

    The original text is what the graph keeps; only matching uses this form.
    """
    if _FULL_WIDTH.search(text):  # most texts have none: translating char by char costs more
        text = text.translate(_HALF_WIDTH)
    if text.isascii():
        return text
    converter = _simplifier()
    simplified = converter.convert(text)
    if len(simplified) == len(text):
        return simplified
    # A phrase conversion changed the length: convert character by character instead.
    return "".join(
        converted if len(converted := converter.convert(char)) == 1 else char for char in text
    )


@cache
def clause_verbs() -> tuple[str, ...]:
    """The verbs that open a resolution's paragraphs (回顾, 注意到, 决定 …), longest first."""
    return tuple(sorted(read_words("patterns/clause_verbs.txt"), key=len, reverse=True))
