"""Ingest of 1×, 10× and 100× the seed: wall time and peak memory of `kg build`.

Each corpus is N copies of the seed report, each with its own document symbol
(so N documents), in a fresh output folder. Each build runs in its own process;
its peak resident memory is read from the operating system (with workers: the
main process's and the largest worker's). Each size is built on every engine and
number of workers given, one after the other, and the speed-up is against the first.

Run: python bench/ingest.py [--sizes 1 10 100] [--engine local ray] [--workers 1 2]
(with ray and no RAY_ADDRESS, a local Ray instance of ``workers`` CPUs)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "unodc-activities-2008.zh.txt"


def corpus(folder: Path, copies: int) -> int:
    text = SEED.read_text(encoding="utf-8")
    for index in range(copies):
        symbol = f"2009/{index + 100}"
        (folder / f"report-{index:04d}.txt").write_text(text.replace("2009/3", symbol), "utf-8")
    return len(text) * copies


def one_large_file(folder: Path, megabytes: int) -> int:
    """One file of ``megabytes`` MB: seed copies, each under a masthead with its own symbol."""
    text = SEED.read_text(encoding="utf-8")
    size = 0
    index = 0
    with (folder / "large.txt").open("w", encoding="utf-8") as stream:
        while size < megabytes * 1_000_000:
            symbol = f"2009/{index + 100}"
            chunk = f"联合国 E/CN.7/{symbol}\n" + text.replace("2009/3", symbol) + "\n\n"
            stream.write(chunk)
            size += len(chunk.encode("utf-8"))
            index += 1
    return size


BUILD = """
import os, resource, sys, time
from pathlib import Path
from kg.build import build
folder, out, workers, engine = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
if engine == "ray" and not os.environ.get("RAY_ADDRESS"):
    import ray
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
t = time.perf_counter()
build([folder], out, workers=workers, engine=engine)
seconds = time.perf_counter() - t
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest one
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children)
"""


def run(
    copies: int, large: int = 0, workers: int = 1, engine: str = "local"
) -> tuple[float, float, float, int]:
    """(seconds, peak MB of the main process, of its largest worker, characters read)."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "corpus"
        folder.mkdir()
        characters = one_large_file(folder, large) if large else corpus(folder, copies)
        out = str(Path(work) / "out")
        output = subprocess.run(
            [sys.executable, "-c", BUILD, str(folder), out, str(workers), engine],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        return float(output[0]), int(output[1]) / 1024, int(output[2]) / 1024, characters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--large-mb", type=int, default=0, help="also one file of this many MB")
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="worker processes")
    parser.add_argument("--engine", choices=["local", "ray"], nargs="+", default=["local"])
    args = parser.parse_args()
    print(
        "| corpus | documents | characters | engine | workers | time (s) | documents/s "
        "| characters/s "
        "| peak memory, main (MB) | peak memory, largest worker (MB) | speed-up |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    runs = [(engine, workers) for engine in args.engine for workers in args.workers]
    for copies in args.sizes:
        first = 0.0
        for engine, workers in runs:
            seconds, main, worker, characters = run(copies, 0, workers, engine)
            first = first or seconds
            worker_peak = f"{worker:.0f}" if workers > 1 and engine == "local" else "—"
            print(
                f"| {copies}× seed | {copies} | {characters:,} | {engine} | {workers} | "
                f"{seconds:.1f} | "
                f"{copies / seconds:.2f} | {characters / seconds:,.0f} | {main:.0f} | "
                f"{worker_peak} | {first / seconds:.2f}× |",
                flush=True,
            )
    if args.large_mb:
        engine, workers = runs[0]
        seconds, main, _, size = run(0, args.large_mb, workers, engine)
        row = f"| one {args.large_mb} MB file | — | {size:,} bytes | {engine} | {workers} | "
        row += f"{seconds:.1f} |"
        print(f"{row} — | — | {main:.0f} | — | — |")


if __name__ == "__main__":
    main()
