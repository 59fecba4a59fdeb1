"""Shipped queries on a ~1M-triple graph: the project's Oxigraph store beside rdflib's memory store.

The graph has the shape of the real one: the seed's graph (``out/graph.trig``,
run ``kg build`` first) copied N times as N documents. Each copy gets its own
document, symbols, paragraphs, assertions and newly named entities (the first
copy keeps the seed's symbols), while gazetteer entities (countries, UN bodies,
regions, cities, threats, instruments, known programmes) are shared between
copies, as in a corpus of many reports.

Every query in ``queries/`` runs on both stores, loaded with the same quads, in
the same process; medians are reported, with their ratio. rdflib is warmed up
first (its SPARQL parser is built on the first query), and each of its runs is
cut off after ``--rdflib-timeout`` seconds (reported as "> T").

Run: python bench/query_speed.py [--triples 1000000] [--oxigraph-runs 5] [--rdflib-runs 3]
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.store import union_quads

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/unodc-kg/id/"
# IRIs that belong to one document (and so differ per copy): documents, graphs, and
# entities the extractor named itself (hash slugs) or built per document (routes, decisions).
PER_DOCUMENT = re.compile(
    rf"<{re.escape(ID)}((?:doc|graph)/[^>]+|[a-z]+/h[0-9a-f]{{12}}[^>]*|route/[^>]+|decision/[^>]+)>"
)
# a document symbol: each copy is another document, so it gets another symbol (an addendum's)
SYMBOL = re.compile(r'(<https://w3id\.org/unodc-kg/ontology#symbol> "[^"]+)"')
TIME_TARGET, RATIO_TARGET = 0.1, 20  # seconds (median), times faster than rdflib


def corpus_nquads(seed_trig: Path, triples: int) -> tuple[str, int]:
    store = ox.Store()
    store.load(path=str(seed_trig), format=ox.RdfFormat.TRIG)
    base = store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8")
    lines = [line for line in base.splitlines() if line and "/graph/threats>" not in line]
    taxonomy = [line for line in base.splitlines() if "/graph/threats>" in line]
    copies = max(1, round((triples - len(taxonomy)) / len(lines)))
    out = list(taxonomy)
    for copy in range(copies):
        rename = f"<{ID}\\g<1>-c{copy}>"
        copied = (PER_DOCUMENT.sub(rename, line) for line in lines)
        if copy:
            copied = (SYMBOL.sub(rf'\g<1>/Add.{copy}"', line) for line in copied)
        out.extend(copied)
    return "\n".join(out) + "\n", copies


def timed(run, repeats: int, timeout: int | None = None) -> tuple[float, int]:
    """Median time and row count of ``repeats`` runs; TimeoutError if a run takes too long."""
    times, rows = [], 0
    for _ in range(repeats):
        with _deadline(timeout):
            start = time.perf_counter()
            rows = run()
            times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--oxigraph-runs", type=int, default=5)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--queries", type=Path, default=ROOT / "queries")
    parser.add_argument(
        "--rdflib-timeout", type=int, default=30, help="seconds before an rdflib query is cut off"
    )
    args = parser.parse_args()

    nquads, copies = corpus_nquads(ROOT / "out" / "graph.trig", args.triples)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        oxigraph = ox.Store(folder)
        oxigraph.bulk_load(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        oxigraph.bulk_extend(union_quads(oxigraph))  # as kg build writes it
        oxigraph.optimize()
        load_oxigraph = time.perf_counter() - start
        start = time.perf_counter()
        rdflib = Dataset(default_union=True)
        rdflib.parse(data=nquads, format="nquads")
        load_rdflib = time.perf_counter() - start
        _count(rdflib.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1"))  # builds the parser
        print(f"graph: {len(oxigraph):,} quads, {copies} document copies")
        print(f"load: oxigraph {load_oxigraph:.1f} s, rdflib {load_rdflib:.1f} s")
        print("| query | oxigraph median (ms) | rdflib median (ms) | ratio | rows |")
        print("|---|---|---|---|---|")
        fast = ratio_met = total = 0
        for path in sorted(args.queries.glob("*.rq")):
            text = path.read_text(encoding="utf-8")
            ox_time, ox_rows = timed(
                lambda t=text: _count(oxigraph.query(t)),
                args.oxigraph_runs,
            )
            try:
                rd_time, rd_rows = timed(
                    lambda t=text: _count(rdflib.query(t)), args.rdflib_runs, args.rdflib_timeout
                )
                check = "" if ox_rows == rd_rows else f" (rdflib: {rd_rows})"
                rd_cell, ratio = f"{rd_time * 1000:.0f}", f"{rd_time / ox_time:.0f}×"
            except TimeoutError:
                check, rd_time = "", args.rdflib_timeout  # a lower bound
                rd_cell, ratio = f"> {rd_time * 1000} (cut off)", f"> {rd_time / ox_time:.0f}×"
            print(
                f"| {path.stem} | {ox_time * 1000:.1f} | {rd_cell} | {ratio} | {ox_rows}{check} |",
                flush=True,
            )
            total += 1
            fast += ox_time < TIME_TARGET
            ratio_met += rd_time / ox_time >= RATIO_TARGET
        print(
            f"\nunder {TIME_TARGET * 1000:.0f} ms: {fast} of {total}; "
            f"at least {RATIO_TARGET}× faster than rdflib: {ratio_met} of {total}"
        )


@contextmanager
def _deadline(seconds: int | None):
    """Raise TimeoutError in this (the main) thread after ``seconds``: rdflib is pure Python."""
    if seconds is None:
        yield
        return

    def expire(*_):
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _count(result) -> int:
    if isinstance(result, ox.QueryBoolean):
        return int(bool(result))
    if hasattr(result, "askAnswer") and result.type == "ASK":
        return int(result.askAnswer)
    return sum(1 for _ in result)


if __name__ == "__main__":
    main()
