"""RDF dumps parsed back by rdflib and by pyoxigraph give graphs isomorphic to the store's content."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

from newsgraph import export as ex
from newsgraph.store import Store

from . import fixture_graph
from .test_export_support import fill, filled_store, hostile_store

# rdflib's own parsers still call its deprecated ConjunctiveGraph API
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

RDFLIB = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "jsonld": "json-ld"}
OX = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
DEFAULT = "(default graph)"


def term(t: Any) -> Node:
    """pyoxigraph term -> rdflib term; a plain string stays untyped, as rdflib parses it (rdflib #2123)."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    return Literal(t.value, datatype=None if t.datatype.value == XSD_STRING else URIRef(t.datatype.value))


def graphs_of(quads: Iterable[ox.Quad | ox.Triple]) -> dict[str, Graph]:
    """rdflib graphs by graph name: a named graph per name, the default graph under DEFAULT."""
    out: dict[str, Graph] = defaultdict(Graph)
    for q in quads:
        name = (
            q.graph_name.value
            if isinstance(q, ox.Quad) and isinstance(q.graph_name, ox.NamedNode)
            else DEFAULT
        )
        out[name].add((term(q.subject), term(q.predicate), term(q.object)))
    return dict(out)


def union(graphs: dict[str, Graph]) -> dict[str, Graph]:
    merged = Graph()
    for g in graphs.values():
        merged += g
    return {DEFAULT: merged}


def rdflib_graphs(path: Path, fmt: str) -> dict[str, Graph]:
    if fmt == "turtle":
        return {DEFAULT: Graph().parse(path, format="turtle")}
    ds = Dataset()
    ds.parse(path, format=RDFLIB[fmt])
    return {
        DEFAULT if g.identifier == ds.default_graph.identifier else str(g.identifier): g
        for g in ds.graphs()
        if len(g)
    }


def oxigraph_graphs(path: Path, fmt: str) -> dict[str, Graph]:
    return graphs_of(ox.parse(path=str(path), format=OX[fmt]))


def assert_isomorphic(got: dict[str, Graph], expected: dict[str, Graph]) -> None:
    assert sorted(got) == sorted(expected)
    for name, graph in expected.items():
        assert len(got[name]) == len(graph), name
        assert isomorphic(got[name], graph), f"graph {name} differs"


@pytest.mark.parametrize("reader", [rdflib_graphs, oxigraph_graphs], ids=["rdflib", "pyoxigraph"])
@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "jsonld"])
@pytest.mark.parametrize("make", [filled_store, hostile_store], ids=["fixture", "hostile"])
def test_rdf_dump_round_trips(
    tmp_path: Path, make: Callable[[], Store], fmt: str, reader: Callable[[Path, str], dict[str, Graph]]
) -> None:
    store = make()
    expected = graphs_of(store.quads())
    assert len(expected) == len(store.graphs()) >= 3  # every article graph and the story graph
    (path,) = ex.export(store, fmt, tmp_path / f"dump.{fmt}")
    assert_isomorphic(reader(path, fmt), union(expected) if fmt == "turtle" else expected)


def test_turtle_states_each_triple_once(tmp_path: Path) -> None:
    """An outlet publishing two articles is described once, in its own graph: the union states it once."""
    extractions = fixture_graph.extractions()
    b1 = extractions["b1"]
    extractions["b1"] = dataclasses.replace(
        b1, article=dataclasses.replace(b1.article, outlet="Daily Planet")
    )
    store = fill(Store.memory(), extractions, fixture_graph.resolution())
    (path,) = ex.export(store, "turtle", tmp_path / "u.ttl")
    triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(set(triples)) == len({q.triple for q in store.quads()}) == store.count()


def test_trig_uses_the_vocabulary_prefixes(fixture_store: Store, tmp_path: Path) -> None:
    (path,) = ex.export(fixture_store, "trig", tmp_path / "g.trig")
    text = path.read_text(encoding="utf-8")
    assert "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> ." in text and "\tsem:hasActor <" in text
    assert "<https://w3id.org/newsgraph/id/story/paris-meeting> {" in text
