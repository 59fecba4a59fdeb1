"""Property tests: the extractor takes any text and its mentions are spans of it."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.nlp.extract import Extractor

EXTRACTOR = Extractor()
PIECES = st.sampled_from(
    [
        "毒品和犯罪问题办公室",
        "第 60/288 号决议",
        "《公约》",
        "（",
        "）",
        "方案",
        "会议",
        "、",
        "和",
        "阿富汗",
        "第四届会议",
        "“",
        "”",
        "。",
        "组织",
        "关于",
        "的",
        "中心",
        " ",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=25).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_mentions_that_are_spans_of_it(text):
    extraction = EXTRACTOR.extract_text(text)
    for mention in extraction.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
    for entity in extraction.entities.values():
        assert entity.label_zh
