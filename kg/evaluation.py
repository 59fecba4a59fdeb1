"""Scoring extracted entities against a hand-made gold set (`tests/gold/*.entities.jsonl`).

Entities are matched one to one within a type when they share a name: a gold
form equals one of the predicted entity's label, alternative labels or surface
forms (title marks, quotes and spaces ignored). Gold entities that occur only
inside longer names or only as anaphors are "don't care": finding them is not
required, and finding them is not an error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.nlp.extract import Extraction
from kg.nlp.model import Entity, EntityType
from kg.relations.extract import Relations

_DECORATION = re.compile(r"[《》“”\"\s]")


def normalize(name: str) -> str:
    """A name for comparison: without title marks, quotes and spaces."""
    return _DECORATION.sub("", name)


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    type: EntityType
    name: str
    forms: frozenset[str]
    required: bool  # False: it occurs only nested in longer names or as an anaphor


def load_gold(path: Path) -> list[GoldEntity]:
    """Read a gold JSONL file; InputError if it is missing or malformed."""
    if not path.is_file():
        raise InputError(path, "gold file not found")
    entities = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            forms = {normalize(f) for f in row["forms"]} | {normalize(row["name_zh"])}
            required = bool(
                row.get("paragraphs")
                or row.get("in_front_matter")
                or row.get("in_footnotes")
                or row.get("in_headings")
            )
            entities.append(
                GoldEntity(
                    row["id"], EntityType(row["type"]), row["name_zh"], frozenset(forms), required
                )
            )
        except (ValueError, KeyError) as error:
            raise InputError(path, f"line {number}: not a gold entity ({error})") from None
    return entities


@dataclass(slots=True)
class TypeScore:
    type: EntityType
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _forms(entity: Entity) -> set[str]:
    return {normalize(form) for form in entity.forms}


def score(extraction: Extraction, gold: list[GoldEntity]) -> dict[EntityType, TypeScore]:
    """Precision, recall and F1 per entity type."""
    return _match(extraction, gold)[0]


def match_entities(
    extraction: Extraction, gold: list[GoldEntity], relations: Relations | None = None
) -> dict[str, str]:
    """Predicted entity key → gold id, for the entities matched one to one.

    With ``relations``, the entities they name without a mention of their own
    (a convening body, a place inside a programme's name) are matched too.
    """
    if relations is not None:
        extraction = Extraction(
            {**relations.referenced, **extraction.entities}, extraction.mentions
        )
    return _match(extraction, gold)[1]


def _match(
    extraction: Extraction, gold: list[GoldEntity]
) -> tuple[dict[EntityType, TypeScore], dict[str, str]]:
    scores: dict[EntityType, TypeScore] = {}
    mapping: dict[str, str] = {}
    for entity_type in sorted({g.type for g in gold}, key=list(EntityType).index):
        result = scores[entity_type] = TypeScore(entity_type)
        wanted = [g for g in gold if g.type is entity_type]
        predicted = extraction.of_type(entity_type)
        pairs = sorted(
            (
                (-len(_forms(p) & g.forms), gi, pi)
                for gi, g in enumerate(wanted)
                for pi, p in enumerate(predicted)
                if _forms(p) & g.forms
            )
        )
        gold_used: set[int] = set()
        predicted_used: set[int] = set()
        for _, gi, pi in pairs:
            if gi in gold_used or pi in predicted_used:
                continue
            gold_used.add(gi)
            predicted_used.add(pi)
            mapping[predicted[pi].key] = wanted[gi].id
            if wanted[gi].required:
                result.true_positives += 1
        for gi, g in enumerate(wanted):
            if gi not in gold_used and g.required:
                result.false_negatives += 1
                result.missed.append(g.name)
        dont_care = set().union(*(g.forms for g in wanted if not g.required))
        for pi, p in enumerate(predicted):
            if pi not in predicted_used and not (_forms(p) & dont_care):
                result.false_positives += 1
                result.spurious.append(p.label_zh)
    return scores, mapping


@dataclass(frozen=True, slots=True)
class GoldRoute:
    id: str
    concerns: str
    places: frozenset[str]


def load_gold_relations(path: Path) -> tuple[set[tuple[str, str, str, str]], list[GoldRoute]]:
    """Gold relations as (subject, predicate, object, paragraph) and the gold routes."""
    if not path.is_file():
        raise InputError(path, "gold relations file not found")
    relations: set[tuple[str, str, str, str]] = set()
    routes: list[GoldRoute] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if "route" in row:
                places = [
                    *row.get("origin", []),
                    *row.get("transit", []),
                    *row.get("destination", []),
                ]
                routes.append(GoldRoute(row["route"], row.get("concerns", ""), frozenset(places)))
                continue
            relations.add(
                _relation_key(
                    row["subject"], row["predicate"], row["object"], str(row["paragraph"])
                )
            )
        except (ValueError, KeyError) as error:
            raise InputError(path, f"line {number}: not a gold relation ({error})") from None
    return relations, routes


def _relation_key(
    subject: str, predicate: str, obj: str, paragraph: str
) -> tuple[str, str, str, str]:
    if predicate == "partnerOf" and obj < subject:
        subject, obj = obj, subject
    return subject, predicate, obj, paragraph


@dataclass(slots=True)
class RelationScore:
    predicate: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    precision = TypeScore.precision
    recall = TypeScore.recall
    f1 = TypeScore.f1


def score_relations(
    relations: Relations,
    mapping: dict[str, str],
    gold: set[tuple[str, str, str, str]],
    gold_routes: list[GoldRoute],
) -> dict[str, RelationScore]:
    """Precision, recall and F1 per predicate, and over all ("all").

    Predicted entities are mapped to gold ids through the entity matching; a
    predicted route maps to the gold route with the same threat that shares the
    most places with it.
    """
    mapped = dict(mapping)
    for key, (concerns, places) in _route_places(relations).items():
        shared = {
            candidate.id: len({mapped.get(p) for p in places} & candidate.places)
            for candidate in gold_routes
            if mapped.get(concerns) == candidate.concerns
        }
        best = max(shared, key=lambda route: (shared[route], route), default=None)
        if best is not None and shared[best]:
            mapped[key] = best
    # The gold set names threats only in part: a relation to a threat it does not
    # know can be judged neither right nor wrong.
    judged = [
        a
        for a in relations.assertions
        if not (a.object.startswith("threat/") and a.object not in mapped)
    ]
    predicted = {
        _relation_key(
            mapped.get(a.subject, a.subject),
            a.predicate.value,
            mapped.get(a.object, a.object),
            a.paragraph,
        )
        for a in judged
    }
    scores: dict[str, RelationScore] = {}
    for predicate in [*sorted({p for _, p, _, _ in gold | predicted}), "all"]:
        want = {g for g in gold if predicate in ("all", g[1])}
        got = {p for p in predicted if predicate in ("all", p[1])}
        scores[predicate] = RelationScore(
            predicate, len(want & got), len(got - want), len(want - got)
        )
    return scores


def _route_places(relations: Relations) -> dict[str, tuple[str, set[str]]]:
    routes: dict[str, tuple[str, set[str]]] = {}
    for item in relations.assertions:
        if item.subject in relations.routes:
            places = routes.setdefault(item.subject, ("", set()))[1]
            if item.predicate.value == "concerns":
                routes[item.subject] = (item.object, places)
            else:
                places.add(item.object)
    return routes
