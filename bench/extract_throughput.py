"""Extraction throughput against jieba, and memory over a growing corpus.

Builds a corpus of at least 5 MB (UTF-8) from the seed report: its sentences are
shuffled (fixed seed) into new paragraphs of the seed's paragraph lengths, so
the text is the seed's vocabulary in fresh contexts rather than one text
repeated. Then, in the same process and interleaved, it times

* ``jieba.lcut`` over every paragraph (the baseline), and
* the whole extractor (segmentation, rules, resolution) over the same
  paragraphs, read as documents of the seed's size,

and samples the resident memory while the extractor streams through the corpus.

With ``--frozen`` the objects alive after the warm-up are frozen out of the
garbage collector's full passes, as ``kg build`` does after its first document
(`kg.build._Heap`): the extractor as the build runs it.

Run: python bench/extract_throughput.py [--megabytes 5] [--rounds 3] [--frozen]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from pathlib import Path

import jieba

from kg.nlp.extract import Extractor, TextPart
from kg.reader import read_document
from kg.text import iter_sentences

SEED = Path(__file__).resolve().parent.parent / "seeds" / "unodc-activities-2008.zh.txt"


def build_corpus(megabytes: float, seed: int = 2009) -> list[list[str]]:
    """Documents (lists of paragraphs) of shuffled seed sentences, ≥ ``megabytes`` MB."""
    document = read_document(SEED)
    sentences = [p.text[a:b] for p in document.paragraphs for a, b in iter_sentences(p.text)]
    lengths = [len(p.text) for p in document.paragraphs]
    rng = random.Random(seed)
    corpus: list[list[str]] = []
    size = 0
    while size < megabytes * 1_000_000:
        paragraphs = []
        for length in lengths:
            text = ""
            while len(text) < length:
                text += rng.choice(sentences)
            paragraphs.append(text)
            size += len(text.encode("utf-8"))
        corpus.append(paragraphs)
    return corpus


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 1_000_000


def time_jieba(corpus: list[list[str]]) -> float:
    start = time.perf_counter()
    for paragraphs in corpus:
        for text in paragraphs:
            jieba.lcut(text)
    return time.perf_counter() - start


def time_extractor(extractor: Extractor, corpus: list[list[str]], samples: list[float]) -> float:
    start = time.perf_counter()
    for index, paragraphs in enumerate(corpus):
        extractor.extract_parts([TextPart(str(n), t) for n, t in enumerate(paragraphs, 1)])
        if index % max(1, len(corpus) // 10) == 0:
            samples.append(resident_mb())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--frozen", action="store_true", help="freeze the GC after warm-up, as kg build does"
    )
    args = parser.parse_args()

    corpus = build_corpus(args.megabytes)
    chars = sum(len(t) for paragraphs in corpus for t in paragraphs)
    megabytes = sum(len(t.encode("utf-8")) for p in corpus for t in p) / 1_000_000
    extractor = Extractor()
    extractor.extract_text("毒品和犯罪问题办公室")  # load gazetteers and jieba before timing
    jieba.lcut("毒品和犯罪问题办公室")
    if args.frozen:
        gc.freeze()

    jieba_times, extractor_times, samples = [], [], []
    for _ in range(args.rounds):
        jieba_times.append(time_jieba(corpus))
        extractor_times.append(time_extractor(extractor, corpus, samples))
    jieba_rate = chars / statistics.median(jieba_times)
    extractor_rate = chars / statistics.median(extractor_times)
    first = samples[: len(samples) // args.rounds]
    print(f"corpus: {megabytes:.1f} MB, {chars:,} characters, {len(corpus)} documents")
    if args.frozen:
        print("garbage collector frozen after warm-up, as in kg build")
    print(f"jieba.lcut: {jieba_rate:,.0f} chars/s (median of {args.rounds})")
    print(f"extractor:  {extractor_rate:,.0f} chars/s (median of {args.rounds})")
    print(f"ratio extractor / jieba: {extractor_rate / jieba_rate:.2f}")
    print(
        "resident memory during the first pass (MB): "
        + ", ".join(f"{value:.0f}" for value in first)
    )


if __name__ == "__main__":
    main()
