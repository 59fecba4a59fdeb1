"""locatedIn: where an institution or a centre sits.

* 设在/总部设在/位于 PLACE 的 X: the body written after 的;
* X（总部）设在/位于 PLACE: the body written before the verb, in the same clause;
* 驻 PLACE 的 X办事处: an office stationed in a place;
* 在 PLACE 建立/设立 X: where a body or centre was set up;
* a place in the name of an office, a mission or a centre (联合国西非办事处,
  维也纳非政府组织麻醉药品委员会): its seat. Regional and intergovernmental organisations
  and commissions named after their region (西非国家经济共同体, 非洲经济委员会) are not
  located there by their name, nor is a State's own institution named after the State
  (阿富汗禁毒事务部, 日本银行): no sentence says where it sits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion, occurrences
from kg.relations.rules.programmes import places_in_name
from kg.relations.sentence import PLACES, Sentence, triggers

SEATED = (EntityType.ORGANIZATION, EntityType.PROGRAMME)
# Kinds of body named after the region they serve, not the place they sit in.
SERVING_KINDS = frozenset({"regional", "intergovernmental", "financial", "un-commission"})
NATIONAL = "national"  # organizations.tsv kind of a State's own agency
OFFICE_HEADS = ("办事处", "办公室", "特派团", "援助团", "中心", "区域中心")
GROUP_HEADS = ("集团", "之友", "之友小组")
SET_UP = re.compile(r"(?:建立|设立|成立|开设)了?(?:一个|一所|一家)?")


def located_in(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    for word in triggers("seat"):
        for position in occurrences(text, word, sentence.start, sentence.end):
            places = sentence.enumeration_after(position + len(word), *PLACES)
            if places:
                after = places[-1].end
                if text.startswith("的", after):
                    # 设在曼谷的亚太经社会: the body follows 的
                    body = _first_after(sentence, after + 1)
                    rule = "located:设在…的"
                elif word == "驻":
                    # 驻斐济办事处: the office after the place sits there, not the body
                    # before it (亚太经社会修订了驻斐济办事处: its office, its target)
                    body = _first_after(sentence, after)
                    rule = "located:驻"
                else:
                    # 亚太经社会总部设在曼谷: the body stands before the verb, in its clause
                    body = _last_before(sentence, position)
                    rule = "located:…设在"
                if body is not None:
                    for place in places:
                        yield assertion(sentence, body, Predicate.LOCATED_IN, place, rule, 0.8)


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


def located_by_name(sentence: Sentence) -> Iterator[Assertion]:
    """The place inside the name of a national agency, an office or mission, or a centre
    is its seat (阿富汗禁毒事务部, 联合国西非办事处, 中亚区域信息和协调中心)."""
    gazetteer = load_gazetteer()
    for body in sentence.of(*SEATED):
        known = gazetteer.get(body.key)
        if known is not None and known.kind in (*SERVING_KINDS, NATIONAL):
            continue  # 美国国际开发署: a State's own agency, whatever its name says
        office = body.text.endswith(OFFICE_HEADS)
        if body.text.endswith(GROUP_HEADS):
            continue  # 里约集团, 维也纳之友小组: a group of States named where it first met
        if body.type is EntityType.PROGRAMME and not office:
            continue  # 加勒比区域方案 serves a region; a centre sits in one
        inside = places_in_name(body.text, body.key)
        topics = {key for key in inside if _topic(body.text, key)}
        for place in inside:
            if (place.startswith("region/") and not office) or place in topics:
                continue  # 东非警察局长组织 serves its region; 海地问题…小组 works on Haiti
            if _of_the_state(body.text, place):
                continue  # 阿富汗禁毒事务部, 日本银行: the State's own, no seat to tell
            yield assertion(sentence, body, Predicate.LOCATED_IN, place, "located:name", 0.7)


def _of_the_state(name: str, place: str) -> bool:
    """Does ``name`` open with the country ``place``, as a State's own institution does?
    An international body's office names its place after its own name (联合国海地稳定
    特派团, 妇女署吉尔吉斯斯坦办事处)."""
    country = load_gazetteer().get(place)
    if country is None or country.type is not EntityType.COUNTRY:
        return False
    written = next((n for n in country.names if name.startswith(n)), "")
    # 马耳他国际老龄问题研究所: an international institute the State hosts
    return bool(written) and not name.startswith(INTERNATIONAL, len(written))


INTERNATIONAL = "国际"


def set_up_in(sentence: Sentence) -> Iterator[Assertion]:
    """在奥地利建立国际反腐败学院: the body was set up in the place."""
    text = sentence.text
    for place in sentence.of(*PLACES):
        if text[place.start - 1 : place.start] != "在":
            continue
        verb = SET_UP.match(text, place.end)
        if verb is None:
            continue
        for body in sentence.of(*SEATED):
            if body.start == verb.end():
                yield assertion(
                    sentence, body, Predicate.LOCATED_IN, place, "located:在…建立", 0.75
                )


def _topic(name: str, key: str) -> bool:
    """海地问题特设咨询小组: the place is the body's topic (X问题), not its seat."""
    entry = load_gazetteer().get(key)
    return entry is not None and any(f"{written}问题" in name for written in entry.names)
