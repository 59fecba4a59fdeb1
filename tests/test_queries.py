"""The SPARQL library in ``queries/``: every question, run on the seed graph, with its real answer.

Each ``queries/<name>.rq`` opens with ``# zh:``, ``# en:`` and ``# returns:`` lines, declares
its own prefixes and holds one SELECT or ASK query. ``CHECKS`` maps every file to a check of
what the seed report (E/CN.7/2009/3) really says; a test makes sure no file goes unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from kg import KnowledgeGraph
from kg.store import QueryResult

QUERIES = Path(__file__).resolve().parent.parent / "queries"
FILES = sorted(QUERIES.glob("*.rq"))
ID = "https://w3id.org/unodc-kg/id/"
KG = "https://w3id.org/unodc-kg/ontology#"
DOC = f"{ID}doc/E-CN.7-2009-3"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    from kg.build import build

    out = tmp_path_factory.mktemp("queries") / "out"
    build(None, out)
    return KnowledgeGraph.open(out)


def run(graph: KnowledgeGraph, name: str) -> QueryResult:
    # the file declares its own prefixes, so KnowledgeGraph.sparql adds none
    return graph.sparql((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))


def rows(result: QueryResult, *names: str) -> set[tuple]:
    return {tuple(row.get(name) for name in names) for row in result}


def paragraph(number: int) -> str:
    return f"{DOC}/p/{number}"


# --- one check per query ----------------------------------------------------------------


def check_route_partners(result: QueryResult) -> None:
    # UNODC on the trafficking routes past West Africa that ¶43 names
    west = [
        r
        for r in result
        if r["actor"] == f"{ID}org/unodc" and "西非" in r["routeLabel"] and r["number"] == 43
    ]
    assert west and west[0]["paragraph"] == paragraph(43)
    assert "主要跨国药物贩运路线" in west[0]["evidence"] and "西非" in west[0]["evidence"]
    assert len(set(result.column("route"))) >= 2  # the flows the report describes, not one


def check_route_places(result: QueryResult) -> None:
    found = rows(result, "role", "placeLabel", "threatLabel")
    assert ("transit", "西非", "药物贩运") in found
    assert ("transit", "中亚", "药物贩运") in found
    assert ("transit", "加勒比", "药物贩运") in found
    assert ("origin", "阿富汗", "阿片剂贩运") in found
    assert rows(result, "place", "placeEn") >= {(f"{ID}region/western-africa", "Western Africa")}
    assert all(row["routes"] >= 1 for row in result)  # routes through the place, not documents


def check_country_programmes(result: QueryResult) -> None:
    found = rows(result, "countryLabel", "programmeLabel", "number")
    # CARICC: UNODC runs it together with the governments of seven countries (¶60)
    for country in ("阿塞拜疆", "哈萨克斯坦", "吉尔吉斯斯坦", "俄罗斯联邦", "塔吉克斯坦", "土库曼斯坦", "乌兹别克斯坦"):  # fmt: skip
        assert (country, "中亚区域信息和协调中心", 60) in found
    # Colombia supports UNODC's anti-kidnapping programme (¶65)
    assert ("哥伦比亚", "打击绑架方案", 65) in found
    roles = rows(result, "countryLabel", "programmeLabel", "role")
    assert ("越南", "援助越南整体计划基金", "targetedBy") in roles
    assert all(row["evidence"] for row in result)


def check_piracy_resolutions(result: QueryResult) -> None:
    found = rows(result, "resolution", "how", "number")
    for number in ("1816-2008", "1838-2008", "1846-2008", "1851-2008"):
        assert (f"{ID}resolution/sc-{number}", "same paragraph", 55) in found
    resolutions = set(result.column("resolution"))
    assert f"{ID}resolution/ga-60-288" not in resolutions  # the counter-terrorism strategy
    assert "安全理事会第1846 (2008)号决议" in result.column("resolutionLabel")


def check_meetings_held_in(result: QueryResult) -> None:
    found = rows(result, "meetingLabel", "placeLabel", "placeType")
    assert ("非洲各国禁毒执法机构负责人第十八次会议", "亚穆苏克罗", "City") in found
    assert ("拉丁美洲和加勒比地区各国禁毒执法机构负责人第十八次会议", "特古西加尔巴", "City") in found  # fmt: skip
    assert ("索马里周边海盗问题国际会议", "内罗毕", "City") in found
    assert ("联合国打击跨国有组织犯罪公约缔约方会议第四届会议", "维也纳", "City") in found
    assert ("防止和打击贩运枪支措施区域培训讨论会", "萨格勒布", "City") in found
    assert ("发展少年司法系统区域讲习班", "尼泊尔", "Country") in found
    (yamoussoukro,) = [r for r in result if r["placeLabel"] == "亚穆苏克罗"]
    assert yamoussoukro["number"] == 16 and "亚穆苏克罗举行" in yamoussoukro["evidence"]


def check_un_body_threats(result: QueryResult) -> None:
    found = rows(result, "bodyLabel", "threatLabel")
    assert ("联合国大会", "恐怖主义") in found
    assert ("联合国开发计划署", "腐败") in found
    assert ("联合国西非办事处", "药物贩运") in found
    assert ("联合国毒品和犯罪问题办公室", "腐败") in found
    assert ("联合国毒品和犯罪问题办公室", "洗钱") in found
    assert ("安全理事会反恐怖主义委员会", "恐怖主义") not in found  # its name alone says it
    assert ("联合国经济及社会理事会", "贩运森林产品") in found
    bodies = set(result.column("body"))
    assert f"{ID}org/ecowas" not in bodies  # works on crime, but is not a UN body
    assert f"{ID}org/auc" not in bodies


def check_unodc_donors(result: QueryResult) -> None:
    assert rows(result, "donorLabel", "iso3", "number") >= {
        ("巴西", "BRA", 78),
        ("哥伦比亚", "COL", 78),
        ("墨西哥", "MEX", 78),
    }
    local_budget = [r for r in result if r["number"] == 78 and r["iso3"] in {"BRA", "COL", "MEX"}]
    assert local_budget and all("当地支助预算" in r["evidence"] for r in local_budget)


def check_corruption_partners(result: QueryResult) -> None:
    found = rows(result, "organization", "partner", "number", "section")
    assert (f"{ID}org/unodc", f"{ID}org/worldbank", 35, "C. 腐败") in found
    assert (f"{ID}org/interpol", f"{ID}org/unodc", 36, "C. 腐败") in found
    # each pair of organizations once, although kg:partnerOf is stored both ways
    assert (f"{ID}org/worldbank", f"{ID}org/unodc", 35, "C. 腐败") not in found
    (academy,) = [r for r in result if r["number"] == 36]
    assert "国际反腐败学院" in academy["evidence"]


def check_unodc_partners(result: QueryResult) -> None:
    found = rows(result, "partner", "partnerType", "number")
    assert (f"{ID}org/interpol", "Organization", 36) in found
    assert (f"{ID}org/worldbank", "Organization", 35) in found
    assert (f"{ID}org/who", "Organization", 19) in found
    assert (f"{ID}org/ctc", "Organization", 41) in found
    assert (f"{ID}country/KAZ", "Country", 60) in found
    assert (f"{ID}country/GEO", "Country", 63) in found
    (interpol,) = [r for r in result if r["partner"] == f"{ID}org/interpol" and r["number"] == 36]
    assert interpol["partnerLabel"] == "国际刑事警察组织"
    assert "同国际刑事警察组织（刑警组织）签署了一项协议" in interpol["evidence"]
    assert 0 < interpol["confidence"] <= 1


def check_unodc_programmes(result: QueryResult) -> None:
    found = rows(result, "programme", "number")
    assert (f"{ID}programme/star", 35) in found
    assert (f"{ID}programme/asian-forensic-sciences-network", 71) in found
    assert (f"{ID}programme/legal-regime-terrorism-project", 37) in found
    assert "Stolen Asset Recovery Initiative" in result.column("programmeEn")
    assert "南部非洲区域法医学网络" in result.column("programmeLabel")


def check_body_resolutions(result: QueryResult) -> None:
    found = rows(result, "body", "resolution", "number")
    assert (f"{ID}org/sc", f"{ID}resolution/sc-1816-2008", 55) in found
    assert (f"{ID}org/sc", f"{ID}resolution/sc-1540-2004", 41) in found
    assert (f"{ID}org/ga", f"{ID}resolution/ga-60-288", 38) in found
    assert (f"{ID}org/cnd", f"{ID}resolution/cnd-50-8", 14) in found
    assert (f"{ID}org/ecosoc", f"{ID}resolution/ecosoc-2008-25", 52) in found
    # the decisions of the fourth session of the Conference of the Parties to the UNTOC
    cop = [r for r in result if r["resolutionLabel"].endswith("第4/1号决定")]
    assert cop and all("联合国打击跨国有组织犯罪公约缔约方会议" in r["bodyLabel"] for r in cop)
    assert {r["number"] for r in cop} == {26}


def check_programme_targets(result: QueryResult) -> None:
    found = rows(result, "programmeLabel", "placeLabel", "placeType", "number")
    assert ("中亚区域信息和协调中心", "中亚", "Region", 60) in found
    assert ("南部非洲区域法医学网络", "南部非洲", "Region", 71) in found
    assert ("援助越南整体计划基金", "越南", "Country", 84) in found


def check_most_mentioned_entities(result: QueryResult) -> None:
    top = result.rows[0]
    assert top["entity"] == f"{ID}org/unodc"
    assert top["type"] == "Organization" and top["mentions"] >= 50
    counts = result.column("mentions")
    assert counts == sorted(counts, reverse=True)
    assert len(result) == 25
    entities = set(result.column("entity"))
    assert {f"{ID}country/AFG", f"{ID}threat/trafficking-in-persons"} <= entities


def check_section_countries(result: QueryResult) -> None:
    iso3 = set(result.column("iso3"))
    # CARICC (¶60), container control (¶61), witness protection (¶63), kidnapping (¶65)
    assert {"AZE", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB"} <= iso3
    assert {"GHA", "PAK", "SEN", "ARM", "GEO", "COL"} <= iso3
    assert "AFG" not in iso3  # named often, but not under 六.B
    assert all(60 <= number <= 65 for number in result.column("number"))
    assert ("KAZ", "1. 中亚区域信息和协调中心") in rows(result, "iso3", "subsection")


def check_instrument_citations(result: QueryResult) -> None:
    found = rows(result, "instrument", "number")
    assert (f"{ID}instrument/uncac", 32) in found
    assert (f"{ID}instrument/untoc", 24) in found
    assert (f"{ID}instrument/untoc-firearms-protocol", 30) in found
    assert (f"{ID}instrument/global-ct-strategy", 38) in found
    sections = rows(result, "instrument", "section")
    assert (f"{ID}instrument/uncac", "C. 腐败") in sections
    assert "United Nations Convention against Corruption" in result.column("instrumentEn")


def check_meeting_participants(result: QueryResult) -> None:
    found = rows(result, "meetingLabel", "actorLabel", "role")
    assert ("第四次世界城市论坛", "联合国毒品和犯罪问题办公室", "participatesIn") in found
    assert ("非洲犯罪统计讲习班", "联合国毒品和犯罪问题办公室", "participatesIn") in found
    praia = "毒品贩运威胁西非安全问题西非经共体部长级会议"
    assert (praia, "联合国西非办事处", "partnerInSentence") in found
    assert (praia, "欧洲联盟委员会", "partnerInSentence") in found
    assert ("非洲犯罪统计讲习班", "非洲经济委员会", "partnerInSentence") in found
    assert ("“2008年之后”全球论坛", "维也纳非政府组织麻醉药品委员会", "partnerInSentence") in found  # fmt: skip
    assert {r["placeLabel"] for r in result if r["meetingLabel"] == praia} == {"普拉亚"}


def check_threat_categories(result: QueryResult) -> None:
    by_threat = {
        (row.get("category"), row["threat"]): (row["actors"], row["workers"]) for row in result
    }
    terrorism = by_threat[(f"{ID}threat/crime", f"{ID}threat/terrorism")]
    assert terrorism[0] >= 3  # the General Assembly, the CTC, UNODC
    assert terrorism[1] >= terrorism[0]
    assert by_threat[(f"{ID}threat/maritime-crime", f"{ID}threat/piracy")][1] >= 1
    # drug trafficking sits under two broader concepts (SKOS polyhierarchy)
    assert (f"{ID}threat/drug-problem", f"{ID}threat/drug-trafficking") in by_threat
    assert (f"{ID}threat/crime", f"{ID}threat/drug-trafficking") in by_threat
    # top concepts have no broader one
    assert (None, f"{ID}threat/drug-problem") in by_threat
    assert ("犯罪", "恐怖主义") in rows(result, "categoryLabel", "threatLabel")


def check_interpol_relations(result: QueryResult) -> None:
    assert set(result.column("entity")) == {f"{ID}org/interpol"}
    found = rows(result, "direction", "relation", "other", "number")
    assert ("out", f"{KG}partnerOf", f"{ID}org/unodc", 36) in found
    assert ("in", f"{KG}partnerOf", f"{ID}org/unodc", 36) in found
    assert all("刑警组织" in evidence for evidence in result.column("evidence"))
    assert set(result.column("otherLabel")) >= {"联合国毒品和犯罪问题办公室"}


def check_footnote_publications(result: QueryResult) -> None:
    found = rows(result, "number", "marker", "publicationLabel")
    assert (6, "1", "阿富汗：2008年鸦片调查") in found
    assert (18, "2", "2008年世界毒品问题报告") in found
    assert (68, "11", "2008年世界毒品问题报告") in found
    # footnote 9 names five publications; every one of them is found
    assert {label for number, marker, label in found if marker == "9"} >= {
        "犯罪、暴力与发展：加勒比地区的趋势、成本和政策决择",
        "中美洲的犯罪与发展；两面夹攻",
        "药物贩运是对西非的安全威胁",
    }
    assert (paragraph(43), f"{DOC}/fn/9") in rows(result, "paragraph", "footnote")


def check_region_programmes(result: QueryResult) -> None:
    found = rows(result, "regionLabel", "regionEn", "programmeLabel")
    assert ("中亚", "Central Asia", "中亚区域信息和协调中心") in found
    assert ("南部非洲", "Southern Africa", "南部非洲区域法医学网络") in found
    assert ("亚洲", "Asia", "亚洲法医学网络") in found
    assert ("加勒比", "Caribbean", "2009-2011年促进法治和人的安全加勒比区域方案") in found


def check_piracy_countries(result: QueryResult) -> None:
    found = rows(result, "iso3", "countryLabel", "threatLabel", "number", "section")
    assert ("SOM", "索马里", "海盗行为", 54, "6. 海盗行为") in found
    assert ("SOM", "索马里", "海盗行为", 55, "6. 海盗行为") in found


def check_documents(result: QueryResult) -> None:
    (row,) = [r for r in result if r["document"] == DOC]
    assert set(row["symbols"].split()) == {"E/CN.7/2009/3", "E/CN.15/2009/3"}
    assert row["title"] == "联合国毒品和犯罪问题办公室的活动"
    assert row["subtitle"] == "执行主任的报告"
    assert row["sourceFile"].endswith("unodc-activities-2008.zh.txt")


def check_low_confidence_assertions(result: QueryResult) -> None:
    confidences = [float(c) for c in result.column("confidence")]
    assert confidences and all(c < 0.75 for c in confidences)
    assert confidences == sorted(confidences)
    # among the least sure: actors on a route, and donors read from a list of States
    assert any(
        r["relation"] == f"{KG}participatesIn" and r["object"].startswith(f"{ID}route/")
        for r in result
    )
    donors = [r for r in result if r["relation"] == f"{KG}donorTo"]
    assert donors and {r["object"] for r in donors} == {f"{ID}org/unodc"}
    assert all(r["rule"].startswith("donor:") and r["number"] in (77, 78) for r in donors)
    assert all(row["evidence"] and row["paragraph"].startswith(DOC) for row in result)


def check_shared_threat_bodies(result: QueryResult) -> None:
    groups = {(row["threat"], row["number"]): set(row["bodyLabels"].split("、")) for row in result}
    assert groups[(f"{ID}threat/terrorism", 38)] == {"联合国大会", "联合国毒品和犯罪问题办公室"}
    assert groups[(f"{ID}threat/corruption", 35)] == {"联合国毒品和犯罪问题办公室", "世界银行"}
    # a threat in a body's name (安全理事会反恐怖主义委员会, ¶41) is no work the text states
    assert (f"{ID}threat/terrorism", 41) not in groups
    assert all(row["bodies"] >= 2 for row in result)


def check_unodc_interpol_ask(result: QueryResult) -> None:
    assert result.boolean is True


def check_session_decisions(result: QueryResult) -> None:
    found = rows(result, "decision", "number")
    # the fourth session of the Conference of the Parties to the UNTOC, ¶26–30
    for decision, number in (("4-1", 26), ("4-4", 27), ("4-2", 28), ("4-3", 29), ("4-6", 30)):
        assert (f"{ID}decision/cop-untoc-{decision}", number) in found
    cop = [r for r in result if r["decision"].startswith(f"{ID}decision/cop-untoc-4-")]
    assert all("联合国打击跨国有组织犯罪公约缔约方会议" in r["adopterLabel"] for r in cop)
    session = "联合国打击跨国有组织犯罪公约缔约方会议第四届会议"
    by_session = rows(result, "adopterLabel", "adopterType", "decision")
    assert (session, "Meeting", f"{ID}decision/cop-untoc-4-1") in by_session
    assert (session, "Meeting", f"{ID}decision/cop-untoc-4-6") in by_session
    first = [r for r in cop if r["decision"].endswith("4-1")]
    assert first and all("会议在其第4/1号决定中" in r["evidence"] for r in first)
    assert (f"{ID}org/ecosoc", f"{ID}resolution/ecosoc-2008-25", 52) in rows(
        result, "adopter", "decision", "number"
    )
    # sessions and bodies adopt here; States ratify instruments elsewhere
    assert set(result.column("adopterType")) <= {"Meeting", "Organization"}


def check_instrument_endorsements(result: QueryResult) -> None:
    # the African Union ministerial conference adopted the revised plan of action (¶47)
    plan = f"{ID}instrument/au-plan-of-action-drug-control-2007-2012"
    conference = "非洲联盟成员国药物管制和预防犯罪部长会议"
    found = rows(result, "meetingLabel", "instrument", "placeLabel", "number")
    assert (conference, plan, "亚的斯亚贝巴", 47) in found
    (row,) = [r for r in result if r["instrument"] == plan and r["meetingLabel"] == conference]
    assert "部长会议通过了《经修订的非洲联盟药物管制和预防犯罪行动计划" in row["evidence"]


def check_supporters(result: QueryResult) -> None:
    # Colombia supports UNODC's anti-kidnapping programme (¶65)
    found = rows(result, "supporter", "supportedLabel", "supportedType", "number")
    assert (f"{ID}country/COL", "打击绑架方案", "Programme", 65) in found
    (row,) = [r for r in result if r["supporter"] == f"{ID}country/COL" and r["number"] == 65]
    assert "哥伦比亚政府继续支助毒品和犯罪问题办公室的打击绑架方案" in row["evidence"]
    assert set(result.column("supporterType")) <= {"Organization", "Country"}
    assert set(result.column("supportedType")) <= {"Programme", "Meeting", "Organization"}


def check_body_countries(result: QueryResult) -> None:
    found = rows(result, "actor", "iso3", "number")
    # UNODC's crop monitoring surveys (¶5)
    for iso3 in ("AFG", "BOL", "COL", "LAO", "MMR", "PER"):
        assert (f"{ID}org/unodc", iso3, 5) in found
    # UNODC and UNDP's joint anti-corruption programme in Iraq (¶33)
    assert (f"{ID}org/unodc", "IRQ", 33) in found
    assert (f"{ID}org/undp", "IRQ", 33) in found
    programmes = rows(result, "actorLabel", "actorType", "iso3", "number")
    assert ("援助越南整体计划基金", "Programme", "VNM", 84) in programmes
    assert ("加强城市安全方案", "Programme", "HND", 86) in programmes
    assert set(result.column("actorType")) <= {"Organization", "Programme"}


def check_meeting_states(result: QueryResult) -> None:
    # the East African round table in Nairobi (¶49): Kenya hosted it, experts from twelve
    # other States took part
    table = [r for r in result if r["meetingLabel"] == "东非专家圆桌会议"]
    states = {r["iso3"] for r in table}
    assert states >= {"KEN", "EGY", "FRA", "DEU", "GHA", "GNB", "IND", "IRN", "ITA", "MAR"}
    assert states >= {"NGA", "RUS", "USA"}
    assert {r["placeLabel"] for r in table} == {"内罗毕"}
    assert {r["number"] for r in table} == {49}
    (france,) = [r for r in table if r["iso3"] == "FRA"]
    assert "参加圆桌会议的有来自东非和埃及、法国" in france["evidence"]


def check_institution_seats(result: QueryResult) -> None:
    found = rows(result, "institutionLabel", "placeLabel", "placeType", "number")
    # the International Anti-Corruption Academy, to be set up in Austria (¶36)
    assert ("国际反腐败学院", "奥地利", "Country", 36) in found
    assert ("维也纳非政府组织麻醉药品委员会", "维也纳", "City", 20) in found
    (academy,) = [r for r in result if r["institutionLabel"] == "国际反腐败学院"]
    assert "在奥地利建立国际反腐败学院" in academy["evidence"]
    assert set(result.column("institutionType")) <= {"Organization", "Programme"}


def check_group_members(result: QueryResult) -> None:
    # the Major Donors group, its members listed in footnote 14 to ¶77
    donors = [r for r in result if r["groupLabel"] == "主要捐助方集团"]
    assert {r["member"].removeprefix(f"{ID}country/") for r in donors} >= {
        "AUS", "AUT", "BEL", "CAN", "DNK", "FIN", "FRA", "DEU", "IRL", "ITA",
        "JPN", "LUX", "NLD", "NOR", "ESP", "SWE", "CHE", "TUR", "GBR", "USA",
    }  # fmt: skip
    assert {r["number"] for r in donors} == {77}
    # UNODC, a cosponsor of UNAIDS (¶87)
    (unaids,) = [r for r in result if r["group"] == f"{ID}org/unaids"]
    assert unaids["member"] == f"{ID}org/unodc" and unaids["memberType"] == "Organization"
    assert "联合赞助方" in unaids["evidence"]


CHECKS: dict[str, Callable[[QueryResult], None]] = {
    "body_countries": check_body_countries,
    "body_resolutions": check_body_resolutions,
    "corruption_partners": check_corruption_partners,
    "country_programmes": check_country_programmes,
    "documents": check_documents,
    "footnote_publications": check_footnote_publications,
    "group_members": check_group_members,
    "institution_seats": check_institution_seats,
    "instrument_citations": check_instrument_citations,
    "instrument_endorsements": check_instrument_endorsements,
    "interpol_relations": check_interpol_relations,
    "low_confidence_assertions": check_low_confidence_assertions,
    "meeting_participants": check_meeting_participants,
    "meeting_states": check_meeting_states,
    "meetings_held_in": check_meetings_held_in,
    "most_mentioned_entities": check_most_mentioned_entities,
    "piracy_countries": check_piracy_countries,
    "piracy_resolutions": check_piracy_resolutions,
    "programme_targets": check_programme_targets,
    "region_programmes": check_region_programmes,
    "route_partners": check_route_partners,
    "route_places": check_route_places,
    "section_countries": check_section_countries,
    "session_decisions": check_session_decisions,
    "shared_threat_bodies": check_shared_threat_bodies,
    "supporters": check_supporters,
    "threat_categories": check_threat_categories,
    "un_body_threats": check_un_body_threats,
    "unodc_donors": check_unodc_donors,
    "unodc_interpol_ask": check_unodc_interpol_ask,
    "unodc_partners": check_unodc_partners,
    "unodc_programmes": check_unodc_programmes,
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query_answers_the_seed(graph: KnowledgeGraph, name: str) -> None:
    result = run(graph, name)
    CHECKS[name](result)


def test_every_query_file_is_checked() -> None:
    assert len(FILES) >= 32
    assert {path.stem for path in FILES} == set(CHECKS)


# --- the files themselves ---------------------------------------------------------------


def header(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = {}
    for line in lines[:3]:
        match = re.fullmatch(r"# (zh|en|returns): (.+)", line)
        assert match, f"{path.name}: expected '# zh:', '# en:', '# returns:' lines, got {line!r}"
        found[match[1]] = match[2].strip()
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_query_file_has_questions_and_parses(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = header(path)
    assert list(lines) == ["zh", "en", "returns"]
    assert re.search(r"[\u4e00-\u9fff]", lines["zh"]), "the zh line is a Chinese question"
    assert lines["en"].endswith("?")
    assert re.search(r"^\s*(SELECT|ASK)\b", text, re.MULTILINE)
    # self-contained: it runs in a bare SPARQL engine with no predefined prefixes ...
    ox.Store().query(text)
    # ... and parses in a second, independent engine
    prepareQuery(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_returns_line_names_the_result_columns(graph: KnowledgeGraph, path: Path) -> None:
    declared = header(path)["returns"]
    result = graph.sparql(path.read_text(encoding="utf-8"))
    if result.boolean is not None:
        assert declared == "boolean"
    else:
        assert tuple(re.findall(r"\?(\w+)", declared)) == result.variables


COUNTED = [p for p in FILES if re.search(r"\?documents\b", header(p)["returns"])]


@pytest.mark.parametrize("path", COUNTED, ids=lambda p: p.name)
def test_counts_over_the_corpus_are_one_on_the_seed(graph: KnowledgeGraph, path: Path) -> None:
    # the seed is one document: a fact counted over documents is counted once
    result = graph.sparql(path.read_text(encoding="utf-8"))
    assert result.rows and set(result.column("documents")) == {1}
