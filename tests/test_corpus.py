"""Real-world corpora: folders, encodings, incremental builds, duplicates, failures, kills."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import opencc
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.manifest import load_manifest
from kg.namespace import KG

runner = CliRunner()
SMALL = """联合国 A/CN.9/2010/1
2010 年 5 月

1. 2009年，毒品和犯罪问题办公室与世界卫生组织合作，在维也纳举行了东非禁毒执法合作专家组会议。

2. 国际刑事警察组织（刑警组织）协助肯尼亚打击贩运人口。
"""
TRADITIONAL = opencc.OpenCC("s2tw").convert(SMALL.replace("A/CN.9/2010/1", "A/CN.9/2010/2"))


def doc(key: str) -> URIRef:
    return URIRef(f"https://w3id.org/unodc-kg/id/doc/{key}")


@pytest.fixture
def corpus(tmp_path, seed_path):
    folder = tmp_path / "reports"
    (folder / "2009").mkdir(parents=True)
    (folder / "2009" / "seed.txt").write_bytes(seed_path.read_bytes())
    (folder / "small-gb.txt").write_bytes(SMALL.encode("gb18030"))
    (folder / "small-big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    return folder


def test_folder_of_reports_in_many_encodings(corpus, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--no-viz"])
    assert result.exit_code == 0, result.output
    assert "gb18030" in result.output and "big5" in result.output
    graph = Graph().parse(out / "graph.ttl")
    assert (doc("A-CN.9-2010-1"), KG.sourceEncoding, Literal("gb18030")) in graph
    assert (doc("A-CN.9-2010-2"), DCTERMS.language, Literal("zh-Hant")) in graph
    assert (doc("A-CN.9-2010-2"), DCTERMS.issued, None) in graph
    unodc = URIRef("https://w3id.org/unodc-kg/id/org/unodc")
    parts = map(str, graph.objects(unodc, KG.mentionedIn))
    documents = {p.split("/p/")[0] for p in parts if "/p/" in p}
    assert documents == {str(doc(k)) for k in ("E-CN.7-2009-3", "A-CN.9-2010-1", "A-CN.9-2010-2")}
    traditional = {str(o) for o in graph.objects(unodc, None) if isinstance(o, Literal)}
    assert "毒品和犯罪問題辦公室" in traditional  # the original form is kept
    paragraph = URIRef(f"{doc('A-CN.9-2010-2')}/p/2")
    assert "國際刑事警察組織" in str(graph.value(paragraph, KG.text))


def test_unchanged_documents_are_not_read_again(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out)
    before = (out / "graph.ttl").read_bytes()
    import kg.build

    def refuse(*_args, **_kwargs):
        raise AssertionError("an unchanged document was extracted again")

    monkeypatch.setattr(kg.build, "extract_text", refuse)
    result = build([corpus], out)
    assert len(result.reused) == 3 and not result.built
    assert (out / "graph.ttl").read_bytes() == before


def test_a_changed_document_replaces_its_own_graph(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    seed_graph = (out / "documents" / "E-CN.7-2009-3.ttl").read_bytes()
    changed = SMALL.replace("肯尼亚", "乌干达")
    (corpus / "small-gb.txt").write_bytes(changed.encode("gb18030"))
    result = build([corpus], out)
    assert result.built == ("A-CN.9-2010-1",)
    assert (out / "documents" / "E-CN.7-2009-3.ttl").read_bytes() == seed_graph
    graph = Graph().parse(out / "graph.ttl")
    small = str(doc("A-CN.9-2010-1"))
    mentioned = {
        str(s)
        for s, _, p in graph.triples((None, KG.mentionedIn, None))
        if str(p).startswith(small)
    }
    assert "https://w3id.org/unodc-kg/id/country/UGA" in mentioned
    assert "https://w3id.org/unodc-kg/id/country/KEN" not in mentioned


def test_remove_by_symbol_or_file(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    result = runner.invoke(app, ["remove", "A/CN.9/2010/2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert set(load_manifest(out)) == {"E-CN.7-2009-3", "A-CN.9-2010-1"}
    assert runner.invoke(app, ["remove", "small-gb.txt", "--out", str(out)]).exit_code == 0
    assert set(load_manifest(out)) == {"E-CN.7-2009-3"}
    missing = runner.invoke(app, ["remove", "A/NONE/1", "--out", str(out)])
    assert missing.exit_code == 2 and "no document" in missing.output


def test_duplicates_under_two_names_make_one_graph(tmp_path, seed_path):
    folder = tmp_path / "dup"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_path.read_bytes())
    (folder / "b.txt").write_bytes(seed_path.read_bytes())
    out = tmp_path / "out"
    result = build([folder], out)
    assert len(result.records) == 1 and len(result.built) == 1
    graph = Graph().parse(out / "graph.ttl")
    sources = {str(s) for s in graph.objects(doc("E-CN.7-2009-3"), KG.sourceFile)}
    assert {Path(s).name for s in sources} == {"a.txt", "b.txt"}


def test_failures_are_reported_and_the_rest_goes_on(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--no-viz"])
    assert result.exit_code == 1
    assert "empty.txt: file is empty" in result.output
    assert "binary.txt: binary file" in result.output
    assert len(load_manifest(out)) == 3


def test_nothing_readable_exits_2_and_writes_nothing(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "file is empty" in result.output
    assert not (tmp_path / "out").exists()


def test_no_paragraph_numbers_falls_back_with_a_warning(tmp_path):
    text = "会议讨论了贩运人口问题。\n与会者强调了国际合作的重要性。\n会议通过了报告。\n"
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["build", str(path), "--out", str(tmp_path / "out"), "--no-viz"])
    assert result.exit_code == 0
    assert "warning" in result.output and "reading order" in result.output


def test_a_killed_build_leaves_the_previous_graph_intact(tmp_path, seed_path):
    folder = tmp_path / "big"
    folder.mkdir()
    seed = seed_path.read_text(encoding="utf-8")
    (folder / "r0.txt").write_text(seed, encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    for index in range(1, 40):  # enough work that the build is still running when killed
        (folder / f"r{index}.txt").write_text(
            seed.replace("2009/3", f"2009/{index + 100}"), encoding="utf-8"
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(folder), "--out", str(out), "--no-viz"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(6)
    assert process.poll() is None, "the build finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert set(load_manifest(out)) == {"E-CN.7-2009-3"}
    result = build([folder / "r0.txt"], out)  # the next build cleans up and goes on
    assert not list(tmp_path.glob(".out.staging-*"))
    assert len(result.records) == 1


def test_a_large_file_of_reports_is_read_one_report_per_volume(tmp_path, seed_path, monkeypatch):
    import kg.inputs

    monkeypatch.setattr(kg.inputs, "LARGE_FILE", 100_000)
    seed = seed_path.read_text(encoding="utf-8")
    reports = [f"联合国 E/CN.7/2009/{n}\n" + seed for n in range(300, 304)]
    big = tmp_path / "reports.txt"
    big.write_text("".join(reports), encoding="utf-8")
    result = build([big], tmp_path / "out")
    assert len(result.built) == 4
    firsts = sorted(record.symbols[0] for record in result.records)
    assert firsts == [f"E/CN.7/2009/{n}" for n in range(300, 304)]
    assert all(r.paragraphs == 91 for r in result.records)


def test_a_large_file_is_read_streaming_in_volumes(tmp_path, seed_path, monkeypatch):
    import kg.inputs

    monkeypatch.setattr(kg.inputs, "LARGE_FILE", 100_000)
    monkeypatch.setattr(kg.inputs, "VOLUME_CHARS", 20_000)
    seed = seed_path.read_text(encoding="utf-8")
    text = "\n\n".join(seed.replace("2009/3", f"2009/{n}") for n in range(200, 204))
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="gb18030")
    assert big.stat().st_size > 100_000
    out = tmp_path / "out"
    result = build([big], out)
    volumes = sorted(result.built)
    assert len(volumes) > 3 and all("-v0" in key for key in volumes)
    graph = Graph().parse(out / "graph.ttl")
    checked = 0
    for paragraph, start in graph.subject_objects(KG.startOffset):
        body = graph.value(paragraph, KG.text)
        if body is not None and "/p/" in str(paragraph):
            assert text[int(start)] == str(body)[0]  # offsets count from the start of the file
            checked += 1
    assert checked > 300
    again = build([big], out)
    assert not again.built and sorted(again.reused) == volumes


def test_pdf_and_word_documents(tmp_path):
    import docx
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    lines = [line for line in SMALL.splitlines() if line.strip()]
    folder = tmp_path / "mixed"
    folder.mkdir()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(folder / "report.pdf"))
    pdf.setFont("STSong-Light", 11)
    for row, line in enumerate(lines):
        pdf.drawString(40, 800 - 20 * row, line.replace("A/CN.9/2010/1", "A/CN.9/2010/3"))
    pdf.showPage()
    pdf.save()
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line.replace("A/CN.9/2010/1", "A/CN.9/2010/4"))
    word.save(str(folder / "report.docx"))
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "out"
    result = build([folder], out)
    assert {r.encoding for r in result.records} == {"pdf", "docx"}
    assert any("scan.pdf" in str(f) and "PDF" in f.reason for f in result.failures)
    graph = Graph().parse(out / "graph.ttl")
    unodc = URIRef("https://w3id.org/unodc-kg/id/org/unodc")
    documents = {str(p).split("/p/")[0] for p in graph.objects(unodc, KG.mentionedIn)}
    assert documents >= {str(doc("A-CN.9-2010-3")), str(doc("A-CN.9-2010-4"))}


def test_a_file_of_several_reports_is_one_document_per_report(tmp_path, seed_path):
    seed = seed_path.read_text(encoding="utf-8")
    text = "".join(f"联合国 E/CN.7/2009/{n}\n" + seed for n in (310, 311))
    path = tmp_path / "two.txt"
    path.write_text(text, encoding="utf-8")
    result = build([path], tmp_path / "out")
    assert sorted(r.symbols[0] for r in result.records) == ["E/CN.7/2009/310", "E/CN.7/2009/311"]
    assert all(r.paragraphs == 91 for r in result.records)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    for paragraph, start in graph.subject_objects(KG.startOffset):
        body = graph.value(paragraph, KG.text)
        if body is not None and "/p/" in str(paragraph):
            assert text[int(start)] == str(body)[0]


def store_quads(out: Path) -> set[str]:
    import pyoxigraph as ox

    return {str(quad) for quad in ox.Store.read_only(str(out / "store"))}


def test_an_updated_store_is_the_store_a_build_from_scratch_makes(corpus, tmp_path, seed_path):
    out = tmp_path / "out"
    build([corpus], out)
    (corpus / "small-gb.txt").write_bytes(SMALL.replace("肯尼亚", "乌干达").encode("gb18030"))
    (corpus / "copy.txt").write_bytes(seed_path.read_bytes())  # a duplicate: one more source
    (corpus / "small-big5.txt").unlink()  # stays until removed
    result = build([corpus], out)
    assert result.built == ("A-CN.9-2010-1",) and result.reused == ("E-CN.7-2009-3",)
    assert runner.invoke(app, ["remove", "A/CN.9/2010/2", "--out", str(out)]).exit_code == 0
    scratch = tmp_path / "scratch"
    build([corpus], scratch)
    assert store_quads(out) == store_quads(scratch)
    for name in ("graph.ttl", "graph.trig", "manifest.json"):
        expected = (scratch / name).read_bytes().replace(str(scratch).encode(), str(out).encode())
        assert (out / name).read_bytes() == expected
