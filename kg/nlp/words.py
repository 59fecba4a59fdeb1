"""Word boundaries from jieba, asked only where they decide something.

The pipeline segments by character; some rules need to know whether a span
sits on word boundaries (中国 in 发展中国家 does not, 组织 in 有组织犯罪 is no
head). Most spans are unambiguous: no dictionary word crosses their edges, and
jieba is not run at all. Otherwise jieba segments a small window around the
span, and the answer is cached.
"""

from __future__ import annotations

from functools import cache, lru_cache

import jieba
import jieba.posseg as pseg

WINDOW = 4
REACH = 6  # longest dictionary word looked for across an edge
COMMON_PAIR = 100  # jieba frequency from which a two-character word is a common one
PROPER_WORD = 4
PROPER_TAGS = frozenset({"nt", "ns", "nr", "nz", "j"})  # jieba's proper nouns and abbreviations
UNIT_WORD = 3  # a two-character word and a one-character head (供应司)
DIRECTIONS = frozenset(
    "东南西北中内外上下前后左右"
)  # a jieba word this long that ends a name is taken as a proper name


@cache
def _dictionary() -> dict[str, int]:
    jieba.initialize()
    return jieba.dt.FREQ


def crosses(text: str, position: int) -> bool:
    """True if a dictionary word of two or more characters spans ``position``."""
    if position < REACH - 1:
        return _crosses(text[: position + REACH], position)
    return _crosses(text[position - REACH + 1 : position + REACH], REACH - 1)


@lru_cache(maxsize=65536)
def _crosses(window: str, position: int) -> bool:
    words = _dictionary()  # holds every word and, with frequency 0, every prefix of one
    for left in range(position):
        right = left + 1
        while right <= len(window) and (frequency := words.get(window[left:right])) is not None:
            if right > position and right - left >= 2 and frequency:
                return True
            right += 1
    return False


def splits_pair(text: str, position: int) -> bool:
    """True if the two characters around ``position`` make a common dictionary word (实|体
    in 其实体: jieba may cut such a word wrongly, so an edge there is unsure); a rare one
    (借鉴|核 makes 鉴核) does not make it so."""
    if position <= 0:
        return False
    return _dictionary().get(text[position - 1 : position + 1], 0) >= COMMON_PAIR


def is_word(word: str, endings: str = "") -> bool:
    """``word`` is in jieba's dictionary (and, with ``endings``, ends with one of them)."""
    return (not endings or word[-1:] in endings) and bool(_dictionary().get(word))


def starts_word(text: str, start: int, end: int) -> bool:
    """A name at [start, end) begins a jieba word (and may run on into it: 泰国政府)."""
    if not crosses(text, start):
        return True
    left = max(0, start - WINDOW)
    return _starts_a_word(text[left : min(len(text), end + WINDOW)], start - left)


GLUED_PREPOSITIONS = ("在", "于")  # 处在, 处于, 局于: a head jieba joins to a preposition


def head_ends_word(text: str, start: int, end: int) -> bool:
    """A head at [start, end) ends a word, and starts one or ends a long word.

    组织 in 有组织犯罪 and 署 in 签署 are inside ordinary words; 组织 at the end of
    the jieba word 世界卫生组织 ends a proper name.
    """
    if not crosses(text, start) and not crosses(text, end):
        return True
    left = max(0, start - 6)
    if text[end : end + 1] in GLUED_PREPOSITIONS and is_word(text[end - 1 : end + 1]):
        # 恐怖主义预防处在…的资助下: jieba reads 处在 (to be in); the name ends before 在
        return _head_in_window(text[left:end], start - left, end - left)
    return _head_in_window(text[left : end + 4], start - left, end - left)


@lru_cache(maxsize=65536)
def _starts_a_word(window: str, offset: int) -> bool:
    position = 0
    for word in jieba.cut(window, HMM=False):
        word_end = position + len(word)
        if position < offset < word_end:
            return False
        if position == offset:
            return True
        position = word_end
    return True


@lru_cache(maxsize=65536)
def _head_in_window(window: str, start: int, end: int) -> bool:
    position = 0
    boundaries = {0}
    long_word_ends: set[int] = set()
    for word in jieba.cut(window, HMM=False):
        if position < start and (
            len(word) >= PROPER_WORD or (end - start == 1 and _unit_word(word))
        ):
            long_word_ends.add(position + len(word))
        position += len(word)
        boundaries.add(position)
    return end in boundaries and (start in boundaries or end in long_word_ends)


def _unit_word(word: str) -> bool:
    """供应司, 财务司: a common word and a one-character head make one jieba word; 西南部,
    内外部 name a part of a place, not a unit."""
    return (
        len(word) == UNIT_WORD
        and _dictionary().get(word[:-1], 0) >= COMMON_PAIR
        and not set(word[:-1]) <= DIRECTIONS
    )


@lru_cache(maxsize=65536)
def tagged_words(clause: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of ``clause`` with their part-of-speech tags (no HMM guesses)."""
    return tuple((pair.word, pair.flag) for pair in pseg.cut(clause, HMM=False))


def first_tag(text: str) -> str:
    """The part of speech of the first word of ``text`` ("" if none)."""
    words = tagged_words(text)
    return words[0][1] if words else ""
