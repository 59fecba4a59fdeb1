"""The reader on the seed report: the facts issue #2 asks for."""

import re

from kg.document import HeadingLevel, Numbering


def test_exactly_91_paragraphs_in_order(seed_document):
    assert [p.number for p in seed_document.paragraphs] == list(range(1, 92))
    assert seed_document.numbering is Numbering.SOURCE
    assert not seed_document.warnings


def test_no_page_furniture_in_any_text(seed_document):
    texts = [p.text for p in seed_document.paragraphs] + [f.text for f in seed_document.footnotes]
    for text in texts:
        assert "E/CN.7/2009/3" not in text
        assert "E/CN.15/2009/3" not in text
        assert "____" not in text
        assert not re.search(r"(^|\n)\s*\d{1,3}\s*(\n|$)", text)


def test_paragraph_12_reads_on_across_the_page_break_and_footnote(seed_document):
    text = seed_document.paragraph(12).text
    assert "2008年，毒品和犯罪问题办公室以其在安第斯次区域的经验为基础" in text
    assert text.endswith("提供指导。")
    assert "鸦片调查" not in text  # footnote 1 stays out


def test_paragraph_60_sits_under_its_headings(seed_document):
    path = seed_document.paragraph(60).heading_path
    assert [(h.level, h.label, h.title) for h in path] == [
        (HeadingLevel.CHAPTER, "六", "携手建设一个更加安全的世界"),
        (HeadingLevel.SECTION, "B", "执法"),
        (HeadingLevel.SUBSECTION, "1", "中亚区域信息和协调中心"),
    ]
    assert seed_document.paragraph(60).section_path == "六.B.1"


def test_footnotes_1_to_14(seed_document):
    numbered = [f.marker for f in seed_document.footnotes if f.marker.isdigit()]
    assert numbered == [str(n) for n in range(1, 15)]
    assert (
        seed_document.footnote(1).text
        == "毒品和犯罪问题办公室：《阿富汗：2008年鸦片调查》（2008年11月）。"
    )
    assert seed_document.footnote("*").text == "E/CN.7/2009/1。"
    assert seed_document.footnote(14).text.startswith("澳大利亚、奥地利")


def test_paragraphs_record_the_footnotes_they_cite(seed_document):
    assert seed_document.paragraph(6).footnotes == ("1",)
    assert seed_document.paragraph(21).footnotes == ("3", "4")
    assert "2008年鸦片调查表明" in seed_document.paragraph(6).text
    cited = [m for p in seed_document.paragraphs for m in p.footnotes]
    assert sorted(set(cited), key=int) == [str(n) for n in range(1, 15)]


def test_clean_text_has_no_spurious_spaces(seed_document):
    text = seed_document.paragraph(6).text
    assert text.startswith("2008年，阿富汗占全球罂粟产量的93%")
    assert "安全理事会第1816 (2008)、1838 (2008)" in seed_document.paragraph(55).text
    assert "electronic-toolkit-to-combat" in seed_document.paragraph(22).text


def test_heading_tree(seed_document):
    chapters = seed_document.headings
    assert [h.label for h in chapters] == list("一二三四五六七八")
    assert [s.label for s in chapters[5].children] == ["A", "B", "C", "D"]
    assert [s.title for s in chapters[5].children[1].children] == [
        "中亚区域信息和协调中心",
        "集装箱管制方案",
        "保护证人",
        "打击绑架事件",
        "枪支",
    ]
    wrapped = chapters[6].children[1].children[1]
    assert wrapped.title == "欧盟委员会、国际金融机构和其他伙伴关系方"


def test_metadata_and_summary(seed_document):
    meta = seed_document.metadata
    assert meta.symbols == ("E/CN.7/2009/3", "E/CN.15/2009/3")
    assert meta.title == "联合国毒品和犯罪问题办公室的活动"
    assert meta.subtitle == "执行主任的报告"
    assert meta.sessions == ("预防犯罪和刑事司法委员会第十八届会议",)
    assert len(meta.agenda_items) == 2
    assert meta.agenda_items[1].startswith("临时议程**项目 4 和 7 世界犯罪趋势及对策")
    assert seed_document.summary.startswith("本报告介绍联合国毒品和犯罪问题办公室在2008年的活动")
    assert seed_document.summary.endswith("的实施情况。")


def test_offsets_point_back_into_the_file(seed_document):
    source = seed_document.text
    for paragraph in seed_document.paragraphs:
        assert source[paragraph.start] == paragraph.text[0]
        assert source[paragraph.end - 1] == paragraph.text[-1]
        for index, char in enumerate(paragraph.text):
            if char not in " \n":
                assert source[paragraph.source_offset(index)] == char
