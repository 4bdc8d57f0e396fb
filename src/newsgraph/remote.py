"""A store on any SPARQL 1.1 server: Query and Update protocols, and the Graph Store protocol.

For a graph that outgrows one machine. ``RemoteStore`` has the embedded store's methods, so build,
query, export and remove work unchanged on ``--store http://HOST:PORT/``. The base URL's ``query``,
``update`` and ``store`` endpoints are used (Oxigraph's layout). Each article graph is replaced with one
Graph Store ``PUT``, which the server applies as one request: a killed build never leaves half an article.

The server must answer queries over the union of its named graphs (``oxigraph serve --union-default-graph``),
as the embedded store does; ``open`` checks this and says so when it does not hold.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from .errors import QueryError, StoreError
from .query import bind_values
from .store import Store, _quad_key

_TIMEOUT = 600.0  # seconds; the server's own --timeout-s is the real limit on a query
_PROBE = URIRef("urn:newsgraph:probe")
_RESULTS_JSON = "application/sparql-results+json"


class RemoteStore(Store):
    """A newsgraph store on a SPARQL 1.1 server.

    >>> with RemoteStore.open("http://127.0.0.1:7878/", create=True) as store:   # doctest: +SKIP
    ...     store.count()
    """

    def __init__(self, url: str) -> None:
        base = url if url.endswith("/") else url + "/"
        self.url = url
        self.path = None
        self._query_url = urllib.parse.urljoin(base, "query")
        self._update_url = urllib.parse.urljoin(base, "update")
        self._store_url = urllib.parse.urljoin(base, "store")

    @classmethod
    def open(cls, path: Any, *, create: bool = False, read_only: bool = False) -> RemoteStore:
        """Connect to the server at ``path`` (a URL) and check it serves the union of its graphs
        (``read_only``: nothing is written, not even the probe of an empty server)."""
        create = create and not read_only
        store = cls(str(path))
        if store._ask("ASK { GRAPH ?g { ?s ?p ?o } }"):
            if not store._ask("ASK { ?s ?p ?o }"):
                raise store._no_union()
        elif create:  # an empty server: prove the union with a probe graph, then take it away
            store.replace_graph(_PROBE, [(_PROBE, _PROBE, _PROBE, _PROBE)])
            try:
                if not store._ask("ASK { ?s ?p ?o }"):
                    raise store._no_union()
            finally:
                store.drop_graph(_PROBE)
        else:
            raise StoreError(f"{store.url}: the server holds no graphs (build one first: "
                             f"newsgraph build INPUT --store {store.url})")
        return store

    def _no_union(self) -> StoreError:
        return StoreError(f"{self.url}: the server does not query the union of its named graphs by default "
                          "(start it with: oxigraph serve --union-default-graph ...)")

    def close(self) -> None:
        """Nothing to release: every request stands alone."""

    # --- writing ---------------------------------------------------------------------------------
    def put_graphs(self, graphs: Mapping[URIRef, bytes]) -> None:
        """Make each graph hold exactly its N-Triples: one Graph Store PUT each, which replaces it whole."""
        for graph, ntriples in graphs.items():
            url = f"{self._store_url}?{urllib.parse.urlencode({'graph': str(graph)})}"
            self._request(url, ntriples, {"Content-Type": "application/n-triples"}, method="PUT")

    def drop_graph(self, graph: URIRef) -> None:
        self._update(f"DROP SILENT GRAPH {graph.n3()}")

    def _update(self, sparql: str) -> None:
        self._request(self._update_url, sparql.encode("utf-8"), {"Content-Type": "application/sparql-update"})

    # --- reading ---------------------------------------------------------------------------------
    def graphs(self) -> list[str]:
        rows = self.raw_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r["g"].value for r in rows)

    def count(self) -> int:
        rows = list(self.raw_query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0]["n"].value)

    def raw_query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Any:
        """Run SPARQL on the server; returns the same pyoxigraph result objects as the embedded store.

        Parameters fill the query's slots, and those without one become a VALUES block opening the WHERE
        clause (``query.bind_values``): the protocol has no substitutions.
        """
        text = bind_values(sparql, bindings) if bindings else sparql
        body = self._request(self._query_url, text.encode("utf-8"),
                             {"Content-Type": "application/sparql-query",
                              "Accept": f"{_RESULTS_JSON}, application/n-triples;q=0.5"}, query=True)
        if body[:1] in (b"{", b"[") or body.lstrip()[:1] == b"{":
            result = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
            return bool(result) if isinstance(result, ox.QueryBoolean) else result
        return list(ox.parse(body, ox.RdfFormat.N_TRIPLES))

    def _ask(self, sparql: str) -> bool:
        return bool(self.raw_query(sparql))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of every named graph, in the embedded store's stable order."""
        quads = ox.parse(self.dump(ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
        return iter(sorted(quads, key=_quad_key))

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        """The whole dataset through the Graph Store protocol, in a dataset format (N-Quads, TriG)."""
        return self._request(self._store_url, None, {"Accept": fmt.media_type}, method="GET")

    def dataset(self) -> Any:
        raise StoreError(f"{self.url}: rdflib's view of the store is only available for a local store")

    # --- HTTP ------------------------------------------------------------------------------------
    def _request(self, url: str, body: bytes | None, headers: dict[str, str], *, method: str = "POST",
                 query: bool = False) -> bytes:
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
                return bytes(response.read())
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
            if query and exc.code == 400:
                raise QueryError(f"the server rejected the query: {detail}") from exc
            raise StoreError(f"{url}: HTTP {exc.code} {exc.reason}: {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{self.url}: cannot reach the SPARQL server ({reason})") from exc
