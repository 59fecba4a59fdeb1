"""Property tests over arbitrary bytes: read, extract, relate — no crash, and every
assertion's evidence is a substring of its paragraph."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.encoding import decode_document
from kg.errors import InputError
from kg.nlp.extract import Extractor
from kg.reader import parse_document
from kg.relations.extract import extract_relations

EXTRACTOR = Extractor()
GENRE = st.sampled_from(
    [
        "1. 毒品和犯罪问题办公室与世界卫生组织合作，在维也纳举行了东非专家组会议。",
        "2. 聯合國毒品和犯罪問題辦公室與國際刑事警察組織（刑警組織）合作，打擊販運人口。",
        "3. 挪威和瑞典向毒品和犯罪问题办公室提供了捐款。",
        "4. 根据大会第６０／２８８号决议，从阿富汗经东非流入欧洲的海洛因贩运。",
        "一. 预防犯罪",
        "A. 腐败",
        "__________________",
        " 1 联合国出版物。",
        "E/CN.7/2009/3",
    ]
)
TEXTS = st.lists(st.one_of(GENRE, st.text(max_size=30)), max_size=12).map("\n".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "gb18030", "big5"])


def check(text: str) -> None:
    document = parse_document(text)
    extraction = EXTRACTOR.extract(document)
    relations = extract_relations(document, extraction)
    paragraphs = {p.label: p.text for p in (*document.front, *document.paragraphs)}
    for item in relations.assertions:
        assert item.sentence in paragraphs[item.paragraph]
        assert paragraphs[item.paragraph][item.start : item.end] == item.sentence


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, ENCODINGS)
def test_any_text_in_any_encoding(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    try:
        decoded = decode_document(data, "x.txt")
    except InputError:
        return  # refused with a reason is a fine outcome for arbitrary bytes
    check(decoded.text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_are_read_or_refused(data):
    try:
        decoded = decode_document(data, "x.bin")
    except InputError as error:
        assert "x.bin" in str(error)
        return
    check(decoded.text)
