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


def test_the_group_or_states_a_speaker_speaks_for_take_part_too():
    extraction, relations = relations_of(
        SUMMARY_RECORD
        + "5. 某某先生（巴基斯坦）以77国集团和中国的名义发言，他说，海洋保护需要资金。\n"
        + "6. 某某女士（新西兰）代表澳大利亚、加拿大和新西兰发言说，各国欢迎报告。\n"
    )
    names = {k: e.label_zh for k, e in extraction.entities.items()}
    taking_part = {
        (names[a.subject], names[a.object])
        for a in relations.assertions
        if a.predicate is Predicate.PARTICIPATES_IN
    }
    meeting = "海洋问题委员会第7次会议"
    assert ("巴基斯坦", meeting) in taking_part
    assert ("77国集团", meeting) in taking_part
    assert ("巴基斯坦", "77国集团") in taking_part
    assert {("澳大利亚", meeting), ("加拿大", meeting), ("新西兰", meeting)} <= taking_part


def test_a_bodys_speaker_and_a_group_spoken_for_take_part():
    extraction, relations = relations_of(
        SUMMARY_RECORD
        + "5. 某某女士（欧洲联盟观察员）说，欧洲联盟欢迎报告。\n"
        + "6. 某某先生（墨西哥）代表里约集团发言说，非法贩运枪支对加勒比构成威胁。\n"
    )
    names = {k: e.label_zh for k, e in extraction.entities.items()}
    taking_part = {
        (names.get(a.subject, a.subject), names.get(a.object, a.object))
        for a in relations.assertions
        if a.predicate is Predicate.PARTICIPATES_IN
    }
    meeting = "海洋问题委员会第7次会议"
    assert {("欧洲联盟", meeting), ("里约集团", meeting), ("墨西哥", "里约集团")} <= taking_part
    # the group is named where it first met, it sits nowhere; the record's meeting, which the
    # speaker's sentence does not name, puts no speaker on the flow the sentence describes
    assert not [a for a in relations.assertions if a.predicate is Predicate.LOCATED_IN]
    assert not [a for a in relations.assertions if a.rule.startswith("route:via")]


def test_a_letter_spaced_masthead_name_is_one_name():
    document = parse_document(SUMMARY_RECORD.replace("大会\n", "大 会\n", 1))
    assert document.metadata.sessions[0] == "大会第九十一届会议"


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


GA_RESOLUTION = (
    "第九十一届会议\n议程项目108\n海洋问题\n2036年12月19日大会决议\n"
    "[根据第二委员会的报告(A/91/459)通过]\n91/{item}. 联合国海洋问题大会的后续行动\n大会，\n"
    "回顾其第90/232号决议，\n"
    "欢迎第三届联合国海洋问题大会于2035年在斐济苏瓦举行，并通过了《苏瓦宣言》，\n"
    "1. 请各国执行《苏瓦宣言》。\n"
)


def labelled(text: str):
    extraction, relations = relations_of(text)
    names = {k: e.label_zh for k, e in extraction.entities.items()}
    found = {(names[a.subject], a.predicate.value, names[a.object]) for a in relations.assertions}
    return extraction, found


def test_the_number_opening_a_resolutions_title_is_its_own_number():
    extraction, found = labelled(GA_RESOLUTION.format(item=227))
    resolutions = {e.label_zh for e in extraction.entities.values() if e.type.value == "Resolution"}
    assert "大会第91/227号决议" in resolutions
    assert ("联合国大会", "adopts", "大会第91/227号决议") in found
    # numbers from 401 in a session are the Assembly's decisions
    extraction, _ = labelled(GA_RESOLUTION.format(item=501))
    assert "decision/ga-91-501" in extraction.entities


def test_a_bare_session_line_is_the_acting_organs_session():
    extraction, found = labelled(GA_RESOLUTION.format(item=227))
    meetings = {e.label_zh for e in extraction.entities.values() if e.type.value == "Meeting"}
    # 大会 is the General Assembly, not the 联合国海洋问题大会 named in the title before
    assert "联合国大会第九十一届会议" in meetings
    assert ("第三届联合国海洋问题大会", "adopts", "苏瓦宣言") in found


def test_the_own_bodys_decision_named_by_its_bare_head():
    _, found = labelled(
        "联合国儿童基金会\n执行局\n2036年年会\n2036年6月11日至14日\n临时议程项目10\n海洋问题的最新情况\n摘要\n"
        "本报告根据执行局第2035/5号决定提交，介绍了儿基会的进展。\n一．导言\n1. 儿基会开展了工作。\n"
    )
    assert ("联合国儿童基金会执行局", "adopts", "联合国儿童基金会执行局第2035/5号决定") in found


def test_a_speaker_who_also_speaks_for_others_takes_part_with_them():
    extraction, relations = relations_of(
        SUMMARY_RECORD + "5. 某某女士（欧洲联盟观察员）也代表候选国黑山和塞尔维亚发言，她说，"
        "欧洲联盟欢迎报告。\n"
    )
    names = {k: e.label_zh for k, e in extraction.entities.items()}
    taking_part = {
        names[a.subject]
        for a in relations.assertions
        if a.predicate is Predicate.PARTICIPATES_IN and names[a.object] == "海洋问题委员会第7次会议"
    }
    assert {"欧洲联盟", "黑山", "塞尔维亚"} <= taking_part
