"""`kg build` and `kg remove`: the pipeline from document files to the graph, in order.

1. reading (`kg.inputs`, `kg.sources`): the files given, hashed; the texts each holds;
2. extracting (`kg.extraction`): a text's document, entities and relations;
3. triples (`kg.triples`): the document's graph, as triples of N-Triples terms, in one pass;
4. writing (`kg.graph_files`): that graph as the document's Turtle file, written once;
   graph.ttl and graph.trig made of the documents' files;
5. loading (`kg.loading`): each document's file into the Oxigraph store, as it comes;

with the books (which documents, from which files, with which content) in `kg.manifest`.

Builds are incremental: a document whose bytes did not change is not extracted again
and its graph file and its graph in the store are kept; a changed one replaces its own;
documents built before and not given now stay until `kg remove` drops them. A document
that cannot be read is reported and skipped. Every output is made in a staging folder
beside ``out`` that replaces it only once complete, so a crash or Ctrl-C leaves the
previous graph as it was.

Steps 1–4 of a document run in whichever process the engine gives them (`kg.engines`:
this one, local worker processes, a Ray cluster). Their unit is the whole document, not
spaCy's ``nlp.pipe(n_process=…)`` over paragraphs: the extractor reads a document's parts
in order through one `DocumentContext` (a 全称（简称） defined in ¶3 holds in ¶40). A `Job`
carries one file's bytes (or one volume's text) and `run_job` sends back the document's
graph file; this process keeps the books in input order, so the output is the same byte
for byte on any engine, and loads the store.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path

from kg import graph_files, triples
from kg.engines import Engine, open_engine
from kg.errors import InputError, KGError
from kg.extraction import ExtractedDocument, document_key, extract_text
from kg.inputs import (
    Volume,
    collect_inputs,
    default_inputs,
    file_hash,
    is_large,
    reports,
    stream_codec,
    volumes,
)
from kg.io import atomic_write
from kg.loading import Loader
from kg.manifest import (
    DOCUMENTS,
    MANIFEST,
    DocumentRecord,
    graph_file,
    load_manifest,
    manifest_bytes,
)
from kg.sources import read_source

TAXONOMY = "threats"  # the key of the threat taxonomy's graph, shared by every document


@dataclass(frozen=True, slots=True)
class Failure:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path.as_posix()}: {self.reason}"


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
    """A document as a worker sends it back: its manifest record, its graph file (Turtle),
    and what the reader noticed."""

    record: DocumentRecord
    graph: bytes
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
    triples: int = 0  # in the documents' graphs and the threat taxonomy's
    warnings: tuple[tuple[Path, str], ...] = ()  # (document, what the reader noticed)


Progress = Callable[[Path, str, DocumentRecord | None], None]
Finish = Callable[[Path], None]  # writes more files into the staging folder it is given


def build(
    paths: Sequence[Path] | None = None,
    out: Path = Path("out"),
    progress: Progress | None = None,
    workers: int = 1,
    engine: str = "local",
    ray_address: str | None = None,
    finish: Finish | None = None,
) -> BuildResult:
    """Build the graph of the documents at ``paths`` (default: the shipped seeds) into ``out``.

    Writes ``graph.ttl`` (every triple), ``graph.trig`` (one named graph per document),
    ``store/`` (the SPARQL store), ``manifest.json`` and ``documents/`` (each document's
    graph). ``finish``, if given, is called with the staging folder once those are in it,
    to add files made from them (the CLI writes the graph page). Raises InputError when no
    document at all could be read; otherwise failures are reported in the result and the
    rest is written. The work runs in ``workers`` processes of this machine, or with
    ``engine="ray"`` on the Ray cluster at ``ray_address`` (see `kg.engines`); the output
    is the same on all.
    """
    inputs = collect_inputs(paths or default_inputs())
    runner = open_engine(engine, workers, ray_address)
    heap = _Heap()
    try:
        previous = load_manifest(out)
        staging = _Staging(out, previous)
        try:
            corpus = _Corpus(previous, staging, progress, heap)
            corpus.read(inputs, runner)
            if not corpus.records:
                first = corpus.failures[0] if corpus.failures else None
                problem = first.reason if first else "no documents"
                raise InputError(first.path if first else out, problem)
            triple_count = staging.complete(corpus.records, finish)
        except BaseException:
            staging.discard()
            raise
    finally:
        runner.close()
        heap.release()
    return BuildResult(
        tuple(corpus.records[key] for key in sorted(corpus.records)),
        tuple(corpus.built),
        tuple(corpus.reused),
        tuple(corpus.failures),
        _files(out),
        triple_count,
        tuple(corpus.warnings),
    )


def remove(out: Path, names: Sequence[str], finish: Finish | None = None) -> list[DocumentRecord]:
    """Drop documents (by symbol, source file or key) from the graph in ``out``; the others
    are kept as they are. ``finish`` as for `build`."""
    previous = load_manifest(out)
    if not previous:
        raise KGError(f"{out}: no graph built here by this version of kg; run `kg build` first")
    records = dict(previous)
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
    staging = _Staging(out, previous)
    try:
        staging.complete(records, finish)
    except BaseException:
        staging.discard()
        raise
    return dropped


def run_job(job: Job) -> Outcome:
    """Read and extract a job's documents and write their graphs, in whichever process runs
    it. Failures are returned, not raised: one bad document does not stop a corpus."""
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
        parts = reports(decoded.text)
        if len(parts) == 1:
            built = extract_text(job.path, decoded.text, decoded.encoding, job.content_hash)
            return Outcome((_extracted(built, job.content_hash),))
        base = ""  # each report is a document, keyed after the first
        for index, (offset, text) in enumerate(parts):
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


def _extracted(built: ExtractedDocument, content_hash: str) -> Extracted:
    graph = triples.graph(built)
    record = DocumentRecord(
        key=built.key,
        content_hash=content_hash,
        sources=(built.path.as_posix(),),
        encoding=built.encoding,
        symbols=built.document.metadata.symbols,
        title=built.document.metadata.title,
        paragraphs=len(built.document.paragraphs),
        entities=len(built.extraction.entities),
        relations=len(built.relations.assertions),
        characters=len(built.document.text),
        triples=len(graph),
    )
    return Extracted(record, graph_files.turtle(graph), built.document.warnings)


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

    def __init__(
        self,
        previous: dict[str, DocumentRecord],
        staging: _Staging,
        progress: Progress | None,
        heap: _Heap,
    ) -> None:
        self.previous = previous
        self.heap = heap
        self.records = dict(previous)
        self.by_hash = {record.content_hash: key for key, record in previous.items()}
        self.seen: dict[str, str] = {}  # content hash → key, in this build
        self.sent: set[str] = set()  # content hashes whose jobs went out ahead
        self.staging = staging
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
            if is_large(path):
                return _Input(path, file_hash(path), large=True), b""
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
            codec = stream_codec(item.path)
            base = ""  # every volume is keyed after the first
            for index, (offset, text) in enumerate(volumes(item.path, codec)):
                base = base or document_key(item.path, text, item.content_hash)
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
        self.staging.add(record, document.graph)
        self.seen[record.content_hash] = record.key
        self.built.append(record.key)
        self.warnings.extend((path, warning) for warning in document.warnings)
        self.heap.settle()
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


class _Heap:
    """The garbage collector during a build. Once a document is extracted here, spaCy's
    pipeline, jieba's dictionary and the gazetteers are loaded and stay: `settle` moves
    what lives then out of the collector's full passes (`gc.freeze`), each of which would
    walk their millions of entries again (≈ 100 ms, every eight documents or so), and
    `release` hands it back when the build ends. Nothing is frozen if the caller froze."""

    def __init__(self) -> None:
        self.frozen = False

    def settle(self) -> None:
        if not self.frozen and gc.get_freeze_count() == 0:
            gc.freeze()
            self.frozen = True

    def release(self) -> None:
        if self.frozen:
            gc.unfreeze()
            self.frozen = False


class _Staging:
    """The next state of the output folder, made beside it and put in its place whole.

    It starts from the previous build: the store as a copy of the previous one, and the
    graph files of the documents kept are linked, not copied. Documents extracted now
    are written and loaded as they come (`add`); `complete` brings in the rest, drops
    what went, writes graph.ttl, graph.trig and the manifest, and swaps the folders.
    """

    def __init__(self, out: Path, previous: dict[str, DocumentRecord]) -> None:
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        for stale in self.out.parent.glob(f".{self.out.name}.staging-*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
        self.folder = Path(
            tempfile.mkdtemp(prefix=f".{self.out.name}.staging-", dir=self.out.parent)
        )
        (self.folder / DOCUMENTS).mkdir()
        self.written = {key: record.sources for key, record in previous.items()}
        store = self.out / "store"
        self.fresh = not (previous and store.is_dir())  # a new store, not a copy of the last
        self.loader = Loader(self.folder / "store", None if self.fresh else store)
        self.taxonomy = graph_files.turtle(triples.taxonomy())
        if TAXONOMY not in self.loader.held:
            self.loader.load(TAXONOMY, self.taxonomy)

    def add(self, record: DocumentRecord, graph: bytes) -> None:
        """A document extracted now: its graph file is written and loaded."""
        path = graph_file(self.folder, record.key)
        path.write_bytes(graph)
        self.written[record.key] = record.sources
        self.loader.load(record.key, path)

    def complete(self, records: dict[str, DocumentRecord], finish: Finish | None) -> int:
        """Make the folder hold the graph of ``records`` and put it in place of ``out``;
        the number of triples in its named graphs."""
        for key, record in sorted(records.items()):
            path = graph_file(self.folder, key)
            if not path.exists():
                _link(graph_file(self.out, key), path)
            if record.sources != self.written[key]:
                graph = triples.with_sources(
                    graph_files.read_triples(path.read_bytes()), key, record.sources
                )
                path.unlink()  # a link to the previous build's file: that one stays
                path.write_bytes(graph_files.turtle(graph))
                records[key] = replace(record, triples=len(graph))
                self.loader.load(key, path)
            elif key not in self.loader.held:
                self.loader.load(key, path)
        for key in sorted(self.loader.held - {*records, TAXONOMY}):
            self.loader.drop(key)
        self.loader.finish(compact=self.fresh)  # the store is completed while the files are written
        graphs = ((key, graph_file(self.folder, key).read_bytes()) for key in sorted(records))
        graph_files.write_graph_files(self.folder, chain([(TAXONOMY, self.taxonomy)], graphs))
        atomic_write(self.folder / MANIFEST, manifest_bytes(records.values()))
        self.loader.close()
        if finish is not None:
            finish(self.folder)
        _swap(self.folder, self.out)
        return len(graph_files.read_triples(self.taxonomy)) + sum(
            record.triples for record in records.values()
        )

    def discard(self) -> None:
        """Leave ``out`` as it was."""
        self.loader.abort()
        shutil.rmtree(self.folder, ignore_errors=True)


def _link(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (a copy across filesystems)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` where ``out`` is; the old folder is removed only afterwards."""
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)


def _files(out: Path) -> tuple[Path, ...]:
    return (out / "graph.ttl", out / "graph.trig", out / "store")


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


def _tell(progress: Progress | None, path: Path, status: str, record) -> None:
    if progress is not None:
        progress(path, status, record)
