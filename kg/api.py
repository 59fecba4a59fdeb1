"""`KnowledgeGraph`: the Python door to a built graph — names, relations with evidence, SPARQL.

    >>> from kg import KnowledgeGraph
    >>> graph = KnowledgeGraph.open("out")                     # doctest: +SKIP
    >>> graph.entity("刑警组织").label_en                        # doctest: +SKIP
    'International Criminal Police Organization'
    >>> [r.object_label for r in graph.partners(of="毒品和犯罪问题办公室")][:3]  # doctest: +SKIP

The CLI, the HTTP endpoint and the viz are thin layers over this class.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
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

    def entity(self, name: str) -> EntityRecord:
        """The entity with this Chinese or English name, alias, acronym, ISO code, key or IRI.

        Raises EntityNotFound, naming the closest names, when nothing fits; when
        several entities share the name, the one mentioned most often wins.
        """
        records, index = self._names
        if name in records:
            return records[name]
        found = index.get(normalize_name(name))
        if not found:
            close = difflib.get_close_matches(normalize_name(name), list(index), n=5, cutoff=0.5)
            hint = "; did you mean " + ", ".join(close) + "?" if close else ""
            raise EntityNotFound(f"no entity is called {name!r}{hint}")
        return records[found[0]]

    def _iri(self, name: str | EntityRecord) -> str:
        return name.iri if isinstance(name, EntityRecord) else self.entity(name).iri

    # --- relations ----------------------------------------------------------------------

    def relations(
        self,
        subject: str | EntityRecord | None = None,
        predicate: str | None = None,
        object: str | EntityRecord | None = None,
    ) -> list[Relation]:
        """Relations with their evidence; any end may be left open.

        The generated query starts from the bound end, so it stays fast on large graphs.
        """
        bound = []
        if subject is not None:
            bound.append(f"?a rdf:subject <{self._iri(subject)}> .")
        if object is not None:
            bound.append(f"?a rdf:object <{self._iri(object)}> .")
        if predicate is not None:
            bound.append(f"?a rdf:predicate kg:{Predicate(predicate).value} .")
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

    def partners(self, of: str | EntityRecord) -> list[Relation]:
        """Who ``of`` cooperates with (kg:partnerOf), with the evidence."""
        return self.relations(subject=of, predicate="partnerOf")

    def who_works_on(self, threat: str | EntityRecord) -> list[Relation]:
        """Bodies, programmes and meetings that work on a threat or a narrower one."""
        iri = self._iri(threat)
        narrower = self.sparql(f"SELECT ?t WHERE {{ ?t skos:broader* <{iri}> }}").column("t")
        found: list[Relation] = []
        for concept in dict.fromkeys([iri, *sorted(narrower)]):  # one order on every engine
            found.extend(self.relations(predicate="worksOn", object=concept))
        return found

    def programmes(self, of: str | EntityRecord | None = None) -> list[Relation]:
        """Programmes a body or country implements (all implements relations if ``of`` is None)."""
        return self.relations(subject=of, predicate="implements")

    def meetings(self, in_: str | EntityRecord | None = None) -> list[Relation]:
        """Meetings and where they were held (only those held in ``in_`` if given)."""
        return self.relations(predicate="heldIn", object=in_)

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

    def partners_on_route(self, route: str | EntityRecord) -> list[Relation]:
        """Who works on a trafficking route: actors taking part in it, found by its name,
        or by a place or threat on it (partners_on_route("西非"))."""
        try:
            record = self.entity(route) if not isinstance(route, EntityRecord) else route
        except EntityNotFound:
            record = None
        if record is not None and record.type == "Route":
            return self.relations(predicate="participatesIn", object=record)
        wanted = normalize_name(route if isinstance(route, str) else route.label)
        found: list[Relation] = []
        for item in self.routes():
            names = [item.label, *item.concerns, *item.origin, *item.transit, *item.destination]
            if any(wanted in normalize_name(n) for n in names):
                found.extend(item.actors)
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


def _evidence(relation: Relation) -> dict:
    return {
        "document": relation.document,
        "paragraph": relation.paragraph,
        "section": relation.section,
        "sentence": relation.sentence,
        "rule": relation.rule,
        "confidence": relation.confidence,
    }
