"""`kg build`: read documents, turn them into triples, write the graph files.

Builds are incremental: each document's named graph is kept in
``out/documents/<key>.trig`` with its content hash in ``out/manifest.json``. A
document whose bytes did not change is not extracted again; a changed one
replaces its own graph; documents built before and not given now stay until
`kg remove` drops them. A document that cannot be read is reported and skipped.
Every output is written into a staging folder that replaces ``out`` only once
complete, so a crash or Ctrl-C leaves the previous graph as it was.

The work can run in several processes or on a Ray cluster (`kg.engines`). Its unit
is the whole document, not spaCy's ``nlp.pipe(n_process=…)`` over paragraphs: the
extractor reads a document's parts in order through one `DocumentContext` (a
全称（简称） defined in ¶3 holds in ¶40), and most of a document's cost comes after
spaCy (relations, triples, and above all serialising its graph, several times the
entity rules). A `Job` carries one file's bytes (or one volume's text), `run_job`
turns it into TriG in whichever process runs it, and this process keeps the books
in input order, so the output is the same byte for byte on any engine. Merging the
documents into graph.trig and graph.ttl is spread the same way (`merge_document`);
only the writes and the store load stay here.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cache
from itertools import chain
from pathlib import Path

from rdflib import RDFS, Dataset, Graph, Literal
from rdflib.namespace import SKOS

from kg import ids
from kg.document import Document
from kg.encoding import decode_document
from kg.engines import Engine, Inline, open_engine
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


@dataclass(frozen=True, slots=True)
class Volume:
    """One volume of a file too large to hold: its text, where it starts, and its key."""

    index: int
    offset: int
    text: str
    encoding: str
    key: str  # fixed by the file's first volume: …-v000, …-v001


@dataclass(frozen=True, slots=True)
class Job:
    """The extraction of one file, or of one volume of a large file: all a worker needs,
    with nothing of the build's state, so that any process or machine can run it."""

    path: Path
    content_hash: str  # of the file's bytes (for a volume: of the whole file)
    data: bytes = b""  # the file's bytes; empty for a volume
    volume: Volume | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """A document as a worker sends it back: its manifest record, its graph (TriG), and
    what the reader noticed."""

    record: DocumentRecord
    trig: bytes
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What came of a job: the documents extracted and, if the rest failed, why."""

    documents: tuple[Extracted, ...] = ()
    failure: str = ""


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
Chunks = tuple[bytes, bytes, int]  # a document's part of graph.trig and graph.ttl, its triples


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


def run_job(job: Job) -> Outcome:
    """Read and extract a job's documents and serialise their graphs, in whichever process
    runs it. Failures are returned, not raised: one bad document does not stop a corpus."""
    documents: list[Extracted] = []
    try:
        if job.volume is not None:
            volume = job.volume
            built = extract_text(
                job.path, volume.text, volume.encoding, job.content_hash, offset=volume.offset
            )
            built = replace(built, key=volume.key)
            return Outcome((_extracted(built, f"{job.content_hash}:{volume.index}"),))
        decoded = read_source(job.path, job.data)
        reports = _reports(decoded.text)
        if len(reports) == 1:
            built = extract_text(job.path, decoded.text, decoded.encoding, job.content_hash)
            return Outcome((_extracted(built, job.content_hash),))
        base = ""  # each report is a document, keyed after the first
        for index, (offset, text) in enumerate(reports):
            built = extract_text(job.path, text, decoded.encoding, job.content_hash, offset=offset)
            base = base or built.key
            built = replace(built, key=f"{base}-v{index:03d}")
            documents.append(_extracted(built, f"{job.content_hash}:{index}"))
    except InputError as error:
        return Outcome(tuple(documents), error.problem)
    except Exception as error:  # nothing is lost: the rest of the corpus goes on
        reason = f"could not be processed ({type(error).__name__}: {error})"
        return Outcome(tuple(documents), reason)
    return Outcome(tuple(documents))


def _extracted(built: BuiltDocument, content_hash: str) -> Extracted:
    record = replace(_record(built), content_hash=content_hash)
    trig = document_graph(built).serialize(format="trig", encoding="utf-8")
    return Extracted(record, trig, built.document.warnings)


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
    workers: int = 1,
    engine: str = "local",
    ray_address: str | None = None,
) -> BuildResult:
    """Build the graph of the documents at ``paths`` (default: the shipped seeds) into ``out``.

    Writes ``graph.ttl`` (every triple), ``graph.trig`` (one named graph per
    document), ``store/`` (the SPARQL store), ``manifest.json``, the documents'
    own graphs, and with ``viz`` the page ``graph.html``. Raises InputError
    when no document at all could be read; otherwise failures are reported in
    the result and the rest is written. The work runs in ``workers`` processes
    of this machine, or with ``engine="ray"`` on the Ray cluster at
    ``ray_address`` (see `kg.engines`); the output is the same on all.
    """
    inputs = collect_inputs(paths or default_inputs())
    runner = open_engine(engine, workers, ray_address)
    try:
        out.resolve().parent.mkdir(parents=True, exist_ok=True)
        pending = Path(tempfile.mkdtemp(prefix=f".{out.name}.pending-", dir=out.resolve().parent))
        try:
            corpus = _Corpus(load_manifest(out), pending, progress)
            corpus.read(inputs, runner)
            if not corpus.records:
                first = corpus.failures[0] if corpus.failures else None
                problem = first.reason if first else "no documents"
                raise InputError(first.path if first else out, problem)
            result = write_outputs(out, corpus.records, corpus.graphs, viz, runner)
        finally:
            shutil.rmtree(pending, ignore_errors=True)
    finally:
        runner.close()
    result.built, result.reused = tuple(corpus.built), tuple(corpus.reused)
    result.failures, result.warnings = tuple(corpus.failures), tuple(corpus.warnings)
    return result


@dataclass(slots=True)
class _Input:
    """One input file on its way through a build."""

    path: Path
    content_hash: str = ""  # of its bytes (a large file: hashed streaming); "" if unreadable
    large: bool = False
    problem: str = ""  # why it could not be read, or not to the end
    ahead: bool = False  # its jobs were sent before its turn
    wanted: bool = False  # its content is new: the outcomes of its jobs are kept
    stopped: bool = False  # a job of it failed: the later outcomes are dropped


class _Corpus:
    """The documents of a build as they are read: kept, reused, extracted or failed.

    Inputs are opened (read and hashed) a few ahead of their turn, and the jobs of
    those whose content looks new are sent to the engine then; the books (manifest
    records, duplicates, failures, progress) are kept here strictly in input order as
    the outcomes come back. Should a guess made ahead turn out wrong (a file whose old
    content is dropped by an earlier one), the job runs here at its turn.
    """

    def __init__(self, previous: dict[str, DocumentRecord], pending: Path, progress) -> None:
        self.previous = previous
        self.records = dict(previous)
        self.by_hash = {record.content_hash: key for key, record in previous.items()}
        self.seen: dict[str, str] = {}  # content hash → key, in this build
        self.sent: set[str] = set()  # content hashes whose jobs went out ahead
        self.graphs: dict[str, Path] = {}  # graphs of documents extracted now, waiting on disk
        self.pending = pending
        self.progress = progress
        self.built: list[str] = []
        self.reused: list[str] = []
        self.failures: list[Failure] = []
        self.warnings: list[tuple[Path, str]] = []

    def read(self, inputs: Iterable[Path], engine: Engine) -> None:
        """Read every input, in order; the jobs run on ``engine``."""
        events: deque[tuple[str, _Input]] = deque()
        for outcome in engine.map(run_job, self._jobs(inputs, events)):
            while (event := events.popleft())[0] != "job":
                self._settle(*event)
            self._take(event[1], outcome)
        while events:
            self._settle(*events.popleft())

    def _jobs(self, inputs: Iterable[Path], events: deque) -> Iterator[Job]:
        """The jobs sent ahead, with the events (start, job, end) of each input in order."""
        for path in inputs:
            item, data = self._open(path)
            events.append(("start", item))
            if item.content_hash and not self._looks_known(item):
                item.ahead = True
                self.sent.add(item.content_hash)
                for job in self._jobs_of(item, data):
                    events.append(("job", item))
                    yield job
            events.append(("end", item))

    def _open(self, path: Path) -> tuple[_Input, bytes]:
        try:
            if path.stat().st_size > LARGE_FILE and path.suffix.lower() not in (".pdf", ".docx"):
                return _Input(path, _file_hash(path), large=True), b""
            data = path.read_bytes()
        except OSError as error:
            return _Input(path, problem=f"cannot read it ({error.strerror})"), b""
        return _Input(path, hashlib.sha256(data).hexdigest()), data

    def _looks_known(self, item: _Input) -> bool:
        return item.content_hash in self.sent or bool(self._known_keys(item.content_hash))

    def _known_keys(self, content_hash: str) -> list[str]:
        """The documents already made of this content (in an earlier build, or from another
        file in this one): one, or one per report or volume of the file."""
        key = self.seen.get(content_hash) or self.by_hash.get(content_hash)
        if key in self.records:
            return [key]
        keys: list[str] = []
        while True:
            volume = f"{content_hash}:{len(keys)}"
            key = self.seen.get(volume) or self.by_hash.get(volume)
            if key not in self.records:
                return keys
            keys.append(key)

    def _jobs_of(self, item: _Input, data: bytes | None) -> Iterator[Job]:
        """The jobs of an input: the whole file, or each volume of a large one, streamed."""
        if not item.large:
            yield Job(
                item.path, item.content_hash, data if data is not None else self._reread(item)
            )
            return
        try:
            codec = _stream_codec(item.path)
            base = ""  # every volume is keyed after the first
            for index, (offset, text) in enumerate(_volumes(item.path, codec)):
                base = base or _first_key(item.path, text, item.content_hash)
                volume = Volume(index, offset, text, codec, f"{base}-v{index:03d}")
                yield Job(item.path, item.content_hash, volume=volume)
        except InputError as error:
            item.problem = error.problem
        except (UnicodeDecodeError, OSError) as error:
            item.problem = f"could not be read streaming ({error})"

    def _reread(self, item: _Input) -> bytes:
        """The bytes of an input whose job was not sent ahead (its problem says so if the
        file is gone or changed since it was hashed)."""
        try:
            data = item.path.read_bytes()
        except OSError as error:
            data = b""
            item.problem = f"cannot read it ({error.strerror})"
        if hashlib.sha256(data).hexdigest() != item.content_hash and not item.problem:
            item.problem = "changed while the build was reading it"
        return data

    def _settle(self, event: str, item: _Input) -> None:
        """An input's turn comes (start) or goes (end)."""
        if event == "start":
            self._start(item)
            return
        if item.wanted and not item.ahead:
            for job in self._jobs_of(item, None):
                if item.problem:
                    break
                self._take(item, run_job(job))
        if item.wanted and item.problem and not item.stopped:
            self._fail(item.path, item.problem)

    def _start(self, item: _Input) -> None:
        if not item.content_hash:
            return self._fail(item.path, item.problem)
        _forget_source(self.records, item.path.as_posix(), item.content_hash)
        keys = self._known_keys(item.content_hash)
        for key in keys:
            self._known(item.path, key)
        item.wanted = not keys

    def _take(self, item: _Input, outcome: Outcome) -> None:
        """The outcome of one of an input's jobs, at its turn."""
        if not item.wanted or item.stopped:
            return
        for document in outcome.documents:
            self._keep(item.path, document)
        if outcome.failure:
            item.stopped = True
            self._fail(item.path, outcome.failure)

    def _keep(self, path: Path, document: Extracted) -> None:
        """Record an extracted document and put its graph on disk."""
        record = document.record
        self.records[record.key] = record
        self.graphs[record.key] = self.pending / f"{record.key}.trig"
        self.graphs[record.key].write_bytes(document.trig)
        self.seen[record.content_hash] = record.key
        self.built.append(record.key)
        self.warnings.extend((path, warning) for warning in document.warnings)
        _tell(self.progress, path, "extracted", record)

    def _known(self, path: Path, key: str) -> None:
        """Content read before (in an earlier build, or under another name now)."""
        record = self.records[key]
        sources = tuple(dict.fromkeys((*record.sources, path.as_posix())))
        self.records[key] = replace(record, sources=sources)
        if key in self.previous and key not in self.seen.values():
            self.reused.append(key)
        self.seen[record.content_hash] = key
        status = "unchanged" if key in self.previous else "duplicate"
        _tell(self.progress, path, status, self.records[key])

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
    out: Path,
    records: dict[str, DocumentRecord],
    graphs: dict[str, Path],
    viz: bool,
    engine: Engine | None = None,
) -> BuildResult:
    """Write every output into a staging folder, then put it in place of ``out`` whole.

    Documents are written one after the other (their graphs are not all held in
    memory at once): graph.trig and graph.ttl are the documents' serialisations in
    turn, made on ``engine`` (default: this process), and the store is loaded
    document by document.
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
            documents = _documents(out, records, graphs, staging / DOCUMENTS)
            merged = (engine or Inline()).map(merge_document, documents)
            for chunk, turtle, count in chain([_taxonomy_chunks()], merged):
                trig.write(chunk)
                ttl.write(turtle)
                store.load(chunk)
                triples += count
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


def _documents(
    out: Path, records: dict[str, DocumentRecord], graphs: dict[str, Path], copies: Path
) -> Iterator[tuple[str, bytes, tuple[str, ...]]]:
    """(key, its own graph's TriG, its sources) of each document in key order, one at a
    time; each graph is copied into ``copies`` on the way."""
    for key in sorted(records):
        data = graphs.get(key, out / DOCUMENTS / f"{key}.trig").read_bytes()
        (copies / f"{key}.trig").write_bytes(data)
        yield key, data, records[key].sources


def merge_document(document: tuple[str, bytes, tuple[str, ...]]) -> Chunks:
    """A document's part of graph.trig and graph.ttl, with its sources as the manifest has
    them (a duplicate found later adds one), in whichever process runs it."""
    key, data, sources = document
    dataset = bind_prefixes(Dataset())
    dataset.parse(data=data, format="trig")
    _set_sources(dataset, key, sources)
    return _chunks(dataset)


def _taxonomy_chunks() -> Chunks:
    taxonomy = bind_prefixes(Dataset())
    _add_taxonomy(taxonomy)
    return _chunks(taxonomy)


def _chunks(dataset: Dataset) -> Chunks:
    return (
        dataset.serialize(format="trig", encoding="utf-8"),
        union_graph(dataset).serialize(format="turtle", encoding="utf-8"),
        sum(len(graph) for graph in dataset.graphs()),
    )


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


def _first_key(path: Path, text: str, content_hash: str) -> str:
    """The key of a large file's first volume, after which all its volumes are keyed."""
    return ids.document_key(parse_document(text, source=path.as_posix()), content_hash)


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
