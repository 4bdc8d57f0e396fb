"""Topics: stories grouped into related coverage ("two earthquakes", "two acquisitions by one company").

A story is one real-world happening; a topic gathers the stories that share who, where and what, whatever
their dates: the earlier earthquake in the same region, the company's other acquisition, the same
actor's earlier arrest. Each story is one vector (the sum of its articles' TF-IDF rows, names and places
weighted as words, no date window), and stories are merged by average linkage: repeatedly the two
groups whose stories are most similar on average, as long as that average reaches a threshold. Only
pairs among each story's nearest neighbours are ever compared (sparse products, never m x m), and ties
are broken by the stories' first article ids, so the topics depend only on the set of articles, like
the stories. A topic's slug is the slug of its first story (the one whose first article id sorts
first): a story alone is its own topic, under its own slug.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .iris import slug as _slug
from .stories import Settings, Story, StoryFeatures, label, vectors
from .vocab import BASE

#: Every topic's IRI starts so.
TOPICS = f"{BASE}topic/"


def topic_iri(topic: str) -> str:
    """The node of a topic (``ng:topic`` of its stories' graphs), labelled with ``rdfs:label``."""
    return f"{TOPICS}{_slug(topic)}"


@dataclass(frozen=True)
class TopicSettings:
    """The topic level's knobs, tuned on ECB+'s development and validation topics (docs/stories.md)."""

    threshold: float = 0.08  # average cosine similarity between two groups' stories at which they merge
    neighbours: int = 5  # stories compared with each story: its most similar ones
    name_weight: float = 1.0  # names and places weigh as much as words: the kind of event matters here
    place_weight: float = 1.0


def with_topics(stories: Sequence[Story], records: Sequence[StoryFeatures],
                settings: Settings | None = None, topic: TopicSettings | None = None) -> list[Story]:
    """``stories`` (of ``records``) with their topic slug and label set, in the same order.

    >>> a = StoryFeatures("a", "x", names=(("Reyes", 2),), places=(("Oaxaca", 1),), terms=(("quake", 3),))
    >>> [s.topic for s in with_topics([Story("oaxaca-a", "Oaxaca", ("a",))], [a])]
    ['oaxaca-a']
    """
    topic = topic or TopicSettings()
    settings = replace(settings or Settings(), name_weight=topic.name_weight, place_weight=topic.place_weight)
    by_id = {r.id: r for r in records}
    order = sorted(range(len(stories)), key=lambda k: stories[k].articles[0])  # by first article id
    ranked = [stories[k] for k in order]
    groups = merge(ranked, [by_id[a] for s in ranked for a in s.articles], settings, topic)
    named: dict[str, tuple[str, str]] = {}
    for members in groups:
        first = ranked[members[0]]
        text = label([by_id[a] for k in members for a in ranked[k].articles], dated=False)
        for k in members:
            named[ranked[k].slug] = (first.slug, text)
    return [replace(s, topic=named[s.slug][0], topic_label=named[s.slug][1]) for s in stories]


def merge(stories: Sequence[Story], records: Sequence[StoryFeatures], settings: Settings,
          topic: TopicSettings) -> list[list[int]]:
    """Average-linkage groups of ``stories`` (indices, each group sorted, groups by first index)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    m = len(stories)
    if m <= 1:
        return [[k] for k in range(m)]
    ordered = sorted(records, key=lambda r: r.id)
    column = {r.id: i for i, r in enumerate(ordered)}
    rows = [k for k, s in enumerate(stories) for _a in s.articles]
    cols = [column[a] for s in stories for a in s.articles]
    centroids = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(m, len(ordered))) @ vectors(ordered, settings)
    norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    centroids = csr_matrix(centroids.multiply(1 / norms[:, None]))
    pairs = _candidates(centroids, topic, settings.chunk)
    sums: dict[int, Any] = {k: centroids[k] for k in range(m)}
    sizes = dict.fromkeys(range(m), 1)
    members: dict[int, list[int]] = {k: [k] for k in range(m)}
    near: dict[int, set[int]] = {k: set() for k in range(m)}
    version = dict.fromkeys(range(m), 0)
    heap: list[tuple[float, int, int, int, int]] = []
    for (a, b), sim in sorted(pairs.items()):
        near[a].add(b)
        near[b].add(a)
        heap.append((-sim, a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if -neg < topic.threshold:
            break
        if a not in sums or b not in sums or version[a] != va or version[b] != vb:
            continue  # one side merged since: its pair was pushed again with the new average
        sums[a] = sums[a] + sums.pop(b)  # the group keeps its smaller index
        sizes[a] += sizes.pop(b)
        members[a] += members.pop(b)
        version[a] += 1
        near[a] = (near[a] | near.pop(b)) - {a, b}
        for c in sorted(near[a]):
            near[c].discard(b)
            near[c].add(a)
            sim = float(sums[a].multiply(sums[c]).sum()) / (sizes[a] * sizes[c])
            x, y = min(a, c), max(a, c)
            heapq.heappush(heap, (-sim, x, y, version[x], version[y]))
    return sorted((sorted(g) for g in members.values()), key=lambda g: g[0])


def _candidates(centroids: Any, topic: TopicSettings, chunk: int) -> dict[tuple[int, int], float]:
    """(a, b) with a < b -> cosine, for b among a's ``neighbours`` most similar stories (or a among b's),
    at least ``threshold`` similar: the only pairs average linkage starts from."""
    import numpy as np

    transposed = centroids.T.tocsr()
    out: dict[tuple[int, int], float] = {}
    for start in range(0, centroids.shape[0], chunk):
        block = (centroids[start:start + chunk] @ transposed).tocoo()
        i, j, sim = block.row + start, block.col, block.data
        ok = (i != j) & (sim >= topic.threshold)
        i, j, sim = i[ok], j[ok], sim[ok]
        order = np.lexsort((j, -sim, i))
        i, j, sim = i[order], j[order], sim[order]
        rank = np.arange(len(i)) - np.searchsorted(i, i, side="left")
        for a, b, s in zip(i[rank < topic.neighbours].tolist(), j[rank < topic.neighbours].tolist(),
                           sim[rank < topic.neighbours].tolist()):
            out[(min(a, b), max(a, b))] = s
    return out
