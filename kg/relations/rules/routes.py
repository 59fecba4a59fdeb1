"""Trafficking routes and flows: a `kg:Route` with the threat it concerns and its places.

A sentence (or the name of a meeting, programme or publication) that names a trafficking
threat (or a drug) and speaks of movement (路线, 沿线, 经由, 过境, 流入, 跨国 …) describes a
flow. Each place gets its role from
the word before it: 从/来自 → origin, 经/经由/过境/通过 → transit, 到/至/流入/运往 →
destination; a place written right before the commodity (阿富汗阿片剂) or before 产
(阿富汗产海洛因) is its origin; places listed after 路线/沿线 lie along the route.
Places listed along routes with no origin or destination (主要贩毒路线沿线的中亚、西非和
加勒比) are one flow each.

A flow is one node, keyed by its commodity and places, so the same flow named in
another paragraph or document is the same node. Actors on a flow: the subject of the
sentence that describes it, and the bodies and countries that take part in, run or
organise a programme or meeting that works on the flow's commodity and is aimed at or
held in one of its places, or that the describing sentence names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from kg.ids import slug
from kg.nlp.gazetteer import broader_threats, load_gazetteer, top_threats
from kg.nlp.model import EntityType, Mention
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion
from kg.relations.rules.programmes import places_in_name
from kg.relations.rules.records import MASTHEAD_RULES
from kg.relations.sentence import ACTORS, PLACES, Sentence, triggers

ROUTE_THREATS = ("trafficking", "smuggling", "opiate", "cocaine", "heroin", "synthetic-drugs")
ROLE_WORDS = (
    ("route-origin", Predicate.ORIGIN),
    ("route-transit", Predicate.TRANSIT),
    ("route-destination", Predicate.DESTINATION),
)
ROLES = (Predicate.ORIGIN, Predicate.TRANSIT, Predicate.DESTINATION)
TRAFFICKED_IN = ("贩运", "走私", "转运")
MOVED = (*TRAFFICKED_IN, "运送", "运输", "流动")
THREATENS = re.compile(r"(?:是对|对|威胁|威胁到|危及)")
USED_THERE = re.compile(r"(?:贩运|走私)(?:和|及)(?:滥用|吸食|消费)")
# 跨界贩运毒品, 阿富汗阿片剂跨国贩运: trafficking across borders (not 跨国有组织犯罪)
ACROSS = re.compile(r"(?:跨界|跨境|跨国)(?:的)?(?:非法)?(?:贩运|走私|流动|贩毒)")
UNKNOWN = "…"
CONTRAST = re.compile(r"，(?:而|但|但是|同时|与此同时)|；")  # a clause set against the one before
TOWARDS = "向"  # 向西欧贩运: towards a place the commodity is trafficked to
# 西非已成为…可卡因运往欧洲的主要中转区: the place the flow passes through
# 掸邦, 赫尔曼德省: a State's part no list holds, written between the State and 生产的
SUBDIVISION = re.compile(r"[^\W\d_a-zA-Z的和及与在、]{1,5}?(?:邦|省|州)")
HUB = re.compile(
    r"(?:仍然|仍|已|已经|正|正在|日益)?(?:成为|是)[^，。；]{0,30}?(?:中转|过境|转运)"
    r"(?:站|区|地区|地|枢纽|点|国|中心)"
)
LISTED = re.compile(r"\s?(?:、|和|及|以及|与|或)\s?")  # between two places of one list
AMBIGUOUS_ROLE_WORDS = frozenset({"通过", "进入", "到", "至"})  # also "adopt", "enter", "by"
# Relations that put an actor in a programme or meeting (and so on the flow it works on).
ENGAGED = (Predicate.PARTICIPATES_IN, Predicate.IMPLEMENTS, Predicate.SUPPORTS)
AIMED = (Predicate.TARGETS, Predicate.HELD_IN)
EVENT_PREFIXES = ("programme/", "meeting/")


@dataclass(frozen=True, slots=True)
class Route:
    key: str
    label: str
    threat: Mention
    places: tuple[tuple[Predicate, Mention], ...]


def find_routes(sentence: Sentence) -> list[Route]:
    """The flows a sentence describes, if it describes any: in each of its contrasted
    clauses (经巴尔干路线…的海洛因下降，而经由西非…的可卡因增加) when they name
    different commodities."""
    threats = _flowing(sentence)
    if len({t.key for t in threats}) < 2:
        return [*_flows(sentence), *_named_flows(sentence)]
    found = []
    for start, end in _contrasted_clauses(sentence):
        clause = replace(
            sentence,
            start=start,
            end=end,
            mentions=tuple(m for m in sentence.mentions if start <= m.start and m.end <= end),
            nested=tuple(m for m in sentence.nested if start <= m.start and m.end <= end),
            typed={},
        )
        found.extend(_flows(clause))
    return found


NAMING_FLOWS = (EntityType.MEETING, EntityType.PROGRAMME, EntityType.PUBLICATION)


def _named_flows(sentence: Sentence) -> list[Route]:
    """Flows a meeting's, programme's or publication's name describes (关于拉丁美洲可卡因经
    西非流向欧洲问题的区域会议), read from the name as from a sentence of its own."""
    found = []
    for name in sentence.of(*NAMING_FLOWS):
        places = [m for m in sentence.nested if m.type in PLACES and _within(m, name)]
        threats = [t for t in _flowing(sentence) if _within(t, name)]
        if not places or not threats:
            continue
        clause = replace(
            sentence, start=name.start, end=name.end, mentions=(*threats, *places), typed={}
        )
        found.extend(_flows(clause))
    return found


def _within(mention: Mention, name: Mention) -> bool:
    return name.start <= mention.start and mention.end <= name.end


def _flowing(sentence: Sentence) -> list[Mention]:
    """The sentence's threats that can flow along a route (trafficking, drugs)."""
    return [t for t in sentence.of(EntityType.THREAT) if any(w in t.key for w in ROUTE_THREATS)]


def _contrasted_clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """The sentence cut where a clause is set against the one before (，而 / ，但 / ；)."""
    cuts = [m.start() for m in CONTRAST.finditer(sentence.text, sentence.start, sentence.end)]
    bounds = [sentence.start, *cuts, sentence.end]
    return list(pairwise(bounds))


def _flows(sentence: Sentence) -> list[Route]:
    threats = _flowing(sentence)
    if not threats:
        return []
    across = ACROSS.search(sentence.text, sentence.start, sentence.end) is not None
    threatened = _threatened_places(sentence, threats)
    if not (
        any(word in sentence.value for word in triggers("route-marker"))
        or across
        or _trafficked_in_place(sentence)
        or threatened
        or _moved_between(sentence)
    ):
        return []
    places: list[tuple[Predicate, Mention]] = []
    for place in [*sentence.of(*PLACES), *(p for p in threatened if p.nested)]:
        role = _role(sentence, place, threats, threatened, across)
        if places and LISTED.fullmatch(sentence.text, places[-1][1].end, place.start):
            role = places[-1][0]  # 流向欧洲和中东: the places of a list share their role
        if role is not None and all(place.key != other.key for _, other in places):
            places.append((role, place))  # a place keeps the role it is first given
            if role is Predicate.TRANSIT and USED_THERE.match(sentence.text, place.end):
                places.append((Predicate.DESTINATION, place))  # 在东非贩运和滥用: used there too
    if not places:
        return []
    threat = _commodity(sentence, threats, places)
    if len(places) > 1 and all(role is Predicate.TRANSIT for role, _ in places):
        return [_route(sentence, threat, [place]) for place in places]  # one flow per region
    return [_route(sentence, threat, places)]


def _commodity(sentence: Sentence, threats: list[Mention], places) -> Mention:
    """The threat that flows: the one written right after its origin (阿富汗阿片剂), else the
    one nearest the places."""
    for _, place in places:
        for threat in threats:
            if threat.start == place.end:
                return threat
    middle = sum(p.start for _, p in places) / len(places)
    return min(threats, key=lambda t: abs(t.start - middle))


def _threatened_places(sentence: Sentence, threats: list[Mention]) -> list[Mention]:
    """毒品贩运威胁西非安全, 药物贩运是对西非的安全威胁: the places trafficking threatens."""
    text = sentence.text
    places = [
        *sentence.of(*PLACES),
        *(m for m in sentence.nested if m.type in PLACES),
        *_places_in_titles(sentence),
    ]
    return [
        place
        for place in places
        for threat in threats
        if threat.end <= place.start and THREATENS.fullmatch(text, threat.end, place.start)
    ]


def _places_in_titles(sentence: Sentence) -> list[Mention]:
    """Places written inside a title (“药物贩运是对西非的安全威胁”), as mentions of their own."""
    found = []
    gazetteer = load_gazetteer()
    for title in sentence.of(EntityType.PUBLICATION):
        for key in places_in_name(title.text):
            entry = gazetteer.get(key)
            for name in entry.names if entry else ():
                at = title.text.find(name)
                if at >= 0:
                    start = title.start + at
                    found.append(
                        Mention(title.paragraph, start, start + len(name), name, entry.type,
                                key, "title-place", nested=True)
                    )  # fmt: skip
                    break
    return found


def _moved_between(sentence: Sentence) -> bool:
    """可卡因从南美洲经西非贩运到欧洲, 南美洲可卡因运往欧洲: places the sentence moves the
    commodity from, through or to, each written right after its word (or right before the
    commodity, its origin)."""
    text = sentence.text
    commodities = {t.start for t in sentence.of(EntityType.THREAT)}
    marked = 0
    for place in sentence.of(*PLACES):
        lead = text[max(sentence.start, place.start - 4) : place.start]
        marked += (
            place.end in commodities  # 南美洲可卡因: its origin
            or HUB.match(text, place.end) is not None  # 西非已成为…中转区: a transit
            or (lead.endswith(TOWARDS) and text.startswith(MOVED, place.end))  # 向欧洲走私
            or any(
                lead.endswith(word)
                for rule, _ in ROLE_WORDS
                for word in triggers(rule)
                if word not in AMBIGUOUS_ROLE_WORDS
            )
        )
    return marked >= 2


def _trafficked_in_place(sentence: Sentence) -> bool:
    """在东非贩运…: a place where trafficking happens."""
    text = sentence.text
    return any(
        text[place.start - 1 : place.start] == "在" and text.startswith(TRAFFICKED_IN, place.end)
        for place in sentence.of(*PLACES)
    )


def _route(sentence: Sentence, threat: Mention, places) -> Route:
    parts = {role: [p for r, p in places if r is role] for role in ROLES}
    key = "route/" + slug(
        "--".join(
            [threat.key.split("/")[-1]]
            + ["_".join(p.key.split("/")[-1] for p in parts[role]) for role in ROLES]
        )
    )
    origin = parts[Predicate.ORIGIN]
    commodity = threat.text
    if origin and origin[-1].end == threat.start:
        commodity = origin[-1].text + commodity  # 阿富汗阿片剂
    ends = {p.key for p in parts[Predicate.DESTINATION]}  # 在东非贩运和滥用: through and into
    stops = [
        "、".join(p.text for p in parts[Predicate.ORIGIN]) or UNKNOWN,
        *(p.text for p in parts[Predicate.TRANSIT] if p.key not in ends),
        "、".join(p.text for p in parts[Predicate.DESTINATION]) or UNKNOWN,
    ]
    return Route(key, f"{commodity}：{' → '.join(stops)}", threat, tuple(places))


def _role(
    sentence: Sentence,
    place: Mention,
    threats: list[Mention],
    threatened: list[Mention],
    across: bool,
) -> Predicate | None:
    """The place's role in the flow; ``threatened`` are the places the trafficking
    threatens, ``across`` whether the sentence speaks of trafficking across borders."""
    text = sentence.text
    lead = text[max(sentence.start, place.start - 4) : place.start]
    for rule, role in ROLE_WORDS:
        if any(lead.endswith(word) for word in triggers(rule)):
            return role
    # 哥伦比亚、秘鲁和多民族玻利维亚国生产的: every place listed before the word
    last = (sentence.enumeration_after(place.start, *PLACES) or [place])[-1]
    subdivision = SUBDIVISION.match(text, last.end)  # 缅甸掸邦生产的: a part of the place
    after = subdivision.end() if subdivision else last.end
    if any(text.startswith(word, after) for word in triggers("route-origin-after")):
        return Predicate.ORIGIN
    if lead.endswith(TOWARDS):
        listed = sentence.enumeration_after(place.start, *PLACES) or [place]
        moved = listed[-1].end + text.startswith("的", listed[-1].end)
        if text.startswith(MOVED, moved):
            # 经巴尔干路线向西欧(和中欧)贩运, 经中亚向欧洲的贩运: where it is taken
            return Predicate.DESTINATION
    if any(threat.start == place.end for threat in threats):
        return Predicate.ORIGIN  # 阿富汗阿片剂: the commodity of a place comes from it
    if HUB.match(text, place.end):
        return Predicate.TRANSIT  # 西非已成为…的主要中转区
    if lead.endswith("在") and text.startswith(TRAFFICKED_IN, place.end):
        return Predicate.TRANSIT  # 在东非贩运…阿片剂: trafficked through the place
    if place in threatened:
        return Predicate.TRANSIT  # 毒品贩运威胁西非安全: the flow passes through the place
    marker = max(
        (text.rfind(w, sentence.start, place.start) for w in triggers("route-marker")), default=-1
    )
    if marker < 0 and across:
        marker = sentence.start  # 中亚…国家…打击跨界贩运毒品: the places it crosses
    return Predicate.TRANSIT if marker >= 0 else None


def routes(sentence: Sentence, route: Route) -> Iterator[Assertion]:
    yield assertion(sentence, route.key, Predicate.CONCERNS, route.threat, "route:concerns", 0.8)
    for role, place in route.places:
        yield assertion(sentence, route.key, role, place, f"route:{role}", 0.7)
    actor = sentence.subject(*ACTORS)
    if actor is not None and all(actor.key != place.key for _, place in route.places):
        yield assertion(sentence, actor, Predicate.PARTICIPATES_IN, route.key, "route:actor", 0.6)


def actors_on_routes(assertions: Iterable[Assertion], routes: Iterable[str]) -> Iterator[Assertion]:
    """Actors on a flow: those that take part in, run or support a programme or meeting
    working on it (its threat related to the flow's, aimed at or held in one of its
    places, or named by the sentence describing the flow), and those acting in one of
    its places against a related threat in the same paragraph. The evidence is the
    sentence that puts the actor in the programme, meeting or place."""
    assertions = list(assertions)
    keys = set(routes)
    flows: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    sentences_of: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for item in assertions:
        if item.subject in keys:
            threats, places = flows[item.subject]
            (threats if item.predicate is Predicate.CONCERNS else places).add(item.object)
            sentences_of[item.subject].add((item.paragraph, item.start))
    works: dict[str, set[str]] = defaultdict(set)
    aims: dict[str, set[str]] = defaultdict(set)
    named: dict[tuple[str, int], set[str]] = defaultdict(set)
    worked_in: dict[tuple[str, str], set[str]] = defaultdict(set)  # (actor, ¶) → threats
    for item in assertions:
        if item.predicate is Predicate.WORKS_ON:
            works[item.subject].add(item.object)
            worked_in[(item.subject, item.paragraph)].add(item.object)
        elif item.predicate in AIMED:
            aims[item.subject].add(item.object)
        if item.rule in MASTHEAD_RULES:
            continue  # the record's meeting, which a speaker's sentence does not name
        for end in (item.subject, item.object):
            if end.startswith(EVENT_PREFIXES):
                named[(item.paragraph, item.start)].add(end)
    for key, (threats, places) in flows.items():
        on_flow = {
            event
            for event, worked in works.items()
            if aims[event] & places and _related(threats, worked)
        }
        for where in sentences_of[key]:
            on_flow |= named[where]
        for item in assertions:
            if item.subject in places or item.subject in keys:
                continue
            if item.predicate in ENGAGED and item.object in on_flow:
                rule = f"route:via-{item.predicate}"
            elif (
                item.predicate is Predicate.TARGETS
                and item.object in places
                and not item.subject.startswith(EVENT_PREFIXES)
                and _related(threats, worked_in[(item.subject, item.paragraph)])
            ):
                rule = "route:acting-in-place"  # works against the flow in one of its places
            else:
                continue
            yield replace(
                item,
                predicate=Predicate.PARTICIPATES_IN,
                object=key,
                rule=rule,
                confidence=round(item.confidence * 0.7, 2),
            )


def _related(flowing: set[str], worked: set[str]) -> bool:
    """Does work on these threats bear on a flow of those: the same concept, one the
    broader of the other, or both under a concept narrower than the taxonomy's top
    concepts (heroin and cocaine trafficking are drug trafficking; crime is too broad)?"""
    return any(
        (broader_threats(flow) & broader_threats(threat)) - top_threats()
        for flow in flowing
        for threat in worked
    )
