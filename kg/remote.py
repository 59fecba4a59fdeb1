"""Remote SPARQL stores: query an endpoint over HTTP, and push a built graph into one.

`RemoteStore` speaks the SPARQL 1.1 Protocol and answers like the embedded `Store`
(the same `QueryResult`, the same Python values), so ``KnowledgeGraph.open(url)``
and every method of the API work on a server unchanged. `push` loads the graph
`kg build` wrote into any SPARQL 1.1 Graph Store Protocol server: one named graph
per document, and their union as a set in the default graph, as in the embedded
store, so that queries without GRAPH (all of ``queries/``) answer there as here.

Standard protocols only, over requests (kept-alive connections). A user and
password may be given in the URL (``http://user:password@host/…``): Basic
authentication is sent up front, Digest (Virtuoso) once the server asks for it.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeGuard

import pyoxigraph as ox
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from kg.errors import KGError
from kg.store import QueryError, QueryResult, Store, literal_value, python_value

RESULTS = "application/sparql-results+json"
ACCEPT = f"{RESULTS}, application/n-triples;q=0.9, text/turtle;q=0.8"
TIMEOUT = 300.0  # seconds one answer may take: a query on a large store, a large graph
CONNECT_TIMEOUT = 10.0  # seconds to open a connection: a server that is up accepts at once


class EndpointError(KGError):
    """A remote store could not be reached, or answered with an HTTP error."""

    def __init__(self, message: str, status: int | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail


def is_url(location: object) -> TypeGuard[str]:
    """Whether ``location`` names a remote store (an http or https URL) rather than a folder."""
    return isinstance(location, str) and location.startswith(("http://", "https://"))


class _Http:
    """Requests to one URL over a kept-alive session, with the credentials of its userinfo;
    failures as EndpointError."""

    def __init__(self, url: str, timeout: float = TIMEOUT) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KGError(f"{url}: not an http:// or https:// URL")
        netloc = parts.netloc.rpartition("@")[2]
        self.url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        self.timeout = timeout
        self._session = requests.Session()
        self._credentials: tuple[str, str] | None = None
        if parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            self._credentials = (user, urllib.parse.unquote(parts.password or ""))
            self._session.auth = HTTPBasicAuth(*self._credentials)

    def send(
        self, method: str, query: str, body: bytes, headers: dict[str, str]
    ) -> tuple[str, bytes]:
        """Send a request (``query`` is added to the URL's query string); the answer's
        media type and body. EndpointError if the server is unreachable or says no."""
        url = f"{self.url}{'&' if '?' in self.url else '?'}{query}" if query else self.url
        shown = urllib.parse.unquote(url)
        try:
            response = self._request(method, url, body, headers)
            if response.status_code == 401 and isinstance(self._session.auth, HTTPBasicAuth):
                # the server wants Digest (Virtuoso); once challenged, it is sent up front
                self._session.auth = HTTPDigestAuth(*self._credentials)
                response = self._request(method, url, body, headers)
        except requests.ConnectTimeout:
            raise EndpointError(
                f"cannot reach {self.url}: no connection within {CONNECT_TIMEOUT:g} s"
            ) from None
        except requests.Timeout:
            raise EndpointError(f"{shown} did not answer within {self.timeout:g} s") from None
        except requests.ConnectionError as error:
            raise EndpointError(f"cannot reach {self.url}: {_innermost(error)}") from None
        except requests.RequestException as error:
            raise EndpointError(f"{shown}: {_innermost(error)}") from None
        media_type = response.headers.get("Content-Type", "").partition(";")[0].strip().lower()
        if not response.ok:
            detail = excerpt(response.content, html=media_type == "text/html")
            hint = (
                " (give or check user:password@ in the URL)" if response.status_code == 401 else ""
            )
            raise EndpointError(
                f"{shown} answered HTTP {response.status_code} {response.reason}{hint}: {detail}",
                response.status_code,
                detail,
            )
        return media_type, response.content

    def _request(
        self, method: str, url: str, body: bytes, headers: dict[str, str]
    ) -> requests.Response:
        timeout = (CONNECT_TIMEOUT, self.timeout)
        return self._session.request(method, url, data=body, headers=headers, timeout=timeout)


def _innermost(error: BaseException) -> BaseException:
    """The socket's own error ("Connection refused") under requests' and urllib3's wrappers."""
    for _ in range(10):  # wrappers nest a few deep; the bound guards against a loop
        causes = (*error.args, getattr(error, "reason", None), error.__cause__, error.__context__)
        inner = next((c for c in causes if isinstance(c, BaseException)), None)
        if inner is None:
            break
        error = inner
    return error


def excerpt(body: bytes, html: bool = False, limit: int = 300) -> str:
    """The start of a server's answer as one line of text (an HTML error page without tags)."""
    text = body.decode("utf-8", "replace")
    text = " ".join((re.sub(r"<[^>]*>", " ", text) if html else text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RemoteStore:
    """A SPARQL 1.1 endpoint that answers like the embedded `Store`.

    Parameters in the URL's query string, such as ``default-graph-uri=…``, are
    sent with every query. Queries are POSTed as a form, which every server takes.
    """

    def __init__(self, url: str, timeout: float = TIMEOUT) -> None:
        base, _, parameters = url.partition("?")
        self._http = _Http(base, timeout)
        self.url = url
        self._parameters = urllib.parse.parse_qsl(parameters, keep_blank_values=True)

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query on the endpoint; QueryError with the server's message if it
        refuses the query (HTTP 400), EndpointError if it cannot be reached or fails."""
        body = urllib.parse.urlencode([*self._parameters, ("query", sparql)]).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT}
        try:
            media_type, data = self._http.send("POST", "", body, headers)
        except EndpointError as error:
            if error.status == 400:
                raise QueryError(f"SPARQL: {error.detail}") from None
            raise
        try:
            if media_type in (RESULTS, "application/json"):
                return _results(json.loads(data))
            return _triples(data, media_type)
        except (ValueError, KeyError, TypeError, SyntaxError):
            raise EndpointError(
                f"{self._http.url} answered {media_type}, not SPARQL results: "
                + excerpt(data, html=media_type == "text/html")
            ) from None


def _results(answer: dict) -> QueryResult:
    """SPARQL 1.1 Query Results JSON as a QueryResult."""
    if "boolean" in answer:
        return QueryResult((), boolean=bool(answer["boolean"]))
    variables = tuple(answer["head"]["vars"])
    if variables == ("__ASK_RETVAL",):  # Virtuoso answers some ASK queries as a SELECT
        (binding,) = answer["results"]["bindings"]
        return QueryResult((), boolean=binding["__ASK_RETVAL"]["value"] not in ("0", "false"))
    rows = tuple(
        {name: _value(binding[name]) for name in variables if name in binding}
        for binding in answer["results"]["bindings"]
    )
    return QueryResult(variables, rows)


def _value(term: dict) -> object:
    """A term of SPARQL JSON results as `python_value` gives it for the embedded store."""
    if term["type"] == "bnode":
        return f"_:{term['value']}"
    if term["type"] in ("literal", "typed-literal"):  # typed-literal: Virtuoso's older name
        return literal_value(term["value"], term.get("datatype", ""))
    return term["value"]


def _triples(data: bytes, media_type: str) -> QueryResult:
    """The RDF answer of a CONSTRUCT or DESCRIBE as a QueryResult."""
    rdf_format = ox.RdfFormat.from_media_type(media_type)
    if rdf_format is None:
        raise ValueError(media_type)
    triples = tuple(
        (python_value(q.subject), python_value(q.predicate), python_value(q.object))
        for q in ox.parse(data, rdf_format)
    )
    return QueryResult(("subject", "predicate", "object"), triples=triples)


@dataclass(frozen=True, slots=True)
class PushResult:
    """What `push` sent, and where (the URL without credentials): how many named graphs,
    their triples summed, how long it took."""

    endpoint: str
    graphs: int
    triples: int
    seconds: float


Progress = Callable[[str, int], None]  # called with each graph's IRI and triples once sent


def push(
    source: Store,
    endpoint: str,
    replace: bool = True,
    union_graph: str | None = None,
    progress: Progress | None = None,
    timeout: float = TIMEOUT,
) -> PushResult:
    """Load every named graph of ``source`` into the Graph Store Protocol server at
    ``endpoint`` (e.g. Oxigraph's ``http://host:7878/store``), and each into the
    server's default graph too, where they make the set union the embedded store has.

    ``replace``: each graph is PUT and replaces the server's graph of that name, and the
    default graph is replaced by this union; otherwise graphs are POSTed, added to what
    the server holds (to gather the builds of several machines in one store).
    ``union_graph`` puts the union into that named graph instead, for servers whose
    Graph Store has no default graph (Virtuoso); query them with
    ``?default-graph-uri=`` that graph.
    """
    server = _Http(endpoint, timeout)
    union = "graph=" + urllib.parse.quote(union_graph, safe="") if union_graph else "default"
    headers = {"Content-Type": "application/n-triples"}
    start = time.perf_counter()
    triples = 0
    graphs = source.named_graphs()
    for number, graph in enumerate(graphs):
        data = source.dump(graph)
        server.send(
            "PUT" if replace else "POST",
            "graph=" + urllib.parse.quote(graph, safe=""),
            data,
            headers,
        )
        server.send("PUT" if replace and number == 0 else "POST", union, data, headers)
        count = data.count(b"\n")  # N-Triples: one triple a line
        triples += count
        if progress is not None:
            progress(graph, count)
    return PushResult(server.url, len(graphs), triples, time.perf_counter() - start)
