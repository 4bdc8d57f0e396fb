"""GEXF 1.3: the official schema, networkx's reader with exact types, the timeline, Gephi's conventions."""

from __future__ import annotations

import dataclasses
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

from newsgraph import export as ex
from newsgraph.model import Actor
from newsgraph.store import Store

from . import fixture_graph
from .test_export_support import (
    actor_count,
    assert_valid_gexf,
    fill,
    filled_store,
    hostile_store,
    undated_store,
)
from .test_seeds import seeds_store  # noqa: F401  (the seeds built once for this module too)

G13 = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
ACTOR = "https://w3id.org/newsgraph/id/actor/paris-meeting/"
EVENT = "https://w3id.org/newsgraph/id/event/paris-meeting/"
DOC = "https://w3id.org/newsgraph/id/doc/"
GLOBE = "The Globe & Mail <Intl>"


def write(store: Store, path: Path, network: str = "actors") -> Path:
    (written,) = ex.export(store, "gexf", path, network=network)
    return written


def isolated_store() -> Store:
    """The fixture story plus an actor that takes part in no event."""
    resolution = fixture_graph.resolution()
    loner = Actor("loner", fixture_graph.STORY, "Loner", "ORG", (), (("a1", 2),))
    resolution = dataclasses.replace(resolution, actors=(*resolution.actors, loner))
    return fill(Store.memory(), fixture_graph.extractions(), resolution)


@pytest.mark.parametrize("network", ex.NETWORKS)
@pytest.mark.parametrize(("make", "mode"), [(filled_store, "dynamic"), (undated_store, "static")])
def test_gexf_validates_against_the_official_schema(
    tmp_path: Path, network: str, make: Callable[[], Store], mode: str
) -> None:
    path = write(make(), tmp_path / "g.gexf", network)
    assert_valid_gexf([path])
    graph = ET.parse(path).getroot().find(f"{G13}graph")
    assert graph is not None and graph.get("mode") == mode
    assert (graph.get("timeformat") == "date") == (mode == "dynamic")
    assert bool(graph.findall(f".//{G13}spell")) == (mode == "dynamic")


@pytest.mark.parametrize("network", ex.NETWORKS)
def test_gexf_follows_gephis_conventions(fixture_store: Store, tmp_path: Path, network: str) -> None:
    path = write(fixture_store, tmp_path / "g.gexf", network)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" ')
    assert (
        'xmlns:viz="http://gexf.net/1.3/viz"' in text and "schemaLocation" not in text and "xsi" not in text
    )
    root = ET.parse(path).getroot()
    assert root.tag == f"{G13}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{G13}graph")
    assert graph is not None and graph.get("name") is None and graph.get("defaultedgetype") == "undirected"
    assert graph.find(f"{G13}edges") is not None
    for cls in ("node", "edge"):
        (block,) = graph.findall(f"{G13}attributes[@class='{cls}']") or [ET.Element("none")]
        titles = [str(a.get("title")).lower() for a in block]
        assert len(titles) == len(set(titles))  # declared once, with one type
        assert not {"label", "weight", "id"} & set(titles)  # Gephi's built-in columns
    used = {v.get("for") for v in graph.iter(f"{G13}attvalue")}
    assert used <= {a.get("id") for a in graph.iter(f"{G13}attribute")}
    for node in graph.iter(f"{G13}node"):
        assert node.get("label")
        assert {c.tag for c in node if c.tag.startswith(VIZ)} == {
            f"{VIZ}color",
            f"{VIZ}size",
            f"{VIZ}position",
        }


def test_actors_network_read_by_networkx_with_exact_types(fixture_store: Store, tmp_path: Path) -> None:
    G = nx.read_gexf(write(fixture_store, tmp_path / "a.gexf"), version="1.3")
    assert G.number_of_nodes() == actor_count(fixture_store) - 1 == 4  # the generic "analyst" left out
    types = {
        "label": str,
        "actor_type": str,
        "actor_kind": str,
        "importance": int,
        "story": str,
        "mentions": int,
        "outlets": int,
        "outlet_names": str,
        "single_source": bool,
    }
    for _, data in G.nodes(data=True):
        assert {k: type(data[k]) for k in types} == types
        assert data["label"] and data["single_source"] == (data["outlets"] == 1)
        assert data["viz"]["size"] == pytest.approx(10 + 4 * math.sqrt(data["mentions"]), abs=0.01)
    macron, lavrov = G.nodes[ACTOR + "macron"], G.nodes[ACTOR + "lavrov"]
    assert (macron["mentions"], macron["outlets"], macron["single_source"]) == (4, 2, False)
    assert macron["outlet_names"] == f"Daily Planet|{GLOBE}"
    assert (lavrov["outlets"], lavrov["outlet_names"], lavrov["single_source"]) == (1, GLOBE, True)
    positions = {(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in G.nodes(data=True)}
    assert len(positions) == 4

    assert sorted(G.edges()) == [
        (ACTOR + "lavrov", ACTOR + "rubio"),
        (ACTOR + "macron", ACTOR + "steve-witkoff"),
    ]
    edge = G.edges[ACTOR + "macron", ACTOR + "steve-witkoff"]
    # one shared event, and two sentences naming both ("Macron greeted Witkoff.", "Macron reportedly welcomed Witkoff.")
    assert (edge["label"], edge["weight"], edge["events"], edge["sentences"]) == ("welcome Witkoff", 3.0, 1, 2)
    assert (edge["outlets"], edge["outlet_names"], edge["single_source"]) == (2, f"Daily Planet|{GLOBE}", False)


def test_every_actor_is_a_node_even_without_events(tmp_path: Path) -> None:
    store = isolated_store()
    G = nx.read_gexf(write(store, tmp_path / "a.gexf"), version="1.3")
    assert G.number_of_nodes() == actor_count(store) - 1 == 5  # all but the generic "analyst"
    assert G.nodes[ACTOR + "loner"]["actor_type"] == "ORG"
    # in no event, but in a sentence with Macron ("He said nothing."): linked by a co-mention only
    assert [G.edges[e]["label"] for e in G.edges(ACTOR + "loner")] == ["mentioned together in 1 sentence"]


def test_shared_events_are_counted_in_the_weight(tmp_path: Path) -> None:
    """Two events with the same two actors: one edge, weight 2, labels sorted and joined."""
    resolution = fixture_graph.resolution()
    events = tuple(
        dataclasses.replace(e, agents=("macron",), patients=("steve-witkoff",))
        if e.key in ("welcome-witkoff", "decline-comment")
        else e
        for e in resolution.events
    )
    store = fill(Store.memory(), fixture_graph.extractions(), dataclasses.replace(resolution, events=events))
    G = nx.read_gexf(write(store, tmp_path / "a.gexf"), version="1.3")
    edge = G.edges[ACTOR + "macron", ACTOR + "steve-witkoff"]
    assert (edge["weight"], edge["label"]) == (4.0, "decline comment; welcome Witkoff")
    assert (edge["events"], edge["sentences"]) == (2, 2)
    assert (edge["outlets"], edge["single_source"], edge["spells"]) == (
        2,
        False,
        [("2025-09-04", "2025-09-04")],
    )


def test_events_network_has_kinds_of_nodes_and_edges(fixture_store: Store, tmp_path: Path) -> None:
    path = write(fixture_store, tmp_path / "e.gexf", "events")
    G = nx.read_gexf(path, version="1.3")
    kinds = {n: d["kind"] for n, d in G.nodes(data=True)}
    assert sorted(kinds.values()).count("actor") == actor_count(fixture_store)
    assert sorted(set(kinds.values())) == ["actor", "article", "event"] and len(kinds) == 12
    assert G.nodes[DOC + "a1"]["label"] == "a1 \u2014 Daily Planet"
    assert G.nodes[DOC + "b1"]["label"] == f"b1 \u2014 {GLOBE}"
    assert G.nodes[EVENT + "leave-meeting"]["predicate"] == "leave"

    edges = ET.parse(path).getroot().iter(f"{G13}edge")
    found = {(e.get("source"), e.get("target"), e.get("kind")) for e in edges}
    assert (ACTOR + "lavrov", EVENT + "call-rubio", "agent") in found
    assert (ACTOR + "rubio", EVENT + "call-rubio", "patient") in found
    assert (DOC + "a1", EVENT + "leave-meeting", "mentioned_in") in found
    assert len(found) == 13 and {k for *_, k in found} == {"agent", "patient", "mentioned_in"}
    for source, target, kind in found:
        assert {kinds[source], kinds[target]} == (
            {"article", "event"} if kind == "mentioned_in" else {"actor", "event"}
        )


def test_dynamic_gexf_replays_coverage_by_publication_date(fixture_store: Store, tmp_path: Path) -> None:
    G = nx.read_gexf(write(fixture_store, tmp_path / "e.gexf", "events"), version="1.3")
    day = [("2025-09-04", "2025-09-04")]
    assert G.graph["mode"] == "dynamic"
    assert G.nodes[ACTOR + "macron"]["spells"] == day  # a1 is dated, b1 is not
    assert G.nodes[DOC + "a1"]["spells"] == day and "spells" not in G.nodes[DOC + "b1"]
    assert "spells" not in G.nodes[ACTOR + "lavrov"]  # only in undated b1: shown throughout
    assert G.edges[DOC + "a1", EVENT + "leave-meeting"]["spells"] == day


def test_hostile_store_dates_come_from_date_times_only(tmp_path: Path) -> None:
    G = nx.read_gexf(write(hostile_store(), tmp_path / "e.gexf", "events"), version="1.3")
    spells = {tuple(d.get("spells", ())) for _, d in G.nodes(data=True)}
    assert spells == {(), (("2025-01-02", "2025-01-02"),)}


def co_mention_store() -> Store:
    """The fixture story where Lavrov and Rubio share a sentence but no event (the call has no patient)."""
    resolution = fixture_graph.resolution()
    events = tuple(dataclasses.replace(e, patients=()) if e.key == "call-rubio" else e for e in resolution.events)
    return fill(Store.memory(), fixture_graph.extractions(), dataclasses.replace(resolution, events=events))


def test_actors_in_one_sentence_are_linked_by_a_co_mention_edge(tmp_path: Path) -> None:
    path = write(co_mention_store(), tmp_path / "a.gexf")
    assert_valid_gexf([path])
    kinds = {(e.get("source"), e.get("target")): e.get("kind") for e in ET.parse(path).getroot().iter(f"{G13}edge")}
    assert kinds == {(ACTOR + "lavrov", ACTOR + "rubio"): "co-mention", (ACTOR + "macron", ACTOR + "steve-witkoff"): "event"}
    G = nx.read_gexf(path, version="1.3")
    edge = G.edges[ACTOR + "lavrov", ACTOR + "rubio"]
    assert (edge["label"], edge["weight"], edge["events"], edge["sentences"]) == ("mentioned together in 1 sentence", 1.0, 0, 1)
    # no edge attribute holds an IRI
    assert not [v for *_, d in G.edges(data=True) for v in d.values() if "https://" in str(v)]


@pytest.mark.parametrize(("min_weight", "kinds", "nodes", "edges"), [
    (1.0, ex.network.DEFAULT_KINDS, 4, 2),
    (2.0, ex.network.DEFAULT_KINDS, 4, 1),  # the co-mention (weight 1) left out
    (1.0, None, 5, 2),  # every kind: the generic analyst too (alone in its sentence)
    (1.0, ("generic",), 1, 0),
])
def test_min_weight_and_kinds(min_weight: float, kinds: tuple[str, ...] | None, nodes: int, edges: int) -> None:
    G = ex.graph(co_mention_store(), "actors", min_weight=min_weight, kinds=kinds)
    assert (G.number_of_nodes(), G.number_of_edges()) == (nodes, edges)


@pytest.mark.model
def test_seeds_named_actors_are_connected(seeds_store: Path, tmp_path: Path) -> None:  # noqa: F811
    """Acceptance: on the seeds, at most 3 named actors are isolated, and the file stays schema-valid."""
    with Store.open(seeds_store) as store:
        path = write(store, tmp_path / "a.gexf")
    assert_valid_gexf([path])
    G = nx.read_gexf(path, version="1.3")
    named = [n for n, d in G.nodes(data=True) if d["actor_kind"] == "named"]
    assert len(named) >= 20
    assert sum(1 for n in named if G.degree(n) == 0) <= 3
    assert {d["actor_kind"] for _, d in G.nodes(data=True)} <= {"named", "described"}
    assert {e.get("kind") for e in ET.parse(path).getroot().iter(f"{G13}edge")} == {"event", "co-mention"}
