"""From a document and its entities to assertions: every rule over every sentence."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.document import Document
from kg.ids import entity_key, heading_key
from kg.nlp.extract import Extraction, text_parts
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.model import Entity, EntityType, Mention
from kg.relations.model import SYMMETRIC, Assertion, Predicate
from kg.relations.rules import RULES
from kg.relations.rules.base import first_trigger
from kg.relations.rules.meetings import adopted_at_session
from kg.relations.rules.records import (
    adopted_at,
    front_resolutions,
    front_sessions,
    letter_writers,
    record_meeting,
    speakers,
    sponsors,
    venues,
    writers_take_part,
)
from kg.relations.rules.routes import actors_on_routes, find_routes, routes
from kg.relations.sentence import Sentence, resolve_anaphors, sentences, triggers
from kg.text import chinese_numeral, clause_verbs, matching_form

SESSION_NUMBER = re.compile(r"第([一二三四五六七八九十]+)届(?:特别)?会议$")
# 第4/1号决定: session 4; I (70)号决定: a regional commission's decision of its session 70
DECISION_NUMBER = re.compile(r"(?:第(\d{1,2})/\d{1,3}|[A-Z] \((\d{1,3})\))号(?:决定|决议)$")
# What an actor does about a threat or for a programme, place or body
RESPONSES = frozenset(
    {Predicate.WORKS_ON, Predicate.TARGETS, Predicate.SUPPORTS, Predicate.IMPLEMENTS,
     Predicate.DONOR_TO}
)  # fmt: skip
ARMED_GROUP = "armed-group"
# Rules that read a relation from a name (人居署加强城市安全方案: UN-Habitat runs it), not
# from what a sentence says: the name says it once, however often the document repeats it.
ONCE_PER_DOCUMENT = frozenset({"implements:name"})


@dataclass(slots=True)
class Relations:
    """The assertions of one document, and the routes it describes."""

    assertions: list[Assertion] = field(default_factory=list)
    routes: dict[str, Entity] = field(default_factory=dict)
    # Known entities a relation names that the text mentions only inside a longer name
    # (安全理事会 in 安全理事会第1373 (2001)号决议, 加勒比 in 加勒比区域方案).
    referenced: dict[str, Entity] = field(default_factory=dict)

    def entities(self, extraction: Extraction) -> dict[str, Entity]:
        """Every entity the relations name: the document's, its routes, and referenced ones."""
        return {**self.referenced, **extraction.entities, **self.routes}

    def triples(self) -> set[tuple[str, Predicate, str]]:
        """Direct triples, both directions for symmetric predicates."""
        found = set()
        for item in self.assertions:
            found.add(item.triple)
            if item.predicate in SYMMETRIC:
                found.add((item.object, item.predicate, item.subject))
        return found

    def where(
        self,
        subject: str | None = None,
        predicate: Predicate | str | None = None,
        obj: str | None = None,
    ) -> list[Assertion]:
        wanted = Predicate(predicate) if predicate else None
        return [
            a
            for a in self.assertions
            if (subject is None or a.subject == subject)
            and (wanted is None or a.predicate is wanted)
            and (obj is None or a.object == obj)
        ]


def extract_relations(document: Document, extraction: Extraction) -> Relations:
    """Run every relation rule over every sentence of the document's paragraphs."""
    by_part: dict[str, list[Mention]] = defaultdict(list)
    nested_by_part: dict[str, list[Mention]] = defaultdict(list)
    for mention in extraction.mentions:
        (nested_by_part if mention.nested else by_part)[mention.paragraph].append(mention)
    relations = Relations()
    organ = _issuing_organ(document, extraction)
    front = list(_front_sentences(document, by_part, nested_by_part))
    sessions = front_sessions(document, extraction)
    meeting = _summarised_meeting(front, sessions) or record_meeting(sessions, extraction)
    writers = letter_writers([*front, *_opening_sentences(document, by_part)])
    own_resolutions = front_resolutions(document, extraction)
    seen: set[tuple[str, Predicate, str, str]] = set()
    stated: set[tuple[str, Predicate, str]] = set()  # what the document has said already
    known = set(extraction.entities)
    previous: list[Mention] = []  # the mentions of the paragraph before
    for paragraph in (*document.front, *document.paragraphs):
        heading_threats = _heading_keys(paragraph.heading_path, by_part, EntityType.THREAT)[-1:]
        heading_bodies = _heading_keys(paragraph.heading_path, by_part, EntityType.ORGANIZATION)
        countries = _footnote_countries(paragraph.footnotes, by_part)
        listed = tuple(
            (position, members)
            for position, marker in paragraph.citations
            if (members := _footnote_countries((marker,), by_part))
        )
        named = by_part[paragraph.label]
        text = matching_form(paragraph.text)
        mentions = named + resolve_anaphors(text, named, meeting, paragraph.label, previous)
        previous = mentions
        for sentence in sentences(
            paragraph.label, paragraph.text, mentions, heading_threats, heading_bodies, countries,
            nested_by_part[paragraph.label], organ, listed, meeting, text,
        ):  # fmt: skip
            found: list[Assertion] = []
            for rule in RULES:
                found.extend(rule(sentence))
            found.extend(speakers(sentence, meeting))
            found.extend(sponsors(sentence, sessions))
            found.extend(venues(sentence, sessions))
            found.extend(writers_take_part(sentence, writers))
            found.extend(adopted_at(sentence, own_resolutions))
            for route in find_routes(sentence):
                relations.routes.setdefault(route.key, _route_entity(route, paragraph.label))
                relations.routes[route.key].mentions.append(
                    Mention(
                        paragraph.label,
                        route.threat.start,
                        route.threat.end,
                        route.threat.text,
                        EntityType.ROUTE,
                        route.key,
                        "route",
                    )
                )
                found.extend(routes(sentence, route))
            for item in found:
                for end in (item.subject, item.object):
                    if end not in known and end not in relations.referenced:
                        _reference(end, relations, _convener_name(item, extraction))
            for item in found:
                if not _valid(item, known, relations):
                    continue
                key = (item.subject, item.predicate, item.object, item.paragraph)
                if key in seen or (item.rule in ONCE_PER_DOCUMENT and key[:3] in stated):
                    continue
                seen.add(key)
                stated.add(key[:3])
                relations.assertions.append(item)
    sessions, numbers = _sessions_and_numbers(extraction)
    later = [
        *actors_on_routes(relations.assertions, relations.routes),
        *adopted_at_session(relations.assertions, sessions, numbers),
    ]
    for item in later:
        key = (item.subject, item.predicate, item.object, item.paragraph)
        if key not in seen:
            seen.add(key)
            relations.assertions.append(item)
    return relations


def _front_sentences(document: Document, by_part, nested_by_part) -> Iterator[Sentence]:
    """Each line of the front matter (masthead, title, session, date and place) as one
    sentence, with its mentions: they say what the document is about."""
    for part in text_parts(document):
        if not part.label.startswith("front:"):
            break
        named = by_part[part.label]
        mentions = named + resolve_anaphors(matching_form(part.text), named, "", part.label)
        yield from sentences(part.label, part.text, mentions, nested=nested_by_part[part.label])


def _opening_sentences(document: Document, by_part) -> Iterator[Sentence]:
    """The sentences of the first paragraph, where a letter without a title line names
    itself (下列国家常驻联合国代表致…的信：…)."""
    for paragraph in document.paragraphs[:1]:
        yield from sentences(paragraph.label, paragraph.text, by_part[paragraph.label])


def _summarised_meeting(front: list[Sentence], sessions: tuple[str, ...]) -> str:
    """The meeting a document summarises: the last meeting its front matter names before
    a summary word (…主持召开的可持续发展高级别政治论坛的摘要, …第5次会议简要记录)."""
    words = triggers("summary")
    for line in front:
        position = first_trigger(line.text, words, line.start, line.end)
        if position < 0:
            continue
        before = [m for m in line.of(EntityType.MEETING) if m.end <= position]
        if before:
            return before[-1].key
    if len(sessions) != 1:
        return ""
    for line in front:
        # 执行委员会第七十四届会议报告: the report of the masthead's one session summarises
        # it (a report 提交…会议的 is written for a session, not of it)
        for name in line.of(EntityType.PUBLICATION, EntityType.MEETING):
            before = line.text[line.start : name.start]
            written = line.text[name.start : min(line.end, name.end + len("的报告"))]
            if SESSION_REPORT.search(written) and not before.endswith(triggers("submit-to")):
                return sessions[0]
    return ""


SESSION_REPORT = re.compile(r"(?:届会议?|次会议|会议)(?:的)?报告")


def _issuing_organ(document: Document, extraction: Extraction) -> str:
    """The organ that speaks in the document's unsaid subjects: a resolution or decision
    opens with a line that is the organ's name and a comma ("经济及社会理事会，"), alone or
    before its first verb (经济及社会理事会，回顾其…), and its paragraphs then open with
    their verbs. A report names its body in its front matter
    too, but its sentences have their own subjects."""
    body = document.metadata.body
    if not extraction.own_body or not body:
        return ""
    opening = (f"{body}，", f"{body},")
    for line in document.text.splitlines():
        line = line.strip().replace(" ", "")
        if line in opening:
            return extraction.own_body
        # 经济及社会理事会，回顾其…: a decision's organ and its first verb on one line
        if line.startswith(opening) and line[len(body) + 1 :].startswith(clause_verbs()):
            return extraction.own_body
    return ""


def _sessions_and_numbers(
    extraction: Extraction,
) -> tuple[dict[tuple[str, int], str], dict[str, int]]:
    """The sessions the document names, by (convening body, number), and the session
    number of each numbered decision or resolution (4 for 第4/1号决定)."""
    sessions: dict[tuple[str, int], str] = {}
    numbers: dict[str, int] = {}
    for mention in extraction.mentions:
        entity = extraction.entities.get(mention.key)
        if entity is None:
            continue
        if entity.type is EntityType.MEETING:
            ordinal = SESSION_NUMBER.search(entity.label_zh)
            if ordinal is not None:
                # a conference named only through its session (…缔约方会议第四届会议) has
                # the key its name gives it (`kg.nlp.context.DocumentContext.convener`)
                convener = mention.related or entity_key(
                    EntityType.ORGANIZATION, entity.label_zh[: ordinal.start()]
                )
                sessions.setdefault((convener, chinese_numeral(ordinal.group(1))), entity.key)
        elif entity.type is EntityType.RESOLUTION:
            number = DECISION_NUMBER.search(entity.label_zh)
            if number is not None:
                numbers[entity.key] = int(number.group(1) or number.group(2))
    for mention in extraction.mentions:
        if mention.nested and mention.type is EntityType.ORGANIZATION:
            meeting = _session_opened_by(mention, extraction)
            ordinal = SESSION_NUMBER.search(meeting.label_zh) if meeting else None
            if ordinal is not None:
                sessions.setdefault((mention.key, chinese_numeral(ordinal.group(1))), meeting.key)
    return sessions, numbers


def _session_opened_by(mention: Mention, extraction: Extraction) -> Entity | None:
    """The session whose name opens with the body ``mention`` (…缔约方会议第四届会议)."""
    for other in extraction.mentions:
        if (
            other.type is EntityType.MEETING
            and not other.nested
            and other.paragraph == mention.paragraph
            and other.start == mention.start
            and mention.end < other.end
        ):
            return extraction.entities.get(other.key)
    return None


def _heading_keys(path, by_part, entity_type: EntityType) -> tuple[str, ...]:
    """Entities of one type named by the headings above a paragraph, outermost first."""
    keys: list[str] = []
    for depth in range(1, len(path) + 1):
        for mention in by_part.get(f"s:{heading_key(path[:depth])}", []):
            if mention.type is entity_type and mention.key not in keys:
                keys.append(mention.key)
    return tuple(keys)


def _footnote_countries(markers, by_part, least: int = 3) -> tuple[str, ...]:
    """Countries of a cited footnote that is a list of countries (a donor list, say)."""
    for marker in markers:
        mentions = by_part.get(f"fn:{marker}", [])
        countries = [m.key for m in mentions if m.type is EntityType.COUNTRY]
        if len(countries) >= least and len(countries) >= 0.8 * len(mentions):
            return tuple(dict.fromkeys(countries))
    return ()


def _valid(item: Assertion, known: set[str], relations: Relations) -> bool:
    """Both ends are entities of the document, its routes or the ones it references,
    and they differ; an armed group is no actor of the response (青年党发动的恐怖袭击:
    it commits the threat, it does not work on it)."""
    return (
        item.subject != item.object
        and all(
            end in known or end in relations.routes or end in relations.referenced
            for end in (item.subject, item.object)
        )
        and not (item.predicate in RESPONSES and _armed_group(item.subject))
    )


def _armed_group(key: str) -> bool:
    entry = load_gazetteer().get(key)
    return entry is not None and entry.kind == ARMED_GROUP


def _reference(key: str, relations: Relations, convener: str = "") -> None:
    """Record an entity a relation names without a mention of its own: a gazetteer
    entity named inside a longer name, or the body that convenes a session."""
    entry = load_gazetteer().get(key)
    if entry is not None:
        relations.referenced[key] = Entity(
            key, entry.type, entry.label_zh, entry.label_en, iso3=entry.iso3, acronym=entry.acronym
        )
    elif convener and key.startswith("organization/"):
        relations.referenced[key] = Entity(key, EntityType.ORGANIZATION, convener)


def _convener_name(item: Assertion, extraction: Extraction) -> str:
    """For a decision adopted by a convening body: the body's name, from the decision's label."""
    decision = extraction.entities.get(item.object)
    if item.predicate is not Predicate.ADOPTS or decision is None:
        return ""
    return decision.label_zh[: decision.label_zh.rfind("第")]


def _route_entity(route, paragraph: str) -> Entity:
    return Entity(route.key, EntityType.ROUTE, route.label)
