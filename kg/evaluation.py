"""Scoring extracted entities and relations against hand-made gold sets (`tests/gold/`).

Entities are matched one to one within a type when they share a name: a gold
form equals one of the predicted entity's label, alternative labels or surface
forms (title marks, quotes and spaces ignored); a resolution also matches by its
number and kind (第2005/46号决议 however much of it a form holds). Gold entities
that occur only inside longer names or only as anaphors are "don't care": finding
them is not required, and finding them is not an error.

A gold set annotates one document: the seed's gold places mentions by paragraph,
the 2023 corpus's by line of the file (`tests/gold/un2023/`, where ``split.tsv``
splits the documents into a dev and a test half). Several documents are scored
each on its own and micro-averaged (`evaluate_many`).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.document import SUMMARY_LABEL, Document
from kg.errors import InputError
from kg.nlp.extract import Extraction, Extractor
from kg.nlp.gazetteer import broader_threats
from kg.nlp.model import Entity, EntityType
from kg.reader import read_document
from kg.relations.extract import Relations, extract_relations
from kg.relations.model import Assertion

_DECORATION = re.compile(r"[《》“”\"\s]")
# 第2005/46号决议, 2005/46, 第1325(2000)号决议: the number (and kind) that identify a resolution
_RESOLUTION_NUMBER = re.compile(
    r"(?P<number>(?:[A-Z]{1,2}-)?\d{1,4}(?:/\d{1,4})*(?:\s?[A-Z](?![A-Za-z]))?(?:\s?[(（]\d{4}[)）])?)"
    r"\s?号?(?P<kind>决议|决定)?"
)
CORE_TYPES = (
    EntityType.ORGANIZATION,
    EntityType.COUNTRY,
    EntityType.REGION,
    EntityType.CITY,
    EntityType.RESOLUTION,
    EntityType.INSTRUMENT,
    EntityType.PROGRAMME,
    EntityType.MEETING,
)
SPLIT_FILE = "split.tsv"
FRONT = "front"  # what gold and prediction call the front matter and the summary


def normalize(name: str) -> str:
    """A name for comparison: without title marks, quotes and spaces."""
    return _DECORATION.sub("", name)


def resolution_number(name: str) -> str:
    """The number a resolution's name ends with, as "#2005/46" ("" if it holds none)."""
    numbers = list(_RESOLUTION_NUMBER.finditer(normalize(name)))
    return f"#{numbers[-1].group('number').replace(' ', '')}" if numbers else ""


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
                or row.get("lines")
                or row.get("in_front_matter")
                or row.get("in_footnotes")
                or row.get("in_headings")
            )
            if row["type"] == EntityType.RESOLUTION and (
                number := resolution_number(row["name_zh"])
            ):
                forms.add(number)
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
    forms = {normalize(form) for form in entity.forms}
    if entity.type is EntityType.RESOLUTION and (number := resolution_number(entity.label_zh)):
        forms.add(number)
    return forms


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


def load_gold_relations(
    path: Path, document: Document | None = None
) -> tuple[set[tuple[str, str, str, str]], list[GoldRoute]]:
    """Gold relations as (subject, predicate, object, paragraph) and the gold routes.

    A relation placed by ``line`` (the 2023 corpus) is given the label of the
    ``document``'s paragraph on that line ("front" for a line before the body).
    """
    if not path.is_file():
        raise InputError(path, "gold relations file not found")
    paragraph_of = _paragraph_of_line(document) if document is not None else None
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
            if "line" in row:
                if paragraph_of is None:
                    raise InputError(path, f"line {number}: placed by line, but no document")
                where = paragraph_of(int(row["line"]))
            else:
                where = str(row["paragraph"])
            relations.add(_relation_key(row["subject"], row["predicate"], row["object"], where))
        except (ValueError, KeyError) as error:
            raise InputError(path, f"line {number}: not a gold relation ({error})") from None
    return relations, routes


def _paragraph_of_line(document: Document):
    """line number (1-based, in the source file) → label of the paragraph that holds it."""
    starts = [0]
    for index, char in enumerate(document.text):
        if char == "\n":
            starts.append(index + 1)
    labels: dict[int, str] = {}
    for paragraph in document.paragraphs:
        first = _line_at(starts, paragraph.start)
        last = _line_at(starts, max(paragraph.start, paragraph.end - 1))
        for line in range(first, last + 1):
            labels.setdefault(line, paragraph.label)
    return lambda line: labels.get(line, FRONT)


def _line_at(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset)


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
    predicted route maps to the gold route with the same threat (or a broader one)
    that shares the most places with it.
    """
    return _scores_by_predicate(set(relation_keys(relations, mapping, gold_routes)), gold)


def _scores_by_predicate(
    predicted: set[tuple[str, str, str, str]], gold: set[tuple[str, str, str, str]]
) -> dict[str, RelationScore]:
    scores: dict[str, RelationScore] = {}
    for predicate in [*sorted({p for _, p, _, _ in gold | predicted}), "all"]:
        want = {g for g in gold if predicate in ("all", g[1])}
        got = {p for p in predicted if predicate in ("all", p[1])}
        scores[predicate] = RelationScore(
            predicate, len(want & got), len(got - want), len(want - got)
        )
    return scores


def relation_keys(
    relations: Relations, mapping: dict[str, str], gold_routes: list[GoldRoute]
) -> dict[tuple[str, str, str, str], Assertion]:
    """The predicted relations as gold keys (subject, predicate, object, paragraph), each
    with an assertion that states it. Relations to threats the gold set does not name
    are left out: its threat list is partial, so they can be judged neither right nor
    wrong."""
    mapped = dict(mapping)
    size = {candidate.id: len(candidate.places) for candidate in gold_routes}
    for key, (concerns, places) in _route_places(relations).items():
        shared = {
            candidate.id: len({mapped.get(p) for p in places} & candidate.places)
            for candidate in gold_routes
            if _same_commodity(concerns, candidate.concerns, mapped)
        }
        # the gold flow sharing most places, and of those the one with fewest others
        best = max(shared, key=lambda route: (shared[route], -size[route], route), default=None)
        if best is not None and shared[best]:
            mapped[key] = best
            gold_concern = next(c.concerns for c in gold_routes if c.id == best)
            mapped.setdefault(concerns, gold_concern)  # 海洛因 flows are drug trafficking
    keyed: dict[tuple[str, str, str, str], Assertion] = {}
    for item in relations.assertions:
        if item.object.startswith("threat/") and item.object not in mapped:
            continue
        where = (
            FRONT
            if item.paragraph.startswith(FRONT) or item.paragraph == SUMMARY_LABEL
            else item.paragraph
        )
        key = _relation_key(
            mapped.get(item.subject, item.subject),
            item.predicate.value,
            mapped.get(item.object, item.object),
            where,
        )
        keyed.setdefault(key, item)
    return keyed


def _before_the_body(label: str) -> bool:
    """A part of the front matter ("front:2") or the summary."""
    return label.startswith(FRONT) or label == SUMMARY_LABEL


def _same_commodity(predicted: str, gold: str, mapped: dict[str, str]) -> bool:
    """A predicted flow's threat is the gold flow's, or narrower (cocaine trafficking is
    drug trafficking): by the entity matching, else by the taxonomy's slug."""
    for threat in broader_threats(predicted):
        if mapped.get(threat) == gold or threat.split("/")[-1] == gold:
            return True
    return False


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


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A document and the gold files that annotate it."""

    document: Path
    entities: Path
    relations: Path | None = None
    split: str = ""

    @property
    def name(self) -> str:
        return self.document.name


@dataclass(slots=True)
class DocumentScore:
    """Entity scores per type and relation scores per predicate of one document (or the
    micro-average of several)."""

    name: str
    entities: dict[EntityType, TypeScore]
    relations: dict[str, RelationScore] | None = None
    missed_relations: list[tuple[str, str, str, str]] = field(default_factory=list)
    spurious_relations: list[tuple[tuple[str, str, str, str], Assertion]] = field(
        default_factory=list
    )

    def core(self) -> RelationScore:
        """The core types (Organization … Meeting) counted together."""
        total = RelationScore("core")
        for entity_type, result in self.entities.items():
            if entity_type in CORE_TYPES:
                _add(total, result)
        return total


def gold_sets(paths: Iterable[Path], corpus: Path | None = None, split: str = "") -> list[GoldSet]:
    """The gold sets that ``paths`` name: ``*.entities.jsonl`` files (their document is
    ``<corpus>/<stem>.txt``, their relations ``<stem>.relations.jsonl`` beside them) or
    folders with a ``split.tsv`` (every document of ``split``, or of every split)."""
    found: list[GoldSet] = []
    for path in paths:
        if path.is_dir():
            found.extend(_split_sets(path, corpus, split))
        elif path.is_file():
            stem = path.name.removesuffix(".entities.jsonl")
            texts = corpus or split_corpus(path.parent)  # this file's, not the next file's
            if texts is None:
                raise InputError(path, "which document does it annotate? give --corpus DIR")
            relations = path.with_name(f"{stem}.relations.jsonl")
            found.append(
                GoldSet(texts / f"{stem}.txt", path, relations if relations.is_file() else None)
            )
        else:
            missing = "gold file not found" if path.suffix else "gold folder not found"
            raise InputError(path, missing)
    return found


def split_corpus(folder: Path) -> Path | None:
    """The corpus folder that the ``# corpus:`` line of ``folder``'s split.tsv names, if any."""
    table = folder / SPLIT_FILE
    if not table.is_file():
        return None
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("# corpus:"):
            return (folder / line.removeprefix("# corpus:").strip()).resolve()
    return None


def _split_sets(folder: Path, corpus: Path | None, split: str) -> list[GoldSet]:
    table = folder / SPLIT_FILE
    if not table.is_file():
        raise InputError(folder, f"no {SPLIT_FILE} in this folder")
    corpus = corpus or split_corpus(folder)
    sets = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, part = line.split("\t")
        if split and part != split:
            continue
        stem = name.removesuffix(".txt")
        if corpus is None:
            raise InputError(table, "no '# corpus:' line: give --corpus DIR")
        relations = folder / f"{stem}.relations.jsonl"
        sets.append(
            GoldSet(
                corpus / name,
                folder / f"{stem}.entities.jsonl",
                relations if relations.is_file() else None,
                part,
            )
        )
    if not sets:
        raise InputError(table, f"no document in split {split!r}")
    return sets


def evaluate(gold: GoldSet, extractor: Extractor | None = None) -> DocumentScore:
    """Extract the document's entities and relations and score them against its gold."""
    if not gold.document.is_file():
        raise InputError(gold.document, "document not found (is the corpus there?)")
    document = read_document(gold.document)
    extraction = (extractor or Extractor()).extract(document)
    wanted = load_gold(gold.entities)
    entities = score(extraction, wanted)
    result = DocumentScore(gold.name, entities)
    if gold.relations is not None:
        found = extract_relations(document, extraction)
        mapping = match_entities(extraction, wanted, found)
        gold_relations, gold_routes = load_gold_relations(gold.relations, document)
        keyed = relation_keys(found, mapping, gold_routes)
        result.relations = _scores_by_predicate(set(keyed), gold_relations)
        result.missed_relations = sorted(gold_relations - set(keyed))
        result.spurious_relations = sorted(
            ((key, item) for key, item in keyed.items() if key not in gold_relations),
            key=lambda pair: pair[0],
        )
    return result


def micro_average(scores: list[DocumentScore]) -> DocumentScore:
    """Counts summed over documents, per entity type and per predicate."""
    entities: dict[EntityType, TypeScore] = {}
    relations: dict[str, RelationScore] = {}
    for document in scores:
        for entity_type, result in document.entities.items():
            total = entities.setdefault(entity_type, TypeScore(entity_type))
            _add(total, result)
        for predicate, result in (document.relations or {}).items():
            _add(relations.setdefault(predicate, RelationScore(predicate)), result)
    ordered = dict(sorted(entities.items(), key=lambda item: list(EntityType).index(item[0])))
    by_predicate = dict(sorted(relations.items(), key=lambda item: (item[0] == "all", item[0])))
    return DocumentScore("micro-average", ordered, by_predicate or None)


def _add(total, result) -> None:
    total.true_positives += result.true_positives
    total.false_positives += result.false_positives
    total.false_negatives += result.false_negatives
    if isinstance(total, TypeScore):
        total.missed.extend(result.missed)
        total.spurious.extend(result.spurious)
