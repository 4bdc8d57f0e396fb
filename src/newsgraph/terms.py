"""RDF terms as the store takes them: rdflib terms -> N-Triples text, and -> pyoxigraph terms.

One module every side imports (the store, the remote store, queries, the build's workers, the server),
so none of them has to import another for it. Pure: no store, no file.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import overload

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from .rdf import Quad

#: Any term pyoxigraph takes as a value (its query substitutions are typed so).
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def to_ntriples(quads: Iterable[Quad]) -> bytes:
    """The triples of ``quads`` as N-Triples (their graph is left out: the caller names it).

    Written as text rather than through pyoxigraph terms (three objects per triple, then serialised):
    the graph of every article and story passes through here, and this is several times cheaper. The
    store still checks every term: its loader parses a new graph, its SPARQL parser the changed lines of
    one that exists.

    >>> g = URIRef("https://example.org/g")
    >>> to_ntriples([(g, URIRef("https://schema.org/name"), Literal('say "hi"\\n', lang="EN"), g)])
    b'<https://example.org/g> <https://schema.org/name> "say \\\\"hi\\\\"\\\\n"@en .\\n'
    """
    return "".join([f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o, _ in quads]).encode("utf-8")


#: How Oxigraph writes a literal's characters in N-Triples (so that the same triple is the same line in
#: newsgraph's text and in the store's dump): the short escapes, other control characters as \uXXXX,
#: everything else as itself.
_ESCAPES = str.maketrans({
    **{chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F]},
    "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f",
})


def _nt(term: Node) -> str:
    """One IRI or literal in N-Triples syntax (newsgraph mints no blank nodes)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language.lower()}"
        return f"{text}^^<{term.datatype}>" if term.datatype else text
    raise TypeError(f"cannot write {term!r} as N-Triples")


@overload
def to_ox(term: URIRef) -> ox.NamedNode: ...
@overload
def to_ox(term: Node) -> ox.NamedNode | ox.Literal: ...
def to_ox(term: Node) -> ox.NamedNode | ox.Literal:
    """rdflib term -> pyoxigraph term (IRIs and literals: newsgraph mints no blank nodes).

    >>> to_ox(Literal("7", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))
    <Literal value=7 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=_datatype(term.datatype))
        return ox.Literal(str(term))
    raise TypeError(f"cannot bind {term!r}")


@functools.lru_cache(maxsize=64)
def _datatype(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)
