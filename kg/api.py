"""`KnowledgeGraph`: the Python door to a built graph — names, relations with evidence, SPARQL.

    >>> from kg import KnowledgeGraph
    >>> graph = KnowledgeGraph.open("out")                     # doctest: +SKIP
    >>> graph.entity("刑警组织").label_en                        # doctest: +SKIP
    'International Criminal Police Organization'
    >>> [r.object_label for r in graph.partners(of="毒品和犯罪问题办公室")][:3]  # doctest: +SKIP
    >>> graph.partners_on_route(graph.routes()[0])           # doctest: +SKIP

Every method that takes an entity takes it as a name, an IRI or a record another method
returned (see `EntityLike`). The CLI, the HTTP endpoint and the viz are thin layers over
this class.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import networkx as nx

from kg.errors import KGError
from kg.namespace import ID, KG
from kg.relations.model import Predicate
from kg.remote import RemoteStore, is_url
from kg.store import QueryResult, SparqlStore, Store

PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX id: <{ID}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


class EntityNotFound(KGError):
    """No entity has the name asked for."""


class WrongKind(KGError):
    """A value that cannot stand for what a method takes: not a name, an IRI or a record of
    the graph, an entity of another class (a threat where an actor is meant), or an unknown
    predicate."""


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity of the graph: its IRI, class and names."""

    iri: str
    type: str
    label_zh: str
    label_en: str = ""
    alt_labels: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.iri.removeprefix(str(ID))

    @property
    def label(self) -> str:
        return self.label_zh or self.label_en or self.key

    def __str__(self) -> str:
        return f"{self.label_zh} ({self.label_en})" if self.label_en else self.label_zh


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation with the evidence for it: paragraph, sentence, rule, confidence."""

    subject: str
    predicate: str
    object: str
    subject_label: str
    object_label: str
    document: str
    paragraph: int
    sentence: str
    rule: str
    confidence: float
    section: str = ""  # the heading the paragraph sits under

    def __str__(self) -> str:
        return (
            f"{self.subject_label} —{self.predicate}→ {self.object_label} "
            f"({self.document} ¶{self.paragraph}: {self.sentence})"
        )


@dataclass(frozen=True, slots=True)
class RouteRecord:
    """A trafficking route: what it concerns, its places by role, who works on it."""

    iri: str
    label: str
    concerns: tuple[str, ...]
    origin: tuple[str, ...]
    transit: tuple[str, ...]
    destination: tuple[str, ...]
    actors: tuple[Relation, ...] = field(default=())


EntityLike = str | EntityRecord | RouteRecord | Relation
"""What a method takes for an entity: any name (Chinese or English label, alias, acronym, ISO
code, key) or IRI, an `EntityRecord` or `RouteRecord`, or a `Relation`, which stands for its
end of the class the method takes (the object when both ends are)."""

ACTORS = ("Organization", "Country")
PLACES = ("Country", "Region", "City")
THREATS = ("Threat",)
ROUTE_ENDS = ("Route", *PLACES, *THREATS)  # a route, or a place or threat on routes


def normalize_name(name: str) -> str:
    """Names compare without spaces, in NFKC form, case-folded."""
    return unicodedata.normalize("NFKC", name).replace(" ", "").casefold()


ASSERTIONS = """
SELECT ?s ?p ?o ?sentence ?rule ?confidence ?number ?doc (MIN(?code) AS ?symbol)
       (MIN(?title) AS ?section) WHERE {
  %(bound)s
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     kg:evidence ?sentence ; kg:rule ?rule ; kg:confidence ?confidence ;
     prov:wasDerivedFrom ?paragraph .
  ?paragraph kg:number ?number ; kg:inDocument ?doc .
  OPTIONAL { ?doc kg:symbol ?code }
  OPTIONAL { ?paragraph kg:inSection ?heading . ?heading rdfs:label ?title }
}
GROUP BY ?a ?s ?p ?o ?sentence ?rule ?confidence ?number ?doc
ORDER BY ?s ?p ?o ?doc ?number ?sentence
"""

NAMES = """
SELECT ?e ?class ?zh ?en ?alt ?code WHERE {
  ?e a ?class .
  FILTER(?class IN (%(classes)s))
  OPTIONAL { ?e rdfs:label ?zh FILTER(lang(?zh) = "zh") }
  OPTIONAL { ?e rdfs:label ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?e skos:altLabel ?alt }
  OPTIONAL { { ?e kg:iso3 ?code } UNION { ?e kg:acronym ?code } }
}
"""

PARTS = """
SELECT ?x (MIN(?code) AS ?symbol) (SAMPLE(?n) AS ?number) (SAMPLE(?m) AS ?marker) WHERE {
  VALUES ?x { %(iris)s }
  OPTIONAL { ?x prov:wasDerivedFrom ?from }  # an assertion: named by its paragraph
  BIND (COALESCE(?from, ?x) AS ?part)
  OPTIONAL { ?part kg:inDocument ?in }
  BIND (COALESCE(?in, ?part) AS ?doc)
  ?doc kg:symbol ?code .
  OPTIONAL { ?part kg:number ?n }
  OPTIONAL { ?part kg:marker ?m }
}
GROUP BY ?x
"""

ROUTES_THROUGH = """
SELECT DISTINCT ?route WHERE {
  ?route a kg:Route ; kg:concerns|kg:origin|kg:transit|kg:destination ?end .
  ?end skos:broader* <%(end)s> .
}
ORDER BY ?route
"""

ENTITY_CLASSES = (
    "Organization", "Country", "Region", "City", "Resolution", "Instrument",
    "Programme", "Meeting", "Publication", "Threat", "Route",
)  # fmt: skip


class KnowledgeGraph:
    """A built knowledge graph, read through its SPARQL store."""

    def __init__(self, store: SparqlStore) -> None:
        self.store = store

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path = "out") -> KnowledgeGraph:
        """Open the graph `kg build` wrote: the output folder or its ``store`` folder, or a
        SPARQL endpoint's http(s) URL holding a graph `kg push` loaded (see kg.remote)."""
        if is_url(path):
            return cls(RemoteStore(path))
        path = Path(path)
        store_path = path / "store" if (path / "store").is_dir() else path
        return cls(Store.open(store_path))

    @classmethod
    def build(
        cls, paths: Sequence[str | Path] | None = None, out: str | Path = "out"
    ) -> KnowledgeGraph:
        """Build the graph of ``paths`` (default: the shipped seeds) into ``out`` and open it."""
        from kg.build import build

        build([Path(p) for p in paths] if paths else None, Path(out))
        return cls.open(out)

    # --- SPARQL -------------------------------------------------------------------------

    def sparql(self, query: str) -> QueryResult:
        """Run a SPARQL query (the usual prefixes kg:, id:, rdfs:, skos:, prov: are predefined)."""
        if "PREFIX kg:" not in query and "prefix kg:" not in query:
            query = PREFIXES + query
        return self.store.query(query)

    # --- names --------------------------------------------------------------------------

    @cached_property
    def _names(self) -> tuple[dict[str, EntityRecord], dict[str, list[str]]]:
        classes = ", ".join(f"kg:{c}" for c in ENTITY_CLASSES)
        rows = self.sparql(NAMES % {"classes": classes})
        labels: dict[str, dict] = {}
        for row in rows:
            entry = labels.setdefault(
                row["e"],
                {
                    "type": row["class"].rsplit("#", 1)[-1],
                    "zh": "",
                    "en": "",
                    "alt": set(),
                    "codes": set(),
                },
            )
            entry["zh"] = entry["zh"] or row.get("zh", "")
            entry["en"] = entry["en"] or row.get("en", "")
            if "alt" in row:
                entry["alt"].add(row["alt"])
            if "code" in row:
                entry["codes"].add(row["code"])
        records: dict[str, EntityRecord] = {}
        index: dict[str, list[str]] = {}
        for iri, entry in labels.items():
            records[iri] = EntityRecord(
                iri, entry["type"], entry["zh"], entry["en"], tuple(sorted(entry["alt"]))
            )
            names = {
                entry["zh"],
                entry["en"],
                *entry["alt"],
                *entry["codes"],
                iri.removeprefix(str(ID)),
            }
            for name in names - {""}:
                index.setdefault(normalize_name(name), []).append(iri)
        return records, index

    def entities(self, type: str | None = None) -> list[EntityRecord]:
        """Every entity, or those of one class ("Organization", "Country" …)."""
        records = self._names[0].values()
        return sorted((r for r in records if type is None or r.type == type), key=lambda r: r.iri)

    def entity(self, name: EntityLike) -> EntityRecord:
        """The entity with this Chinese or English name, alias, acronym, ISO code, key or IRI,
        or the entity of a record (a relation's subject).

        Raises EntityNotFound, naming the closest names, when nothing fits; when several
        entities share a name (《公约》), the first found.
        """
        return self._resolve(name, "entity()", end="subject")

    def _resolve(
        self, value: EntityLike, taker: str, kinds: Sequence[str] = (), end: str = "object"
    ) -> EntityRecord:
        """The entity ``value`` stands for, of one of ``kinds`` (any class if empty).

        A relation stands for its ``end`` ("subject" or "object"), or for its other end when
        only that one is of ``kinds``. ``taker`` names the method in error messages.
        """
        if isinstance(value, Relation):
            pair = (value.subject, value.object)
            names = pair if end == "subject" else pair[::-1]
        elif isinstance(value, EntityRecord | RouteRecord):
            names = (value.iri,)
        elif isinstance(value, str):
            names = (value,)
        else:
            raise WrongKind(
                f"{taker} takes a name, an IRI or a record of the graph, not {type(value).__name__}"
            )
        found: list[EntityRecord] = []
        for name in names:
            found += self._lookup(name)
            fitting = [record for record in found if not kinds or record.type in kinds]
            if fitting:
                return fitting[0]
        raise WrongKind(f"{taker} takes {' or '.join(kinds)}; {found[0]} is a kg:{found[0].type}")

    def _lookup(self, name: str) -> list[EntityRecord]:
        """Every entity called ``name`` (or with this IRI); EntityNotFound if there is none."""
        records, index = self._names
        if name in records:
            return [records[name]]
        found = index.get(normalize_name(name))
        if not found:
            close = difflib.get_close_matches(normalize_name(name), list(index), n=5, cutoff=0.5)
            hint = "; did you mean " + ", ".join(close) + "?" if close else ""
            raise EntityNotFound(f"no entity is called {name!r}{hint}")
        return [records[iri] for iri in found]

    def labels(self, values: Iterable[object]) -> dict[str, str]:
        """A name for people for each IRI among ``values``: an entity's label, a document's
        symbol, a paragraph or footnote as its document and number (E/CN.7/2009/3 ¶43), an
        assertion as its paragraph, an ontology term or any other IRI by its local name."""
        iris = {v for v in values if isinstance(v, str) and v.startswith(("http://", "https://"))}
        records = self._names[0]
        named = {iri: records[iri].label for iri in iris if iri in records}
        parts = sorted(iri for iri in iris - set(named) if iri.startswith(str(ID)))
        if parts:
            values_clause = " ".join(f"<{iri}>" for iri in parts)
            for row in self.sparql(PARTS % {"iris": values_clause}):
                number = f" ¶{row['number']}" if "number" in row else ""
                marker = f" fn {row['marker']}" if "marker" in row else ""
                named[row["x"]] = f"{row['symbol']}{number}{marker}"
        return {iri: named.get(iri) or _local_name(iri) for iri in iris}

    # --- relations ----------------------------------------------------------------------

    def relations(
        self,
        subject: EntityLike | None = None,
        predicate: str | Relation | None = None,
        object: EntityLike | None = None,
    ) -> list[Relation]:
        """Relations with their evidence; any end may be left open.

        A relation given as ``subject`` stands for its subject, as ``object`` for its object,
        as ``predicate`` for its predicate (else a name such as "partnerOf", or its IRI).
        The generated query starts from the bound end, so it stays fast on large graphs.
        """
        bound = []
        if subject is not None:
            iri = self._resolve(subject, "relations(subject=…)", end="subject").iri
            bound.append(f"?a rdf:subject <{iri}> .")
        if object is not None:
            iri = self._resolve(object, "relations(object=…)", end="object").iri
            bound.append(f"?a rdf:object <{iri}> .")
        if predicate is not None:
            bound.append(f"?a rdf:predicate kg:{_predicate(predicate).value} .")
        rows = self.sparql(ASSERTIONS % {"bound": "\n  ".join(bound)})
        return [self._relation(row) for row in rows]

    def _relation(self, row: dict) -> Relation:
        records = self._names[0]
        subject, obj = row["s"], row["o"]
        return Relation(
            subject,
            row["p"].rsplit("#", 1)[-1],
            obj,
            records[subject].label if subject in records else subject,
            records[obj].label if obj in records else obj,
            row.get("symbol") or row["doc"],
            int(row["number"]),
            row["sentence"],
            row["rule"],
            float(row["confidence"]),
            row.get("section", ""),
        )

    def partners(self, of: EntityLike) -> list[Relation]:
        """Who ``of``, an organization or country, cooperates with (kg:partnerOf), with the
        evidence. A relation between two actors stands for its object: the partner."""
        actor = self._resolve(of, "partners(of=…)", ACTORS)
        return self.relations(subject=actor, predicate="partnerOf")

    def who_works_on(self, threat: EntityLike) -> list[Relation]:
        """Bodies, programmes and meetings that work on a threat or a narrower one."""
        iri = self._resolve(threat, "who_works_on()", THREATS).iri
        narrower = self.sparql(f"SELECT ?t WHERE {{ ?t skos:broader* <{iri}> }}").column("t")
        found: list[Relation] = []
        for concept in dict.fromkeys([iri, *sorted(narrower)]):  # one order on every engine
            found.extend(self.relations(predicate="worksOn", object=concept))
        return found

    def programmes(self, of: EntityLike | None = None) -> list[Relation]:
        """Programmes a body or country implements (all implements relations if ``of`` is None)."""
        actor = None if of is None else self._resolve(of, "programmes(of=…)", ACTORS)
        return self.relations(subject=actor, predicate="implements")

    def meetings(self, in_: EntityLike | None = None) -> list[Relation]:
        """Meetings and where they were held (only those held in the place ``in_`` if given)."""
        place = None if in_ is None else self._resolve(in_, "meetings(in_=…)", PLACES)
        return self.relations(predicate="heldIn", object=place)

    def routes(self) -> list[RouteRecord]:
        """Every trafficking route, with its threat, places by role and the actors on it."""
        found = []
        for route in self.entities("Route"):
            roles: dict[str, list[str]] = {
                "concerns": [],
                "origin": [],
                "transit": [],
                "destination": [],
            }
            for relation in self.relations(subject=route):
                roles.setdefault(relation.predicate, []).append(relation.object_label)
            actors = tuple(self.relations(predicate="participatesIn", object=route))
            found.append(
                RouteRecord(
                    route.iri,
                    route.label,
                    *(
                        tuple(dict.fromkeys(roles[r]))
                        for r in ("concerns", "origin", "transit", "destination")
                    ),
                    actors=actors,
                )
            )
        return found

    def partners_on_route(self, route: EntityLike) -> list[Relation]:
        """Who works on a trafficking route: the actors taking part in it, with the evidence.

        ``route`` is a route, or a place or threat on routes (partners_on_route("西非")): then
        the actors on every route through the place, or about the threat or a narrower one.
        """
        record = self._resolve(route, "partners_on_route()", ROUTE_ENDS)
        if record.type == "Route":
            iris = [record.iri]
        else:
            iris = self.sparql(ROUTES_THROUGH % {"end": record.iri}).column("route")
        found: list[Relation] = []
        for iri in iris:
            found.extend(self.relations(predicate="participatesIn", object=iri))
        return found

    def mentions(self) -> dict[str, list[int]]:
        """Entity IRI → numbers of the paragraphs that mention it, in order."""
        rows = self.sparql(
            "SELECT DISTINCT ?e ?n WHERE { ?e kg:mentionedIn ?p . ?p kg:number ?n } ORDER BY ?e ?n"
        )
        found: dict[str, list[int]] = {}
        for row in rows:
            found.setdefault(row["e"], []).append(int(row["n"]))
        return found

    # --- graph analysis -----------------------------------------------------------------

    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as typed nodes, relations as edges keyed by predicate with their evidence."""
        graph = nx.MultiDiGraph()
        for record in self.entities():
            graph.add_node(
                record.iri,
                type=record.type,
                label=record.label,
                label_zh=record.label_zh,
                label_en=record.label_en,
                aliases=list(record.alt_labels),
            )
        for relation in self.relations():
            if graph.has_edge(relation.subject, relation.object, key=relation.predicate):
                graph.edges[relation.subject, relation.object, relation.predicate][
                    "evidence"
                ].append(_evidence(relation))
            else:
                graph.add_edge(
                    relation.subject, relation.object, key=relation.predicate,
                    predicate=relation.predicate, evidence=[_evidence(relation)],
                )  # fmt: skip
        return graph


def _predicate(value: str | Relation) -> Predicate:
    """The predicate named by ``value``: its local name, kg: name or IRI, or a relation's."""
    name = value.predicate if isinstance(value, Relation) else value
    if isinstance(name, str):
        name = name.removeprefix(str(KG)).removeprefix("kg:")
    try:
        return Predicate(name)
    except ValueError:
        choices = ", ".join(p.value for p in Predicate)
        raise WrongKind(f"no predicate is called {name!r}; choose from {choices}") from None


def _local_name(iri: str) -> str:
    """The last part of an IRI: after its #, or else its last /."""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def _evidence(relation: Relation) -> dict:
    return {
        "document": relation.document,
        "paragraph": relation.paragraph,
        "section": relation.section,
        "sentence": relation.sentence,
        "rule": relation.rule,
        "confidence": relation.confidence,
    }
