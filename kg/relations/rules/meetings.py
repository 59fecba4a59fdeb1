"""heldIn and adopts: where a meeting took place, and what a body adopted.

heldIn: 在 PLACE（日期）举行/召开/举办(了/的) MEETING, or MEETING … 在 PLACE 举行.
adopts: the body a numbered resolution or decision names (麻醉药品委员会第 50/8 号
决议; 会议在其第 4/1 号决定中); or BODY 通过/核可/批准(了) a resolution or instrument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion, first_free_trigger
from kg.relations.sentence import Sentence, triggers

VENUES = (EntityType.CITY, EntityType.COUNTRY)
AT_PLACE = ("在", "于")  # 在维也纳举行, 2019年1月18日于维也纳举行的讲习班
# Between the place and the verb: a date or time ("于2008年10月13日至17日").
DATE_GAP = re.compile(r"[\d年月日至\-—～于到、和及初底中下上旬期间\s]{0,24}")
ONLINE = re.compile(r"(?:和|及)(?:在)?(?:线上|网上|在线)")
AT_MEETING = re.compile(r"(?:上|期间|框架内|会上)")
AFTER_VERB = re.compile(r"(?:了|的|过)?(?:一次|一个|一系列|一些|首次)?")
ADOPTED = (EntityType.RESOLUTION, EntityType.INSTRUMENT)
ADOPTERS = (EntityType.ORGANIZATION, EntityType.MEETING)
TITLED = re.compile(r"题为[“《]?")  # a meeting's text named by its title
DATED = re.compile(r"\d{4}\s?年(?:\d{1,2}\s?月)?(?:\d{1,2}\s?日)?的?")
# 于2019年6月21日在日内瓦: when (and where) the body adopted what follows
WHEN = re.compile(
    r"(?:已|还|也)?[于在]?\d{4}\s?年(?:\d{1,2}\s?月)?(?:\d{1,2}\s?日)?(?:在[^，。；]{1,12}?)?(?:已|还|也)?"
)
AT_OPENING = re.compile(r"(?:上|期间)，")  # 在X会议上，…
CONTAINS = "载有"  # 载有《宪章》的第3281(XXIX)号决议: the resolution holds the instrument
OF = "的"


def held_in(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    for meeting in sentence.of(EntityType.MEETING):
        for venue in _venues(sentence):
            first, last = venue[0], venue[-1]
            verb = _hold_verb(text, last.end, sentence.end)
            if verb is None:
                if meeting.start == last.end and AT_MEETING.match(text, meeting.end):
                    # 在日内瓦人权理事会第五十二届会议期间/上/框架内: the place is its venue
                    for place in venue:
                        yield assertion(
                            sentence, meeting, Predicate.HELD_IN, place, "held-in:在…会议上", 0.8
                        )
                continue
            verb_end = verb[1]
            if last.end <= meeting.start and AFTER_VERB.fullmatch(text[verb_end : meeting.start]):
                rule, confidence = "held-in:在…举行…会议", 0.9
            elif (
                meeting.end <= first.start
                and _same_clause(sentence, meeting.end, first.start)
                and not text.startswith("的", verb_end)  # 在维也纳举行的X: X was held there
            ):
                rule, confidence = "held-in:会议…在…举行", 0.85
            else:
                continue
            for place in venue:
                yield assertion(sentence, meeting, Predicate.HELD_IN, place, rule, confidence)


def _venues(sentence: Sentence) -> Iterator[list]:
    """Places written after 在 or 于, a country and its city together (在印度尼西亚杜阿岛)."""
    places = sorted(sentence.of(*VENUES), key=lambda m: m.start)
    text = sentence.text
    for index, place in enumerate(places):
        if text[max(sentence.start, place.start - 1) : place.start] not in AT_PLACE:
            continue
        venue = [place]
        for following in places[index + 1 :]:
            if following.start != venue[-1].end:
                break
            venue.append(following)
        yield venue


def _hold_verb(text: str, start: int, end: int) -> tuple[int, int] | None:
    online = ONLINE.match(text, start, end)  # 在曼谷和在线上举行: a hybrid meeting
    start = online.end() if online else start
    gap = DATE_GAP.match(text, start, end)
    position = gap.end() if gap else start
    for word in triggers("hold"):
        if text.startswith(word, position):
            return position, position + len(word)
    return None


def _same_clause(sentence: Sentence, start: int, end: int) -> bool:
    return end <= sentence.clause_of(start)[1]


def adopted_by_issuing_body(sentence: Sentence) -> Iterator[Assertion]:
    """大会第 60/288 号决议: the body that issued a numbered resolution adopted it, also
    where the resolution is written inside a longer name (…第1540(2004)号决议所设委员会)."""
    nested = [m for m in sentence.nested if m.type is EntityType.RESOLUTION]
    for resolution in [*sentence.of(EntityType.RESOLUTION), *nested]:
        titled = _titled_by(sentence, resolution)
        if titled is not None:
            body, instruments = titled
            yield assertion(
                sentence, body, Predicate.ADOPTS, resolution, "adopts:body-date-title", 0.85
            )
            for instrument in instruments:
                # 大会…题为“2030年议程”的第70/1号决议: the body adopted what it titles
                yield assertion(sentence, body, Predicate.ADOPTS, instrument, "adopts:title", 0.75)
            continue
        if not resolution.related:
            continue
        for instrument in _contained(sentence, resolution):
            # 重申其…载有《各国经济权利和义务宪章》的第3281(XXIX)号决议: adopted with it
            yield assertion(
                sentence, resolution.related, Predicate.ADOPTS, instrument, "adopts:contained", 0.75
            )
        named = (m for m in sentence.mentions if m.rule != "anaphora")
        if any(m.key == resolution.related for m in named) or _names_body(resolution):
            yield assertion(
                sentence,
                resolution.related,
                Predicate.ADOPTS,
                resolution,
                "adopts:issuing-body",
                0.9,
            )
        else:
            # 会议在其第 4/1 号决定中: the body is the one the text was talking about
            yield assertion(
                sentence, resolution.related, Predicate.ADOPTS, resolution, "adopts:anaphora", 0.7
            )


# 大会2015年7月27日关于《…》的第69/313号决议: the body, a date, a title, then the number
BODY_DATE_TITLE = re.compile(
    r"(?:在)?(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)?(?:题为|关于)?(?P<title>[^，。；]{0,80}?)的$"
)


TITLE_OPENERS = ("1", "2", "在", "题为", "关于")


def _titled_by(sentence: Sentence, resolution):
    """The body written before a resolution's number, with its date and title between
    (大会2015年12月16日题为《…》的第70/125号决议), when the resolution does not name it
    itself; and the instruments its title names."""
    if not resolution.text.startswith("第"):
        return None
    text = sentence.text
    bodies = [
        m for m in sentence.of(EntityType.ORGANIZATION)
        if m.end <= resolution.start and resolution.start - m.end <= 90
    ]  # fmt: skip
    for body in reversed(bodies):
        gap = BODY_DATE_TITLE.fullmatch(text, body.end, resolution.start)
        if gap is not None and gap.group(0).startswith(TITLE_OPENERS):
            break
    else:
        return None
    instruments = sentence.inside(gap, "title", EntityType.INSTRUMENT)
    return body, instruments


def _contained(sentence: Sentence, resolution) -> list:
    """The instruments a resolution is said to contain (载有《X》(和《Y》)的第N号决议)."""
    text = sentence.text
    clause_start, _ = sentence.clause_of(resolution.start)
    contains = text.rfind(CONTAINS, clause_start, resolution.start)
    if contains < 0 or not text.startswith(OF, resolution.start - 1):
        return []
    inside = [
        m for m in sentence.of(EntityType.INSTRUMENT)
        if contains < m.start and m.end <= resolution.start - 1
    ]  # fmt: skip
    if not inside or inside[-1].end != resolution.start - 1:
        return []
    return inside


def _names_body(resolution) -> bool:
    """The resolution's own text starts with its body (大会第 60/288 号决议)."""
    return not resolution.text.startswith(("第", "1", "2", "3", "4", "5", "6", "7", "8", "9"))


def adopted_by_name(sentence: Sentence) -> Iterator[Assertion]:
    """妇女地位委员会第六十五届会议商定结论, …高级别会议的政治宣言: an outcome named by
    the session that opens its name was adopted there."""
    for outcome in sentence.of(EntityType.INSTRUMENT):
        for meeting in sentence.nested:
            if (
                meeting.type is EntityType.MEETING
                and meeting.start == outcome.start
                and meeting.end < outcome.end
            ):
                yield assertion(sentence, meeting, Predicate.ADOPTS, outcome, "adopts:name", 0.8)


def adopts(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    words = triggers("adopt")
    for adopter in sentence.of(*ADOPTERS):
        for adopted in sentence.of(*ADOPTED):
            if adopted.start <= adopter.end or adopted.related:
                continue
            if adopted.start > sentence.clause_of(adopter.end)[1]:
                continue
            verb = first_free_trigger(sentence, words, adopter.end, adopted.start)
            # the body adopts: its own verb, right after it (支持批准《公约》 is no adoption)
            # or after the date it did (国际劳工组织2019年6月21日通过的《宣言》)
            near = verb >= 0 and (
                verb - adopter.end <= 4 or WHEN.fullmatch(text, adopter.end, verb) is not None
            )
            if near and adopted.start - verb <= 8:
                yield assertion(sentence, adopter, Predicate.ADOPTS, adopted, "adopts:verb", 0.75)
                continue
            relative = _relative_clause(text, words, verb, adopted.start)
            if near and relative is not None:
                # …会议第一期会议通过并经大会…核可的《多哈行动纲领》: the meeting adopted it,
                # the body that endorsed it too
                yield assertion(sentence, adopter, Predicate.ADOPTS, adopted, "adopts:verb", 0.75)
                endorser = _endorser(sentence, *relative.span("endorser"))
                if endorser is not None:
                    yield assertion(
                        sentence, endorser, Predicate.ADOPTS, adopted, "adopts:endorsed", 0.7
                    )
            elif (
                adopted.type is EntityType.INSTRUMENT
                and adopter.type is EntityType.ORGANIZATION
                and text.startswith("《", adopted.start)
                and DATED.fullmatch(text, adopter.end, adopted.start)
            ):
                # 国际劳工组织2019年《关于劳动世界的未来百年宣言》: the body's text of that year
                yield assertion(
                    sentence, adopter, Predicate.ADOPTS, adopted, "adopts:dated-title", 0.7
                )
            elif adopter.type is EntityType.MEETING and TITLED.fullmatch(
                text, adopter.end, adopted.start
            ):
                # 联合国可持续发展大会题为“我们希望的未来”的成果文件: the meeting's text
                yield assertion(sentence, adopter, Predicate.ADOPTS, adopted, "adopts:title", 0.75)
    yield from _adopted_at(sentence, words)
    yield from _adopted_after(sentence, words)


def _adopted_after(sentence: Sentence, words: tuple[str, ...]) -> Iterator[Assertion]:
    """X于…在京都举行，(并)通过了《京都宣言》: the subject of the sentence adopts what a
    later clause opening with the verb (after 并 or a bare comma) says was adopted."""
    text = sentence.text
    subject = sentence.subject(*ADOPTERS)
    if subject is None:
        return
    for joined in COORDINATED.finditer(text, subject.end, sentence.end):
        verb = next((joined.end() for w in words if text.startswith(w, joined.end())), -1)
        if verb < 0:
            continue  # ，并通过了: the verb opens the joined clause
        if any(subject.end <= m.start < joined.start() for m in sentence.of(*ADOPTERS)):
            continue  # another body or meeting between: the clause may be its own
        for adopted in sentence.of(*ADOPTED):
            if verb < adopted.start <= verb + 8 and not adopted.related:
                yield assertion(
                    sentence, subject, Predicate.ADOPTS, adopted, "adopts:coordinated", 0.7
                )


# ，并通过了 (，通过了): a clause sharing the sentence's subject
COORDINATED = re.compile(r"，(?:并|并且|还|随后)?")
# 通过并经大会2022年4月1日第76/258号决议核可的《…》: adopted, then endorsed by a body
RELATIVE_TAIL = re.compile(r"(?:并经(?P<endorser>[^，。；]{1,60}?)(?:核可|批准|认可|赞同))?的")


def _relative_clause(text: str, words: tuple[str, ...], verb: int, adopted: int):
    """The match of 通过(并经…核可)的 between the adopter's verb and what it adopted."""
    if verb < 0:
        return None
    word = next(w for w in words if text.startswith(w, verb))
    return RELATIVE_TAIL.fullmatch(text, verb + len(word), adopted)


def _endorser(sentence: Sentence, start: int, end: int):
    """The body of 并经…核可: named there, or issuing the resolution named there."""
    if start < 0:
        return None
    for mention in (*sentence.of(EntityType.ORGANIZATION, EntityType.RESOLUTION), *sentence.nested):
        if start <= mention.start < end:
            if mention.type is EntityType.ORGANIZATION:
                return mention
            if mention.type is EntityType.RESOLUTION and mention.related:
                return mention.related
    return None


# X会议，会上通过了…: the clause after the meeting looks back to it
AT_IT = re.compile(r"[，,](?:在)?(?:(?:该次?会议|这次会议|会议)(?:上|期间)|会上)，?")


def _adopted_at(sentence: Sentence, words: tuple[str, ...]) -> Iterator[Assertion]:
    """在X会议上，成员国通过了《宣言》; …举行了X会议，会上通过了《宣言》: what is
    adopted at a meeting the sentence opens with, or the clause after it looks back to,
    the meeting adopts."""
    text = sentence.text
    for meeting in sentence.of(EntityType.MEETING):
        opening = AT_OPENING.match(text, meeting.end)
        back = AT_IT.match(text, meeting.end)  # …举行了X会议，会上通过了《宣言》
        if back is not None:
            opening = back
        elif text[meeting.start - 1 : meeting.start] != "在" or opening is None:
            continue
        if back is None and meeting.start - 1 > sentence.clause_of(sentence.start)[1]:
            continue  # the meeting opens the sentence (or its first clause)
        _, clause_end = sentence.clause_of(opening.end())
        verb = first_free_trigger(sentence, words, opening.end(), clause_end)
        if verb < 0 or text.startswith("的", verb + 2):
            continue
        for adopted in sentence.of(*ADOPTED):
            if verb < adopted.start <= verb + 8 and adopted.end <= clause_end:
                yield assertion(sentence, meeting, Predicate.ADOPTS, adopted, "adopts:at", 0.7)


def adopted_at_session(
    assertions: Iterable[Assertion], sessions: dict[tuple[str, int], str], numbers: dict[str, int]
) -> Iterator[Assertion]:
    """A body's decision N/M was adopted at its Nth session, when the document names
    that session (缔约方会议第四届会议 adopts 第4/1号决定): ``sessions`` maps (body, N)
    to the session's key, ``numbers`` a resolution's key to its session number N."""
    for item in assertions:
        if item.predicate is not Predicate.ADOPTS:
            continue
        session = sessions.get((item.subject, numbers.get(item.object, 0)))
        if session is not None and session != item.subject:
            yield replace(item, subject=session, rule="adopts:session", confidence=0.6)
