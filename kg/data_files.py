"""Reading the project's data files: TSV tables and word lists with `#` header lines."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``kg/data``."""
    return DATA_DIR / name


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts; `#` lines are comments, the first other row the header."""
    return list(_rows(data_path(name)))


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        lines = (line for line in stream if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            yield {key: (value or "").strip() for key, value in row.items() if key}


@cache
def read_words(name: str) -> tuple[str, ...]:
    """A word list: one entry per line (first TSV column), `#` lines are comments."""
    words = []
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.append(line.split("\t")[0].strip())
    return tuple(words)


def split_multi(value: str) -> list[str]:
    """A multi-valued cell: values separated by `|`."""
    return [part.strip() for part in value.split("|") if part.strip()]
