"""Unit tests, one group per relation rule family, on sentences written in the genre's style."""

import pytest

from kg.nlp.extract import Extractor
from kg.reader import parse_document
from kg.relations.extract import extract_relations


@pytest.fixture(scope="module")
def relate():
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


def test_partners_are_the_members_after_with(relate):
    found, _ = relate("毒品和犯罪问题办公室与世界卫生组织和国际劳工组织合作，制订了一个方案。")
    partners = {(s, o) for s, p, o in found if p == "partnerOf"}
    assert partners == {
        ("联合国毒品和犯罪问题办公室", "世界卫生组织"),
        ("联合国毒品和犯罪问题办公室", "国际劳工组织"),
    }


def test_no_partners_without_a_cooperation_word(relate):
    found, _ = relate("毒品和犯罪问题办公室与世界卫生组织的报告都指出了这一点。")
    assert not {f for f in found if f[1] == "partnerOf"}


def test_two_bodies_signing(relate):
    found, _ = relate("2009年，世界银行和非洲开发银行签署了一项谅解备忘录。")
    assert ("世界银行", "partnerOf", "非洲开发银行") in found


def test_works_on_threats_after_a_work_verb(relate):
    found, _ = relate("毒品和犯罪问题办公室协助各国打击洗钱和贩运人口。")
    assert ("联合国毒品和犯罪问题办公室", "worksOn", "洗钱") in found
    assert ("联合国毒品和犯罪问题办公室", "worksOn", "贩运人口") in found


def test_works_on_the_heading_topic(relate):
    document = "\n".join(
        ["一. 预防犯罪", "A. 腐败", "1. 毒品和犯罪问题办公室向若干国家提供了技术援助。"]
    )
    extraction = Extractor().extract(parse_document(document))
    relations = extract_relations(parse_document(document), extraction)
    assert [(a.subject, a.predicate.value, a.object, a.rule) for a in relations.assertions] == [
        ("org/unodc", "worksOn", "threat/corruption", "work:heading")
    ]


def test_held_in_both_word_orders(relate):
    found, _ = relate(
        "2008年10月在内罗毕举行了东非禁毒执法合作专家组会议。",
        "非洲联盟首脑会议于2009年2月在亚的斯亚贝巴举行。",
    )
    assert ("东非禁毒执法合作专家组会议", "heldIn", "内罗毕") in found
    assert ("非洲联盟首脑会议", "heldIn", "亚的斯亚贝巴") in found


def test_adopts_by_the_issuing_body(relate):
    found, _ = relate("根据安全理事会第 1373 (2001)号决议，各国加强了合作。")
    assert ("联合国安全理事会", "adopts", "安全理事会第1373 (2001)号决议") in found


def test_implements_and_targets(relate):
    found, _ = relate("毒品和犯罪问题办公室启动了西非海岸倡议，并实施了东南亚区域禁毒方案。")
    assert ("联合国毒品和犯罪问题办公室", "implements", "西非海岸倡议") in found
    assert any(p == "targets" and o == "东南亚" for _, p, o in found)


def test_participants_from_a_list(relate):
    found, _ = relate("参加东非专家圆桌会议的有来自肯尼亚、乌干达和埃塞俄比亚的专家。")
    participants = {s for s, p, o in found if p == "participatesIn"}
    assert participants == {"肯尼亚", "乌干达", "埃塞俄比亚"}


def test_donors_give_to_the_body_named_as_receiver(relate):
    found, _ = relate("挪威和瑞典向毒品和犯罪问题办公室提供了捐款。")
    donors = {s for s, p, o in found if p == "donorTo" and o == "联合国毒品和犯罪问题办公室"}
    assert donors == {"挪威", "瑞典"}


def test_route_with_origin_transit_and_destination(relate):
    found, relations = relate(
        "毒品和犯罪问题办公室协助各国打击从阿富汗经东非流入欧洲的海洛因贩运。"
    )
    (route,) = relations.routes.values()
    roles = {(p, o) for s, p, o in found if s == route.label_zh}
    assert ("origin", "阿富汗") in roles
    assert ("transit", "东非") in roles
    assert ("destination", "欧洲") in roles
    assert any(p == "concerns" for p, _ in roles)
    assert ("联合国毒品和犯罪问题办公室", "participatesIn", route.label_zh) in found


def test_every_evidence_is_a_sentence_of_its_paragraph(relate):
    _, relations = relate(
        "毒品和犯罪问题办公室与世界银行合作。世界银行和非洲开发银行签署了协定。",
        "2008年在维也纳举行了维也纳论坛。",
    )
    assert relations.assertions
    for item in relations.assertions:
        assert item.sentence and item.end > item.start


# --- co-actors, organisers, headings, venues, programmes ---------------------------------

UNODC = "联合国毒品和犯罪问题办公室"


def test_bodies_acting_with_the_subject_work_on_its_threats(relate):
    found, _ = relate("毒品和犯罪问题办公室与世界银行在2009年加强了打击洗钱的工作。")
    assert (UNODC, "worksOn", "洗钱") in found
    assert ("世界银行", "worksOn", "洗钱") in found


def test_counter_prefix_is_a_work_word(relate):
    found, _ = relate("毒品和犯罪问题办公室在反腐败方面发挥领导作用。")
    assert (UNODC, "worksOn", "腐败") in found


def test_organisers_work_on_the_threat_their_meeting_names(relate):
    found, _ = relate(
        "毒品和犯罪问题办公室与世界海关组织合作，在维也纳举办了一次打击贩运人口问题专家组会议。"
    )
    assert (UNODC, "worksOn", "贩运人口") in found
    assert ("世界海关组织", "worksOn", "贩运人口") in found
    assert ("世界海关组织", "participatesIn", "打击贩运人口问题专家组会议") in found


def test_meeting_held_in_a_country_and_its_city(relate):
    found, _ = relate("第三届会议筹备会议于2009年5月在卡塔尔多哈举行。")
    held = {(p, o) for _, p, o in found if p == "heldIn"}
    assert held == {("heldIn", "卡塔尔"), ("heldIn", "多哈")}


def test_partner_of_a_programme_takes_part_in_it(relate):
    found, _ = relate("毒品和犯罪问题办公室是人居署加强城市安全方案的正式合作伙伴。")
    # the programme's name leaves out the body that runs it
    assert (UNODC, "participatesIn", "加强城市安全方案") in found
    assert ("联合国人类住区规划署", "implements", "加强城市安全方案") in found


def test_countries_acting_under_a_programme_take_part_in_it(relate):
    found, _ = relate(
        "在毒品和犯罪问题办公室与世界海关组织的集装箱管制方案下，厄瓜多尔和巴拿马已设立专门单位。"
    )
    assert ("厄瓜多尔", "participatesIn", "集装箱管制方案") in found
    assert ("巴拿马", "participatesIn", "集装箱管制方案") in found


def test_programme_working_in_the_countries_it_includes(relate):
    found, _ = relate("被盗资产追回举措继续在一些国家开展，其中包括秘鲁、菲律宾和赞比亚。")
    targets = {o for s, p, o in found if p == "targets"}
    assert targets == {"秘鲁", "菲律宾", "赞比亚"}


def test_work_within_a_programmes_framework(relate):
    found, _ = relate("毒品和犯罪问题办公室提供了包括在被盗资产追回举措框架内的技术援助。")
    assert (UNODC, "implements", "被盗资产追回举措") in found


def test_aimed_at_an_enumeration_of_places(relate):
    found, _ = relate("与被盗资产追回举措一道对秘鲁和菲律宾进行了联合评估访问。")
    targets = {o for s, p, o in found if p == "targets"}
    assert targets == {"秘鲁", "菲律宾"}
