"""Genre rules of issue 13: reports and resolutions of any theme, on sentences written
for these tests in the style of UN Chinese documents (none is taken from a document)."""

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
        return {
            (names[a.subject], a.predicate.value, names[a.object]) for a in relations.assertions
        }

    return run


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
