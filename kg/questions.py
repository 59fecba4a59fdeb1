"""The shipped questions: the SPARQL files in ``queries/``, each opening with comment lines
that state its question in Chinese (``# zh:``) and English (``# en:``)."""

from __future__ import annotations

from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


def _comment(lines: list[str], tag: str) -> str:
    return next((line.removeprefix(tag).strip() for line in lines if line.startswith(tag)), "")


def shipped_queries() -> dict[str, tuple[str, str, Path]]:
    """Name → (Chinese question, English question, file) of the queries in queries/."""
    found = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        lines = path.read_text(encoding="utf-8").splitlines()
        found[path.stem] = (_comment(lines, "# zh:"), _comment(lines, "# en:"), path)
    return found
