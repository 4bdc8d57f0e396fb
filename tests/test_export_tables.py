"""GraphML read back by networkx with typed keys; Gephi's CSV tables read back by the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from newsgraph import export as ex
from newsgraph.store import Store

from .test_export_support import actor_count, undated_store

ACTOR = "https://w3id.org/newsgraph/id/actor/paris-meeting/"


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_graphml_keys_are_typed_and_gephi_mapped(fixture_store: Store, tmp_path: Path) -> None:
    (path,) = ex.export(fixture_store, "graphml", tmp_path / "a.graphml")
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml ')
    G = nx.read_graphml(path)
    assert G.number_of_nodes() == actor_count(fixture_store) - 1  # the generic "analyst" is left out
    types = {
        "label": str,
        "actor_type": str,
        "actor_kind": str,
        "importance": int,
        "story": str,
        "story_label": str,
        "mentions": int,
        "outlets": int,
        "outlet_names": str,
        "single_source": bool,
        "x": float,
        "y": float,
        "size": float,
        "r": int,
        "g": int,
        "b": int,
    }
    for _, data in G.nodes(data=True):
        assert {k: type(v) for k, v in data.items()} == types
    assert G.nodes[ACTOR + "macron"]["mentions"] == 4 and G.nodes[ACTOR + "macron"]["single_source"] is False
    edge = G.edges[ACTOR + "macron", ACTOR + "steve-witkoff"]
    assert (edge["label"], edge["weight"], edge["id"], edge["single_source"], edge["kind"]) == (
        "welcome Witkoff",
        3.0,  # one shared event, two sentences naming both
        "1",
        False,
        "event",
    )
    assert "None" not in text and "[" not in text  # no None and no Python lists slipped through


def test_graphml_events_network_keeps_edge_kinds(fixture_store: Store, tmp_path: Path) -> None:
    (path,) = ex.export(fixture_store, "graphml", tmp_path / "e.graphml", network="events")
    G = nx.read_graphml(path)
    assert G.number_of_nodes() == 12 and G.number_of_edges() == 13
    assert {d["kind"] for *_, d in G.edges(data=True)} == {"agent", "patient", "mentioned_in"}
    assert {d["kind"] for _, d in G.nodes(data=True)} == {"actor", "event", "article"}


@pytest.mark.parametrize("network", ex.NETWORKS)
def test_csv_tables_follow_gephis_import_wizard(fixture_store: Store, tmp_path: Path, network: str) -> None:
    nodes_csv, edges_csv = ex.export(fixture_store, "csv", tmp_path / "csv", network=network)
    assert (nodes_csv.name, edges_csv.name) == ("nodes.csv", "edges.csv")
    assert b"\r\n" in nodes_csv.read_bytes() and not nodes_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    node_header, nodes = read_table(nodes_csv)
    edge_header, edges = read_table(edges_csv)
    assert node_header[:2] == ["Id", "Label"] and node_header[-1] == "Interval"
    assert edge_header[:6] == ["Source", "Target", "Type", "Weight", "Label", "Id"]
    assert len({h.lower() for h in node_header}) == len(node_header)
    assert len({h.lower() for h in edge_header}) == len(edge_header)

    ids = [row["Id"] for row in nodes]
    assert len(ids) == len(set(ids)) and all(row["Label"] for row in nodes)
    assert all(row["Source"] in ids and row["Target"] in ids for row in edges)
    assert all(row["Type"] == "Undirected" and float(row["Weight"]) >= 1 for row in edges)
    assert len({row["Id"] for row in edges}) == len(edges)
    actors = [row for row in nodes if row.get("kind", "actor") == "actor"]
    # the actors network leaves the generic "analyst" out; the events network shows every actor
    assert len(actors) == actor_count(fixture_store) - (network == "actors")
    assert all(int(row["mentions"]) >= 1 and row["single_source"] in ("true", "false") for row in actors)
    macron = next(row for row in nodes if row["Id"] == ACTOR + "macron")
    assert macron["outlet_names"] == "Daily Planet|The Globe & Mail <Intl>"
    assert macron["Interval"] == "<[2025-09-04, 2025-09-04]>"
    if network == "actors":
        assert {row["Kind"] for row in edges} == {"event"}
    if network == "events":
        assert "Kind" in edge_header and {row["Kind"] for row in edges} == {
            "agent",
            "patient",
            "mentioned_in",
        }


def test_csv_is_quoted_per_rfc_4180(fixture_store: Store, tmp_path: Path) -> None:
    nodes_csv, _ = ex.export(fixture_store, "csv", tmp_path, network="events")
    raw = nodes_csv.read_text(encoding="utf-8")
    assert ',"<[2025-09-04, 2025-09-04]>"' in raw  # a comma inside: quoted
    _, rows = read_table(nodes_csv)
    assert {row["Label"] for row in rows if row["kind"] == "article"} == {
        "a1 \u2014 Daily Planet",
        "b1 \u2014 The Globe & Mail <Intl>",
    }


def test_static_csv_has_no_interval_column(tmp_path: Path) -> None:
    nodes_csv, edges_csv = ex.export(undated_store(), "csv", tmp_path)
    assert "Interval" not in read_table(nodes_csv)[0] and "Interval" not in read_table(edges_csv)[0]
