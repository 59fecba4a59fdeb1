"""Reading: the files a build is given, and the texts each file holds."""

import hashlib

import pytest

import kg.inputs
from kg.errors import InputError
from kg.inputs import collect_inputs, file_hash, is_large, reports, stream_codec, volumes

REPORT = "联合国 E/CN.7/2010/{n}\n\n1. 毒品和犯罪问题办公室与世界卫生组织合作。\n\n"


def test_folders_stand_for_their_documents_sorted_and_once(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.pdf", "sub/c.docx", "notes.md"):
        (folder / name).write_bytes(b"x")
    found = collect_inputs([folder, folder / "b.txt"])
    assert [p.relative_to(folder).as_posix() for p in found] == ["a.pdf", "b.txt", "sub/c.docx"]


def test_a_missing_path_or_an_empty_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        collect_inputs([tmp_path / "nope.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no documents"):
        collect_inputs([tmp_path / "empty"])


def test_a_text_of_several_reports_is_one_piece_per_masthead():
    text = "".join(REPORT.format(n=n) for n in (1, 2, 3))
    pieces = reports(text)
    assert [offset for offset, _ in pieces] == [
        0,
        len(REPORT.format(n=1)),
        2 * len(REPORT.format(n=1)),
    ]
    assert "".join(piece for _, piece in pieces) == text
    assert reports("只有一份报告。") == [(0, "只有一份报告。")]


def test_a_large_file_is_read_in_volumes_with_their_offsets(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.inputs, "LARGE_FILE", 1_000)
    monkeypatch.setattr(kg.inputs, "VOLUME_CHARS", 200)
    text = "".join(REPORT.format(n=n) for n in range(20)) + "\n".join(["一二三四五。"] * 200)
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("gb18030"))
    assert is_large(path)
    codec = stream_codec(path)
    assert codec == "gb18030"
    found = list(volumes(path, codec))
    assert len(found) > 20
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in found)
    assert "".join(piece for _, piece in found) == text


def test_a_file_hash_is_the_sha256_of_its_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 3_000_000)
    assert file_hash(path) == hashlib.sha256(b"x" * 3_000_000).hexdigest()
