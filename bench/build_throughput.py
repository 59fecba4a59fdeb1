"""End-to-end `kg build` against `jieba.lcut` on the same text, in the same run.

Corpora: N copies of the seed report, each under its own symbols (the copy's symbol
number replaces the seed's, as in bench/ingest.py, so N distinct documents), and the
Chinese UN documents of 2023 in ``../shared/corpus/un2023/`` (skipped if absent). Each
corpus is measured in a fresh process:

* ``jieba.lcut`` over each file's text, before and after the build (the faster run
  counts): the baseline, on the text the build reads;
* ``build()`` of the folder into a fresh output folder, the clock started after the
  imports, spaCy's pipeline and jieba's dictionary are loaded (jieba, too, is timed
  warm); the ratio is jieba's time over the build's;
* the CPU time of the build's thread and of the whole process (its threads: the store's
  loader, Oxigraph's and RocksDB's; not worker processes): on a shared machine these
  vary less than the clock;
* resident memory at each document the build reports, and the process's peak;
* ``--workers``: the same build with that many worker processes (their start counted);
* ``--add-one``: one more document added to the built graph (an incremental build), and
  the same as a `kg build` command (a process: imports and start-up counted).

The load average of the machine (``/proc/loadavg``) is printed with every row: these
machines are shared, and a build with workers needs free cores.

Run: python bench/build_throughput.py [--sizes 1 40 1000] [--workers 2] [--add-one]
     [--un2023 ../shared/corpus/un2023]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "unodc-activities-2008.zh.txt"
UN2023 = ROOT.parent / "shared" / "corpus" / "un2023"

RUN = """
import json, resource, subprocess, sys, time
from pathlib import Path
import jieba
from kg.build import build
from kg.nlp.extract import Extractor

folder, out, workers, add = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
Extractor().extract_text("毒品和犯罪问题办公室")  # the pipeline and gazetteers, loaded
jieba.lcut("毒品和犯罪问题办公室")  # jieba's dictionary, loaded


def rss() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


def lcut() -> float:
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


samples = []
before = lcut()
start, main, process = time.perf_counter(), time.thread_time(), cpu()
build([folder], out, workers=workers, progress=lambda *_: samples.append(rss()))
seconds = time.perf_counter() - start
main, process = time.thread_time() - main, cpu() - process
after = lcut()
row = {
    "documents": len(texts), "characters": sum(map(len, texts)), "build": seconds,
    "cpu_main": main, "cpu": process, "jieba": min(before, after), "rss": samples,
    "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}
if add:  # one more document (symbol …/2009/99), then another one (…/2009/98) by the command
    extra = Path(add).read_text(encoding="utf-8")
    (folder / "extra-99.txt").write_text(extra, encoding="utf-8")
    start = time.perf_counter()
    build([folder], out)
    row["add"] = time.perf_counter() - start
    (folder / "extra-98.txt").write_text(extra.replace("2009/99", "2009/98"), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(folder), "--out", str(out),
                    "--no-viz"], check=True, capture_output=True)
    row["add_command"] = time.perf_counter() - start
print(json.dumps(row))
"""


def seed_copies(folder: Path, copies: int, first: int = 100) -> None:
    """``copies`` copies of the seed, each under its own symbols (…/2009/<first + i>)."""
    text = SEED.read_text(encoding="utf-8")
    for index in range(copies):
        symbol = f"2009/{first + index}"
        (folder / f"report-{index:04d}.txt").write_text(text.replace("2009/3", symbol), "utf-8")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def measure(folder: Path, workers: int = 1, add: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        loads = [load_average()]
        output = subprocess.run(
            [sys.executable, "-c", RUN, str(folder), str(out), str(workers), str(add or "")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        loads.append(load_average())
    row = json.loads(output.splitlines()[-1])
    row["load"] = " → ".join(loads)
    return row


def show(name: str, workers: int, row: dict) -> None:
    rss = row["rss"]
    tenth = rss[max(0, len(rss) // 10 - 1)]
    print(
        f"| {name} | {row['documents']} | {row['characters']:,} | {workers} "
        f"| {row['jieba']:.2f} | {row['build']:.2f} | {row['cpu_main']:.2f} / {row['cpu']:.2f} "
        f"| **{row['jieba'] / row['build']:.2f}×** "
        f"| {tenth:.0f} → {rss[-1]:.0f} | {row['peak']:.0f} | {row['load']} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 40, 1000])
    parser.add_argument("--workers", type=int, nargs="*", default=[], help="also with N workers")
    parser.add_argument("--workers-size", type=int, default=100, help="documents for --workers")
    parser.add_argument("--add-one", action="store_true", help="add one to the largest corpus")
    parser.add_argument("--un2023", type=Path, default=UN2023)
    args = parser.parse_args()
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}; machine: {_machine()}")
    print(
        "| corpus | documents | characters | workers | jieba.lcut (s) | kg build (s) "
        "| CPU s (build thread / process) | build / jieba | resident MB (10 % → end) | peak MB "
        "| load average |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    largest = max(args.sizes, default=0)
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            seed_copies(folder, size)
            add = None
            if args.add_one and size == largest:
                add = Path(work).with_name(Path(work).name + "-extra.txt")
                add.write_text(SEED.read_text(encoding="utf-8").replace("2009/3", "2009/99"))
            row = measure(folder, add=add)
            show(f"{size}× seed", 1, row)
            if add is not None:
                add.unlink()
                print(
                    f"\nadd one document to {size}: build() {row['add']:.2f} s "
                    f"({row['add'] / row['build']:.3f} of building all {size}); "
                    f"`kg build` command {row['add_command']:.2f} s "
                    f"({row['add_command'] / row['build']:.3f})\n"
                )
    if args.un2023.is_dir():
        show("un2023", 1, measure(args.un2023))
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as work:
            seed_copies(Path(work), args.workers_size)
            one = measure(Path(work))
            many = measure(Path(work), workers)
        show(f"{args.workers_size}× seed", 1, one)
        show(f"{args.workers_size}× seed", workers, many)
        print(f"\n{workers} workers: {one['build'] / many['build']:.2f}× one process\n")


def _machine() -> str:
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    memory = Path("/proc/meminfo").read_text().split()[1]
    return f"{cores} cores, {int(memory) / 2**20:.0f} GiB, Python {sys.version.split()[0]}"


if __name__ == "__main__":
    main()
