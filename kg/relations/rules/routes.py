"""Trafficking routes and flows: a `kg:Route` with the threat it concerns and its places.

A sentence that names a trafficking threat (or a drug) and speaks of movement
(路线, 沿线, 经由, 过境, 流入, 从…到 …) describes a route. Each place gets its role
from the word before it: 从/来自 → origin, 经/经由/过境/通过 → transit,
到/至/流入/运往 → destination; a place followed by 产 (阿富汗产海洛因) is an origin;
places listed after 路线/沿线 lie along the route (transit). The sentence's
subject, a body or country, takes part in the effort against the route.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.ids import slug
from kg.nlp.model import EntityType, Mention
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion
from kg.relations.sentence import ACTORS, PLACES, Sentence, triggers

ROUTE_THREATS = ("trafficking", "smuggling", "opiate", "cocaine", "heroin")
ROLE_WORDS = (
    ("route-origin", Predicate.ORIGIN),
    ("route-transit", Predicate.TRANSIT),
    ("route-destination", Predicate.DESTINATION),
)


@dataclass(frozen=True, slots=True)
class Route:
    key: str
    label: str
    threat: Mention
    places: tuple[tuple[Predicate, Mention], ...]


def find_routes(sentence: Sentence) -> list[Route]:
    """The route a sentence describes, if it describes one."""
    threats = [t for t in sentence.of(EntityType.THREAT) if any(w in t.key for w in ROUTE_THREATS)]
    if not threats or not any(word in sentence.value for word in triggers("route-marker")):
        return []
    places: list[tuple[Predicate, Mention]] = []
    for place in sentence.of(*PLACES):
        role = _role(sentence, place)
        if role is not None and all(place.key != other.key for _, other in places):
            places.append((role, place))  # a place keeps the role it is first given
    if not places:
        return []
    threat = threats[0]
    parts = {
        role: [p for r, p in places if r is role]
        for role in (Predicate.ORIGIN, Predicate.TRANSIT, Predicate.DESTINATION)
    }
    key = "route/" + slug(
        "--".join(
            [threat.key.split("/")[-1]]
            + ["_".join(p.key.split("/")[-1] for p in parts[role]) for role in parts]
        )
    )
    label = (
        threat.text
        + "："
        + "→".join("、".join(p.text for p in parts[role]) for role in parts if parts[role])
    )
    return [Route(key, label, threat, tuple(places))]


def _role(sentence: Sentence, place: Mention) -> Predicate | None:
    text = sentence.text
    lead = text[max(sentence.start, place.start - 4) : place.start]
    for rule, role in ROLE_WORDS:
        if any(lead.endswith(word) for word in triggers(rule)):
            return role
    if any(text.startswith(word, place.end) for word in triggers("route-origin-after")):
        return Predicate.ORIGIN
    marker = max(
        (text.rfind(w, sentence.start, place.start) for w in triggers("route-marker")), default=-1
    )
    return Predicate.TRANSIT if marker >= 0 else None


def routes(sentence: Sentence, route: Route) -> Iterator[Assertion]:
    yield assertion(sentence, route.key, Predicate.CONCERNS, route.threat, "route:concerns", 0.8)
    for role, place in route.places:
        yield assertion(sentence, route.key, role, place, f"route:{role}", 0.7)
    actor = sentence.subject(*ACTORS)
    if actor is not None and all(actor.key != place.key for _, place in route.places):
        yield assertion(sentence, actor, Predicate.PARTICIPATES_IN, route.key, "route:actor", 0.6)
