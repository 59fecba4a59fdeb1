"""What the extractor finds: mentions in paragraphs, resolved to entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class EntityType(StrEnum):
    """The ontology's entity classes (local names under kg:)."""

    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    REGION = "Region"
    CITY = "City"
    RESOLUTION = "Resolution"
    INSTRUMENT = "Instrument"
    PROGRAMME = "Programme"
    MEETING = "Meeting"
    PUBLICATION = "Publication"
    THREAT = "Threat"
    ROUTE = "Route"


class Candidate(NamedTuple):
    """A span a rule proposes, before overlaps are settled.

    ``key`` is the entity key when the rule knows the entity (a gazetteer id,
    a resolution number); otherwise it is "" and resolution mints one from the
    name. ``label`` is the entity's fullest name when the rule knows more than
    the surface form (a resolution with its issuing body). A named tuple: rules
    make tens of thousands a megabyte, four times faster than a frozen dataclass.
    """

    start: int
    end: int
    type: EntityType
    rule: str
    key: str = ""
    label: str = ""
    priority: int = 0
    related: str = ""  # a resolution's adopting body; a session's convening body


class Mention(NamedTuple):
    """A span of a paragraph's clean text that names an entity (a named tuple, as
    `Candidate`: a document has thousands)."""

    paragraph: str  # paragraph label, e.g. "12"
    start: int
    end: int
    text: str
    type: EntityType
    key: str
    rule: str
    related: str = ""  # a resolution's adopting body; a session's convening body
    nested: bool = False  # written inside a longer name (非洲联盟 in 非洲联盟…部长会议)


@dataclass(slots=True)
class Entity:
    """One real-world entity, however it is written."""

    key: str  # "country/AFG", "org/unodc", "resolution/cnd-50-8"
    type: EntityType
    label_zh: str
    label_en: str = ""
    alt_labels: set[str] = field(default_factory=set)
    iso3: str = ""
    acronym: str = ""
    mentions: list[Mention] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        """Labels of the paragraphs that mention the entity, in document order."""
        return list(dict.fromkeys(mention.paragraph for mention in self.mentions))

    @property
    def forms(self) -> set[str]:
        """Every name of the entity: label, alternative labels and surface forms."""
        return {self.label_zh, *self.alt_labels, *(m.text for m in self.mentions)} - {""}


TITLE_MARKS = str.maketrans("", "", "《》")
MARKLESS_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.MEETING})


def canonical_name(name: str, entity_type: EntityType) -> str:
    """A body's or meeting's name as its label, without the title marks of an instrument
    inside it: documents write 《联合国气候变化框架公约》缔约方会议 and 联合国气候变化框架公约
    缔约方会议 alike, one key (`kg.ids.entity_key` drops the marks), so one label."""
    if entity_type not in MARKLESS_TYPES or ("《" not in name and "》" not in name):
        return name  # most names: translating char by char costs more than looking
    return name.translate(TITLE_MARKS)
