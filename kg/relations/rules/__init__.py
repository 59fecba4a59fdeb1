"""Relation rules, one module per family. Each rule reads a `Sentence` and yields assertions."""

from kg.relations.rules.document import document_subject
from kg.relations.rules.donors import donors
from kg.relations.rules.locations import located_by_name, located_in, set_up_in
from kg.relations.rules.meetings import adopted_by_issuing_body, adopted_by_name, adopts, held_in
from kg.relations.rules.participation import participates
from kg.relations.rules.partners import (
    co_signatories,
    cooperation,
    listed_partners,
    named_partners,
)
from kg.relations.rules.programmes import carried_out, implements, targets
from kg.relations.rules.support import supports
from kg.relations.rules.work import (
    works_on,
    works_on_aim,
    works_on_heading_events,
    works_on_heading_topic,
    works_on_named_threat,
    works_on_priority,
    works_on_purpose,
    works_on_sentence_topic,
    works_on_speakers,
)

RULES = (
    cooperation,
    co_signatories,
    named_partners,
    listed_partners,
    works_on,
    works_on_sentence_topic,
    works_on_named_threat,
    works_on_aim,
    works_on_purpose,
    works_on_priority,
    works_on_heading_events,
    works_on_heading_topic,
    works_on_speakers,
    implements,
    carried_out,
    targets,
    participates,
    held_in,
    adopts,
    adopted_by_issuing_body,
    adopted_by_name,
    donors,
    located_in,
    located_by_name,
    set_up_in,
    supports,
    document_subject,
)

__all__ = ["RULES"]
