"""The gazetteer of international instruments, kg/data/instruments.tsv, read as a plain file."""

import re
from collections import Counter
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parent.parent / "kg" / "data" / "instruments.tsv"
KINDS = {
    "convention",
    "protocol",
    "declaration",
    "plan-of-action",
    "strategy",
    "standards",
    "model-law",
    "resolution-annex",
    "agreement",
    "agenda",
    "framework",
    "compact",
    "goals",
    "regulations",
    "law",  # a body of international law: it has no year of adoption
}
GENERIC = {"公约", "议定书", "宣言", "战略", "行动计划"}


def _lines() -> list[str]:
    return PATH.read_text(encoding="utf-8").splitlines()


def _comment(prefix: str) -> str:
    found = [line for line in _lines() if line.startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0][len(prefix) :]


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[dict[str, str]]]:
    data = [line for line in _lines() if line and not line.startswith("#")]
    header = data[0].split("\t")
    rows = []
    for line in data[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), line
        rows.append(dict(zip(header, cells, strict=True)))
    return header, rows


def _aliases(row: dict[str, str]) -> list[str]:
    return [a for a in row["aliases_zh"].split("|") if a]


def _by_id(rows: list[dict[str, str]], id_: str) -> dict[str, str]:
    return next(row for row in rows if row["id"] == id_)


def test_header_lines(table):
    header, _ = table
    assert _comment("# source: ").startswith("United Nations Treaty Collection")
    assert _comment("# columns: ").split("\t") == header
    assert header == ["id", "name_en", "name_zh", "aliases_zh", "kind", "year"]


def test_ids_unique_and_sorted(table):
    _, rows = table
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert 60 <= len(rows) <= 260


def test_cells(table):
    _, rows = table
    for row in rows:
        assert row["name_en"].strip() == row["name_en"] != ""
        assert row["name_zh"].strip() == row["name_zh"] != ""
        assert not set("《》") & set(row["name_zh"]), row["id"]
        assert row["kind"] in KINDS, row["id"]
        assert re.fullmatch(r"(1[89]|20)\d\d", row["year"]) or row["kind"] == "law", row["id"]
        for alias in _aliases(row):
            assert alias.strip() == alias, row["id"]
            assert not set("《》") & set(alias), row["id"]
            assert alias != row["name_zh"], row["id"]


def test_no_alias_in_two_rows(table):
    _, rows = table
    counts = Counter(alias for row in rows for alias in set(_aliases(row)))
    assert [a for a, n in counts.items() if n > 1] == []
    names = {row["name_zh"] for row in rows}
    assert len(names) == len(rows)
    assert names.isdisjoint(counts)


def test_no_generic_alias(table):
    _, rows = table
    for row in rows:
        assert GENERIC.isdisjoint(_aliases(row)), row["id"]
        assert row["name_zh"] not in GENERIC


def test_spot_checks(table):
    _, rows = table
    untoc = _by_id(rows, "untoc")
    assert untoc["name_zh"] == "联合国打击跨国有组织犯罪公约"
    assert "有组织犯罪公约" in _aliases(untoc)
    smuggling = _by_id(rows, "untoc-smuggling-protocol")
    assert "偷运移民" in smuggling["name_zh"]
    assert "移民议定书" in _aliases(smuggling)
    assert "贩运人口议定书" in _aliases(_by_id(rows, "untoc-trafficking-protocol"))
    assert "枪支议定书" in _aliases(_by_id(rows, "untoc-firearms-protocol"))
    uncac = _by_id(rows, "uncac")
    assert uncac["name_zh"] == "联合国反腐败公约"
    assert "反腐败公约" in _aliases(uncac)
    assert _by_id(rows, "illicit-traffic-convention-1988")["year"] == "1988"
    assert "全球反恐战略" in _aliases(_by_id(rows, "global-ct-strategy"))
