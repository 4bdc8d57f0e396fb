"""The RDF itself, for other triple stores and for diffing two builds.

TriG, N-Quads and JSON-LD keep the dataset as stored: each article graph and each story graph stays a
named graph, because the graph is the provenance (which article said it). Turtle has no graphs, so it
gets their union, each triple once however many graphs state it. Oxigraph writes every format from
quads sorted by (graph, subject, predicate, object): the same store content gives the same bytes, which
holds because newsgraph mints no blank nodes (their labels would differ from store to store). JSON-LD
comes out expanded, with full IRIs: pyoxigraph applies prefixes to Turtle and TriG only.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from ..errors import ExportError
from ..vocab import PREFIXES
from .output import writing

RdfFormat = Literal["trig", "nquads", "turtle", "jsonld"]
RDF_FORMATS: tuple[RdfFormat, ...] = ("trig", "nquads", "turtle", "jsonld")

_OX = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def generate_rdf(quads: Iterable[ox.Quad], fmt: RdfFormat) -> bytes:
    """Serialise ``quads`` (in any order) as ``fmt``.

    >>> import pyoxigraph as ox
    >>> quad = ox.Quad(ox.NamedNode("https://schema.org/a"), ox.NamedNode("https://schema.org/b"),
    ...                ox.Literal("c"), ox.NamedNode("https://example.org/g"))
    >>> generate_rdf([quad], "nquads")
    b'<https://schema.org/a> <https://schema.org/b> "c" <https://example.org/g> .\\n'
    """
    if fmt not in _OX:
        raise ExportError(f"Unknown RDF format {fmt!r}. Available: {', '.join(RDF_FORMATS)}")
    ordered = sorted(
        quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
    )
    prefixes = PREFIXES if fmt in ("trig", "turtle") else None
    out = io.BytesIO()
    if fmt == "turtle":
        triples = sorted(
            {q.triple for q in ordered}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
        )
        ox.serialize(triples, out, _OX[fmt], prefixes=prefixes)
    else:
        ox.serialize(ordered, out, _OX[fmt], prefixes=prefixes)
    return out.getvalue()


def write_rdf(quads: Iterable[ox.Quad], fmt: RdfFormat, path: str | os.PathLike[str]) -> Path:
    """Write ``generate_rdf(quads, fmt)`` to ``path``; returns the path."""
    data = generate_rdf(quads, fmt)
    with writing(path) as target:
        target.write_bytes(data)
    return target
