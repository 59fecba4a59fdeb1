"""Genre rules of issue 13: reports and resolutions of any theme, on sentences written
for these tests in the style of UN Chinese documents (none is taken from a document)."""

import pytest

from kg.nlp.extract import Extractor
from kg.reader import parse_document
from kg.relations.extract import extract_relations


@pytest.fixture(scope="module")
def relate(relate):
    """The (subject, predicate, object) labels the relations of the paragraphs hold."""
    return lambda *paragraphs: relate(*paragraphs)[0]


def pairs(found, predicate):
    return {(s, o) for s, p, o in found if p == predicate}


def test_two_bodies_working_with_a_third_are_partners_of_it_and_of_each_other(relate):
    found = relate("世界卫生组织及联合国儿童基金会正在与肯尼亚和乌干达合作，改进疫苗供应链。")
    partners = pairs(found, "partnerOf")
    assert ("世界卫生组织", "肯尼亚") in partners
    assert ("联合国儿童基金会", "乌干达") in partners
    assert ("世界卫生组织", "联合国儿童基金会") in partners


def test_the_body_that_leads_is_the_partner_of_those_it_works_with(relate):
    found = relate("该项目由世界银行牵头并与国际劳工组织密切合作实施。")
    assert ("世界银行", "国际劳工组织") in pairs(found, "partnerOf")


def test_partners_named_after_an_unnamed_one_or_spelt_out_in_brackets(relate):
    found = relate(
        "联合国开发计划署一直与若干国家(即秘鲁、厄瓜多尔和巴拉圭)就水资源管理开展技术合作。"
    )
    partners = pairs(found, "partnerOf")
    assert {("联合国开发计划署", "秘鲁"), ("联合国开发计划署", "巴拉圭")} <= partners


def test_a_noun_after_two_places_is_no_cooperation(relate):
    found = relate("世界粮食计划署拨款用于弥补马里和尼日尔的重大协调差距。")
    assert not pairs(found, "partnerOf")


def test_member_states_of_a_body_are_not_the_body(relate):
    found = relate("世界卫生组织与联合国会员国一道，倡导加强初级卫生保健。")
    assert not pairs(found, "partnerOf")


def test_co_leading_is_no_with(relate):
    found = relate("欧洲经济委员会正在共同领导关于数据问题的机构间小组。")
    assert not pairs(found, "partnerOf")


def test_a_place_opening_the_sentence_leaves_the_subject_to_the_body(relate):
    found = relate("2022年在也门，世界卫生组织与也门政府合作，修复了多所医院。")
    assert ("世界卫生组织", "也门") in pairs(found, "partnerOf")


def test_a_body_targets_the_places_of_its_country_offices(relate):
    found = relate("联合国开发计划署国家办事处（乍得、马里和尼日尔等）加强了选举支助。")
    assert {("联合国开发计划署", "乍得"), ("联合国开发计划署", "尼日尔")} <= pairs(found, "targets")


def test_an_office_stationed_in_a_place_is_a_target_not_a_seat(relate):
    found = relate("联合国开发计划署修订了驻斐济区域办事处的设置。")
    assert ("联合国开发计划署", "斐济") in pairs(found, "targets")
    assert not pairs(found, "locatedIn")


def test_places_of_a_clause_opening_with_in_are_the_actors_targets(relate):
    found = relate("2021年，在从莫桑比克的洪灾到也门的冲突等背景下，世界粮食计划署扩大了粮食援助。")
    assert {("世界粮食计划署", "莫桑比克"), ("世界粮食计划署", "也门")} <= pairs(found, "targets")


def test_places_listed_after_a_purpose_marker_are_targets(relate):
    found = relate("世界卫生组织还为应对海地霍乱、萨赫勒干旱和也门冲突提供了大量支持。")
    targets = pairs(found, "targets")
    assert {("世界卫生组织", "海地"), ("世界卫生组织", "也门")} <= targets


def test_a_partner_of_the_subject_gets_no_loose_targets(relate):
    found = relate(
        "为了减少乍得和喀麦隆边境地区的脆弱性，世界卫生组织与联合国开发计划署合作，领导了一个项目。"
    )
    targets = pairs(found, "targets")
    assert ("世界卫生组织", "乍得") in targets
    assert ("联合国开发计划署", "乍得") not in targets


def test_zhengzai_and_weihe_are_no_place_markers(relate):
    found = relate("世界卫生组织正在与肯尼亚讨论，这也是为何乌干达提出了请求。")
    assert not pairs(found, "targets")


def test_a_body_acting_at_a_meeting_or_at_councils_takes_part(relate):
    found = relate(
        "世界卫生组织在第七十五届世界卫生大会上重申了承诺。",
        "联合国儿童基金会并在安全理事会、大会和经济及社会理事会等论坛上倡导保护儿童。",
    )
    taking_part = pairs(found, "participatesIn")
    assert ("联合国儿童基金会", "联合国安全理事会") in taking_part
    assert ("联合国儿童基金会", "联合国经济及社会理事会") in taking_part


def test_the_body_that_holds_a_meeting_takes_part_in_it(relate):
    found = relate(
        "在亚洲及太平洋经济社会委员会协助举办的亚太能源论坛第一届会议之后，各国通过了路线图。"
    )
    assert ("亚洲及太平洋经济社会委员会", "亚太能源论坛第一届会议") in pairs(
        found, "participatesIn"
    )


def test_a_body_that_co_leads_groups_is_in_them(relate):
    found = relate("欧洲经济委员会正在共同领导关于数据问题的机构间工作组以及可持续发展统计工作组。")
    taking_part = {o for s, o in pairs(found, "participatesIn") if s == "欧洲经济委员会"}
    assert taking_part == {"关于数据问题的机构间工作组", "可持续发展统计工作组"}


def test_the_bodies_that_chair_or_lead_the_groups_after_them_take_part_in_them(relate):
    found = relate(
        "由开发署和人口基金共同主持的性别统计机构间专家组和统计活动协调委员会开展了工作。"
    )
    taking_part = pairs(found, "participatesIn")
    assert taking_part >= {
        ("联合国开发计划署", "性别统计机构间专家组"),
        ("联合国人口基金", "统计活动协调委员会"),
    }
    found = relate("开发署和人口基金支持的性别统计机构间专家组开展了工作。")  # 支持, not 主持
    assert ("联合国开发计划署", "性别统计机构间专家组") not in pairs(found, "participatesIn")


def test_those_raising_or_giving_money_for_a_fund_support_it(relate):
    found = relate("促请开发署和儿基会与其他伙伴合作，为全球教育伙伴关系调动更多资源。")
    backers = {s for s, o in pairs(found, "supports") if o == "全球教育伙伴关系"}
    assert backers == {"联合国开发计划署", "联合国儿童基金会"}
    found = relate("德国和瑞典向全球人道主义专题资金捐款。")
    assert {s for s, _ in pairs(found, "supports")} == {"德国", "瑞典"}
    found = relate("瑞典向联合国儿童基金会捐款。")  # a body given money: donorTo, not supports
    assert pairs(found, "supports") == set()
    assert pairs(found, "donorTo") == {("瑞典", "联合国儿童基金会")}


def test_support_provided_for_a_programme_or_a_meeting_named_before(relate):
    found = relate("日本为全球游戏项目提供了财政支助。")
    assert pairs(found, "supports") == {("日本", "全球游戏项目")}
    found = relate("世界卫生组织举办了全球酒精政策会议。开发署为该会议提供了支持。")
    assert pairs(found, "supports") == {("联合国开发计划署", "全球酒精政策会议")}


def test_backing_a_body_that_holds_a_meeting_backs_the_meeting(relate):
    found = relate("开发署支持非洲联盟委员会为其成员国举办预防犯罪问题高级别研讨会。")
    assert pairs(found, "supports") == {
        ("联合国开发计划署", "非洲联盟委员会"),
        ("联合国开发计划署", "预防犯罪问题高级别研讨会"),
    }


def test_co_subjects_working_with_others_or_holding_an_event_for_them_are_partners(relate):
    found = relate("自那时以来，世卫组织和开发署一直与各国政府合作。")
    assert ("世界卫生组织", "联合国开发计划署") in pairs(found, "partnerOf")
    found = relate("2031年4月6日，世卫组织和难民署为所有成员举办了研讨会。")
    assert ("世界卫生组织", "联合国难民事务高级专员办事处") in pairs(found, "partnerOf")
    # those named after 与 work with the subject, not with each other
    found = relate("亚太经社会与欧洲经委会和拉加经委会协作，正在实施一个项目。")
    assert ("欧洲经济委员会", "拉丁美洲和加勒比经济委员会") not in pairs(found, "partnerOf")
    assert ("亚洲及太平洋经济社会委员会", "欧洲经济委员会") in pairs(found, "partnerOf")


def test_every_state_listed_before_with_works_with_the_partner(relate):
    found = relate("加纳和塞内加尔政府与开发署合作，改善了边境管理。")
    assert pairs(found, "partnerOf") == {
        ("加纳", "联合国开发计划署"),
        ("塞内加尔", "联合国开发计划署"),
    }


def test_the_bodies_a_programme_includes_take_part_in_it(relate):
    found = relate(
        "世卫组织领导的全球SAFER倡议于2018年启动。"
        "除世卫组织和开发署外，该倡议还包括全球酒精政策联盟和世界肺脏基金会。"
    )
    members = {s for s, o in pairs(found, "participatesIn") if o == "全球SAFER倡议"}
    assert members == {"世界卫生组织", "联合国开发计划署", "全球酒精政策联盟", "世界肺脏基金会"}


def test_every_host_listed_before_a_meeting_takes_part_in_it(relate):
    found = relate("由葡萄牙和巴西共同主办的预防犯罪问题高级别会议于2031年举行。")
    hosts = {s for s, o in pairs(found, "participatesIn") if o == "预防犯罪问题高级别会议"}
    assert hosts == {"葡萄牙", "巴西"}


def test_the_body_asked_to_cooperate_is_the_partner_not_the_one_asking(relate):
    found = relate("大会请毒品和犯罪问题办公室继续与世界卫生组织合作，预防艾滋病毒。")
    assert pairs(found, "partnerOf") == {("联合国毒品和犯罪问题办公室", "世界卫生组织")}
    found = relate("大会敦促各国政府与联合国毒品和犯罪问题办公室合作。")  # those asked go unnamed
    assert pairs(found, "partnerOf") == set()


def test_a_clause_looking_back_to_a_meeting_names_what_it_adopted(relate):
    found = relate("2031年6月，大会举行了关于预防犯罪问题的高级别会议，会上通过了《政治宣言》。")
    assert pairs(found, "adopts") == {("关于预防犯罪问题的高级别会议", "政治宣言")}
    found = relate("2031年6月举行了预防犯罪问题高级别会议，上述《政治宣言》得到讨论。")
    assert pairs(found, "adopts") == set()


def test_bodies_that_jointly_convene_or_lead_a_group_all_take_part_in_it(relate):
    found = relate("欧洲经济委员会和开发署正在共同领导关于数据问题的机构间工作组。")
    leaders = {s for s, o in pairs(found, "participatesIn") if o == "关于数据问题的机构间工作组"}
    assert leaders == {"欧洲经济委员会", "联合国开发计划署"}
    found = relate("开发署与世卫组织共同召集了卫生与法律问题全球委员会。")
    leaders = {s for s, o in pairs(found, "participatesIn") if o == "卫生与法律问题全球委员会"}
    assert leaders == {"联合国开发计划署", "世界卫生组织"}


def test_states_listed_as_subjects_each_work_on_what_they_protect_people_from(relate):
    found = relate("科特迪瓦、科索沃和尼泊尔通过了立法，以更好地保护妇女免受家庭暴力。")
    assert {s for s, o in pairs(found, "worksOn") if o == "家庭暴力"} == {"科特迪瓦", "尼泊尔"}


def test_what_a_body_puts_first_is_what_it_works_on(relate):
    found = relate("报告确认，预防和应对性剥削和性虐待以及性骚扰仍然是妇女署的优先事项。")
    assert {o for s, o in pairs(found, "worksOn")} == {"性剥削和性虐待", "性骚扰"}
    found = relate("腐败问题严重，打击洗钱是毒品和犯罪问题办公室的工作重点。")  # its clause only
    assert {o for s, o in pairs(found, "worksOn")} == {"洗钱"}


def test_contributing_to_bodies_or_serving_as_their_secretariat_is_taking_part(relate):
    found = relate("开发署为性别统计机构间专家组和统计活动协调委员会作出了贡献。")
    assert {o for s, o in pairs(found, "participatesIn")} == {
        "性别统计机构间专家组",
        "统计活动协调委员会",
    }
    found = relate("妇女署担任主要执行机制的秘书处，包括安全理事会非正式专家组。")
    assert ("联合国促进性别平等和增强妇女权能署", "联合国安全理事会非正式专家组") in pairs(
        found, "participatesIn"
    )
    found = relate("开发署为世卫组织的禁烟方案作出了贡献。")  # the owner of what is helped
    assert pairs(found, "participatesIn") == set()


def test_a_government_named_with_a_body_acts_with_it(relate):
    found = relate("妇女署与拉加经委会和阿根廷政府合作，共同举办了第十五届海洋问题区域会议。")
    hosts = {s for s, o in pairs(found, "participatesIn") if o == "第十五届海洋问题区域会议"}
    assert hosts == {"联合国促进性别平等和增强妇女权能署", "拉丁美洲和加勒比经济委员会", "阿根廷"}


def test_an_anaphor_with_no_name_before_it_stands_for_one_of_the_paragraph_before(relate):
    found = relate(
        "2031年启动了无烟草农场倡议，由世卫组织牵头。",
        "该倡议已在肯尼亚启动，不久将在赞比亚投入运作。",
        "此外，该倡议还在乌干达开展了工作。",
        "开发署启动了沿海渔业倡议。该倡议在斐济开展。",  # its own paragraph's initiative
    )
    places = {o for s, o in pairs(found, "targets") if s == "无烟草农场倡议"}
    assert places == {"肯尼亚", "赞比亚", "乌干达"}
    assert ("沿海渔业倡议", "斐济") in pairs(found, "targets")


def test_a_second_anaphor_stands_for_what_the_first_stood_for(relate):
    found = relate(
        "谨转递在杜尚别举行的中亚国家禁毒部长级会议通过的宣言。",
        "会议由塔吉克斯坦政府主办，哈萨克斯坦的部长和上海合作组织的代表出席了会议。",
    )
    taking_part = {s for s, o in pairs(found, "participatesIn") if o == "中亚国家禁毒部长级会议"}
    assert taking_part == {"塔吉克斯坦", "哈萨克斯坦", "上海合作组织"}


def test_the_helper_and_the_body_helped_both_act_in_the_place(relate):
    found = relate(
        "在世界粮食计划署（粮食署）的支持下，难民署向孟加拉国的罗兴亚难民提供了粮食援助。"
    )
    assert {s for s, o in pairs(found, "targets") if o == "孟加拉国"} == {
        "世界粮食计划署", "联合国难民事务高级专员办事处"
    }  # fmt: skip


def test_the_bodies_a_programme_is_run_with_run_it(relate):
    found = relate(
        "在卢旺达，农村妇女通过与粮食及农业组织(粮农组织)、国际农业发展基金(农发基金)和"
        "世界粮食计划署(粮食署)共同实施的增强农村妇女经济权能联合方案获得了援助。"
    )
    assert {s for s, _ in pairs(found, "implements")} == {
        "联合国粮食及农业组织", "国际农业发展基金", "世界粮食计划署"
    }  # fmt: skip
    assert not {s for s, o in pairs(found, "targets") if o == "卢旺达"} - {
        "增强农村妇女经济权能联合方案"
    }  # the bodies listed after 与 are no subject acting in Rwanda


def test_a_regional_commissions_ministerial_session_and_its_outcomes(relate):
    found = relate(
        "西亚经社会第三十二届部长级会议于2024年6月在贝鲁特举行，"
        "通过了《贝鲁特共识》以及关于数字转型的第345(XXXII)号决议。",
        "会议选举约旦为主席，选举摩洛哥和突尼斯为副主席。",
        "西亚经社会与环境署和开发署共同管理阿拉伯区域可持续发展论坛。",
    )
    adopted = pairs(found, "adopts")
    assert ("西亚经社会第三十二届部长级会议", "贝鲁特共识") in adopted  # 共识: an outcome
    assert ("西亚经济社会委员会", "西亚经济社会委员会第345 (XXXII)号决议") in adopted
    taking_part = pairs(found, "participatesIn")
    session = "西亚经社会第三十二届部长级会议"
    assert {("约旦", session), ("摩洛哥", session), ("突尼斯", session)} <= taking_part
    forum = "阿拉伯区域可持续发展论坛"  # 共同管理: the verb stays out of the name
    assert {s for s, o in taking_part if o == forum} == {
        "西亚经济社会委员会", "联合国环境规划署", "联合国开发计划署"
    }  # fmt: skip


def test_programmes_a_crime_report_names_and_what_they_do(relate):
    found = relate(
        "通过全球打击人口贩运和偷运移民行动（GLO.ACT），毒品和犯罪问题办公室在13个伙伴国家"
        "加强了刑事司法对策。",
        "毒品和犯罪问题办公室的全球打击网络犯罪方案协助萨尔瓦多和洪都拉斯建立了实验室。",
        "全球反腐败执法机构业务网络目前有121个成员国，毒品和犯罪问题办公室担任其秘书处。",
    )
    unodc = "联合国毒品和犯罪问题办公室"
    # 行动 names a programme only with its short form after it; the sentence opens with it
    assert (unodc, "全球打击人口贩运和偷运移民行动") in pairs(found, "implements")
    programme = "全球打击网络犯罪方案"  # the body's programme acts in the places
    assert {o for s, o in pairs(found, "targets") if s == programme} == {"萨尔瓦多", "洪都拉斯"}
    assert (unodc, "全球反腐败执法机构业务网络") in pairs(found, "participatesIn")


def test_the_countries_of_a_region_an_act_is_set_in(relate):
    found = relate("环境署在亚马孙流域的巴西、哥伦比亚和秘鲁开展了打击非法采矿的项目。")
    assert {o for s, o in pairs(found, "targets") if s == "联合国环境规划署"} >= {
        "巴西", "哥伦比亚", "秘鲁"
    }  # fmt: skip


def test_help_of_a_kind_names_the_body_that_helps_the_place(relate):
    found = relate("在妇女署的技术支持下，阿根廷2031年国家用于促进性别平等的预算有所增加。")
    assert ("联合国促进性别平等和增强妇女权能署", "阿根廷") in pairs(found, "targets")


def test_what_is_supported_is_neither_the_un_nor_the_owner_of_a_text(relate):
    found = relate("妇女署支持批准和执行国际劳工组织的《家庭工人公约》。")
    assert pairs(found, "supports") == set()
    found = relate("妇女署支持联合国国家工作队开展工作。")
    assert pairs(found, "supports") == set()


def test_the_places_a_project_benefits_are_its_targets(relate):
    found = relate("欧洲经委会在中亚开展了能力建设项目，惠及哈萨克斯坦和格鲁吉亚。")
    assert {o for s, o in pairs(found, "targets")} == {"中亚", "哈萨克斯坦", "格鲁吉亚"}


def test_cooperation_between_two_bodies_makes_them_partners(relate):
    found = relate("注意到开发署和世卫组织之间的密切协作，")
    assert pairs(found, "partnerOf") == {("联合国开发计划署", "世界卫生组织")}
    found = relate("巴勒斯坦国和也门的重大协调差距令人关切。")  # a noun, not the two cooperating
    assert pairs(found, "partnerOf") == set()


def test_a_body_said_to_be_anothers_partner_is_its_partner(relate):
    found = relate("欧洲联盟仍然是毒品和犯罪问题办公室的主要伙伴之一。")
    assert pairs(found, "partnerOf") == {("欧洲联盟", "联合国毒品和犯罪问题办公室")}
    found = relate("世界卫生组织是联合国儿童基金会的伙伴关系的成员。")  # a partnership
    assert pairs(found, "partnerOf") == set()


def test_the_body_that_becomes_a_member(relate):
    found = relate("世界卫生组织支持联合国人口基金成为机构间常设委员会的成员。")
    taking_part = pairs(found, "participatesIn")
    assert ("联合国人口基金", "机构间常设委员会") in taking_part
    assert ("世界卫生组织", "机构间常设委员会") not in taking_part


def test_the_members_a_group_of_friends_lists_take_part_in_it(relate):
    found = relate(
        "我们谨代表海洋问题之友小组转递声明。",
        "我们，海洋问题之友小组成员，即斐济、挪威和葡萄牙以及欧洲联盟，重申承诺。",
    )
    members = {s for s, o in pairs(found, "participatesIn") if o == "海洋问题之友小组"}
    assert members == {"斐济", "挪威", "葡萄牙", "欧洲联盟"}


def test_members_listed_for_a_body_or_programme_named_just_before(relate):
    task_force = "联合国预防和控制非传染性疾病机构间工作队"
    for text in (
        f"{task_force}的成员包括开发署、儿基会和世卫组织。",
        f"{task_force}由开发署、儿基会和世卫组织组成。",
    ):
        members = {s for s, o in pairs(relate(text), "participatesIn") if o == task_force}
        assert members == {"联合国开发计划署", "联合国儿童基金会", "世界卫生组织"}
    found = relate("会员国支持巴黎公约倡议，该倡议由阿富汗和巴基斯坦参加。")
    assert {s for s, _ in pairs(found, "participatesIn")} == {"阿富汗", "巴基斯坦"}
    found = relate("联合国艾滋病毒/艾滋病联合规划署的共同赞助者包括开发署和儿基会。")
    assert pairs(found, "supports") == set()  # 赞助者 names the sponsors; it backs nothing
    assert len(pairs(found, "participatesIn")) == 2


def test_a_session_reports_attendance_list(relate):
    found = relate(
        "麻醉药品委员会第六十六届会议于2023年3月13日至17日在维也纳举行。"
        "委员会下列成员国的代表出席了会议：阿富汗、阿根廷和巴西。"
        "下列联合国系统实体派观察员出席了会议：联合国开发计划署、世界卫生组织。"
    )
    session = "麻醉药品委员会第六十六届会议"
    assert {s for s, o in pairs(found, "participatesIn") if o == session} == {
        "麻醉药品委员会", "阿富汗", "阿根廷", "巴西", "联合国开发计划署", "世界卫生组织"
    }  # fmt: skip


def test_takers_listed_after_what_they_take_part_in(relate):
    found = relate("共有58个国家参加了巴黎公约倡议，其中包括阿富汗和巴基斯坦。")
    assert {s for s, _ in pairs(found, "participatesIn")} == {"阿富汗", "巴基斯坦"}
    found = relate("出席全球酒精政策会议的有阿富汗、巴基斯坦和开发署的代表。")
    assert {s for s, _ in pairs(found, "participatesIn")} == {
        "阿富汗", "巴基斯坦", "联合国开发计划署"
    }  # fmt: skip


def test_a_programme_named_in_a_sentence_set_in_a_country_acts_there(relate):
    found = relate(
        "在莫桑比克，儿基会实施了“游戏项目”。",
        "儿基会在全球推广了“学习项目”，其中有莫桑比克的学校。",
    )
    assert ("游戏项目", "莫桑比克") in pairs(found, "targets")
    assert ("学习项目", "莫桑比克") not in pairs(found, "targets")


def test_the_place_a_sentence_is_set_in_supports_nothing(relate):
    found = relate("在肯尼亚，妇女署支持国家统计局进行了调查。")
    assert pairs(found, "supports") == {("联合国促进性别平等和增强妇女权能署", "肯尼亚国家统计局")}


def test_the_body_that_joins_a_body_or_network(relate):
    found = relate(
        "今年，人口基金作为成员加入了机构间常设委员会。",
        "黑山于2006年加入联合国，并加入了《联合国反腐败公约》。",
    )
    taking_part = pairs(found, "participatesIn")
    assert ("联合国人口基金", "机构间常设委员会") in taking_part
    assert ("黑山", "联合国") in taking_part
    assert not any(o == "联合国反腐败公约" for _, o in taking_part)  # an instrument is acceded to


@pytest.mark.parametrize(
    "sentence",
    [
        "人口基金作为人道主义问题工作组的秘书处，协调了各项工作。",
        "作为艾滋病方案的成员和人道主义问题工作组的牵头机构，人口基金提供了支持。",
        "人口基金担任人道主义问题工作组的秘书处。",
    ],
)
def test_the_secretariat_or_lead_agency_of_a_group_takes_part_in_it(relate, sentence):
    assert ("联合国人口基金", "人道主义问题工作组") in pairs(relate(sentence), "participatesIn")


def test_ngos_with_consultative_status_take_part_in_the_council(relate):
    found = relate("一个具有经济及社会理事会咨商地位的“国际水协会”发言。")
    assert ("国际水协会", "联合国经济及社会理事会") in pairs(found, "participatesIn")


def test_a_body_asked_or_helped_to_carry_out_an_instrument(relate):
    found = relate("世界卫生组织将继续协助非洲联盟委员会落实《2063年议程》。")
    assert any(s == "非洲联盟委员会" and p == "implements" for s, p, _ in found)
    assert ("世界卫生组织", "supports", "非洲联盟委员会") in found


def test_a_bodys_part_in_carrying_out_an_instrument(relate):
    found = relate("认识到世界卫生组织等机构为执行《维也纳行动纲领》所采取的步骤，")
    assert any(s == "世界卫生组织" and p == "implements" for s, p, _ in found)


def test_execution_inside_a_bodys_name_is_no_act(relate):
    found = relate("世界卫生组织还协助非洲联盟执行理事会通过《非洲共同立场》。")
    assert not pairs(found, "implements")


def test_a_meeting_named_right_after_its_city_was_held_there(relate):
    found = relate(
        "谨提及2023年3月在日内瓦人权理事会第五十二届会议期间发生的事件。",
        "2022年6月在曼谷和在线上举行了亚洲及太平洋人口会议。",
    )
    held = pairs(found, "heldIn")
    assert ("人权理事会第五十二届会议", "日内瓦") in held
    assert any(o == "曼谷" for _, o in held)


def resolution(*paragraphs: str):
    text = "\n".join(["经济及社会理事会", "2023年届会", "经济及社会理事会，", *paragraphs])
    document = parse_document(text)
    extraction = Extractor().extract(document)
    relations = extract_relations(document, extraction)
    names = {k: e.label_zh for k, e in relations.entities(extraction).items()}
    return {(names[a.subject], a.predicate.value, names[a.object]) for a in relations.assertions}


def test_the_organ_does_not_act_where_the_states_do_or_in_a_title():
    found = resolution(
        "回顾《消除对妇女的暴力行为宣言》，",
        "又认识到会员国必须采取具体措施减少贫困，",
    )
    assert not pairs(found, "worksOn")


def test_a_report_has_no_organ_speaking_in_its_sentences(relate):
    found = relate("确保及时应对了海地的霍乱疫情；")
    assert not pairs(found, "worksOn")


def test_the_thing_named_before_is_funded_by_its_head_noun(relate):
    found = relate("世界卫生组织是全球疫苗伙伴关系的成员，该伙伴关系由挪威政府资助。")
    assert ("挪威", "全球疫苗伙伴关系") in pairs(found, "supports")
    assert not pairs(found, "donorTo")


def test_givers_listed_after_a_colon_support_the_fund(relate):
    found = relate("这归功于向联合国人口基金捐款的新伙伴：瑞典、挪威和丹麦。")
    givers = {s for s, o in pairs(found, "supports")}
    assert givers == {"瑞典", "挪威", "丹麦"}


def test_a_closing_funded_by_clause_funds_the_sentences_subject(relate):
    found = relate(
        "集装箱管制方案在50多个国家开展，由欧洲联盟、日本和挪威供资。",
        "该办公室与集装箱管制方案合作，由挪威负责协调。",
    )
    assert pairs(found, "supports") == {
        ("欧洲联盟", "集装箱管制方案"),
        ("日本", "集装箱管制方案"),
        ("挪威", "集装箱管制方案"),
    }
    found = relate("集装箱管制方案在中亚实施，由俄罗斯联邦提供资金。")
    assert pairs(found, "supports") == {("俄罗斯联邦", "集装箱管制方案")}


def test_the_fund_backing_what_is_launched_is_not_launched(relate):
    found = relate("内陆运输委员会启动了联合国道路安全基金支持的项目。")
    assert not pairs(found, "implements")


def test_the_body_before_a_dated_titled_resolution_adopts_it_and_its_title(relate):
    found = relate(
        "回顾大会2015年9月25日题为“变革我们的世界：2030年可持续发展议程”的第70/1号决议，",
        "回顾经济及社会理事会1996年7月25日关于联合国与非政府组织之间咨商关系的第1996/31号决议，",
    )
    adopted = pairs(found, "adopts")
    assert any(s == "联合国大会" and "70/1" in o for s, o in adopted)
    assert any(s == "联合国大会" and "2030" in o for s, o in adopted)
    assert any(s == "联合国经济及社会理事会" and "1996/31" in o for s, o in adopted)
    assert not any(s == "联合国" for s, o in adopted)


def test_a_programme_acting_itself_targets_its_places(relate):
    found = relate("2022年，全球疫苗免疫联盟倡议在肯尼亚、柬埔寨和索马里等试点国家推广。")
    targets = {o for s, o in pairs(found, "targets")}
    assert {"肯尼亚", "柬埔寨", "索马里"} <= targets


def test_a_body_named_after_the_place_it_deals_with_targets_it(relate):
    found = relate("海地问题特设咨询小组提交了报告。")
    assert ("海地问题特设咨询小组", "海地") in pairs(found, "targets")


def test_a_threat_answered_in_an_opening_clause_is_the_subjects_work(relate):
    found = relate("为了应对2022年萨赫勒地区的干旱，世界粮食计划署提供了一系列援助。")
    assert ("世界粮食计划署", "干旱") in pairs(found, "worksOn")


def test_a_threat_of_an_opening_clause_with_its_own_actor_is_not(relate):
    found = relate("在世界卫生组织应对霍乱的同时，世界粮食计划署提供了粮食援助。")
    assert ("世界粮食计划署", "霍乱") not in pairs(found, "worksOn")


def test_a_counted_class_of_bodies_is_no_partner(relate):
    found = relate("在尼日尔，联合国人口基金与60个非政府组织和世界卫生组织合作，加强了服务。")
    partners = pairs(found, "partnerOf")
    assert ("联合国人口基金", "世界卫生组织") in partners
    assert len(partners) == 1


def test_a_partner_named_with_yu_is_no_second_subject_of_a_later_yu(relate):
    found = relate(
        "各国使用了通过联合国人口基金与世界卫生组织联合方案制定的准则，以及与国际劳工组织共同制定的指南。"
    )
    assert ("世界卫生组织", "国际劳工组织") not in pairs(found, "partnerOf")


def test_the_organ_takes_part_in_the_plenary_meeting_that_closes_its_resolution():
    found = resolution("决定在2024年届会上继续审议这一问题。", "第26次全体会议")
    plenary = "联合国经济及社会理事会第26次全体会议"  # named by its body in every document
    assert ("联合国经济及社会理事会", plenary) in pairs(found, "participatesIn")


def test_a_body_taking_part_in_a_campaign_against_a_threat_works_on_it(relate):
    found = relate("世界卫生组织参与了霍乱疫苗接种活动。")
    assert ("世界卫生组织", "霍乱") in pairs(found, "worksOn")


def test_regions_a_meeting_is_held_for_are_no_venues(relate):
    found = relate("世界卫生组织在日内瓦为东非和萨赫勒地区举办了一次区域卫生会议。")
    targets = {o for s, o in pairs(found, "targets") if s == "世界卫生组织"}
    assert {"东非", "萨赫勒地区"} <= targets or {"东非", "萨赫勒"} <= targets


def test_a_body_disbursing_from_a_fund_runs_it(relate):
    found = relate("世界粮食计划署拨付了200万美元的全球粮食安全专题资金。")
    assert any(s == "世界粮食计划署" and p == "implements" for s, p, _ in found)


def test_a_body_acting_through_a_programme_runs_it(relate):
    found = relate("请毒品和犯罪问题办公室继续通过阿富汗及邻国区域方案向中亚国家提供技术援助。")
    assert ("联合国毒品和犯罪问题办公室", "阿富汗及邻国区域方案") in pairs(found, "implements")
    found = relate("妇女署通过联合国信托基金、聚光灯倡议和妇女和平与人道主义基金等渠道支付了资金。")
    assert pairs(found, "implements") == {("联合国促进性别平等和增强妇女权能署", "聚光灯倡议")}
    found = relate("赞赏毒品和犯罪问题办公室通过海洋犯罪方案（海洋方案）向各国提供的技术援助，")
    assert ("联合国毒品和犯罪问题办公室", "海洋犯罪方案") in pairs(found, "implements")
    found = relate("粮食署通过其学校供餐方案为200万名儿童提供了餐食。")  # its own, named so
    assert pairs(found, "implements") == {("世界粮食计划署", "学校供餐方案")}
    found = relate("大会通过了全球反恐战略。")  # adopted, not acted through
    assert pairs(found, "implements") == set()


def test_a_programme_or_meeting_said_to_be_run_or_chaired_by_bodies(relate):
    found = relate("西非海岸倡议由毒品和犯罪问题办公室、维持和平行动部和国际刑事警察组织共同实施。")
    assert {s for s, _ in pairs(found, "implements")} == {
        "联合国毒品和犯罪问题办公室", "维持和平行动部", "国际刑事警察组织"
    }  # fmt: skip
    found = relate("欧洲联盟支持全球酒精政策会议。会议由阿富汗和巴基斯坦共同主持。")
    assert pairs(found, "participatesIn") == {
        ("阿富汗", "全球酒精政策会议"), ("巴基斯坦", "全球酒精政策会议")
    }  # fmt: skip
    found = relate("2021年启动了区域海关倡议，由世界海关组织牵头，合作伙伴包括开发署。")
    assert ("世界海关组织", "区域海关倡议") in pairs(found, "implements")
    found = relate("该方案由欧洲联盟资助。")  # funded, not run
    assert pairs(found, "implements") == set()
    found = relate("联合国减少毁林合作方案（联合国REDD+方案）由粮农组织和开发署共同实施。")
    assert {s for s, _ in pairs(found, "implements")} == {
        "联合国粮食及农业组织", "联合国开发计划署"
    }  # fmt: skip
    found = relate("全球艾滋病毒预防联合会由联合国人口基金和世卫组织共同召集，目前有38个成员国。")
    assert pairs(found, "participatesIn") == {
        ("联合国人口基金", "全球艾滋病毒预防联合会"), ("世界卫生组织", "全球艾滋病毒预防联合会")
    }  # fmt: skip


def test_bodies_acting_in_the_frame_of_a_programme_the_sentence_opens_with(relate):
    found = relate(
        "在航空通信项目（AIRCOP）框架内，毒品和犯罪问题办公室与国际刑事警察组织一道，"
        "在贝宁和加纳设立了联合机场拦截工作队。"
    )
    assert {s for s, o in pairs(found, "implements") if o == "航空通信项目"} == {
        "联合国毒品和犯罪问题办公室", "国际刑事警察组织"
    }  # fmt: skip


def test_a_later_clause_with_its_own_actor_says_who_runs_the_programme(relate):
    found = relate("孟加拉国的难民营收容了近100万难民，难民署与国际移民组织共同领导联合应对计划。")
    assert {s for s, _ in pairs(found, "implements")} == {
        "联合国难民事务高级专员办事处",
        "国际移民组织",
    }


def test_the_cosponsors_listed_after_a_body_are_its_members_not_supported_by_it(relate):
    found = relate("艾滋病署及其3个共同赞助组织——包括难民署、儿基会和世界银行——继续协助各国。")
    assert pairs(found, "supports") == set()
    members = {
        s for s, o in pairs(found, "participatesIn") if o == "联合国艾滋病毒/艾滋病联合规划署"
    }
    assert members == {"联合国难民事务高级专员办事处", "联合国儿童基金会", "世界银行"}


def test_bodies_that_found_a_body_together_take_part_in_it(relate):
    found = relate("世卫组织、开发署和儿基会于2021年设立了联合国防治疟疾多伙伴信托基金。")
    assert {s for s, _ in pairs(found, "participatesIn")} == {
        "世界卫生组织", "联合国开发计划署", "联合国儿童基金会"
    }  # fmt: skip
    found = relate("大会设立了预防犯罪和刑事司法委员会。")  # one body sets up another
    assert pairs(found, "participatesIn") == set()


def test_a_body_that_asks_others_to_give_gives_nothing(relate):
    found = relate("开发署鼓励会员国继续为西非区域方案提供自愿捐款。")
    assert pairs(found, "supports") == set()
    found = relate("开发署为西非区域方案提供了捐款。")
    assert pairs(found, "supports") == {("联合国开发计划署", "西非区域方案")}


SUMMARY_FRONT = (
    "联合国人口与发展委员会主持召开的人口问题区域论坛\n"
    "2024年3月4日至6日\n"
    "人口与发展委员会主席关于人口问题区域论坛的总结\n"
    "一．\n导言\n"
)


@pytest.fixture(scope="module")
def relate_document():
    extractor = Extractor()

    def run(front: str, *paragraphs: str):
        body = "\n".join(f"{n}. {p}" for n, p in enumerate(paragraphs, start=1))
        document = parse_document(front + body)
        extraction = extractor.extract(document)
        relations = extract_relations(document, extraction)
        names = {k: e.label_zh for k, e in relations.entities(extraction).items()}
        return {
            (names[a.subject], a.predicate.value, names[a.object]) for a in relations.assertions
        }

    return run


def test_the_participants_of_a_summarised_meeting_speak_for_it(relate_document):
    found = relate_document(
        SUMMARY_FRONT,
        "与会者对一些地区粮食不安全加剧和极端贫困表示关切。",
        "与会者强调必须消除对妇女的暴力行为。",
    )
    works = pairs(found, "worksOn")
    assert ("人口问题区域论坛", "粮食不安全") in works
    assert ("人口问题区域论坛", "暴力侵害妇女") in works


def test_a_speaker_on_their_own_country_speaks_not_for_the_meeting(relate_document):
    found = relate_document(SUMMARY_FRONT, "许多发言者介绍了本国应对气候变化的措施。")
    assert not pairs(found, "worksOn")


def test_participants_speak_for_no_meeting_outside_a_summary(relate_document):
    found = relate_document("", "与会者强调必须消除对妇女的暴力行为。")
    assert not pairs(found, "worksOn")


def test_the_forum_of_a_summary_is_the_summarised_meeting_and_its_convener_takes_part(
    relate_document,
):
    found = relate_document(SUMMARY_FRONT, "人口与发展委员会3月主持召开的论坛审议了移民问题。")
    assert ("人口与发展委员会", "人口问题区域论坛") in pairs(found, "participatesIn")


def test_partners_of_a_cooperation_act_jointly_where_a_joint_word_follows(relate):
    found = relate(
        "世界卫生组织与联合国儿童基金会和联合国人口基金合作，在世界卫生大会第七十六届会议上"
        "共同发起全球母婴健康倡议。"
    )
    assert ("联合国人口基金", "全球母婴健康倡议") in pairs(found, "implements")
    assert ("联合国儿童基金会", "世界卫生大会第七十六届会议") in pairs(found, "participatesIn")


def test_a_body_at_a_meeting_named_with_its_date_after_at(relate):
    found = relate("联合国开发计划署在2023年5月举行的第三届南南合作部长级会议上介绍了其经验。")
    assert ("联合国开发计划署", "第三届南南合作部长级会议") in pairs(found, "participatesIn")


def test_bodies_acting_at_the_meeting_a_sentence_opens_at_take_part(relate):
    found = relate("在人权理事会第五十二届会议期间，儿基会和开发署组织了一次会外活动。")
    takers = {s for s, o in pairs(found, "participatesIn") if o == "人权理事会第五十二届会议"}
    assert {"联合国儿童基金会", "联合国开发计划署"} <= takers


def test_what_is_adopted_at_a_meeting_the_sentence_opens_with_the_meeting_adopts(relate):
    found = relate("在第二次非洲海洋治理部长级会议上，与会国家通过了《达喀尔海洋宣言》。")
    assert ("第二次非洲海洋治理部长级会议", "达喀尔海洋宣言") in pairs(found, "adopts")


def test_a_meeting_adopts_the_text_written_after_it_with_its_title(relate):
    found = relate("回顾在开罗举行的国际人口与发展会议题为“行动纲领”的成果文件。")
    assert any(s == "国际人口与发展会议" for s, _ in pairs(found, "adopts"))


def test_a_body_after_the_states_that_open_the_sentence_is_not_its_subject(relate):
    found = relate("在这方面，有关国家应支持联合国开发计划署打击腐败的工作。")
    assert not pairs(found, "worksOn")


def test_a_body_named_as_the_author_of_resolutions_is_not_the_actor(relate):
    found = relate("安全理事会相关决议为打击恐怖主义的国际努力奠定了基础。")
    assert not pairs(found, "worksOn")


def test_a_council_a_body_has_status_with_is_not_the_actor(relate):
    found = relate("一个具有经济及社会理事会咨商地位的非政府组织在会上谈到了腐败问题的调查。")
    assert ("经济及社会理事会", "腐败") not in pairs(found, "worksOn")


def test_a_body_that_decides_is_still_the_actor(relate):
    found = relate("麻醉药品委员会决定在其第六十届会议期间举行一次专题辩论。")
    assert ("麻醉药品委员会", "麻醉药品委员会第六十届会议") in pairs(found, "participatesIn")


def test_a_session_held_somewhere_is_the_session_of_the_body_before_it(relate):
    found = relate("统计委员会于2031年3月在纽约举行的第六十二届会议核可了该框架。")
    assert ("统计委员会第六十二届会议", "纽约") in pairs(found, "heldIn")
    assert ("统计委员会", "统计委员会第六十二届会议") in pairs(found, "participatesIn")


def test_a_lettered_decision_is_adopted_at_the_session_its_number_names(relate):
    found = relate("欧洲经济委员会在2031年3月于日内瓦举行的第七十八届会议上通过了K (78)号决定。")
    assert ("欧洲经济委员会第七十八届会议", "欧洲经济委员会K (78)号决定") in pairs(found, "adopts")


def test_an_armed_group_commits_a_threat_and_does_not_work_on_it(relate):
    found = relate(
        "博科圣地在尼日利亚发动恐怖袭击，并参与贩毒。毒品和犯罪问题办公室协助尼日利亚打击恐怖主义。"
    )
    assert not {s for s, _ in pairs(found, "worksOn") | pairs(found, "targets")} & {"博科圣地"}
    assert ("联合国毒品和犯罪问题办公室", "恐怖主义") in pairs(found, "worksOn")


def test_a_state_acting_under_a_convention_carries_it_out(relate):
    found = relate("挪威依照《联合国海洋法公约》划定了大陆架外部界限。")
    assert ("挪威", "联合国海洋法公约") in pairs(found, "implements")


def test_the_funder_of_unnamed_projects_a_body_carries_out_supports_it(relate):
    found = relate("在世界粮食计划署正在实施由欧洲联盟资助的项目的地区，营养状况有所改善。")
    assert ("欧洲联盟", "世界粮食计划署") in pairs(found, "supports")


def test_the_fund_places_received_money_from_acts_in_them(relate):
    found = relate("在马里、尼日尔和乍得，抗旱应对行动都从中央应急基金获得了大笔拨款。")
    targets = {o for _, o in pairs(found, "targets")}
    assert {"马里", "尼日尔", "乍得"} <= targets


def test_the_largest_recipient_of_a_funds_money_is_funded_by_it(relate):
    found = relate("世界粮食计划署仍然是中央应急基金资金的最大接受者。")
    assert ("中央应急基金", "世界粮食计划署") in pairs(found, "donorTo")


def test_the_partners_of_whose_managers_a_body_speaks_are_no_cooperation(relate):
    found = relate(
        "世界粮食计划署已开始与联合国难民事务高级专员公署和其他合作伙伴的负责人进行讨论。"
    )
    assert not pairs(found, "partnerOf")


def test_parts_of_the_un_are_not_the_un_acting(relate):
    found = relate("联合国系统各实体继续支持各国应对气候变化。")
    assert ("联合国", "气候变化") not in pairs(found, "worksOn")
    found = relate("联合国国际合作打击有组织犯罪")  # a resolution's title: 联合国 qualifies
    assert not pairs(found, "worksOn")


def test_a_cited_source_does_not_act(relate):
    found = relate("见世界卫生组织，《应对非传染性疾病的挑战》，2019年，日内瓦。")
    assert not pairs(found, "worksOn")


def test_members_of_an_unnamed_platform_are_not_members_of_the_body_before(relate):
    found = relate("在秘鲁，联合国人口基金帮助扩大了青年领导人网络的成员。")
    assert ("秘鲁", "联合国人口基金") not in pairs(found, "participatesIn")


def test_a_body_in_an_adverbial_after_a_span_of_years_is_not_the_subject(relate):
    found = relate("2021-2022年，通过欧洲联盟的资助，世界卫生组织向乌干达提供了技术支持。")
    targets = pairs(found, "targets")
    assert ("世界卫生组织", "乌干达") in targets
    assert ("欧洲联盟", "乌干达") not in targets


def test_a_meeting_held_at_a_place_written_after_yu(relate):
    found = relate(
        "联合国环境规划署在2022年3月2日于内罗毕举行的联合国环境大会第五届会议上介绍了新战略。"
    )
    assert any(o == "内罗毕" for _, o in pairs(found, "heldIn"))
    assert any(s == "联合国环境规划署" for s, _ in pairs(found, "participatesIn"))


def test_the_unsigned_messages_of_a_summary_are_the_meetings(relate_document):
    found = relate_document(SUMMARY_FRONT, "消除贫困和防止冲突仍然是最高优先事项。")
    works = pairs(found, "worksOn")
    assert ("人口问题区域论坛", "贫困") in works


def test_another_meetings_work_in_a_summary_is_not_the_summarised_ones(relate_document):
    found = relate_document(SUMMARY_FRONT, "世界社会发展首脑会议需要作出减少贫困的承诺。")
    assert ("人口问题区域论坛", "贫困") not in pairs(found, "worksOn")


def test_a_decision_opening_with_its_organ_and_verb_on_one_line_speaks_for_it(relate_document):
    found = relate_document(
        "经济及社会理事会\n2024年届会\n经济及社会理事会，回顾其以往关于道路安全的各项决议，\n",
        "请秘书长在题为“社会和人权问题”的项目中题为“贩运人口”的分项下提交一份报告。",
    )
    assert ("联合国经济及社会理事会", "贩运人口") in pairs(found, "worksOn")


def test_a_resolution_containing_an_instrument_adopts_it_with_its_body(relate_document):
    found = relate_document("大会，", "重申其2031年1月1日载有《海洋权利宪章》的第90/1号决议，")
    assert ("联合国大会", "海洋权利宪章") in pairs(found, "adopts")


def test_a_body_before_its_numbered_resolution_in_words_is_its_author(relate):
    found = relate("安全理事会第一项决议为打击恐怖主义奠定了基础。")
    assert not pairs(found, "worksOn")


def test_a_threat_in_the_name_of_a_body_beside_the_subject_is_no_ones_work(relate):
    # neither the bodies listed beside it nor the body its name belongs to (gold conventions)
    found = relate("四个实体(西亚经济社会委员会、反恐怖主义办公室和儿基会)设定了财务目标。")
    assert not pairs(found, "worksOn")


SESSION_REPORT_FRONT = (
    "世界卫生组织执行委员会\n第一百五十四届会议\n2024年1月22日至27日，日内瓦\n"
    "执行委员会第一百五十四届会议报告\n一．\n导言\n"
)


def test_the_states_whose_representatives_speak_in_a_sessions_report_take_part(
    relate_document,
):
    found = relate_document(
        SESSION_REPORT_FRONT,
        "巴西代表以77国集团的名义发言，欢迎这项倡议。",
        "挪威代表团介绍了该国的供资情况。",
        "各代表团强调了合作的重要性。",
    )
    taking_part = {s for s, o in pairs(found, "participatesIn") if "第一百五十四届会议" in o}
    assert {"巴西", "77国集团", "挪威"} <= taking_part


def test_a_report_written_for_a_session_summarises_none(relate_document):
    front = "大会\n第七十九届会议\n提交大会第七十九届会议的报告\n一．\n导言\n"
    found = relate_document(front, "巴西代表以77国集团的名义发言。")
    in_session = {s for s, o in pairs(found, "participatesIn") if "第七十九届会议" in o}
    assert not in_session & {"巴西", "77国集团"}
    assert ("巴西", "77国集团") in pairs(found, "participatesIn")  # the group it speaks for


def test_the_programme_a_sentence_opens_with_as_its_means_acts_in_the_places(relate):
    found = relate(
        "2020年，通过日本资助的青年就业方案提供了援助，向非洲(马里和乍得)和加勒比国家(牙买加)"
        "提供培训。"
    )
    targets = {o for s, o in pairs(found, "targets") if s == "青年就业方案"}
    assert {"非洲", "马里", "乍得", "加勒比", "牙买加"} <= targets


def test_countries_bracketed_after_a_region_go_with_it(relate):
    found = relate("开发署向非洲(马里、尼日尔和乍得)提供了援助。")
    assert {"非洲", "马里", "尼日尔", "乍得"} <= {o for _, o in pairs(found, "targets")}
    found = relate("开发署在非洲开展工作，(马里代表团)表示欢迎。")
    assert "马里" not in {o for _, o in pairs(found, "targets")}


def test_the_writers_of_a_letter_take_part_in_the_session_it_is_circulated_for(
    relate_document,
):
    found = relate_document(
        "2023年5月2日下列国家常驻联合国代表给秘书长的信：智利、秘鲁和哥伦比亚\n",
        "我们谨提请注意安第斯地区的水资源问题。",
        "请将本函作为大会第七十八届会议议程项目19下的文件分发为荷。",
    )
    taking_part = {s for s, o in pairs(found, "participatesIn") if o.endswith("大会第七十八届会议")}
    assert {"智利", "秘鲁", "哥伦比亚"} <= taking_part


def test_a_letter_circulated_to_a_body_names_no_meeting_its_writer_takes_part_in(
    relate_document,
):
    found = relate_document(
        "2023年2月7日牙买加常驻联合国代表给经济及社会理事会主席的信\n",
        "谨告知牙买加政府希望加入该小组。",
        "请将本函分发给经济及社会理事会成员为荷。",
    )
    assert not [o for s, o in pairs(found, "participatesIn") if s == "牙买加"]


def test_its_owns_every_programme_of_the_list_it_opens(relate):
    found = relate("请开发署继续通过其中亚区域方案和萨赫勒方案向各国提供援助。")
    run = pairs(found, "implements")
    assert {("联合国开发计划署", "中亚区域方案"), ("联合国开发计划署", "萨赫勒方案")} <= run


def test_a_body_owns_and_a_backer_backs_each_programme_of_a_list(relate):
    found = relate("欧洲联盟支持毒品和犯罪问题办公室的全球海上犯罪方案和全球打击网络犯罪方案。")
    programmes = {"全球海事犯罪方案", "全球打击网络犯罪方案"}
    assert {
        o for s, o in pairs(found, "implements") if s == "联合国毒品和犯罪问题办公室"
    } == programmes
    assert {o for s, o in pairs(found, "supports") if s == "欧洲联盟"} == programmes


def test_the_meeting_a_resolutions_front_line_names_adopted_it(relate_document):
    found = relate_document(
        "安全理事会\n第2999(2031)号决议\n2031年3月3日安全理事会第9999次会议通过\n",
        "安全理事会，",
        "决定继续积极处理此案。",
    )
    adopted = pairs(found, "adopts")
    assert any(s.endswith("第9999次会议") and "第2999" in o for s, o in adopted)


def test_bodies_efforts_to_support_a_texts_execution_carry_it_out(relate):
    found = relate("欢迎非洲联盟和西非经共体为支持《乍得和平协议》的执行所作的努力，")
    run = {s for s, o in pairs(found, "implements") if o == "乍得和平协议"}
    assert run == {"非洲联盟", "西非国家经济共同体"}


def test_states_listed_before_accession_are_each_parties(relate):
    found = relate("2030年，汤加和图瓦卢加入了《联合国反腐败公约》。")
    parties = {s for s, o in pairs(found, "implements") if o == "联合国反腐败公约"}
    assert parties == {"汤加", "图瓦卢"}


def test_countries_included_in_a_counted_set_of_places_are_targeted(relate):
    found = relate("开发署在13个国家开展了能力建设，包括孟加拉国和摩洛哥。")
    assert {"孟加拉国", "摩洛哥"} <= {o for _, o in pairs(found, "targets")}
    found = relate("开发署开展了能力建设，包括孟加拉国的专家。")  # no places counted before
    assert "孟加拉国" not in {o for _, o in pairs(found, "targets")}


def test_a_unit_whose_head_jieba_glues_to_zai_is_named_and_its_sponsors_not_served(relate):
    found = relate("恐怖主义预防处在挪威、瑞典和欧洲联盟的资助下，为萨赫勒国家提供了培训。")
    assert {s for s, o in pairs(found, "supports") if o == "恐怖主义预防处"} == {
        "挪威", "瑞典", "欧洲联盟"
    }  # fmt: skip
    assert {o for s, o in pairs(found, "targets") if s == "恐怖主义预防处"} == {"萨赫勒"}


def test_those_acting_as_part_of_a_programme_take_part_in_it(relate):
    found = relate("作为全球集装箱管制方案的一部分，巴拿马和厄瓜多尔设立了港口管制股。")
    taking_part = {s for s, o in pairs(found, "participatesIn") if o == "集装箱管制方案"}
    assert taking_part == {"巴拿马", "厄瓜多尔"}
    found = relate("儿基会作为其全球集装箱管制方案的一部分，培训了官员。")  # its own: no joining
    assert not pairs(found, "participatesIn")


def test_the_country_refugees_come_from_is_not_where_a_body_works(relate):
    found = relate("在格鲁吉亚，儿基会正在实施一项支持乌克兰残疾难民的联合方案。")
    targets = {o for s, o in pairs(found, "targets") if s == "联合国儿童基金会"}
    assert "格鲁吉亚" in targets
    assert "乌克兰" not in targets


def test_un_partner_agencies_left_unnamed_are_no_partnership_with_the_un(relate):
    found = relate("妇女署与人口基金和其他联合国实体合作，支持各国开展监测。")
    partners = {o for s, o in pairs(found, "partnerOf")} | {s for s, o in pairs(found, "partnerOf")}
    assert "联合国人口基金" in partners
    assert "联合国" not in partners
    found = relate("此外，妇女署与联合国伙伴机构一道，支持各国开展监测。")
    assert not pairs(found, "partnerOf")


def test_mitigating_a_threat_is_working_on_it(relate):
    found = relate("突尼斯制定了一项减轻灾害风险的国家计划。")
    assert ("突尼斯", "灾害") in pairs(found, "worksOn")
    found = relate("开发署支持各国缓解气候变化。")
    assert ("联合国开发计划署", "气候变化") in pairs(found, "worksOn")


def test_a_body_acting_under_a_programme_a_sentence_opens_with_takes_part(relate):
    found = relate("根据聚光灯倡议，非洲传统领导人理事会公开承诺废除有害习俗。")
    assert ("非洲传统领导人理事会", "聚光灯倡议") in pairs(found, "participatesIn")
    found = relate("根据开发署的城市安全方案，世界银行提供了贷款。")  # the body's own programme
    assert not any(o == "城市安全方案" for _, o in pairs(found, "participatesIn"))


def test_every_state_writing_a_letter_takes_part_and_in_the_group_it_coordinates(
    relate_document,
):
    found = relate_document(
        "2031年5月10日澳大利亚、加纳和荷兰常驻联合国代表给秘书长的信\n",
        "我们谨以海洋之友小组协调人的身份致函阁下。",
        "请将本函作为大会第八十六届会议议程项目14下的文件分发为荷。",
    )
    taking_part = pairs(found, "participatesIn")
    for state in ("澳大利亚", "加纳", "荷兰"):
        assert (state, "海洋之友小组") in taking_part
        assert any(s == state and o.endswith("大会第八十六届会议") for s, o in taking_part)


def test_a_state_submitting_or_speaking_for_a_group_is_in_it(relate):
    found = relate("阿塞拜疆代表不结盟运动提交了订正工作文件。")
    assert ("阿塞拜疆", "不结盟国家运动") in pairs(found, "participatesIn")
    found = relate("美国代表团提交了工作文件。")
    assert not pairs(found, "participatesIn")


def test_the_city_a_treaty_is_named_after_is_no_seat_of_its_parties_conference(relate):
    found = relate("《奥胡斯公约》缔约方会议与联合国环境规划署合作，保护环境维护者。")
    assert not pairs(found, "locatedIn")
    found = relate("联合国西非办事处设有一个区域中心。")
    assert pairs(found, "locatedIn")  # a place in an office's name is still its seat


def test_states_becoming_parties_under_a_text_named_before_carry_it_out(relate):
    found = relate("在《跨界水道和国际湖泊保护和利用公约》下，乍得和尼日利亚成为缔约方。")
    parties = {s for s, o in pairs(found, "implements")}
    assert parties == {"乍得", "尼日利亚"}
    found = relate("在《水公约》下，乍得成为缔约方会议主席。")  # the parties' conference
    assert not pairs(found, "implements")


def test_a_body_taking_part_in_a_task_force_is_in_it(relate):
    found = relate("儿基会还参加了机构间性骚扰问题工作队，并主持了其中一个工作组。")
    assert ("联合国儿童基金会", "机构间性骚扰问题工作队") in pairs(found, "participatesIn")


def test_a_programme_whose_aim_follows_its_name_works_on_the_threats_aimed_at(relate):
    found = relate("儿基会的多样性和包容战略（2030-2033年）旨在消除工作场所的种族主义和性骚扰。")
    works = {o for s, o in pairs(found, "worksOn") if s == "多样性和包容战略"}
    assert works == {"种族主义", "性骚扰"}
    found = relate("儿基会的多样性和包容战略旨在提高工作人员的满意度，性骚扰投诉有所增加。")
    assert not {o for s, o in pairs(found, "worksOn") if s == "多样性和包容战略"}
