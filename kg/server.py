"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store `kg build` wrote.

    >>> from kg.server import make_server                  # doctest: +SKIP
    >>> server = make_server("out", port=0)                 # doctest: +SKIP
    >>> server.serve_forever()                              # doctest: +SKIP

``/sparql`` answers GET ``query=``, form POSTs and ``application/sparql-query`` POSTs, in
the format the Accept header asks for; ``/`` is a query page with the shipped questions,
``/entity/{name}`` an entity with its relations and evidence, ``/graph`` the interactive
graph. Updates and Graph Store writes are refused: the store is opened read-only.

pyoxigraph cannot stop a running query (its timeout exists only in Rust, oxigraph issue
#1926), so every query runs in a worker process: a query past its time limit is stopped
by ending its process, which a fresh one replaces. Entity pages run in the server itself
through `KnowledgeGraph`; their queries are bounded by the API.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TextIO
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kg import api
from kg.api import EntityNotFound, KnowledgeGraph
from kg.errors import KGError
from kg.namespace import ID
from kg.questions import shipped_queries

PAGES_DIR = Path(__file__).resolve().parent / "data" / "server"
PREFIXES = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", api.PREFIXES))  # kg:, id:, rdfs: …
# for Turtle answers: id: names hold "/", which Turtle would escape (id:org\/unodc)
GRAPH_PREFIXES = {name: iri for name, iri in PREFIXES.items() if name != "id"}

RESULT_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",  # answered as application/sparql-results+json
)
GRAPH_TYPES = ("text/turtle", "application/ld+json", "application/n-triples")
ENTITY_TYPES = ("application/json", "text/html")

# strings, IRIs and comments, which may contain the word SERVICE harmlessly
_QUOTED = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may cost."""

    timeout: float = 10.0  # seconds a query may wait for a worker and run; then 503
    max_rows: int = 10_000  # solutions or triples per answer; the rest is cut (X-Truncated)
    max_request_bytes: int = 1 << 20  # a larger request body gets 413
    workers: int = 2  # query worker processes


@dataclass(frozen=True, slots=True)
class Job:
    """A query to run, its dataset, and the media types acceptable for each query form."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    results_type: str | None = RESULT_TYPES[0]  # for SELECT and ASK; None: not acceptable
    graph_type: str | None = GRAPH_TYPES[0]  # for CONSTRUCT and DESCRIBE
    max_rows: int = 10_000


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, media type and body; ``truncated`` if rows were cut."""

    status: int
    content_type: str
    body: bytes
    truncated: bool = False

    @classmethod
    def text(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", f"{message}\n".encode())


class Refused(Exception):
    """A request the endpoint will not answer, with the status and message that say why."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.answer = Answer.text(status, message)
        self.headers = headers or {}


# --- running a query (in a worker process) -----------------------------------------------


def answer(store: ox.Store, job: Job) -> Answer:
    """Run ``job`` on ``store`` and serialize at most ``job.max_rows`` rows of the answer."""
    dataset = {}
    if job.default_graphs or job.named_graphs:  # the protocol's dataset replaces the store's
        try:
            dataset = {
                "default_graph": [ox.NamedNode(iri) for iri in job.default_graphs],
                "named_graphs": [ox.NamedNode(iri) for iri in job.named_graphs],
            }
        except ValueError as error:
            return Answer.text(400, f"default-graph-uri or named-graph-uri: {error}")
    try:
        result = store.query(job.query, prefixes=PREFIXES, **dataset)
    except (SyntaxError, ValueError) as error:
        return Answer.text(400, f"malformed query: {error}")
    wanted = job.graph_type if isinstance(result, ox.QueryTriples) else job.results_type
    if wanted is None:
        offers = GRAPH_TYPES if isinstance(result, ox.QueryTriples) else RESULT_TYPES
        return Answer.text(406, f"this query's answer comes as one of: {', '.join(offers)}")
    try:
        if isinstance(result, ox.QueryTriples):
            rdf_format = ox.RdfFormat.from_media_type(wanted)
            triples = list(islice(result, job.max_rows + 1))
            body = ox.serialize(triples[: job.max_rows], format=rdf_format, prefixes=GRAPH_PREFIXES)
            cut = len(triples) > job.max_rows
            return Answer(200, _with_charset(rdf_format.media_type), body, cut)
        results_format = ox.QueryResultsFormat.from_media_type(wanted)
        if isinstance(result, ox.QueryBoolean):
            return Answer(200, results_format.media_type, result.serialize(format=results_format))
        rows = list(islice(result, job.max_rows + 1))
        body = _solutions(result.variables, rows[: job.max_rows]).serialize(format=results_format)
        return Answer(200, results_format.media_type, body, len(rows) > job.max_rows)
    except Exception as error:  # an evaluation error is the query's, not the server's
        return Answer.text(500, f"the query failed: {error}")


def _solutions(variables: list[ox.Variable], rows: list[ox.QuerySolution]) -> ox.QuerySolutions:
    """Solutions already read, as pyoxigraph solutions again (through TSV, whose cells are
    N-Triples terms), so its serializers write a capped answer."""
    if not variables:  # TSV has no line for a solution without variables; VALUES has
        return ox.Store().query(f"SELECT * WHERE {{ VALUES () {{ {'() ' * len(rows)}}} }}")
    lines = ["\t".join(str(v) for v in variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
    return ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)


def _with_charset(media_type: str) -> str:
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def _work(connection: Connection, store_path: str) -> None:
    """A worker process: answer jobs from ``connection`` until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    try:
        store, failure = ox.Store.read_only(store_path), None
    except OSError as error:
        store, failure = None, Answer.text(500, f"cannot open the store: {error}")
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        connection.send(failure or answer(store, job))


_Worker = tuple[BaseProcess, Connection]


class QueryPool:
    """Worker processes that each hold the store open and run one query at a time."""

    def __init__(self, store_path: Path, size: int) -> None:
        self._context = multiprocessing.get_context("forkserver")  # never fork a threaded process
        self._context.set_forkserver_preload([__name__])
        self._store_path = str(store_path)
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._running: set[BaseProcess] = set()
        self._lock = threading.Lock()
        self.size = size
        for worker in [self._start() for _ in range(size)]:
            self._idle.put(self._check(worker))

    def _check(self, worker: _Worker) -> _Worker:
        """A started worker once it has opened the store and answered a first query."""
        _, connection = worker
        try:
            connection.send(Job("ASK {}"))
            first = connection.recv() if connection.poll(120) else Answer.text(500, "no answer")
        except (EOFError, OSError) as error:
            first = Answer.text(500, f"ended at start ({error})")
        if first.status != 200:
            self.close()
            raise KGError(f"query worker: {first.body.decode().strip()}")
        return worker

    def run(self, job: Job, timeout: float) -> Answer:
        """Answer ``job`` within ``timeout`` seconds, waiting for a free worker included;
        Refused (503) past it, after the worker running the query was ended and replaced."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            message = f"all {self.size} query workers stayed busy for {timeout:g} s; try later"
            raise Refused(503, message) from None
        _, connection = worker
        try:
            connection.send(job)
            if connection.poll(max(deadline - time.monotonic(), 0.0)):
                found = connection.recv()
                self._idle.put(worker)
                return found
            status, message = 503, f"the query ran past the {timeout:g} s limit and was stopped"
        except (EOFError, OSError):
            status, message = 500, "the query worker ended unexpectedly; try again"
        self._stop(worker)
        self._idle.put(self._start())
        raise Refused(status, message)

    def close(self) -> None:
        """End every worker process."""
        with self._lock:
            running, self._running = list(self._running), set()
        for process in running:
            process.kill()
            process.join()

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_work, args=(theirs, self._store_path), name="kg-query", daemon=True
        )
        process.start()
        theirs.close()
        with self._lock:
            self._running.add(process)
        return process, ours

    def _stop(self, worker: _Worker) -> None:
        process, connection = worker
        process.kill()
        process.join()
        connection.close()
        with self._lock:
            self._running.discard(process)


# --- HTTP --------------------------------------------------------------------------------


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the Accept header prefers (q-values, wildcards), the first on a tie or
    when there is no header; None when it accepts none of them."""
    if not accept:
        return offers[0]
    ranges: dict[str, float] = {}
    for part in accept.split(","):
        media, *parameters = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges[media.lower()] = max(quality, ranges.get(media.lower(), 0.0))
    best, best_quality = None, 0.0
    for offer in offers:
        kind = offer.split("/")[0]
        pattern = next((p for p in (offer, f"{kind}/*", "*/*") if p in ranges), None)
        if pattern is not None and ranges[pattern] > best_quality:
            best, best_quality = offer, ranges[pattern]
    return best


def federated(query: str) -> bool:
    """Whether a query calls SERVICE (pyoxigraph would fetch it over HTTP)."""
    unescaped = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return _SERVICE.search(_QUOTED.sub(" ", unescaped)) is not None


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: a thread per request, queries in `QueryPool` worker processes."""

    daemon_threads = True
    request_queue_size = 128  # connections waiting to be accepted (socketserver's default is 5)

    def __init__(
        self, address: tuple[str, int], graph: KnowledgeGraph, limits: Limits, log: TextIO | None
    ) -> None:
        self.pool: QueryPool | None = None  # started by make_server once the port is bound
        super().__init__(address, Handler)
        self.graph, self.limits, self.log = graph, limits, log
        self.store_path: Path = graph.store.path
        self.graph_page = self.store_path.parent / "graph.html"
        self.pages = Environment(
            loader=FileSystemLoader(PAGES_DIR), autoescape=select_autoescape(["html"])
        )
        examples = [
            {"name": name, "zh": zh, "en": en, "query": path.read_text(encoding="utf-8")}
            for name, (zh, en, path) in shipped_queries().items()
        ]
        self.index = self.pages.get_template("index.html").render(
            examples=examples, id_prefix=str(ID), max_rows=limits.max_rows
        )
        self._log_lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def write_log(self, line: str) -> None:
        if self.log is not None:
            with self._log_lock:
                self.log.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {line}\n")
                self.log.flush()

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """One log line, not a traceback; a client that hung up is not an error."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            self.write_log(f"{client_address[0]} error: {error!r}")

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def make_server(
    store: str | Path = "out",
    host: str = "127.0.0.1",
    port: int = 8000,
    limits: Limits = Limits(),
    log: TextIO | None = sys.stderr,
) -> SparqlServer:
    """A server for the graph that `kg build --out store` wrote, listening, workers started;
    call ``serve_forever()``. KGError if there is no store or the port is taken."""
    graph = KnowledgeGraph.open(store)
    graph.entities()  # read the names once, before the threads need them
    try:
        server = SparqlServer((host, port), graph, limits, log)
    except OSError as error:
        raise KGError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    try:
        server.pool = QueryPool(server.store_path, limits.workers)
    except BaseException:
        server.server_close()
        raise
    return server


class Handler(BaseHTTPRequestHandler):
    """One request: route it, answer it, log one line."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "unodc-kg"
    timeout = 60  # seconds a client may take to send its request
    disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart

    def do_GET(self) -> None:
        self._answer(self._get)

    def do_POST(self) -> None:
        self._answer(self._post)

    def do_PUT(self) -> None:
        self._answer(self._write)

    do_DELETE = do_PATCH = do_PUT

    # --- routes ---------------------------------------------------------------------------

    def _get(self) -> tuple[Answer, dict[str, str]]:
        url = urlsplit(self.path)
        if url.path == "/":
            return Answer(200, "text/html; charset=utf-8", self.server.index.encode()), {}
        if url.path == "/sparql":
            parameters = parse_qs(url.query, keep_blank_values=True)
            if "update" in parameters:
                raise self._update_refused()
            return self._sparql(parameters)
        if url.path.startswith("/entity/"):
            return self._entity(unquote(url.path.removeprefix("/entity/")))
        if url.path == "/graph":
            if not self.server.graph_page.is_file():
                raise Refused(404, "no graph page: run `kg build` (without --no-viz) or `kg viz`")
            body = self.server.graph_page.read_bytes()
            return Answer(200, "text/html; charset=utf-8", body), {}
        raise Refused(404, f"nothing at {url.path}; the endpoint is /sparql, the query page /")

    def _post(self) -> tuple[Answer, dict[str, str]]:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            raise Refused(405, "read-only endpoint: only /sparql takes POST", {"Allow": "GET"})
        body = self._body()
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        parameters = parse_qs(url.query, keep_blank_values=True)
        if media_type == "application/sparql-update":
            raise self._update_refused()
        if media_type == "application/x-www-form-urlencoded":
            form = parse_qs(self._decode(body), keep_blank_values=True)
            if "update" in form:
                raise self._update_refused()
            return self._sparql({**parameters, **form})
        if media_type == "application/sparql-query":
            return self._sparql({**parameters, "query": [self._decode(body)]})
        raise Refused(
            415,
            "POST a query as application/x-www-form-urlencoded (query=…) "
            "or as application/sparql-query",
        )

    def _write(self) -> tuple[Answer, dict[str, str]]:
        allow = "GET, POST" if urlsplit(self.path).path == "/sparql" else "GET"
        message = f"read-only endpoint: {self.command} is refused (Graph Store writes are off)"
        raise Refused(405, message, {"Allow": allow})

    def _update_refused(self) -> Refused:
        return Refused(403, "read-only endpoint: SPARQL Update is refused")

    def _sparql(self, parameters: dict[str, list[str]]) -> tuple[Answer, dict[str, str]]:
        queries = parameters.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise Refused(
                400,
                "give one query: GET /sparql?query=…, a form POST with query=…, "
                "or a POST of application/sparql-query; the query page is at /",
            )
        if federated(queries[0]):
            raise Refused(403, "SERVICE (federated query) is disabled on this endpoint")
        accept = self.headers.get("Accept")
        results_type, graph_type = negotiate(accept, RESULT_TYPES), negotiate(accept, GRAPH_TYPES)
        if results_type is None and graph_type is None:
            raise Refused(
                406,
                f"cannot answer in {accept}; SELECT and ASK answer in "
                f"{', '.join(RESULT_TYPES)}; CONSTRUCT and DESCRIBE in {', '.join(GRAPH_TYPES)}",
            )
        limits = self.server.limits
        job = Job(
            queries[0],
            tuple(parameters.get("default-graph-uri", ())),
            tuple(parameters.get("named-graph-uri", ())),
            results_type,
            graph_type,
            limits.max_rows,
        )
        found = self.server.pool.run(job, limits.timeout)
        headers = {"Vary": "Accept"}
        if found.truncated:
            headers["X-Truncated"] = f"max-rows={limits.max_rows}"
        return found, headers

    def _entity(self, name: str) -> tuple[Answer, dict[str, str]]:
        graph = self.server.graph
        wanted = negotiate(self.headers.get("Accept"), ENTITY_TYPES)
        if wanted is None:
            raise Refused(406, f"an entity comes as one of: {', '.join(ENTITY_TYPES)}")
        headers = {"Vary": "Accept"}
        try:
            entity = graph.entity(name)
        except EntityNotFound as error:
            if wanted == "application/json":
                body = json.dumps({"error": str(error)}, ensure_ascii=False).encode()
                return Answer(404, "application/json", body), headers
            page = self.server.pages.get_template("entity.html").render(error=str(error))
            return Answer(404, "text/html; charset=utf-8", page.encode()), headers
        relations = graph.relations(subject=entity) + graph.relations(object=entity)
        record = {
            "iri": entity.iri,
            "key": entity.key,
            "type": entity.type,
            "label_zh": entity.label_zh,
            "label_en": entity.label_en,
            "alt_labels": list(entity.alt_labels),
            "relations": [asdict(relation) for relation in relations],
        }
        if wanted == "application/json":
            body = json.dumps(record, ensure_ascii=False, indent=1).encode()
            return Answer(200, "application/json", body), headers
        page = self.server.pages.get_template("entity.html").render(
            entity=record, id_prefix=str(ID)
        )
        return Answer(200, "text/html; charset=utf-8", page.encode()), headers

    # --- plumbing -------------------------------------------------------------------------

    def _body(self) -> bytes:
        """The request body, within the size limit (413 past it, 411 without a length)."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise Refused(411, "send a Content-Length (chunked bodies are not read)")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise Refused(400, "Content-Length is not a number") from None
        if length > self.server.limits.max_request_bytes:
            raise Refused(413, f"request body over {self.server.limits.max_request_bytes:,} bytes")
        self._read = True
        return self.rfile.read(length)

    def _decode(self, body: bytes) -> str:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(400, "the request body is not UTF-8") from None

    def _answer(self, route: Callable[[], tuple[Answer, dict[str, str]]]) -> None:
        """Run a route and send what it gives, or the reason it refused; log one line."""
        started = time.perf_counter()
        self._read = False
        try:
            found, headers = route()
        except Refused as refusal:
            found, headers = refusal.answer, refusal.headers
        except Exception as error:  # never a traceback to the client
            found, headers = Answer.text(500, f"internal error: {error}"), {}
        if self.headers.get("Content-Length") and not self._read:
            self.close_connection = True  # the body was not read: the stream cannot go on
        try:
            self.send_response(found.status)
            self.send_header("Content-Type", found.content_type)
            self.send_header("Content-Length", str(len(found.body)))
            for key, value in headers.items():
                self.send_header(key, value)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(found.body)
        except ConnectionError:
            self.close_connection = True
        elapsed = (time.perf_counter() - started) * 1000
        path = self.path if len(self.path) <= 160 else self.path[:160] + "…"
        self.server.write_log(
            f"{self.client_address[0]} {self.command} {path} {found.status} "
            f"{len(found.body)} {elapsed:.1f}ms"
        )

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Requests are logged by `_answer`, with their time."""

    def log_message(self, format: str, *args: object) -> None:
        self.server.write_log(f"{self.client_address[0]} {format % args}")
