"""Consistency checks for the gazetteer data files under ``kg/data/``.

The files are read by path (relative to this test file); the ``kg`` package is not imported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"

TSV_FILES = {
    "countries.tsv": ("iso3", ["name_zh", "formal_zh", "aliases_zh"]),
    "organizations.tsv": ("id", ["name_zh", "aliases_zh"]),
    "regions.tsv": ("id", ["name_zh", "aliases_zh"]),
    "cities.tsv": ("id", ["name_zh", "aliases_zh"]),
    "meetings.tsv": ("id", ["name_zh", "aliases_zh"]),
}

# Chinese names deliberately shared by two rows of one file, per file (documented in the
# file's "# note:" lines). None at present.
ALLOWED_SHARED_NAMES: dict[str, set[str]] = {name: set() for name in TSV_FILES}

CJK = re.compile(r"[\u3400-\u9fff]")


def read_tsv(name: str) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Return (comment lines, header, rows) of a gazetteer TSV file."""
    raw = (DATA / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{name} starts with a BOM"
    text = raw.decode("utf-8")
    comments: list[str] = []
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            comments.append(line)
            continue
        assert line.strip(), f"{name}:{lineno}: blank line"
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        assert len(cells) == len(header), (
            f"{name}:{lineno}: {len(cells)} cells, expected {len(header)}"
        )
        for cell in cells:
            assert cell == cell.strip(), f"{name}:{lineno}: stray whitespace in {cell!r}"
        rows.append(dict(zip(header, cells, strict=True)))
    assert header is not None, f"{name} has no header row"
    return comments, header, rows


def split_multi(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v] if cell else []


@pytest.fixture(scope="module")
def tables() -> dict[str, tuple[list[str], list[str], list[dict[str, str]]]]:
    return {name: read_tsv(name) for name in TSV_FILES}


def names_of(row: dict[str, str], cols: list[str]) -> set[str]:
    out: set[str] = set()
    for col in cols:
        out.update(split_multi(row[col]))
    return out


# --------------------------------------------------------------------------- generic TSV


@pytest.mark.parametrize("name", sorted(TSV_FILES))
def test_header_comments(name, tables):
    comments, header, _ = tables[name]
    assert comments[0].startswith("# ") and len(comments[0]) > 10, "first line: description"
    assert any(c.startswith("# source:") for c in comments), "missing '# source:' line"
    cols = [c for c in comments if c.startswith("# columns:")]
    assert len(cols) == 1, "exactly one '# columns:' line"
    assert cols[0][len("# columns:") :].split() == header


@pytest.mark.parametrize("name", sorted(TSV_FILES))
def test_ids_unique_sorted_and_names_present(name, tables):
    _, _, rows = tables[name]
    key = TSV_FILES[name][0]
    ids = [r[key] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert ids == sorted(ids), "rows not sorted by id"
    for r in rows:
        assert r["name_zh"], f"{r[key]}: empty name_zh"
        assert r["name_en"], f"{r[key]}: empty name_en"
        for n in names_of(r, TSV_FILES[name][1]):
            assert CJK.search(n), f"{r[key]}: Chinese name without Chinese characters: {n!r}"
            assert "|" not in n and "\t" not in n


@pytest.mark.parametrize("name", ["organizations.tsv", "regions.tsv", "cities.tsv", "meetings.tsv"])
def test_slug_ids(name, tables):
    _, _, rows = tables[name]
    for r in rows:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r["id"]


@pytest.mark.parametrize("name", sorted(TSV_FILES))
def test_no_name_shared_between_rows(name, tables):
    _, _, rows = tables[name]
    key, cols = TSV_FILES[name]
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for n in names_of(r, cols):
            owners[n].add(r[key])
    shared = {n: ids for n, ids in owners.items() if len(ids) > 1}
    assert set(shared) <= ALLOWED_SHARED_NAMES[name], shared


def test_no_name_shared_between_files(tables):
    owners: dict[str, set[str]] = defaultdict(set)
    for name, (_, _, rows) in tables.items():
        for r in rows:
            for n in names_of(r, TSV_FILES[name][1]):
                owners[n].add(name)
    shared = {n: files for n, files in owners.items() if len(files) > 1}
    assert not shared, shared


# --------------------------------------------------------------------------- countries


def test_countries_status_and_counts(tables):
    _, _, rows = tables["countries.tsv"]
    statuses = [r["status"] for r in rows]
    assert set(statuses) <= {"member", "observer", "territory"}
    assert statuses.count("member") == 193
    observers = {r["iso3"] for r in rows if r["status"] == "observer"}
    assert observers == {"VAT", "PSE"}
    for r in rows:
        assert r["formal_zh"], f"{r['iso3']}: empty formal_zh"


def test_countries_iso3_in_pycountry(tables):
    pycountry = pytest.importorskip("pycountry")
    _, _, rows = tables["countries.tsv"]
    for r in rows:
        iso = r["iso3"]
        assert re.fullmatch(r"[A-Z]{3}", iso), iso
        if iso == "XKX":  # Kosovo: user-assigned code, no ISO 3166-1 entry
            continue
        c = pycountry.countries.get(alpha_3=iso)
        if c is None:  # dissolved entities kept for older reports (ISO 3166-3)
            c = pycountry.historic_countries.get(alpha_3=iso)
            assert c is not None, f"{iso} not in pycountry"
            assert r["status"] == "territory"
        assert r["name_en"] == (getattr(c, "common_name", None) or c.name), iso
    members = {r["iso3"] for r in rows if r["status"] == "member"}
    assert members <= {c.alpha_3 for c in pycountry.countries}


@pytest.mark.parametrize(
    ("iso3", "name_zh", "expected_aliases"),
    [
        ("IRN", "伊朗伊斯兰共和国", {"伊朗"}),
        ("GBR", "大不列颠及北爱尔兰联合王国", {"英国", "联合王国"}),
        ("USA", "美利坚合众国", {"美国"}),
        ("KOR", "大韩民国", {"韩国"}),
        ("PRK", "朝鲜民主主义人民共和国", {"朝鲜"}),
        ("LAO", "老挝人民民主共和国", {"老挝"}),
        ("RUS", "俄罗斯联邦", {"俄罗斯"}),
        ("BOL", "多民族玻利维亚国", {"玻利维亚"}),
        ("VEN", "委内瑞拉玻利瓦尔共和国", {"委内瑞拉"}),
        ("TZA", "坦桑尼亚联合共和国", {"坦桑尼亚"}),
        ("SYR", "阿拉伯叙利亚共和国", {"叙利亚"}),
        ("MDA", "摩尔多瓦共和国", {"摩尔多瓦"}),
        ("MKD", "北马其顿", {"前南斯拉夫的马其顿共和国"}),
        ("LBY", "利比亚", {"阿拉伯利比亚民众国"}),
        ("COD", "刚果民主共和国", {"刚果（金）"}),
        ("PSE", "巴勒斯坦国", {"巴勒斯坦"}),
        ("HKG", "中国香港特别行政区", {"香港"}),
        ("TWN", "中国台湾省", {"台湾"}),
        ("CZE", "捷克", set()),
        ("TUR", "土耳其", set()),
        ("CHN", "中国", set()),
        ("VAT", "教廷", set()),
    ],
)
def test_country_spot_checks(tables, iso3, name_zh, expected_aliases):
    _, _, rows = tables["countries.tsv"]
    row = next(r for r in rows if r["iso3"] == iso3)
    assert row["name_zh"] == name_zh
    assert expected_aliases <= set(split_multi(row["aliases_zh"]))


def test_country_formal_names_and_ambiguities(tables):
    _, _, rows = tables["countries.tsv"]
    by = {r["iso3"]: r for r in rows}
    assert by["CHN"]["formal_zh"] == "中华人民共和国"
    assert by["FRA"]["formal_zh"] == "法兰西共和国"
    assert by["CZE"]["formal_zh"] == "捷克共和国"
    assert by["COG"]["name_zh"] == "刚果"
    assert "刚果" not in names_of(by["COD"], ["name_zh", "formal_zh", "aliases_zh"])
    assert by["CAF"]["name_zh"] == "中非共和国"
    assert "中非" not in names_of(by["CAF"], ["name_zh", "formal_zh", "aliases_zh"])
    assert by["XKX"]["status"] == "territory"


# --------------------------------------------------------------------------- organizations

ORG_KINDS = {
    "armed-group",
    "company",
    "un-organ",
    "un-subsidiary",
    "un-fund-programme",
    "un-specialized-agency",
    "un-related",
    "un-secretariat-office",
    "un-commission",
    "un-mission",
    "un-institute",
    "intergovernmental",
    "regional",
    "financial",
    "ngo-network",
    "treaty-body",
    "national",
}


def _assert_acyclic(edges: dict[str, str], what: str) -> None:
    for start in edges:
        seen = {start}
        node = edges.get(start)
        while node:
            assert node not in seen, f"{what} cycle through {start}"
            seen.add(node)
            node = edges.get(node)


def test_organizations_kinds_and_parents(tables):
    _, _, rows = tables["organizations.tsv"]
    ids = {r["id"] for r in rows}
    for r in rows:
        assert r["kind"] in ORG_KINDS, (r["id"], r["kind"])
        assert not r["parent"] or r["parent"] in ids, (r["id"], r["parent"])
        assert r["parent"] != r["id"]
    _assert_acyclic({r["id"]: r["parent"] for r in rows if r["parent"]}, "parent")
    assert 150 <= len(rows) <= 500


@pytest.mark.parametrize(
    ("org_id", "name_zh", "aliases", "parent"),
    [
        ("unodc", "联合国毒品和犯罪问题办公室", {"毒品和犯罪问题办公室"}, "un"),
        ("cnd", "麻醉药品委员会", set(), "ecosoc"),
        ("ccpcj", "预防犯罪和刑事司法委员会", set(), "ecosoc"),
        ("incb", "国际麻醉品管制局", {"麻管局"}, ""),
        ("sc", "联合国安全理事会", {"安全理事会", "安理会"}, "un"),
        ("ecosoc", "联合国经济及社会理事会", {"经济及社会理事会", "经社理事会"}, "un"),
        ("undp", "联合国开发计划署", {"开发计划署"}, "un"),
        ("who", "世界卫生组织", {"世卫组织"}, "un"),
        ("au", "非洲联盟", {"非盟"}, ""),
        ("ecowas", "西非国家经济共同体", {"西非经共体"}, ""),
        ("eu", "欧洲联盟", {"欧盟"}, ""),
        ("ec", "欧洲联盟委员会", {"欧盟委员会"}, "eu"),
        ("coe", "欧洲委员会", set(), ""),
        ("oecd", "经济合作与发展组织", {"经合组织"}, ""),
        ("eco", "经济合作组织", set(), ""),
        ("interpol", "国际刑事警察组织", {"刑警组织"}, ""),
        ("unaids", "联合国艾滋病毒/艾滋病联合规划署", {"艾滋病规划署"}, "un"),
    ],
)
def test_organization_spot_checks(tables, org_id, name_zh, aliases, parent):
    _, _, rows = tables["organizations.tsv"]
    row = next(r for r in rows if r["id"] == org_id)
    assert row["name_zh"] == name_zh
    assert aliases <= set(split_multi(row["aliases_zh"]))
    assert row["parent"] == parent


@pytest.mark.parametrize(
    ("org_id", "name_zh", "aliases", "kind", "parent"),
    [
        ("icj", "国际法院", set(), "un-organ", "un"),
        ("trusteeship-council", "托管理事会", set(), "un-organ", "un"),
        ("secretariat", "联合国秘书处", set(), "un-organ", "un"),
        ("first-committee", "第一委员会", set(), "un-subsidiary", "ga"),
        ("cpc", "方案和协调委员会", {"方案协调会"}, "un-subsidiary", "ecosoc"),
        ("undc", "裁军审议委员会", set(), "un-subsidiary", "ga"),
        ("ngo-committee", "非政府组织委员会", set(), "un-subsidiary", "ecosoc"),
        ("ahag-haiti", "海地问题特设咨询小组", set(), "un-subsidiary", "ecosoc"),
        ("unicef-board", "联合国儿童基金会执行局", {"儿基会执行局"}, "un-subsidiary", "unicef"),
        (
            "undp-unfpa-unops-board",
            "联合国开发计划署、联合国人口基金和联合国项目事务署执行局",
            {"开发署/人口基金/项目署执行局"},
            "un-subsidiary",
            "undp",
        ),
        (
            "unhcr-excom",
            "联合国难民事务高级专员方案执行委员会",
            {"难民署执行委员会"},
            "un-subsidiary",
            "unhcr",
        ),
        ("escwa", "西亚经济社会委员会", {"西亚经社会"}, "un-commission", "ecosoc"),
        ("eclac", "拉丁美洲和加勒比经济委员会", {"拉加经委会"}, "un-commission", "ecosoc"),
        ("unicef", "联合国儿童基金会", {"儿基会"}, "un-fund-programme", "un"),
        ("undp", "联合国开发计划署", {"开发署", "开发计划署"}, "un-fund-programme", "un"),
        ("unaids", "联合国艾滋病毒/艾滋病联合规划署", {"艾滋病署"}, "un-fund-programme", "un"),
        ("unwto", "世界旅游组织", {"世旅组织"}, "un-specialized-agency", "un"),
        ("dos", "业务支助部", set(), "un-secretariat-office", "secretariat"),
        ("dmspc", "管理战略、政策和合规部", {"管理战略部"}, "un-secretariat-office", "secretariat"),
        ("unoosa", "外层空间事务厅", set(), "un-secretariat-office", "secretariat"),
        ("ocha", "人道主义事务协调厅", {"人道协调厅"}, "un-secretariat-office", "secretariat"),
        ("undg", "联合国可持续发展集团", {"联合国发展集团"}, "un-subsidiary", "un"),
        ("iasc", "机构间常设委员会", set(), "un-subsidiary", "un"),
        ("nam", "不结盟国家运动", {"不结盟运动"}, "intergovernmental", ""),
        ("g77", "77国集团", set(), "intergovernmental", ""),
        ("red-cross-movement", "国际红十字与红新月运动", set(), "ngo-network", ""),
    ],
)
def test_un_system_spot_checks(tables, org_id, name_zh, aliases, kind, parent):
    _, _, rows = tables["organizations.tsv"]
    row = next(r for r in rows if r["id"] == org_id)
    assert row["name_zh"] == name_zh
    assert aliases <= set(split_multi(row["aliases_zh"]))
    assert (row["kind"], row["parent"]) == (kind, parent)


def test_un_system_coverage(tables):
    """Every principal organ, functional and regional commission and specialized agency."""
    _, _, rows = tables["organizations.tsv"]
    by_kind: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        by_kind[r["kind"]].add(r["id"])
    assert {"ga", "sc", "ecosoc", "trusteeship-council", "icj", "secretariat"} <= by_kind[
        "un-organ"
    ]
    assert {"csw", "csocd", "cpd", "statcom", "cstd", "cnd", "ccpcj", "csd"} <= by_kind[
        "un-commission"
    ]
    assert {"eca", "ece", "eclac", "escap", "escwa"} <= by_kind["un-commission"]
    assert {
        "fao",
        "icao",
        "ifad",
        "ilo",
        "imf",
        "imo",
        "itu",
        "unesco",
        "unido",
        "unwto",
        "upu",
        "who",
        "wipo",
        "wmo",
        "worldbank",
    } == by_kind["un-specialized-agency"]
    assert {"iaea", "opcw", "wto", "iom", "ctbto", "isa", "itlos"} <= by_kind["un-related"]
    names = set().union(*(names_of(r, ["name_zh", "aliases_zh"]) for r in rows))
    for bare in ["委员会", "理事会", "执行局", "论坛", "审计委员会", "旅游组织"]:
        assert bare not in names, bare


def test_instrument_names_not_in_other_files(tables):
    """instruments.tsv shares no Chinese name with the other gazetteers."""
    _, _, instruments = read_tsv("instruments.tsv")
    taken: dict[str, str] = {}
    for name, (_, _, rows) in tables.items():
        for r in rows:
            for n in names_of(r, TSV_FILES[name][1]):
                taken[n] = name
    _, _, programmes = read_tsv("programmes.tsv")
    for r in programmes:
        for n in names_of(r, ["name_zh", "aliases_zh"]):
            taken[n] = "programmes.tsv"
    shared = {
        n: taken[n]
        for r in instruments
        for n in names_of(r, ["name_zh", "aliases_zh"])
        if n in taken
    }
    assert not shared, shared


def test_meetings_are_single_events_convened_by_known_organs(tables):
    _, _, meetings = tables["meetings.tsv"]
    _, _, organizations = tables["organizations.tsv"]
    organs = {r["id"] for r in organizations}
    for r in meetings:
        assert r["kind"] in {"summit", "conference"}, r["id"]
        assert r["convener"] in organs, r["id"]


@pytest.mark.parametrize(
    ("instrument_id", "name_zh", "aliases", "kind"),
    [
        (
            "agenda-2030",
            "变革我们的世界：2030年可持续发展议程",
            {"2030年可持续发展议程", "2030年议程"},
            "agenda",
        ),
        ("sdgs", "可持续发展目标", set(), "goals"),
        ("sendai-framework", "2015-2030年仙台减少灾害风险框架", {"仙台框架"}, "framework"),
        (
            "addis-ababa-action-agenda",
            "第三次发展筹资问题国际会议亚的斯亚贝巴行动议程",
            {"亚的斯亚贝巴行动议程"},
            "agenda",
        ),
        ("global-compact-migration", "安全、有序和正常移民全球契约", set(), "compact"),
        ("paris-agreement", "巴黎协定", set(), "agreement"),
        ("geneva-convention-4", "关于战时保护平民之日内瓦公约", {"日内瓦第四公约"}, "convention"),
        ("geneva-conventions-1949", "1949年8月12日日内瓦四公约", {"日内瓦四公约"}, "convention"),
        ("npt", "不扩散核武器条约", {"不扩散条约"}, "convention"),
        ("madrid-plan-ageing", "马德里老龄问题国际行动计划", {"马德里行动计划"}, "plan-of-action"),
        ("registration-convention", "关于登记射入外层空间物体的公约", {"登记公约"}, "convention"),
        ("un-charter", "联合国宪章", set(), "convention"),
    ],
)
def test_instrument_spot_checks(instrument_id, name_zh, aliases, kind):
    _, _, rows = read_tsv("instruments.tsv")
    row = next(r for r in rows if r["id"] == instrument_id)
    assert row["name_zh"] == name_zh
    assert aliases <= set(split_multi(row["aliases_zh"]))
    assert row["kind"] == kind


def test_oecd_abbreviation_not_on_eco(tables):
    _, _, rows = tables["organizations.tsv"]
    eco = next(r for r in rows if r["id"] == "eco")
    assert "经合组织" not in split_multi(eco["aliases_zh"])


# --------------------------------------------------------------------------- regions


def test_regions_kinds_and_broader(tables):
    _, _, rows = tables["regions.tsv"]
    ids = {r["id"] for r in rows}
    for r in rows:
        assert r["kind"] in {"continent", "subregion", "policy-region", "sea"}, r["id"]
        assert not r["broader"] or r["broader"] in ids, (r["id"], r["broader"])
        if r["kind"] == "continent":
            assert not r["broader"], r["id"]
    _assert_acyclic({r["id"]: r["broader"] for r in rows if r["broader"]}, "broader")
    names = set().union(*(names_of(r, ["name_zh", "aliases_zh"]) for r in rows))
    for expected in [
        "非洲",
        "亚洲",
        "欧洲",
        "美洲",
        "大洋洲",
        "西非",
        "东南亚",
        "中亚",
        "加勒比",
        "拉丁美洲和加勒比",
        "金三角",
        "金新月",
        "安第斯次区域",
        "萨赫勒",
        "西巴尔干",
        "近东和中东",
        "亚丁湾",
        "非洲之角",
        "大湄公河次区域",
    ]:
        assert expected in names, expected


# --------------------------------------------------------------------------- cities

# Member States without a row in cities.tsv (documented in the file's notes): city-States
# and a capital whose Chinese name collides with another capital.
MEMBERS_WITHOUT_CITY = {"MCO", "SGP", "VCT"}
CITIES_WITHOUT_COUNTRY = {"jerusalem", "east-jerusalem"}


def test_cities_countries_exist(tables):
    comments, _, cities = tables["cities.tsv"]
    _, _, countries = tables["countries.tsv"]
    isos = {r["iso3"] for r in countries}
    for r in cities:
        if r["id"] in CITIES_WITHOUT_COUNTRY:
            assert not r["country_iso3"]
            assert any(r["id"] in c for c in comments if c.startswith("# note:"))
            continue
        assert r["country_iso3"] in isos, (r["id"], r["country_iso3"])


def test_every_member_state_has_a_city(tables):
    _, _, cities = tables["cities.tsv"]
    _, _, countries = tables["countries.tsv"]
    with_city = {r["country_iso3"] for r in cities}
    members = {r["iso3"] for r in countries if r["status"] == "member"}
    assert members - with_city == MEMBERS_WITHOUT_CITY


def test_city_names_are_not_country_names(tables):
    _, _, cities = tables["cities.tsv"]
    _, _, countries = tables["countries.tsv"]
    country_names = set().union(
        *(names_of(r, ["name_zh", "formal_zh", "aliases_zh"]) for r in countries)
    )
    for r in cities:
        assert not names_of(r, ["name_zh", "aliases_zh"]) & country_names, r["id"]
    names = {r["name_zh"] for r in cities}
    assert {"维也纳", "日内瓦", "纽约", "内罗毕", "科威特城", "墨西哥城", "巴拿马城"} <= names


# --------------------------------------------------------------------------- threats.ttl


@pytest.fixture(scope="module")
def threats():
    rdflib = pytest.importorskip("rdflib")
    g = rdflib.Graph()
    g.parse(DATA / "threats.ttl", format="turtle")
    return g


KG = "https://w3id.org/unodc-kg/ontology#"
THREAT = "https://w3id.org/unodc-kg/id/threat/"


def test_threats_header_comment():
    lines = (DATA / "threats.ttl").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    head = [ln for ln in lines if ln.startswith("#")]
    assert any(ln.startswith("# source:") for ln in head)


def test_threat_concepts(threats):
    from rdflib import RDF, Literal, URIRef
    from rdflib.namespace import SKOS

    g = threats
    scheme = URIRef(KG + "threats")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in g
    trigger = URIRef(KG + "trigger")
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert concepts == set(g.subjects(RDF.type, URIRef(KG + "Threat")))
    assert len(concepts) >= 30
    for c in concepts:
        assert str(c).startswith(THREAT), c
        assert (c, SKOS.inScheme, scheme) in g, c
        labels = list(g.objects(c, SKOS.prefLabel))
        assert sorted(lit.language for lit in labels) == ["en", "zh"], c
        for lit in g.objects(c, SKOS.altLabel):
            assert isinstance(lit, Literal) and lit.language == "zh", (c, lit)
        trigs = list(g.objects(c, trigger))
        assert trigs, f"{c} has no kg:trigger"
        for t in trigs:
            assert isinstance(t, Literal) and t.language == "zh" and CJK.search(str(t)), (c, t)
        is_top = not list(g.objects(c, SKOS.broader))
        assert ((c, SKOS.topConceptOf, scheme) in g) == is_top, c
        assert ((scheme, SKOS.hasTopConcept, c) in g) == is_top, c
    for s, o in g.subject_objects(SKOS.broader):
        assert (o, SKOS.narrower, s) in g, (s, o)
        assert o in concepts
    for s, o in g.subject_objects(SKOS.narrower):
        assert (o, SKOS.broader, s) in g, (s, o)


def test_threat_triggers_unique_and_specific(threats):
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    g = threats
    trigger = URIRef(KG + "trigger")

    def ancestors(c):
        seen, todo = set(), [c]
        while todo:
            for b in g.objects(todo.pop(), SKOS.broader):
                if b not in seen:
                    seen.add(b)
                    todo.append(b)
        return seen

    owners = defaultdict(set)
    for c, t in g.subject_objects(trigger):
        owners[str(t)].add(c)
    for t, cs in owners.items():
        assert t not in {"毒品", "犯罪", "贩运", "药物", "非法贩运"}, f"generic trigger {t}"
        cs = list(cs)
        for i, a in enumerate(cs):
            for b in cs[i + 1 :]:
                assert a in ancestors(b) or b in ancestors(a), f"{t!r} under {a} and {b}"


def test_required_threats_present(threats):
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    g = threats
    required = {
        "drug-trafficking": [
            "opiate-trafficking",
            "cocaine-trafficking",
            "cannabis-trafficking",
            "ats-trafficking",
            "precursor-trafficking",
        ],
        "illicit-crop-cultivation": [
            "opium-poppy-cultivation",
            "coca-cultivation",
            "cannabis-cultivation",
        ],
        "drug-use": ["injecting-drug-use", "drug-use-hiv"],
        "organized-crime": ["transnational-organized-crime"],
        "terrorism": ["terrorist-financing"],
        "environmental-crime": ["forest-products-trafficking", "wildlife-trafficking"],
    }
    for parent, children in required.items():
        for child in children:
            assert (URIRef(THREAT + child), SKOS.broader, URIRef(THREAT + parent)) in g, child
    others = [
        "synthetic-drugs",
        "hiv-aids",
        "trafficking-in-persons",
        "smuggling-of-migrants",
        "corruption",
        "money-laundering",
        "firearms-trafficking",
        "piracy",
        "cybercrime",
        "identity-related-crime",
        "kidnapping",
        "violence-against-women",
        "crime",
        "drug-problem",
    ]
    concepts = set(g.subjects(SKOS.inScheme, URIRef(KG + "threats")))
    for slug in others:
        assert URIRef(THREAT + slug) in concepts, slug
    tops = set(g.objects(URIRef(KG + "threats"), SKOS.hasTopConcept))
    assert {URIRef(THREAT + "crime"), URIRef(THREAT + "drug-problem")} <= tops


@pytest.mark.parametrize(
    "name",
    ["organizations.tsv", "instruments.tsv", "programmes.tsv", "meetings.tsv", "regions.tsv",
     "cities.tsv", "countries.tsv"],
)  # fmt: skip
def test_readme_row_counts_match_the_files(name):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    row = re.search(rf"\| `{re.escape(name)}` \| `[^`]*` \| (\d+)", readme)
    assert row, f"{name} row of the table in kg/data/README.md"
    _, _, rows = read_tsv(name)
    assert int(row.group(1)) == len(rows)
