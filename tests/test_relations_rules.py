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
