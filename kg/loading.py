"""Where the graph files go into the store: Oxigraph's bulk loader, in a thread of its own.

The store (`kg.store`) holds each document's graph as a named graph and the union of
them, as a set, in the default graph. A `Loader` keeps a store in step with a build: it
loads documents' graph files while the next documents are being read (Oxigraph's loader
runs in Rust and lets Python go on), drops the graph of a document that changed or went,
and starts from a copy of the previous build's store (hard links to its files) so that
an unchanged document is not loaded again. Loads are batched: the bulk loader costs
about twice as much a quad when it is called for each seed-sized document as for ten
at a time.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

import pyoxigraph as ox

from kg import ids
from kg.graph_files import dataset_part, header, statements

BATCH = 4 * 1024 * 1024  # bytes of graph files loaded in one go (≈ 10 seed-sized documents)

DROP = """
DELETE { ?s ?p ?o } WHERE {
  GRAPH <%(graph)s> { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } FILTER(?other != <%(graph)s>) }
}
"""  # the document's triples that no other document states leave the union


class Loader:
    """Loads documents' graphs into the store at ``path``, in order, in a thread.

    ``previous`` is the store of the previous build: the new store starts as a copy of it.
    `load` and `drop` queue their work; `finish` lets the thread complete it while the
    caller goes on, `close` waits for it and raises what went wrong in the thread.
    """

    def __init__(self, path: Path, previous: Path | None = None) -> None:
        if previous is not None:
            ox.Store.read_only(str(previous)).backup(str(path))
        self._store = ox.Store(str(path))
        prefix = ids.graph_iri("")
        # the keys of the documents whose graphs the store holds, as they will be
        self.held = {graph.value.removeprefix(prefix) for graph in self._store.named_graphs()}
        self._queue: queue.Queue[tuple[str, str, Path | bytes | bool]] = queue.Queue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-loader", daemon=True)
        self._thread.start()

    def load(self, key: str, graph: Path | bytes) -> None:
        """Load a document's graph (its file, or the file's bytes), replacing the one the
        store holds under that key."""
        if key in self.held:
            self.drop(key)
        self.held.add(key)
        self._queue.put(("load", key, graph))

    def drop(self, key: str) -> None:
        """Remove a document's graph, and its triples that no other document states."""
        self.held.discard(key)
        self._queue.put(("drop", key, b""))

    def finish(self, compact: bool = False) -> None:
        """Let the thread load what is queued, then (with ``compact``, after loading a
        whole corpus) rewrite the store's files compactly, while the caller goes on."""
        self._queue.put(("finish", "", compact))

    def close(self) -> None:
        """Wait for the thread (after `finish`), make the store durable and let it go."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        self._store.flush()
        del self._store

    def abort(self) -> None:
        """Stop after the load under way; the store is left half made."""
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(("finish", "", False))
        self._thread.join()

    def _run(self) -> None:
        batch: list[tuple[str, bytes]] = []
        size = 0
        try:
            while True:
                operation, key, argument = self._queue.get()
                if operation == "load":
                    data = argument if isinstance(argument, bytes) else argument.read_bytes()
                    batch.append((key, data))
                    size += len(data)
                    if size < BATCH:
                        continue
                self._bulk_load(batch)
                batch, size = [], 0
                if operation == "drop":
                    graph = ids.graph_iri(key)
                    self._store.update(DROP % {"graph": graph})
                    self._store.remove_graph(ox.NamedNode(graph))
                elif operation == "finish":
                    if argument:
                        self._store.optimize()
                    return
        except BaseException as error:  # raised again in the build's thread by close()
            self._error = error

    def _bulk_load(self, batch: list[tuple[str, bytes]]) -> None:
        """Load graph files into their named graphs, and their triples into the union."""
        if not batch:
            return
        named = header() + b"".join(dataset_part(key, data) for key, data in batch)
        union = header() + b"".join(statements(data) for _, data in batch)
        self._store.bulk_load(named, ox.RdfFormat.TRIG, lenient=True)
        self._store.bulk_load(union, ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph(), lenient=True)
