"""The reader on other UN document layouts, built from the genre's patterns."""

import pytest
from texts import SUMMARY_RECORD

from kg.document import Numbering, ParagraphKind
from kg.encoding import decode_document
from kg.errors import InputError
from kg.reader import parse_document, read_document

PAGE_BREAK = """1. 第一段的开头写在这里，句子跨过了页面的底部，在下一页

__________________

 1 联合国出版物，出售品编号：E.09.XI.1。

 2 同上。

V.09-80516 (C)

 4

A/64/123

S/2009/456

继续写完。第二句引用了脚注1和另一个2。

2. 第二段。
"""


def test_page_furniture_and_footnotes_inside_a_paragraph():
    document = parse_document(PAGE_BREAK)
    assert [p.number for p in document.paragraphs] == [1, 2]
    first = document.paragraph(1).text
    assert (
        first
        == "第一段的开头写在这里，句子跨过了页面的底部，在下一页继续写完。第二句引用了脚注和另一个。"
    )
    assert document.paragraph(1).footnotes == ("1", "2")
    assert [f.marker for f in document.footnotes] == ["1", "2"]
    assert document.metadata.symbols == ("A/64/123", "S/2009/456")


def test_subsection_numbers_are_not_taken_for_paragraphs():
    text = "\n".join(
        [
            "一. 总则",
            "A. 背景",
            "1. 第一小节",
            "1. 正文第一段，没有结束",
            "仍在第一段。",
            "2. 正文第二段。",
            "2. 第二小节",
            "3. 正文第三段。",
            "二. 结论",
            "4. 正文第四段。",
        ]
    )
    document = parse_document(text)
    assert [p.number for p in document.paragraphs] == [1, 2, 3, 4]
    assert document.paragraph(1).text == "正文第一段，没有结束仍在第一段。"
    assert document.paragraph(3).section_path == "一.A.2"
    assert document.paragraph(4).section_path == "二"


RESOLUTION = """联合国 A/RES/63/195
大会 Distr.: General
第六十三届会议
议程项目 99
63/195. 加强联合国预防犯罪和刑事司法方案
大会，
回顾其关于预防犯罪和刑事司法的各项决议，
深为关切跨国有组织犯罪的影响，
1. 重申联合国预防犯罪和刑事司法方案的作用；
2. 请各会员国：
(a) 加强国际合作；
(b) 提供技术援助；
3. 请秘书长向大会第六十四届会议提交报告。
"""


def test_resolution_preamble_and_operative_paragraphs():
    document = parse_document(RESOLUTION)
    preamble = [p for p in document.paragraphs if p.kind is ParagraphKind.PREAMBLE]
    operative = document.body
    assert [p.text for p in preamble] == [
        "回顾其关于预防犯罪和刑事司法的各项决议，",
        "深为关切跨国有组织犯罪的影响，",
    ]
    assert [p.label for p in preamble] == ["PP1", "PP2"]
    assert [p.number for p in operative] == [1, 2, 3]
    assert document.paragraph(2).text == "请各会员国：\n(a)加强国际合作；\n(b)提供技术援助；"
    assert document.numbering is Numbering.SOURCE


def test_a_covering_letter_before_an_annex_of_numbered_paragraphs_is_read():
    letter = "\n".join(
        [
            "2031年5月10日海洋国常驻联合国代表给秘书长的信",
            "我谨转递海洋问题之友小组的联合声明（见附件）。",
            "请将本信及其附件作为大会的文件分发为荷。",
            "附件",
            "海洋问题之友小组的联合声明",
            "1. 我们重申对海洋保护的承诺。",
            "2. 我们欢迎秘书长的报告。",
        ]
    )
    document = parse_document(letter)
    preamble = [p.text for p in document.paragraphs if p.kind is ParagraphKind.PREAMBLE]
    assert preamble[:2] == [
        "我谨转递海洋问题之友小组的联合声明（见附件）。",
        "请将本信及其附件作为大会的文件分发为荷。",
    ]
    assert [p.number for p in document.body] == [1, 2]


def test_one_paragraph_per_line_without_numbering():
    lines = [
        "会议讨论了贩运人口问题。",
        "与会者强调了国际合作的重要性，并呼吁加强能力建设。",
        "短句。",
        "会议通过了报告。",
    ]
    document = parse_document("\n".join(lines))
    assert document.numbering is Numbering.READING_ORDER
    assert [p.text for p in document.paragraphs] == lines
    assert [p.number for p in document.paragraphs] == [1, 2, 3, 4]
    assert document.warnings


def test_a_line_broken_inside_a_document_symbol_goes_on():
    lines = ["会议讨论了气候问题。", "见FCCC/CP/2015/10/Add.", "1，第1/CP.", "21号决定，附件。"]
    document = parse_document("\n".join(lines))
    assert [p.text for p in document.paragraphs] == [
        "会议讨论了气候问题。",
        "见FCCC/CP/2015/10/Add. 1，第1/CP. 21号决定，附件。",
    ]


def test_wrapped_lines_without_numbering_join_into_paragraphs():
    text = "\n\n".join(
        [
            "这是一个很长的段落，它在固定宽度处换行，所以每一行",
            "都差不多一样长，直到段落的最后一行才会比较短一些。",
            "这一行结束段落。",
            "第二个段落同样在固定宽度处换行，所以每一行都差不",
            "多一样长，这是第二段的第二行，也一样长的一行文字",
            "第二段结束。",
        ]
    )
    document = parse_document(text)
    assert [p.text[-6:] for p in document.paragraphs] == ["这一行结束段落。"[-6:], "第二段结束。"]


def test_latin_words_keep_their_space_across_a_line_break():
    document = parse_document(
        "1. 该项目名为 Global\nProgramme against Money Laundering，由办公室实施。\n"
    )
    assert (
        document.paragraph(1).text
        == "该项目名为Global Programme against Money Laundering，由办公室实施。"
    )


def test_full_width_paragraph_numbers():
    document = parse_document("１．第一段。\n２．第二段。\n")
    assert [p.number for p in document.paragraphs] == [1, 2]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (bytes([0x81, 0x30, 0xFE]) * 400, "cannot tell its encoding"),
    ],
)
def test_bad_input_is_refused_with_a_clear_reason(data, problem):
    with pytest.raises(InputError, match=problem):
        decode_document(data, "x.txt")


TEXT = "1. 联合国毒品和犯罪问题办公室与国际刑事警察组织合作，打击贩运人口。\n2. 第二段。\n" * 3


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
)
def test_encodings_are_detected(encoded, encoding):
    decoded = decode_document(encoded, "x.txt")
    assert decoded.text == TEXT and decoded.encoding == encoding


def test_big5_traditional_text_reads():
    text = "1. 聯合國毒品和犯罪問題辦公室與國際刑事警察組織合作。\n" * 5
    decoded = decode_document(text.encode("big5"), "x.txt")
    assert decoded.text == text and decoded.encoding == "big5"


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_document(tmp_path / "nope.txt")


def test_utf8_bom_is_accepted():
    assert decode_document("\ufeff1. 段落。".encode(), "x").text == "1. 段落。"


def test_masthead_symbol():
    document = parse_document("联 合 国 A/CN.9/2010/1\n2010 年 5 月\n\n1. 第一段。\n")
    assert document.metadata.symbols == ("A/CN.9/2010/1",)


def test_reading_order_numbers_run_on_across_headings():
    document = parse_document("A. 腐败\n会议讨论了腐败。\n一. 预防犯罪\n会议讨论了犯罪。\n")
    assert [p.label for p in document.paragraphs] == ["1", "2"]


SEGMENTED_RESOLUTION = """2031年届会
议程项目7(b)
协调、方案和其他问题：海洋的养护
2031年6月1日经济及社会理事会决议
[根据海洋问题委员会的建议(E/2031/99)通过]
海洋的养护和可持续利用
经济及社会理事会，
回顾其关于海洋的各项决议，
请秘书长提交报告。
"""


def test_front_matter_of_one_line_per_segment_is_never_joined():
    meta = parse_document(SEGMENTED_RESOLUTION).metadata
    assert meta.title == "海洋的养护和可持续利用"
    assert meta.agenda_items == ("议程项目7(b) 协调、方案和其他问题：海洋的养护",)
    assert meta.body == "经济及社会理事会"
    assert "[根据海洋问题委员会的建议(E/2031/99)通过]" in meta.notes
    assert [p.text for p in parse_document(SEGMENTED_RESOLUTION).paragraphs] == [
        "回顾其关于海洋的各项决议，",
        "请秘书长提交报告。",
    ]


def test_spaces_a_pdf_left_inside_front_matter_names_go():
    text = "2031年届会\n议程项目16\n以色列占领对巴勒斯坦 被占领土和被占领叙利亚 戈兰的影响\n海洋的 养护\n回顾其决议，\n"
    meta = parse_document(text).metadata
    assert meta.agenda_items == ("议程项目16 以色列占领对巴勒斯坦被占领土和被占领叙利亚戈兰的影响",)
    assert meta.title == "海洋的养护"


def test_a_masthead_names_the_body_whose_document_it_is():
    text = "联合国海洋基金\n执行局\n2031年第一届常会\n2031年2月7日至10日\n临时议程*项目3\n海洋年度报告\n摘要\n本报告说明了工作。\n"
    meta = parse_document(text).metadata
    assert meta.body == "联合国海洋基金执行局"
    assert meta.sessions == ("联合国海洋基金执行局2031年第一届常会",)


def test_a_summary_record_is_of_its_bodys_meeting():
    meta = parse_document(SUMMARY_RECORD).metadata
    assert meta.title == "第7次会议简要记录"
    assert meta.body == "海洋问题委员会"
    assert meta.sessions == ("大会第九十一届会议", "海洋问题委员会第7次会议")
    assert "主席：　某某先生（智利）" in meta.notes


def test_a_records_opening_sentence_and_contents_line_are_no_title():
    text = SUMMARY_RECORD.replace(
        "议程项目12：海洋问题\n", "目录\n议程项目12：海洋问题\n上午10时05分宣布开会。\n"
    )
    meta = parse_document(text).metadata
    assert meta.title == "第7次会议简要记录"


def test_a_resolution_titled_with_a_comma_opens_after_its_organ():
    text = (
        "海洋事务委员会\n第31/2号决议\n加强国际合作，应对海洋塑料污染带来的挑战\n海洋事务委员会，\n"
        "回顾大会关于海洋问题的各项决议，包括关于可持续渔业的决议，以及关于海洋法的决议，并回顾各国在这方面的承诺和义务，\n"
        "又回顾《联合国海洋法公约》以及与该公约有关的各项协定，并回顾各国在执行这些文书方面的责任和义务，\n"
        "关切海洋塑料污染日益严重，特别是在沿海地区以及岛屿地区，并关切其对渔业和生计的影响，\n"
        "1. 吁请会员国加强合作；\n2. 请执行主任报告本决议的执行情况。\n"
    )
    document = parse_document(text)
    assert document.metadata.title == "加强国际合作，应对海洋塑料污染带来的挑战"
    preamble = [p.text[:4] for p in document.paragraphs if p.label.startswith("PP")]
    assert preamble == ["回顾大会", "又回顾《", "关切海洋"]


def test_the_security_councils_year_is_a_masthead_line_not_the_title():
    text = (
        "大会\n第九十一届会议\n议程项目 35\n海洋问题\n安全理事会\n第九十一年\n"
        "2036年8月20日斐济常驻联合国代表给秘书长的信\n谨随函转递斐济政府的声明。\n"
    )
    meta = parse_document(text).metadata
    assert meta.title != "安全理事会"
    assert "安全理事会" in meta.notes and "第九十一年" in meta.notes


def test_a_boards_numbered_meeting_under_its_name_is_the_session():
    text = "海洋基金方案协调委员会\n第五十三次会议\n2036年12月12日至14日，日内瓦\n议程项目4\n执行主任的报告\n一．导言\n1. 本报告说明了工作。\n"
    meta = parse_document(text).metadata
    assert meta.sessions == ("海洋基金方案协调委员会第五十三次会议",)


def test_a_units_bare_head_in_a_masthead_is_named_with_its_body():
    text = "海洋经济委员会\n执行委员会\n第一二五次会议\n2036年6月20日，日内瓦\n工作概要\n1. 委员会举行了会议。\n"
    assert parse_document(text).metadata.sessions == ("海洋经济委员会执行委员会第一二五次会议",)


def test_a_masthead_line_above_the_sessions_body_is_kept():
    text = "大会\n海洋审议委员会\n2036年实质性会议\n议程项目5\n海洋问题\n1. 委员会举行了会议。\n"
    meta = parse_document(text).metadata
    assert meta.sessions == ("海洋审议委员会2036年实质性会议",)
    assert "大会" in meta.notes


def test_the_line_above_a_reports_subtitle_is_its_title():
    text = "加强海洋紧急援助的协调\n秘书长的报告\n一．导言\n1. 本报告说明了工作。\n"
    meta = parse_document(text).metadata
    assert (meta.title, meta.subtitle) == ("加强海洋紧急援助的协调", "秘书长的报告")


def test_an_organ_line_alone_before_the_preamble_is_the_body_not_the_title():
    text = "安全理事会，\n回顾其以往各项决议，\n1. 决定继续积极处理此案。\n"
    meta = parse_document(text).metadata
    assert (meta.body, meta.title) == ("安全理事会", "")


def test_a_sentence_after_an_agenda_line_is_no_part_of_its_title():
    text = SUMMARY_RECORD.replace(
        "议程项目12：海洋问题\n", "议程项目12：海洋问题\n上午10时05分宣布开会。\n"
    )
    assert parse_document(text).metadata.agenda_items == ("议程项目12：海洋问题",)


def test_a_chapter_number_on_its_own_line_takes_the_next_line_as_title():
    text = (
        "海洋论坛\n2031年7月10日至19日\n海洋事务理事会主席关于在理事会2031年届会期间召开的海洋问题论坛的摘要\n一．\n导言\n"
        "论坛包括为期三天的部长级部分。\n二．\n主要讯息\n与会者讨论了海洋问题。\n"
    )
    document = parse_document(text)
    assert [(h.label, h.title) for h in document.headings] == [("一", "导言"), ("二", "主要讯息")]
    assert (
        document.metadata.title
        == "海洋事务理事会主席关于在理事会2031年届会期间召开的海洋问题论坛的摘要"
    )
    assert [p.text for p in document.paragraphs] == [
        "论坛包括为期三天的部长级部分。",
        "与会者讨论了海洋问题。",
    ]


def test_a_letter_without_numbered_paragraphs_starts_after_its_heading():
    text = "海洋问题委员会\n2031年实质性会议\n2031年8月10日某国常驻联合国代表致海洋问题委员会主席的信\n谨此致函，提请注意海洋问题。\n"
    document = parse_document(text)
    assert document.metadata.body == "海洋问题委员会"
    assert [p.text for p in document.paragraphs][-1] == "谨此致函，提请注意海洋问题。"


def test_footnote_references_keep_where_they_stood():
    text = "1. 主要捐助方集团1提供了资金，其他捐助者2也提供了资金。\n\n__________________\n\n 1 澳大利亚、加拿大。\n\n 2 私人基金会。\n"
    paragraph = parse_document(text).paragraph(1)
    assert paragraph.text == "主要捐助方集团提供了资金，其他捐助者也提供了资金。"
    assert [(paragraph.text[:at][-4:], marker) for at, marker in paragraph.citations] == [
        ("捐助方集团"[-4:], "1"),
        ("他捐助者", "2"),
    ]


def test_a_summary_headed_gaiyao_is_the_summary():
    text = "海洋委员会\n2031年届会\n议程项目4\n海洋问题\n秘书长的报告\n概要\n本报告说明了海洋工作。\n一. 导言\n1. 各国开展了工作。\n"
    document = parse_document(text)
    assert document.summary == "本报告说明了海洋工作。"
    assert [p.text for p in document.paragraphs] == ["各国开展了工作。"]


def test_a_sentence_on_a_cover_page_is_kept_and_is_no_title():
    text = (
        "安全理事会主席的声明\n\n"
        "在2036年5月12日举行的第9876次会议上，安全理事会在审议该项目时，安理会主席代表"
        "安理会发表如下声明：\n\n"
        '"安全理事会回顾其关于西非局势的各项决议。\n\n'
        '"安全理事会表示关切毒品贩运对该区域的威胁。"\n'
    )
    meta = parse_document(text).metadata
    assert meta.title == "安全理事会主席的声明"
    assert [note[:4] for note in meta.notes] == ["在203"]


def test_a_section_letter_written_close_to_its_title_is_a_heading():
    text = (
        "A.出席情况\n1.委员会第九十届会议于2036年3月在维也纳举行。\n"
        "2.下列国家派观察员出席了会议：智利和新西兰。\n"
        "B.选举主席团成员\n3.委员会选举了主席。\n"
    )
    document = parse_document(text)
    titles = [p.heading_path[-1].title for p in document.paragraphs]
    assert titles == ["出席情况", "出席情况", "选举主席团成员"]
    assert not any("选举" in p.text for p in document.paragraphs[:2])


def test_a_session_report_under_its_body_names_the_body_and_the_session():
    text = (
        "麻醉药品委员会\n第九十届会议报告\n(2036年3月14日至18日)\n"
        "1.委员会第九十届会议于2036年3月14日至18日在维也纳举行。\n"
        "2.委员会在2036年3月14日第1次会议上通过了临时议程。\n"
    )
    meta = parse_document(text).metadata
    assert meta.body == "麻醉药品委员会"
    assert meta.sessions == ("麻醉药品委员会第九十届会议",)


def test_a_dated_letter_line_above_numbered_paragraphs_is_kept_as_a_note():
    document = parse_document(
        "2023年5月2日牙买加常驻联合国代表给秘书长的信\n1. 我们谨提请注意。\n2. 请将本函分发为荷。"
    )
    assert document.metadata.notes == ("2023年5月2日牙买加常驻联合国代表给秘书长的信",)
    assert [p.text for p in document.paragraphs] == ["我们谨提请注意。", "请将本函分发为荷。"]


def test_chapters_numbered_di_zhang_are_headings():
    document = parse_document(
        "麻醉药品委员会\n关于第九十届会议的报告\n第一章\n提请理事会注意的事项\n"
        "1. 委员会建议理事会通过下列决定草案。\n第二章 一般性辩论\n2. 委员会进行了一般性辩论。\n"
    )
    titles = [h.title for h in document.headings]
    assert titles == ["提请理事会注意的事项", "一般性辩论"]
    assert [p.text for p in document.paragraphs] == [
        "委员会建议理事会通过下列决定草案。",
        "委员会进行了一般性辩论。",
    ]
