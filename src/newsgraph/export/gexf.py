"""GEXF 1.3 for Gephi, written directly with ElementTree.

Not ``networkx.write_gexf``: its files fail the official 1.3 RELAX NG schema (``graph@name``,
``xsi:schemaLocation``, ``z="None"``, ``timeformat="long"``) and it cannot write the 1.3 edge ``kind``.
Here every attribute is declared once per class with one type, ``label`` and ``weight`` are the XML
attributes Gephi maps to its built-in columns (never ``<attribute>`` titles, which would collide with
them), colours are ``r``/``g``/``b`` (which every reader, networkx's included, understands), and a graph
whose nodes carry dates becomes ``mode="dynamic"`` with one ``<spell>`` per publication date, so Gephi's
timeline replays the coverage day by day. Nodes and edges without dates have no spell: Gephi shows them
throughout.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from .network import edge_attributes, is_dynamic, node_attributes, text
from .output import writing

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
_TYPES = {bool: "boolean", int: "integer", float: "double", str: "string"}


def generate_gexf(G: nx.Graph[str], *, prettyprint: bool = True) -> Iterator[str]:
    """The lines of a GEXF 1.3 document for a graph built by ``export.network``.

    >>> import networkx as nx
    >>> G = nx.Graph(network="demo")
    >>> G.add_node("a", label="A & B", mentions=2)
    >>> next(line for line in generate_gexf(G) if "<node " in line).strip()
    '<node id="a" label="A &amp; B">'
    """
    root = ET.Element("gexf", {"xmlns": NS, "xmlns:viz": VIZ, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "newsgraph"
    network = G.graph.get("network")
    ET.SubElement(meta, "description").text = (
        f"newsgraph {network} network" if network else "newsgraph network"
    )
    options = {"defaultedgetype": "directed" if G.is_directed() else "undirected", "idtype": "string"}
    options.update({"mode": "dynamic", "timeformat": "date"} if is_dynamic(G) else {"mode": "static"})
    graph = ET.SubElement(root, "graph", options)

    node_types, edge_types = node_attributes(G), edge_attributes(G)
    for cls, types in (("node", node_types), ("edge", edge_types)):
        if types:
            block = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
            for name, kind in types.items():
                ET.SubElement(block, "attribute", {"id": name, "title": name, "type": _TYPES[kind]})

    nodes = ET.SubElement(graph, "nodes", {"count": str(G.number_of_nodes())})
    for node, data in G.nodes(data=True):
        element = ET.SubElement(nodes, "node", {"id": str(node), "label": str(data.get("label", node))})
        _attvalues(element, data, node_types)
        _spells(element, data.get("spells", ()))
        _viz(element, data.get("viz", {}))

    edges = ET.SubElement(graph, "edges", {"count": str(G.number_of_edges())})
    for u, v, data in G.edges(data=True):
        fields = {"id": data.get("id"), "source": str(u), "target": str(v), "label": data.get("label")}
        fields |= {"weight": text(float(data.get("weight", 1.0))), "kind": data.get("kind")}
        element = ET.SubElement(edges, "edge", {k: str(x) for k, x in fields.items() if x is not None})
        _attvalues(element, data, edge_types)
        _spells(element, data.get("spells", ()))

    if prettyprint:
        ET.indent(root, space="  ")
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    # split("\n"), not splitlines(), which would also break at U+2028 or NEL inside a value
    yield from ET.tostring(root, encoding="unicode").split("\n")


def write_gexf(G: nx.Graph[str], path: str | os.PathLike[str], *, prettyprint: bool = True) -> Path:
    """Write ``generate_gexf(G)`` to ``path`` as UTF-8 with LF line ends; returns the path."""
    with writing(path) as target, target.open("w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(line + "\n" for line in generate_gexf(G, prettyprint=prettyprint))
    return target


def _attvalues(element: ET.Element, data: Mapping[str, Any], types: Mapping[str, type]) -> None:
    present = [name for name in types if name in data]
    if present:
        values = ET.SubElement(element, "attvalues")
        for name in present:
            ET.SubElement(values, "attvalue", {"for": name, "value": text(data[name])})


def _spells(element: ET.Element, dates: Iterable[str]) -> None:
    """One closed interval per publication date (GEXF 1.3 dropped open intervals)."""
    dates = list(dates)
    if dates:
        spells = ET.SubElement(element, "spells")
        for date in dates:
            ET.SubElement(spells, "spell", {"start": date, "end": date})


def _viz(element: ET.Element, viz: Mapping[str, Any]) -> None:
    if "color" in viz:
        r, g, b = viz["color"]
        ET.SubElement(element, "viz:color", {"r": str(r), "g": str(g), "b": str(b)})
    if "size" in viz:
        ET.SubElement(element, "viz:size", {"value": text(float(viz["size"]))})
    if "position" in viz:
        x, y = viz["position"]
        ET.SubElement(element, "viz:position", {"x": text(float(x)), "y": text(float(y))})
