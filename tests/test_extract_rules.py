"""Unit tests, one group per rule family, on sentences written in the genre's style."""

import pytest

from kg.nlp.extract import Extractor
from kg.nlp.model import EntityType


@pytest.fixture(scope="module")
def extract():
    extractor = Extractor()
    return lambda text: extractor.extract_text(text)


def names(extraction, entity_type):
    return sorted(e.label_zh for e in extraction.of_type(entity_type))


def keys(extraction, entity_type):
    return sorted(e.key for e in extraction.of_type(entity_type))


def assert_one_entity(extraction, entity_type, label, mentions):
    """The extraction has one entity of the type, with that label and that many mentions."""
    (entity,) = extraction.of_type(entity_type)
    assert entity.label_zh == label
    assert len(entity.mentions) == mentions


def written(extraction, entity_type):
    """The names as the text writes them (labels of bodies and meetings drop 《》)."""
    return sorted({m.text for e in extraction.of_type(entity_type) for m in e.mentions})


# --- gazetteer ---------------------------------------------------------------------------


def test_countries_by_official_and_short_names(extract):
    found = extract("伊朗、大韩民国和英国的代表与美利坚合众国及美国的专家会晤。")
    assert keys(found, EntityType.COUNTRY) == [
        "country/GBR",
        "country/IRN",
        "country/KOR",
        "country/USA",
    ]
    usa = found.entities["country/USA"]
    assert usa.label_zh == "美利坚合众国" and "美国" in usa.alt_labels and usa.iso3 == "USA"


def test_short_country_names_respect_word_boundaries(extract):
    found = extract("发展中国家和欧美国家都面临挑战。")
    assert keys(found, EntityType.COUNTRY) == []


def test_gulf_states_and_the_nile_basin_are_regions(extract):
    found = extract("海湾国家和尼罗河流域国家加强了合作。")
    assert keys(found, EntityType.REGION) == ["region/gulf-region", "region/nile-basin"]


def test_territories_are_regions_with_their_iso_code(extract):
    # a territory is no State: a place, not an actor, though ISO lists its code
    found = extract("科索沃、直布罗陀和福克兰(马尔维纳斯)群岛的妇女与塞尔维亚的代表会晤。")
    assert keys(found, EntityType.COUNTRY) == ["country/SRB"]
    assert keys(found, EntityType.REGION) == ["country/FLK", "country/GIB", "country/XKX"]
    assert found.entities["country/GIB"].iso3 == "GIB"


def test_longest_name_wins(extract):
    found = extract("几内亚比绍和巴布亚新几内亚")
    assert keys(found, EntityType.COUNTRY) == ["country/GNB", "country/PNG"]


def test_another_bodys_assembly_is_not_the_general_assembly(extract):
    found = extract("粮食及农业组织(粮农组织)大会第四十四届会议和大会第八十届会议均已闭幕。")
    assert "org/ga" in keys(found, EntityType.ORGANIZATION)
    labels = {e.label_zh for e in found.of_type(EntityType.MEETING)}
    assert labels == {"粮食及农业组织大会第四十四届会议", "联合国大会第八十届会议"}
    # a treaty's review conference, or its parties' conference, is no General Assembly
    found = extract("2020年审议大会的成果和缔约国大会的决定都得到重申。")
    assert "org/ga" not in keys(found, EntityType.ORGANIZATION)


def test_a_bracketed_short_form_matches_in_either_bracket_width(extract):
    found = extract("刚果(金)和刚果（布）签署了协定。")
    assert keys(found, EntityType.COUNTRY) == ["country/COD", "country/COG"]


def test_a_un_body_written_after_united_nations_is_one_name(extract):
    found = extract("联合国粮食及农业组织与联合国经济和社会事务部协作，世界银行也参加了。")
    assert keys(found, EntityType.ORGANIZATION) == ["org/desa", "org/fao", "org/worldbank"]
    assert written(found, EntityType.ORGANIZATION) == [
        "世界银行",
        "联合国粮食及农业组织",
        "联合国经济和社会事务部",
    ]


def test_country_in_government_phrase(extract):
    found = extract("泰国政府报告了数字。")
    assert keys(found, EntityType.COUNTRY) == ["country/THA"]


def test_bodies_regions_and_cities(extract):
    found = extract("世界卫生组织与西非国家经济共同体在达喀尔讨论了东南欧和加勒比地区的问题。")
    assert keys(found, EntityType.ORGANIZATION) == ["org/ecowas", "org/who"]
    assert keys(found, EntityType.CITY) == ["city/dakar"]
    assert keys(found, EntityType.REGION) == ["region/caribbean", "region/south-eastern-europe"]


def test_areas_of_conflict_and_peace_operations(extract):
    found = extract(
        "联阿安全部队在阿卜耶伊巡逻，观察员部队留在戈兰；达尔富尔地区和朝鲜半岛局势紧张。"
    )
    assert keys(found, EntityType.ORGANIZATION) == ["org/undof", "org/unisfa"]
    assert keys(found, EntityType.REGION) == [
        "region/abyei",
        "region/darfur",
        "region/korean-peninsula",
    ]


def test_armed_groups_security_council_texts_name(extract):
    found = extract(
        "伊拉克和黎凡特伊斯兰国(伊黎伊斯兰国，也称为达伊沙)、基地组织和青年党仍构成威胁。"
    )
    assert {"org/isil", "org/al-qaida", "org/al-shabaab"} <= set(
        keys(found, EntityType.ORGANIZATION)
    )
    found = extract("东部地区的武装团体，包括“3·23运动”和民主同盟军，对平民实施暴力。")
    assert keys(found, EntityType.ORGANIZATION) == ["org/adf", "org/m23"]
    assert not found.of_type(EntityType.PROGRAMME)  # 运动 here is no campaign


def test_the_universal_periodic_review_working_group(extract):
    found = extract("回顾人权理事会第52/1号决议和普遍定期审议工作组的报告。")
    assert "org/upr-working-group" in keys(found, EntityType.ORGANIZATION)


def test_un_system_programmes_and_partnerships_the_gazetteer_holds(extract):
    found = extract(
        "人权理事会的普遍定期审议和秘书长人权行动呼吁都提到“平等一代”。妇女署协调联合国全系统"
        "性别平等和增强妇女权能行动计划，国际癌症研究机构和多边组织业绩评估网参与了四年度全面政策审查。"
    )
    assert keys(found, EntityType.PROGRAMME) == [
        "programme/generation-equality",
        "programme/sg-call-to-action-human-rights",
        "programme/un-swap",
        "programme/upr",
    ]
    assert {"org/iarc", "org/mopan"} <= set(keys(found, EntityType.ORGANIZATION))
    assert keys(found, EntityType.INSTRUMENT) == ["instrument/qcpr"]


def test_treaty_bodies_ceb_committees_and_others_the_gazetteer_holds(extract):
    found = extract(
        "防止酷刑小组委员会、移徙工人问题委员会、常设仲裁法院、方案问题高级别委员会、"
        "管理问题高级别委员会、独立审计咨询委员会、亚信会议、国际特赦组织和秘书长青年问题"
        "特使办公室提交了资料，特派团派遣了人权观察员。"
    )
    assert keys(found, EntityType.ORGANIZATION) == [
        "org/amnesty-international",
        "org/cica",
        "org/cmw",
        "org/envoy-on-youth",
        "org/hlcm",
        "org/hlcp",
        "org/iaac",
        "org/pca",
        "org/spt",
    ]


def test_national_development_agencies_the_gazetteer_holds(extract):
    # 法国开发署 is France's agency, not UNDP's short form 开发署 inside it
    found = extract(
        "日本国际协力机构、德国国际合作机构、韩国国际协力团、瑞典国际开发合作署、"
        "英国外交、联邦和发展事务部和法国开发署提供了资金。"
    )
    assert keys(found, EntityType.ORGANIZATION) == [
        "org/afd",
        "org/fcdo",
        "org/giz",
        "org/jica",
        "org/koica",
        "org/sida",
    ]


def test_health_climate_and_nutrition_initiatives_the_gazetteer_holds(extract):
    found = extract(
        "新冠肺炎疫苗全球获取机制、营养促进运动、全球气候观测系统和全民早期预警倡议得到适应基金"
        "的支持，各国回顾《全球移民契约》。"
    )
    assert keys(found, EntityType.PROGRAMME) == [
        "programme/covax",
        "programme/early-warnings-for-all",
        "programme/gcos",
        "programme/sun-movement",
    ]
    assert keys(found, EntityType.ORGANIZATION) == ["org/adaptation-fund"]
    assert keys(found, EntityType.INSTRUMENT) == ["instrument/global-compact-migration"]


def test_world_conferences_and_summits_a_preamble_recalls(extract):
    found = extract(
        "重申在千年首脑会议、2005年世界首脑会议和联合国住房与可持续城市发展会议(人居三)上"
        "所作的承诺，期待未来峰会。"
    )
    assert keys(found, EntityType.MEETING) == [
        "meeting/habitat-iii",
        "meeting/millennium-summit",
        "meeting/summit-of-the-future",
        "meeting/world-summit-2005",
    ]


# --- resolutions -------------------------------------------------------------------------


def test_resolution_with_issuing_body(extract):
    found = extract("根据大会第 63/195 号决议，办公室提供了援助。")
    (resolution,) = found.of_type(EntityType.RESOLUTION)
    assert resolution.key == "resolution/ga-63-195"
    assert "大会第 63/195 号决议" in {m.text for m in resolution.mentions}


def test_enumerated_security_council_resolutions(extract):
    found = extract("安全理事会第 1373 (2001)、1624 (2005)和 1267 (1999)号决议要求各国采取行动。")
    assert keys(found, EntityType.RESOLUTION) == [
        "resolution/sc-1267-1999",
        "resolution/sc-1373-2001",
        "resolution/sc-1624-2005",
    ]


def test_each_dated_number_of_a_series_keeps_its_own_marks(extract):
    found = extract("回顾大会2031年3月1日第85/12号和2032年4月2日第86/7号决议。")
    spans = {e.key: {m.text for m in e.mentions} for e in found.of_type(EntityType.RESOLUTION)}
    assert spans == {
        "resolution/ga-85-12": {"大会2031年3月1日第85/12号"},
        "resolution/ga-86-7": {"第86/7号决议"},
    }


def test_a_meeting_in_the_topic_of_a_resolution_is_not_its_issuer(extract):
    found = extract(
        "又回顾大会2031年1月5日关于审查世界首脑会议成果落实情况高级别会议成果文件的第85/125号决议。"
    )
    (resolution,) = found.of_type(EntityType.RESOLUTION)
    assert (resolution.key, resolution.label_zh) == ("resolution/ga-85-125", "大会第85/125号决议")


def test_a_commissions_lettered_decision_is_named_without_ordinal(extract):
    found = extract("核可本决议所附欧洲经济委员会K (75)号决定和B（75）号决定。")
    labels = {e.key: e.label_zh for e in found.of_type(EntityType.RESOLUTION)}
    assert labels == {
        "decision/ece-K-75": "欧洲经济委员会K (75)号决定",
        "decision/ece-B-75": "欧洲经济委员会B (75)号决定",
    }


def test_a_resolution_numbered_with_its_year_is_the_security_councils(extract):
    found = extract("大会，回顾其第80/1号决议，又回顾第1325(2000)号和第2250（2015）号决议。")
    assert keys(found, EntityType.RESOLUTION) == [
        "resolution/ga-80-1",
        "resolution/sc-1325-2000",
        "resolution/sc-2250-2015",
    ]


def test_decision_body_from_context(extract):
    found = extract("缔约国会议第二届会议在巴厘举行。会议在其第 2/1 号决定中请秘书处提供协助。")
    (decision,) = found.of_type(EntityType.RESOLUTION)
    assert decision.key.startswith("decision/") and decision.key.endswith("-2-1")
    assert decision.label_zh == "缔约国会议第2/1号决定"


def test_economic_and_social_council_resolution(extract):
    found = extract("经济及社会理事会第 2009/23 号决议")
    assert keys(found, EntityType.RESOLUTION) == ["resolution/ecosoc-2009-23"]


def test_resolutions_of_sessions_numbered_in_roman(extract):
    found = extract("大会第2200 A (XXI)号决议和经济及社会理事会1973年7月31日第1817(LV)号决议")
    assert keys(found, EntityType.RESOLUTION) == [
        "resolution/ecosoc-1817-LV",
        "resolution/ga-2200-A-XXI",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "回顾大会2016年3月1日关于《第五次海洋问题国际会议行动议程》的第70/262号决议，",
        "注意到大会2016年3月1日题为《海洋问题国际会议成果文件》的第70/262号决议，",
    ],
)
def test_a_body_named_in_the_title_of_a_resolution_does_not_issue_it(extract, sentence):
    assert keys(extract(sentence), EntityType.RESOLUTION) == ["resolution/ga-70-262"]


def test_a_resolution_number_written_without_hao(extract):
    found = extract("大会2019年12月1日第74/10号和2021年12月1日第76/20决议鼓励各国继续努力。")
    assert keys(found, EntityType.RESOLUTION) == ["resolution/ga-74-10", "resolution/ga-76-20"]


def test_a_decision_of_the_parties_keeps_its_whole_symbol(extract):
    found = extract("见FCCC/CP/2015/10/Add.1，第1/CP.21号决定；缔约方会议第3/CMA.1号决定。")
    labels = names(found, EntityType.RESOLUTION)
    assert [label.endswith(("第1/CP.21号决定", "第3/CMA.1号决定")) for label in labels] == [1, 1]


def test_a_world_health_assembly_resolution_keeps_its_symbol(extract):
    found = extract("回顾世界卫生大会WHA76.5号决议。")
    assert names(found, EntityType.RESOLUTION) == ["世界卫生大会第WHA76.5号决议"]


def test_a_decision_of_the_parties_is_no_decision_of_the_body_last_named(extract):
    found = extract("回顾经济及社会理事会的决议。又回顾第1/CP. 27号决定。")
    assert keys(found, EntityType.RESOLUTION) == ["decision/1-CP.27"]


def test_a_meeting_named_by_its_number_adopts_in_its_bodys_name(extract):
    found = extract("经济及社会理事会在2031年7月25日第30次全体会议上通过了第2031/20号决议。")
    assert keys(found, EntityType.RESOLUTION) == ["resolution/ecosoc-2031-20"]


def test_a_resolution_cited_in_a_yearly_session_is_the_convening_bodys(extract):
    found = extract("经济及社会理事会2023年届会。回顾其第2011/6号决议")
    assert keys(found, EntityType.RESOLUTION) == ["resolution/ecosoc-2011-6"]


# --- titles ------------------------------------------------------------------------------


def test_an_outcome_document_in_a_title_is_an_instrument(extract):
    found = extract("会议通过了《海洋问题国际会议成果文件》。")
    assert names(found, EntityType.INSTRUMENT) == ["海洋问题国际会议成果文件"]
    found = extract("部长级会议通过了《里斯本联合声明》。")  # a statement adopted, no publication
    assert names(found, EntityType.INSTRUMENT) == ["里斯本联合声明"]
    found = extract("会议通过了《里斯本宣言：海洋的未来》。")  # the main title's head
    assert names(found, EntityType.INSTRUMENT) == ["里斯本宣言：海洋的未来"]


def test_titles_classified_by_head_noun(extract):
    found = extract(
        "各国批准了《禁止酷刑公约》，办公室出版了《全球洗钱趋势报告》和《刑事司法改革手册》。"
    )
    assert names(found, EntityType.INSTRUMENT) == [
        "禁止酷刑和其他残忍、不人道或有辱人格的待遇或处罚公约"
    ] or names(found, EntityType.INSTRUMENT) == ["禁止酷刑公约"]
    assert names(found, EntityType.PUBLICATION) == ["全球洗钱趋势报告", "刑事司法改革手册"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("开发署执行了开发署《2031-2034年青年战略》。", EntityType.PROGRAMME),  # owner before
        ("《人口基金2031年数据政策》已经公布。", EntityType.PROGRAMME),  # owner inside
        ("会员国执行了《2031-2034年青年战略》。", EntityType.INSTRUMENT),  # no owner
        ("世卫组织《2031年烟草控制行动计划》由世界卫生大会通过。", EntityType.INSTRUMENT),
    ],
)
def test_a_plan_titled_after_a_un_fund_or_office_is_its_programme(extract, sentence, expected):
    types = {e.type for e in extract(sentence).entities.values()}
    assert types & {EntityType.INSTRUMENT, EntityType.PROGRAMME} == {expected}


def test_an_action_coalition_is_a_programme_an_alliance_a_body(extract):
    found = extract("通过“海洋十年”塑料污染问题行动联盟和太平洋岛屿联盟开展工作。")
    assert names(found, EntityType.PROGRAMME) == ["“海洋十年”塑料污染问题行动联盟"]
    assert names(found, EntityType.ORGANIZATION) == ["太平洋岛屿联盟"]


def test_an_agencys_strategy_and_its_years_are_named_after_it(extract):
    found = extract("开发署艾滋病毒和健康战略与儿基会2031-2034年战略计划都已通过。")
    assert names(found, EntityType.PROGRAMME) == ["2031-2034年战略计划", "艾滋病毒和健康战略"]
    assert names(extract("各国制定了一项新的沟通战略。"), EntityType.PROGRAMME) == []


def test_a_name_opening_with_a_body_is_also_written_with_its_short_form(extract):
    # 劳工组织关于…宣言: one instrument, not the ILO and then a title (国际劳工组织关于…宣言)
    found = extract("各国重申了劳工组织关于工作中基本原则和权利宣言。")
    assert keys(found, EntityType.INSTRUMENT) == [
        "instrument/ilo-declaration-fundamental-principles"
    ]
    assert keys(found, EntityType.ORGANIZATION) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "开发署启动了2031年至2032年加强数据能力联合方案。",
            ["2031年至2032年加强数据能力联合方案"],
        ),
        ("制定了2031-2035年区域方案。", []),  # a period and a generic word name nothing
        ("联合国2030-2031年战略框架方案13的次级方案已经完成。", []),  # a numbered part
        ("这是儿基会战略计划中提到的九项变革战略之一。", ["战略计划"]),  # nine, counted
    ],
)
def test_a_programmes_period_anchors_its_name(extract, sentence, expected):
    assert names(extract(sentence), EntityType.PROGRAMME) == expected


def test_a_titled_programme_the_gazetteer_knows_keeps_its_type(extract):
    found = extract("妇女署执行《联合国全系统性别平等和增强妇女权能行动计划》。")
    assert keys(found, EntityType.PROGRAMME) == ["programme/un-swap"]
    assert keys(found, EntityType.INSTRUMENT) == []


def test_a_programme_named_by_its_field_alone_is_a_kind(extract):
    assert names(extract("开发署开展了气候相关举措和卫生有关方案。"), EntityType.PROGRAMME) == []


def test_an_index_is_a_publication(extract):
    found = extract("开发署发布了《2031年人类发展指数》。据开发署多层面贫困指数，贫困加深。")
    assert names(found, EntityType.PUBLICATION) == ["2031年人类发展指数", "开发署多层面贫困指数"]
    assert names(found, EntityType.PROGRAMME) == []


def test_short_title_resolves_to_the_instrument_named_before(extract):
    found = extract("已有 140 个国家批准了《联合国反腐败公约》。《公约》第五章规定了资产追回。")
    (instrument,) = found.of_type(EntityType.INSTRUMENT)
    assert instrument.key == "instrument/uncac"
    assert {m.text for m in instrument.mentions} == {"《联合国反腐败公约》", "《公约》"}


def test_a_body_whose_name_ends_like_a_known_one_is_not_it(extract):
    found = extract("人民疫苗联盟报告称，全球疫苗免疫联盟提供了疫苗。")
    assert names(found, EntityType.ORGANIZATION) == ["人民疫苗联盟", "全球疫苗免疫联盟"]


def test_global_health_initiatives_are_known_programmes(extract):
    found = extract("呼吁支持获取COVID-19工具加速计划和COVAX机制。")
    assert keys(found, EntityType.PROGRAMME) == ["programme/act-accelerator", "programme/covax"]


def test_a_unit_met_before_its_body_is_named_is_that_bodys_unit(extract):
    found = extract("评价办公室开展了审查。此后，联合国儿童基金会评价办公室发布了报告。")
    (unit,) = found.of_type(EntityType.ORGANIZATION)
    assert unit.label_zh == "联合国儿童基金会评价办公室"
    assert {m.text for m in unit.mentions} == {"评价办公室", "联合国儿童基金会评价办公室"}


def test_a_titled_plan_met_before_its_body_is_named_is_that_bodys_plan(extract):
    found = extract("《2030-2033年战略计划》已经启动。评估涉及《儿基会2030-2033年战略计划》。")
    (plan,) = found.of_type(EntityType.PROGRAMME)
    assert len(plan.mentions) == 2


def test_a_bare_plan_title_is_the_plan_titled_in_full_before(extract):
    found = extract(
        "人口基金在其《2030-2033年战略计划》中确定了目标。《战略计划》还列出了成果。"
        "《2034-2037年战略计划》将在以后制定。"
    )
    plans = {p.label_zh: {m.text for m in p.mentions} for p in found.of_type(EntityType.PROGRAMME)}
    assert plans["2030-2033年战略计划"] == {"《2030-2033年战略计划》", "《战略计划》"}
    assert "战略计划" not in plans
    found = extract("《战略计划》还列出了成果。")  # nothing titled before it to stand for
    assert not found.of_type(EntityType.PROGRAMME)


def test_gazetteer_short_title(extract):
    found = extract("许多国家尚未批准《移民议定书》。")
    assert keys(found, EntityType.INSTRUMENT) == ["instrument/untoc-smuggling-protocol"]


def test_its_protocol_after_a_convention_is_the_conventions_protocol(extract):
    found = extract("危地马拉是《关于难民地位的公约》及其1967年《议定书》的缔约国。")
    assert keys(found, EntityType.INSTRUMENT) == [
        "instrument/refugee-convention-1951",
        "instrument/refugee-protocol-1967",
    ]


def test_a_bare_short_title_with_nothing_before_it_names_nothing(extract):
    found = extract("委员会负责监测《公约》的执行情况，《准则》重申了这一点。")
    assert names(found, EntityType.INSTRUMENT) == []
    found = extract("执行《战略计划》和《2022-2025年战略计划》。")
    assert names(found, EntityType.PROGRAMME) == ["2022-2025年战略计划"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("报告提出了基于人权的“组织原则”和新的“参与规则”。", []),  # terms in scare quotes
        ("各国同意采用“仙台减少灾害风险框架”。", ["2015-2030年仙台减少灾害风险框架"]),  # known
        # what States adopt is titled 《…》: a framework in quotes is an agency's, or a term
        ("小组采用了“海洋组织评价职能专业同行审议框架”和“双轨办法”。", []),
        (  # a passage quoted from a mandate, not a title
            "委员会的任务包括“查明正在出现的问题、趋势以及处理需要紧急审议并对其提出实质性建议"
            "的那些影响妇女处境或男女平等的问题的新办法”。",
            [],
        ),
    ],
)
def test_a_quoted_term_is_no_title_unless_its_modifier_names_something(extract, sentence, expected):
    assert names(extract(sentence), EntityType.INSTRUMENT) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a framework, strategy or programme named in full in quotes is someone's own plan
        (
            "小组采用了“海洋组织评价职能专业同行审议框架”和“双轨办法”。",
            ["海洋组织评价职能专业同行审议框架"],
        ),
        ("该国政府启动了“国家青年就业战略”。", ["国家青年就业战略"]),
        ("各国采取了“全政府”方针和“工作方案”。", []),  # a term in scare quotes
        ("开发署推出了“加速器实验室”倡议。", ["“加速器实验室”倡议"]),  # the head after the quotes
        # a quoted title opening with a verb names a study of the programme
        (
            "参阅“审查联合国沿海渔业联合全球方案”(2018年)。",
            ["联合国沿海渔业联合全球方案"],
        ),
    ],
)
def test_a_programme_named_in_full_in_quotes(extract, sentence, expected):
    assert names(extract(sentence), EntityType.PROGRAMME) == expected


# --- names by head -----------------------------------------------------------------------


def test_programme_meeting_and_body_by_head(extract):
    found = extract(
        "2009年，毒品和犯罪问题办公室启动了全球打击洗钱倡议，"
        "并在内罗毕举行了东非禁毒执法合作专家组会议，与肯尼亚国家禁毒管理局合作。"
    )
    assert names(found, EntityType.PROGRAMME) == ["全球打击洗钱倡议"]
    assert names(found, EntityType.MEETING) == ["东非禁毒执法合作专家组会议"]
    assert "肯尼亚国家禁毒管理局" in names(found, EntityType.ORGANIZATION)


def test_numbered_session_of_a_body(extract):
    found = extract("麻醉药品委员会第五十三届会议于2010年在维也纳举行。")
    assert names(found, EntityType.MEETING) == ["麻醉药品委员会第五十三届会议"]


def test_generic_heads_are_not_names(extract):
    found = extract("该方案由区域方案和技术援助项目组成，会员国和国际组织参加了这次会议。")
    assert found.of_type(EntityType.PROGRAMME) == []
    assert found.of_type(EntityType.MEETING) == []
    assert found.of_type(EntityType.ORGANIZATION) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "这意味着加强全球伙伴关系，扩大合作。",  # a verb and generic words
        "各国提供了量身定制的能力建设举措。",  # generic words jieba cuts finer (能力|建设)
        "在人道主义方案编制中考虑风险。",  # 方案编制: the head modifies the next noun
        "民间社会伙伴关系和基层举措是关键。",  # collectives are generic words
        "各国在各种海洋数据方案和若干海洋监测举措之间分享经验。",  # kinds, not one each
        "各机构设立了联合筹资机制和全球报告机制。",  # reporting and funding are kinds of work
        "这笔款项来自紧急资金和各层面集合资金。",  # pooled and emergency money, no fund's name
    ],
)
def test_descriptions_are_not_programme_names(extract, sentence):
    assert names(extract(sentence), EntityType.PROGRAMME) == []


def test_head_inside_a_word_is_not_a_head(extract):
    found = extract("打击跨国有组织犯罪，双方签署了协定。")
    assert found.of_type(EntityType.ORGANIZATION) == []


def test_two_bodies_joined_by_a_conjunction(extract):
    found = extract("麻醉药品委员会及预防犯罪和刑事司法委员会审议了报告。")
    assert keys(found, EntityType.ORGANIZATION) == ["org/ccpcj", "org/cnd"]


# --- abbreviations -----------------------------------------------------------------------


def test_abbreviation_defined_in_brackets_is_used_later(extract):
    found = extract(
        "海湾地区刑事情报中心（情报中心）于2009年成立。各国通过情报中心交换信息，情报中心设在多哈。"
    )
    (centre,) = found.of_type(EntityType.PROGRAMME)
    assert centre.label_zh == "海湾地区刑事情报中心"
    assert "情报中心" in centre.alt_labels
    assert len(centre.mentions) == 4


def test_an_abbreviation_holding_a_known_name_is_still_an_abbreviation(extract):
    found = extract(
        "资金通过联合国制止暴力侵害妇女行为信托基金(联合国信托基金)拨付。联合国信托基金扩大了资助。"
    )
    (fund,) = found.of_type(EntityType.ORGANIZATION)
    assert "联合国信托基金" in fund.alt_labels
    assert len([m for m in fund.mentions if not m.nested]) == 3


def test_a_multi_partner_trust_fund_is_named_whole(extract):
    # 多伙伴 (multi-partner) is one word of the genre: 多 alone would end the name
    found = extract("三个机构于2021年设立了联合国促进粮食安全国家行动多伙伴信托基金。")
    assert names(found, EntityType.ORGANIZATION) == ["联合国促进粮食安全国家行动多伙伴信托基金"]


def test_a_latin_short_form_may_hold_digits_and_a_head_of_its_own(extract):
    # Health4Life基金 is no date, and its own head (基金) names no second fund
    found = extract(
        "三个机构设立了联合国促进粮食安全国家行动多伙伴信托基金(Food4All基金)。"
        "Food4All基金支持各国。"
    )
    (fund,) = found.of_type(EntityType.ORGANIZATION)
    assert "Food4All基金" in fund.alt_labels
    assert names(found, EntityType.PROGRAMME) == []
    found = extract("全球儿童信托基金（2021年）扩大了资助。")  # a date, no short form
    assert all("2021年" not in entity.alt_labels for entity in found.entities.values())


def test_a_known_short_form_names_the_full_name_written_otherwise(extract):
    # the gazetteer knows SMART by another Chinese wording; the bracket says they are one
    found = extract(
        "各国通过全球合成毒品评估和趋势方案（全球SMART方案）交换数据。全球SMART方案还提供培训。"
    )
    (smart,) = found.of_type(EntityType.PROGRAMME)
    assert smart.key == "programme/global-smart"
    assert len(smart.mentions) == 3


# --- threats -----------------------------------------------------------------------------


def test_threat_terms(extract):
    found = extract("打击洗钱、贩运人口和海盗行为。")
    assert keys(found, EntityType.THREAT) == [
        "threat/money-laundering",
        "threat/piracy",
        "threat/trafficking-in-persons",
    ]


def test_text_without_entities_gives_nothing(extract):
    assert extract("今天天气很好。").entities == {}
    assert extract("").entities == {}


def test_about_clause_belongs_to_a_meeting_name(extract):
    found = extract(
        "会议将在内罗毕举行的关于毒品、犯罪和恐怖主义对东非安全的影响的部长级会议上讨论。"
    )
    assert names(found, EntityType.MEETING) == [
        "关于毒品、犯罪和恐怖主义对东非安全的影响的部长级会议"
    ]


def test_a_body_before_the_about_clause_holds_the_meeting(extract):
    found = extract("又回顾大会关于海洋问题的高级别全体会议的成果。")
    assert names(found, EntityType.MEETING) == ["大会关于海洋问题的高级别全体会议"]


@pytest.mark.parametrize(
    ("sentence", "segment"),
    [
        (
            "经济及社会理事会2031年届会协调部分审议了报告。",
            "联合国经济及社会理事会2031年届会协调部分",
        ),
        (
            "作为2031年经社理事会人道主义事务部分的成果。",
            "联合国经济及社会理事会2031年届会人道主义事务部分",
        ),
        ("2031年麻醉药品委员会高级别部分通过了宣言。", "2031年麻醉药品委员会高级别部分"),
        ("可持续发展高级别政治论坛部长级部分开幕。", "可持续发展高级别政治论坛部长级部分"),
        ("大会第七十八届会议一般性辩论于9月举行。", "联合国大会第七十八届会议一般性辩论"),
    ],
)
def test_a_named_segment_of_a_session_is_a_meeting(extract, sentence, segment):
    assert segment in names(extract(sentence), EntityType.MEETING)


def test_a_part_of_a_report_is_no_segment(extract):
    assert names(extract("报告第二部分和管理部分介绍了方案。"), EntityType.MEETING) == []


def test_listed_sessions_of_one_body_are_one_meeting_each(extract):
    found = extract("回顾麻醉药品委员会第六十五届、六十六届和第六十七届会议的成果。")
    assert set(names(found, EntityType.MEETING)) == {
        f"麻醉药品委员会第{n}届会议" for n in ("六十五", "六十六", "六十七")
    }
    assert not [m for e in found.of_type(EntityType.ORGANIZATION) for m in e.mentions
                if not m.nested]  # fmt: skip


# --- units, founding resolutions, topic lists, nested mentions --------------------------


def forms_of(extraction, entity_type):
    return sorted(f for e in extraction.of_type(entity_type) for f in e.forms)


def test_department_written_with_its_parent_body(extract):
    found = extract("该办公室与秘书处政治事务部合作编写了报告。")
    assert keys(found, EntityType.ORGANIZATION) == ["org/dpa"]
    assert "秘书处政治事务部" in forms_of(found, EntityType.ORGANIZATION)


def test_own_unit_after_ji_qi(extract):
    found = extract("各国与反恐怖主义委员会及其执行局密切合作。")
    assert "org/cted" in keys(found, EntityType.ORGANIZATION)


def test_body_set_up_by_a_resolution(extract):
    found = extract("各国应履行对安全理事会第1373 (2001)号决议所设委员会的报告义务。")
    assert "安全理事会第1373 (2001)号决议所设委员会" in names(found, EntityType.ORGANIZATION)
    # the resolution inside the body's name is still a mention, and the Council adopted it
    assert keys(found, EntityType.RESOLUTION) == ["resolution/sc-1373-2001"]


def test_topic_list_inside_a_working_group_name(extract):
    found = extract("会议决定设立不限成员名额的资产追回、技术援助和执法合作问题政府间工作组。")
    assert names(found, EntityType.ORGANIZATION) == [
        "不限成员名额的资产追回、技术援助和执法合作问题政府间工作组"
    ]


def test_a_verb_as_the_last_topic_before_and_stays_in_the_name(extract):
    # 欺凌 is tagged a verb: after the list's last 、 and before 和 it is still a topic
    found = extract("各方执行学校暴力、欺凌和网络攻击问题独立工作队2020年报告中的建议。")
    assert names(found, EntityType.ORGANIZATION) == ["学校暴力、欺凌和网络攻击问题独立工作队"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "评估自2017年可持续发展高级别政治论坛以来取得的进展。",
            ["2017年可持续发展高级别政治论坛"],
        ),
        ("在2031年世界青年论坛上，部长们通过了宣言。", ["2031年世界青年论坛"]),
        # a numbered session is named by its number; a year after a comma opens the clause
        ("在2022年妇女地位委员会第六十六届会议上，各国发言。", ["妇女地位委员会第六十六届会议"]),
        ("2031年，世界青年论坛举行了会议。", ["世界青年论坛"]),
    ],
)
def test_a_year_before_a_recurring_meeting_names_that_years_meeting(extract, sentence, expected):
    assert names(extract(sentence), EntityType.MEETING) == expected


def test_list_closed_by_deng_inside_a_meeting_name(extract):
    found = extract("秘书处举办了一次打击贩运文物、艺术品和其他文化财产等非法贩运问题专家组会议。")
    assert names(found, EntityType.MEETING) == [
        "打击贩运文物、艺术品和其他文化财产等非法贩运问题专家组会议"
    ]


def test_list_before_a_generic_noun_is_a_description(extract):
    found = extract("该办公室在关于腐败、洗钱和毒品等主题小组中起带头作用。")
    assert names(found, EntityType.ORGANIZATION) == []


def test_yu_you_guan_belongs_to_the_name(extract):
    found = extract("2009年成立的与海盗有关犯罪问题专家组举行了会议。")
    assert "与海盗有关犯罪问题专家组" in names(found, EntityType.ORGANIZATION)


def test_session_names_its_convening_body(extract):
    found = extract(
        "联合国打击跨国有组织犯罪公约缔约方会议第五届会议在维也纳举行。"
        "会议决定缔约方会议的工作组继续工作。"
    )
    body = found.entities["org/cop-untoc"]
    assert {m.paragraph for m in body.mentions} == {"1"}
    assert "缔约方会议" in body.forms  # the head alone names the body from then on
    assert len([m for m in body.mentions if not m.nested]) == 1


def test_places_inside_place_names_are_not_mentions(extract):
    found = extract("印度尼西亚和洪都拉斯的代表出席了会议。")
    assert keys(found, EntityType.COUNTRY) == ["country/HND", "country/IDN"]
    assert keys(found, EntityType.CITY) == []


def test_a_countrys_own_office_named_with_a_category_word(extract):
    found = extract("加纳国家药品执法局与肯尼亚执法机构合作。")
    assert [e.label_zh for e in found.of_type(EntityType.ORGANIZATION)] == ["加纳国家药品执法局"]


def test_a_unit_after_its_bodys_abbreviation(extract):
    found = extract("东南亚国家联盟(东盟)秘书处协调了会议。")
    labels = {e.label_zh for e in found.of_type(EntityType.ORGANIZATION)}
    assert labels == {"东南亚国家联盟", "东南亚国家联盟秘书处"}


def test_a_numbered_meeting_of_the_subject_is_named_with_its_body(extract):
    found = extract("安全理事会在其第9518次会议上通过了决议。")
    assert names(found, EntityType.MEETING) == ["联合国安全理事会第9518次会议"]


def test_the_numbered_meeting_of_an_executive_committee(extract):
    # 执行 opens the committee's name here, not a clause
    assert names(extract("欧洲经委会执行委员会第125次会议通过了报告。"), EntityType.MEETING) == [
        "欧洲经济委员会执行委员会第125次会议"
    ]
    assert names(extract("执行委员会第一二五次会议通过了报告。"), EntityType.MEETING) == [
        "执行委员会第一二五次会议"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("并鼓励各国接受法院的管辖。", []),  # 各国 is the subject of 接受
        ("请各国加强法院的作用。", []),
        ("非洲各国禁毒执法机构负责人会议召开。", ["非洲各国禁毒执法机构负责人会议"]),
    ],
)
def test_a_verb_after_a_subject_pronoun_is_the_clauses(extract, sentence, expected):
    found = extract(sentence)
    assert names(found, EntityType.ORGANIZATION) + names(found, EntityType.MEETING) == expected


def test_on_whose_behalf_a_letter_speaks_is_no_part_of_the_name(extract):
    found = extract("我们谨代表保护责任问题之友小组转递该小组的联合声明。")
    assert names(found, EntityType.ORGANIZATION) == ["保护责任问题之友小组"]


def test_humanitarian_teams_of_the_un_system(extract):
    found = extract("地震后，联合国灾害评估和协调队与国际搜索和救援咨询团部署到灾区。")
    assert keys(found, EntityType.ORGANIZATION) == ["org/insarag", "org/undac"]


def test_a_convention_numbered_in_its_bodys_series(extract):
    found = extract("各国批准了国际劳工组织关于家庭工人的第189号公约和劳工组织第182号公约。")
    assert keys(found, EntityType.INSTRUMENT) == ["instrument/ilo-c182", "instrument/ilo-c189"]
    assert keys(found, EntityType.ORGANIZATION) == ["org/ilo"]  # a mention of its own
    assert keys(extract("该国批准了第189号公约。"), EntityType.INSTRUMENT) == []  # whose?


def test_an_outcome_named_by_its_session_is_an_instrument(extract):
    found = extract("世界贸易组织第十二次部长级会议部长宣言指出，会议通过了一项政治宣言。")
    assert names(found, EntityType.INSTRUMENT) == ["世界贸易组织第十二次部长级会议部长宣言"]
    found = extract("妇女地位委员会第六十五届会议商定结论强调了参与。")
    assert names(found, EntityType.INSTRUMENT) == ["妇女地位委员会第六十五届会议商定结论"]
    (session,) = found.of_type(EntityType.MEETING)  # named inside it
    assert all(m.nested for m in session.mentions)


def test_a_programme_named_whole_in_quotes(extract):
    found = extract("2022年在巴基斯坦启动的“游戏项目”和“一站式中心”证明了这一点。")
    assert names(found, EntityType.PROGRAMME) == ["游戏项目"]
    found = extract("人口基金执行了“孕产妇健康专题基金”。")  # a fund named whole in quotes
    assert names(found, EntityType.PROGRAMME) == ["孕产妇健康专题基金"]


def test_a_bodys_network_of_agencies_is_a_body(extract):
    found = extract("儿基会参加了行政首长协调会人力资源网络的工作。")
    assert "联合国系统行政首长协调理事会人力资源网络" in names(found, EntityType.ORGANIZATION)
    assert not found.of_type(EntityType.PROGRAMME)


def test_a_strategy_an_agency_issues_is_its_own_programme(extract):
    found = extract("儿基会发布了《残疾包容政策和战略（2022-2030年）》。各国通过了《海洋战略》。")
    assert names(found, EntityType.PROGRAMME) == ["残疾包容政策和战略（2022-2030年）"]
    assert names(found, EntityType.INSTRUMENT) == ["海洋战略"]


def test_a_bodys_unit_named_by_a_place(extract):
    found = extract("阿塞拜疆支持欧安组织明斯克小组的工作，儿基会外地办事处也参加了。")
    assert names(found, EntityType.ORGANIZATION) == [
        "欧洲安全与合作组织明斯克小组",
        "联合国儿童基金会",
    ]


def test_country_inside_a_national_body_is_mentioned(extract):
    found = extract("该办公室与阿富汗禁毒事务部合作。")
    assert "country/AFG" in keys(found, EntityType.COUNTRY)
    assert all(m.nested for m in found.entities["country/AFG"].mentions)


def test_an_instrument_inside_a_meeting_or_mechanism_name_is_mentioned(extract):
    found = extract(
        "《2015-2030年仙台减少灾害风险框架》中期审查高级别会议讨论了"
        "《联合国反腐败公约》实施情况审议机制。"
    )
    assert keys(found, EntityType.PROGRAMME) == ["programme/uncac-irm"]
    assert keys(found, EntityType.INSTRUMENT) == ["instrument/sendai-framework", "instrument/uncac"]
    assert all(m.nested for e in found.of_type(EntityType.INSTRUMENT) for m in e.mentions)


def test_an_instrument_inside_its_parties_body_is_mentioned(extract):
    found = extract("《巴黎协定》缔约方会议举行了会议。")
    assert keys(found, EntityType.INSTRUMENT) == ["instrument/paris-agreement"]
    assert all(m.nested for m in found.entities["instrument/paris-agreement"].mentions)


def test_a_meeting_inside_its_outcome_documents_name_is_mentioned(extract):
    found = extract("各国重申《第三次发展筹资问题国际会议亚的斯亚贝巴行动议程》。")
    assert keys(found, EntityType.MEETING) == ["meeting/ffd3"]


def test_the_body_a_report_is_about_is_mentioned(extract):
    found = extract("安理会审议了秘书长关于联合国马里多层面综合稳定团的报告。")
    assert "org/minusma" in keys(found, EntityType.ORGANIZATION)
    assert all(m.nested for m in found.entities["org/minusma"].mentions)


# --- meeting and programme name edges ----------------------------------------------------


def test_meeting_name_starts_after_the_event_count(extract):
    found = extract("该办公室举办了一次打击对记者暴力行为调查良好做法专家组会议。")
    assert names(found, EntityType.MEETING) == ["打击对记者暴力行为调查良好做法专家组会议"]


def test_demonstrative_after_the_count_is_no_name(extract):
    found = extract("将举行一系列这种会议来进一步充实这个材料。")
    assert names(found, EntityType.MEETING) == []


def test_programme_name_opens_with_its_years(extract):
    found = extract("该办公室编写了2010-2013年促进法治和人的安全东非区域方案。")
    assert names(found, EntityType.PROGRAMME) == ["2010-2013年促进法治和人的安全东非区域方案"]


def test_a_plan_named_with_its_year(extract):
    found = extract("为在2031年也门人道主义应急计划中发出的呼吁提供资金。")
    assert names(found, EntityType.PROGRAMME) == ["2031年也门人道主义应急计划"]


def test_quoted_name_before_a_generic_head(extract):
    found = extract("该办公室在其“海上执法伙伴关系”项目的框架内提供了援助。")
    assert names(found, EntityType.PROGRAMME) == ["海上执法伙伴关系"]


def test_verb_joined_by_bing_is_a_predicate(extract):
    found = extract("各国应扩大并改进减少需求方案与服务的范围。")
    assert names(found, EntityType.PROGRAMME) == []


def test_verb_right_after_le_opens_the_meeting_name(extract):
    found = extract("2009年，该办公室举办了实施《反腐败公约》第三次专家工作组会议。")
    assert written(found, EntityType.MEETING) == ["实施《反腐败公约》第三次专家工作组会议"]


def test_session_of_the_subject_body(extract):
    found = extract("麻醉药品委员会决定在其2010年第五十三届会议期间召开高级别会议。")
    assert "麻醉药品委员会第五十三届会议" in names(found, EntityType.MEETING)


def test_session_named_by_its_bodys_head(extract):
    found = extract(
        "该办公室支持预防犯罪和刑事司法委员会的工作；例如在委员会第十八届会议期间组织了讲习班。"
    )
    assert "预防犯罪和刑事司法委员会第十八届会议" in names(found, EntityType.MEETING)


def test_venue_after_its_country_is_a_city(extract):
    found = extract("第三届会议于2009年11月在卡塔尔多哈举行，下一届会议定于在巴西萨尔瓦多举行。")
    assert {e.label_zh for e in found.of_type(EntityType.CITY)} >= {"萨尔瓦多"}
    assert "country/SLV" not in keys(found, EntityType.COUNTRY)
    assert {"country/QAT", "country/BRA"} <= set(keys(found, EntityType.COUNTRY))
    # a venue the list knows is that city, however it is found
    found = extract("会议在卡塔尔多哈举行。多哈是卡塔尔的首都。")
    assert [len(e.mentions) for e in found.of_type(EntityType.CITY)] == [2]


def test_head_modifying_the_next_noun_names_nothing(extract):
    found = extract("为条约机构提供实质性服务和秘书处服务，并加强对警察的监督和警察廉正。")
    assert names(found, EntityType.ORGANIZATION) == []


def test_indefinite_after_a_copula_is_a_description(extract):
    described = extract("该举措是一项次区域药物管制举措。")
    assert names(described, EntityType.PROGRAMME) == []
    introduced = extract("该办公室将进一步开发一个打击网络犯罪虚拟论坛。")
    assert names(introduced, EntityType.PROGRAMME) == ["打击网络犯罪虚拟论坛"]


def test_title_after_a_demonstrative_is_the_one_just_talked_about(extract):
    found = extract("首脑会议通过了该政治宣言和行动计划。")
    assert names(found, EntityType.INSTRUMENT) == []


def test_a_remark_in_brackets_is_no_short_form(extract):
    found = extract(
        "建议麻醉药品委员会及预防犯罪和刑事司法委员会（根据各自的任务授权）审议该问题。"
        "各自的任务授权不同。"
    )
    assert "根据各自的任务授权" not in found.entities["org/ccpcj"].forms


def test_a_government_reporting_is_no_report(extract):
    found = extract("泰国政府报告的数字也表明该国罂粟种植面积有所减少。")
    assert names(found, EntityType.PUBLICATION) == []


# --- left edges in resolutions, records and letters ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "entity_type", "expected"),
    [
        ("又重申大会关于海洋问题的第70/5号决议，", EntityType.RESOLUTION, ["大会第70/5号决议"]),
        (
            "我的特别代表与非洲联盟马里和萨赫勒问题特派团密切协调。",
            EntityType.ORGANIZATION,
            ["非洲联盟马里和萨赫勒问题特派团"],
        ),
        (
            "鼓励各国与海洋和海洋法问题办事处合作，",
            EntityType.ORGANIZATION,
            ["海洋和海洋法问题办事处"],
        ),
        (
            "欢迎机构间常设委员会在冲突地区开展的工作，",
            EntityType.ORGANIZATION,
            ["机构间常设委员会"],
        ),
        ("吁请防治荒漠化协调委员会继续其工作，", EntityType.ORGANIZATION, ["防治荒漠化协调委员会"]),
        ("虽然工作队已采纳了评价的建议，但挑战仍然存在。", EntityType.ORGANIZATION, []),
        ("促请工作队继续努力。", EntityType.ORGANIZATION, []),
        ("斐济高度重视与海洋事务协调委员会合作。", EntityType.ORGANIZATION, ["海洋事务协调委员会"]),
        ("请各机构以及工作队其他成员调动资源。", EntityType.ORGANIZATION, []),
        # 代表 after a speaker says for whom they speak; after 特别 it is a post in a name
        ("某某先生（墨西哥）代表里约集团发言。", EntityType.ORGANIZATION, ["里约集团"]),
        ("他代表里约集团发言。", EntityType.ORGANIZATION, ["里约集团"]),
        ("秘书长特别代表办公室发表了报告。", EntityType.ORGANIZATION, ["秘书长特别代表办公室"]),
        # a strategy is named by its owner or by its period, unless the period's words are generic
        (
            "规划署继续执行2021-2026年全球艾滋病战略。",
            EntityType.PROGRAMME,
            ["2021-2026年全球艾滋病战略"],
        ),
        ("各国制定了2021-2025年国家战略。", EntityType.PROGRAMME, []),
        # 行动 names a programme only with a short form after it
        ("各国开展了联合执法行动。", EntityType.PROGRAMME, []),
        # an outcome named after its city, written without brackets
        ("会议通过了阿拉木图宣言。", EntityType.INSTRUMENT, ["阿拉木图宣言"]),
        ("会议在阿拉木图举行。", EntityType.INSTRUMENT, []),
        # the monitoring teams of sanctions committees
        ("请塔利班制裁监测组提交报告。", EntityType.ORGANIZATION, ["塔利班制裁监测组"]),
        # 积极参与 is one idiom to jieba, its verb still ends the name; a place opens it
        (
            "中国政府积极参与湄公河流域禁毒合作机制。",
            EntityType.PROGRAMME,
            ["湄公河流域禁毒合作机制"],
        ),
        # 除了 ends in 了 but is no perfective: the verb after it is the clause's
        (
            "该委员会除了担任海洋合作网络联合秘书处外，还召集会议。",
            EntityType.ORGANIZATION,
            ["海洋合作网络联合秘书处"],
        ),
        # a one-character verb opening the clause (使, 让) governs the name after it
        (
            "新系统上线后，使东南亚区域协调平台成员能够共享数据。",
            EntityType.PROGRAMME,
            ["东南亚区域协调平台"],
        ),
        # 关于 before a preposition opens a clause (关于在…期间召开的…), not a topic
        (
            "主席关于在纽约召开的海洋问题高级别论坛的摘要",
            EntityType.MEETING,
            ["海洋问题高级别论坛"],
        ),
        # determiners and the next or last session are no part of a name
        (
            "海洋问题高级别论坛所有会议都有青年代表发言。",
            EntityType.MEETING,
            ["海洋问题高级别论坛"],
        ),
        ("下一届海洋问题高级别论坛将讨论渔业。", EntityType.MEETING, ["海洋问题高级别论坛"]),
        # a boundary verb jieba does not know is one word all the same (齐|聚)
        ("各国元首将齐聚联合国总部。", EntityType.ORGANIZATION, ["联合国"]),
        # a verb after a conjunction that ends a complete name opens a phrase of its own
        (
            "各国参加了水资源区域论坛和筹备全球水资源峰会。",
            EntityType.MEETING,
            ["全球水资源峰会", "水资源区域论坛"],
        ),
    ],
)
def test_a_name_never_opens_with_a_clause_verb_or_conjunction(
    extract, sentence, entity_type, expected
):
    assert names(extract(sentence), entity_type) == expected


def test_a_name_split_by_a_misread_word_is_dropped(extract):
    # jieba reads 其实|体 here: the edge of 实体和外地办事处 is unsure, so no name is made
    found = extract("评估各基金、其实体和外地办事处开展工作的能力。")
    assert names(found, EntityType.ORGANIZATION) == []


def test_a_name_that_runs_past_any_clause_is_no_name(extract):
    long_clause = "各利益攸关方" + "可持续发展" * 8 + "协调委员会"
    assert names(extract(long_clause), EntityType.ORGANIZATION) == []


# --- numbered resolutions with dates ---------------------------------------------------------


def test_a_series_of_dated_resolutions_gives_each_number(extract):
    found = extract(
        "回顾大会2019年7月23日第73/12号、2020年7月27日第74/46号和2021年7月22日第75/20号决议，"
        "以及2021年11月11日第2021/322号决定，"
    )
    assert keys(found, EntityType.RESOLUTION) == [
        "decision/ga-2021-322",
        "resolution/ga-73-12",
        "resolution/ga-74-46",
        "resolution/ga-75-20",
    ]


def test_a_date_between_body_and_number_keeps_the_body(extract):
    found = extract("又回顾大会2022年12月15日第77/190号决议，")
    assert keys(found, EntityType.RESOLUTION) == ["resolution/ga-77-190"]


# --- the document's own body -------------------------------------------------------------


def test_a_conference_of_the_parties_is_not_the_general_assembly():
    for text in (
        "缔约方大会第五次会议在日内瓦举行。",
        "《关于汞的水俣公约》缔约方大会第五次会议闭幕。",
    ):
        found = Extractor().extract_text(text)
        assert "org/ga" not in found.entities
    assert "org/ga" in Extractor().extract_text("大会第七十八届会议开幕。").entities


def test_a_resolution_calls_its_own_organ_by_its_head():
    from kg.reader import parse_document

    document = parse_document(
        "2031年届会\n议程项目7\n海洋问题\n经济及社会理事会，\n"
        "回顾其2029年7月23日第2029/52号决议，\n"
        "请理事会主席向各委员会通报，\n"
        "注意到协调理事会的工作，\n"
        "欢迎西非国家经济共同体（西非经共体）理事会的合作，\n"
    )
    found = Extractor().extract(document)
    council = found.entities["org/ecosoc"]
    # after a closing bracket the head goes on another body's name (（西非经共体）理事会)
    assert {m.text for m in council.mentions} == {"经济及社会理事会", "理事会"}
    assert "3" not in {m.paragraph for m in council.mentions}
    assert keys(found, EntityType.RESOLUTION) == ["resolution/ecosoc-2029-52"]


def test_in_an_agencys_board_document_an_unowned_plan_is_the_agencys_own():
    from kg.reader import parse_document

    document = parse_document(
        "联合国儿童基金会执行局\n2031年年度会议\n临时议程项目5\n关于性别平等的年度报告\n"
        "1. 本报告介绍《2030-2033年性别平等行动计划》的执行情况。\n"
        "2. 该计划符合《联合国关于向受害者提供援助的规程》和世卫组织《全球卫生战略》。\n"
        "3. 儿基会还推出了新的《价值观与行为守则》。\n"
    )
    found = Extractor().extract(document)
    # the plan and the code are UNICEF's; the UN's protocol and WHO's strategy (adopted by
    # its Assembly) not
    assert names(found, EntityType.PROGRAMME) == ["2030-2033年性别平等行动计划", "价值观与行为守则"]
    assert names(found, EntityType.INSTRUMENT) == sorted(
        ["联合国关于向受害者提供援助的规程", "全球卫生战略"]
    )


def test_a_bare_board_masthead_is_the_board_of_the_agency_the_document_is_about():
    from kg.reader import parse_document

    document = parse_document(
        "执行局\n2031年第一届常会\n临时议程项目4\n年度报告\n"
        "1. 世界粮食计划署（粮食署）向执行局报告了其工作，粮食署的工作得到执行局的认可。\n"
        "2. 儿基会也参加了会议。\n"
    )
    found = Extractor().extract(document)
    board = found.entities["org/wfp-board"]
    assert len([m for m in board.mentions if not m.nested]) >= 3  # the masthead and two uses


def test_a_bare_board_head_the_name_rules_read_is_still_the_agencys_board():
    from kg.reader import parse_document

    document = parse_document(
        "方案协调委员会\n第六十次会议\n2034年6月25日至27日，日内瓦\n执行主任的报告\n"
        "1. 联合国艾滋病毒/艾滋病联合规划署（艾滋病署）向方案协调委员会报告了工作。\n"
    )
    found = Extractor().extract(document)
    assert "org/unaids-pcb" in found.entities
    assert not [e for e in found.entities.values() if e.label_zh == "方案协调委员会"]


def test_the_body_a_report_is_about_is_named_by_its_bare_head():
    from kg.reader import parse_document

    text = (
        "2031年届会\n2030年7月25日至2031年7月26日\n议程项目9\n协调问题：海洋保护\n"
        "海洋保护机构间工作队\n秘书长的说明\n秘书长关于海洋保护机构间工作队的报告\n"
        "1. 工作队在2030年举行了两次会议。工作队秘书处编写了报告，工作队之友表示欢迎。\n"
    )
    found = Extractor().extract(parse_document(text))
    (team,) = [e for e in found.entities.values() if e.label_zh == "海洋保护机构间工作队"]
    bare = [m for m in team.mentions if m.paragraph == "1" and not m.nested]
    assert [m.text for m in bare] == ["工作队"]  # not the secretariat's nor its friends'
    # a body on a line of its own that the title does not name is not what the text is about
    found = Extractor().extract(parse_document(text.replace("关于海洋保护机构间工作队的", "")))
    (team,) = [e for e in found.entities.values() if e.label_zh == "海洋保护机构间工作队"]
    assert not [m for m in team.mentions if m.paragraph == "1"]


def test_a_decision_opening_with_its_organ_names_its_sessions_and_resolutions():
    from kg.reader import parse_document

    document = parse_document(
        "2031年届会\n议程项目7\n海洋问题\n副主席提出的决定草案\n海洋保护机构间工作队\n"
        "经济及社会理事会，回顾其关于海洋保护机构间工作队的2029年7月23日第2029/52号决议"
        "和2030年7月20日第2030/11号决议，决定继续审议海洋保护问题，并注意到工作队的报告：\n"
        "请秘书长向理事会2032年届会提交一份关于第2029/52号决议执行情况的报告。\n"
    )
    assert document.metadata.body == "经济及社会理事会"
    found = Extractor().extract(document)
    assert keys(found, EntityType.RESOLUTION) == [
        "resolution/ecosoc-2029-52",
        "resolution/ecosoc-2030-11",
    ]
    sessions = {m.text for e in found.of_type(EntityType.MEETING) for m in e.mentions}
    assert sessions == {"2031年届会", "理事会2032年届会"}


@pytest.mark.parametrize(
    ("sentence", "entity_type", "expected"),
    [
        # a verb of the clause governs the name from outside it
        ("各国应采取举措，并加强伙伴关系。", EntityType.PROGRAMME, []),
        (
            "以处理促进数字经济全球伙伴关系的工作。",
            EntityType.PROGRAMME,
            ["促进数字经济全球伙伴关系"],
        ),
        # after a modal verb a purpose verb is the clause's predicate
        ("各国应加强国家禁毒协调机制和多部门行动计划。", EntityType.PROGRAMME, []),
        ("各国必须改善边境管理方案。", EntityType.PROGRAMME, []),
        # the last of a list of actions, a verb and generic words, names nothing
        ("中心将通过培训、加强能力和促进包容性伙伴关系开展工作。", EntityType.PROGRAMME, []),
        ("办事处推行了打击贩毒和洗钱方案。", EntityType.PROGRAMME, ["打击贩毒和洗钱方案"]),
        # verbs alone before a body's head have it as their object
        ("各国打算切实促进和加强协调小组的努力。", EntityType.ORGANIZATION, []),
        # a special session named by its topic; a body's bare special session is no name
        (
            "各国执行了世界毒品问题特别会议的成果文件。",
            EntityType.MEETING,
            ["世界毒品问题特别会议"],
        ),
        ("工作组回顾了专门讨论裁军问题的大会特别会议的文件。", EntityType.MEETING, []),
        # a numbered conference of the parties is a session, named with its instrument
        (
            "《联合国气候变化框架公约》第三十次缔约方会议在贝伦举行。",
            EntityType.MEETING,
            ["联合国气候变化框架公约第三十次缔约方会议"],
        ),
        # a session after its body's bracketed abbreviation is that body's
        (
            "联合国贸易和发展会议(贸发会议)第十六届会议于2025年举行。",
            EntityType.MEETING,
            ["联合国贸易和发展会议第十六届会议"],
        ),
        # 大会 after another body's name is that body's assembly, not the General Assembly;
        # its session is named with the body's full name, as however the text writes it
        (
            "教科文组织大会第四十二届会议通过了建议书。",
            EntityType.MEETING,
            ["联合国教育、科学及文化组织大会第四十二届会议"],
        ),
        # an agenda item is no project
        ("请将本函作为大会第八十届会议议程项目18下的文件分发。", EntityType.PROGRAMME, []),
        # two nouns listed, the first complete (…能力和…伙伴关系), make no name
        ("各国应优先投资于统计能力和数据伙伴关系。", EntityType.PROGRAMME, []),
        # threats listed inside a name are joined by its conjunction
        (
            "办事处实施了打击洗钱和恐怖主义融资方案。",
            EntityType.PROGRAMME,
            ["打击洗钱和恐怖主义融资方案"],
        ),
        # a quoted partnership is named, whatever its last word
        (
            "世卫组织的“全民健康覆盖”伙伴关系开展了工作。",
            EntityType.PROGRAMME,
            ["“全民健康覆盖”伙伴关系"],
        ),
        # a campaign is named by its quoted name; movements in general are no names
        ("办事处发起了“蓝心”运动，以打击贩运人口。", EntityType.PROGRAMME, ["“蓝心”运动"]),
        ("妇女运动和环境保护运动蓬勃发展。", EntityType.PROGRAMME, []),
        # a head followed by what it qualifies (方案效力) ends no name
        ("会议讨论如何提高禁毒和戒毒方案效力。", EntityType.PROGRAMME, []),
        # a name's own verbs keep it going
        ("该国启动了家庭森林巡视举措。", EntityType.PROGRAMME, ["家庭森林巡视举措"]),
        (
            "各国支持暂行特别措施机构间工作队。",
            EntityType.ORGANIZATION,
            ["暂行特别措施机构间工作队"],
        ),
        (
            "监督和评价海洋行动计划区域会议于今年举行。",
            EntityType.MEETING,
            ["监督和评价海洋行动计划区域会议"],
        ),
        # the city before a body's session is its venue
        (
            "在日内瓦人权理事会第四十九届会议上发言。",
            EntityType.MEETING,
            ["人权理事会第四十九届会议"],
        ),
        (
            "人权理事会第31和32次会议审议了该问题。",
            EntityType.MEETING,
            ["人权理事会第31和32次会议"],
        ),
        # units every body has are no names; a topic names one
        ("儿基会外地办事处和应急小组提供了支持。", EntityType.ORGANIZATION, ["联合国儿童基金会"]),
        ("海洋法问题协调小组开会。", EntityType.ORGANIZATION, ["海洋法问题协调小组"]),
        ("“海洋之友”小组发表了声明。", EntityType.ORGANIZATION, ["“海洋之友”小组"]),
        # collectives and categories
        ("地方妇女组织和残疾人组织参加了会议。", EntityType.ORGANIZATION, []),
        ("出席了联合国论坛和世界大会。", EntityType.MEETING, []),
    ],
)
def test_names_in_reports_and_resolutions(extract, sentence, entity_type, expected):
    assert names(extract(sentence), entity_type) == expected


def test_a_review_meeting_opens_with_the_instrument_it_reviews(extract):
    found = extract("举行了《海洋行动计划》第二次区域审查会议。")
    assert written(found, EntityType.MEETING) == ["《海洋行动计划》第二次区域审查会议"]


@pytest.mark.parametrize(
    ("sentence", "entity_type", "expected"),
    [
        (
            "重申《全球海洋契约》和《海洋示范法》。",
            EntityType.INSTRUMENT,
            ["全球海洋契约", "海洋示范法"],
        ),
        ("该国通过了《家庭保护法》。", EntityType.INSTRUMENT, ["家庭保护法"]),
        ("各国政府重申《利马承诺》。", EntityType.INSTRUMENT, ["利马承诺"]),  # commitments made
        ("发布了《证人保护良好做法》。", EntityType.PUBLICATION, ["证人保护良好做法"]),
        ("执行局核准了《2031-2034年战略计划》。", EntityType.PROGRAMME, ["2031-2034年战略计划"]),
        (  # a body of law is a field, not an instrument, unless titled
            "为实现可持续发展目标并遵守国际人道法和《国际人权法》。",
            EntityType.INSTRUMENT,
            ["国际人权法", "可持续发展目标"],
        ),
    ],
)
def test_titles_by_their_head_and_instruments_named_bare(extract, sentence, entity_type, expected):
    assert names(extract(sentence), entity_type) == sorted(expected)


def test_a_report_named_by_its_author_and_topic(extract):
    found = extract("审议了秘书长关于海洋养护和可持续利用的报告，")
    assert names(found, EntityType.PUBLICATION) == ["秘书长关于海洋养护和可持续利用的报告"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("注意到海洋政策委员会第二十五届会议报告，", ["海洋政策委员会第二十五届会议报告"]),
        ("审议了麻醉药品委员会第六十六届会议的报告，", ["麻醉药品委员会第六十六届会议报告"]),
        ("秘书长提交大会第七十八届会议的报告指出，", []),  # sent to the session
        ("请工作队在委员会第二十届会议报告进展情况，", []),  # 报告 a verb there
    ],
)
def test_a_sessions_report_is_a_publication(extract, sentence, expected):
    found = extract(sentence)
    assert names(found, EntityType.PUBLICATION) == expected
    if expected:  # the session reported on is mentioned inside it
        assert len(found.of_type(EntityType.MEETING)) == 1


def test_an_authors_yearly_report_is_one_report(extract):
    found = extract("执行局审议了执行主任的年度报告。")
    assert names(found, EntityType.PUBLICATION) == ["执行主任的年度报告"]


def test_a_treaty_bodys_general_comment_is_its_publication(extract):
    found = extract("见人权事务委员会第36号一般性意见(2018年)，第12段。")
    assert names(found, EntityType.PUBLICATION) == ["人权事务委员会第36号一般性意见(2018年)"]
    assert "人权事务委员会" in names(found, EntityType.ORGANIZATION)


def test_the_authors_report_in_a_document_is_the_report_on_its_topic():
    from kg.reader import parse_document

    document = parse_document(
        "2031年届会\n议程项目7\n海洋问题\n海洋的养护\n经济及社会理事会，\n审议了秘书长的报告，\n"
    )
    found = Extractor().extract(document)
    assert names(found, EntityType.PUBLICATION) == ["秘书长关于海洋的养护的报告"]
    report = found.of_type(EntityType.PUBLICATION)[0]
    assert "秘书长的报告" in report.forms
    # a title that is the report itself names it as it stands
    document = parse_document(
        "2031年届会\n议程项目12\n联合国海洋署\n秘书长的说明\n秘书长谨转递执行主任的报告。\n"
        "联合国海洋署执行主任的报告\n一. 导言\n1. 本报告介绍了工作。\n"
    )
    found = Extractor().extract(document)
    assert names(found, EntityType.PUBLICATION) == ["联合国海洋署执行主任的报告"]


def test_yearly_sessions_are_meetings_of_their_body():
    from kg.reader import parse_document

    document = parse_document(
        "海洋问题委员会\n2031年实质性会议\n2031年4月3日至21日，纽约\n议程项目5\n海洋\n"
        "谨此致函，海洋问题委员会将在2031年实质性会议期间审议此事。\n"
    )
    found = Extractor().extract(document)
    meetings = found.of_type(EntityType.MEETING)
    assert [m.label_zh for m in meetings] == ["海洋问题委员会2031年实质性会议"]
    # a session another body holds in a report to the own body is the holder's
    document = parse_document(
        "经济及社会理事会\n2031年届会\n议程项目20\n非政府组织委员会的报告\n"
        "1. 非政府组织委员会于2031年1月在联合国总部举行了2031年常会。\n"
    )
    found = Extractor().extract(document)
    assert "非政府组织委员会2031年常会" in names(found, EntityType.MEETING)


@pytest.mark.parametrize(
    ("sentence", "entity_type", "expected"),
    [
        # a head listed with other nouns is not named by them
        ("加强区域协作和伙伴关系。", EntityType.PROGRAMME, []),
        ("支持跨界和次区域举措。", EntityType.PROGRAMME, []),
        # a list of topics opens the name; a list of names does not
        (
            "非洲财政、经济和环境部长会议在开罗举行。",
            EntityType.MEETING,
            ["非洲财政、经济和环境部长会议"],
        ),
        # centres every body has need an anchor; a Latin name is one
        ("设立了数据中心和一站式中心。", EntityType.PROGRAMME, []),
        ("创建了SmartOcean实验室卓越中心。", EntityType.PROGRAMME, ["SmartOcean实验室卓越中心"]),
    ],
)
def test_lists_and_generic_heads(extract, sentence, entity_type, expected):
    assert names(extract(sentence), entity_type) == expected


@pytest.mark.parametrize(
    ("sentence", "entity_type", "expected"),
    [
        ("这些措施植根于联合国评价小组的规范。", EntityType.ORGANIZATION, ["联合国评价小组"]),
        ("秘书长请求加强欧洲经济委员会秘书处。", EntityType.ORGANIZATION, ["欧洲经济委员会秘书处"]),
        ("妇女、和平与安全工作组举行了会议。", EntityType.ORGANIZATION, ["妇女、和平与安全工作组"]),
        ("许多中央银行和商业银行提高了利率。", EntityType.ORGANIZATION, []),
        ("各方应结成伙伴关系。", EntityType.PROGRAMME, []),
        ("加强成果报告和监测报告。", EntityType.PUBLICATION, []),
        ("发表了2031年海洋年度报告。", EntityType.PUBLICATION, ["海洋年度报告"]),
    ],
)
def test_more_names_that_are_not(extract, sentence, entity_type, expected):
    assert names(extract(sentence), entity_type) == expected


def test_provinces_and_cities_by_their_administrative_suffix(extract):
    found = extract("在旁遮普省和加利福尼亚州开展了活动，埃塞俄比亚政府和大都市地区也参与了。")
    assert names(found, EntityType.REGION) == ["加利福尼亚州", "旁遮普省"]
    assert names(found, EntityType.CITY) == []


def test_verbs_that_take_an_object_end_a_name_on_its_left(extract):
    found = extract("各国专家并指导创建SmartBots实验室卓越中心，人员来自联合国开发计划署。")
    assert names(found, EntityType.PROGRAMME) == ["SmartBots实验室卓越中心"]
    assert keys(found, EntityType.ORGANIZATION) == ["org/undp"]


def test_places_listed_after_their_country_whatever_jieba_reads(extract):
    found = extract("协助泰国素叻他尼府、乌隆他尼府和清莱府以及菲律宾奥尔莫克市在各级开展工作。")
    assert names(found, EntityType.CITY) == sorted(
        ["奥尔莫克市", "清莱", "素叻他尼府", "乌隆他尼府"]
    )
    found = extract("美国联邦政府和美国许多州参加了会议。")
    assert found.of_type(EntityType.CITY) == found.of_type(EntityType.REGION) == []


def test_a_known_place_takes_its_administrative_suffix(extract):
    found = extract("在北京市和清莱府举办了讲习班，欧洲市场也受到影响。")
    mentions = {m.text: e.key for e in found.of_type(EntityType.CITY) for m in e.mentions}
    assert mentions == {"北京市": "city/beijing", "清莱府": "city/chiang-rai"}
    assert keys(found, EntityType.REGION) == ["region/europe"]


def test_a_name_written_in_full_then_shortened_is_one_entity(extract):
    found = extract(
        "首届太平洋海洋部长级会议在苏瓦举行。海洋问题高级别对话论坛随后举行。"
        "各国在太平洋海洋部长级会议上和高级别对话论坛上发言。"
    )
    assert names(found, EntityType.MEETING) == [
        "海洋问题高级别对话论坛",
        "首届太平洋海洋部长级会议",
    ]


def test_a_unit_named_after_a_short_title_is_the_unit_named_in_full(extract):
    found = extract(
        "各国批准了《海洋保护框架公约》。海洋保护框架公约秘书处提供了支持。"
        "《公约》秘书处正在与各国合作。"
    )
    assert_one_entity(found, EntityType.ORGANIZATION, "海洋保护框架公约秘书处", 2)


def test_a_yearly_session_written_with_its_month_is_named_by_its_year(extract):
    found = extract("草案将提交儿基会执行局2031年6月年度会议讨论。")
    assert names(found, EntityType.MEETING) == ["联合国儿童基金会执行局2031年年度会议"]


def test_a_conference_no_gazetteer_knows_is_named_only_through_its_sessions(extract):
    found = extract("各国出席了联合国海洋保护公约缔约方会议第三届会议和海洋事务委员会第十届会议。")
    assert names(found, EntityType.MEETING) == [
        "海洋事务委员会第十届会议",
        "联合国海洋保护公约缔约方会议第三届会议",
    ]
    assert names(found, EntityType.ORGANIZATION) == ["海洋事务委员会"]  # not 联合国 either


def test_a_body_short_inside_its_sessions_name_is_the_body_named_in_full(extract):
    found = extract(
        "大会设立了一个海洋治理不限成员名额工作组。"
        "在不限成员名额工作组第一届会议上，各国交换了意见。"
    )
    assert names(found, EntityType.ORGANIZATION) == ["海洋治理不限成员名额工作组", "联合国大会"]
    (group,) = [e for e in found.of_type(EntityType.ORGANIZATION) if "工作组" in e.label_zh]
    assert len(group.mentions) == 2


def test_a_short_name_met_first_names_something_of_its_own(extract):
    found = extract("各区域举行了海洋治理区域论坛。亚洲区域海洋治理区域论坛讨论了捕捞问题。")
    assert names(found, EntityType.MEETING) == ["亚洲区域海洋治理区域论坛", "海洋治理区域论坛"]


def test_a_numbered_session_met_first_by_its_short_form_is_one_meeting(extract):
    found = extract(
        "各方在缔约方会议第十五届会议上作出承诺。"
        "秘书处支持生物多样性公约缔约方会议第十五届会议的筹备工作。"
    )
    assert_one_entity(found, EntityType.MEETING, "生物多样性公约缔约方会议第十五届会议", 2)


def test_a_short_session_two_bodies_could_have_held_stays_apart(extract):
    found = extract(
        "各方在缔约方会议第十五届会议上作出承诺。生物多样性公约缔约方会议第十五届会议"
        "和荒漠化公约缔约方会议第十五届会议都讨论了土地问题。"
    )
    assert len(found.of_type(EntityType.MEETING)) == 3


def test_decades_are_programmes_named_with_their_period(extract):
    found = extract(
        "大会宣布联合国海洋科学促进可持续发展十年(2021-2030)。在过去十年里，数十年来，"
        "各国支持联合国海洋科学促进可持续发展十年。"
    )
    assert_one_entity(found, EntityType.PROGRAMME, "联合国海洋科学促进可持续发展十年(2021-2030)", 2)


def test_a_list_of_topics_opens_a_name_after_a_body_and_a_conjunction(extract):
    found = extract("包括海洋事务委员会和科学、技术和创新促进海洋保护多利益攸关方论坛等实体。")
    assert names(found, EntityType.MEETING) == ["科学、技术和创新促进海洋保护多利益攸关方论坛"]
    assert names(found, EntityType.ORGANIZATION) == ["海洋事务委员会"]


def test_years_listed_before_a_yearly_session_are_sessions_of_the_own_body():
    from kg.reader import parse_document

    document = parse_document(
        "海洋事务委员会\n2031年实质性会议\n2031年4月3日至21日，纽约\n议程项目4\n海洋问题\n"
        "主席提交的工作文件\n一.\n导言\n"
        "1. 海洋事务委员会在组织会议上通过了2029年、2030年和2031年实质性会议议程，"
        "并决定将议程项目4分配给第一工作组。\n"
    )
    found = Extractor().extract(document)
    labels = {e.label_zh for e in found.of_type(EntityType.MEETING)}
    assert {f"海洋事务委员会{year}年实质性会议" for year in (2029, 2030, 2031)} <= labels


def test_a_rare_dictionary_word_across_the_edge_leaves_the_name_whole(extract):
    # 借鉴|核裁军: 鉴核 is a dictionary word, but too rare to make the edge unsure
    found = extract("包括借鉴核裁军核查问题政府专家组正在开展的工作。")
    assert names(found, EntityType.ORGANIZATION) == ["核裁军核查问题政府专家组"]


def test_special_is_a_word_of_names(extract):
    found = extract("临时特别措施机构间工作组发布了指导。它特别关注儿基会儿童保护方案。")
    assert names(found, EntityType.ORGANIZATION) == ["临时特别措施机构间工作组", "联合国儿童基金会"]
    assert not any("特别" in e.label_zh for e in found.of_type(EntityType.PROGRAMME))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("维和行动中的儿童保护问题工作组发布了指南。", ["维和行动中的儿童保护问题工作组"]),
        ("消除渔业捕捞中的童工现象基金会开展了工作。", ["消除渔业捕捞中的童工现象基金会"]),
        ("他们在冲突中的暴力问题工作组发言。", ["暴力问题工作组"]),  # 在…中: a frame
    ],
)
def test_the_setting_of_a_topic_belongs_to_the_name(extract, sentence, expected):
    assert names(extract(sentence), EntityType.ORGANIZATION) == expected


def test_an_office_stationed_in_a_place_is_named_with_its_body(extract):
    found = extract("联合国驻斐济国家工作队与开发署驻蒙古办事处签署了协议。")
    assert names(found, EntityType.ORGANIZATION) == [
        "联合国开发计划署驻蒙古办事处",
        "联合国驻斐济国家工作队",
    ]


def test_a_role_noun_before_a_conjunction_is_no_part_of_the_name(extract):
    found = extract(
        "作为国家工作队的成员和维和行动中的儿童保护问题工作组的牵头机构，儿基会提供支持。"
    )
    assert "维和行动中的儿童保护问题工作组" in names(found, EntityType.ORGANIZATION)


@pytest.mark.parametrize("short", ["OOIN", "海观网"])
def test_a_name_with_its_short_form_in_brackets_is_a_name(extract, short):
    found = extract(f"海洋观测信息网络（{short}）发布了报告。{short}还举办了培训。")
    (network,) = found.of_type(EntityType.PROGRAMME)
    assert network.label_zh == "海洋观测信息网络"
    assert [m.text for m in network.mentions] == ["海洋观测信息网络", short, short]


def test_a_note_in_brackets_is_no_short_form(extract):
    assert names(extract("开展了研究方案（见附件）。"), EntityType.PROGRAMME) == []


def test_an_inter_body_prefix_opens_the_name(extract):
    # 秘书处间, 机构间 (inter-secretariat, inter-agency): 间 is no localizer ending a name
    found = extract("秘书处间价格统计工作组和机构间性别统计专家组召开了会议。")
    assert names(found, EntityType.ORGANIZATION) == [
        "机构间性别统计专家组",
        "秘书处间价格统计工作组",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("协助编写了马尔代夫国家银行的绿色金融战略。", ["马尔代夫国家银行"]),  # a national body
        ("各发展中国家的国家统计局和中央银行需要数据。", []),  # any country's: a kind of body
        ("马尔代夫民间组织和国际组织参加了会议。", []),  # categories all the same
        ("还协助南部非洲发展共同体执行理事会通过了立场。", ["南部非洲发展共同体执行理事会"]),
    ],
)
def test_national_bodies_and_executive_councils(extract, sentence, expected):
    assert names(extract(sentence), EntityType.ORGANIZATION) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a sentence set in a country names its offices bare: they are that State's
        ("在巴勒斯坦国，财政部的能力得到加强。", ["巴勒斯坦国财政部"]),
        (
            "在肯尼亚，妇女署支持国家统计局进行了调查。",
            ["联合国促进性别平等和增强妇女权能署", "肯尼亚国家统计局"],
        ),
        ("在约旦，儿基会与教育部合作；卫生部也参加了。", ["约旦教育部", "联合国儿童基金会"]),
        ("在约旦，儿基会与协调委员会合作。", ["联合国儿童基金会"]),  # a kind of body
        ("儿基会在约旦与教育部合作。", ["联合国儿童基金会"]),  # no country sets the sentence
        ("儿基会瑞士和列支敦士登委员会开展了活动。", ["联合国儿童基金会瑞士和列支敦士登委员会"]),
        ("在黎巴嫩，卫生部门和总部都参加了。", []),
    ],
)
def test_offices_of_the_country_a_sentence_is_set_in(extract, sentence, expected):
    assert names(extract(sentence), EntityType.ORGANIZATION) == expected


def test_a_session_named_by_its_number_alone_continues_the_series():
    from kg.reader import parse_document

    document = parse_document(
        "一. 导言\n1. 在海洋事务工作组第一届会议上，各国交换了意见。\n"
        "2. 在第二届会议上，各国提出了建议。\n"
    )
    found = Extractor().extract(document)
    labels = {e.label_zh for e in found.of_type(EntityType.MEETING)}
    assert labels == {"海洋事务工作组第一届会议", "海洋事务工作组第二届会议"}


def test_a_session_named_by_its_number_alone_is_the_own_bodys_in_its_resolution():
    from kg.reader import parse_document

    document = parse_document(
        "第八十五届会议\n2031年12月18日大会决议\n大会，\n"
        "注意到麻醉药品委员会第七十四届会议的工作，\n"
        "1.决定在第八十六届会议上审议该项目。\n"
    )
    found = Extractor().extract(document)
    labels = {e.label_zh for e in found.of_type(EntityType.MEETING)}
    assert labels == {
        "联合国大会第八十五届会议",
        "麻醉药品委员会第七十四届会议",
        "联合国大会第八十六届会议",
    }


def test_new_inside_a_word_before_the_head_is_no_description(extract):
    found = extract("儿基会推出了青年表达和创新工具包。")
    assert names(found, EntityType.PROGRAMME) == ["青年表达和创新工具包"]


def test_a_portal_is_a_programme_when_anchored(extract):
    found = extract("信息也可以放在联合国海洋研究所海洋数据门户网站上，但不放在该门户网站上。")
    assert [m.text for e in found.of_type(EntityType.PROGRAMME) for m in e.mentions] == [
        "联合国海洋研究所海洋数据门户网站"
    ]


def test_a_short_form_keeping_words_of_the_full_name_is_the_same_body(extract):
    found = extract(
        "请委员会海洋保护问题咨询委员会提供见解。委员会赞赏海洋咨询委员会的贡献，"
        "也赞赏技术委员会的工作。"
    )
    board = next(e for e in found.of_type(EntityType.ORGANIZATION) if "海洋" in e.label_zh)
    assert {m.text for m in board.mentions} == {"委员会海洋保护问题咨询委员会", "海洋咨询委员会"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 暨 joins two meetings; 及 inside 埃及 is no conjunction
        (
            "第三届埃及国际合作论坛暨非洲财政、经济和环境部长会议",
            ["第三届埃及国际合作论坛", "非洲财政、经济和环境部长会议"],
        ),
        # a verb after a noun of the name is the name's own (空间应用促进…)
        (
            "在第五次亚洲及太平洋空间应用促进可持续发展部长级会议上通过了宣言。",
            ["第五次亚洲及太平洋空间应用促进可持续发展部长级会议"],
        ),
    ],
)
def test_meeting_names_with_joined_parts(extract, sentence, expected):
    assert names(extract(sentence), EntityType.MEETING) == sorted(expected)


def test_a_language_is_no_place(extract):
    found = extract("以英文、法文和西班牙文提供内容，西班牙和约旦也参加了。")
    assert keys(found, EntityType.COUNTRY) == ["country/ESP", "country/JOR"]
    assert [m.text for e in found.of_type(EntityType.COUNTRY) for m in e.mentions] == [
        "西班牙",
        "约旦",
    ]


def test_a_unit_named_in_one_word_with_its_head(extract):
    found = extract("儿基会供应司提供了用品，该国西南部和东北部受灾。")
    assert names(found, EntityType.ORGANIZATION) == [
        "联合国儿童基金会供应司"
    ]  # labelled by the body's full name


def test_an_ordinal_and_generic_words_name_no_meeting(extract):
    found = extract("秘书长将在与区域组织负责人举行第一次年度会议之前开展筹备工作。")
    assert names(found, EntityType.MEETING) == []


def test_a_cooperation_framework_is_the_un_country_teams_programme(extract):
    # agreed with a government, adopted by no intergovernmental body
    found = extract("将气候风险纳入联合国可持续发展合作框架。")
    assert keys(found, EntityType.PROGRAMME) == ["programme/unsdcf"]
    assert keys(found, EntityType.INSTRUMENT) == []


def test_a_meeting_on_a_decade_carries_the_decades_years(extract):
    found = extract("举行了2021-2030年非洲海洋十年审查高级别会议。")
    assert names(found, EntityType.MEETING) == ["2021-2030年非洲海洋十年审查高级别会议"]


@pytest.mark.parametrize(
    ("sentence", "entity_type", "expected"),
    [
        ("回顾海洋大会题为“蓝色的未来”的成果文件，", EntityType.INSTRUMENT, ["蓝色的未来"]),
        ("注意到秘书长题为“共同的海洋”的报告，", EntityType.PUBLICATION, ["共同的海洋"]),
        ("会议通过了成果文件和商定结论。", EntityType.INSTRUMENT, []),
    ],
)
def test_a_text_entitled_in_quotes_is_named_by_its_title(extract, sentence, entity_type, expected):
    assert names(extract(sentence), entity_type) == expected


def test_regional_groups_of_member_states(extract):
    found = extract("墨西哥代表拉丁美洲和加勒比国家集团发言，埃及代表非洲国家集团发言。")
    assert keys(found, EntityType.ORGANIZATION) == ["org/african-group", "org/grulac"]


def test_a_bare_head_before_a_yearly_session_names_the_body_written_before(extract):
    found = extract("人权理事会主席关于在理事会2031年届会期间召开的对话的摘要")
    assert names(found, EntityType.MEETING) == ["人权理事会2031年届会"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("此外，秘书长海洋问题特使办公室与各国合作。", ["秘书长海洋问题特使办公室"]),
        ("此外，秘书长青年问题特使办公室与各国合作。", ["秘书长青年问题特使办公室"]),  # 青年: t
        (
            "请秘书长加强西亚经济社会委员会秘书处。",
            ["西亚经济社会委员会秘书处"],
        ),  # the post governs
        ("该署对外部伙伴开放了数据。", []),  # 外部 is a generic word, not a department
    ],
)
def test_posts_population_words_and_generic_parts_in_body_names(extract, sentence, expected):
    assert names(extract(sentence), EntityType.ORGANIZATION) == expected


def test_an_organisation_named_by_its_head_alone_needs_an_anchor(extract):
    found = extract("伙伴可能无法组织活动，我们分析了可比组织，OceanWin组织也参加了。")
    assert names(found, EntityType.ORGANIZATION) == ["OceanWin"]


def test_a_session_named_after_its_topic_is_of_the_body_after_the_topic(extract):
    found = extract("回顾关于海洋问题的大会第四十届特别会议的成果文件。")
    assert names(found, EntityType.MEETING) == ["关于海洋问题的大会第四十届特别会议"]
    # the outcome is named by its session, which stays named inside it
    assert names(found, EntityType.INSTRUMENT) == ["关于海洋问题的大会第四十届特别会议的成果文件"]


def test_a_list_of_meeting_names_is_no_topic_list(extract):
    found = extract("在第三次海洋问题世界大会、第四次海洋问题国际会议上作出了承诺。")
    assert names(found, EntityType.MEETING) == ["第三次海洋问题世界大会", "第四次海洋问题国际会议"]


@pytest.mark.parametrize(
    ("sentence", "entity_type"),
    [
        ("该国最近银行倒闭，银行业和银行体系受到冲击。", EntityType.ORGANIZATION),
        ("各国的全球公共组织提供了数据。", EntityType.ORGANIZATION),
        ("各国举行了大型会议。", EntityType.MEETING),
    ],
)
def test_common_nouns_with_a_head_are_no_names(extract, sentence, entity_type):
    assert names(extract(sentence), entity_type) == []


def test_a_campaign_named_by_its_hashtag_keeps_it(extract):
    found = extract("包括二十国集团的#Oceans4All倡议。")
    assert names(found, EntityType.PROGRAMME) == ["#Oceans4All倡议"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("该机构启动了“消除贫困刻不容缓”加速计划。", ["“消除贫困刻不容缓”加速计划"]),  # title, verb
        ("通过获取COVID-19检测加速计划提供了检测。", ["COVID-19检测加速计划"]),  # Latin, number
        ("斐济“海洋之友”数字平台提供资源。", ["“海洋之友”数字平台"]),  # the place it runs in
    ],
)
def test_programme_names_with_titles_latin_words_and_places(extract, sentence, expected):
    assert names(extract(sentence), EntityType.PROGRAMME) == expected


def test_a_suffix_belongs_to_the_word_before_the_name(extract):
    found = extract("各实体在领导人、承诺者和《和平与安全契约》理事会成员中都有代表。")
    assert written(found, EntityType.ORGANIZATION) == ["《和平与安全契约》理事会"]


@pytest.mark.parametrize(
    ("sentence", "entity_type"),
    [
        ("该国试行了一项新的促进性别平等倡议。", EntityType.PROGRAMME),  # a new one described
        (
            "该署发起了关于海洋保护的多利益攸关方新倡议。",
            EntityType.PROGRAMME,
        ),  # 新 before the head
        ("增加了与私营部门的积极伙伴关系以及宣传举措。", EntityType.PROGRAMME),  # one common word
        ("该署领导了关于此问题监测框架的工作队。", EntityType.ORGANIZATION),  # points back
        ("这为关于这一问题的首次公开辩论提供了参考。", EntityType.MEETING),
        ("小组将通过虚拟方式直接观察重要会议。", EntityType.MEETING),  # adverb, then generic
        ("由各职司委员会提交的材料汇总。", EntityType.ORGANIZATION),  # a kind of body
        ("该组织成立了协调委员会和咨询委员会。", EntityType.ORGANIZATION),  # by function alone
        ("基金通过指导委员会和审计委员会运作。", EntityType.ORGANIZATION),  # one common noun
        ("妇女署与各国的青年问题协调中心密切合作。", EntityType.PROGRAMME),  # focal points
        ("以确保该系统及其外地办事处没有歧视。", EntityType.ORGANIZATION),  # 及其: its own unit
        ("202个发展资料袋使临时学习中心受益。", EntityType.PROGRAMME),  # 使 opens a clause
        ("从而促进健康的生活方式，并促进青年倡议。", EntityType.PROGRAMME),  # 并 + a verb
        ("由该会议作为委员会秘书处举办。", EntityType.ORGANIZATION),  # a bare head's unit
        ("他在人权理事会会议期间发言。", EntityType.MEETING),  # a known body's meeting, unnamed
        ("会议举行了一次结构化辩论。", EntityType.MEETING),  # the head after one common word
    ],
)
def test_descriptions_with_a_head_are_no_names(extract, sentence, entity_type):
    assert names(extract(sentence), entity_type) == []


def test_a_head_after_a_place_or_a_verb_with_its_object_is_a_name(extract):
    found = extract("布里奇顿倡议得到支持，办公室建立了一个打击计算机犯罪虚拟论坛。")
    assert "布里奇顿倡议" in names(found, EntityType.PROGRAMME)


def test_a_localizer_closing_an_adverbial_frame_ends_the_name(extract):
    found = extract("计算公式在多大程度上符合国际援助标准化倡议的标准。")
    assert not any("程度上" in name for name in names(found, EntityType.PROGRAMME))
    found = extract("在考虑到打击贩运人口机构间合作小组的各项建议的情况下")  # 间 is the name's
    assert names(found, EntityType.ORGANIZATION) == ["打击贩运人口机构间合作小组"]


def test_a_unit_of_a_body_is_one_entity_however_the_body_is_written(extract):
    found = extract("欧洲经委会秘书处编写了报告，欧洲经济委员会秘书处将其分发。")
    assert names(found, EntityType.ORGANIZATION) == ["欧洲经济委员会秘书处"]


def test_a_bank_known_by_its_short_form_ends_before_the_conjunction(extract):
    found = extract("欧洲央行和英格兰银行加息。")
    assert names(found, EntityType.ORGANIZATION) == ["欧洲中央银行", "英格兰银行"]


def test_a_hyphen_joins_two_words_of_one_name(extract):
    found = extract("该署与罗马-地中海研究所合作。")
    assert names(found, EntityType.ORGANIZATION) == ["罗马-地中海研究所"]


def test_a_research_centre_is_a_body_and_a_regional_centre_a_programme(extract):
    found = extract("该署与国际农业研究中心合作，中亚区域信息和协调中心成立。")
    assert names(found, EntityType.ORGANIZATION) == ["国际农业研究中心"]
    assert names(found, EntityType.PROGRAMME) == ["中亚区域信息和协调中心"]


def test_a_body_written_with_and_without_title_marks_has_one_label(extract):
    found = extract("《气候公约》缔约方会议举行了会议。气候公约缔约方会议通过了决定。")
    (body,) = found.of_type(EntityType.ORGANIZATION)
    assert body.label_zh == "气候公约缔约方会议"
    assert "《气候公约》缔约方会议" in body.alt_labels


def test_a_signatory_of_a_letter_is_no_body(extract):
    assert names(extract("常驻代表\n王海局(签名)\n"), EntityType.ORGANIZATION) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("加强执行手段，重振海洋保护全球伙伴关系。", ["海洋保护全球伙伴关系"]),
        ("各国提出了“审查联合国海洋保护联合全球方案”的建议。", ["联合国海洋保护联合全球方案"]),
    ],
)
def test_a_verb_opening_the_clause_governs_the_programme_after_it(extract, sentence, expected):
    assert names(extract(sentence), EntityType.PROGRAMME) == expected


def test_sessions_and_plenaries_are_named_alike_in_every_document():
    from kg.reader import parse_document

    written_with_body = Extractor().extract_text("经济及社会理事会2031年届会的工作")
    document = parse_document(
        "2031年届会\n议程项目7\n海洋问题\n经济及社会理事会，\n回顾其第2029/52号决议，\n"
        "请各国继续开展工作。\n2031年7月26日\n第43次全体会议\n"
    )
    own_body = Extractor().extract(document)
    sessions = {e.label_zh: e.key for e in own_body.of_type(EntityType.MEETING)}
    (session,) = written_with_body.of_type(EntityType.MEETING)
    assert sessions[session.label_zh] == session.key
    assert "联合国经济及社会理事会第43次全体会议" in sessions


def test_a_numbered_meeting_opening_a_line_is_the_own_bodys():
    from kg.reader import parse_document

    # a resolution's footer, and a summary record's masthead
    for text, expected in [
        ("人权理事会\n人权理事会，\n1. 决定继续审议这一问题。\n第41次会议\n", "人权理事会第41次会议"),
        ("麻醉药品委员会\n第六十七届会议\n第3次会议简要记录\n1. 主席宣布开会。\n",
         "麻醉药品委员会第3次会议"),
    ]:  # fmt: skip
        found = Extractor().extract(parse_document(text))
        assert expected in names(found, EntityType.MEETING)
    found = Extractor().extract(parse_document("各国在第3次会议上审议了该问题。"))
    assert names(found, EntityType.MEETING) == []  # no body named: whose meeting?


def test_a_yearly_session_in_the_councils_style_is_the_councils():
    from kg.reader import parse_document

    document = parse_document(
        "2031年届会\n2030年7月25日至2031年7月26日\n议程项目12 (e)\n海洋问题\n"
        "2031年2月7日某国常驻联合国代表给秘书长的信\n谨致函，提请注意海洋问题。\n"
    )
    found = Extractor().extract(document)
    assert names(found, EntityType.MEETING) == ["联合国经济及社会理事会2031年届会"]


def test_a_name_with_and_without_title_marks_is_one_key():
    from kg.ids import entity_key

    marked = entity_key("Meeting", "《海洋公约》缔约方会议第三届会议")
    assert marked == entity_key("Meeting", "海洋公约缔约方会议第三届会议")
    assert marked != entity_key("Meeting", "海洋公约缔约方会议第四届会议")


def test_a_session_written_with_a_short_form_of_its_body_takes_the_full_name(extract):
    found = extract("回顾大会第四十三届特别会议的成果。")
    assert names(found, EntityType.MEETING) == ["联合国大会第四十三届特别会议"]


def test_a_numbered_meeting_named_by_its_bodys_head_is_that_bodys(extract):
    found = extract(
        "联合国预防和控制非传染性疾病机构间工作队成立了。工作队第八次会议于2022年举行。"
    )
    assert names(found, EntityType.MEETING) == [
        "联合国预防和控制非传染性疾病机构间工作队第八次会议"
    ]


def test_a_session_named_by_a_head_in_a_later_paragraph_is_the_own_bodys():
    from kg.reader import parse_document

    document = parse_document(
        "麻醉药品委员会\n麻醉药品委员会，\n欢迎欧洲联盟委员会开展的合作，\n"
        "1. 请执行主任向委员会第六十八届会议报告本决议的执行情况。\n"
    )
    found = Extractor().extract(document)
    assert "麻醉药品委员会第六十八届会议" in names(found, EntityType.MEETING)


def test_a_review_meeting_named_after_its_instrument_keeps_its_title(extract):
    found = extract("欢迎《2015-2030年仙台减少灾害风险框架》中期审查高级别会议的政治宣言，")
    assert written(found, EntityType.MEETING) == [
        "《2015-2030年仙台减少灾害风险框架》中期审查高级别会议"
    ]


def test_an_outcome_named_by_the_session_that_adopted_it(extract):
    found = extract("欢迎海洋委员会第十六届会议在国际海洋年二十周年之际通过的政治宣言，")
    assert names(found, EntityType.INSTRUMENT) == [
        "海洋委员会第十六届会议在国际海洋年二十周年之际通过的政治宣言"
    ]
    found = extract("欢迎海洋委员会第十六届会议通过的商定结论，")
    assert names(found, EntityType.INSTRUMENT) == ["海洋委员会第十六届会议通过的商定结论"]
    found = extract(
        "海洋委员会第十六届会议讨论了通过的商定结论，"
    )  # another verb: no outcome named
    assert names(found, EntityType.INSTRUMENT) == []


def test_a_special_session_named_by_the_topic_it_is_devoted_to(extract):
    found = extract("回顾第一届专门讨论裁军问题的大会特别会议最后文件，")
    assert names(found, EntityType.MEETING) == ["第一届专门讨论裁军问题的大会特别会议"]
    assert names(found, EntityType.INSTRUMENT) == ["第一届专门讨论裁军问题的大会特别会议最后文件"]
    found = extract("大会第二届专门讨论海洋问题的特别会议取得了成果。")
    assert names(found, EntityType.MEETING) == ["大会第二届专门讨论海洋问题的特别会议"]


def test_the_office_of_a_post_is_named_whole(extract):
    found = extract("小组和咨询人以及执行主任办公室和副秘书长办公室将开展工作。")
    assert sorted(names(found, EntityType.ORGANIZATION)) == ["副秘书长办公室", "执行主任办公室"]


def test_the_unit_named_whole_holds_its_session(extract):
    found = extract("欧洲经委会环境政策委员会于2031年11月在日内瓦举行了第二十八届会议。")
    assert names(found, EntityType.MEETING) == ["欧洲经济委员会环境政策委员会第二十八届会议"]
    found = extract("海洋问题政府间谈判委员会于2031年11月在内罗毕举行了第三届会议。")  # no list's
    assert names(found, EntityType.MEETING) == ["海洋问题政府间谈判委员会第三届会议"]
    found = extract("海洋方案协调委员会在2031年12月举行的第五十三次会议上核准了报告。")
    assert names(found, EntityType.MEETING) == ["海洋方案协调委员会第五十三次会议"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("妇女署与WomenWin组织共同制定了方法。", ["WomenWin"]),  # 组织 says what it is
        ("与Plan International组织合作。", ["Plan International"]),  # the Latin words whole
        ("Plan International基金会提供了资金。", ["Plan International基金会"]),
    ],
)
def test_a_body_named_in_latin_letters(extract, sentence, expected):
    found = extract(sentence)
    named = [n for n in names(found, EntityType.ORGANIZATION) if n.isascii() or "基金会" in n]
    assert named == expected


def test_a_session_kind_alone_names_no_meeting(extract):
    assert names(extract("工作组在三次实质性会议上讨论了议程项目。"), EntityType.MEETING) == []


def test_a_meeting_of_two_actors_is_named_after_both(extract):
    found = extract(
        "部长们欢迎在哈瓦那举行的77国集团和中国国家元首和政府首脑峰会。"
        "非洲联盟和欧洲联盟首脑会议在布鲁塞尔举行。"
    )
    assert names(found, EntityType.MEETING) == [
        "77国集团和中国国家元首和政府首脑峰会",
        "非洲联盟和欧洲联盟首脑会议",
    ]


def test_a_mandate_holders_report_is_named_by_the_mandate(extract):
    found = extract(
        "注意到残疾人权利问题特别报告员的报告，"
        "欢迎关于暴力侵害妇女问题特别报告员的报告，"
        "理事会审议了海地问题独立专家的报告。"
    )
    assert names(found, EntityType.PUBLICATION) == sorted(
        [
            "残疾人权利问题特别报告员的报告",
            "暴力侵害妇女问题特别报告员的报告",
            "海地问题独立专家的报告",
        ]
    )


def test_a_letters_honorific_verb_opens_no_name(extract):
    found = extract("秘书长谨向大会成员转递联合检查组的报告。")
    assert names(found, EntityType.MEETING) == []


def test_an_ordinal_cut_before_its_counter_stays_in_the_meetings_name(extract):
    # jieba reads 第四十七|次|年度: the counter still belongs to the ordinal
    found = extract(
        "大会欢迎中国外交部长第四十七次年度会议的成果。理事会第45次全体会议通过了决议。"
    )
    assert names(found, EntityType.MEETING) == ["中国外交部长第四十七次年度会议", "第45次全体会议"]


def test_the_session_a_body_decides_to_hold_is_its_own(extract):
    found = extract(
        "麻醉药品委员会决定于2024年3月举行第六十七届会议。"
        "美洲药物滥用管制委员会在2023年举行了第七十三届常会。"
    )
    assert names(found, EntityType.MEETING) == [
        "美洲药物滥用管制委员会第七十三届常会",
        "麻醉药品委员会第六十七届会议",
    ]


def test_a_place_inside_a_transliterated_personal_name_is_no_place(extract):
    found = extract(
        "司长扎卡利亚乌·拉瓦尔先生和行长马里奥·德拉吉出席了会议。中国·东盟博览会在南宁举行。"
    )
    assert names(found, EntityType.CITY) == []
    assert names(found, EntityType.COUNTRY) == ["中国"]


def test_a_governments_ministry_is_named_apart_from_the_state(extract):
    found = extract("荷兰政府外交部和尼日利亚政府联邦财政部提供了数据。")
    assert names(found, EntityType.COUNTRY) == ["尼日利亚", "荷兰"]
    ministries = {m.text for e in found.of_type(EntityType.ORGANIZATION) for m in e.mentions}
    assert ministries == {"外交部", "联邦财政部"}
    assert names(found, EntityType.ORGANIZATION) == ["尼日利亚联邦财政部", "荷兰外交部"]


def test_an_outcome_named_by_its_meeting_after_de_is_one_instrument(extract):
    found = extract("大会欢迎第五次联合国最不发达国家问题会议的成果文件。")
    assert names(found, EntityType.INSTRUMENT) == ["第五次联合国最不发达国家问题会议的成果文件"]
    assert names(found, EntityType.MEETING) == ["第五次联合国最不发达国家问题会议"]


def test_an_agreement_in_title_marks_is_an_instrument(extract):
    found = extract("伊加特继续支持执行《关于解决南苏丹共和国冲突的重振协议》。")
    assert names(found, EntityType.INSTRUMENT) == ["关于解决南苏丹共和国冲突的重振协议"]


def test_a_un_bodys_name_after_guojia_is_a_countrys_own_body(extract):
    found = extract("人权高专办向朱巴的国家人权委员会提供了技术援助。")
    assert "org/chr" not in {e.key for e in found.entities.values()}
    assert names(found, EntityType.ORGANIZATION) == ["联合国人权事务高级专员办事处"]


def test_reports_of_several_authors_are_no_definite_report():
    from kg.reader import parse_document

    document = parse_document(
        "人权理事会\n第五十四届会议\n议程项目2\n高级专员的年度报告以及高级专员办事处和秘书长的报告\n"
        "海洋国人权状况\n1. 本报告介绍海洋国的人权状况。\n"
    )
    found = Extractor().extract(document)
    assert not [e for e in found.of_type(EntityType.PUBLICATION) if "秘书长" in e.label_zh]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("航空通信项目由毒品和犯罪问题办公室和世界海关组织共同实施。", ["航空通信项目"]),
        ("海上执法方案由毒品和犯罪问题办公室实施。", ["海上执法方案"]),
        ("研究项目由各国自行实施。", []),  # no body runs it: a kind of project
    ],
)
def test_a_programme_run_by_a_named_body_is_named(extract, sentence, expected):
    assert names(extract(sentence), EntityType.PROGRAMME) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "安全理事会在2036年5月12日第9876次会议上通过了该决议。",
        "在2036年5月12日举行的第9876次会议上，安全理事会审议了该项目。",
    ],
)
def test_a_numbered_meeting_a_body_holds_on_a_date_is_its_meeting(extract, sentence):
    assert names(extract(sentence), EntityType.MEETING) == ["安全理事会第9876次会议"]


def test_a_numbered_meeting_of_a_known_series_is_named_with_it(extract):
    found = extract("巴黎公约举措的第十五次政策协商会议于2036年11月在维也纳举行。")
    assert names(found, EntityType.MEETING) == ["巴黎公约举措第十五次政策协商会议"]


def test_a_numbered_meeting_of_the_own_body_named_by_its_head():
    from kg.reader import parse_document

    document = parse_document(
        "麻醉药品委员会\n第九十届会议报告\n"
        "1.委员会第九十届会议于2036年3月在维也纳举行。\n"
        "2.委员会在2036年3月14日第1次会议上通过了临时议程。\n"
    )
    found = Extractor().extract(document)
    labels = {e.label_zh for e in found.of_type(EntityType.MEETING)}
    assert "麻醉药品委员会第1次会议" in labels


def test_sustainable_at_the_start_of_a_name_is_no_modal_verb(extract):
    found = extract("可持续能源委员会通过了关于甲烷管理的指导。")
    assert names(found, EntityType.ORGANIZATION) == ["可持续能源委员会"]


def test_a_body_found_by_its_head_holds_the_session_named_with_its(extract):
    found = extract("内陆运输委员会在其第八十五届会议上通过了《道路交通安全全球计划》。")
    assert names(found, EntityType.MEETING) == ["内陆运输委员会第八十五届会议"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("我们谨代表海洋之友小组写信。", ["海洋之友小组"]),
        ("各国之友小组发表了声明。", []),  # States' friends: no group named
    ],
)
def test_a_group_of_friends_is_named_by_what_it_befriends(extract, sentence, expected):
    assert names(extract(sentence), EntityType.ORGANIZATION) == expected


def test_a_summit_a_body_held_is_its_numbered_summit(extract):
    found = extract(
        "之友小组欢迎不结盟运动在2035年于坎帕拉举行的第十九次首脑会议上通过的最后文件。"
    )
    assert names(found, EntityType.MEETING) == ["不结盟运动第十九次首脑会议"]


def test_a_boards_numbered_title_is_a_decision():
    from kg.reader import parse_document

    document = parse_document(
        "联合国儿童基金会\n执行局\n2036年年度会议\n"
        "2036/8.儿基会人道主义行动年度报告\n执行局\n1.注意到该报告；\n"
    )
    found = Extractor().extract(document)
    assert [e.key for e in found.of_type(EntityType.RESOLUTION)] == ["decision/unicef-board-2036-8"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("安全理事会在审议“西非和平与安全”项目时发表了声明。", []),  # an agenda item
        ("儿基会启动了“好东西互联网”项目。", ["好东西互联网"]),
    ],
)
def test_a_quoted_agenda_item_is_no_project(extract, sentence, expected):
    assert names(extract(sentence), EntityType.PROGRAMME) == expected


def test_a_work_cited_with_place_and_year_is_a_publication(extract):
    found = extract(
        "见国际劳工组织，“非正规经济中的体面工作：十年回顾”(日内瓦，2031年)，第4页。"
        "另见世卫组织，“审查全球结核病防治方案”(2030年)；"
        "“多重危机”（polycrisis）一词。"
    )
    publications = {e.label_zh for e in found.of_type(EntityType.PUBLICATION)}
    assert publications == {"非正规经济中的体面工作：十年回顾", "审查全球结核病防治方案"}


def test_a_cited_meeting_page_keeps_its_meeting(extract):
    found = extract(
        "见世卫组织，“结核病问题工作队第十次会议，2031年3月8日至10日”(2031年，日内瓦)。"
    )
    assert {e.type for e in found.entities.values()} >= {
        EntityType.PUBLICATION,
        EntityType.MEETING,
    }


def test_a_main_title_names_the_work_cited_in_full_before(extract):
    found = extract(
        "见劳工组织，“体面工作：十年回顾――2021-2030年劳动世界”(日内瓦，2031年)，第4页。\n\n"
        "劳工组织，《体面工作：十年回顾》，第6页。"
    )
    (work,) = found.of_type(EntityType.PUBLICATION)
    assert {m.text for m in work.mentions} == {
        "体面工作：十年回顾――2021-2030年劳动世界",
        "《体面工作：十年回顾》",
    }


def test_a_bodys_report_of_a_year_is_a_publication_naming_the_body(extract):
    found = extract(
        "海洋问题独立工作队2031年报告提出了建议。开发署2030年年度报告指出。日本2031年报告了进展。"
    )
    assert names(found, EntityType.PUBLICATION) == [
        "海洋问题独立工作队2031年报告",
        "联合国开发计划署2030年年度报告",
    ]
    assert "海洋问题独立工作队" in names(found, EntityType.ORGANIZATION)


def test_confidence_building_measures_are_one_term_of_a_name(extract):
    found = extract("透明度和建立信任措施政府专家组提交了报告。")
    assert names(found, EntityType.ORGANIZATION) == ["透明度和建立信任措施政府专家组"]


def test_a_kind_of_body_named_by_two_topics_is_one_body(extract):
    found = extract("多样性与包容性工作队由副执行主任担任主席。该署支持跨界和次区域举措。")
    assert names(found, EntityType.ORGANIZATION) == ["多样性与包容性工作队"]
    assert names(found, EntityType.PROGRAMME) == []


def test_an_agencys_strategy_written_after_its_name_and_de(extract):
    found = extract("人口基金的残疾包容战略已获通过。人口基金的新战略也是如此。")
    assert names(found, EntityType.PROGRAMME) == ["残疾包容战略"]


def test_a_report_is_named_with_its_authors_whole_title(extract):
    found = extract(
        "秘书长转递世界卫生组织总干事关于海洋疾病问题机构间工作队的报告。"
        "理事会注意到副秘书长兼联合国促进性别平等和增强妇女权能署执行主任关于海洋问题的报告。"
    )
    mentions = {m.text for e in found.of_type(EntityType.PUBLICATION) for m in e.mentions}
    assert mentions == {
        "世界卫生组织总干事关于海洋疾病问题机构间工作队的报告",
        "副秘书长兼联合国促进性别平等和增强妇女权能署执行主任关于海洋问题的报告",
    }


def test_a_post_named_as_its_office_is_the_reports_author():
    from kg.reader import parse_document

    document = parse_document(
        "经济及社会理事会\n2031年届会\n议程项目19\n海洋权利\n联合国人权事务高级专员的报告\n"
        "1. 本报告概述了与海洋权利有关的挑战。\n"
    )
    found = Extractor().extract(document)
    (report,) = found.of_type(EntityType.PUBLICATION)
    assert "联合国人权事务高级专员的报告" in {m.text for m in report.mentions}


def test_an_independent_mechanism_and_a_fact_finding_mission_are_named_whole(extract):
    found = extract("注意到独立调查缅甸问题机制的工作，以及联合国缅甸问题实况调查团的报告。")
    assert names(found, EntityType.PROGRAMME) == ["独立调查缅甸问题机制"]
    assert "联合国缅甸问题实况调查团" in names(found, EntityType.ORGANIZATION)


def test_a_unit_named_by_the_threats_it_works_on_is_a_body(extract):
    found = extract("本次级方案由有组织犯罪和非法贩运处负责执行。腐败和经济犯罪处提供了支持。")
    assert names(found, EntityType.ORGANIZATION) == ["有组织犯罪和非法贩运处", "腐败和经济犯罪处"]


def test_a_titled_text_adopted_or_endorsed_is_an_instrument(extract):
    found = extract(
        "委员会核可了2031年4月14日通过的《海洋资源管理原则和要求》。"
        "本节通过《2031年人道主义行动呼吁：冲突和流离失所》中阐述的视角介绍工作。"
    )
    assert names(found, EntityType.INSTRUMENT) == ["海洋资源管理原则和要求"]
    assert names(found, EntityType.PUBLICATION) == ["2031年人道主义行动呼吁：冲突和流离失所"]


def test_a_transliterated_name_keeps_the_part_before_its_dot(extract):
    found = extract("科菲·安南基金会与开发署合作。达格·哈马舍尔德基金会发布了报告。")
    assert {"科菲·安南基金会", "达格·哈马舍尔德基金会"} <= set(
        names(found, EntityType.ORGANIZATION)
    )


def test_a_report_of_a_year_is_named_with_its_year(extract):
    found = extract("根据2031年世界海洋状况报告，渔获量下降。见2030年全球金融稳定报告。")
    assert names(found, EntityType.PUBLICATION) == [
        "2030年全球金融稳定报告",
        "2031年世界海洋状况报告",
    ]


def test_a_plan_with_its_period_after_it_is_named_whole(extract):
    found = extract("在莫桑比克，儿基会制定了社区恢复和复原计划（2031-2033年），这是一个新方法。")
    assert names(found, EntityType.PROGRAMME) == ["社区恢复和复原计划（2031-2033年）"]


def test_objects_sharing_a_trafficking_verb_are_threats_of_their_own(extract):
    found = extract("恐怖主义活动增加，包括贩运人口、武器和毒品。")
    assert keys(found, EntityType.THREAT) == sorted(
        ["threat/terrorism", "threat/trafficking-in-persons", "threat/firearms-trafficking",
         "threat/drug-trafficking"]
    )  # fmt: skip
    found = extract("贩运人口和发展问题")  # 贩运发展 is no threat: the list ends
    assert keys(found, EntityType.THREAT) == ["threat/trafficking-in-persons"]


def test_a_head_jieba_glues_to_a_preposition_still_ends_a_name(extract):
    found = extract("恐怖主义预防处在维也纳开展工作。该地区处于冲突之中。")
    assert names(found, EntityType.ORGANIZATION) == ["恐怖主义预防处"]


def test_a_resolutions_quoted_title_names_no_programme(extract):
    for text in (
        "委员会通过了第66/1号决议“促进替代发展作为解决非法作物种植问题的战略”。",
        "委员会通过了题为“促进替代发展作为解决非法作物种植问题的战略”的第66/1号决议。",
    ):
        found = extract(text)
        assert names(found, EntityType.PROGRAMME) == []
        assert len(found.of_type(EntityType.RESOLUTION)) == 1


def test_a_session_of_the_own_body_by_its_bare_head_adopts_in_the_bodys_name():
    from kg.reader import parse_document

    document = parse_document(
        "麻醉药品委员会\n关于第九十届会议的报告\n第一章\n提请理事会注意的事项\n"
        "1. 委员会第九十届会议通过了下列决议：第90/1号决议“加强替代发展”。\n"
    )
    found = Extractor().extract(document)
    (resolution,) = found.of_type(EntityType.RESOLUTION)
    assert resolution.label_zh == "麻醉药品委员会第90/1号决议"


def test_its_yearly_report_is_the_report_of_the_body_named_before(extract):
    found = extract("国际麻醉品管制局在其2030年年度报告中呼吁各国加强管制。")
    assert names(found, EntityType.PUBLICATION) == ["国际麻醉品管制局2030年年度报告"]
    found = extract("各国在其2030年年度报告中说明了进展。")  # no body 其 stands for
    assert names(found, EntityType.PUBLICATION) == []


def test_a_headless_title_before_a_programme_head_is_an_initiative(extract):
    found = extract("鼓励会员国执行《全球就业和社会保护加速器》倡议。")
    assert names(found, EntityType.PROGRAMME) == ["全球就业和社会保护加速器"]
    assert names(found, EntityType.PUBLICATION) == []


def test_money_is_no_programme_but_a_thematic_fund_is(extract):
    found = extract(
        "由此产生的节约也可以为儿基会节省资金。全球人道主义专题资金为应对行动做出了贡献。"
    )
    assert names(found, EntityType.PROGRAMME) == ["全球人道主义专题资金"]
    found = extract("2015-2022年紧急资金趋势")
    assert names(found, EntityType.PROGRAMME) == []
