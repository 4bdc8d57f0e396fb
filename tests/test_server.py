"""The SPARQL endpoint: the answering rules in-process, then a real ``newsgraph serve`` with real clients.

The server tests start ``newsgraph serve --port 0`` as a subprocess on loopback (it prints the port it got),
talk to it with SPARQLWrapper, curl and the bounded load test of benchmarks/load.py, and stop it.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from newsgraph import cli, query
from newsgraph.errors import QueryError, StoreError
from newsgraph.server import Job, answer, refusal
from newsgraph.server.protocol import Refused, reply_for
from newsgraph.store import Store

from . import fixture_graph
from .conftest import ROOT, fill

SPARQL_PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
ACTOR_LABELS = SPARQL_PREFIXES + "SELECT ?label WHERE { ?a a sem:Actor ; rdfs:label ?label } ORDER BY ?label"
LABELS = ["Lavrov", "Macron", "Rubio", "Steve Witkoff", "analyst"]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _load_benchmark() -> object:
    spec = importlib.util.spec_from_file_location("ng_load", ROOT / "benchmarks" / "load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["ng_load"] = module
    spec.loader.exec_module(module)
    return module


load = _load_benchmark()


@pytest.fixture(scope="module")
def ox_store() -> ox.Store:
    """The fixture story in a plain pyoxigraph store, as a worker holds it."""
    store = fill(Store.memory())
    inner = ox.Store()
    inner.extend(store.quads())
    store.close()
    return inner


# --- the answering rules, in-process ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 403),
        ("select * { service silent <http://example.org/sparql> { ?s ?p ?o } }", 403),
        ("SELECT * { ?s ?p ?o . SeRvIcE ?endpoint { ?s ?p ?o } }", 403),
        ("SELECT * {\n  SERVICE # a comment between\n  SILENT <http://example.org/> { ?s ?p ?o } }", 403),
        ("PREFIX : <http://example.org/>\nSELECT * { SERVICE:svc { ?s ?p ?o } }", 403),
        ('SELECT * { ?s ?p ?o FILTER(?o = "Secret Service") }', None),
        ("SELECT ?service { ?service ?p ?o }", None),
        ("PREFIX service: <http://example.org/>\nSELECT * { ?s service:p ?o }", None),
        ("SELECT * { ?s <http://example.org/service> ?o }", None),
        ("SELECT * { ?s ?p ?o } # SERVICE <http://example.org/> in a comment", None),
        ('SELECT * { ?s ?p ?o FILTER(?o = "service") ?s ?q }', 400),  # broken elsewhere: a syntax error
        ("INSERT DATA { <http://a.example/s> <http://a.example/p> <http://a.example/service> }", 403),
        ("SELECT * { ?s ?p ?o }", None),
    ],
)
def test_service_and_updates_are_refused_before_anything_runs(text: str, status: int | None) -> None:
    reply = refusal(text)
    assert (reply.status if reply else None) == status, reply and reply.body


@pytest.mark.parametrize(
    ("text", "status", "says"),
    [
        ("SELECT * { ?s ?p }", 400, b"SPARQL syntax error: error at 1:19"),
        ("SELECT * WHERE {\n  ?s ?p ?o\n  FILTER(\n}", 400, b"error at 4:2"),
        ("INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }", 403, b"read-only"),
        ("PREFIX ex: <http://a.example/>\n# drop it all\nDROP ALL", 403, b"read-only"),
        ("DELETE WHERE { ?s ?p ?o }", 403, b"SPARQL Update is refused"),
        ("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403, b"SERVICE is refused"),
    ],
)
def test_refusals_and_syntax_errors_say_what_was_wrong(ox_store: ox.Store, text: str, status: int, says: bytes) -> None:
    reply = answer(ox_store, Job(text))
    assert reply.status == status
    assert says in reply.body
    assert reply.content_type.startswith("text/plain")


def test_syntax_error_points_at_the_position(ox_store: ox.Store) -> None:
    body = answer(ox_store, Job("SELECT * { ?s ?p }")).body.decode()
    assert body.endswith("SELECT * { ?s ?p }\n                  ^\n")


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv; charset=utf-8"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
        ("text/*", "text/csv; charset=utf-8"),
        ("image/png", None),
        ("text/csv;q=0", None),
    ],
)
def test_select_results_by_accept(ox_store: ox.Store, accept: str, content_type: str | None) -> None:
    reply = answer(ox_store, Job(ACTOR_LABELS, accept=accept))
    if content_type is None:
        assert reply.status == 406 and b"Available: application/sparql-results+json" in reply.body
        return
    assert (reply.status, reply.content_type) == (200, content_type)
    fmt = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
           "tab": ox.QueryResultsFormat.TSV}
    if "csv" in content_type:
        rows = list(csv.reader(io.StringIO(reply.body.decode())))
        labels = [r[0] for r in rows[1:]]
    else:
        parsed = ox.parse_query_results(reply.body, format=next(v for k, v in fmt.items() if k in content_type))
        labels = [s["label"].value for s in parsed]
    assert labels == LABELS


@pytest.mark.parametrize(
    ("accept", "content_type", "fmt"),
    [
        ("", "text/turtle; charset=utf-8", ox.RdfFormat.TURTLE),
        ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_construct_by_accept(ox_store: ox.Store, accept: str, content_type: str, fmt: ox.RdfFormat) -> None:
    text = SPARQL_PREFIXES + "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a sem:Actor ; rdfs:label ?l }"
    reply = answer(ox_store, Job(text, accept=accept))
    assert (reply.status, reply.content_type) == (200, content_type)
    labels = sorted(t.object.value for t in ox.parse(reply.body, format=fmt))
    assert labels == LABELS


def test_ask_and_literal_details_survive_every_format(ox_store: ox.Store) -> None:
    assert answer(ox_store, Job("ASK { ?s ?p ?o }")).body == b'{"head":{},"boolean":true}'
    text = 'SELECT ?x ?y ?z WHERE { VALUES (?x ?y ?z) { ("Zoë \\"q\\" <&>\\t"@fr 3 <http://a.example/é>) } }'
    body = json.loads(answer(ox_store, Job(text)).body)
    assert body["results"]["bindings"] == [{
        "x": {"type": "literal", "value": 'Zoë "q" <&>\t', "xml:lang": "fr"},
        "y": {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
        "z": {"type": "uri", "value": "http://a.example/é"},
    }]
    tsv = answer(ox_store, Job(text, accept="text/tab-separated-values")).body.decode()
    assert tsv.splitlines()[1] == '"Zoë \\"q\\" <&>\\t"@fr\t3\t<http://a.example/é>'


def test_row_limit_is_reported_not_truncated(ox_store: ox.Store) -> None:
    assert answer(ox_store, Job(ACTOR_LABELS, max_rows=5)).status == 200
    reply = answer(ox_store, Job(ACTOR_LABELS, max_rows=4))
    assert reply.status == 422
    assert b"Row limit: the result has more than 4 rows" in reply.body and b"--max-rows" in reply.body
    construct = answer(ox_store, Job("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=3))
    assert construct.status == 422 and b"more than 3 triples" in construct.body


def test_bundled_query_parameters_bind_like_the_cli(ox_store: ox.Store) -> None:
    text = query.bundled()["actor-events"].text
    reply = answer(ox_store, Job(text, bindings=(("actor", "witkoff"),)))
    labels = sorted(b["label"]["value"] for b in json.loads(reply.body)["results"]["bindings"])
    assert labels == ["leave meeting", "welcome Witkoff"]


def test_story_binding_on_the_endpoint_answers_like_query_run(ox_store: ox.Store, fixture_store: Store) -> None:
    """The query page's ``$story=NAME`` goes through the same VALUES binding as ``--param story=NAME``."""
    for name, q in query.bundled().items():
        params = {"story": fixture_graph.STORY, **({"actor": "witkoff"} if "actor" in q.params else {})}
        reply = answer(ox_store, Job(q.text, bindings=tuple(params.items())))
        assert reply.status == 200, (name, reply.body)
        assert json.loads(reply.body)["results"]["bindings"] == query.run(fixture_store, q, params).raw["results"]["bindings"], name
    bad = answer(ox_store, Job(ACTOR_LABELS, bindings=(("actor", "http://x.org/%zz"),)))
    assert bad.status == 400 and b"not a valid IRI" in bad.body


def test_a_binding_name_is_a_variable_name_never_query_text(ox_store: ox.Store) -> None:
    """``$NAME`` comes from the request: a name that is not a variable is refused, so it cannot smuggle
    a SERVICE call (or anything else) past the endpoint's checks."""
    name = "a) { (1) } SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } VALUES (?b"
    reply = answer(ox_store, Job(ACTOR_LABELS, bindings=((name, "x"),)))
    assert reply.status == 400 and b"not a SPARQL variable name" in reply.body


def test_a_binding_without_a_slot_is_a_substitution(ox_store: ox.Store) -> None:
    """Bound where the query uses it (as before VALUES slots existed), or refused where it cannot be."""
    nested = "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?name } } }"
    assert answer(ox_store, Job(nested, bindings=(("name", "x"),))).status == 400
    one = answer(ox_store, Job("SELECT ?s ?name WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
                               bindings=(("name", "Steve Witkoff"),)))
    assert [b["name"]["value"] for b in json.loads(one.body)["results"]["bindings"]] == ["Steve Witkoff"]


def test_dataset_parameters_choose_the_graphs(ox_store: ox.Store) -> None:
    graph = "https://w3id.org/newsgraph/id/doc/b1"
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    everything = json.loads(answer(ox_store, Job(text)).body)
    one = json.loads(answer(ox_store, Job(text, default_graphs=(graph,))).body)
    n = lambda doc: int(doc["results"]["bindings"][0]["n"]["value"])  # noqa: E731
    assert 0 < n(one) < n(everything)


def test_serve_binds_to_loopback_by_default() -> None:
    args = cli._parser().parse_args(["serve", "--store", "x"])
    assert (args.host, args.port, args.timeout, args.max_rows) == ("127.0.0.1", 7878, 10.0, 10_000)


# --- a real server, real clients ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("served") / "store"
    with Store.open(path, create=True) as store:
        fill(store)
    return path


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    with load.server(str(store_path), "--timeout", "1", "--max-rows", "200", "--workers", "2") as url:
        yield url


def _curl() -> str:
    found = shutil.which("curl")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("curl is missing although CI=true: `make test` installs it")
    pytest.skip("curl not installed (apt-get install curl, or run `make test`)")


def curl(*args: str) -> tuple[int, str, str]:
    """(status, content type, body) of one curl request."""
    run = subprocess.run(
        [_curl(), "-sS", "-o", "-", "-w", "\n%{http_code} %{content_type}", *args],
        capture_output=True, text=True, timeout=30,
    )
    assert run.returncode == 0, run.stderr
    body, _, tail = run.stdout.rpartition("\n")
    status, _, content_type = tail.partition(" ")
    return int(status), content_type, body


def test_sparqlwrapper_get_and_post_agree_with_the_library(server: str) -> None:
    from SPARQLWrapper import GET, JSON, POST, SPARQLWrapper

    for name in ("single-source-actors", "single-source-events", "coverage-matrix"):
        text = query.bundled()[name].text
        expected = _in_process(text)
        assert expected
        for method in (GET, POST):
            client = SPARQLWrapper(server + "sparql")
            client.setQuery(text)
            client.setMethod(method)
            client.setReturnFormat(JSON)
            result = client.query().convert()
            assert [{k: v["value"] for k, v in b.items()} for b in result["results"]["bindings"]] == expected


def _in_process(text: str) -> list[dict[str, str]]:
    """The same query on a copy of the fixture store in memory (the library's answer)."""
    store = fill(Store.memory())
    try:
        rows = query.run(store, query.parse("q", text)).raw["results"]["bindings"]
    finally:
        store.close()
    return [{k: v["value"] for k, v in b.items()} for b in rows]


def test_sparqlwrapper_formats_ask_and_construct(server: str) -> None:
    from SPARQLWrapper import CSV, JSONLD, TURTLE, XML, SPARQLWrapper

    client = SPARQLWrapper(server + "sparql")
    client.setQuery(ACTOR_LABELS)
    client.setReturnFormat(CSV)
    text = client.query().convert().decode()
    assert text.splitlines()[0] == "label" and "Steve Witkoff" in text
    client.setReturnFormat(XML)
    assert client.query().convert().getElementsByTagName("literal")[0].firstChild.data == "Lavrov"

    client.setQuery("ASK { ?a a <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> }")
    client.setReturnFormat("json")
    assert client.query().convert()["boolean"] is True

    construct = SPARQL_PREFIXES + "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a sem:Actor ; rdfs:label ?l }"
    client.setQuery(construct)
    for fmt in (XML, JSONLD):  # RDF/XML and JSON-LD come back as rdflib graphs
        client.setReturnFormat(fmt)
        graph = client.query().convert()
        assert sorted(str(o) for o in graph.objects()) == LABELS
    client.setReturnFormat(TURTLE)
    assert b"Steve Witkoff" in client.query().convert()


def test_sparqlwrapper_sees_syntax_errors_and_refused_updates(server: str) -> None:
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    client = SPARQLWrapper(server + "sparql")
    client.setQuery("SELECT * { ?s ?p }")
    with pytest.raises(QueryBadFormed, match="error at 1:19"):
        client.query()
    client.setQuery("INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }")
    client.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert b"read-only" in refused.value.read()


@pytest.mark.parametrize(
    ("args", "status", "content_type", "says"),
    [
        (["-H", "Accept: text/csv", "--data-urlencode", f"query={ACTOR_LABELS}"], 200, "text/csv", "Steve Witkoff"),
        (["-G", "-H", "Accept: text/tab-separated-values", "--data-urlencode", f"query={ACTOR_LABELS}"],
         200, "text/tab-separated-values", '"Steve Witkoff"'),
        (["-H", "Content-Type: application/sparql-query", "--data-binary", ACTOR_LABELS], 200,
         "application/sparql-results+json", '"value":"Steve Witkoff"'),
        (["--data-urlencode", "query=SELECT * { ?s ?p }"], 400, "text/plain", "error at 1:19"),
        (["--data-urlencode", "update=INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }"], 403,
         "text/plain", "read-only"),
        (["-H", "Content-Type: application/sparql-update", "--data-binary", "DROP ALL"], 403, "text/plain",
         "read-only"),
        (["--data-urlencode", "query=SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], 403,
         "text/plain", "SERVICE is refused"),
        (["--data-urlencode", "query=SELECT * { ?s ?p ?o }"], 422, "text/plain", "Row limit"),
        (["-H", "Accept: image/png", "--data-urlencode", f"query={ACTOR_LABELS}"], 406, "text/plain", "Available"),
        (["-X", "POST"], 400, "text/plain", "No query"),
        (["-H", "Content-Type: text/plain", "--data-binary", "SELECT * {}"], 415, "text/plain", "Cannot read"),
    ],
)
def test_curl(server: str, args: list[str], status: int, content_type: str, says: str) -> None:
    got_status, got_type, body = curl(*args, server + "sparql")
    assert (got_status, got_type.split(";")[0]) == (status, content_type), body
    assert says in body


def test_slow_query_is_stopped_at_the_time_limit_and_the_server_carries_on(server: str) -> None:
    started = time.monotonic()
    status, _, body = curl("--data-urlencode", f"query={SLOW}", server + "sparql")
    elapsed = time.monotonic() - started
    assert status == 503 and "Time limit: the query ran longer than 1 s" in body
    assert elapsed < 5
    for _ in range(3):  # the killed worker's replacement and the other worker answer as before
        assert curl("-H", "Accept: text/csv", "--data-urlencode", f"query={ACTOR_LABELS}", server + "sparql")[0] == 200


def test_service_description_and_cors(server: str) -> None:
    status, content_type, body = curl(server + "sparql")
    assert (status, content_type.split(";")[0]) == (200, "text/turtle")
    graph = list(ox.parse(body.encode(), format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert {t.object.value for t in graph if t.predicate.value == sd + "endpoint"} == {server + "sparql"}
    assert any(t.object.value == sd + "SPARQL11Query" for t in graph)

    run = subprocess.run(
        [_curl(), "-sS", "-i", "-X", "OPTIONS", "-H", "Origin: http://yasgui.example",
         "-H", "Access-Control-Request-Method: POST", server + "sparql"],
        capture_output=True, text=True, timeout=30,
    )
    headers = run.stdout.lower()
    assert "204" in headers.splitlines()[0]
    assert "access-control-allow-origin: *" in headers and "access-control-allow-methods: get, post" in headers


def test_query_page_lists_the_bundled_queries_and_loads_nothing_from_outside(server: str) -> None:
    with urllib.request.urlopen(server) as response:
        page = response.read().decode()
        csp = response.headers["Content-Security-Policy"]
    for q in query.bundled().values():
        assert q.name in page and q.title in page
    assert page.count('"optional": {"story": ') == len(query.bundled())  # offered as an optional field
    assert "src=\"http" not in page and "href=\"http" not in page and "@import" not in page
    assert "default-src 'none'" in csp


def test_a_served_store_cannot_be_built_into(server: str, store_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "newsgraph", "remove", "a1", "--store", str(store_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 1
    assert run.stderr.strip() == f"newsgraph: error: {store_path}: cannot write the store: it is open for reading " \
        "(newsgraph query, export, report or serve); stop those first"


def test_bounded_load(server: str) -> None:
    stats = load.run_load(server, clients=8, total=500)
    assert stats.queries == 500
    assert stats.errors == []
    print(stats.line(8))


def test_serve_refuses_what_is_not_a_store(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "newsgraph", "serve", "--store", str(tmp_path / "nowhere")],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 1
    assert run.stderr.strip() == f"newsgraph: error: {tmp_path / 'nowhere'}: no store here (build one first: " \
        f"newsgraph build INPUT --store {tmp_path / 'nowhere'})"


@pytest.mark.parametrize("exc, status, says", [
    (Refused(413, "The request is larger than 1 bytes."), 413, "larger than"),
    (SyntaxError("error at 1:10: expected a variable"), 400, "SPARQL syntax error: error at 1:10"),
    (QueryError("--param x=y: this is not a valid IRI"), 400, "Cannot run the query: --param"),
    (RuntimeError("the variable ?n is not projected"), 400, "Cannot run the query"),
    (StoreError("s: cannot open the store read-only"), 503, "The store cannot be served"),
    (OSError("disk I/O error"), 500, "The store could not answer"),
    (KeyError("bug"), 500, "Internal error (KeyError)"),
], ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else None)
def test_every_error_becomes_its_status_in_one_place(exc: BaseException, status: int, says: str) -> None:
    reply = reply_for(exc, "SELECT ?x WHERE { ?x ?y }")
    assert (reply.status, reply.content_type) == (status, "text/plain; charset=utf-8")
    assert says in reply.body.decode()
