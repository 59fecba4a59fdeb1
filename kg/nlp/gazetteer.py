"""Gazetteers: real-world entities with their Chinese names, loaded from `kg/data`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import SKOS

from kg.data_files import data_path, read_table, split_multi
from kg.nlp.model import EntityType

KG_NS = Namespace("https://w3id.org/unodc-kg/ontology#")
ID_NS = "https://w3id.org/unodc-kg/id/"
UN_KEY = "org/un"  # the United Nations as a whole (organizations.tsv id un)
UN_PREFIX = "联合国"
UN_SYSTEM = "un-"  # the kinds of the UN system's bodies (organizations.tsv column kind)
# Kinds of body whose plans, strategies and policies are their own, not adopted by States:
# funds and programmes, Secretariat offices.
OWNER_KINDS = frozenset({"un-fund-programme", "un-secretariat-office"})


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """A gazetteer entry: key, type, names (fullest first) and codes."""

    key: str
    type: EntityType
    label_zh: str
    label_en: str
    names: tuple[str, ...]
    iso3: str = ""
    acronym: str = ""
    kind: str = ""
    parent: str = ""


class Gazetteer:
    """All known entities, looked up by key or by any Chinese name."""

    def __init__(self, entries: list[KnownEntity]) -> None:
        self.entries = {entry.key: entry for entry in entries}
        self.by_name: dict[str, KnownEntity] = {}
        self._by_types: dict[tuple[EntityType, ...], dict[str, KnownEntity]] = {}
        for entry in entries:
            for name in entry.names:
                # The first entry to claim a name keeps it; files are read most specific first.
                self.by_name.setdefault(name, entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def get(self, key: str) -> KnownEntity | None:
        return self.entries.get(key)

    def lookup(self, name: str) -> KnownEntity | None:
        """The entity with this exact Chinese name or alias (spaces ignored)."""
        return self.by_name.get(name.replace(" ", ""))

    def boards(self, head: str) -> list[KnownEntity]:
        """The bodies of an agency (they have a parent) whose name ends with ``head``
        (执行局: the executive boards of UNICEF, UN-Women, WFP …)."""
        return [
            e for e in self.entries.values()
            if e.type is EntityType.ORGANIZATION and e.parent and e.label_zh.endswith(head)
        ]  # fmt: skip

    def names(self, *types: EntityType) -> dict[str, KnownEntity]:
        """Name → entity for the given types (all types if none given): made once per types,
        the same dict on every call (read it, do not change it)."""
        if types not in self._by_types:
            self._by_types[types] = {
                n: e for n, e in self.by_name.items() if not types or e.type in types
            }
        return self._by_types[types]


def _names(*cells: str) -> tuple[str, ...]:
    """Every written form of the cells' names, brackets full-width (as listed) or ASCII
    (as many texts print them: 刚果(金))."""
    names: list[str] = []
    for cell in cells:
        for listed in split_multi(cell):
            listed = listed.replace(" ", "")
            for name in (listed, listed.translate(ASCII_BRACKETS)):
                if name and name not in names:
                    names.append(name)
    return tuple(names)


ASCII_BRACKETS = str.maketrans("（）", "()")
TERRITORY = "territory"  # status of a countries.tsv row that is no State


def _countries() -> list[KnownEntity]:
    """States (members and observers) are countries; territories (Kosovo, Gibraltar,
    Bermuda) keep their ISO code but are places, not States: regions."""
    return [
        KnownEntity(
            key=f"country/{row['iso3']}",
            type=EntityType.REGION if row.get("status") == TERRITORY else EntityType.COUNTRY,
            label_zh=row["name_zh"],
            label_en=row["name_en"],
            names=_names(row["name_zh"], row["formal_zh"], row["aliases_zh"]),
            iso3=row["iso3"],
            kind=row.get("status", ""),
        )
        for row in read_table("countries.tsv")
    ]


def _bodies(file: str, prefix: str, entity_type: EntityType, lead: str) -> list[KnownEntity]:
    """Organisations, programmes and instruments: id, names, acronym, kind and the
    body that leads or holds them (column ``lead``)."""
    return [
        KnownEntity(
            key=f"{prefix}/{row['id']}",
            type=entity_type,
            label_zh=row["name_zh"],
            label_en=row["name_en"],
            names=_names(row["name_zh"], row["aliases_zh"]),
            acronym=row.get("acronym", ""),
            kind=row.get("kind", ""),
            parent=f"org/{row[lead]}" if lead and row.get(lead) else "",
        )
        for row in read_table(file)
    ]


def _un_prefixed(bodies: list[KnownEntity]) -> list[KnownEntity]:
    """UN texts often write a UN body with 联合国 before its name (联合国经济和社会事务部,
    联合国裁军审议委员会): that is one name of the body, not the UN and then the body."""
    return [
        replace(body, names=(*body.names, UN_PREFIX + body.label_zh))
        if body.kind.startswith(UN_SYSTEM)
        and not body.label_zh.startswith(UN_PREFIX)
        and UN_PREFIX + body.label_zh not in body.names
        else body
        for body in bodies
    ]


def _with_short_bodies(entries: list[KnownEntity], bodies: list[KnownEntity]) -> list[KnownEntity]:
    """An instrument or programme whose name opens with a body's full name is also written
    with the body's short forms (世界卫生组织烟草控制框架公约: 世卫组织烟草控制框架公约)."""
    full = sorted(
        (b for b in bodies if b.key != UN_KEY and len(b.names) > 1),
        key=lambda b: -len(b.label_zh),
    )
    widened = []
    for entry in entries:
        body = next((b for b in full if entry.label_zh.startswith(b.label_zh)), None)
        if body is None or entry.label_zh == body.label_zh:
            widened.append(entry)
            continue
        rest = entry.label_zh[len(body.label_zh) :]
        extra = tuple(n + rest for n in body.names[1:] if n + rest not in entry.names)
        widened.append(replace(entry, names=(*entry.names, *extra)))
    return widened


def _places(file: str, prefix: str, entity_type: EntityType) -> list[KnownEntity]:
    return [
        KnownEntity(
            key=f"{prefix}/{row['id']}",
            type=entity_type,
            label_zh=row["name_zh"],
            label_en=row["name_en"],
            names=_names(row["name_zh"], row["aliases_zh"]),
            kind=row.get("kind", ""),
            parent=row.get("broader", "") or row.get("country_iso3", ""),
        )
        for row in read_table(file)
    ]


@cache
def threat_graph() -> Graph:
    """The SKOS threat taxonomy (kg/data/threats.ttl)."""
    return Graph().parse(data_path("threats.ttl"), format="turtle")


def _threats() -> list[KnownEntity]:
    graph = threat_graph()
    entries = []
    for concept in sorted(set(graph.subjects(SKOS.inScheme, KG_NS.threats))):
        labels = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel)}
        zh_forms = [
            str(lit)
            for predicate in (SKOS.prefLabel, SKOS.altLabel, KG_NS.trigger)
            for lit in sorted(graph.objects(concept, predicate))
            if isinstance(lit, Literal) and lit.language == "zh"
        ]
        entries.append(
            KnownEntity(
                key=str(concept).removeprefix(ID_NS),
                type=EntityType.THREAT,
                label_zh=labels.get("zh", ""),
                label_en=labels.get("en", ""),
                names=_names(*zh_forms),
                parent=" ".join(
                    str(b).removeprefix(ID_NS) for b in graph.objects(concept, SKOS.broader)
                ),
            )
        )
    return entries


@cache
def load_gazetteer() -> Gazetteer:
    """Every gazetteer shipped in kg/data, loaded once."""
    bodies = _un_prefixed(_bodies("organizations.tsv", "org", EntityType.ORGANIZATION, "parent"))
    entries = [
        *_countries(),
        *bodies,
        *_with_short_bodies(
            [
                *_bodies("instruments.tsv", "instrument", EntityType.INSTRUMENT, lead=""),
                *_bodies("programmes.tsv", "programme", EntityType.PROGRAMME, lead="lead"),
                *_bodies("meetings.tsv", "meeting", EntityType.MEETING, lead="convener"),
            ],
            bodies,
        ),
        *_places("regions.tsv", "region", EntityType.REGION),
        *_places("cities.tsv", "city", EntityType.CITY),
        *_threats(),
    ]
    return Gazetteer(entries)


@lru_cache(maxsize=4096)
def owns_plans(key: str) -> bool:
    """Does the body ``key`` write plans, strategies and policies of its own (a UN fund,
    programme or Secretariat office: OWNER_KINDS)?"""
    body = load_gazetteer().get(key)
    return body is not None and body.kind in OWNER_KINDS


@lru_cache(maxsize=1024)
def broader_threats(key: str) -> frozenset[str]:
    """The threat concept ``key`` and every broader one (skos:broader, transitively):
    cocaine trafficking is drug trafficking and the world drug problem."""
    gazetteer = load_gazetteer()
    found: set[str] = set()
    stack = [key]
    while stack:
        current = stack.pop()
        if current in found:
            continue
        found.add(current)
        entry = gazetteer.get(current)
        if entry is not None and entry.type is EntityType.THREAT:
            stack.extend(entry.parent.split())
    return frozenset(found)


@cache
def top_threats() -> frozenset[str]:
    """The taxonomy's top concepts (世界毒品问题, 犯罪 …): too broad to relate two threats."""
    graph = threat_graph()
    return frozenset(
        str(concept).removeprefix(ID_NS) for concept in graph.objects(None, SKOS.hasTopConcept)
    )
