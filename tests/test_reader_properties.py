"""Property tests: the reader takes any text without crashing, and offsets stay true."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.reader import parse_document

GENRE_LINES = st.sampled_from(
    [
        "一. 药物管制",
        "A. 可持续生计",
        "1. 非法药物作物监测",
        "2. 毒品和犯罪问题办公室与世界卫生组织合作，",
        "3. 会议在维也纳举行。",
        "__________________",
        " 1 联合国出版物。",
        "E/CN.7/2009/3",
        " 12 ",
        "摘要",
        "(a) 加强合作；",
        "",
        " ",
        "\f",
    ]
)
LINES = st.lists(st.one_of(GENRE_LINES, st.text(max_size=40)), max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_any_text_parses_and_offsets_map_back(lines):
    text = "\n".join(lines)
    document = parse_document(text)
    for paragraph in document.paragraphs:
        assert paragraph.number >= 1
        for index, char in enumerate(paragraph.text):
            if not char.isspace():
                assert text[paragraph.source_offset(index)] == char


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_crashes(text):
    parse_document(text)
