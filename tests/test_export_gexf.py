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
    assert G.number_of_nodes() == actor_count(fixture_store) == 4
    types = {
        "label": str,
        "actor_type": str,
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
    assert (edge["label"], edge["weight"], edge["events"]) == (
        "welcome Witkoff",
        1.0,
        EVENT + "welcome-witkoff",
    )
    assert (edge["outlets"], edge["outlet_names"], edge["single_source"]) == (2, f"Daily Planet|{GLOBE}", False)


def test_every_actor_is_a_node_even_without_events(tmp_path: Path) -> None:
    store = isolated_store()
    G = nx.read_gexf(write(store, tmp_path / "a.gexf"), version="1.3")
    assert G.number_of_nodes() == actor_count(store) == 5
    assert G.degree(ACTOR + "loner") == 0 and G.nodes[ACTOR + "loner"]["actor_type"] == "ORG"


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
    assert (edge["weight"], edge["label"]) == (2.0, "decline comment; welcome Witkoff")
    assert edge["events"] == f"{EVENT}decline-comment|{EVENT}welcome-witkoff"
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
    assert sorted(set(kinds.values())) == ["actor", "article", "event"] and len(kinds) == 10
    assert G.nodes[DOC + "a1"]["label"] == "a1 \u2014 Daily Planet"
    assert G.nodes[DOC + "b1"]["label"] == f"b1 \u2014 {GLOBE}"
    assert G.nodes[EVENT + "leave-meeting"]["predicate"] == "leave"

    edges = ET.parse(path).getroot().iter(f"{G13}edge")
    found = {(e.get("source"), e.get("target"), e.get("kind")) for e in edges}
    assert (ACTOR + "lavrov", EVENT + "call-rubio", "agent") in found
    assert (ACTOR + "rubio", EVENT + "call-rubio", "patient") in found
    assert (DOC + "a1", EVENT + "leave-meeting", "mentioned_in") in found
    assert len(found) == 11 and {k for *_, k in found} == {"agent", "patient", "mentioned_in"}
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
