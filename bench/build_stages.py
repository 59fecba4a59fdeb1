"""Where a build's time goes: each stage timed on N copies of the seed, in one process, warm.

The copies get their own symbols (as in bench/build_throughput.py). For each document,
in turn: ``jieba.lcut`` of its text (the baseline), decoding and cutting it into reports,
the reader, entities, relations, triples and their Turtle file; then the loader takes the
documents' files into a new store (bulk loads and the final compaction), and its CPU
time is read from the operating system (all threads: Oxigraph's and RocksDB's too).

Run: python bench/build_stages.py [--copies 40]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import resource
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import jieba

from kg import graph_files, triples
from kg.extraction import ExtractedDocument
from kg.ids import document_key
from kg.inputs import reports
from kg.loading import Loader
from kg.nlp.extract import Extractor
from kg.reader import parse_document
from kg.relations.extract import extract_relations
from kg.sources import read_source

SEED = Path(__file__).resolve().parent.parent / "seeds" / "unodc-activities-2008.zh.txt"


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    files = [
        (Path(f"report-{n}.txt"), seed.replace("2009/3", f"2009/{n + 100}").encode())
        for n in range(args.copies)
    ]
    extractor = Extractor()
    extractor.extract_text("毒品和犯罪问题办公室")
    jieba.lcut("毒品和犯罪问题办公室")
    gc.freeze()  # as build() does once a document is extracted (kg/build.py, _Heap)
    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, step, *arguments):
        start = time.perf_counter()
        result = step(*arguments)
        spent[stage] += time.perf_counter() - start
        return result

    graphs = []
    for path, data in files:
        text = timed("decode, cut into reports", read_source, path, data).text
        timed("decode, cut into reports", reports, text)
        timed("jieba.lcut (baseline)", jieba.lcut, text)
        document = timed("read (kg/reader.py)", parse_document, text, path.as_posix())
        entities = timed("entities (kg/nlp)", extractor.extract, document)
        relations = timed("relations (kg/relations)", extract_relations, document, entities)
        key = document_key(document, "")
        built = ExtractedDocument(
            path, key, document, hashlib.sha256(data).hexdigest(), entities, relations
        )
        graph = timed("triples (kg/triples.py)", triples.graph, built)
        graphs.append((key, timed("Turtle file (kg/graph_files.py)", graph_files.turtle, graph)))
    with tempfile.TemporaryDirectory() as work:
        start, wall = cpu(), time.perf_counter()
        loader = Loader(Path(work) / "store")
        for key, data in graphs:
            loader.load(key, data)
        loader.finish(compact=True)
        loader.close()
        store_cpu, store_wall = cpu() - start, time.perf_counter() - wall
    count = len(files)
    work_total = sum(v for k, v in spent.items() if "baseline" not in k) + store_cpu
    print(f"| stage ({count} seed copies) | ms a document | share of the build's CPU |")
    print("|---|---|---|")
    for stage, seconds in spent.items():
        share = "—" if "baseline" in stage else f"{seconds / work_total:.0%}"
        print(f"| {stage} | {seconds / count * 1000:.1f} | {share} |")
    print(
        f"| store: bulk loads and compaction (kg/loading.py), CPU of all threads "
        f"| {store_cpu / count * 1000:.1f} | {store_cpu / work_total:.0%} |"
    )
    print(f"| store, wall time | {store_wall / count * 1000:.1f} | — |")
    jieba_time = spent["jieba.lcut (baseline)"]
    print(
        f"\nThe store alone, with extraction free and beside it, holds the build to "
        f"jieba / store wall = {jieba_time / store_wall:.2f}×"
    )
    print(
        f"CPU a document {work_total / count * 1000:.0f} ms, jieba.lcut "
        f"{jieba_time / count * 1000:.0f} ms; load average "
        + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    )


if __name__ == "__main__":
    main()
