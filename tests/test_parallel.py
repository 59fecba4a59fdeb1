"""`kg build --workers N` and `--engine ray`: the same graph, byte for byte, as one process."""

import shutil
import sys

import pytest
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.engines import open_engine
from kg.manifest import load_manifest

runner = CliRunner()
SMALL = """联合国 A/CN.9/2010/1
2010 年 5 月

1. 国际刑事警察组织（刑警组织）协助肯尼亚打击贩运人口。
"""


def outputs(out):
    """Every file a build writes but the store (whose files Oxigraph names at random)."""
    files = ["graph.ttl", "graph.trig", "manifest.json"]
    files += sorted(f"documents/{p.name}" for p in (out / "documents").iterdir())
    return {name: (out / name).read_bytes() for name in files}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_path):
    """The seed, a copy under another symbol and its duplicate, and a file of two reports."""
    folder = tmp_path_factory.mktemp("corpus")
    seed = seed_path.read_text(encoding="utf-8")
    (folder / "seed.txt").write_text(seed, encoding="utf-8")
    for name in ("r101.txt", "r101-again.txt"):
        (folder / name).write_text(seed.replace("2009/3", "2009/101"), encoding="utf-8")
    two = "".join(f"联合国 E/CN.7/2009/{n}\n" + seed for n in (310, 311))
    (folder / "two.txt").write_text(two, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single(tmp_path_factory, corpus):
    """The corpus built in this process: what every other engine must give."""
    out = tmp_path_factory.mktemp("single")
    seen = []
    result = build([corpus], out, progress=lambda path, status, _: seen.append((path, status)))
    return result, outputs(out), seen


@pytest.fixture(scope="module")
def pooled(tmp_path_factory, corpus):
    """The corpus built by two worker processes."""
    out = tmp_path_factory.mktemp("pooled")
    seen = []
    result = build(
        [corpus], out, workers=2, progress=lambda path, status, _: seen.append((path, status))
    )
    return result, out, seen


def test_two_workers_write_the_same_files(single, pooled):
    expected_result, expected, expected_progress = single
    result, out, seen = pooled
    assert outputs(out) == expected
    assert result.built == expected_result.built and result.triples == expected_result.triples
    assert seen == expected_progress  # one report per input, in input order
    assert "duplicate" in dict(seen).values() and len(result.records) == 4


def test_an_unchanged_corpus_is_not_extracted_again_with_workers(pooled, corpus, tmp_path):
    _, built, _ = pooled
    out = tmp_path / "out"
    shutil.copytree(built, out)
    again = build([corpus], out, workers=2)
    assert not again.built and len(again.reused) == 4  # the file of two reports too
    assert outputs(out) == outputs(built)


def test_failures_are_reported_and_the_rest_is_built_with_workers(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_text(SMALL, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "d.txt").write_text(SMALL.replace("2010/1", "2010/2"), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--no-viz", "-w", "2"])
    assert result.exit_code == 1, result.output
    assert "b-empty.txt: file is empty" in result.output
    assert "c-binary.txt: binary file" in result.output
    assert set(load_manifest(out)) == {"A-CN.9-2010-1", "A-CN.9-2010-2"}


def test_a_process_pool_keeps_the_order_of_the_items():
    engine = open_engine("local", workers=2)
    try:
        assert list(engine.map(str, range(40))) == [str(n) for n in range(40)]
    finally:
        engine.close()


def test_the_ray_engine_asks_for_ray_when_it_is_missing(tmp_path, seed_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails as if not installed
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(seed_path), "--out", str(out), "--engine", "ray"])
    assert result.exit_code == 2
    assert 'pip install -e ".[ray]"' in result.output
    assert not out.exists()


def test_a_ray_cluster_builds_the_same_graph(single, corpus, tmp_path):
    ray = pytest.importorskip("ray")
    expected_result, expected, _ = single
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        result = build([corpus], tmp_path / "out", engine="ray")
    finally:
        ray.shutdown()
    assert outputs(tmp_path / "out") == expected
    assert result.built == expected_result.built
