"""The `kg` command line: a thin layer over the Python API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.errors import KGError

app = typer.Typer(
    help="Turn Chinese-language UN reports into a knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

Paths = Annotated[
    list[Path] | None,
    typer.Argument(help="Documents or folders of documents (default: the shipped seeds/)."),
]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder.")]


def fail(error: Exception) -> typer.Exit:
    """Print a one-line error and return the exit to raise (code 2)."""
    errors.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


@app.command()
def build(paths: Paths = None, out: OutDir = Path("out")) -> None:
    """Read documents and write the knowledge graph (graph.ttl, graph.trig) to OUT."""
    from kg.build import build as run_build

    try:
        result = run_build(paths, out)
    except KGError as error:
        raise fail(error) from None
    table = Table(title="kg build", show_edge=False)
    for column in ("document", "symbols", "paragraphs", "footnotes", "sections"):
        table.add_column(column, justify="left" if column in ("document", "symbols") else "right")
    for built in result.documents:
        document = built.document
        table.add_row(
            built.path.as_posix(),
            ", ".join(document.metadata.symbols) or "—",
            str(len(document.paragraphs)),
            str(len(document.footnotes)),
            str(sum(1 for _ in document.iter_headings())),
        )
    console.print(table)
    for built in result.documents:
        for warning in built.document.warnings:
            errors.print(f"[yellow]warning:[/] {built.path.as_posix()}: {warning}", highlight=False)
    written = ", ".join(path.as_posix() for path in result.files)
    console.print(f"{result.triples:,} triples → {written}", highlight=False)


@app.command()
def validate(
    graph: Annotated[
        Path, typer.Argument(help="A Turtle or TriG file written by kg build.")
    ] = Path("out/graph.ttl"),
) -> None:
    """Check a graph file against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validation import validate_file

    try:
        report = validate_file(graph)
    except KGError as error:
        raise fail(error) from None
    if report.conforms:
        console.print(f"{graph.as_posix()}: conforms to the shapes", highlight=False)
        return
    errors.print(report.text, highlight=False)
    raise typer.Exit(code=1)


def main() -> None:
    app()
