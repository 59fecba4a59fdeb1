"""Extracting: a text's document, entities and relations, whatever the length of a paragraph."""

from itertools import pairwise

import kg.nlp.extract
from kg.build import build
from kg.extraction import document_key, extract_text, read_input
from kg.nlp.extract import Extractor, TextPart
from kg.nlp.pipeline import shared_pipeline
from kg.text import pieces

SENTENCES = (
    "毒品和犯罪问题办公室与世界卫生组织合作，在维也纳举行了专家组会议。",
    "国际刑事警察组织（刑警组织）协助肯尼亚打击贩运人口！",
    "联合国毒品和犯罪问题办公室支持西非海岸倡议；",
)


def test_pieces_are_cut_after_sentence_ends():
    text = "".join(SENTENCES * 20)
    spans = list(pieces(text, 100))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == following for (_, end), (following, _) in pairwise(spans))
    assert all(0 < end - start <= 100 for start, end in spans)
    assert all(text[end - 1] in "。！；" for _, end in spans)


def test_a_sentence_longer_than_a_piece_is_cut_after_a_comma_or_at_the_limit():
    assert list(pieces("甲乙，丙丁戊", 4)) == [(0, 3), (3, 6)]
    assert list(pieces("甲乙丙丁戊", 4)) == [(0, 4), (4, 5)]
    assert list(pieces("会议。”下一句", 5)) == [(0, 4), (4, 7)]  # the closing quote stays
    assert list(pieces("", 4)) == [(0, 0)]


def test_a_part_read_in_pieces_finds_the_same_names_at_the_same_offsets(monkeypatch):
    text = "".join(SENTENCES * 30)
    extractor = Extractor()
    whole = extractor.extract_parts([TextPart("1", text)])
    monkeypatch.setattr(kg.nlp.extract, "PIECE", 200)
    split = extractor.extract_parts([TextPart("1", text)])
    spans = sorted((m.start, m.end, m.text) for m in split.mentions)
    assert spans == sorted((m.start, m.end, m.text) for m in whole.mentions)
    assert all(text[start:end] == name for start, end, name in spans)
    assert set(split.entities) == set(whole.entities)


def test_a_paragraph_longer_than_spacy_accepts_is_built(tmp_path, monkeypatch):
    """A single-line file whose one paragraph is past nlp.max_length (spaCy's E088): here
    the limit is lowered to 3,000 characters for a 24,300-character line."""
    monkeypatch.setattr(shared_pipeline(), "max_length", 3_000)
    monkeypatch.setattr(kg.nlp.extract, "PIECE", 3_000)
    path = tmp_path / "one-line.txt"
    line = "".join(SENTENCES * 300)
    path.write_text(line + "\n", encoding="utf-8")
    result = build([path], tmp_path / "out")
    assert not result.failures and len(result.records) == 1
    document = read_input(path)
    (paragraph,) = document.document.paragraphs
    assert len(paragraph.text) > 8 * 3_000
    mentions = document.extraction.mentions
    assert len(mentions) > 500
    assert all(paragraph.text[m.start : m.end] == m.text for m in mentions)


def test_extract_text_keys_a_document_by_its_symbol(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    extracted = extract_text(seed_path, text, "utf-8", "0" * 64, offset=7)
    assert extracted.key == "E-CN.7-2009-3" == document_key(seed_path, text, "0" * 64)
    assert extracted.offset == 7 and extracted.encoding == "utf-8"
    assert "org/unodc" in extracted.extraction.entities
    assert extracted.relations.assertions


def test_a_document_without_symbol_is_keyed_by_its_content_hash(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("会议讨论了贩运人口问题。\n", encoding="utf-8")
    assert read_input(path).key.startswith("sha256-")
