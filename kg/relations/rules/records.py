"""Summary records: the States whose representatives speak take part in the meeting the
record is of (史密斯女士（澳大利亚）说 in the record of 第六委员会第12次会议)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.document import Document
from kg.nlp.extract import Extraction
from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion
from kg.relations.sentence import Sentence, triggers

# 第12次会议: a numbered meeting of a body, as a summary record's masthead names it
NUMBERED_MEETING = re.compile(r"第\s*\d+\s*次会议$")
# 史密斯女士（澳大利亚）说: a speaker's title, the State in brackets, the reporting verb
SPEAKER = re.compile(
    "(?:{titles})\\s*[（(](?P<state>[^（）()]{{2,20}})[）)]\\s*(?:{verbs})".format(
        titles="|".join(map(re.escape, triggers("speaker-title"))),
        verbs="|".join(map(re.escape, triggers("speaker-verb"))),
    )
)


def record_meeting(document: Document, extraction: Extraction) -> str:
    """The key of the numbered meeting a summary record's front matter names, or ""."""
    front = {part.label for part in document.front}
    for mention in extraction.mentions:
        entity = extraction.entities.get(mention.key)
        if (
            mention.paragraph in front
            and entity is not None
            and entity.type is EntityType.MEETING
            and NUMBERED_MEETING.search(entity.label_zh)
        ):
            return mention.key
    return ""


def speakers(sentence: Sentence, meeting: str) -> Iterator[Assertion]:
    """Each State a speaker represents takes part in the record's meeting."""
    if not meeting:
        return
    for speaker in SPEAKER.finditer(sentence.text, sentence.start, sentence.end):
        for state in sentence.of(EntityType.COUNTRY):
            if speaker.start("state") <= state.start and state.end <= speaker.end("state"):
                yield assertion(
                    sentence, state, Predicate.PARTICIPATES_IN, meeting, "participates:speaker",
                    0.85,
                )  # fmt: skip
