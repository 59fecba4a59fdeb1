"""The books: the manifest of a built graph, and when it may be built upon."""

import json
from dataclasses import replace

from kg.manifest import (
    DOCUMENTS,
    MANIFEST,
    DocumentRecord,
    extractor_version,
    graph_file,
    load_manifest,
    manifest_bytes,
)

RECORD = DocumentRecord(
    key="A-1",
    content_hash="ab" * 32,
    sources=("reports/a.txt", "copies/a.txt"),
    encoding="gb18030",
    symbols=("A/1",),
    title="报告",
    paragraphs=3,
    entities=4,
    relations=5,
    characters=600,
    triples=70,
)


def written(tmp_path, records) -> None:
    (tmp_path / DOCUMENTS).mkdir(exist_ok=True)
    for record in records:
        graph_file(tmp_path, record.key).write_bytes(b"")
    (tmp_path / MANIFEST).write_bytes(manifest_bytes(records))


def test_records_read_back_as_written_in_key_order(tmp_path):
    records = [RECORD, replace(RECORD, key="0-first", sources=("b.txt",))]
    written(tmp_path, records)
    assert load_manifest(tmp_path) == {record.key: record for record in records}
    rows = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))["documents"]
    assert [row["key"] for row in rows] == sorted(row["key"] for row in rows)
    assert "报告" in (tmp_path / MANIFEST).read_text(encoding="utf-8")


def test_a_manifest_of_other_code_or_without_graph_files_is_not_built_upon(tmp_path):
    written(tmp_path, [RECORD])
    graph_file(tmp_path, RECORD.key).unlink()
    assert load_manifest(tmp_path) == {}
    written(tmp_path, [RECORD])
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    manifest["version"] = "other"
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert load_manifest(tmp_path) == {}
    assert load_manifest(tmp_path / "nothing-here") == {}
    assert len(extractor_version()) == 16
