"""The GEXF as graphology-gexf reads it: the parser of the sigma.js ecosystem (Gephi Lite, sigma.js apps).

Node runs tests/js/read_gexf.js with the versions pinned in tests/js/package-lock.json (``make test`` runs
``npm ci`` there when node_modules is missing). graphology-gexf refuses dangling edges and undeclared
attributes and types each value by its declaration, so agreeing with networkx's reader on every node,
label, typed attribute, colour and edge is a real check of the file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from newsgraph.export import export
from newsgraph.export.network import PALETTE
from newsgraph.store import Store

from .conftest import ROOT
from .test_export_support import hostile_store

JS = ROOT / "tests" / "js"


def graphology(path: Path) -> dict:
    """What graphology-gexf makes of a GEXF file."""
    node = shutil.which("node")
    modules = JS / "node_modules" / "graphology-gexf"
    missing = "node is not installed" if not node else "" if modules.is_dir() else "tests/js/node_modules is missing"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing} although CI=true: `make test` installs node and runs npm ci in tests/js")
        pytest.skip(f"{missing} (run `make test`, or apt-get install nodejs npm && cd tests/js && npm ci)")
    run = subprocess.run([node, str(JS / "read_gexf.js"), str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, f"graphology-gexf cannot read {path}:\n{run.stderr}"
    return json.loads(run.stdout)


@pytest.mark.parametrize("network", ["actors", "events"])
@pytest.mark.parametrize("which", ["fixture", "hostile"])
def test_graphology_reads_what_networkx_reads(fixture_store: Store, tmp_path: Path, network: str, which: str) -> None:
    store = fixture_store if which == "fixture" else hostile_store()
    path = tmp_path / f"{network}.gexf"
    export(store, "gexf", path, network=network)
    if which == "hostile":
        store.close()
    g = graphology(path)
    G = nx.read_gexf(path)

    assert g["type"] == "undirected" and (not g["multi"] or network == "events")  # multi only with parallel edges
    assert (g["order"], g["size"]) == (G.number_of_nodes(), G.number_of_edges())
    assert set(g["nodes"]) == set(G.nodes)
    for key, data in G.nodes(data=True):
        seen = g["nodes"][key]
        assert seen["label"] == data["label"]
        for name, value in data.items():
            if name in ("label", "viz", "spells", "start", "end"):
                continue
            assert seen[name] == value and type(seen[name]) is type(value), (key, name, seen[name], value)
        r, gr, b = (data["viz"]["color"][c] for c in "rgb")
        assert seen["color"] == f"rgb({r},{gr},{b})"
        assert seen["size"] == pytest.approx(data["viz"]["size"])
    pairs = sorted(tuple(sorted((e["source"], e["target"]))) for e in g["edges"])
    assert pairs == sorted(tuple(sorted((u, v))) for u, v in G.edges())
    labels = sorted(e["attributes"].get("label", "") for e in g["edges"])
    assert labels == sorted(d.get("label", "") for *_, d in G.edges(data=True))


def test_actor_colours_are_the_palette(fixture_store: Store, tmp_path: Path) -> None:
    export(fixture_store, "gexf", tmp_path / "a.gexf")
    g = graphology(tmp_path / "a.gexf")
    person = "rgb({},{},{})".format(*PALETTE["PERSON"])
    assert {n["color"] for n in g["nodes"].values()} == {person}
    assert all(n["actor_type"] == "PERSON" for n in g["nodes"].values())
