"""The `kg` command line: a thin layer over the Python API."""

from __future__ import annotations

import csv
import difflib
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from kg.errors import InputError, KGError
from kg.questions import shipped_queries

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
    errors.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


class EngineName(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def build(
    paths: Paths = None,
    out: OutDir = Path("out"),
    viz: Annotated[bool, typer.Option(help="Also write the interactive graph.html.")] = True,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Processes to extract documents in.")
    ] = 1,
    engine: Annotated[
        EngineName, typer.Option(help="local: this machine; ray: a Ray cluster (the ray extra).")
    ] = EngineName.local,
    ray_address: Annotated[
        str | None,
        typer.Option(help="Ray cluster to join (default: RAY_ADDRESS, else a local instance)."),
    ] = None,
) -> None:
    """Read documents (files or folders) and write the knowledge graph to OUT: graph.ttl,
    graph.trig, the SPARQL store and graph.html. Unchanged documents are not read again.
    The output is the same whatever the workers or engine.

    Exit code 0: all read; 1: some documents failed (the rest is written); 2: nothing could
    be read or the arguments are wrong.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from kg.build import build as run_build
    from kg.inputs import collect_inputs, default_inputs

    try:
        inputs = collect_inputs(paths or default_inputs())
    except KGError as error:
        raise fail(error) from None
    totals = {"characters": 0, "entities": 0}
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[characters]:,} chars · {task.fields[entities]:,} entities"),
    )
    with Progress(*columns, console=errors, transient=True) as bar:
        task = bar.add_task("reading", total=len(inputs), characters=0, entities=0)

        def advance(path: Path, status: str, record) -> None:
            if record is not None and status == "extracted":
                totals["characters"] += record.characters
                totals["entities"] += record.entities
            bar.update(task, advance=1, description=path.name[:30], **totals)

        try:
            result = run_build(
                inputs,
                out,
                progress=advance,
                workers=workers,
                engine=engine.value,
                ray_address=ray_address,
                finish=write_graph_page if viz else None,
            )
        except KGError as error:
            raise fail(error) from None
    table = Table(title="kg build", show_edge=False)
    for column in (
        "document",
        "symbols",
        "encoding",
        "paragraphs",
        "entities",
        "relations",
        "status",
    ):
        table.add_column(
            column, justify="right" if column in ("paragraphs", "entities", "relations") else "left"
        )
    fresh = set(result.built)
    for record in result.records:
        status = (
            "extracted"
            if record.key in fresh
            else "unchanged"
            if record.key in result.reused
            else "kept"
        )
        table.add_row(
            "\n".join(record.sources),
            ", ".join(record.symbols) or "—",
            record.encoding,
            str(record.paragraphs),
            str(record.entities),
            str(record.relations),
            status,
        )
    console.print(table)
    for path, warning in result.warnings:
        errors.print(f"[yellow]warning:[/] {path.as_posix()}: {warning}", highlight=False)
    for failure in result.failures:
        errors.print(f"[bold red]failed:[/] {failure}", highlight=False, soft_wrap=True)
    files = (*result.files, out / "graph.html") if viz else result.files
    written = ", ".join(path.as_posix() for path in files)
    console.print(f"{result.triples:,} triples → {written}", highlight=False)
    if result.failures:
        raise typer.Exit(code=1)


def write_graph_page(folder: Path) -> None:
    """Write the graph page of the graph in ``folder`` from its store, through the API."""
    from kg.api import KnowledgeGraph
    from kg.viz import write_page

    write_page(KnowledgeGraph.open(folder), folder / "graph.html")


@app.command()
def remove(
    names: Annotated[list[str], typer.Argument(help="Document symbols, source files or keys.")],
    out: OutDir = Path("out"),
) -> None:
    """Drop documents from the graph in OUT (the others are not read again)."""
    from kg.build import remove as run_remove

    try:
        page = (out / "graph.html").exists()
        dropped = run_remove(out, names, finish=write_graph_page if page else None)
    except KGError as error:
        raise fail(error) from None
    for record in dropped:
        console.print(
            f"removed {', '.join(record.symbols) or record.key} ({', '.join(record.sources)})"
        )


@app.command()
def validate(
    graph: Annotated[
        Path,
        typer.Argument(help="A Turtle or TriG file written by kg build, or its output folder."),
    ] = Path("out/graph.ttl"),
) -> None:
    """Check a graph file against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validation import graph_file, validate_file

    try:
        report = validate_file(graph)
    except KGError as error:
        raise fail(error) from None
    if report.conforms:
        console.print(f"{graph_file(graph).as_posix()}: conforms to the shapes", highlight=False)
        return
    errors.print(report.text, highlight=False)
    raise typer.Exit(code=1)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


StoreDir = Annotated[Path, typer.Option("--store", "-s", help="Output folder of kg build.")]
Source = Annotated[
    str,
    typer.Option("--store", "-s", help="Output folder of kg build, or a SPARQL endpoint's URL."),
]


def _open(store: Path | str):
    from kg.api import KnowledgeGraph

    try:
        return KnowledgeGraph.open(store)
    except KGError as error:
        raise fail(error) from None


@app.command()
def query(
    file: Annotated[str, typer.Argument(help="A SPARQL query file, or - for standard input.")],
    store: Source = "out",
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Run a SPARQL query against the store that kg build wrote, or a SPARQL endpoint."""
    if file == "-":
        text = sys.stdin.read()
    else:
        path = Path(file)
        if not path.is_file():
            raise fail(KGError(f"{file}: query file not found"))
        text = path.read_text(encoding="utf-8")
    _run_query(_open(store), text, output)


def _run_query(graph, text: str, output: Format, title: str = "") -> None:
    """Print a query's answer: for people a table of labels under ``title``, for machines
    the data as the store gave it (IRIs included) and nothing else."""
    try:
        result = graph.sparql(text)
    except KGError as error:
        raise fail(error) from None
    if output is Format.table and title:
        console.print(title, highlight=False)
    if result.boolean is not None:
        sys.stdout.write("true\n" if result.boolean else "false\n")
        return
    if result.triples:
        rows = [dict(zip(result.variables, t, strict=True)) for t in result.triples]
    else:
        rows = [{v: row.get(v, "") for v in result.variables} for row in result.rows]
    if output is Format.table:
        _print_table(*_readable(graph, rows, result.variables))
    else:
        _print_data(rows, output, result.variables)


def _readable(graph, rows: list[dict], variables: tuple[str, ...]) -> tuple[list[dict], list[str]]:
    """An answer for people: a variable and its ``…Label`` become one column that shows the
    label, and every other IRI shows its name (see `KnowledgeGraph.labels`)."""
    labels = {f"{v}Label" for v in variables if f"{v}Label" in variables}
    columns = [v for v in variables if v not in labels]
    names = graph.labels(value for row in rows for value in row.values())
    shown = [
        {c: row.get(f"{c}Label") or names.get(row[c], row[c]) for c in columns} for row in rows
    ]
    return shown, columns


@app.command()
def ask(
    name: Annotated[
        str | None, typer.Argument(help="A shipped question; omit to list them.")
    ] = None,
    store: Source = "out",
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List the shipped questions (queries/*.rq), or answer one by name."""
    questions = shipped_queries()
    if name is None:
        rows = [
            {"name": key, "question": en, "question_zh": zh, "file": path.as_posix()}
            for key, (zh, en, path) in questions.items()
        ]
        _print_rows(rows, output, columns=("name", "question", "question_zh"))
        return
    if name not in questions:
        close = ", ".join(difflib.get_close_matches(name, list(questions), n=3)) or "none"
        raise fail(
            KGError(f"no shipped question {name!r} (closest: {close}); run `kg ask` to list")
        )
    zh, en, path = questions[name]
    title = f"[bold]{escape(en)}[/] {escape(zh)}"
    _run_query(_open(store), path.read_text(encoding="utf-8"), output, title)


@app.command()
def push(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint", "-e", help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store."
        ),
    ],
    store: StoreDir = Path("out"),
    replace: Annotated[
        bool, typer.Option(help="Replace the server's graphs (PUT), or add to them (POST).")
    ] = True,
    union_graph: Annotated[
        str | None,
        typer.Option(help="Named graph for the union, where the server has no default graph."),
    ] = None,
) -> None:
    """Load the graph kg build wrote into a SPARQL server: one named graph per document,
    and their union (a set) as the default graph, which the shipped queries ask."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from kg.remote import push as run_push

    source = _open(store).store
    graphs = source.named_graphs()
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn())
    try:
        with Progress(*columns, console=errors, transient=True) as bar:
            task = bar.add_task("pushing", total=len(graphs))

            def advance(graph: str, triples: int) -> None:
                bar.update(task, advance=1, description=graph.rsplit("/", 1)[-1][:30])

            result = run_push(source, endpoint, replace, union_graph, progress=advance)
    except KGError as error:
        raise fail(error) from None
    console.print(
        f"{result.graphs} graphs, {result.triples:,} triples → {result.endpoint} "
        f"in {result.seconds:.1f} s",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def path(
    source: Annotated[str, typer.Argument(help="An entity: any name, alias, acronym or ISO code.")],
    target: Annotated[str, typer.Argument(help="Another entity.")],
    store: Source = "out",
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """The shortest chain of relations between two entities, with the evidence for each step."""
    import networkx as nx

    from kg.analysis import shortest_connection

    graph = _open(store)
    try:
        start, end = graph.entity(source), graph.entity(target)
    except KGError as error:
        raise fail(error) from None
    network = graph.to_networkx()
    try:
        steps = shortest_connection(network, start.iri, end.iri)
    except nx.NetworkXNoPath:
        raise fail(KGError(f"{start} and {end} are not connected")) from None
    rows = [
        _relation_row(
            network.nodes[step["subject"]]["label"],
            step["predicate"],
            network.nodes[step["object"]]["label"],
            evidence,
            step["subject"],
            step["object"],
        )
        for step in steps
        for evidence in step["evidence"][:1]
    ]
    _print_rows(rows, output, columns=RELATION_COLUMNS)


@app.command()
def neighbours(
    name: Annotated[str, typer.Argument(help="An entity: any name, alias, acronym or ISO code.")],
    store: Source = "out",
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Every relation of an entity, both directions, with evidence."""
    graph = _open(store)
    try:
        entity = graph.entity(name)
    except KGError as error:
        raise fail(error) from None
    found = graph.relations(subject=entity) + graph.relations(object=entity)
    rows = [
        _relation_row(
            r.subject_label,
            r.predicate,
            r.object_label,
            {"document": r.document, "paragraph": r.paragraph, "sentence": r.sentence},
            r.subject,
            r.object,
        )
        for r in found
    ]
    _print_rows(rows, output, columns=RELATION_COLUMNS)


RELATION_COLUMNS = ("subject", "predicate", "object", "paragraph", "evidence")


def _relation_row(
    subject: str, predicate: str, obj: str, evidence: dict, subject_iri: str, object_iri: str
) -> dict:
    """One relation of the graph as a row: labels first (a table shows those), then IRIs."""
    return {
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "document": evidence["document"],
        "paragraph": evidence["paragraph"],
        "evidence": evidence["sentence"],
        "subject_iri": subject_iri,
        "object_iri": object_iri,
    }


@app.command()
def entities(
    paths: Paths = None,
    entity_type: Annotated[
        list[str] | None, typer.Option("--type", "-t", help="Only these types (repeatable).")
    ] = None,
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List the entities found in documents, with names, aliases and paragraphs."""
    from kg.nlp.model import EntityType

    wanted = _choices(entity_type, EntityType, "entity type")
    built = _built(paths)
    rows = [
        {
            "document": item.path.as_posix(),
            "id": entity.key,
            "type": entity.type.value,
            "name_zh": entity.label_zh,
            "name_en": entity.label_en,
            "aliases": sorted(entity.alt_labels),
            "paragraphs": entity.paragraphs,
        }
        for item in built
        for entity in sorted(item.extraction.entities.values(), key=lambda e: (e.type, e.key))
        if not wanted or entity.type in wanted
    ]
    _print_rows(rows, output)


@app.command()
def relations(
    paths: Paths = None,
    predicate: Annotated[
        list[str] | None,
        typer.Option("--predicate", "-p", help="Only these predicates (repeatable)."),
    ] = None,
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List the relations found in documents, each with its paragraph, evidence and rule."""
    from kg.relations.model import Predicate

    wanted = _choices(predicate, Predicate, "predicate")
    rows = []
    for item in _built(paths):
        entities = item.relations.entities(item.extraction)
        names = {key: entity.label_zh for key, entity in entities.items()}
        for found in item.relations.assertions:
            if wanted and found.predicate not in wanted:
                continue
            rows.append(
                {
                    "document": item.path.as_posix(),
                    "subject": names[found.subject],
                    "predicate": found.predicate.value,
                    "object": names[found.object],
                    "paragraph": found.paragraph,
                    "evidence": found.sentence,
                    "rule": found.rule,
                    "confidence": f"{found.confidence:.2f}",
                    "subject_id": found.subject,
                    "object_id": found.object,
                }
            )
    _print_rows(rows, output, columns=RELATION_COLUMNS)


def _choices(values: list[str] | None, kind, what: str) -> set:
    """The enum members named by ``values``, or exit with the list of the valid ones."""
    try:
        return {kind(value) for value in values or []}
    except ValueError:
        names = ", ".join(member.value for member in kind)
        raise fail(KGError(f"unknown {what}; choose from {names}")) from None


def _built(paths: list[Path] | None):
    """Read and extract the documents at ``paths`` (default: the seeds), or exit with the error."""
    from kg.extraction import read_input
    from kg.inputs import collect_inputs, default_inputs
    from kg.nlp.extract import Extractor

    try:
        extractor = Extractor()
        return [read_input(p, extractor) for p in collect_inputs(paths or default_inputs())]
    except KGError as error:
        raise fail(error) from None


def _print_rows(rows: list[dict], output: Format, columns: Sequence[str] = ()) -> None:
    """Rows as JSON, CSV or TSV (every field), or as a table (``columns`` only, if given)."""
    fields = list(rows[0]) if rows else list(columns)
    if output is Format.table:
        _print_table(rows, list(columns) or fields)
    else:
        _print_data(rows, output, fields)


def _print_data(rows: list[dict], output: Format, fields: Sequence[str]) -> None:
    """Rows for machines: JSON, CSV or TSV on standard output, and nothing else there."""
    if output is Format.json:
        # xsd:decimal values (confidences) come as Decimal: write them as JSON numbers
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=float) + "\n")
        return
    writer = csv.writer(sys.stdout, delimiter="," if output is Format.csv else "\t")
    if fields:
        writer.writerow(fields)
    for row in rows:
        writer.writerow(["|".join(v) if isinstance(v, list) else v for v in row.values()])


def _print_table(rows: list[dict], columns: Sequence[str]) -> None:
    """Rows for people: a table if every header fits whole in the console's width, else one
    block of ``column  value`` lines per row; then the count."""
    cells = [[_cell(row[column]) for column in columns] for row in rows]
    if _fits(columns, cells, console.width):
        table = Table(show_edge=False)
        for column in columns:
            table.add_column(column, overflow="fold", min_width=cell_len(column))
        for values in cells:
            table.add_row(*map(Text, values))
        console.print(table)
    else:
        for number, values in enumerate(cells, 1):
            block = Table.grid(padding=(0, 2))
            block.add_column(style="bold", no_wrap=True)
            block.add_column(overflow="fold")
            for column, value in zip(columns, values, strict=True):
                block.add_row(column, Text(value))
            console.rule(str(number), style="dim")
            console.print(block)
    console.print(f"{len(rows)} rows", highlight=False)


def _cell(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


NARROWEST = 16  # a table column narrower than this folds Chinese names every few characters


def _fits(columns: Sequence[str], cells: list[list[str]], width: int) -> bool:
    """Whether a table is readable at this width. Rich narrows the widest columns to one
    common width until the table fits: that width must hold every header whole, and at
    least a few words of a Chinese name."""
    natural = sorted(
        max([cell_len(column), *(cell_len(row[i]) for row in cells)])
        for i, column in enumerate(columns)
    )
    room = width - 3 * len(columns) + 1  # one space each side of a cell, a rule between
    for index, size in enumerate(natural):
        share = room // (len(natural) - index)
        if size > share:
            return share >= max(NARROWEST, *map(cell_len, columns))
        room -= size
    return True


@app.command("eval")
def evaluate(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold entity files (JSONL) or folders with a split.tsv, e.g. "
            "tests/gold/seed.entities.jsonl or tests/gold/un2023."
        ),
    ],
    document: Annotated[
        Path | None,
        typer.Option("--document", "-d", help="The document one gold file annotates."),
    ] = None,
    relations: Annotated[
        Path | None, typer.Option("--relations", "-r", help="Gold relations (JSONL) to score too.")
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(help="Folder of the documents the gold files name (<stem>.txt)."),
    ] = None,
    split: Annotated[
        str, typer.Option(help="Only the documents of this split of a gold folder (dev, test).")
    ] = "",
    details: Annotated[bool, typer.Option(help="List missed and spurious entities.")] = False,
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Score the extractor against gold sets: precision, recall and F1 per entity type and
    per predicate, for each document and micro-averaged over them."""
    from kg.evaluation import GoldSet, evaluate, gold_sets, micro_average, split_corpus
    from kg.inputs import default_inputs
    from kg.nlp.extract import Extractor

    try:
        if (
            len(gold) == 1
            and gold[0].is_file()
            and corpus is None
            and (document is not None or split_corpus(gold[0].parent) is None)
        ):
            path = document or default_inputs()[0] / "unodc-activities-2008.zh.txt"
            sets = [GoldSet(path, gold[0], relations)]
        else:
            if document is not None or relations is not None:
                raise InputError(gold[0], "--document and --relations go with one gold file")
            sets = gold_sets(gold, corpus, split)
        extractor = Extractor()
        scores = [evaluate(gold_set, extractor) for gold_set in sets]
    except KGError as error:
        raise fail(error) from None
    results = scores if len(scores) == 1 else [*scores, micro_average(scores)]
    if output is not Format.table:
        _print_rows([row for result in results for row in _score_rows(result)], output)
        return
    for result in results:
        rows = {t.value: r for t, r in result.entities.items()}
        console.print(_score_table(result.name, "type", {**rows, "core types": result.core()}))
        if result.relations is not None:
            console.print(_score_table("relations", "predicate", result.relations))
        if details and result.name != "micro-average":
            _print_details(result)


def _score_rows(result) -> list[dict]:
    """One row per entity type, the core types together, and each predicate."""
    rows = [{"document": result.name, "kind": "type", "name": t.value, **_counts(r)}
            for t, r in result.entities.items()]  # fmt: skip
    rows.append({"document": result.name, "kind": "type", "name": "core", **_counts(result.core())})
    for predicate, r in (result.relations or {}).items():
        rows.append({"document": result.name, "kind": "predicate", "name": predicate, **_counts(r)})
    return rows


def _counts(result) -> dict:
    return {
        "gold": result.true_positives + result.false_negatives,
        "found": result.true_positives + result.false_positives,
        "precision": round(result.precision, 4),
        "recall": round(result.recall, 4),
        "f1": round(result.f1, 4),
    }


def _print_details(result) -> None:
    for scores in result.entities.values():
        if scores.missed:
            console.print(f"[bold]{scores.type.value} missed:[/] {'、'.join(scores.missed)}")
        if scores.spurious:
            console.print(f"[bold]{scores.type.value} spurious:[/] {'、'.join(scores.spurious)}")
    for subject, predicate, obj, paragraph in result.missed_relations:
        console.print(f"[bold]missed[/] ¶{paragraph} {subject} {predicate} {obj}", highlight=False)
    for (subject, predicate, obj, paragraph), item in result.spurious_relations:
        console.print(
            f"[bold]spurious[/] ¶{paragraph} {subject} {predicate} {obj} [{item.rule}] "
            f"{escape(item.sentence[:60])}",
            highlight=False,
        )


@app.command("viz")
def visualize(
    store: StoreDir = Path("out"),
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Page to write.")] = None,
    focus: Annotated[str | None, typer.Option(help="Draw only around this entity.")] = None,
    depth: Annotated[int, typer.Option(help="How many relations away from --focus.")] = 1,
    entity_type: Annotated[
        list[str] | None, typer.Option("--type", "-t", help="Only these classes (repeatable).")
    ] = None,
    predicate: Annotated[
        list[str] | None, typer.Option("--predicate", "-p", help="Only these (repeatable).")
    ] = None,
) -> None:
    """Write the interactive graph page (works offline): all of it, or a sub-graph."""
    from kg.viz import write_page

    graph = _open(store)
    target = out or store / ("graph.html" if focus is None else "subgraph.html")
    try:
        written = write_page(graph, target, focus, depth, entity_type or (), predicate or ())
    except KGError as error:
        raise fail(error) from None
    console.print(f"→ {written.as_posix()}", highlight=False)


@app.command()
def serve(
    store: StoreDir = Path("out"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free one).")] = 8000,
    timeout: Annotated[
        float, typer.Option(min=0.01, help="Seconds a query may take; then it is stopped (503).")
    ] = 10.0,
    max_rows: Annotated[
        int, typer.Option(min=1, help="Most rows (or triples) in one answer; the rest is cut.")
    ] = 10_000,
    workers: Annotated[int, typer.Option(min=1, help="Query worker processes.")] = 2,
) -> None:
    """Serve the store read-only over HTTP: SPARQL 1.1 Protocol at /sparql, a query page
    at /, entities at /entity/NAME, the graph page at /graph. Ctrl-C stops."""
    from kg.server import Limits, make_server

    limits = Limits(timeout=timeout, max_rows=max_rows, workers=workers)
    try:
        server = make_server(store, host, port, limits)
    except KGError as error:
        raise fail(error) from None
    console.print(
        f"serving {server.store_path.as_posix()} at {server.url} (SPARQL: {server.url}sparql)",
        highlight=False,
        soft_wrap=True,
    )
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def _score_table(title: str, kind: str, scores: dict) -> Table:
    """Gold, found, precision, recall and F1 per row (entity type or predicate)."""
    table = Table(title=title, show_edge=False)
    for column in (kind, "gold", "found", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == kind else "right")
    for name, result in scores.items():
        table.add_row(
            name,
            str(result.true_positives + result.false_negatives),
            str(result.true_positives + result.false_positives),
            f"{result.precision:.2f}",
            f"{result.recall:.2f}",
            f"{result.f1:.2f}",
        )
    return table


def main() -> None:
    app()


if __name__ == "__main__":
    main()
