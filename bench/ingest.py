"""Ingest of 1×, 10× and 100× the seed: wall time and peak memory of `kg build`.

Each corpus is N copies of the seed report, each with its own document symbol
(so N documents), in a fresh output folder. Each build runs in its own process;
its peak resident memory is read from the operating system.

Run: python bench/ingest.py [--sizes 1 10 100]
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


def run(copies: int, large: int = 0) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "corpus"
        folder.mkdir()
        characters = one_large_file(folder, large) if large else corpus(folder, copies)
        script = (
            "import resource, sys, time; from pathlib import Path; from kg.build import build;"
            "t = time.perf_counter(); build([Path(sys.argv[1])], Path(sys.argv[2]));"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        output = subprocess.run(
            [sys.executable, "-c", script, str(folder), str(Path(work) / "out")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        return float(output[0]), int(output[1]) / 1024, characters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--large-mb", type=int, default=0, help="also one file of this many MB")
    args = parser.parse_args()
    print("| corpus | documents | characters | time (s) | s per document | peak memory (MB) |")
    print("|---|---|---|---|---|---|")
    for copies in args.sizes:
        seconds, megabytes, characters = run(copies)
        print(
            f"| {copies}× seed | {copies} | {characters:,} | {seconds:.1f} | "
            f"{seconds / copies:.2f} | {megabytes:.0f} |",
            flush=True,
        )
    if args.large_mb:
        seconds, megabytes, size = run(0, args.large_mb)
        row = f"| one {args.large_mb} MB file | 1 | {size:,} bytes | {seconds:.1f} | — |"
        print(f"{row} {megabytes:.0f} |")


if __name__ == "__main__":
    main()
