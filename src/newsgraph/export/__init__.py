"""Export the graph: networks for Gephi (GEXF, GraphML, CSV), and the RDF (TriG, N-Quads, Turtle, JSON-LD).

The only package that imports networkx. Each format has a pure ``generate_*`` and a thin ``write_*``
(networkx's readwrite/gexf.py): the networks come from ``network.build(coverage.read(store), name)``,
the RDF from the store's quads. ``export`` below is what the CLI calls.

>>> export(store, "gexf", "out/actors.gexf")   # doctest: +SKIP
[PosixPath('out/actors.gexf')]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import networkx as nx

from ..errors import ExportError
from ..store import Store
from .coverage import read
from .dumps import RDF_FORMATS, generate_rdf, write_rdf
from .gexf import generate_gexf, write_gexf
from .network import DEFAULT_KINDS, NETWORKS, Network, actors_network, build, events_network
from .tables import generate_csv, generate_graphml, write_csv, write_graphml

__all__ = [
    "FORMATS",
    "Format",
    "NETWORKS",
    "Network",
    "actors_network",
    "events_network",
    "export",
    "generate_csv",
    "generate_gexf",
    "generate_graphml",
    "generate_rdf",
    "graph",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_rdf",
]

Format = Literal["gexf", "graphml", "csv", "trig", "nquads", "turtle", "jsonld"]
FORMATS: tuple[Format, ...] = ("gexf", "graphml", "csv", "trig", "nquads", "turtle", "jsonld")


def graph(store: Store, network: str = "actors", *, min_weight: float = 1.0,
          kinds: tuple[str, ...] | None = DEFAULT_KINDS) -> nx.Graph[str]:
    """The store's content as one of ``NETWORKS``, a networkx graph (``export.network`` says its shape);
    the actors network without edges lighter than ``min_weight`` and with actors of ``kinds`` (None: all)."""
    if network not in NETWORKS:
        raise _unknown("network", network, NETWORKS)
    return build(read(store), network, min_weight=min_weight, kinds=kinds)


def export(store: Store, fmt: str, path: str | os.PathLike[str], *, network: str = "actors",
           min_weight: float = 1.0, kinds: tuple[str, ...] | None = DEFAULT_KINDS) -> list[Path]:
    """Write the store's graph as ``fmt`` to ``path`` and return the files written.

    ``csv`` takes a folder and writes ``nodes.csv`` and ``edges.csv`` into it; every other format writes
    the one file ``path``. Missing parent folders are made. ``network`` chooses what the Gephi formats
    show (``actors``: who appears with whom; ``events``: actors, events and articles); the RDF formats
    always hold the whole dataset. ``min_weight`` and ``kinds`` filter the actors network
    (``network.actors_network``): by default every edge, and named and described actors (no generic ones).
    """
    if fmt not in FORMATS:
        raise _unknown("export format", fmt, FORMATS)
    if network not in NETWORKS:  # checked before writing anything, whichever the format
        raise _unknown("network", network, NETWORKS)
    target = Path(path)

    def net() -> nx.Graph[str]:
        return graph(store, network, min_weight=min_weight, kinds=kinds)

    if fmt == "csv":
        return write_csv(net(), target)
    if fmt in RDF_FORMATS:
        return [write_rdf(store.quads(), fmt, target)]
    if fmt == "gexf":
        return [write_gexf(net(), target)]
    return [write_graphml(net(), target)]


def _unknown(what: str, value: str, allowed: tuple[str, ...]) -> ExportError:
    return ExportError(f"Unknown {what} {value!r}. Available: {', '.join(allowed)}")
