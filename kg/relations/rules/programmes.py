"""implements and targets: who runs a programme, and where it is aimed.

implements: the subject, an implement word (实施, 启动, 支持, 资助 …), then the
programme, in one clause; or the body right before its programme
(毒品和犯罪问题办公室的打击绑架方案); or 在 X 的支持下.
targets: a place in the programme's or meeting's own name (加勒比区域方案); or
在/为/向/针对 a place in the clause of the programme.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion, first_trigger
from kg.relations.sentence import ACTORS, PLACES, Sentence, triggers

POSSESSIVE = re.compile(r"的?")
SUPPORTED_BY = re.compile(r"在(?P<body>[^，。；在]{2,30}?)的(?:支持|支助|资助|协助)下")
ITS = re.compile(r"其[“”]?$")
AIMED = ("为", "向", "针对", "面向")


def implements(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    subject = sentence.subject(*ACTORS)
    words = triggers("implement")
    for programme in sentence.of(EntityType.PROGRAMME):
        owners = sentence.enumeration_before(programme.start, EntityType.ORGANIZATION, gap="的")
        for owner in owners:
            # 毒品和犯罪问题办公室与世界海关组织的集装箱管制方案: the bodies' own programme
            yield assertion(
                sentence, owner, Predicate.IMPLEMENTS, programme, "implements:possessive", 0.85
            )
        if subject is not None and ITS.search(text, sentence.start, programme.start):
            yield assertion(
                sentence, subject, Predicate.IMPLEMENTS, programme, "implements:its", 0.8
            )
            continue
        if subject is not None and subject.end <= programme.start and subject not in owners:
            clause_start, _ = sentence.clause_of(programme.start)
            lead_start = max(subject.end, clause_start)
            if first_trigger(text, words, lead_start, programme.start) >= 0:
                yield assertion(
                    sentence, subject, Predicate.IMPLEMENTS, programme, "implements:verb", 0.75
                )
                continue
        supported = SUPPORTED_BY.search(text, sentence.start, programme.start)
        if supported:
            bodies = [
                m
                for m in sentence.of(*ACTORS)
                if supported.start("body") <= m.start < supported.end("body")
            ]
            for body in bodies:
                yield assertion(
                    sentence, body, Predicate.IMPLEMENTS, programme, "implements:supported-by", 0.7
                )


def targets(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    for holder in sentence.of(EntityType.PROGRAMME, EntityType.MEETING):
        for key in places_in_name(holder.text):
            if key.startswith("city/"):
                continue  # 维也纳论坛, 巴黎公约举措: named after a city, not aimed at it
            yield assertion(sentence, holder, Predicate.TARGETS, key, "targets:name", 0.8)
        if holder.type is not EntityType.PROGRAMME:
            continue
        clause_start, clause_end = sentence.clause_of(holder.start)
        for place in sentence.of(*PLACES):
            if (
                not clause_start <= place.start < clause_end
                or holder.start <= place.start < holder.end
            ):
                continue
            lead = text[max(clause_start, place.start - 3) : place.start]
            if lead.endswith(AIMED):
                yield assertion(sentence, holder, Predicate.TARGETS, place, "targets:aimed", 0.65)


def places_in_name(name: str) -> list[str]:
    """Keys of the places named inside a name, longest match first, left to right."""
    places = load_gazetteer().names(*PLACES)
    found: list[str] = []
    index = 0
    while index < len(name):
        for length in range(min(12, len(name) - index), 1, -1):
            entity = places.get(name[index : index + length])
            if entity is not None:
                if entity.key not in found:
                    found.append(entity.key)
                index += length
                break
        else:
            index += 1
    return found
