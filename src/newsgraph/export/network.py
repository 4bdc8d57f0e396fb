"""Coverage -> networkx graphs that Gephi opens looking sensible: typed attributes, colours, sizes, places.

The graphs follow one convention that every writer here relies on (networkx's GEXF writer has the same
idea). Node data ``label``, ``viz`` (``color`` (r, g, b), ``size``, ``position`` (x, y)) and ``spells``
(ISO dates) are special; edge data ``id``, ``label``, ``weight``, ``kind`` and ``spells`` are special;
every other key is an attribute with one Python type (str, int, float or bool) and never None. Nodes
and edges are added in sorted order, so walking a graph always gives the same order for the same store.

The actors network links actors that share an event (edge kind ``event``) or a sentence (``co-mention``),
and by default leaves generic actors ("analysts") out (``DEFAULT_KINDS``).

Colours are Tableau 10: actors by type (PERSON blue, ORG orange, GPE green, NORP purple, LOC teal, FAC
yellow, any other grey), events red, articles brown. Size is ``10 + 4 * sqrt(mentions)``. Positions are
circles by sorted IRI (the events network: actors inside, events around them, articles outermost), so a
file opens laid out and identical every time; run ForceAtlas 2 in Gephi from there.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any, Literal, TypeVar

import networkx as nx

from ..errors import ExportError
from .coverage import Coverage, NodeInfo

Network = Literal["actors", "events"]
NETWORKS: tuple[Network, ...] = ("actors", "events")

RGB = tuple[int, int, int]
#: Either network, kept as the kind it came in (actors: a Graph; events: a MultiGraph).
AnyGraph = TypeVar("AnyGraph", bound="nx.Graph[str]")
PALETTE: dict[str, RGB] = {
    "PERSON": (78, 121, 167),
    "ORG": (242, 142, 43),
    "GPE": (89, 161, 79),
    "NORP": (176, 122, 161),
    "LOC": (118, 183, 178),
    "FAC": (237, 201, 72),
}
OTHER_COLOUR: RGB = (186, 176, 172)
EVENT_COLOUR: RGB = (225, 87, 89)
ARTICLE_COLOUR: RGB = (156, 117, 95)

NODE_SPECIAL = frozenset({"label", "viz", "spells"})
EDGE_SPECIAL = frozenset({"id", "label", "weight", "kind", "spells"})
ATTRIBUTE_TYPES = (bool, int, float, str)


#: The actor kinds the actors network shows unless told otherwise: generic nouns ("analysts") left out.
DEFAULT_KINDS: tuple[str, ...] = ("named", "described")


def build(coverage: Coverage, network: Network, *, min_weight: float = 1.0,
          kinds: tuple[str, ...] | None = DEFAULT_KINDS) -> nx.Graph[str]:
    """The named network of a store's coverage (see ``NETWORKS``); ``min_weight`` and ``kinds`` (None:
    every kind) filter the actors network."""
    if network == "actors":
        return actors_network(coverage, min_weight=min_weight, kinds=kinds)
    return events_network(coverage)


def actors_network(cov: Coverage, *, min_weight: float = 1.0, kinds: tuple[str, ...] | None = DEFAULT_KINDS) -> nx.Graph[str]:
    """Actors of the ``kinds`` asked for (None: all); an edge joins two actors that take part in the same
    event or are mentioned in the same sentence. Its ``kind`` is ``event`` when they share an event, else
    ``co-mention``; ``events`` and ``sentences`` count both links and ``weight`` is their sum; the label
    names the shared events in words. Edges lighter than ``min_weight`` are left out."""
    G: nx.Graph[str] = nx.Graph(network="actors")
    shown = {iri: a for iri, a in cov.actors.items() if kinds is None or a.kind in kinds or not a.kind}
    places = _circle(list(shown), _radius(len(shown), 0.0))
    for iri, actor in shown.items():
        G.add_node(iri, **_covered(cov, actor, _colour(actor), places[iri], actor_type=actor.type,
                                   actor_kind=actor.kind or "unknown", importance=actor.importance))

    actors_of: dict[str, set[str]] = defaultdict(set)
    for event_iri, actor_iri in cov.roles:
        if actor_iri in shown:
            actors_of[event_iri].add(actor_iri)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event, actors in sorted(actors_of.items()):
        for pair in combinations(sorted(actors), 2):
            shared[pair].append(event)
    together: dict[tuple[str, str], list[str]] = defaultdict(list)  # pair -> the articles of its sentences
    for doc, named in cov.sentences.values():
        for pair in combinations([a for a in named if a in shown], 2):
            together[pair].append(doc)
    for a, b in sorted(set(shared) | set(together)):
        events, docs = shared.get((a, b), []), together.get((a, b), [])
        weight = float(len(events) + len(docs))
        if weight < min_weight:
            continue
        articles = {doc for e in events for doc in cov.events[e].articles} | set(docs)
        outlets, names = cov.outlets(articles)
        label = "; ".join(sorted({cov.events[e].label for e in events}))
        G.add_edge(
            a,
            b,
            kind="event" if events else "co-mention",
            label=label or f"mentioned together in {len(docs)} {'sentence' if len(docs) == 1 else 'sentences'}",
            weight=weight,
            spells=cov.dates(articles),
            events=len(events),
            sentences=len(docs),
            outlets=outlets,
            outlet_names=names,
            single_source=outlets == 1,
        )
    return _number_edges(G)


def events_network(cov: Coverage) -> nx.MultiGraph[str]:
    """Actors, events and articles; actor-event edges by role, event-article edges by mention.

    A multigraph because one actor can be both agent and patient of an event: GEXF 1.3 keeps such
    parallel edges apart by ``kind``.
    """
    G: nx.MultiGraph[str] = nx.MultiGraph(network="events")
    nodes: dict[str, dict[str, Any]] = {}
    inner = _radius(len(cov.actors), 0.0)
    middle = _radius(len(cov.events), inner)
    actor_places = _circle(list(cov.actors), inner)
    for iri, actor in cov.actors.items():
        nodes[iri] = _covered(cov, actor, _colour(actor), actor_places[iri], kind="actor", actor_type=actor.type,
                              actor_kind=actor.kind or "unknown", importance=actor.importance)
    event_places = _circle(list(cov.events), middle)
    for iri, event in cov.events.items():
        nodes[iri] = _covered(cov, event, EVENT_COLOUR, event_places[iri], kind="event", predicate=event.type,
                              event_kind=event.kind or "unknown", importance=event.importance)
    article_events: dict[str, int] = defaultdict(int)
    for event in cov.events.values():
        for doc in event.articles:
            article_events[doc] += 1
    article_places = _circle(list(cov.articles), _radius(len(cov.articles), middle))
    for iri, art in cov.articles.items():
        nodes[iri] = {
            "label": f"{art.id} — {art.outlet_name}",
            "viz": _viz(ARTICLE_COLOUR, article_events[iri], article_places[iri]),
            "spells": cov.dates([iri]),
            "kind": "article",
            "story": art.story,
            "story_label": art.story_label,
            "outlet": art.outlet_name,
            "published": art.published,
        }
    G.add_nodes_from(sorted(nodes.items()))

    edges = []
    for (event_iri, actor_iri), roles in cov.roles.items():
        spells = cov.dates(cov.events[event_iri].articles)
        edges += [(actor_iri, event_iri, role, role, spells) for role in roles]
    for iri, event in cov.events.items():
        edges += [
            (iri, doc, "mentioned_in", "mentioned in", cov.dates([doc]))
            for doc in event.articles
            if doc in cov.articles
        ]
    for u, v, kind, label, spells in sorted(edges):
        G.add_edge(u, v, key=kind, kind=kind, label=label, weight=1.0, spells=spells)
    return _number_edges(G)


def attributes(items: Iterable[Mapping[str, Any]], special: frozenset[str]) -> dict[str, type]:
    """Each attribute's name and its one type, in first-seen order; refuses None, lists and mixed types."""
    types: dict[str, type] = {}
    for data in items:
        for key, value in data.items():
            if key in special:
                continue
            if type(value) not in ATTRIBUTE_TYPES:
                raise ExportError(
                    f"attribute {key!r} = {value!r}: only str, int, float and bool can be exported"
                )
            if types.setdefault(key, type(value)) is not type(value):
                kinds = f"{types[key].__name__} and {type(value).__name__}"
                raise ExportError(f"attribute {key!r} has values of two types: {kinds}")
    return types


def node_attributes(G: nx.Graph[str]) -> dict[str, type]:
    return attributes((d for _, d in G.nodes(data=True)), NODE_SPECIAL)


def edge_attributes(G: nx.Graph[str]) -> dict[str, type]:
    return attributes((d for *_, d in G.edges(data=True)), EDGE_SPECIAL)


def is_dynamic(G: nx.Graph[str]) -> bool:
    """True when some node or edge has dates: the file then carries a timeline."""
    return any(d.get("spells") for _, d in G.nodes(data=True)) or any(
        d.get("spells") for *_, d in G.edges(data=True)
    )


def text(value: bool | int | float | str) -> str:
    """An attribute value as GEXF, GraphML and Gephi's CSV import all read it back."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        raise ExportError(f"cannot export the number {value!r}")
    return repr(value) if isinstance(value, float) else str(value)


def node_size(mentions: int) -> float:
    """Node area grows with mentions, but a single mention stays visible."""
    return round(10 + 4 * math.sqrt(mentions), 2)


def _covered(
    cov: Coverage, node: NodeInfo, colour: RGB, place: tuple[float, float], **first: str | int
) -> dict[str, Any]:
    """What actor and event nodes share: who reports them, when, and how often they are mentioned."""
    outlets, names = cov.outlets(node.articles)
    return {
        "label": node.label,
        "viz": _viz(colour, node.mentions, place),
        "spells": cov.dates(node.articles),
        **first,
        "story": node.story,
        "story_label": node.story_label,
        "mentions": node.mentions,
        "outlets": outlets,
        "outlet_names": names,
        "single_source": outlets == 1,
    }


def _colour(actor: NodeInfo) -> RGB:
    return PALETTE.get(actor.type, OTHER_COLOUR)


def _viz(colour: RGB, weight: int, place: tuple[float, float]) -> dict[str, Any]:
    return {"color": colour, "size": node_size(weight), "position": place}


def _radius(n: int, inside: float) -> float:
    """A ring 150 units outside the previous one, and wide enough that its ``n`` nodes do not overlap."""
    return max(inside + 150.0, 6.0 * n)


def _circle(iris: list[str], radius: float) -> dict[str, tuple[float, float]]:
    """Places evenly round a circle, in the given order; rounded so every platform writes the same digits."""
    places = {}
    for i, iri in enumerate(iris):
        angle = 2 * math.pi * i / len(iris)
        # "+ 0.0" turns a rounded -0.0 into 0.0
        places[iri] = (round(radius * math.cos(angle), 2) + 0.0, round(radius * math.sin(angle), 2) + 0.0)
    return places


def _number_edges(G: AnyGraph) -> AnyGraph:
    """Edge ids in walking order, so GEXF, GraphML and CSV name each edge alike."""
    for i, (*_, data) in enumerate(G.edges(data=True)):
        data["id"] = str(i)
    return G
