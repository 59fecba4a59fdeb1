"""Who takes part in the meeting a document is for: in a summary record, the States whose
representatives speak (史密斯女士（澳大利亚）说 in the record of 第六委员会第12次会议) and the
States and groups they speak for (以77国集团的名义发言: the speaker's State is in the group); in a
draft, the States or groups that submit it to the session its masthead names
(古巴：决议草案); in a letter, the States that write it take part in the meeting they ask
it to be circulated for (请将本函作为…的文件分发以便其2023年实质性会议审议); a resolution's
front line naming the meeting that adopted it (…安全理事会第9360次会议通过) says so."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.document import Document
from kg.nlp.extract import Extraction
from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion
from kg.relations.sentence import Sentence, triggers

FRONT = "front:"
DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月")
# 第12次会议: a numbered meeting of a body, as a summary record's masthead names it
NUMBERED_MEETING = re.compile(r"第\s*\d+\s*次会议$")
# 也代表…发言, 随后说: an adverb between the speaker and the verb
SPEAKER_ADVERB = "(?:也|还|则|又|随后|接着)?"
# 史密斯女士（澳大利亚）说: a speaker's title, the State (or body and post) in brackets, the
# reporting verb (or 以…的名义, on whose behalf)
SPEAKER = re.compile(
    "(?:{titles})\\s*[（(](?P<state>[^（）()]{{2,40}})[）)]\\s*{adverb}(?:{verbs}|以[^，。；：]{{2,80}}?的名义)".format(
        adverb=SPEAKER_ADVERB,
        titles="|".join(map(re.escape, triggers("speaker-title"))),
        verbs="|".join(map(re.escape, triggers("speaker-verb"))),
    )
)


# Rules that tie a sentence to what the front matter names and the sentence does not: a
# speaker or sponsor to the masthead's meeting, a session to the venue on its date line, a
# letter's writers to the meeting it is circulated for
MASTHEAD_RULES = frozenset(
    {"participates:speaker", "participates:speaker-body", "participates:representative",
     "participates:on-behalf", "participates:sponsor", "held-in:front", "participates:letter",
     "participates:letter-role"}
)  # fmt: skip


# 以阿拉伯国家集团的名义发言, 代表澳大利亚、加拿大和新西兰发言: on whose behalf one speaks
ON_BEHALF = re.compile(
    rf"\s*{SPEAKER_ADVERB}(?:以|代表)(?P<behalf>[^，。；：]{{2,80}}?)(?:的名义)?(?:发言|说)"
)


def record_meeting(sessions: tuple[str, ...], extraction: Extraction) -> str:
    """Of the front matter's ``sessions``, the numbered meeting a summary record is of ("" if
    none)."""
    return next(
        (k for k in sessions if NUMBERED_MEETING.search(extraction.entities[k].label_zh)), ""
    )


# 德国代表以欧洲联盟的名义发言, 肯尼亚代表团介绍了: a State's representative speaking
REPRESENTATIVE = re.compile(
    "代表团?(?:[^，。；：]{{0,4}}?(?:{verbs})|以(?P<behalf>[^，。；：]{{2,80}}?)的名义)".format(
        verbs="|".join(map(re.escape, triggers("speaker-verb")))
    )
)


def speakers(sentence: Sentence, meeting: str) -> Iterator[Assertion]:
    """Each State a speaker represents takes part in the record's meeting."""
    if not meeting:
        return
    for state in sentence.of(EntityType.COUNTRY):
        spoken = REPRESENTATIVE.match(sentence.text, state.end)
        if spoken is None:
            continue
        yield assertion(
            sentence, state, Predicate.PARTICIPATES_IN, meeting, "participates:representative", 0.8
        )
        if spoken.group("behalf") is not None:
            for party in sentence.inside(spoken, "behalf", EntityType.ORGANIZATION):
                yield assertion(
                    sentence, party, Predicate.PARTICIPATES_IN, meeting,
                    "participates:on-behalf", 0.8,
                )  # fmt: skip
    for speaker in SPEAKER.finditer(sentence.text, sentence.start, sentence.end):
        states = sentence.inside(speaker, "state", EntityType.COUNTRY)
        for state in states:
            yield assertion(
                sentence, state, Predicate.PARTICIPATES_IN, meeting, "participates:speaker", 0.85
            )
        if not states:
            # 米勒女士（欧洲联盟观察员）说: the speaker of a body
            for body in sentence.inside(speaker, "state", EntityType.ORGANIZATION)[:1]:
                yield assertion(
                    sentence, body, Predicate.PARTICIPATES_IN, meeting,
                    "participates:speaker-body", 0.75,
                )  # fmt: skip
        # the verb may be 代表/以 itself: read on behalf of whom from the bracket on
        behalf = ON_BEHALF.match(sentence.text, speaker.end("state") + 1)
        if behalf is None:
            continue
        for party in sentence.inside(behalf, "behalf", EntityType.COUNTRY, EntityType.ORGANIZATION):
            # 以阿拉伯国家集团的名义: the group the speaker's State belongs to speaks
            yield assertion(
                sentence, party, Predicate.PARTICIPATES_IN, meeting, "participates:on-behalf", 0.8
            )
            if party.type is EntityType.ORGANIZATION:
                for state in states:
                    yield assertion(
                        sentence, state, Predicate.PARTICIPATES_IN, party,
                        "participates:on-behalf", 0.75,
                    )  # fmt: skip


def front_sessions(document: Document, extraction: Extraction) -> tuple[str, ...]:
    """The keys of the meetings a document's front matter names (its sessions)."""
    front = {part.label for part in document.front}
    keys = []
    for mention in extraction.mentions:
        entity = extraction.entities.get(mention.key)
        if (
            mention.paragraph in front
            and entity is not None
            and entity.type is EntityType.MEETING
            and mention.key not in keys
        ):
            keys.append(mention.key)
    return tuple(keys)


def sponsors(sentence: Sentence, sessions: tuple[str, ...]) -> Iterator[Assertion]:
    """古巴：决议草案: the States and groups of a front line naming a draft submit it to, and
    so take part in, the sessions of the front matter."""
    if not sessions or not sentence.paragraph.startswith(FRONT):
        return
    text = sentence.text[sentence.start : sentence.end]
    if not any(word in text for word in triggers("draft")):
        return
    for sponsor in sentence.of(EntityType.COUNTRY, EntityType.ORGANIZATION):
        if sponsor.start and sentence.text[sponsor.start - 1] in "(（":
            continue  # 副主席某某(智利)提出的: a facilitator's country, not a sponsor
        for session in sessions:
            yield assertion(
                sentence, sponsor, Predicate.PARTICIPATES_IN, session, "participates:sponsor", 0.75
            )


def venues(sentence: Sentence, sessions: tuple[str, ...]) -> Iterator[Assertion]:
    """2023年4月3日至21日，纽约: a front line with the sessions' dates and a city says
    where they are held."""
    if not sessions or not sentence.paragraph.startswith(FRONT):
        return
    if not DATE.search(sentence.text, sentence.start, sentence.end):
        return
    for city in sentence.of(EntityType.CITY):
        for session in sessions:
            yield assertion(sentence, session, Predicate.HELD_IN, city, "held-in:front", 0.8)


# …常驻联合国代表(团)…给秘书长的信 / 的普通照会: a front line naming a letter and its writers
LETTER_LINE = re.compile(r"常驻联合国(?:代表团|代表)[^。]*?(?:的信|照会)(?P<list>[：:].*)?$")
WRITER_REACH = 2  # characters between a writing State and 常驻 (乌克兰常驻, 中国政府常驻 …)
# 请将本函作为…的文件分发以便其…会议审议: the document the letter is to be, and what for
CIRCULATED = re.compile(
    r"将本(?:函|信|照会)(?:及其附件)?(?P<use>[^。]{0,80}?)分发(?P<purpose>[^。；]{0,60})"
)


def letter_writers(opening: list[Sentence]) -> tuple[str, ...]:
    """The States that write a letter or note verbale: the one the line naming the letter
    (in the front matter or opening the text) names before 常驻联合国代表, or those listed
    after 下列国家常驻联合国代表…的信：."""
    for line in opening:
        letter = LETTER_LINE.search(line.text, line.start, line.end)
        if letter is None:
            continue
        last = [
            m for m in line.of(EntityType.COUNTRY)
            if m.end <= letter.start() and letter.start() - m.end <= WRITER_REACH
        ][-1:]  # fmt: skip
        # 澳大利亚、哥斯达黎加和荷兰常驻联合国代表给…的信: every State of the list writes
        listed = line.enumeration_before(last[0].end, EntityType.COUNTRY) if last else []
        writers = [m.key for m in listed or last]
        if letter.group("list") is not None:
            writers += [m.key for m in line.inside(letter, "list", EntityType.COUNTRY)]
        return tuple(dict.fromkeys(writers))
    return ()


# 我们谨以保护责任之友小组协调人的身份: the writers' role in a group
WRITERS_ROLE = re.compile(
    r"(?:我们|我|我国|本国)谨?以(?P<body>[^，。；]{2,40}?)(?:的)?"
    r"(?:协调人|共同主席|主席国|主席|成员国|成员)的身份"
)


def writers_take_part(sentence: Sentence, writers: tuple[str, ...]) -> Iterator[Assertion]:
    """The writers of a letter take part in the meeting they ask it to be circulated for,
    and in the group they write as coordinators or members of."""
    if not writers:
        return
    for role in WRITERS_ROLE.finditer(sentence.text, sentence.start, sentence.end):
        for group in sentence.inside(role, "body", EntityType.ORGANIZATION):
            for writer in writers:
                yield assertion(
                    sentence, writer, Predicate.PARTICIPATES_IN, group,
                    "participates:letter-role", 0.7,
                )  # fmt: skip
    for match in CIRCULATED.finditer(sentence.text, sentence.start, sentence.end):
        meetings = [
            *sentence.inside(match, "use", EntityType.MEETING),
            *sentence.inside(match, "purpose", EntityType.MEETING),
        ]
        for meeting in meetings:
            for writer in writers:
                yield assertion(
                    sentence, writer, Predicate.PARTICIPATES_IN, meeting,
                    "participates:letter", 0.7,
                )  # fmt: skip


# 2023年6月30日安全理事会第9360次会议通过: the meeting a resolution was adopted at
ADOPTED_AT_LINE = re.compile(r"会议(?:上)?(?:一致)?通过[。.]?\s*$")


def front_resolutions(document: Document, extraction: Extraction) -> tuple[str, ...]:
    """The keys of the resolutions a front line names alone (第2690(2023)号决议): the
    document's own."""
    lines = {part.label: part.text.strip() for part in document.front}
    return tuple(
        dict.fromkeys(
            m.key for m in extraction.mentions
            if m.paragraph in lines and m.type is EntityType.RESOLUTION
            and m.text.strip() == lines[m.paragraph]
        )
    )  # fmt: skip


def adopted_at(sentence: Sentence, resolutions: tuple[str, ...]) -> Iterator[Assertion]:
    """The meeting a front line says adopted the document's resolution adopts it."""
    if not resolutions or not sentence.paragraph.startswith(FRONT):
        return
    if not ADOPTED_AT_LINE.search(sentence.text, sentence.start, sentence.end):
        return
    for meeting in sentence.of(EntityType.MEETING):
        for resolution in resolutions:
            yield assertion(sentence, meeting, Predicate.ADOPTS, resolution, "adopts:front", 0.8)
