"""Load test of `kg serve`: many clients run the shipped queries at once, every answer checked.

Starts ``kg serve`` on loopback in its own process, as it is deployed, over the graph that
``kg build`` wrote (``out/``; run it first). Client threads then run the queries of
``queries/`` for a bounded time, each over one kept-alive connection, rotating through
GET, form POST and ``application/sparql-query`` POST and through the JSON, XML and TSV
result formats. Every answer is parsed and compared with the answer of the same query run
on the store directly, in this process. Prints throughput, latency percentiles, errors
and mismatches, and checks the server logged one line per request.

Run: python bench/serve_load.py [--store out] [--clients 16] [--seconds 30] [--workers 2]
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
FORMATS = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/tab-separated-values",
)
METHODS = ("GET", "form", "sparql-query")


def canonical(answer: ox.QuerySolutions | ox.QueryBoolean) -> object:
    """An answer as plain values to compare: a bool, or (variables, rows of N-Triples terms)."""
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer)
    rows = [tuple(None if term is None else str(term) for term in row) for row in answer]
    return [str(v) for v in answer.variables], rows


def expected_answers(store_path: Path) -> dict[str, tuple[str, object]]:
    """Name → (query, its answer from the store itself) for every shipped query."""
    store = ox.Store.read_only(str(store_path))
    found = {}
    for path in sorted((ROOT / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        found[path.stem] = (text, canonical(store.query(text)))
    return found


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    mismatches: Counter = field(default_factory=Counter)


def request(connection: http.client.HTTPConnection, query: str, accept: str, method: str):
    headers = {"Accept": accept}
    if method == "GET":
        connection.request("GET", "/sparql?" + urlencode({"query": query}), headers=headers)
    elif method == "form":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request("POST", "/sparql", urlencode({"query": query}), headers)
    else:
        headers["Content-Type"] = "application/sparql-query"
        connection.request("POST", "/sparql", query.encode("utf-8"), headers)
    response = connection.getresponse()
    return response.status, response.read()


def client(port: int, index: int, deadline: float, answers: dict, tally: Tally) -> None:
    """One client: run the queries in turn until ``deadline``, checking every answer."""
    names = sorted(answers)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    turn = index
    while time.monotonic() < deadline:
        name = names[turn % len(names)]
        accept, method = FORMATS[turn % len(FORMATS)], METHODS[(turn // 3) % len(METHODS)]
        turn += 1
        query, expected = answers[name]
        started = time.perf_counter()
        try:
            status, body = request(connection, query, accept, method)
        except (OSError, http.client.HTTPException) as error:
            tally.errors[f"{name}: {type(error).__name__}"] += 1
            connection.close()
            continue
        tally.latencies.append(time.perf_counter() - started)
        if status != 200:
            tally.errors[f"{name}: HTTP {status} {body[:80]!r}"] += 1
            continue
        format = ox.QueryResultsFormat.from_media_type(accept)
        if canonical(ox.parse_query_results(body, format)) != expected:
            tally.mismatches[f"{name} ({accept})"] += 1
    connection.close()


def start_server(store: Path, workers: int, log: Path) -> tuple[subprocess.Popen, int]:
    command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0"]
    command += ["--workers", str(workers)]
    with log.open("w") as stream:
        server = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=stream, text=True
        )
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline())
    if found is None:
        server.kill()
        sys.exit(f"kg serve did not start; see {log}")
    return server, int(found.group(1))


def machine() -> str:
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
         if line.startswith("MemTotal")),
        "0",
    )  # fmt: skip
    return (
        f"{os.cpu_count()} cores, {int(memory) / 2**20:.0f} GiB, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "out")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    store_path = options.store / "store" if (options.store / "store").is_dir() else options.store
    answers = expected_answers(store_path)
    log = Path(tempfile.mkdtemp()) / "serve.log"
    server, port = start_server(options.store, options.workers, log)
    tally = Tally()
    try:
        client(port, 0, time.monotonic() + 2, answers, Tally())  # warm-up, not counted
        warm_lines = len(log.read_text().splitlines())
        deadline = time.monotonic() + options.seconds
        started = time.monotonic()
        threads = [
            threading.Thread(target=client, args=(port, i, deadline, answers, tally))
            for i in range(options.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        time.sleep(0.5)  # the last log lines are written just after their answers
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    done = len(tally.latencies)
    logged = len(log.read_text().splitlines()) - warm_lines
    latencies = sorted(tally.latencies)
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else 0
    print(f"machine: {machine()}")
    print(
        f"{len(answers)} shipped queries, {options.clients} clients, {options.workers} workers, "
        f"{elapsed:.1f} s"
    )
    print(f"requests answered: {done:,} ({done / elapsed:,.1f} req/s)")
    print(f"latency: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    print(f"errors: {sum(tally.errors.values())}, mismatches: {sum(tally.mismatches.values())}")
    print(f"server log lines for these requests: {logged:,}")
    for problem, count in (tally.errors + tally.mismatches).most_common(10):
        print(f"  {count} × {problem}")
    if tally.errors or tally.mismatches or logged != done:
        sys.exit(1)


if __name__ == "__main__":
    main()
