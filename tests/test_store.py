"""The store's write paths: a graph is replaced whole or not at all, whichever way it is written."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from newsgraph.errors import StoreError
from newsgraph.store import JOURNAL, Store
from newsgraph.stores import open_store
from newsgraph.terms import to_ntriples, to_ox

G = URIRef("https://example.org/g")
H = URIRef("https://example.org/h")
P = URIRef("https://example.org/p")


def quads(graph: URIRef, n: int, *, start: int = 0) -> list:
    return [(URIRef(f"https://example.org/s{i}"), P, Literal(f"value {i} " + "x" * 200), graph)
            for i in range(start, start + n)]


def held(store: Store, graph: URIRef) -> set[str]:
    return {str(q.subject) + str(q.object) for q in store._inner.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


def expected(qs: list) -> set[str]:
    return {f"<{s}>" + str(ox.Literal(str(o))) for s, _, o, _ in qs}


def test_replacing_a_graph_keeps_exactly_the_new_quads_and_leaves_other_graphs(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s", create=True) as store:
        store.replace_graph(G, quads(G, 5))
        store.replace_graph(H, quads(H, 3))
        store.replace_graph(G, quads(G, 4, start=2))  # 2 quads go, 2 stay, 2 come
        assert held(store, G) == expected(quads(G, 4, start=2))
        assert held(store, H) == expected(quads(H, 3))
        store.replace_graph(G, [])
        assert held(store, G) == set()


def test_rewriting_a_graph_with_literals_the_store_normalises_keeps_them(tmp_path: Path) -> None:
    """A graph that exists is diffed line by line; a date-time the store rewrites ("+00:00" -> "Z") or an
    explicit xsd:string is not the same line twice, and must still be there after each rewrite."""
    from rdflib.namespace import XSD  # (see above)

    awkward = [(G, URIRef("https://example.org/when"), Literal("2025-09-04T10:00:00+00:00", datatype=XSD.dateTime), G),
               (G, URIRef("https://example.org/name"), Literal("Paris", datatype=XSD.string), G)]
    with Store.open(tmp_path / "s", create=True) as store:
        for extra in (quads(G, 2), quads(G, 3), quads(G, 3)):
            store.replace_graph(G, awkward + extra)
            objects = [q.object for q in store._inner.quads_for_pattern(None, None, None, ox.NamedNode(G))]
            assert len(objects) == 2 + len(extra)
            assert ox.Literal("Paris") in objects
            assert ox.Literal("2025-09-04T10:00:00Z", datatype=ox.NamedNode(XSD.dateTime)) in objects


def test_many_new_graphs_go_in_one_bulk_load_and_read_back_whole(tmp_path: Path) -> None:
    graphs = {URIRef(f"https://example.org/g{i}"): quads(URIRef(f"https://example.org/g{i}"), 600) for i in range(12)}
    assert sum(len(to_ntriples(q)) for q in graphs.values()) > Store.BULK_BYTES  # the bulk path is taken
    with Store.open(tmp_path / "s", create=True) as store:
        store.put_graphs({g: to_ntriples(q) for g, q in graphs.items()})
        for g, q in graphs.items():
            assert held(store, g) == expected(q)
        assert not (tmp_path / "s" / JOURNAL).exists()


def test_a_store_opened_after_a_bulk_load_died_empties_the_graphs_it_was_filling(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s", create=True) as store:
        store.replace_graph(G, quads(G, 3))
        store.replace_graph(H, quads(H, 3))
    # what a process killed in the middle of a bulk load leaves: the journal names G, G holds part of it
    (tmp_path / "s" / JOURNAL).write_text(f"{G}\n")
    with Store.open(tmp_path / "s") as store:
        assert held(store, G) == set()
        assert held(store, H) == expected(quads(H, 3))
    assert not (tmp_path / "s" / JOURNAL).exists()


def test_ntriples_text_is_the_store_s_own_form_of_the_same_terms() -> None:
    """to_ntriples writes text itself: every literal must come back exactly, whatever it holds, and each
    triple must be the line the store would write (graphs that exist are compared line by line)."""
    from rdflib.namespace import XSD  # imported here: pytest probes module globals, and XSD warns

    g = URIRef("https://w3id.org/newsgraph/id/doc/x")
    awkward = ['say "no"', "back\\slash", "two\nlines\r\n", "tab\there", "bell\x07 nul\x00 del\x7f \b\f",
               "Zelenskyy – Зеленський 🇺🇦", "", " .\n", "\u2028 line separator"]
    objects = [Literal(s) for s in awkward] + [
        Literal("Paris", lang="fr"), Literal("colour", lang="en-GB"), Literal(True), Literal(False),
        Literal(42, datatype=XSD.integer), Literal("2025-11-20", datatype=XSD.date),
        URIRef("https://example.org/a%20b?c=d#e"),
    ]
    quads = [(g, URIRef(f"https://example.org/p{i}"), o, g) for i, o in enumerate(objects)]
    expected = {ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o, _ in quads}
    text = to_ntriples(quads)
    parsed = ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in parsed} == expected
    inner = ox.Store()
    inner.load(text, format=ox.RdfFormat.N_TRIPLES, to_graph=to_ox(g))
    dumped = inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=to_ox(g))
    assert sorted(dumped.split(b"\n")) == sorted(text.split(b"\n"))


def test_a_url_the_store_would_reject_as_an_iri_is_kept_as_text(tmp_path: Path) -> None:
    """An article's URL with a bad percent escape (or a space) is not an IRI: the article is still written."""
    from newsgraph.model import Article, Extraction
    from newsgraph.rdf import article_graph, article_quads

    with Store.open(tmp_path / "s", create=True) as store:
        for i, url in enumerate(["http://x.org/%zz", "http://x.org/a b", "https://x.org/ok"]):
            art = Article(f"a{i}", "Macron spoke.", f"in.jsonl:{i + 1}", "Outlet", None, url=url)
            ex = Extraction(article=art, sentences=(), entities=(), mentions=(), events=())
            store.replace_graph(article_graph(art), article_quads(ex, "h"))
        urls = {r[0] for r in store.raw_query("SELECT ?u WHERE { ?d <https://schema.org/url> ?u }")}
    assert urls == {ox.Literal("http://x.org/%zz"), ox.Literal("http://x.org/a b"), ox.NamedNode("https://x.org/ok")}


@pytest.mark.parametrize("location", ["http://127.0.0.1:9/", "HTTPS://example.org/sparql/"])
def test_a_folder_store_refuses_a_url_and_open_store_takes_it_to_the_server(
    location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Store.open is for folders (it makes no folder named "http:"); stores.open_store chooses by location."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match=r"a URL, not a folder \(open it with stores.open_store\)"):
        Store.open(location, create=True)
    assert not list(tmp_path.iterdir())
    with pytest.raises(StoreError, match=r"cannot reach the SPARQL server"):  # nothing listens there
        open_store(location.replace("example.org", "127.0.0.1:9"), create=True)
    with open_store(tmp_path / "s", create=True) as store:
        assert type(store) is Store and store.count() == 0
