"""The extractor on the seed report, scored against the hand-made gold set.

The floors are what the extractor reaches today (docs/evaluation.md); a change
that lowers one is a regression.
"""

from pathlib import Path

import pytest

from kg.evaluation import load_gold, score
from kg.nlp.extract import Extractor
from kg.nlp.model import EntityType

GOLD = Path(__file__).parent / "gold" / "seed.entities.jsonl"
FLOORS = {
    EntityType.COUNTRY: 0.95,
    EntityType.RESOLUTION: 0.95,
    EntityType.REGION: 0.90,
    EntityType.ORGANIZATION: 0.95,
    EntityType.CITY: 0.90,
    EntityType.INSTRUMENT: 0.95,
    EntityType.MEETING: 0.90,
    EntityType.PROGRAMME: 0.90,
    EntityType.PUBLICATION: 0.60,
}


@pytest.fixture(scope="module")
def seed_extraction(seed_document):
    return Extractor().extract(seed_document)


@pytest.fixture(scope="module")
def scores(seed_extraction):
    return score(seed_extraction, load_gold(GOLD))


@pytest.mark.parametrize("entity_type", list(FLOORS))
def test_f1_floor_per_type(scores, entity_type):
    assert scores[entity_type].f1 >= FLOORS[entity_type], scores[entity_type].missed


def test_surface_forms_resolve_to_one_entity(seed_extraction):
    unodc = seed_extraction.entities["org/unodc"]
    assert {"联合国毒品和犯罪问题办公室", "毒品和犯罪问题办公室"} <= unodc.forms
    assert len(unodc.paragraphs) > 60
    untoc = seed_extraction.entities["instrument/untoc"]
    assert {"《联合国打击跨国有组织犯罪公约》", "《有组织犯罪公约》", "《公约》"} <= untoc.forms


def test_every_mention_is_its_text(seed_document, seed_extraction):
    texts = {p.label: p.text for p in seed_document.paragraphs}
    for mention in seed_extraction.mentions:
        if mention.paragraph in texts:
            assert texts[mention.paragraph][mention.start : mention.end] == mention.text
