"""worksOn: a body, programme or meeting addresses a threat.

* in the sentence: the subject, then a work word (打击, 预防, 处理, 关于 …) right
  before the threat or an enumeration of threats;
* in a name: 全球打击贩卖人口活动倡议 works on trafficking in persons;
* in the heading: a paragraph under 三. → C. 腐败 whose sentence has a body doing
  something, and names no threat itself, is about corruption.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion
from kg.relations.sentence import Sentence, triggers

WORKERS = (EntityType.ORGANIZATION, EntityType.PROGRAMME, EntityType.MEETING)
# What may stand between a work word and the threat: other threats and their joiners.
THREAT_GAP = re.compile(r"[、和及与或以及的等各种有关\s]{0,6}")
THREAT_JOINERS = re.compile(r"[、和及与或以及的等各种有关\s]+$")


def works_on(sentence: Sentence) -> Iterator[Assertion]:
    subject = sentence.subject(*WORKERS)
    if subject is None:
        return
    text = sentence.text
    words = triggers("work")
    threats = sorted(sentence.of(EntityType.THREAT), key=lambda m: m.start)
    reached = subject.end
    for threat in threats:
        if threat.start < subject.end:
            continue
        lead = text[reached : threat.start]
        bare = THREAT_JOINERS.sub("", lead)
        hit = any(bare.endswith(word) for word in words)
        if hit or (reached > subject.end and THREAT_GAP.fullmatch(lead)):
            yield assertion(sentence, subject, Predicate.WORKS_ON, threat, "work:verb+threat", 0.8)
            reached = threat.end


def works_on_sentence_topic(sentence: Sentence) -> Iterator[Assertion]:
    """A body acting in a sentence works on the threats the sentence names after it
    (毒品和犯罪问题办公室在…核恐怖主义、资助恐怖主义…等领域提供培训援助)."""
    subject = sentence.subject(EntityType.ORGANIZATION)
    if subject is None:
        return
    tail = sentence.text[subject.end : sentence.end]
    if not any(word in tail for word in triggers("assist") + triggers("implement")):
        return
    for threat in sentence.of(EntityType.THREAT):
        if threat.start >= subject.end:
            yield assertion(
                sentence, subject, Predicate.WORKS_ON, threat, "work:sentence-topic", 0.6
            )


def works_on_named_threat(sentence: Sentence) -> Iterator[Assertion]:
    for holder in sentence.of(*WORKERS):
        for threat in sentence.of(EntityType.THREAT):
            if holder.start <= threat.start and threat.end <= holder.end:
                yield assertion(sentence, holder, Predicate.WORKS_ON, threat, "work:name", 0.85)


def works_on_heading_topic(sentence: Sentence) -> Iterator[Assertion]:
    if not sentence.heading_threats or sentence.of(EntityType.THREAT):
        return
    subject = sentence.subject(EntityType.ORGANIZATION)
    if subject is None:
        return
    tail = sentence.text[subject.end : sentence.end]
    if not any(word in tail for word in triggers("implement") + triggers("assist")):
        return
    for threat in sentence.heading_threats:
        yield assertion(sentence, subject, Predicate.WORKS_ON, threat, "work:heading", 0.6)
