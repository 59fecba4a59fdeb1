"""Every document of the 2023 corpus, in both halves and unannotated alike, is read and
extracted whole: no rule may fail on a genre it was not written for. Only that the run
completes and its relations join known entities is checked, never a score. The texts
live outside the repository (../shared/corpus/un2023/): the test skips where they are
absent."""

from pathlib import Path

import pytest

from kg.nlp.extract import Extractor
from kg.reader import read_document
from kg.relations.extract import extract_relations

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "un2023"
DOCUMENTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.skipif(not DOCUMENTS, reason="the 2023 corpus is not on this machine")
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem[:40])
def test_every_corpus_document_is_extracted_whole(extractor, path):
    document = read_document(path)
    extraction = extractor.extract(document)
    relations = extract_relations(document, extraction)
    known = set(extraction.entities) | set(relations.referenced) | set(relations.routes)
    assert extraction.entities
    assert all(a.subject in known and a.object in known for a in relations.assertions)
