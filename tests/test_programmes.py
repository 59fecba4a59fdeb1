"""The gazetteer of programmes, initiatives, centres, networks and funds, kg/data/programmes.tsv, read as a plain file."""

import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
PATH = DATA / "programmes.tsv"
COLUMNS = ["id", "name_en", "acronym", "name_zh", "aliases_zh", "kind", "lead"]
KINDS = {"programme", "initiative", "centre", "network", "fund", "toolkit", "project", "campaign"}
GENERIC = {"方案", "项目", "倡议", "举措", "中心", "网络", "基金", "工具包"}
# the other gazetteers and the columns of theirs that hold Chinese names
OTHER_FILES = ["organizations.tsv", "instruments.tsv", "countries.tsv", "regions.tsv", "cities.tsv"]
NAME_COLUMNS = ("name_zh", "formal_zh", "aliases_zh")
# caricc is moving from organizations.tsv to this file; until then both files name it
MOVING = {"caricc"}


def _read(path: Path) -> tuple[list[str], list[str], list[dict[str, str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    data = [line for line in lines if line and not line.startswith("#")]
    header = data[0].split("\t")
    rows = []
    for line in data[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), (path.name, line)
        rows.append(dict(zip(header, cells, strict=True)))
    return comments, header, rows


def _split(cell: str) -> list[str]:
    return [a for a in cell.split("|") if a]


def _names(row: dict[str, str]) -> set[str]:
    names = set()
    for column in NAME_COLUMNS:
        if column in row:
            names.update(_split(row[column]))
    return names


def _by_id(rows: list[dict[str, str]], id_: str) -> dict[str, str]:
    return next(row for row in rows if row["id"] == id_)


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[str], list[dict[str, str]]]:
    return _read(PATH)


@pytest.fixture(scope="module")
def org_ids() -> set[str]:
    _, header, rows = _read(DATA / "organizations.tsv")
    return {row[header[0]] for row in rows}


def test_header_lines(table):
    comments, header, _ = table
    assert header == COLUMNS
    assert not comments[0].startswith(("# source:", "# columns:", "# note:"))
    sources = [c for c in comments if c.startswith("# source: ")]
    assert sources == [
        "# source: UNODC programme pages and UN official Chinese documents"
        " (E/CN.7, E/CN.15 series); UN Terminology Database"
    ]
    columns = [c for c in comments if c.startswith("# columns: ")]
    assert len(columns) == 1
    assert columns[0][len("# columns: ") :].split("\t") == header
    known = ("# source: ", "# columns: ", "# note: ")
    assert all(c.startswith(known) for c in comments[1:])


def test_ids_unique_and_sorted(table):
    _, _, rows = table
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert 40 <= len(rows) <= 80


def test_cells(table, org_ids):
    _, _, rows = table
    for row in rows:
        for column in COLUMNS:
            assert row[column].strip() == row[column], (row["id"], column)
        assert row["name_en"] != "", row["id"]
        assert row["name_zh"] != "", row["id"]
        assert "|" not in row["name_zh"], row["id"]
        assert row["kind"] in KINDS, row["id"]
        assert row["lead"] == "" or row["lead"] in org_ids, row["id"]
        aliases = _split(row["aliases_zh"])
        assert len(aliases) == len(set(aliases)), row["id"]
        for alias in aliases:
            assert alias.strip() == alias, row["id"]
            assert alias != row["name_zh"], row["id"]


def test_no_generic_alias(table):
    _, _, rows = table
    for row in rows:
        assert GENERIC.isdisjoint(_split(row["aliases_zh"])), row["id"]
        assert row["name_zh"] not in GENERIC, row["id"]


def test_no_name_in_two_rows(table):
    _, _, rows = table
    counts = Counter(name for row in rows for name in _names(row))
    assert [name for name, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("filename", OTHER_FILES)
def test_no_name_shared_with_other_gazetteers(table, filename):
    _, _, rows = table
    _, header, others = _read(DATA / filename)
    assert any(column in header for column in NAME_COLUMNS), filename
    taken = {name for other in others for name in _names(other)}
    shared = {
        row["id"]: sorted(_names(row) & taken)
        for row in rows
        if row["id"] not in MOVING and _names(row) & taken
    }
    assert shared == {}


def test_spot_checks(table):
    _, _, rows = table
    assert _by_id(rows, "caricc")["name_zh"] == "中亚区域信息和协调中心"
    assert _by_id(rows, "caricc")["kind"] == "centre"
    star = next(row for row in rows if row["acronym"] == "StAR")
    assert "追回被盗资产举措" in _split(star["aliases_zh"])
    container = next(row for row in rows if "Container Control" in row["name_en"])
    assert "集装箱管制方案" in _names(container)
    assert _by_id(rows, "gpml")["acronym"] == "GPML"
    assert "反洗钱全球方案" in _names(_by_id(rows, "gpml"))
    assert "《巴黎公约》举措" in _names(_by_id(rows, "paris-pact"))
    assert _by_id(rows, "safer-cities-programme")["lead"] == "un-habitat"
    assert _by_id(rows, "loss-and-damage-fund")["kind"] == "fund"


def test_a_trust_fund_with_its_own_board_is_a_body():
    from kg.nlp.extract import Extractor

    found = Extractor().extract_text("资金通过妇女和平与人道主义基金拨付。")
    assert [e.key for e in found.entities.values()] == ["org/wphf"]


def test_organizations_not_repeated(table):
    """Bodies that are organizations (UNAIDS, UNFIP, the Global Fund, the programme network) are not programmes."""
    _, _, rows = table
    names = {name for row in rows for name in _names(row)}
    for organization in [
        "联合国艾滋病毒/艾滋病共同合办方案",
        "联合国国际伙伴关系基金",
        "全球基金",
        "联合国预防犯罪和刑事司法方案网",
    ]:
        assert organization not in names
