"""`kg serve`: the SPARQL 1.1 Protocol endpoint, its limits, the query page and entity pages,
run on loopback against the seed graph."""

from __future__ import annotations

import http.client
import io
import json
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app, write_graph_page
from kg.questions import shipped_queries
from kg.server import RESULT_TYPES, Job, Limits, answer, federated, make_server, negotiate

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/unodc-kg/id/"
UNODC = f"{ID}org/unodc"
LABEL = f"SELECT ?label WHERE {{ <{UNODC}> rdfs:label ?label }} ORDER BY ?label"
COUNTRIES = "SELECT ?c WHERE { ?c a kg:Country } ORDER BY ?c"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "out"
    build(None, path, finish=write_graph_page)
    return path


def running(out: Path, limits: Limits, log: io.StringIO | None = None):
    server = make_server(out, "127.0.0.1", 0, limits, log)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="module")
def log() -> io.StringIO:
    return io.StringIO()


@pytest.fixture(scope="module")
def server(out: Path, log: io.StringIO):
    server, thread = running(out, Limits(workers=2), log)
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def tight(out: Path):
    """A server with tiny limits: half a second, three rows, a kilobyte, one worker."""
    server, thread = running(
        out, Limits(timeout=0.5, max_rows=3, max_request_bytes=1000, workers=1)
    )
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def call(server, method: str, path: str, body: bytes | str | None = None, **headers: str):
    """Status, headers and body of one request (header names with _ for -)."""
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=30)
    data = body.encode() if isinstance(body, str) else body
    connection.request(method, path, data, {k.replace("_", "-"): v for k, v in headers.items()})
    response = connection.getresponse()
    found = response.status, dict(response.getheaders()), response.read()
    connection.close()
    return found


def get(server, query: str, **headers: str):
    return call(server, "GET", "/sparql?" + urlencode({"query": query}), **headers)


def solutions(body: bytes, media_type: str = "application/sparql-results+json") -> list[tuple]:
    parsed = ox.parse_query_results(body, ox.QueryResultsFormat.from_media_type(media_type))
    return [tuple(None if t is None else str(t) for t in row) for row in parsed]


# --- SPARQL 1.1 Protocol --------------------------------------------------------------------


def test_get_query_answers_json_by_default(server):
    status, headers, body = get(server, LABEL)
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    assert solutions(body) == [
        ('"United Nations Office on Drugs and Crime"@en',),
        ('"联合国毒品和犯罪问题办公室"@zh',),
    ]


def test_post_form_and_sparql_query_give_the_same_answer(server):
    form = call(
        server, "POST", "/sparql", urlencode({"query": LABEL}),
        Content_Type="application/x-www-form-urlencoded",
    )  # fmt: skip
    direct = call(server, "POST", "/sparql", LABEL, Content_Type="application/sparql-query")
    assert form[0] == direct[0] == 200
    assert solutions(form[2]) == solutions(direct[2]) == solutions(get(server, LABEL)[2])


@pytest.mark.parametrize(
    "accept",
    ["application/sparql-results+json", "application/sparql-results+xml",
     "text/tab-separated-values"],
)  # fmt: skip
def test_select_in_each_parsable_results_format(server, accept):
    status, headers, body = get(server, LABEL, Accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert ('"联合国毒品和犯罪问题办公室"@zh',) in solutions(body, accept)


def test_select_as_csv(server):
    status, headers, body = get(server, LABEL, Accept="text/csv")
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    assert body.decode().splitlines() == [
        "label",
        "United Nations Office on Drugs and Crime",
        "联合国毒品和犯罪问题办公室",
    ]


def test_accept_with_quality_values_and_wildcards(server):
    status, headers, _ = get(server, LABEL, Accept="text/csv;q=0.5, application/sparql-results+xml")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml"
    assert negotiate("text/*;q=0.9, */*;q=0.1", ["application/json", "text/csv"]) == "text/csv"
    assert negotiate(None, ["a/b", "c/d"]) == "a/b"
    assert negotiate("image/png", ["a/b"]) is None
    assert negotiate("a/b;q=0", ["a/b"]) is None


def test_ask_from_the_shipped_questions(server):
    query = shipped_queries()["unodc_interpol_ask"][2].read_text(encoding="utf-8")
    status, _, body = get(server, query)
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, _, body = get(server, query, Accept="application/sparql-results+xml")
    assert status == 200 and b"<boolean>true</boolean>" in body
    no = get(server, f"ASK {{ <{UNODC}> kg:partnerOf <{ID}org/no-such-body> }}")
    assert json.loads(no[2])["boolean"] is False


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "application/n-triples"])
def test_construct_in_each_rdf_format(server, accept):
    query = f"CONSTRUCT {{ <{UNODC}> rdfs:label ?l }} WHERE {{ <{UNODC}> rdfs:label ?l }}"
    status, headers, body = get(server, query, Accept=accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == accept
    triples = {str(t.object) for t in ox.parse(body, ox.RdfFormat.from_media_type(accept))}
    assert triples == {
        '"联合国毒品和犯罪问题办公室"@zh',
        '"United Nations Office on Drugs and Crime"@en',
    }


def test_describe_answers_turtle(server):
    status, headers, body = get(server, f"DESCRIBE <{UNODC}>")
    assert status == 200 and headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert "联合国毒品和犯罪问题办公室" in body.decode()


def test_protocol_dataset_parameters(server, out):
    (graph,) = [g for g in server.graph.store.named_graphs() if "E-CN.7-2009-3" in g]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    path = "/sparql?" + urlencode({"query": count, "default-graph-uri": graph})
    in_document = int(
        json.loads(call(server, "GET", path)[2])["results"]["bindings"][0]["n"]["value"]
    )
    assert in_document == len(server.graph.sparql(f"SELECT * {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
    named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    path = "/sparql?" + urlencode({"query": named, "named-graph-uri": graph})
    assert solutions(call(server, "GET", path)[2]) == [(f"<{graph}>",)]
    # naming only named graphs leaves the default graph empty, as the protocol says
    path = "/sparql?" + urlencode({"query": count, "named-graph-uri": graph})
    assert solutions(call(server, "GET", path)[2])[0][0].startswith('"0"')


@pytest.mark.parametrize("media_type", RESULT_TYPES[:4])
@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <x:none> ?none } } ORDER BY ?o",
        "SELECT ?x WHERE { VALUES ?x { UNDEF 1 UNDEF } }",
        "SELECT * WHERE { VALUES () { () () } }",
        "SELECT * WHERE { FILTER(false) }",
    ],
)
def test_answers_are_what_pyoxigraph_itself_writes(query, media_type):
    """Rows are read (to cap them) and written again: nothing may change on the way."""
    store = ox.Store()
    for value in (ox.Literal('tab\tline\n"quoted" \\'), ox.Literal("中文", language="zh"),
                  ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                  ox.BlankNode("b0")):  # fmt: skip
        store.add(ox.Quad(ox.BlankNode("s1"), ox.NamedNode("x:p"), value))
    found = answer(store, Job(query, results_type=media_type))
    expected = store.query(query).serialize(
        format=ox.QueryResultsFormat.from_media_type(media_type)
    )
    assert found.status == 200 and not found.truncated and found.body == expected


# --- errors and refusals ------------------------------------------------------------------


def test_malformed_query_is_400_with_the_parser_message(server):
    status, headers, body = get(server, "SELEC ?x WHERE { ?x ?p ?o }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"malformed query: error at 1:") and b"Traceback" not in body
    assert get(server, "SELECT ?x WHERE { ?x nope:p ?o }")[0] == 400  # unknown prefix
    assert call(server, "GET", "/sparql")[0] == 400  # no query at all


@pytest.mark.parametrize(
    ("method", "path", "body", "content_type"),
    [
        ("POST", "/sparql", "INSERT DATA { <a:x> <a:y> <a:z> }", "application/sparql-update"),
        ("POST", "/sparql", "update=DELETE+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D",
         "application/x-www-form-urlencoded"),
        ("GET", "/sparql?update=CLEAR+ALL", None, None),
    ],
)  # fmt: skip
def test_updates_are_forbidden(server, method, path, body, content_type):
    headers = {"Content_Type": content_type} if content_type else {}
    status, _, answer = call(server, method, path, body, **headers)
    assert status == 403 and b"read-only" in answer
    assert json.loads(get(server, "ASK { ?s ?p ?o }")[2])["boolean"] is True


@pytest.mark.parametrize(
    ("method", "path"),
    [("PUT", "/sparql"), ("DELETE", "/data?default"), ("POST", "/data?graph=x"),
     ("PATCH", "/")],
)  # fmt: skip
def test_graph_store_writes_are_not_allowed(server, method, path):
    status, headers, body = call(server, method, path, "<a:x> <a:y> <a:z> .",
                                 Content_Type="text/turtle")  # fmt: skip
    assert status == 405 and "Allow" in headers and b"read-only" in body


def test_unsupported_accept_is_406(server):
    status, _, body = get(server, LABEL, Accept="image/png")
    assert status == 406 and b"application/sparql-results+json" in body
    # a SELECT when only RDF graph formats are acceptable
    status, _, body = get(server, LABEL, Accept="text/turtle")
    assert status == 406 and b"text/csv" in body


def test_unsupported_post_body_is_415(server):
    assert call(server, "POST", "/sparql", "{}", Content_Type="application/json")[0] == 415


def test_federated_queries_are_refused(server):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = get(server, query)
    assert status == 403 and b"SERVICE" in body
    assert federated("select * { service silent <x:y> {} }")
    assert federated("SELECT * { \\u0053ERVICE <x:y> {} }")
    assert not federated('SELECT ?service WHERE { ?service <x:SERVICE> "SERVICE" } # SERVICE')
    assert not federated("PREFIX ex: <x:> SELECT * { ?s ex:service ?o }")


def test_request_over_the_size_limit_is_413(tight):
    query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 2000
    status, headers, body = call(tight, "POST", "/sparql", query,
                                 Content_Type="application/sparql-query")  # fmt: skip
    assert status == 413 and b"1,000 bytes" in body and headers.get("Connection") == "close"


def test_query_past_the_timeout_is_stopped_with_503(tight):
    status, _, body = get(tight, HEAVY)
    assert status == 503 and b"0.5 s limit" in body
    # the worker that ran it was replaced: the endpoint answers again at once
    status, _, body = get(tight, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_rows_past_the_cap_are_cut_and_said_so(tight, server):
    status, headers, body = get(tight, COUNTRIES)
    assert status == 200 and headers["X-Truncated"] == "max-rows=3"
    assert solutions(body) == solutions(get(server, COUNTRIES)[2])[:3]
    status, headers, body = get(tight, "CONSTRUCT WHERE { ?s a kg:Country }",
                                Accept="application/n-triples")  # fmt: skip
    assert status == 200 and headers["X-Truncated"] == "max-rows=3"
    assert len(body.decode().splitlines()) == 3
    assert "X-Truncated" not in get(tight, LABEL)[1]


def test_unknown_path_is_404(server):
    status, _, body = call(server, "GET", "/nothing")
    assert status == 404 and b"/sparql" in body


# --- pages ------------------------------------------------------------------------------


def test_entity_as_json_with_relations_and_evidence(server):
    status, headers, body = call(server, "GET", "/entity/org/unodc", Accept="application/json")
    assert status == 200 and headers["Content-Type"] == "application/json"
    entity = json.loads(body)
    assert entity["iri"] == UNODC and entity["label_zh"] == "联合国毒品和犯罪问题办公室"
    (who,) = [
        r for r in entity["relations"]
        if r["predicate"] == "partnerOf" and r["object_label"] == "世界卫生组织"
    ]  # fmt: skip
    assert who["paragraph"] == 19 and "世界卫生组织" in who["sentence"]
    assert who["rule"].startswith("partner:") and 0 < who["confidence"] <= 1
    by_name = call(server, "GET", "/entity/" + quote("刑警组织"), Accept="application/json")
    assert json.loads(by_name[2])["iri"] == f"{ID}org/interpol"


def test_entity_as_html(server):
    status, headers, body = call(server, "GET", "/entity/UNODC", Accept="text/html,*/*;q=0.8")
    page = body.decode()
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>联合国毒品和犯罪问题办公室" in page and "世界卫生组织" in page
    assert 'href="/entity/org/who"' in page


def test_unknown_entity_is_404_with_close_matches(server):
    status, _, body = call(server, "GET", "/entity/UNODX", Accept="application/json")
    assert status == 404 and "unodc" in json.loads(body)["error"]
    status, _, body = call(server, "GET", "/entity/UNODX", Accept="text/html")
    assert status == 404 and "did you mean" in body.decode()


def test_query_page_offers_every_shipped_question(server):
    status, headers, body = call(server, "GET", "/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert 'id="query"' in page and 'id="run"' in page and 'href="/graph"' in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing from a CDN
    embedded = re.search(r'id="example-queries">(.*?)</script>', page, re.S).group(1)
    examples = {e["name"]: e for e in json.loads(embedded)}
    for name, (zh, en, path) in shipped_queries().items():
        assert examples[name]["query"] == path.read_text(encoding="utf-8")
        assert zh in page and en.replace("'", "&#39;").replace('"', "&#34;") in page


def test_graph_page_is_served(server):
    status, headers, body = call(server, "GET", "/graph")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"vis.Network" in body


def test_one_log_line_per_request(server, log):
    # Requests of earlier tests may still be logging: look for this test's own two.
    query = LABEL + " # log-line-test"
    get(server, query)
    call(server, "GET", "/nothing-log-line-test")
    mine: list[str] = []
    for _ in range(100):  # a line is written once its answer is sent
        mine = [line for line in log.getvalue().splitlines() if "log-line-test" in line]
        if len(mine) >= 2:
            break
        time.sleep(0.02)
    time.sleep(0.1)  # no third line for the same two requests
    mine = [line for line in log.getvalue().splitlines() if "log-line-test" in line]
    assert len(mine) == 2
    sparql, missing = sorted(mine, key=lambda line: "/nothing" in line)
    assert " GET /sparql?query=" in sparql and " 200 " in sparql and sparql.endswith("ms")
    assert " GET /nothing-log-line-test 404 " in missing


# --- the command --------------------------------------------------------------------------


def test_serve_refuses_a_missing_store_and_a_taken_port(out, tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["serve", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "kg build" in missing.output
    assert "Traceback" not in missing.output
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = runner.invoke(app, ["serve", "--store", str(out), "--port", str(port)])
    assert busy.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in busy.output


def test_kg_serve_runs_and_stops_on_ctrl_c(out):
    command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(out), "--port", "0"]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        url = re.search(r"http://127\.0\.0\.1:(\d+)/", process.stdout.readline())
        connection = http.client.HTTPConnection("127.0.0.1", int(url.group(1)), timeout=30)
        connection.request("GET", "/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"}))
        assert json.loads(connection.getresponse().read())["boolean"] is True
        connection.close()
    finally:
        process.send_signal(subprocess.signal.SIGINT)
        _, errors = process.communicate(timeout=30)
    assert process.returncode == 0 and "Traceback" not in errors
    assert " GET /sparql?query=" in errors
