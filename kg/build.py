"""`kg build`: read documents, turn them into triples, write the graph files.

Builds are incremental: each document's named graph is kept in
``out/documents/<key>.trig`` with its content hash in ``out/manifest.json``. A
document whose bytes did not change is not extracted again; a changed one
replaces its own graph; documents built before and not given now stay until
`kg remove` drops them. A document that cannot be read is reported and skipped.
Every output is written into a staging folder that replaces ``out`` only once
complete, so a crash or Ctrl-C leaves the previous graph as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

from rdflib import RDFS, Dataset, Graph, Literal
from rdflib.namespace import SKOS

from kg import ids
from kg.document import Document
from kg.encoding import decode_document
from kg.errors import InputError, KGError
from kg.namespace import KG
from kg.nlp.extract import Extraction, Extractor
from kg.nlp.gazetteer import threat_graph
from kg.reader import MASTHEAD_SYMBOL_LINE, parse_document
from kg.relations.extract import Relations, extract_relations
from kg.sources import SUFFIXES, read_source
from kg.store import Store
from kg.text import matching_form
from kg.triples import bind_prefixes, document_triples, entity_triples, relation_triples

DOCUMENT_SUFFIXES = SUFFIXES
PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(__file__).resolve().parent
MANIFEST = "manifest.json"
LARGE_FILE = 32 * 1024 * 1024  # bytes: larger files are read in volumes, streamed
VOLUME_CHARS = 256 * 1024  # characters per volume, cut at a blank line
DOCUMENTS = "documents"


@dataclass(frozen=True, slots=True)
class BuiltDocument:
    """One document read and extracted in this build."""

    path: Path
    key: str
    document: Document
    content_hash: str
    extraction: Extraction
    relations: Relations
    encoding: str = "utf-8"
    offset: int = 0  # where the text starts in its file (a volume of a large file)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """What the manifest keeps of a document of the graph."""

    key: str
    content_hash: str
    sources: tuple[str, ...]
    encoding: str
    symbols: tuple[str, ...]
    title: str
    paragraphs: int
    entities: int
    relations: int
    characters: int


@dataclass(frozen=True, slots=True)
class Failure:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path.as_posix()}: {self.reason}"


@dataclass(slots=True)
class BuildResult:
    records: tuple[DocumentRecord, ...]  # every document of the graph now
    built: tuple[str, ...]  # keys of the documents extracted in this run
    reused: tuple[str, ...]  # keys of unchanged documents taken from the previous build
    failures: tuple[Failure, ...]
    files: tuple[Path, ...]
    triples: int = 0

    warnings: tuple[tuple[Path, str], ...] = ()  # (document, what the reader noticed)


Progress = Callable[[Path, str, DocumentRecord | None], None]


def default_inputs() -> list[Path]:
    """The shipped corpus: ``seeds/`` in the working folder, else the project's own."""
    local = Path("seeds")
    return [local if local.is_dir() else PROJECT_ROOT / "seeds"]


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their documents, sorted; InputError for a missing path or empty dir."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            documents = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
            if not documents:
                suffixes = ", ".join(DOCUMENT_SUFFIXES)
                raise InputError(path, f"folder holds no documents ({suffixes})")
            found.extend(documents)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(path, "file not found")
    return list(dict.fromkeys(found))


def read_input(
    path: Path, extractor: Extractor | None = None, data: bytes | None = None
) -> BuiltDocument:
    """Read, parse and extract one document, keeping its content hash and encoding."""
    data = path.read_bytes() if data is None else data
    decoded = read_source(path, data)
    content_hash = hashlib.sha256(data).hexdigest()
    return extract_text(path, decoded.text, decoded.encoding, content_hash, extractor)


def extract_text(
    path: Path,
    text: str,
    encoding: str,
    content_hash: str,
    extractor: Extractor | None = None,
    offset: int = 0,
) -> BuiltDocument:
    """Parse and extract a document's text: all of a file, or one volume of it at ``offset``."""
    document = parse_document(text, source=path.as_posix())
    extraction = (extractor or Extractor()).extract(document)
    relations = extract_relations(document, extraction)
    key = ids.document_key(document, content_hash)
    return BuiltDocument(path, key, document, content_hash, extraction, relations, encoding, offset)


@cache
def extractor_version() -> str:
    """A hash of the code and data that make a document's graph: a change rebuilds all."""
    digest = hashlib.sha256()
    folders = (PACKAGE, PROJECT_ROOT / "ontology")
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        if path.suffix in (".py", ".tsv", ".txt", ".ttl", ".json"):
            digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def document_graph(built: BuiltDocument) -> Dataset:
    """The named graph of one document, in a dataset of its own."""
    dataset = bind_prefixes(Dataset())
    graph = dataset.graph(ids.graph_iri(built.key))
    document_triples(built.document, built.key, built.content_hash, graph, built.offset)
    doc = ids.document_iri(built.key)
    graph.add((doc, KG.sourceEncoding, Literal(built.encoding)))
    entity_triples(built.extraction, built.key, graph)
    relation_triples(built.relations, built.key, graph)
    return dataset


def _record(built: BuiltDocument) -> DocumentRecord:
    return DocumentRecord(
        key=built.key,
        content_hash=built.content_hash,
        sources=(built.path.as_posix(),),
        encoding=built.encoding,
        symbols=built.document.metadata.symbols,
        title=built.document.metadata.title,
        paragraphs=len(built.document.paragraphs),
        entities=len(built.extraction.entities),
        relations=len(built.relations.assertions),
        characters=len(built.document.text),
    )


def load_manifest(out: Path) -> dict[str, DocumentRecord]:
    """The documents of the previous build in ``out`` (none if it was made by other code)."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if manifest.get("version") != extractor_version():
        return {}
    records = {}
    for row in manifest.get("documents", []):
        record = DocumentRecord(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
        )
        if (out / DOCUMENTS / f"{record.key}.trig").is_file():
            records[record.key] = record
    return records


def build(
    paths: Sequence[Path] | None = None,
    out: Path = Path("out"),
    viz: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of the documents at ``paths`` (default: the shipped seeds) into ``out``.

    Writes ``graph.ttl`` (every triple), ``graph.trig`` (one named graph per
    document), ``store/`` (the SPARQL store), ``manifest.json``, the documents'
    own graphs, and with ``viz`` the page ``graph.html``. Raises InputError
    when no document at all could be read; otherwise failures are reported in
    the result and the rest is written.
    """
    inputs = collect_inputs(paths or default_inputs())
    out.resolve().parent.mkdir(parents=True, exist_ok=True)
    pending = Path(tempfile.mkdtemp(prefix=f".{out.name}.pending-", dir=out.resolve().parent))
    try:
        corpus = _Corpus(load_manifest(out), pending, progress)
        for path in inputs:
            corpus.read(path)
        if not corpus.records:
            first = corpus.failures[0] if corpus.failures else None
            problem = first.reason if first else "no documents"
            raise InputError(first.path if first else out, problem)
        result = write_outputs(out, corpus.records, corpus.graphs, viz)
    finally:
        shutil.rmtree(pending, ignore_errors=True)
    result.built, result.reused = tuple(corpus.built), tuple(corpus.reused)
    result.failures, result.warnings = tuple(corpus.failures), tuple(corpus.warnings)
    return result


class _Corpus:
    """The documents of a build as they are read: kept, reused, extracted or failed."""

    def __init__(self, previous: dict[str, DocumentRecord], pending: Path, progress) -> None:
        self.previous = previous
        self.records = dict(previous)
        self.by_hash = {record.content_hash: key for key, record in previous.items()}
        self.seen: dict[str, str] = {}  # content hash → key, in this build
        self.graphs: dict[str, Path] = {}  # graphs of documents extracted now, waiting on disk
        self.pending = pending
        self.progress = progress
        self.extractor = Extractor()
        self.built: list[str] = []
        self.reused: list[str] = []
        self.failures: list[Failure] = []
        self.warnings: list[tuple[Path, str]] = []

    def read(self, path: Path) -> None:
        try:
            if path.stat().st_size > LARGE_FILE and path.suffix.lower() not in (".pdf", ".docx"):
                return self._read_large(path)
            data = path.read_bytes()
        except OSError as error:
            return self._fail(path, f"cannot read it ({error.strerror})")
        content_hash = hashlib.sha256(data).hexdigest()
        _forget_source(self.records, path.as_posix(), content_hash)
        key = self.seen.get(content_hash) or self.by_hash.get(content_hash)
        if key in self.records:
            return self._known(path, key, content_hash)
        try:
            decoded = read_source(path, data)
            reports = _reports(decoded.text)
            if len(reports) > 1:
                return self._read_volumes(path, content_hash, decoded.encoding, reports)
            document = extract_text(
                path, decoded.text, decoded.encoding, content_hash, self.extractor
            )
        except InputError as error:
            return self._fail(path, error.problem)
        except Exception as error:  # nothing is lost: the rest of the corpus goes on
            return self._fail(path, f"could not be processed ({type(error).__name__}: {error})")
        self._keep(path, document, content_hash)

    def _keep(self, path: Path, document: BuiltDocument, content_hash: str) -> None:
        """Record an extracted document and put its graph on disk."""
        record = replace(_record(document), content_hash=content_hash)
        self.records[document.key] = record
        self.graphs[document.key] = self.pending / f"{document.key}.trig"
        graph = document_graph(document)
        graph.serialize(self.graphs[document.key], format="trig", encoding="utf-8")
        self.seen[content_hash] = document.key
        self.built.append(document.key)
        self.warnings.extend((path, warning) for warning in document.document.warnings)
        _tell(self.progress, path, "extracted", record)

    def _read_large(self, path: Path) -> None:
        """A file too large to hold: read it streaming, in volumes cut at blank lines.

        Each volume is a document of its own (key ``…-v000``, ``…-v001``), its
        offsets counted from the start of the file; memory holds one volume.
        """
        file_hash = _file_hash(path)
        _forget_source(self.records, path.as_posix(), file_hash)
        first = f"{file_hash}:0"
        if first in self.by_hash or first in self.seen:
            volumes = [k for k, r in self.records.items() if r.content_hash.startswith(file_hash)]
            for index, key in enumerate(sorted(volumes)):
                self._known(path, key, f"{file_hash}:{index}")
            return
        try:
            codec = _stream_codec(path)
            self._read_volumes(path, file_hash, codec, _volumes(path, codec))
        except InputError as error:
            self._fail(path, error.problem)
        except (UnicodeDecodeError, OSError) as error:
            self._fail(path, f"could not be read streaming ({error})")

    def _known(self, path: Path, key: str, content_hash: str) -> None:
        """Content read before (in an earlier build, or under another name now)."""
        record = self.records[key]
        sources = tuple(dict.fromkeys((*record.sources, path.as_posix())))
        self.records[key] = replace(record, sources=sources)
        if key in self.previous and key not in self.seen.values():
            self.reused.append(key)
        self.seen[content_hash] = key
        status = "unchanged" if key in self.previous else "duplicate"
        _tell(self.progress, path, status, self.records[key])

    def _read_volumes(self, path: Path, file_hash: str, codec: str, volumes) -> None:
        """Each (offset, text) volume of a file is a document of its own (key …-v000 …)."""
        base = ""
        for index, (offset, text) in enumerate(volumes):
            built = extract_text(path, text, codec, file_hash, self.extractor, offset)
            base = base or built.key  # every volume is keyed after the first
            volume = replace(built, key=f"{base}-v{index:03d}")
            self._keep(path, volume, f"{file_hash}:{index}")

    def _fail(self, path: Path, reason: str) -> None:
        self.failures.append(Failure(path, reason))
        _tell(self.progress, path, "failed", None)


def remove(out: Path, names: Sequence[str]) -> list[DocumentRecord]:
    """Drop documents (by symbol, source file or key) from the graph in ``out``."""
    records = load_manifest(out)
    if not records:
        raise KGError(f"{out}: no graph built here by this version of kg; run `kg build` first")
    dropped = []
    for name in names:
        matches = [
            record
            for record in records.values()
            if name in record.symbols
            or name == record.key
            or any(name == source or Path(source).name == name for source in record.sources)
        ]
        if not matches:
            raise KGError(f"{name}: no document of the graph has this symbol, file or key")
        for record in matches:
            records.pop(record.key, None)
            dropped.append(record)
    if not records:
        raise KGError("removing these would leave the graph empty; delete the folder instead")
    write_outputs(out, records, {}, viz=(out / "graph.html").exists())
    return dropped


def write_outputs(
    out: Path, records: dict[str, DocumentRecord], graphs: dict[str, Path], viz: bool
) -> BuildResult:
    """Write every output into a staging folder, then put it in place of ``out`` whole.

    Documents are written one after the other (their graphs are not all held in
    memory at once): graph.trig and graph.ttl are the documents' serialisations in
    turn, and the store is loaded document by document.
    """
    shown, out = out, out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    for stale in out.parent.glob(f".{out.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    triples = 0
    try:
        (staging / DOCUMENTS).mkdir()
        store = Store.create(staging / "store")
        with (staging / "graph.trig").open("wb") as trig, (staging / "graph.ttl").open("wb") as ttl:
            for key, data, dataset in _datasets(out, records, graphs):
                if key is not None:
                    (staging / DOCUMENTS / f"{key}.trig").write_bytes(data)
                chunk = dataset.serialize(format="trig", encoding="utf-8")
                trig.write(chunk)
                ttl.write(union_graph(dataset).serialize(format="turtle", encoding="utf-8"))
                store.load(chunk)
                triples += sum(len(graph) for graph in dataset.graphs())
        store.close()
        manifest = {
            "version": extractor_version(),
            "documents": [asdict(records[key]) for key in sorted(records)],
        }
        (staging / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        files = [shown / "graph.ttl", shown / "graph.trig", shown / "store"]
        if viz:
            from kg.api import KnowledgeGraph
            from kg.viz import write_page

            write_page(KnowledgeGraph.open(staging), staging / "graph.html")
            files.append(shown / "graph.html")
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    ordered = tuple(records[key] for key in sorted(records))
    return BuildResult(ordered, (), (), (), tuple(files), triples)


def _datasets(out: Path, records: dict[str, DocumentRecord], graphs: dict[str, Path]):
    """(key, its own graph's TriG, dataset to write) for the threat taxonomy (key None),
    then for each document in key order, one at a time."""
    taxonomy = bind_prefixes(Dataset())
    _add_taxonomy(taxonomy)
    yield None, b"", taxonomy
    for key in sorted(records):
        data = graphs.get(key, out / DOCUMENTS / f"{key}.trig").read_bytes()
        dataset = bind_prefixes(Dataset())
        dataset.parse(data=data, format="trig")
        _set_sources(dataset, key, records[key].sources)
        yield key, data, dataset


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` where ``out`` is; the old folder is removed only afterwards."""
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stream_codec(path: Path) -> str:
    """The encoding of a large file, told from its first megabyte."""
    with path.open("rb") as stream:
        head = stream.read(1 << 20)
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 else head
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        sample = head[: len(head) - len(head) % 2]
    encoding = decode_document(sample, path).encoding
    return "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else encoding


def _volumes(path: Path, codec: str):
    """(character offset, text) of each volume of a file: a new report starts one (a
    masthead line 联合国 + symbol), else one is cut at a blank line once it is large."""
    offset = 0
    lines: list[str] = []
    size = 0
    with path.open(encoding=codec, newline="") as stream:
        for line in stream:
            if lines and MASTHEAD_SYMBOL_LINE.match(matching_form(line)):
                yield offset, "".join(lines)
                offset += size
                lines, size = [], 0
            lines.append(line)
            size += len(line)
            if size >= VOLUME_CHARS and (not line.strip() or size >= 2 * VOLUME_CHARS):
                yield offset, "".join(lines)
                offset += size
                lines, size = [], 0
    if lines:
        yield offset, "".join(lines)


def _reports(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each report in a text that holds several: each starts at a
    masthead line (联合国 + symbol). A text with one report or none is one piece."""
    starts = [0]
    offset = 0
    for line in text.splitlines(keepends=True):
        if offset and MASTHEAD_SYMBOL_LINE.match(matching_form(line)):
            starts.append(offset)
        offset += len(line)
    bounds = [*starts, len(text)]
    return [(bounds[i], text[bounds[i] : bounds[i + 1]]) for i in range(len(starts))]


def _forget_source(records: dict[str, DocumentRecord], name: str, content_hash: str) -> None:
    """A file whose content changed no longer stands for its old document."""
    file_hash = content_hash.split(":")[0]
    for key, record in list(records.items()):
        if name in record.sources and record.content_hash.split(":")[0] != file_hash:
            sources = tuple(s for s in record.sources if s != name)
            if sources:
                records[key] = replace(record, sources=sources)
            else:
                del records[key]


def _set_sources(dataset: Dataset, key: str, sources: tuple[str, ...]) -> None:
    graph = dataset.graph(ids.graph_iri(key))
    doc = ids.document_iri(key)
    graph.remove((doc, KG.sourceFile, None))
    for source in sources:
        graph.add((doc, KG.sourceFile, Literal(source)))


def _add_taxonomy(dataset: Dataset) -> None:
    taxonomy = dataset.graph(ids.graph_iri("threats"))
    for subject, predicate, value in threat_graph():
        taxonomy.add((subject, predicate, value))
        if predicate == SKOS.prefLabel:
            taxonomy.add((subject, RDFS.label, value))


def _tell(progress: Progress | None, path: Path, status: str, record) -> None:
    if progress is not None:
        progress(path, status, record)


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs in one graph."""
    union = bind_prefixes(Graph())
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    return union
