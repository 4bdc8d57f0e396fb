"""GraphML and Gephi's two CSV tables: the other ways into Gephi, igraph, yEd and spreadsheets.

GraphML goes through networkx's writer once the graph is flattened to what GraphML holds: scalar keys of
one type each, with ``viz`` spelled as the ``x``, ``y``, ``size``, ``r``, ``g``, ``b`` keys (and ``label``,
``weight``) that Gephi's GraphML importer maps onto its own columns. GraphML has no timeline, so the
dates are left out. The CSV pair follows Gephi's spreadsheet import: ``Id,Label,...`` and
``Source,Target,Type,Weight,Label,Id,[Kind],...`` with ``Type`` = ``Undirected``, booleans as
``true``/``false``, and the dates as an ``Interval`` column (``<[2025-09-04, 2025-09-04];[...]>``), which
Gephi reads as the timeline. UTF-8 without BOM, CRLF rows, quoted where RFC 4180 requires it.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import ExportError
from .network import EDGE_SPECIAL, NODE_SPECIAL, edge_attributes, is_dynamic, node_attributes, text
from .output import writing


def generate_graphml(G: nx.Graph[str]) -> Iterator[str]:
    """The lines of a GraphML document for a graph built by ``export.network``.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("a", label="A", viz={"size": 14.0})
    >>> [line.strip() for line in generate_graphml(G) if "attr.name" in line][0]
    '<key id="d1" for="node" attr.name="size" attr.type="double" />'
    """
    node_attributes(G)  # refuse None, lists and mixed types before writing anything
    edge_attributes(G)
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield from nx.generate_graphml(_flat(G), encoding="utf-8", prettyprint=True)


def write_graphml(G: nx.Graph[str], path: str | os.PathLike[str]) -> Path:
    """Write ``generate_graphml(G)`` to ``path``.

    Not ``nx.write_graphml``, which switches to a differently formatted lxml writer when lxml is installed:
    the same graph must give the same bytes on every machine.
    """
    with writing(path) as target, target.open("w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(line + "\n" for line in generate_graphml(G))
    return target


def generate_csv(G: nx.Graph[str]) -> dict[str, str]:
    """``nodes.csv`` and ``edges.csv`` as text, for Gephi's spreadsheet import."""
    dynamic = is_dynamic(G)
    node_types, edge_types = node_attributes(G), edge_attributes(G)
    interval = ["Interval"] if dynamic else []

    node_rows: list[list[str]] = [["Id", "Label", *node_types, *interval]]
    for node, data in G.nodes(data=True):
        cells = [text(data[name]) if name in data else "" for name in node_types]
        node_rows.append([str(node), str(data.get("label", node)), *cells, *_interval(data, dynamic)])

    kinds = any("kind" in data for *_, data in G.edges(data=True))
    edge_type = "Directed" if G.is_directed() else "Undirected"
    kind = ["Kind"] if kinds else []
    edge_rows: list[list[str]] = [
        ["Source", "Target", "Type", "Weight", "Label", "Id", *kind, *edge_types, *interval]
    ]
    for u, v, data in G.edges(data=True):
        row = [str(u), str(v), edge_type, text(float(data.get("weight", 1.0))), str(data.get("label", ""))]
        row += [str(data.get("id", "")), *([str(data.get("kind", ""))] if kinds else [])]
        row += [text(data[name]) if name in data else "" for name in edge_types]
        edge_rows.append(row + _interval(data, dynamic))
    return {"nodes.csv": _csv(node_rows), "edges.csv": _csv(edge_rows)}


def write_csv(G: nx.Graph[str], folder: str | os.PathLike[str]) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``folder`` (made if absent); returns both paths."""
    tables = generate_csv(G)
    written = []
    with writing(folder, folder=True) as target:
        for name, content in tables.items():
            (target / name).write_bytes(content.encode("utf-8"))
            written.append(target / name)
    return written


def _flat(G: nx.Graph[str]) -> nx.MultiGraph[str]:
    """The graph with only scalar data, edges keyed by their ids (so GraphML writes them as ``id``)."""
    F: nx.MultiGraph[str] = nx.MultiDiGraph() if G.is_directed() else nx.MultiGraph()
    flat: dict[str, Any]
    for node, data in G.nodes(data=True):
        viz = data.get("viz", {})
        flat = {"label": str(data.get("label", node))}
        flat |= {name: value for name, value in data.items() if name not in NODE_SPECIAL}
        if "position" in viz:
            flat["x"], flat["y"] = (float(c) for c in viz["position"])
        if "size" in viz:
            flat["size"] = float(viz["size"])
        if "color" in viz:
            flat["r"], flat["g"], flat["b"] = (int(c) for c in viz["color"])
        F.add_node(str(node), **flat)
    for i, (u, v, data) in enumerate(G.edges(data=True)):
        flat = {"label": str(data.get("label", "")), "weight": float(data.get("weight", 1.0))}
        if "kind" in data:
            flat["kind"] = str(data["kind"])
        flat |= {name: value for name, value in data.items() if name not in EDGE_SPECIAL}
        F.add_edge(str(u), str(v), key=str(data.get("id", i)), **flat)
    return F


def _interval(data: Mapping[str, Any], dynamic: bool) -> list[str]:
    """Gephi's interval-set syntax, one closed interval per date, like the GEXF spells."""
    if not dynamic:
        return []
    dates = tuple(data.get("spells", ()))
    return ["<" + ";".join(f"[{d}, {d}]" for d in dates) + ">" if dates else ""]


def _csv(rows: Sequence[Sequence[str]]) -> str:
    names = [name.lower() for name in rows[0]]
    if len(set(names)) != len(names):
        raise ExportError(f"Gephi matches CSV headers case-insensitively; these repeat: {', '.join(rows[0])}")
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()
