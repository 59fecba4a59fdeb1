"""Helpers shared by the relation rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kg.nlp.gazetteer import UN_KEY
from kg.nlp.model import Mention
from kg.relations.model import Assertion, Predicate
from kg.relations.sentence import ACTORS, Sentence

BY = "由"
# 在妇女署的技术支持下: the kind of help written before the help word
HELP_KIND = "(?:技术|财政|资金|大力|慷慨|持续)?"
LED_BY = re.compile(r"(?:共同)?(?:牵头|领导|召集|主持|发起|管理)的“?")


def assertion(
    sentence: Sentence,
    subject: Mention | str,
    predicate: Predicate,
    obj: Mention | str,
    rule: str,
    confidence: float,
) -> Assertion:
    """An assertion evidenced by ``sentence``; ends given as mentions or entity keys.

    An end that the sentence names only by an anaphor (该举措, 会议) marks the rule
    "+anaphora" and lowers the confidence: the name stands in an earlier sentence.
    """
    if any(getattr(end, "rule", "") == "anaphora" for end in (subject, obj)):
        rule, confidence = f"{rule}+anaphora", round(confidence * 0.8, 2)
    return Assertion(
        subject if isinstance(subject, str) else subject.key,
        predicate,
        obj if isinstance(obj, str) else obj.key,
        sentence.paragraph,
        sentence.value,
        sentence.start,
        sentence.end,
        rule,
        confidence,
    )


def first_trigger(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    """Position of the first of ``words`` in text[start:end], or -1."""
    found = [position for word in words if (position := text.find(word, start, end)) >= 0]
    return min(found) if found else -1


def first_free_trigger(
    sentence: Sentence,
    words: tuple[str, ...],
    start: int,
    end: int,
    names: Iterable[Mention] | None = None,
) -> int:
    """Position of the first of ``words`` in sentence.text[start:end] that is not part of a
    name (联合 in 联合国, 合作 in 经济合作与发展组织), or -1. ``names`` are the mentions
    whose insides are skipped (all the sentence's mentions by default)."""
    text = sentence.text
    spans = [
        (m.start, m.end)
        for m in (sentence.mentions if names is None else names)
        if m.end > start and m.start < end
    ]
    found = -1
    for word in words:
        position = text.find(word, start, end)
        while position >= 0 and any(a <= position < b for a, b in spans):
            position = text.find(word, position + 1, end)
        if position >= 0 and (found < 0 or position < found):
            found = position
    return found


def first_per_pair(found: Iterable[Assertion]) -> Iterator[Assertion]:
    """The first assertion of each (subject, object) pair: the rules run in order of trust."""
    seen: set[tuple[str, str]] = set()
    for item in found:
        if (item.subject, item.object) not in seen:
            seen.add((item.subject, item.object))
            yield item


def led_by(sentence: Sentence, led: Mention) -> list[Mention]:
    """The bodies of 由A(和B)牵头/领导/召集/主持/发起的 written right before ``led``."""
    text = sentence.text
    lead = LED_BY.search(text, max(sentence.start, led.start - 6), led.start)
    if lead is None or lead.end() != led.start:
        return []
    leaders = sentence.enumeration_before(lead.start(), *ACTORS)
    if not leaders or not text.endswith(BY, 0, leaders[0].start):
        return []
    return [m for m in leaders if m.key != UN_KEY]


# （AIRCOP）: a name's short form in brackets right after it, where one is written
SHORT_FORM_AFTER = r"(?:[（(][^（）()]{1,20}[）)])?"


def done_by(verbs: str) -> re.Pattern:
    """The pattern of 由A、B和C(共同)V written after what they do it to (X由A和B共同实施,
    X（短称）由…, X，由A牵头): the actors in group ``actors``; ``verbs`` an alternation of
    the verbs V. A verb listed on (组织、, 组织和) ends a name of the list (教科文组织),
    not the list."""
    return re.compile(
        rf"{SHORT_FORM_AFTER}，?(?:目前|现在|主要|将|已|则|均)?"
        rf"由(?P<actors>[^，。；由]{{2,80}}?)(?:共同|联合)?(?:{verbs})(?![、和及与])"
    )


def listed_in(sentence: Sentence, match: re.Match, group: str = "actors") -> list[Mention]:
    """The actors listed from the start of ``match``'s ``group``, as one enumeration
    (由A、B和C共同实施: A, B and C), the UN itself left out. A name the group's end
    cuts (由开发署和世卫组织主办: 组织 read as the verb) is listed whole."""
    listed = sentence.enumeration_after(match.start(group), *ACTORS)
    return [m for m in listed if m.start < match.end(group) and m.key != UN_KEY]


def occurrences(text: str, word: str, start: int, end: int) -> Iterator[int]:
    """Where ``word`` is written in ``text[start:end]``, left to right, without overlaps."""
    position = text.find(word, start, end)
    while position >= 0:
        yield position
        position = text.find(word, position + len(word), end)
