"""Cross-article identity within a story: one node per actor and per happening, however many outlets report it.

``actors`` holds the ``actor-merge`` rules (full name, alias, one-word name, description, compact spelling,
then surname / first name / acronym of the one full name of the story), ``events`` the ``event-merge`` rules
(same class of predicate, no clash of participants), ``fillers`` the ``event-role`` rule (a described actor
is the named one that takes its role in a happening another article reports: events resolved, actors merged,
events resolved again), ``event_pairs`` and ``actor_pairs`` the learned steps (``learned``: what no rule
relates, a pairwise scorer trained on ECB+ joins; actors joined, events resolved again). ``newsgraph rules``
lists them; every mention records the rule that attached it (``ng:resolvedBy``). Everything is decided on articles sorted by id, so the order
articles arrive in never changes the graph.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Extraction, Resolution
from . import actor_pairs, event_pairs
from .actors import build_actors, cluster_actors
from .events import resolve_events
from .fillers import merge_clusters, role_fillers

__all__ = ["resolve_story"]


def resolve_story(story: str, extractions: Iterable[Extraction]) -> Resolution:
    """Resolve one story's articles into its actors and events."""
    docs = {ex.article.id: ex for ex in sorted(extractions, key=lambda e: e.article.id)}
    clusters, merged_by = cluster_actors(docs)
    actors, actor_key = build_actors(story, docs, clusters)
    # the events by the rules alone tell who takes part in what; the learned step joins events once, at the end
    events, _ = resolve_events(story, docs, actor_key, {a.key: a for a in actors}, with_learned=False)
    # the happenings say who some described actors are (event-role): merge them, and resolve events again
    pairs = role_fillers(events, docs, {a.key: a for a in actors}, actor_key)
    if pairs:
        clusters = merge_clusters(clusters, actor_key, pairs, merged_by, role_fillers.rule.name)  # type: ignore[attr-defined]
        actors, actor_key = build_actors(story, docs, clusters)
        events, _ = resolve_events(story, docs, actor_key, {a.key: a for a in actors}, with_learned=False)
    # what no rule proves, the story may show (actor_pairs.joins): merge those
    if actor_pairs.USE and len(actors) > 1:
        joined = actor_pairs.joins(actor_pairs.views(actors, events, docs))
        if joined:
            pairs = [(actors[a].key, actors[b].key) for a, b in joined]
            clusters = merge_clusters(clusters, actor_key, pairs, merged_by, actor_pairs.joins.rule.name)  # type: ignore[attr-defined]
            actors, actor_key = build_actors(story, docs, clusters)
    events, event_of = resolve_events(story, docs, actor_key, {a.key: a for a in actors}, with_learned=event_pairs.USE)
    actor_of = {}
    for doc_id, ex in docs.items():
        for i, m in enumerate(ex.mentions):
            ref = (doc_id, m.local)
            # an article's first mention of an actor ("new" in its chain) says why its actor joined the story's
            rule = m.rule if m.rule != "new" else merged_by.get(ref, "new")
            actor_of[(doc_id, i)] = (actor_key[ref], rule)
    return Resolution(story, tuple(actors), tuple(events), actor_of, event_of)
