"""Every bundled query against the hand-built fixture story, compared with its golden result.

Goldens live in tests/data/golden/NAME.json (rows of plain values). After a deliberate change, rewrite
them with NEWSGRAPH_UPDATE_GOLDENS=1 and read the diff before committing. Every bundled query also takes
an optional ``story``: bound, it must answer exactly the rows of the whole answer that belong to that story.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from newsgraph import query
from newsgraph.errors import QueryError, QueryUsageError
from newsgraph.render import render
from newsgraph.salience import DEFAULT_ACTOR_KINDS, DEFAULT_EVENT_KINDS
from newsgraph.store import Store
from newsgraph.stores import open_store
from newsgraph.vocab import BASE, NG

from .test_remote_store import server  # noqa: F401  (an Oxigraph server, for the remote store)
from .test_seeds import seeds_store  # noqa: F401  (the seeds built once for this module too)

GOLDEN = Path(__file__).parent / "data" / "golden"
PARAMS = {"actor-events": {"actor": "witkoff"}}
# GROUP_CONCAT has no order in SPARQL: compare these cells as sets
LIST_COLUMNS = {"outlets", "agents", "patients", "articles"}


def normalise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        out.append({k: sorted(v.replace(";", " ").split()) if k in LIST_COLUMNS and isinstance(v, str) else v for k, v in row.items()})
    return out


@pytest.mark.parametrize("name", sorted(query.bundled()))
def test_bundled_query_golden(fixture_store: Store, name: str) -> None:
    rows = query.run(fixture_store, query.bundled()[name], PARAMS.get(name, {}))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDENS"):
        path.write_text(json.dumps(rows.rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert normalise(rows.rows) == normalise(expected)


def test_every_bundled_query_has_a_golden_and_a_header() -> None:
    for name, q in query.bundled().items():
        assert (GOLDEN / f"{name}.json").exists(), name
        assert q.title and q.description, f"{name}.rq needs '# title:' and '# description:' lines"


def test_single_source_golden_says_what_only_one_outlet_reports(fixture_store: Store) -> None:
    actors = query.run(fixture_store, query.resolve("single-source-actors")).rows
    assert {(r["label"], r["outlet"]) for r in actors} == {("Lavrov", "The Globe & Mail <Intl>"), ("Rubio", "The Globe & Mail <Intl>")}
    events = query.run(fixture_store, query.resolve("single-source-events")).rows
    leave = next(r for r in events if r["label"] == "leave meeting")
    assert (leave["outlet"], leave["articles"], leave["mention"]) == ("Daily Planet", "a1", "left")
    assert leave["evidence"] == "Steve Witkoff left the meeting in Paris."


@pytest.mark.parametrize(("name", "kind", "labels"), [
    # by default, named actors only: the generic "analyst" (a bare common noun) is left out
    ("single-source-actors", None, ["Lavrov", "Rubio"]),
    ("single-source-actors", "all", ["Lavrov", "Rubio", "analyst"]),
    ("single-source-actors", "generic", ["analyst"]),
    ("single-source-actors", "generic, described", ["analyst"]),
    ("single-source-actors", "described", []),
    # by default, events with a named participant or a source: not "make" (light, no object)
    ("single-source-events", None, ["call Rubio", "decline comment", "leave meeting"]),
    ("single-source-events", "all", ["call Rubio", "decline comment", "leave meeting", "make"]),
    ("single-source-events", "light", ["make"]),
    ("shared-actors", None, ["Macron", "Steve Witkoff"]),
    ("shared-events", "other,light", []),
])
def test_kind_defaults_and_kind_parameter(fixture_store: Store, name: str, kind: str | None, labels: list[str]) -> None:
    """Rows most important first; the kind parameter says which kinds, a comma-separated list or all."""
    rows = query.run(fixture_store, query.resolve(name), {} if kind is None else {"kind": kind}).rows
    assert [r["label"] for r in rows] == labels
    assert [r["importance"] for r in rows] == sorted((r["importance"] for r in rows), reverse=True)


@pytest.mark.parametrize("name", ["single-source-actors", "shared-actors", "single-source-events", "shared-events"])
def test_kind_defaults_are_salience_defaults(name: str) -> None:
    """The kinds a query lists without ``kind`` are salience's DEFAULT_*_KINDS, which the digest, the report
    and the benchmark's "default answer" row take for what users see first."""
    text = query.resolve(name).text
    (default,) = re.findall(r'COALESCE\(\?kind, "([^"]*)"\)', text)
    expected = DEFAULT_ACTOR_KINDS if name.endswith("actors") else DEFAULT_EVENT_KINDS
    assert tuple(default.split(",")) == expected


def two_stories(store: Store, suffix: str = "~copy") -> Store:
    """A store in memory holding ``store``'s graphs and a renamed copy of them: each story ``S`` again as
    ``S`` + ``suffix``, with new IRIs for every node (the articles, outlets and identifiers stay alike)."""
    quads = list(ox.parse(store.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS))

    def renamed(term: Any) -> Any:
        if isinstance(term, ox.NamedNode) and term.value.startswith(BASE):
            return ox.NamedNode(BASE + "copy/" + term.value[len(BASE):])
        return term

    story = ox.NamedNode(str(NG.story))
    inner = ox.Store()
    inner.extend(quads)
    inner.extend(
        ox.Quad(renamed(q.subject), q.predicate,
                ox.Literal(q.object.value + suffix) if q.predicate == story else renamed(q.object), renamed(q.graph_name))
        for q in quads
    )
    return Store(inner, None)


def assert_story_bound_is_a_slice(store: Store, params: dict[str, dict[str, str]]) -> None:
    """Bound to each story, every bundled query answers exactly the rows of its whole answer that have that
    story, in the same order; a story that is not there is a usage error, never an empty answer."""
    for name, q in query.bundled().items():
        assert "story" in q.optional, f"{name}.rq needs '# param: story? ...'"
        whole = query.run(store, q, params.get(name, {})).rows
        stories = sorted({r["story"] for r in whole})
        assert len(stories) != 1, (name, stories)  # the copy answers too
        for story in stories:
            one = query.run(store, q, {**params.get(name, {}), "story": story}).rows
            assert one == [r for r in whole if r["story"] == story], (name, story)
        with pytest.raises(QueryUsageError, match=r"^no story 'no such story' in the store \(its stories: "):
            query.run(store, q, {**params.get(name, {}), "story": "no such story"})


def test_story_bound_queries_answer_one_story_of_the_fixture(fixture_store: Store) -> None:
    store = two_stories(fixture_store)
    assert_story_bound_is_a_slice(store, PARAMS)
    # the copy answers like the original (the goldens), its story renamed
    for name, q in query.bundled().items():
        copy = query.run(store, q, {**PARAMS.get(name, {}), "story": "paris-meeting~copy"}).rows
        assert copy and len(copy) == len(query.run(fixture_store, q, PARAMS.get(name, {})).rows), name


#: Values that SPARQL syntax would break if they were pasted into a query rather than written as a term.
AWKWARD = [
    'say "hi"', "it's", "\"\"\" } ; {", "back\\slash", "\\", 'end\\"', "\\u0022 || true || \\u0022",
    "two\nlines", "cr\r\nlf\ttab", "# not a comment", "} UNION { ?s ?p ?o", "UNDEF", "<urn:x>",
    "Зеленський – Zelenskyy 🇺🇦", "e\u0301", "nul\x00char",
]


@pytest.mark.parametrize("value", AWKWARD)
def test_a_bound_value_is_written_as_a_term_and_read_back_unchanged(fixture_store: Store, value: str) -> None:
    """Into a slot (VALUES ?v { UNDEF }) or a block opening the WHERE clause, the value is one RDF literal."""
    slot = query.parse("slot", "# param: v the value\nSELECT ?v WHERE { VALUES ?v { UNDEF } }")
    block = query.parse("block", "# param: v the value\nSELECT ?v (STRLEN(?v) AS ?n) WHERE { }")
    assert query.run(fixture_store, slot, {"v": value}).rows == [{"v": value}]
    assert query.run(fixture_store, block, {"v": value}).rows == [{"v": value, "n": len(value)}]


def test_an_iri_parameter_is_a_checked_iri(fixture_store: Store) -> None:
    q = query.parse("q", "# param: v the value\nSELECT ?v (isIRI(?v) AS ?iri) WHERE { VALUES ?v { UNDEF } }")
    iri = "https://example.org/a?b=c&d=%22e%22#f"
    assert query.run(fixture_store, q, {"v": iri}).rows == [{"v": iri, "iri": True}]
    with pytest.raises(QueryError, match=r"--param v=http://x/a>b: this is not a valid IRI"):
        query.run(fixture_store, q, {"v": "http://x/a>b"})


def test_only_slots_in_the_query_are_filled() -> None:
    """A slot in a comment or a string is text, not a slot; a parameter without a slot opens the WHERE."""
    from rdflib import Literal

    text = ('SELECT * WHERE { # VALUES ?story { UNDEF }\n ?s ?p "VALUES ?story { UNDEF }" .\n'
            "  { SELECT ?s WHERE { values $story {UNDEF} ?s ?q ?story } } ?s ?r ?actor }")
    bound = query.bind_values(text, {"story": Literal("S"), "actor": Literal('a "b"')})
    assert bound == ('SELECT * WHERE { VALUES (?actor) { ("a \\"b\\"") } # VALUES ?story { UNDEF }\n'
                     ' ?s ?p "VALUES ?story { UNDEF }" .\n'
                     '  { SELECT ?s WHERE { values $story {"S"} ?s ?q ?story } } ?s ?r ?actor }')


def test_every_group_evaluated_on_its_own_starts_from_the_story() -> None:
    """Oxigraph evaluates the WHERE clause and each sub-select on its own: each opens with the story's slot,
    or with a sub-select that does, so a bound story restricts every one of them (docs/queries.md, "One
    story")."""
    slot = re.compile(r"\s*(VALUES\s+\?story\s*\{\s*UNDEF\s*\}|\{\s*SELECT\b)", re.IGNORECASE)
    for name, q in query.bundled().items():
        code = query._code(q.text)
        # every SELECT, the query's own and each sub-select's (WHERE may be left out): its group's first `{`
        for select in re.finditer(r"\bSELECT\b", code, re.IGNORECASE):
            group = code.index("{", select.end())
            assert slot.match(code, group + 1), f"{name}.rq: a group without 'VALUES ?story {{ UNDEF }}' at {group}"


def test_awkward_story_names_are_answered_like_any_other(fixture_store: Store) -> None:
    store = two_stories(fixture_store, suffix=' "copy" \\ \n é')
    assert_story_bound_is_a_slice(store, PARAMS)


def test_a_remote_store_answers_one_story_like_the_embedded_store(fixture_store: Store, server: str) -> None:  # noqa: F811
    local = two_stories(fixture_store)
    graphs: dict[Any, list[ox.Triple]] = {}
    for q in local.quads():
        graphs.setdefault(q.graph_name, []).append(q.triple)
    with open_store(server, create=True) as remote:
        remote.put_graphs({URIRef(g.value): ox.serialize(t, format=ox.RdfFormat.N_TRIPLES) for g, t in graphs.items()})
        for name, q in query.bundled().items():
            for story in ("paris-meeting", "paris-meeting~copy"):
                params = {**PARAMS.get(name, {}), "story": story}
                got, want = query.run(remote, q, params).rows, query.run(local, q, params).rows
                assert want and normalise(got) == normalise(want), (name, story)
        value = AWKWARD[2] + AWKWARD[6] + AWKWARD[7]
        slot = query.parse("slot", "# param: v the value\nSELECT ?v WHERE { VALUES ?v { UNDEF } }")
        assert query.run(remote, slot, {"v": value}).rows == [{"v": value}]


@pytest.mark.model
def test_story_bound_queries_answer_one_story_of_the_seeds(seeds_store: Path) -> None:  # noqa: F811
    with Store.open(seeds_store) as seeds:
        store = two_stories(seeds)
    assert_story_bound_is_a_slice(store, {"actor-events": {"actor": "Witkoff"}})


def test_optional_parameters_are_declared_and_may_be_left_out(fixture_store: Store) -> None:
    q = query.parse("q", "# param: story? the story (optional)\nSELECT ?story WHERE { ?s <https://w3id.org/newsgraph/ns#story> ?story }")
    assert (q.params, q.optional) == ({}, {"story": "the story (optional)"})
    assert query.run(fixture_store, q).rows and query.run(fixture_store, q, {"story": "paris-meeting"}).rows
    with pytest.raises(QueryUsageError, match=r"no story 'elsewhere' in the store \(its stories: paris-meeting\)"):
        query.run(fixture_store, q, {"story": "elsewhere"})
    ae = query.resolve("actor-events")
    assert list(ae.params) == ["actor"] and list(ae.optional) == ["story"]
    with pytest.raises(QueryError, match=r"needs --param actor=VALUE"):
        query.run(fixture_store, ae, {"story": "paris-meeting"})
    with pytest.raises(QueryError, match=r"has no parameter 'who' \(its parameters: actor, story \(optional\)\)"):
        query.run(fixture_store, ae, {"actor": "x", "who": "y"})


def test_unknown_query_lists_the_available_ones() -> None:
    with pytest.raises(QueryError, match=r"Unknown query 'single-sorce-actors'\. Available: actor-events, actors, "):
        query.resolve("single-sorce-actors")


def test_parameters_are_checked(fixture_store: Store) -> None:
    q = query.resolve("actor-events")
    with pytest.raises(QueryError, match="needs --param actor=VALUE"):
        query.run(fixture_store, q, {})
    with pytest.raises(QueryError, match="has no parameter 'who'"):
        query.run(fixture_store, q, {"actor": "x", "who": "y"})


def test_parameter_is_bound_not_pasted(fixture_store: Store) -> None:
    """A value with SPARQL syntax in it is a plain string to match, never part of the query."""
    rows = query.run(fixture_store, query.resolve("actor-events"), {"actor": '" || true || "'}).rows
    assert rows == []


def test_syntax_error_is_a_query_error(fixture_store: Store) -> None:
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        query.run(fixture_store, query.resolve("SELECT ?x WHERE { ?x ?y }"))


def test_render_formats(fixture_store: Store) -> None:
    rows = query.run(fixture_store, query.resolve("actors"))
    assert json.loads(render(rows, "json"))["head"]["vars"] == rows.columns
    assert render(rows, "csv").splitlines()[0] == ",".join(rows.columns)
    table = render(rows, "table", wide=True)
    assert "actor/paris-meeting/lavrov" in table and table.rstrip().endswith("(5 rows)")


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
def test_a_table_fits_the_width_and_wide_keeps_every_cell(fixture_store: Store, width: int) -> None:
    rows = query.run(fixture_store, query.resolve("single-source-events"), {"kind": "all"})
    table = render(rows, "table", width=width)
    assert max(map(len, table.splitlines())) <= width
    assert "label" in table.splitlines()[0] and "evidence" in table.splitlines()[0]
    if width < 160:
        assert "…" in table and "--wide shows every column; not" in table
    wide = render(rows, "table", wide=True)
    assert all(c in wide.splitlines()[0] for c in rows.columns)
    assert '"Lavrov called Rubio by phone," an aide said.' in wide


@pytest.mark.parametrize(("params", "why"), [
    ({"kind": "described"}, "no rows of kind described; --param kind=all lists every kind"),
])
def test_an_empty_answer_says_why(fixture_store: Store, params: dict[str, str], why: str) -> None:
    q = query.resolve("single-source-actors")
    assert query.run(fixture_store, q, params).rows == []
    assert query.why_empty(fixture_store, q, params) == why


def test_ask_gives_one_row(fixture_store: Store) -> None:
    rows = query.run(fixture_store, query.resolve("ASK { ?a a <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> }"))
    assert (rows.columns, rows.rows) == (["ask"], [{"ask": True}])


@pytest.mark.parametrize("name", ["single-source-events", "coverage-matrix", "actors"])
def test_pages_are_slices_of_the_whole_answer(fixture_store: Store, name: str) -> None:
    q = query.bundled()[name]
    whole = query.run(fixture_store, q).rows
    assert query.run(fixture_store, q, limit=2).rows == whole[:2]
    assert query.run(fixture_store, q, limit=2, offset=1).rows == whole[1:3]
    assert query.run(fixture_store, q, offset=len(whole)).rows == []


def test_paging_is_checked() -> None:
    with pytest.raises(QueryError, match="whole number >= 0"):
        query.paged("SELECT * WHERE { ?s ?p ?o }", limit=-1)
    with pytest.raises(QueryError, match="its own LIMIT"):
        query.paged("SELECT * WHERE { ?s ?p ?o } LIMIT 5\n# the end", limit=10)


# rdflib's own GRAPH evaluation (quotes.rq) calls the Dataset method it deprecates
@pytest.mark.filterwarnings("ignore:Dataset.contexts is deprecated:DeprecationWarning")
def test_bundled_queries_run_on_rdflib(fixture_store: Store) -> None:
    """The benchmark's reference (rdflib's in-memory Dataset) answers the bundled queries like Oxigraph."""
    from rdflib import Dataset, Literal

    ds = Dataset(default_union=True)
    ds.parse(data=fixture_store.dump(ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    for name, q in query.bundled().items():
        for params in (PARAMS.get(name, {}), {**PARAMS.get(name, {}), "story": "paris-meeting"}):
            bindings = {k: Literal(v) for k, v in params.items()}
            rows = list(ds.query(q.text, initBindings=bindings))
            assert len(rows) == len(query.run(fixture_store, q, params).rows), (name, params)
