"""The persistent store: Oxigraph (RocksDB) on disk, written one named graph per transaction.

Every write replaces a whole named graph in one SPARQL update, which Oxigraph applies atomically: a
killed build leaves each article either fully stored or absent, never half-written. Queries see the
union of all graphs as their default graph. ``Store.dataset()`` gives the same data through rdflib's API.
"""

from __future__ import annotations

import ctypes
import fcntl
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.term import Node

from .errors import QueryError, StoreError
from .rdf import Quad
from .terms import OxTerm, to_ntriples, to_ox

log = logging.getLogger(__name__)

#: A file newsgraph writes into each store it creates, so a stray folder is never taken for a store.
MARKER = "newsgraph-store"
#: The graphs a bulk write is filling, while it runs (see ``Store.put_graphs``).
JOURNAL = "newsgraph-pending-graphs"


def is_url(location: str | os.PathLike[str]) -> bool:
    """Whether ``location`` names a SPARQL server (``stores.open_store`` opens it) rather than a folder.

    >>> is_url("http://127.0.0.1:7878/"), is_url("out/store")
    (True, False)
    """
    return bool(re.match(r"^https?://", os.fspath(location), re.IGNORECASE))


class Store:
    """An open newsgraph store. Use as a context manager, or call ``close()``.

    >>> with Store.open("out/store", create=True) as store:   # doctest: +SKIP
    ...     store.count()
    """

    #: Quads written between flushes of RocksDB's memtables. Without flushing, an open store's memory grows
    #: with everything written to it (measured: +1.45 GB over 2,500 articles). Counted in quads, not writes:
    #: a story graph can hold twenty times the quads of an article graph.
    FLUSH_QUADS = 250_000
    #: New graphs' N-Triples from which one bulk load beats a transaction per graph (a bulk load writes
    #: new files for every index, so it has a fixed cost of its own).
    BULK_BYTES = 1_000_000

    def __init__(self, inner: ox.Store, path: Path | None, *, read_only: bool = False) -> None:
        self._inner = inner
        self.path = path
        self.read_only = read_only
        self._unflushed = 0
        self._lock: int | None = None  # the folder's descriptor that holds newsgraph's lock (see ``lock``)

    def _written(self, quads: int) -> None:
        self._unflushed += quads
        if self.path is not None and self._unflushed >= self.FLUSH_QUADS:
            self._inner.flush()
            self._unflushed = 0
            _release_freed_memory()

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False, read_only: bool = False) -> Store:
        """Open the store at ``path``; with ``create``, make it when the folder is absent or empty.

        ``read_only`` opens it for reading only (Oxigraph's read-only mode): nothing is written, so a folder
        the user cannot write works, and any number of readers share the store. A writer (``build``,
        ``remove``) excludes readers and other writers; see :func:`lock`.

        A store on a SPARQL 1.1 server is opened by ``stores.open_store``, which takes a folder or a URL.
        """
        if is_url(path):
            raise StoreError(f"{os.fspath(path)}: a URL, not a folder (open it with stores.open_store)")
        p = Path(path)
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p}: not a newsgraph store (it is a file)")
        is_store = (p / MARKER).exists()
        if not is_store:
            if p.exists() and any(p.iterdir()):
                raise StoreError(f"{p}: not a newsgraph store (the folder holds other files)")
            if not create or read_only:
                raise StoreError(f"{p}: no store here (build one first: newsgraph build INPUT --store {p})")
        try:
            p.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{p}: cannot create the store: {exc.strerror or exc}") from exc
        held = lock(p, exclusive=not read_only)
        opened = False
        try:
            inner = ox.Store.read_only(str(p)) if read_only else ox.Store(str(p))
            if not is_store:
                (p / MARKER).write_text("This folder is a newsgraph store (Oxigraph/RocksDB). Do not edit.\n")
            if not read_only:
                _recover(inner, p / JOURNAL)
            elif (p / JOURNAL).exists():  # a reader cannot empty them: say so, once per opening
                log.warning("%s: a build was killed while writing; some of its articles may be incomplete "
                            "until the next build or remove opens the store", p)
            opened = True
        except OSError as exc:
            raise StoreError(f"{p}: cannot {'read' if read_only else 'write'} the store: {_reason(exc)}") from exc
        finally:
            if not opened:  # whatever went wrong, the folder is not left locked
                os.close(held)
        store = cls(inner, p, read_only=read_only)
        store._lock = held
        return store

    @classmethod
    def memory(cls) -> Store:
        """A store that lives in memory only (tests, one-off runs)."""
        return cls(ox.Store(), None)

    def close(self) -> None:
        try:
            if self.path is not None and not self.read_only:
                self._inner.flush()
        finally:
            del self._inner
            if self._lock is not None:
                os.close(self._lock)  # closing the descriptor releases the lock
                self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------
    def replace_graph(self, graph: URIRef, quads: Iterable[Quad]) -> None:
        """Make ``graph`` hold exactly ``quads`` (every quad must name ``graph``); see ``put_graphs``."""
        quads = list(quads)
        if any(g != graph for *_, g in quads):
            raise ValueError(f"a quad outside {graph} passed to replace_graph({graph})")
        self.put_graphs({graph: to_ntriples(quads)})

    def put_graphs(self, graphs: Mapping[URIRef, bytes]) -> None:
        """Make each graph hold exactly its N-Triples; each ends up whole or as it was, never half-written.

        A graph already in the store gets only what changed, in one transaction: re-resolving a story after
        a few articles were added rewrites the links that changed, not the whole story graph. New graphs
        go in one bulk load when there is much to write (a fraction of a transaction's cost per quad), else
        in a transaction each. A bulk load is not atomic, so its graphs are first named in a journal file,
        and a store opened after a crash empties them (``_recover``): the next build writes them again.
        """
        fresh: dict[URIRef, bytes] = {}
        for graph, ntriples in graphs.items():
            name = to_ox(graph)
            # compared as N-Triples lines: to_ntriples writes the terms newsgraph makes as the store writes
            # them, so an unchanged triple is the same line on both sides (a literal the store normalises,
            # such as a date-time's "+00:00", is not: it is deleted and inserted again, still right)
            old = _triple_lines(self._inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name))
            if not old:
                fresh[graph] = ntriples
                continue
            new = _triple_lines(ntriples)
            gone, added = old - new, new - old
            update = [f"{verb} DATA {{ GRAPH {name} {{\n{b''.join(sorted(part)).decode('utf-8')}}} }}"
                      for verb, part in (("DELETE", gone), ("INSERT", added)) if part]
            if update:
                self._inner.update(" ;\n".join(update))
                self._written(len(added))
        size = sum(map(len, fresh.values()))
        if size < self.BULK_BYTES or self.path is None:
            for graph, ntriples in fresh.items():
                self._inner.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=to_ox(graph))
                self._written(ntriples.count(b"\n"))
        else:
            self._bulk(fresh)

    def _bulk(self, graphs: Mapping[URIRef, bytes]) -> None:
        """New graphs in one bulk load, named in the journal while it runs."""
        assert self.path is not None
        journal = self.path / JOURNAL
        with journal.open("w", encoding="utf-8") as f:
            f.write("".join(f"{graph}\n" for graph in graphs))
            f.flush()
            os.fsync(f.fileno())
        nquads = b"".join(_as_nquads(nt, graph) for graph, nt in graphs.items())
        self._inner.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        journal.unlink()
        self._written(nquads.count(b"\n"))

    def drop_graph(self, graph: URIRef) -> None:
        self._inner.update(f"DROP SILENT GRAPH {graph.n3()}")

    # --- reading -------------------------------------------------------------------------------
    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._inner.named_graphs())

    def count(self) -> int:
        """How many quads the store holds."""
        return len(self._inner)

    def raw_query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Any:
        """Run SPARQL over the union of all graphs; returns pyoxigraph's result object."""
        subs: dict[ox.Variable, OxTerm] = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            return self._inner.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except RuntimeError as exc:  # e.g. a parameter the query does not project
            raise QueryError(f"cannot run the query: {exc}") from exc

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, in a stable order (graph, subject, predicate, object)."""
        return iter(sorted(self._inner.quads_for_pattern(None, None, None, None), key=_quad_key))

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        return self._inner.dump(format=fmt) or b""

    def dataset(self) -> Dataset:
        """The store through rdflib's API (SPARQL delegated to Oxigraph via oxrdflib)."""
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self._inner), default_union=True)


def lock(path: str | os.PathLike[str], *, exclusive: bool) -> int:
    """Take newsgraph's lock on a store folder; returns the descriptor that holds it (close it to release).

    Readers (``query``, ``export``, ``report``, ``serve``) share the lock, a writer (``build``, ``remove``)
    holds it alone: Oxigraph calls reading a store that another process writes undefined behaviour, and
    its read-only mode takes no lock of its own. The lock is ``flock`` on the folder itself, opened for
    reading, so a reader needs no write permission anywhere (a read-only archive or volume works).
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise StoreError(f"{p}: cannot open the store: {exc.strerror or exc}") from exc
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exclusive and _readers_only(p):
            raise StoreError(f"{p}: cannot write the store: it is open for reading (newsgraph query, export, "
                             f"report or serve); stop those first") from exc
        verb = "write" if exclusive else "read"
        raise StoreError(f"{p}: cannot {verb} the store: a newsgraph build or remove is writing it; "
                         f"try again when it ends") from exc
    return fd


def _readers_only(p: Path) -> bool:
    """Whether the lock another process holds is shared (readers), not exclusive (a writer)."""
    fd = os.open(p, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    """Oxigraph's error in a user's words."""
    text = str(exc)
    if "lock" in text.lower():
        return "in use by another process (a build or remove writing it)"
    if "permission denied" in text.lower() or "read-only file system" in text.lower():
        return "permission denied (a read-only folder? query, export, report and serve only read it)"
    return text


def _triple_lines(ntriples: bytes | None) -> set[bytes]:
    """The lines of an N-Triples text, each ending with its newline."""
    return {line + b"\n" for line in (ntriples or b"").split(b"\n") if line}


def _as_nquads(ntriples: bytes, graph: URIRef) -> bytes:
    """N-Triples -> N-Quads in ``graph``. Safe on bytes: N-Triples escapes newlines inside literals, so
    " .\\n" only ever ends a triple."""
    return ntriples.replace(b" .\n", f" <{graph}> .\n".encode())


def _recover(inner: ox.Store, journal: Path) -> None:
    """Empty the graphs a bulk write was filling when its process died (see ``Store.put_graphs``)."""
    if not journal.exists():
        return
    for line in journal.read_text(encoding="utf-8").split():
        inner.remove_graph(ox.NamedNode(line))
    inner.flush()
    journal.unlink()


def _release_freed_memory() -> None:
    """Hand memory RocksDB freed back to the system (glibc keeps it otherwise: +340 MB over 40 story
    rewrites measured, 60 MB with this)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc (musl): nothing to trim
            pass


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
