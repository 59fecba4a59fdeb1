"""locatedIn: where an institution or a centre sits.

* 设在/总部设在/位于 PLACE 的 X: the body written after 的;
* X（总部）设在/位于 PLACE: the body written before the verb, in the same clause;
* 驻 PLACE 的 X办事处: an office stationed in a place.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion
from kg.relations.sentence import PLACES, Sentence, triggers

SEATED = (EntityType.ORGANIZATION, EntityType.PROGRAMME)


def located_in(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    for word in triggers("seat"):
        position = text.find(word, sentence.start, sentence.end)
        while position >= 0:
            places = sentence.enumeration_after(position + len(word), *PLACES)
            if places:
                after = places[-1].end
                if text.startswith("的", after):
                    # 设在曼谷的亚太经社会: the body follows 的
                    body = _first_after(sentence, after + 1)
                    rule = "located:设在…的"
                else:
                    # 亚太经社会总部设在曼谷: the body stands before the verb, in its clause
                    body = _last_before(sentence, position)
                    rule = "located:…设在"
                if body is not None:
                    for place in places:
                        yield assertion(sentence, body, Predicate.LOCATED_IN, place, rule, 0.8)
            position = text.find(word, position + len(word), sentence.end)


def _first_after(sentence: Sentence, position: int):
    seated = [m for m in sentence.of(*SEATED) if m.start == position]
    return seated[0] if seated else None


def _last_before(sentence: Sentence, position: int):
    clause_start, _ = sentence.clause_of(position)
    seated = [m for m in sentence.of(*SEATED) if clause_start <= m.start and m.end <= position]
    if not seated:
        return None
    body = seated[-1]
    gap = sentence.text[body.end : position]
    return body if len(gap) <= MAX_GAP else None


MAX_GAP = 6  # characters between the body and 设在 (其总部, 的秘书处)
