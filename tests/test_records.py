"""Who takes part in the meeting a document is for: the speakers' States in a summary
record, the sponsors of a draft; and where the masthead's sessions are held."""

from texts import SUMMARY_RECORD

from kg.nlp.extract import Extractor
from kg.reader import parse_document
from kg.relations.extract import extract_relations
from kg.relations.model import Predicate

EXTRACTOR = Extractor()


def relations_of(text: str):
    document = parse_document(text)
    extraction = EXTRACTOR.extract(document)
    return extraction, extract_relations(document, extraction)


def test_speakers_states_take_part_in_the_recorded_meeting():
    extraction, relations = relations_of(SUMMARY_RECORD)
    meeting = next(
        key for key, e in extraction.entities.items() if e.label_zh == "海洋问题委员会第7次会议"
    )
    speaking = {
        a.subject
        for a in relations.assertions
        if a.predicate is Predicate.PARTICIPATES_IN and a.object == meeting
        and a.rule == "participates:speaker"
    }  # fmt: skip
    assert speaking == {"country/FJI", "country/NOR"}


def test_a_speaker_outside_a_record_names_no_meeting():
    _, relations = relations_of("1. 某某女士（斐济）说，斐济代表团欢迎委员会的报告。\n")
    assert not [a for a in relations.assertions if a.rule == "participates:speaker"]


def test_the_state_submitting_a_draft_takes_part_in_the_session():
    _, relations = relations_of(
        "2031年届会\n议程项目7\n海洋问题\n斐济： 决议草案\n海洋保护\n经济及社会理事会，\n"
        "回顾其第2029/52号决议，\n请各国继续开展工作。\n"
    )
    sponsors = {a.subject for a in relations.assertions if a.rule == "participates:sponsor"}
    assert sponsors == {"country/FJI"}


def test_a_facilitators_country_is_no_sponsor():
    _, relations = relations_of(
        "2031年届会\n议程项目7\n海洋问题\n副主席某某(斐济)提出的决定草案\n海洋保护\n"
        "经济及社会理事会，回顾其关于海洋保护的2029年7月23日第2029/52号决议，决定继续审议这一问题：\n"
    )
    assert not [a for a in relations.assertions if a.rule == "participates:sponsor"]


def test_the_date_and_city_line_of_the_masthead_is_where_the_session_is_held():
    _, relations = relations_of(
        "海洋事务委员会\n2031年实质性会议\n2031年4月3日至21日，纽约\n议程项目4\n海洋问题\n"
        "主席提交的工作文件\n一.\n导言\n1. 委员会讨论了海洋问题。\n"
    )
    held = {(a.object, a.rule) for a in relations.assertions if a.predicate is Predicate.HELD_IN}
    assert held == {("city/new-york", "held-in:front")}
