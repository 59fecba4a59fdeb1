"""Relations of the body whose document it is: the paragraphs of a resolution.

Each preambular and operative paragraph of a resolution opens with its verb (回顾,
深为关切, 重申, 请 …) and leaves the acting organ ("经济及社会理事会，") unsaid. In such
a paragraph that names no other actor before its verb, the organ is the subject:

* it works on the threats of a paragraph that opens with its concern (深为关切…粮食不安全…);
* it implements the instruments and programmes it resolves to carry out
  (重申决心…全面执行《行动纲要》).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion
from kg.relations.sentence import ACTORS, Sentence, triggers
from kg.text import clause_verbs

CARRIED_OUT = (EntityType.INSTRUMENT, EntityType.PROGRAMME)
OWN_MEETING = re.compile(r"第\d{1,3}次全体会议")  # a meeting no body is named for
OPENING = 8  # characters: 又表示严重关切, 深为关切
RESOLVE = "决心"
RESUMED = ("予以", "加以", "将其", "把它们")  # 予以执行: carries out what was named before


def document_subject(sentence: Sentence) -> Iterator[Assertion]:
    organ = sentence.document_subject
    if not organ:
        return
    for meeting in sentence.of(EntityType.MEETING):
        if OWN_MEETING.fullmatch(meeting.text):
            # 第26次全体会议 closing a resolution: the organ's own plenary meeting
            yield assertion(
                sentence, organ, Predicate.PARTICIPATES_IN, meeting, "document-subject:plenary",
                0.7,
            )  # fmt: skip
    if not _opens_with_verb(sentence):
        return
    text = sentence.text
    opening = text[sentence.start : sentence.start + OPENING]
    if any(word in opening for word in triggers("concern")):
        # 深为关切海地的…粮食不安全…: the organ is concerned with, so works on, the threat
        for threat in sentence.of(EntityType.THREAT):
            yield assertion(
                sentence, organ, Predicate.WORKS_ON, threat, "document-subject:concern", 0.6
            )
    yield from _agenda_items(sentence, organ)
    yield from _convened(sentence, organ)
    resolve = text.find(RESOLVE, sentence.start, sentence.end)
    if resolve < 0:
        return
    words = triggers("implement")
    items = sentence.of(*CARRIED_OUT)
    for item in items:
        lead = text[resolve : item.start]
        if item.start > resolve and any(word in lead for word in words):
            # 重申决心…全面执行《行动纲要》: the organ resolves to carry it out
            yield assertion(
                sentence, organ, Predicate.IMPLEMENTS, item, "document-subject:resolve", 0.6
            )
    after = text[resolve : sentence.end]
    if any(f"{pronoun}{word}" in after for pronoun in RESUMED for word in words):
        # 重申《战略》、《宣言》…，并重申决心…予以执行: what the paragraph named before
        for item in items:
            if item.start < resolve:
                yield assertion(
                    sentence, organ, Predicate.IMPLEMENTS, item, "document-subject:resolve", 0.6
                )


def _opens_with_verb(sentence: Sentence) -> bool:
    """The sentence opens with a resolution's verb, and no actor stands before it."""
    text = sentence.text
    opener = next((w for w in clause_verbs() if text.startswith(w, sentence.start)), "")
    if not opener:
        return False
    return not any(m.start < sentence.start + len(opener) for m in sentence.of(*ACTORS))


# 决定于2032年在日内瓦召开关于…的高级别会议: the organ convenes the meeting
CONVENES = re.compile(r"决定(?:[^，。；]{0,30}?)(?:召开|举行|举办|召集)(?:一次)?")


def _convened(sentence: Sentence, organ: str) -> Iterator[Assertion]:
    """决定…召开X会议: the organ whose text it is convenes, so takes part in, the meeting."""
    match = CONVENES.match(sentence.text, sentence.start)
    if match is None:
        return
    for meeting in sentence.of(EntityType.MEETING):
        if meeting.start == match.end():
            yield assertion(
                sentence, organ, Predicate.PARTICIPATES_IN, meeting, "document-subject:convene",
                0.6,
            )  # fmt: skip


# 在题为“非传染性疾病预防和控制”的分项下: the title of one of the organ's agenda items
AGENDA_TITLE = re.compile(r"题为“(?P<title>[^”]{2,60})”的(?:分项|项目|议程项目)")


def _agenda_items(sentence: Sentence, organ: str) -> Iterator[Assertion]:
    """请秘书长在题为“…”的项目中题为“非传染性疾病预防和控制”的分项下…提交报告: the organ
    deals with the threats its agenda items are titled after."""
    for match in AGENDA_TITLE.finditer(sentence.text, sentence.start, sentence.end):
        for threat in sentence.of(EntityType.THREAT):
            if match.start("title") <= threat.start and threat.end <= match.end("title"):
                yield assertion(
                    sentence, organ, Predicate.WORKS_ON, threat, "document-subject:agenda-item", 0.6
                )
