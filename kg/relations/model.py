"""What the relation rules produce: assertions with their evidence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Predicate(StrEnum):
    """The ontology's relation properties (local names under kg:)."""

    PARTNER_OF = "partnerOf"
    WORKS_ON = "worksOn"
    IMPLEMENTS = "implements"
    PARTICIPATES_IN = "participatesIn"
    HELD_IN = "heldIn"
    ADOPTS = "adopts"
    TARGETS = "targets"
    DONOR_TO = "donorTo"
    LOCATED_IN = "locatedIn"
    SUPPORTS = "supports"
    CONCERNS = "concerns"
    ORIGIN = "origin"
    TRANSIT = "transit"
    DESTINATION = "destination"


SYMMETRIC = frozenset({Predicate.PARTNER_OF})


@dataclass(frozen=True, slots=True)
class Assertion:
    """subject –predicate→ object, as stated by one sentence of one paragraph."""

    subject: str  # entity key
    predicate: Predicate
    object: str  # entity key
    paragraph: str  # paragraph label
    sentence: str  # the evidence, as it stands in the paragraph's clean text
    start: int  # the sentence's offsets in the paragraph's clean text
    end: int
    rule: str
    confidence: float

    @property
    def triple(self) -> tuple[str, Predicate, str]:
        return self.subject, self.predicate, self.object
