"""The 2023 corpus gold sets (tests/gold/un2023/) agree with their texts, and `kg eval`
scores several documents at once. The texts live outside the repository
(../shared/corpus/un2023/): these tests skip where they are absent."""

import json
import re
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.evaluation import CORE_TYPES, evaluate, gold_sets, micro_average
from kg.nlp.model import EntityType
from kg.relations.model import Predicate

GOLD = Path(__file__).parent / "gold" / "un2023"
SPACE = re.compile(r"\s")


def _corpus_sets(split=""):
    try:
        sets = gold_sets([GOLD], split=split)
    except KGError as error:  # no split file, or no corpus line
        pytest.skip(str(error))
    if not all(s.document.is_file() for s in sets):
        pytest.skip("the 2023 corpus is not on this machine")
    return sets


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_split_has_a_dev_and_a_test_half_of_every_genre():
    rows = [
        line.split("\t")
        for line in (GOLD / "split.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    halves = {
        split: {genre for _, genre, part in rows if part == split} for split in ("dev", "test")
    }
    assert halves["dev"] == halves["test"] == {"resolution", "report", "other"}
    assert len(rows) >= 10


@pytest.mark.parametrize("split", ["dev", "test"])
def test_every_form_stands_on_the_lines_given(split):
    for gold in _corpus_sets(split):
        lines = [
            SPACE.sub("", line) for line in gold.document.read_text(encoding="utf-8").splitlines()
        ]
        for row in _rows(gold.entities):
            EntityType(row["type"])
            scope = row.get("form_scope", {})
            for number in row.get("lines", []):
                text = lines[number - 1]
                forms = [f for f in row["forms"] if number in scope.get(f, [number])]
                assert any(SPACE.sub("", f).strip("“”") in text for f in forms), (
                    gold.name,
                    row["id"],
                    number,
                )


@pytest.mark.parametrize("split", ["dev", "test"])
def test_relations_join_known_entities_on_real_lines(split):
    predicates = {p.value for p in Predicate} | {"locatedIn", "supports"}
    for gold in _corpus_sets(split):
        ids = {row["id"] for row in _rows(gold.entities)}
        count = len(gold.document.read_text(encoding="utf-8").splitlines())
        relations = _rows(gold.relations) if gold.relations else []
        ids |= {row["route"] for row in relations if "route" in row}
        for row in relations:
            if "route" in row:
                continue
            assert row["predicate"] in predicates, (gold.name, row)
            assert row["subject"] in ids and row["object"] in ids, (gold.name, row)
            assert 1 <= row["line"] <= count, (gold.name, row)


def test_eval_scores_each_document_and_their_micro_average():
    sets = _corpus_sets("dev")[:2]
    scores = [evaluate(gold) for gold in sets]
    total = micro_average(scores)
    for entity_type in CORE_TYPES:
        counted = sum(
            s.entities[entity_type].true_positives for s in scores if entity_type in s.entities
        )
        assert total.entities.get(entity_type) is None or (
            total.entities[entity_type].true_positives == counted
        )
    assert total.core().true_positives == sum(s.core().true_positives for s in scores)
    assert total.relations is not None and "all" in total.relations


def test_eval_of_one_gold_file_of_the_folder_scores_its_own_document():
    from typer.testing import CliRunner

    from kg.cli import app

    (first,) = _corpus_sets("dev")[:1]
    result = CliRunner().invoke(app, ["eval", str(first.entities), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {row["document"] for row in rows} == {first.document.name}
    assert any(row["kind"] == "predicate" for row in rows)  # its relations file is read too


def test_a_gold_file_takes_the_corpus_of_its_own_folder_only(tmp_path):
    # a file of the 2023 folder first must not lend its corpus to a file of no folder
    (first,) = _corpus_sets("dev")[:1]
    stray = tmp_path / "stray.entities.jsonl"
    stray.write_text("", encoding="utf-8")
    with pytest.raises(KGError, match="which document"):
        gold_sets([first.entities, stray])
