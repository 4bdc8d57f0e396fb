"""A store on a real SPARQL 1.1 server: the `oxigraph` server from PyPI, on loopback, started here.

Built into the server, the graph must answer every bundled query as the embedded store does.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from newsgraph import query
from newsgraph.build import build, remove
from newsgraph.errors import QueryError, StoreError
from newsgraph.remote import RemoteStore, bind_values
from newsgraph.store import Store
from newsgraph.stores import open_store

from .build_support import IDS, assert_same_graphs, clean_build, snapshot, write_corpus

#: Parameters for the bundled queries that need one.
PARAMS = {"actor-events": {"actor": "Witkoff"}}


def _oxigraph() -> str:
    found = shutil.which("oxigraph", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("the oxigraph server is not installed (pip install -e '.[test]')")
        pytest.skip("the oxigraph server is not installed (pip install -e '.[test]')")
    return found


def _start(tmp: Path, *extra: str) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [_oxigraph(), "serve", "--location", str(tmp), "--bind", f"127.0.0.1:{port}", *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return server, url
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(f"oxigraph serve did not start on {url}") from None
            time.sleep(0.1)


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A fresh read-write server that queries the union of its graphs, as newsgraph needs."""
    proc, url = _start(tmp_path / "server", "--union-default-graph")
    yield url
    _stop(proc)


@pytest.mark.model
def test_a_build_into_the_server_answers_every_bundled_query_like_the_embedded_store(
    server: str, tmp_path: Path
) -> None:
    paths = sorted(write_corpus(tmp_path / "corpus").values())
    local = Store.memory()
    build(paths, local)
    with open_store(server, create=True) as remote:
        assert isinstance(remote, RemoteStore)
        report = build(paths, remote, workers=2)
        assert sorted(report.stored) == sorted(IDS)
        assert_same_graphs(snapshot(remote), snapshot(local))
        assert remote.count() == local.count() and remote.graphs() == local.graphs()
        answered: list[str] = []
        for name, q in query.bundled().items():
            got = query.run(remote, q, PARAMS.get(name))
            want = query.run(local, q, PARAMS.get(name))
            assert (got.columns, _lists_as_sets(got.rows)) == (want.columns, _lists_as_sets(want.rows)), name
            answered += [name] if want.rows else []
        # the comparison proves something only where there are rows to compare
        assert {"single-source-actors", "single-source-events", "shared-actors", "actors", "actor-events"} \
            <= set(answered)
        assert query.run(remote, query.resolve("ASK { ?a a <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> }")).rows \
            == [{"ask": True}]


@pytest.mark.model
def test_adds_and_removes_on_the_server_equal_a_clean_build(server: str, tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    with open_store(server, create=True) as remote:
        build([paths[i] for i in ("p1", "p2", "m1")], remote)
        build(list(paths.values()), remote)
        assert remove(remote, ["p2", "nope"]) == (["p2"], ["nope"])
        assert build(list(paths.values()), remote).stored == ["p2"]
        assert remove(remote, ["m1", "m2"]) == (["m1", "m2"], [])
        result = snapshot(remote)
    assert_same_graphs(result, clean_build([p for i, p in paths.items() if i not in ("m1", "m2")]))


def _lists_as_sets(rows: list[dict]) -> list[dict]:
    """SPARQL leaves the order inside GROUP_CONCAT to the engine, which follows how the store happens to
    hold its data (actor-events' outlets, the single-source queries' articles): compare as sets."""
    def items(column: str, v: object) -> object:
        if isinstance(v, str) and "; " in v:
            return sorted(v.split("; "))
        return sorted(v.split()) if column == "articles" and isinstance(v, str) else v

    return [{k: items(k, v) for k, v in r.items()} for r in rows]


def test_a_server_that_does_not_query_the_union_is_refused(tmp_path: Path) -> None:
    proc, url = _start(tmp_path / "server")
    try:
        with pytest.raises(StoreError, match=r"does not query the union of its named graphs.*--union-default-graph"):
            open_store(url, create=True)
        assert RemoteStore(url).graphs() == []  # the probe graph was taken away again
    finally:
        _stop(proc)


@pytest.mark.parametrize("create, message", [
    (True, r"^http://127\.0\.0\.1:9/: cannot reach the SPARQL server"),
    (False, r"^http://127\.0\.0\.1:9/: cannot reach the SPARQL server"),
])
def test_an_unreachable_server_is_a_one_line_error(create: bool, message: str) -> None:
    with pytest.raises(StoreError, match=message) as info:
        open_store("http://127.0.0.1:9/", create=create)
    assert "\n" not in str(info.value)


def test_an_empty_server_is_no_store_to_query(server: str) -> None:
    with pytest.raises(StoreError, match=r"holds no graphs \(build one first"):
        open_store(server)


def test_a_bad_query_is_a_query_error(server: str) -> None:
    with open_store(server, create=True) as remote, pytest.raises(QueryError, match="rejected the query"):
        remote.raw_query("SELECT ?x WHERE { ?x ")


@pytest.mark.parametrize("sparql, bindings, expected", [
    ("SELECT ?x WHERE { ?x ?p ?actor }", {"actor": Literal("Witkoff")},
     'SELECT ?x WHERE { VALUES (?actor) { ("Witkoff") } ?x ?p ?actor }'),
    # a brace in a comment, an IRI or a string is not the WHERE clause's
    ("# a {comment}\nSELECT ?x WHERE { ?x <urn:x{y}> \"{\" ; ?p ?a }", {"a": URIRef("http://e/a")},
     '# a {comment}\nSELECT ?x WHERE { VALUES (?a) { (<http://e/a>) } ?x <urn:x{y}> "{" ; ?p ?a }'),
    # WHERE may be left out
    ("ASK { ?s ?p ?o }", {"o": Literal("x", lang="en"), "s": URIRef("http://e/s")},
     'ASK { VALUES (?o ?s) { ("x"@en <http://e/s>) } ?s ?p ?o }'),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": Literal(3)},
     'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { ("3"^^<http://www.w3.org/2001/XMLSchema#integer>) } ?s ?p ?o }'),
    # ... and then the first top-level group is the WHERE clause, not a sub-select's, nor a template
    ("SELECT ?s { { SELECT ?s WHERE { ?s ?p ?o } } ?s ?q ?n }", {"n": Literal("x")},
     'SELECT ?s { VALUES (?n) { ("x") } { SELECT ?s WHERE { ?s ?p ?o } } ?s ?q ?n }'),
    ("CONSTRUCT { ?s ?p ?n } { ?s ?p ?n }", {"n": Literal("x")},
     'CONSTRUCT { ?s ?p ?n } { VALUES (?n) { ("x") } ?s ?p ?n }'),
])
def test_parameters_become_a_values_block_opening_the_where_clause(
    sparql: str, bindings: dict, expected: str
) -> None:
    assert bind_values(sparql, bindings) == expected
