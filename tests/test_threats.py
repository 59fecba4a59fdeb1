"""The threat taxonomy (kg/data/threats.ttl) beyond drugs and crime: its shape, its triggers,
and the extractor finding threats of every theme in sentences written for these tests."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
KG = "https://w3id.org/unodc-kg/ontology#"
THREAT = "https://w3id.org/unodc-kg/id/threat/"
SCHEME = URIRef(KG + "threats")
TRIGGER = URIRef(KG + "trigger")
CJK = re.compile(r"[\u3400-\u9fff]")

# Words that name no threat by themselves in UN texts (see the # note: lines of threats.ttl).
GENERIC = {
    "毒品", "犯罪", "贩运", "药物", "非法贩运", "危机", "挑战", "风险", "威胁", "灾难",
    "流行病", "制裁", "兼并", "烟草", "难民", "不安全", "安全", "健康", "卫生",
}  # fmt: skip


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(DATA / "threats.ttl", format="turtle")


def concept(slug: str) -> URIRef:
    return URIRef(THREAT + slug)


def concepts(graph: Graph) -> set[URIRef]:
    return set(graph.subjects(SKOS.inScheme, SCHEME))


def ancestors(graph: Graph, node: URIRef) -> set[URIRef]:
    return set(graph.transitive_objects(node, SKOS.broader)) - {node}


# --- the scheme --------------------------------------------------------------------------------


def test_scheme_parses_and_every_concept_is_a_threat(graph):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    found = concepts(graph)
    assert len(found) >= 120
    assert found == set(graph.subjects(RDF.type, URIRef(KG + "Threat")))
    assert found == set(graph.subjects(RDF.type, SKOS.Concept))


def test_labels(graph):
    for c in concepts(graph):
        pref = sorted((lit.language, str(lit)) for lit in graph.objects(c, SKOS.prefLabel))
        assert [lang for lang, _ in pref] == ["en", "zh"], c
        assert CJK.search(pref[1][1]), c
        for alt in graph.objects(c, SKOS.altLabel):
            assert isinstance(alt, Literal) and alt.language == "zh", (c, alt)


def test_broader_and_narrower_are_mutual_and_acyclic(graph):
    found = concepts(graph)
    for s, o in graph.subject_objects(SKOS.broader):
        assert o in found, (s, o)
        assert (o, SKOS.narrower, s) in graph, (s, o)
    for s, o in graph.subject_objects(SKOS.narrower):
        assert (o, SKOS.broader, s) in graph, (s, o)
    for c in found:
        assert c not in ancestors(graph, c), f"broader cycle through {c}"


def test_top_concepts(graph):
    tops = set(graph.objects(SCHEME, SKOS.hasTopConcept))
    assert tops == set(graph.subjects(SKOS.topConceptOf, SCHEME))
    assert tops == {c for c in concepts(graph) if not list(graph.objects(c, SKOS.broader))}
    expected = {
        "drug-problem", "crime", "health-threats", "environmental-degradation", "disasters",
        "food-insecurity", "peace-and-security-threats", "human-rights-violations",
        "humanitarian-crises", "poverty", "information-threats",
    }  # fmt: skip
    assert tops == {concept(slug) for slug in expected}


# --- triggers ---------------------------------------------------------------------------------


def test_every_concept_has_a_chinese_trigger(graph):
    for c in concepts(graph):
        triggers = list(graph.objects(c, TRIGGER))
        assert triggers, f"{c} has no kg:trigger"
        for t in triggers:
            assert isinstance(t, Literal) and t.language == "zh" and CJK.search(str(t)), (c, t)


def test_a_chinese_name_belongs_to_one_concept(graph):
    """Triggers, prefLabels and altLabels are all matched, so each string has one owner."""
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for predicate in (TRIGGER, SKOS.prefLabel, SKOS.altLabel):
        for c, lit in graph.subject_objects(predicate):
            if lit.language == "zh":
                owners[str(lit)].add(c)
    shared = {name: sorted(cs) for name, cs in owners.items() if len(cs) > 1}
    assert not shared, shared


def test_no_generic_word_is_matched(graph):
    triggers = {str(lit) for lit in graph.objects(None, TRIGGER)}
    assert not triggers & GENERIC, triggers & GENERIC
    labels = {
        str(lit)
        for predicate in (SKOS.prefLabel, SKOS.altLabel)
        for lit in graph.objects(None, predicate)
        if lit.language == "zh"
    }
    # 犯罪 is the prefLabel of the crime top concept (the queries show it); no other label is generic
    assert labels & GENERIC == {"犯罪"}, labels & GENERIC
    assert all(len(n) >= 2 for n in triggers | labels)


# --- the hierarchy: each theme under its top concept ------------------------------------------

THEMES = {
    "health-threats": [
        "epidemics", "covid-19", "hiv-aids", "tuberculosis", "malaria", "cholera", "ebola", "mpox",
        "non-communicable-diseases", "cardiovascular-diseases", "cancer", "diabetes",
        "chronic-respiratory-diseases", "mental-health-conditions", "antimicrobial-resistance",
        "tobacco-use", "harmful-use-of-alcohol", "malnutrition",
    ],
    "environmental-degradation": [
        "climate-change", "sea-level-rise", "biodiversity-loss", "pollution", "desertification",
        "deforestation",
    ],
    "disasters": [
        "natural-disasters", "earthquakes", "floods", "droughts", "tropical-cyclones", "wildfires",
    ],
    "food-insecurity": ["hunger", "famine", "malnutrition"],
    "peace-and-security-threats": [
        "armed-conflict", "attacks-on-civilians", "occupation", "annexation", "terrorism",
        "violent-extremism", "weapons-of-mass-destruction", "nuclear-weapons", "explosive-ordnance",
        "unilateral-coercive-measures", "atrocity-crimes", "genocide", "war-crimes",
        "crimes-against-humanity", "ethnic-cleansing", "outer-space-arms-race", "cyber-attacks",
        "nuclear-testing", "nuclear-proliferation",
    ],
    "human-rights-violations": [
        "sexual-exploitation-and-abuse", "sexual-harassment", "violence-against-women",
        "child-marriage", "female-genital-mutilation", "discrimination", "racism", "child-labour",
        "forced-labour", "statelessness", "unilateral-coercive-measures", "gender-based-violence",
        "sexual-violence", "domestic-violence", "femicide", "conflict-related-sexual-violence",
    ],
    "poverty": ["extreme-poverty"],
    "humanitarian-crises": ["displacement"],
    "information-threats": ["disinformation", "misinformation", "hate-speech", "cyber-attacks"],
}  # fmt: skip


@pytest.mark.parametrize("top", sorted(THEMES))
def test_theme_members_sit_under_their_top_concept(graph, top):
    for slug in THEMES[top]:
        assert concept(top) in ancestors(graph, concept(slug)), (slug, top)


def test_forms_of_violence_are_concepts_of_their_own(graph):
    """Gender-based, sexual and domestic violence are distinct in UN usage: violence against
    women is one form of gender-based violence, sexual violence in conflict one of sexual
    violence."""
    assert concept("gender-based-violence") in ancestors(graph, concept("violence-against-women"))
    assert concept("sexual-violence") in ancestors(
        graph, concept("conflict-related-sexual-violence")
    )
    assert concept("violence-against-women") not in ancestors(graph, concept("domestic-violence"))


def test_drug_and_crime_hierarchy_kept(graph):
    assert concept("crime") in ancestors(graph, concept("terrorism"))
    assert concept("drug-problem") in ancestors(graph, concept("drug-trafficking"))
    assert concept("crime") in ancestors(graph, concept("cybercrime"))
    assert concept("information-threats") not in ancestors(graph, concept("cybercrime"))


# --- the extractor finds them -------------------------------------------------------------------

# Sentences written for these tests (not taken from any document): sentence, threats expected.
SENTENCES = [
    ("2019冠状病毒病大流行加剧了全球粮食不安全，数百万人面临饥荒。",
     {"covid-19", "food-insecurity", "famine"}),
    ("该国在地震和洪水之后暴发了霍乱疫情，随后又出现新的疫情。",
     {"earthquakes", "floods", "cholera", "epidemics"}),
    ("气候变化导致海平面上升和干旱，加剧了荒漠化和生物多样性丧失。",
     {"climate-change", "sea-level-rise", "droughts", "desertification", "biodiversity-loss"}),
    ("武装冲突各方必须停止袭击平民，并保护受冲突影响的儿童免遭招募和使用儿童行为之害。",
     {"armed-conflict", "attacks-on-civilians", "children-and-armed-conflict"}),
    ("大会谴责外国占领和吞并领土，并关切单方面强制性措施对发展的影响。",
     {"occupation", "annexation", "unilateral-coercive-measures"}),
    ("各国应防止灭绝种族、战争罪、族裔清洗和危害人类罪。",
     {"genocide", "war-crimes", "ethnic-cleansing", "crimes-against-humanity"}),
    ("会议讨论了防止外层空间军备竞赛以及核武器和其他大规模毁灭性武器的扩散。",
     {"outer-space-arms-race", "nuclear-weapons", "weapons-of-mass-destruction"}),
    ("工作组建议消除性剥削和性虐待、性骚扰以及童婚、早婚和逼婚。",
     {"sexual-exploitation-and-abuse", "sexual-harassment", "child-marriage"}),
    ("虚假信息、错误信息和仇恨言论在网上迅速传播，网络攻击也在增加。",
     {"disinformation", "misinformation", "hate-speech", "cyber-attacks"}),
    ("非传染性疾病，包括心血管疾病、癌症、糖尿病和慢性呼吸道疾病，是主要死因。",
     {"non-communicable-diseases", "cardiovascular-diseases", "cancer", "diabetes",
      "chronic-respiratory-diseases"}),
    ("许多家庭陷入极端贫困，流离失所者和无国籍者尤其易受营养不良之害。",
     {"extreme-poverty", "displacement", "statelessness", "malnutrition"}),
    ("该方案致力于消除童工和强迫劳动，并打击种族主义和仇外心理。",
     {"child-labour", "forced-labour", "racism"}),
    ("暴力极端主义和恐怖主义仍然是对国际和平与安全的威胁。",
     {"violent-extremism", "terrorism", "peace-and-security-threats"}),
    ("该国加强了对家庭暴力、性暴力和其他形式性别暴力的应对，并扑灭了多起野火。",
     {"domestic-violence", "sexual-violence", "gender-based-violence", "wildfires"}),
    ("各国应停止核试验，推进核不扩散，防止核战争。",
     {"nuclear-testing", "nuclear-proliferation", "nuclear-war"}),
    ("经济危机和非法资金流动加深了数字鸿沟，登革热和腹泻病在风暴过后蔓延。",
     {"economic-crises", "illicit-financial-flows", "digital-divide", "dengue",
      "diarrhoeal-diseases", "storms"}),
    ("叛乱团体对儿童实施严重侵害儿童行为，反卫星导弹试验制造了空间碎片。",
     {"insurgency", "grave-violations-against-children", "asat-missile-tests", "space-debris"}),
    ("艾滋病毒感染者仍蒙受污名，青年失业和缺水加剧，肝炎和流感疫苗不足，校园欺凌多发。",
     {"hiv-aids", "stigmatization", "unemployment", "water-scarcity", "hepatitis", "influenza",
      "bullying"}),
    ("生活费用危机之外，被忽视的热带疾病和水传播疾病仍在流行。",
     {"economic-crises", "communicable-diseases"}),
    ("安全理事会关切该区域武器非法贩运和非法武器流动。",  # either word order
     {"firearms-trafficking"}),
    ("委员会关切阿片类药物过量致死人数增加以及甲基苯丙胺贩运。",
     {"drug-overdose", "ats-trafficking"}),
]  # fmt: skip

# Generic words in sentences of the same kind: no threat is named.
NO_THREAT = [
    "委员会讨论了该区域面临的各种挑战和风险。",
    "各方应以非暴力方式解决分歧，工作人员应申报利益冲突。",
    "报告介绍了流行病学调查的最新数据。",
    "安全理事会延长了制裁委员会专家小组的任务期限。",
]


@pytest.fixture(scope="module")
def extractor():
    from kg.nlp.extract import Extractor

    return Extractor()


def threats_in(extractor, sentence: str) -> set[str]:
    from kg.nlp.model import EntityType

    found = extractor.extract_text(sentence).of_type(EntityType.THREAT)
    return {e.key.removeprefix("threat/") for e in found}


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_extractor_finds_threats_of_every_theme(extractor, sentence, expected):
    assert threats_in(extractor, sentence) == expected


@pytest.mark.parametrize("sentence", NO_THREAT)
def test_generic_words_name_no_threat(extractor, sentence):
    assert threats_in(extractor, sentence) == set()


def test_violence_conflict_and_discrimination_alone_are_threats(extractor):
    # the independent readers of the 2023 documents mark them wherever they stand
    found = threats_in(extractor, "委员会讨论了冲突后重建、防止暴力和消除歧视的工作。")
    assert found == {"armed-conflict", "violence", "discrimination"}


def test_longest_trigger_wins(extractor):
    # 非传染性疾病 holds 传染性疾病; 战争罪 holds 战争; 儿童性剥削 holds 性剥削
    assert threats_in(extractor, "非传染性疾病负担沉重。") == {"non-communicable-diseases"}
    assert threats_in(extractor, "法院审理了战争罪案件。") == {"war-crimes"}
    assert threats_in(extractor, "打击儿童性剥削。") == {"violence-against-children"}


def test_occupation_inside_occupied_territory(extractor):
    # a mention of the occupation, also when written inside the territory's name
    assert "occupation" in threats_in(extractor, "被占领巴勒斯坦领土上的局势继续恶化。")
    assert "occupation" in threats_in(extractor, "巴勒斯坦被占领土上的妇女。")


def test_covid_written_in_latin_letters(extractor):
    assert threats_in(extractor, "COVID-19疫情暴露了卫生系统的弱点。") == {"covid-19"}
    assert threats_in(extractor, "各国从COVID-19中复苏。") == {"covid-19"}


def test_readme_counts_match_the_file(graph):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    row = re.search(
        r"\| `threats.ttl` \|[^|]*\| (\d+) concepts \((\d+) top concepts\), (\d+) triggers \|",
        readme,
    )
    assert row, "threats.ttl row of the table in kg/data/README.md"
    found = concepts(graph)
    tops = set(graph.objects(SCHEME, SKOS.hasTopConcept))
    triggers = list(graph.triples((None, TRIGGER, None)))
    assert tuple(map(int, row.groups())) == (len(found), len(tops), len(triggers))


def test_nuclear_proliferation_war_wasting_and_financial_crime_are_concepts_of_their_own(
    extractor,
):
    assert threats_in(extractor, "防止核武器扩散和核战争，打击金融犯罪，儿童消瘦。") >= {
        "nuclear-proliferation",
        "nuclear-war",
        "financial-crime",
        "wasting",
    }


def test_persecution_abuse_of_authority_and_road_traffic_injuries_are_threats():
    from kg.nlp.extract import Extractor

    found = Extractor().extract_text("对环境维权者的迫害、滥用职权以及道路交通事故。")
    labels = {e.key: e.label_zh for e in found.entities.values()}
    assert labels == {
        "threat/persecution": "迫害",
        "threat/abuse-of-authority": "滥用权力",
        "threat/road-traffic-injuries": "道路交通伤害",
    }


def test_the_opioid_crisis_and_locust_plagues_are_threats():
    from kg.nlp.extract import Extractor

    found = Extractor().extract_text("各国关注阿片类药物危机，粮农组织应对了沙漠蝗灾。")
    keys = {e.key for e in found.entities.values() if e.type.value == "Threat"}
    assert keys == {"threat/opioid-crisis", "threat/locust-plagues"}
