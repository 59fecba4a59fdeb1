"""The project's vocabulary as Python: the `KG` namespace and the ontology files.

`KG` lists every term of ``ontology/kg.ttl`` (a test checks the two agree), so a misspelt
term fails where it is written::

    >>> KG.partnerOf
    rdflib.term.URIRef('https://w3id.org/unodc-kg/ontology#partnerOf')
    >>> KG.partnerof
    Traceback (most recent call last):
    ...
    AttributeError: term 'partnerof' not in namespace 'https://w3id.org/unodc-kg/ontology#'

Resources (documents, paragraphs, entities) live under `ID`; see ``docs/ontology.md``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from kg.errors import OntologyError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

ID = Namespace("https://w3id.org/unodc-kg/id/")


class KG(DefinedNamespace):
    """
    unodc-kg ontology

    Entities named in Chinese-language UN reports (organizations, places, resolutions,
    instruments, programmes, meetings, publications, threats, routes), the relations the text
    states between them, and the provenance of every relation: document, section, paragraph,
    and the sentence, rule and confidence of the assertion.

    Generated from: ontology/kg.ttl (https://w3id.org/unodc-kg/ontology#), version 0.1.0
    """

    _fail = True

    # http://www.w3.org/2002/07/owl#Class - entities
    Entity: URIRef  # Anything named in a report; superclass of every entity class.
    Actor: URIRef  # Abstract: an organization or a country.
    Organization: URIRef  # An organization, body or office (UNODC, the General Assembly, an NGO).
    Place: URIRef  # A geographical place; use Country, Region or City when the kind is known.
    Country: URIRef  # A State, identified by kg:iso3; both a place and an actor.
    Region: URIRef  # A region across or within countries (West Africa, Central Asia).
    City: URIRef  # A city or town (Vienna).
    Resolution: URIRef  # A resolution or decision of a UN organ (A/RES/62/176).
    Instrument: URIRef  # A convention, protocol, declaration or plan of action.
    Programme: URIRef  # A programme, initiative, project, centre, network, fund or toolkit.
    Meeting: URIRef  # A meeting, session, conference or workshop.
    Publication: URIRef  # A publication named in a report (《世界毒品报告》).
    Threat: URIRef  # A kind of crime or threat; a skos:Concept in the scheme kg:threats.
    Route: URIRef  # A trafficking route or flow, with origin, transit and destination places.

    # http://www.w3.org/2002/07/owl#Class - provenance
    Document: URIRef  # A report read into the graph (E/CN.7/2009/3).
    DocumentPart: URIRef  # A section, paragraph or footnote of a document.
    Section: URIRef  # A numbered heading: chapter (一.), section (A.) or subsection (1.).
    Paragraph: URIRef  # A numbered body paragraph: where entities are mentioned.
    Footnote: URIRef  # A footnote, identified by its marker ("1", "*").
    Assertion: URIRef  # A reified relation triple with its evidence sentence, rule and confidence.

    # http://www.w3.org/2004/02/skos/core#ConceptScheme
    threats: URIRef  # The concept scheme of kg:Threat concepts.

    # http://www.w3.org/2002/07/owl#DatatypeProperty - names
    iso3: URIRef  # Country or territory (Region) -> xsd:string, ISO 3166-1 alpha-3 code ("AFG").
    acronym: URIRef  # Entity -> xsd:string, an acronym of the name ("UNODC").

    # http://www.w3.org/2002/07/owl#ObjectProperty - document model
    mentionedIn: URIRef  # Entity -> Paragraph that mentions it.
    inDocument: URIRef  # Section, Paragraph or Footnote -> its Document.
    inSection: URIRef  # Paragraph -> the innermost Section it falls under.
    parentSection: URIRef  # Section -> the Section directly above it.
    cites: URIRef  # Paragraph -> a Footnote it carries a marker for.

    # http://www.w3.org/2002/07/owl#DatatypeProperty - document model
    number: URIRef  # Paragraph -> xsd:integer; Section -> xsd:string as printed ("六").
    text: URIRef  # Paragraph or Footnote -> its clean text (@zh).
    path: URIRef  # Section -> xsd:string, dotted path unique in its document ("6.B.1").
    headingLevel: URIRef  # Section -> "chapter", "section" or "subsection".
    paragraphKind: URIRef  # Paragraph -> "body" or "preamble".
    order: URIRef  # Section, Paragraph or Footnote -> xsd:integer, position in document order.
    marker: URIRef  # Footnote -> xsd:string ("1", "*").
    startOffset: URIRef  # xsd:integer: into the source file; for an Assertion, its paragraph.
    endOffset: URIRef  # xsd:integer, exclusive end offset, same frame as startOffset.
    symbol: URIRef  # Document -> xsd:string, a UN document symbol ("E/CN.7/2009/3").
    subtitle: URIRef  # Document -> the kind of document ("执行主任的报告").
    summary: URIRef  # Document -> its summary (摘要).
    session: URIRef  # Document -> a session it was prepared for, as printed.
    agendaItem: URIRef  # Document -> an agenda item it is issued under, as printed.
    sourceFile: URIRef  # Document -> xsd:string, a file it was read from.
    sourceEncoding: URIRef  # Document -> xsd:string, the encoding of its source file.
    trigger: URIRef  # Threat -> a Chinese term that signals the threat (@zh).
    contentHash: URIRef  # Document -> xsd:string, SHA-256 of the source text (64 hex digits).
    numbering: URIRef  # Document -> "source" or "reading-order".

    # http://www.w3.org/2002/07/owl#ObjectProperty - relations between entities
    relatedTo: URIRef  # Super-property of every relation below.
    partOf: URIRef  # Organization -> Organization it belongs to (gazetteer knowledge).
    partnerOf: URIRef  # Actor <-> Actor, symmetric: they work together.
    worksOn: URIRef  # -> Threat: works against or on a threat.
    implements: URIRef  # Actor -> Programme: runs or carries out a programme.
    participatesIn: URIRef  # Actor -> Programme, Meeting or Route: takes part in it.
    heldIn: URIRef  # Meeting -> Place where it takes place.
    adopts: URIRef  # -> Resolution or Instrument: adopts, ratifies or accedes to it.
    targets: URIRef  # -> Place a programme or activity is aimed at.
    concerns: URIRef  # Route -> Threat: what is trafficked along it.
    origin: URIRef  # Route -> Place it starts from.
    transit: URIRef  # Route -> Place it passes through.
    destination: URIRef  # Route -> Place it leads to.
    donorTo: URIRef  # Country -> Organization it funds.
    locatedIn: URIRef  # Organization or Programme -> Place where it sits.
    supports: URIRef  # Actor -> Programme, Meeting or Organization it supports or funds.

    # http://www.w3.org/2002/07/owl#DatatypeProperty - assertions
    evidence: URIRef  # Assertion -> the sentence it was read from (@zh).
    rule: URIRef  # Assertion -> xsd:string, name of the rule that produced it.
    confidence: URIRef  # Assertion -> xsd:decimal in [0, 1].

    _NS = Namespace("https://w3id.org/unodc-kg/ontology#")


RELATION_PROPERTIES: tuple[URIRef, ...] = (
    KG.partnerOf,
    KG.worksOn,
    KG.implements,
    KG.participatesIn,
    KG.heldIn,
    KG.adopts,
    KG.targets,
    KG.concerns,
    KG.origin,
    KG.transit,
    KG.destination,
    KG.donorTo,
    KG.locatedIn,
    KG.supports,
)
"""The entity-to-entity relations (all sub-properties of `KG.relatedTo`), in a stable order."""

ENTITY_CLASSES: tuple[URIRef, ...] = (
    KG.Organization,
    KG.Place,
    KG.Country,
    KG.Region,
    KG.City,
    KG.Resolution,
    KG.Instrument,
    KG.Programme,
    KG.Meeting,
    KG.Publication,
    KG.Threat,
    KG.Route,
)
"""The classes entities are typed with (`KG.Entity` and the abstract `KG.Actor` excluded)."""

PLACE_CLASSES: tuple[URIRef, ...] = (KG.Place, KG.Country, KG.Region, KG.City)
"""`KG.Place` and its subclasses: what a place-valued relation accepts without inference."""


class OntologyFileMissing(OntologyError, FileNotFoundError):
    """An ontology file is not where the package expects it."""


def _load(path: Path) -> Graph:
    if not path.is_file():
        raise OntologyFileMissing(
            f"{path}: ontology file not found. unodc-kg reads its vocabulary from the "
            f"'ontology' folder next to the 'kg' package ({ONTOLOGY_DIR}); run from a "
            "checkout of the repository or reinstall the package with its ontology files."
        )
    return Graph().parse(path, format="turtle")


@cache
def ontology_graph() -> Graph:
    """The OWL ontology ``ontology/kg.ttl``, parsed once. Shared: copy it before changing it."""
    return _load(ONTOLOGY_FILE)


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes ``ontology/shapes.ttl``, parsed once. Shared: copy it before changing it.

    Validate without inference: ``pyshacl.validate(data, shacl_graph=shapes_graph(),
    inference="none")``.
    """
    return _load(SHAPES_FILE)
