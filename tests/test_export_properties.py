"""Property tests: whatever the labels hold, every export format comes out valid and says the same thing.

Hypothesis writes stories whose actor and event labels, outlet names, story name and article text mix
quotes, ``<``, ``&``, ``]]>``, emoji (with joiners), right-to-left text and marks, control characters
(NUL, BEL, VT, DEL, C1), line and paragraph separators and the non-characters U+FFFE/U+FFFF. Each story is
stored as a build would store it and exported to every format, then read back by the readers users have:
the GEXF 1.3 RELAX NG schema (lxml) and networkx, networkx's GraphML reader, Python's CSV reader, and
Oxigraph and rdflib for the RDF dumps. Network formats show labels as ``coverage.clean`` makes them
(XML cannot hold control characters); the RDF dumps keep every character.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from newsgraph.export import export
from newsgraph.export.coverage import clean
from newsgraph.iris import slug
from newsgraph.model import (
    Actor,
    ActorMention,
    Article,
    Event,
    EventMention,
    Extraction,
    LocalEntity,
    Resolution,
    Sentence,
)
from newsgraph.store import Store

from .conftest import shared
from .test_export_support import GEXF_SCHEMA, fill

FRAGMENTS = [
    '"', "'", "<", ">", "&", "]]>", "<b>", "&amp;", "\\", "\t", "\n", "\r\n", " ",
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f",
    "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u200f", "\u202e", "\u2066",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\U0001f642", "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "Zo\u00eb", "\u00e9", "e\u0301", "Witkoff",
]
#: Any character a Python str can be written to UTF-8 with: every code point but the surrogates.
TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.characters(exclude_categories=("Cs",))), min_size=1, max_size=8
).map("".join)

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
RDF_FORMATS = {
    "trig": (ox.RdfFormat.TRIG, "trig"),
    "nquads": (ox.RdfFormat.N_QUADS, "nquads"),
    "turtle": (ox.RdfFormat.TURTLE, "turtle"),
    "jsonld": (ox.RdfFormat.JSON_LD, "json-ld"),
}


def story_store(names: list[str], event: str, outlets: tuple[str, str], story: str) -> Store:
    """Two articles by two outlets: the first mentions every name, the second the first name."""
    first = " and ".join(names) + " met."
    second = names[0] + " spoke."
    starts, at = [], 0
    for name in names:
        starts.append(at)
        at += len(name) + len(" and ")
    met = len(first) - len("met.")

    def mention(start: int, text: str, local: int) -> ActorMention:
        return ActorMention(start, start + len(text), text, "NAME", "PERSON", 0, "x", local, "name")

    a1 = Article("n1", first, "n1.txt", outlet=outlets[0], story=story, published="2025-01-02")
    a2 = Article("n 2/\u00e9", second, "n2.txt", outlet=outlets[1], story=story, published="2025-01-03")
    e1 = Extraction(
        a1,
        (Sentence(0, len(first)),),
        tuple(LocalEntity(i, n, "PERSON", (n,)) for i, n in enumerate(names)),
        tuple(mention(s, n, i) for i, (s, n) in enumerate(zip(starts, names))),
        (EventMention(met, met + 3, "met", "meet", event, 0, False, (0,), tuple(range(1, len(names)))),),
        model="fixture",
    )
    e2 = Extraction(
        a2,
        (Sentence(0, len(second)),),
        (LocalEntity(0, names[0], "PERSON", (names[0],)),),
        (mention(0, names[0], 0),),
        (),
        model="fixture",
    )
    actors = tuple(
        Actor(f"a{i}", story, name, "PERSON", (), (("n1", i),) + ((("n 2/\u00e9", 0),) if i == 0 else ()))
        for i, name in enumerate(names)
    )
    events = (Event("meet", story, event, "meet", ("a0",), tuple(f"a{i}" for i in range(1, len(names))), (), (("n1", 0),)),)
    actor_of = {m: (a.key, "name") for a in actors for m in a.mentions}
    event_of = {m: (e.key, "new") for e in events for m in e.mentions}
    resolution = Resolution(story, actors, events, actor_of, event_of)
    return fill(Store.memory(), {"n1": e1, "n 2/\u00e9": e2}, resolution)


@pytest.fixture(scope="module")
def gexf_schema() -> object:
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(shared(GEXF_SCHEMA))))


PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
STORIES = dict(
    names=st.lists(TEXT, min_size=2, max_size=4),
    event=TEXT,
    # distinct outlets need distinct IRIs: see test_outlets_apart_only_outside_ascii_stay_apart
    outlets=st.tuples(TEXT, TEXT).filter(lambda o: slug(o[0]) != slug(o[1])),
    story=TEXT,
)


@PROPERTY
@given(**STORIES)
def test_network_formats_stay_valid_and_show_the_cleaned_labels(
    tmp_path_factory: pytest.TempPathFactory, gexf_schema: object, names: list[str], event: str,
    outlets: tuple[str, str], story: str,
) -> None:
    from lxml import etree

    out = tmp_path_factory.mktemp("net")
    store = story_store(names, event, outlets, story)
    try:
        for network in ("actors", "events"):
            export(store, "gexf", out / f"{network}.gexf", network=network)
            export(store, "graphml", out / f"{network}.graphml", network=network)
            export(store, "csv", out / f"{network}-csv", network=network)
    finally:
        store.close()
    # every actor is a node, labelled as cleaned (XML cannot hold some characters; Gephi shows one line)
    expected = {clean(n) for n in names} - {""}

    for network in ("actors", "events"):
        gexf = out / f"{network}.gexf"
        document = etree.parse(str(gexf))
        assert gexf_schema.validate(document), gexf_schema.error_log  # type: ignore[attr-defined]
        G = nx.read_gexf(gexf)
        ET.parse(out / f"{network}.graphml")
        H = nx.read_graphml(out / f"{network}.graphml")
        folder = out / f"{network}-csv"
        nodes = list(csv.DictReader(io.StringIO((folder / "nodes.csv").read_text(encoding="utf-8"), newline="")))
        edges = list(csv.DictReader(io.StringIO((folder / "edges.csv").read_text(encoding="utf-8"), newline="")))
        for labels in (
            {d["label"] for _, d in G.nodes(data=True)},
            {d["label"] for _, d in H.nodes(data=True)},
            {r["Label"] for r in nodes},
        ):
            assert expected <= labels, (expected, labels)
        assert G.number_of_nodes() == H.number_of_nodes() == len(nodes)
        assert G.number_of_edges() == H.number_of_edges() == len(edges)
        assert {r["Id"] for r in nodes} >= {r["Source"] for r in edges} | {r["Target"] for r in edges}
        if network == "events":
            kinds = {d["label"] for _, d in G.nodes(data=True) if d.get("kind") == "event"}
            assert kinds == ({clean(event)} - {""} or kinds)
            published = {d["outlet"] for _, d in G.nodes(data=True) if d.get("kind") == "article"}
            assert {clean(o) for o in outlets} - {""} <= published


@PROPERTY
@given(**STORIES)
def test_rdf_dumps_round_trip_every_character(
    tmp_path_factory: pytest.TempPathFactory, names: list[str], event: str, outlets: tuple[str, str], story: str
) -> None:
    out = tmp_path_factory.mktemp("rdf")
    store = story_store(names, event, outlets, story)
    try:
        stored = set(store.quads())
        for name in RDF_FORMATS:
            export(store, name, out / f"graph.{name}")
    finally:
        store.close()
    triples = {q.triple for q in stored}
    labels = {q.object.value for q in stored if q.predicate.value.endswith("rdf-schema#label")}
    assert set(names) | {event} <= labels

    reference = Dataset()
    reference.parse(data=(out / "graph.nquads").read_bytes(), format="nquads")
    for name, (ox_format, rdflib_format) in RDF_FORMATS.items():
        data = (out / f"graph.{name}").read_bytes()
        parsed = set(ox.parse(data, format=ox_format))
        if name == "turtle":
            assert {q.triple for q in parsed} == triples, name
            graph = Graph()
            graph.parse(data=data, format=rdflib_format)
            assert set(graph) == {(s, p, o) for s, p, o, _ in reference.quads()}, name
        else:
            assert parsed == stored, name
            dataset = Dataset()
            dataset.parse(data=data, format=rdflib_format)
            assert set(dataset.quads()) == set(reference.quads()), name


def in_html(text: str) -> str:
    """A label as the report shows it: without control characters or non-characters, on one line."""
    return " ".join(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]", " ", text).split())


@PROPERTY
@given(**STORIES)
def test_report_shows_every_label(names: list[str], event: str, outlets: tuple[str, str], story: str) -> None:
    from lxml import html

    from newsgraph.report import generate_report

    store = story_store(names, event, outlets, story)
    try:
        page = html.fromstring(generate_report(store))
    finally:
        store.close()
    claims = {" ".join(li.text_content().split()) for li in page.cssselect("li.claim b")}
    shown = {in_html(n) for n in names[1:]} | {in_html(event)}
    assert shown - {""} <= claims


def test_outlets_apart_only_outside_ascii_stay_apart(tmp_path: Path) -> None:
    store = story_store(["Zo\u00eb", "Bell"], "meet", ("\u05e9\u05dc\u05d5\u05dd News", "\u0645\u0631\u062d\u0628\u0627 News"), "s")
    try:
        outlets = {r["o"] for r in _select(store, "SELECT DISTINCT ?o { ?d <https://schema.org/publisher> ?o }")}
    finally:
        store.close()
    assert len(outlets) == 2


def _select(store: Store, text: str) -> list[dict[str, str]]:
    from newsgraph import query

    return query.run(store, query.parse("q", text)).rows
