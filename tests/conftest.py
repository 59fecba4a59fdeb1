from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "unodc-activities-2008.zh.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_document():
    from kg.reader import read_document

    return read_document(SEED)


@pytest.fixture(scope="session")
def relate():
    """Relations of numbered paragraphs: the (subject label, predicate, object label)
    triples found, and the `Relations` themselves."""
    from kg.nlp.extract import Extractor
    from kg.reader import parse_document
    from kg.relations.extract import extract_relations

    extractor = Extractor()

    def run(*paragraphs: str):
        text = "\n".join(f"{n}. {p}" for n, p in enumerate(paragraphs, start=1))
        document = parse_document(text)
        extraction = extractor.extract(document)
        relations = extract_relations(document, extraction)
        names = {k: e.label_zh for k, e in relations.entities(extraction).items()}
        found = {
            (names[a.subject], a.predicate.value, names[a.object]) for a in relations.assertions
        }
        return found, relations

    return run
