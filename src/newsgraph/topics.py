"""Topics: stories grouped into related coverage ("two earthquakes", "two acquisitions by one company").

A story is one real-world happening; a topic gathers the stories that share who, where and what, whatever
their dates: the earlier earthquake in the same region, the company's other acquisition, the same
actor's earlier arrest. Each story is one vector (the sum of its articles' TF-IDF rows, names and places
weighted as words, no date window), and stories are merged by average linkage: repeatedly the two
groups whose stories are most similar on average, as long as that average reaches a threshold. Only
each story's nearest neighbours are summed (sparse products, never m x m; the rest count as 0), and ties
are broken by the stories' first article ids, so the topics depend only on the set of articles, like
the stories. A topic's slug and label are those of its first story (the one whose first article id
sorts first; the label without its date): a story alone is its own topic, under its own slug, and any
other story joining or leaving a topic renames nothing, so only its own graph is written again.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .iris import slug as _slug
from .model import Story, StoryFeatures
from .vocab import BASE

#: Records -> their TF-IDF rows (a CSR matrix, one L2-normalised row per record, in the order given).
Vectorise = Callable[[Sequence[StoryFeatures]], Any]
#: Articles -> a topic's label.
Name = Callable[[Sequence[StoryFeatures]], str]

#: Every topic's IRI starts so.
TOPICS = f"{BASE}topic/"
#: The named graph of every story's topic (rdf.topic_quads): rewritten with each grouping.
TOPICS_GRAPH = f"{BASE}topics"


def topic_iri(topic: str) -> str:
    """The node of a topic (``ng:topic`` of its stories' graphs), labelled with ``rdfs:label``."""
    return f"{TOPICS}{_slug(topic)}"


@dataclass(frozen=True)
class TopicSettings:
    """The topic level's knobs, tuned on ECB+'s development and validation topics (docs/stories.md)."""

    threshold: float = 0.10  # average cosine similarity between two groups' stories at which they merge
    neighbours: int = 20  # stories compared with each story: its most similar ones ...
    floor: float = 0.02  # ... at least this similar (the others count as 0 in an average)
    name_weight: float = 1.0  # names and places weigh as much as words: the kind of event matters here
    place_weight: float = 1.0
    chunk: int = 256  # rows per sparse product


def with_topics(stories: Sequence[Story], records: Sequence[StoryFeatures], vectorise: Vectorise, name: Name,
                topic: TopicSettings | None = None) -> list[Story]:
    """``stories`` (of ``records``) with their topic slug and label set, in the same order. ``vectorise``
    and ``name`` are stories.py's TF-IDF rows (weighted as ``topic`` says) and labels."""
    topic = topic or TopicSettings()
    by_id = {r.id: r for r in records}
    order = sorted(range(len(stories)), key=lambda k: stories[k].articles[0])  # by first article id
    ranked = [stories[k] for k in order]
    groups = merge(ranked, [by_id[a] for s in ranked for a in s.articles], vectorise, topic)
    named: dict[str, tuple[str, str]] = {}
    for members in groups:  # named by its first story alone: another story joining renames nothing
        first = ranked[members[0]]
        text = name([by_id[a] for a in first.articles])
        for k in members:
            named[ranked[k].slug] = (first.slug, text)
    return [replace(s, topic=named[s.slug][0], topic_label=named[s.slug][1]) for s in stories]


def merge(stories: Sequence[Story], records: Sequence[StoryFeatures], vectorise: Vectorise,
          topic: TopicSettings) -> list[list[int]]:
    """Average-linkage groups of ``stories`` (indices, each group sorted, groups by first index).

    The average similarity of two groups is the sum of their stories' pairwise similarities over the
    product of their sizes; only each story's ``neighbours`` most similar stories (at least ``floor``
    similar) are summed, the rest count as 0. So a merge only adds up two rows of sums: no vector
    arithmetic once the similarities are known."""
    import numpy as np
    from scipy.sparse import csr_matrix

    m = len(stories)
    if m <= 1:
        return [[k] for k in range(m)]
    ordered = sorted(records, key=lambda r: r.id)
    column = {r.id: i for i, r in enumerate(ordered)}
    rows = [k for k, s in enumerate(stories) for _a in s.articles]
    cols = [column[a] for s in stories for a in s.articles]
    centroids = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(m, len(ordered))) @ vectorise(ordered)
    norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    centroids = csr_matrix(centroids.multiply(1 / norms[:, None]))
    sums: dict[int, dict[int, float]] = {k: {} for k in range(m)}  # group -> group -> summed similarity
    for (a, b), sim in sorted(_similar(centroids, topic).items()):
        sums[a][b] = sums[b][a] = sim
    sizes = dict.fromkeys(range(m), 1)
    members: dict[int, list[int]] = {k: [k] for k in range(m)}
    heap = [(-sim, a, b, 1, 1) for a, near in sums.items() for b, sim in near.items() if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b, size_a, size_b = heapq.heappop(heap)
        if -neg < topic.threshold:
            break
        if a not in members or b not in members or sizes[a] != size_a or sizes[b] != size_b:
            continue  # one side has merged since: the pair was pushed again with the new average
        gone = sums.pop(b)
        del sums[a][b]
        for c, sim in gone.items():  # the group keeps the smaller index
            if c == a:
                continue
            sums[a][c] = sums[a].get(c, 0.0) + sim
            del sums[c][b]
            sums[c][a] = sums[a][c]
        sizes[a] += sizes.pop(b)
        members[a] += members.pop(b)
        for c, total in sorted(sums[a].items()):
            x, y = min(a, c), max(a, c)
            heapq.heappush(heap, (-total / (sizes[a] * sizes[c]), x, y, sizes[x], sizes[y]))
    return sorted((sorted(g) for g in members.values()), key=lambda g: g[0])


def _similar(centroids: Any, topic: TopicSettings) -> dict[tuple[int, int], float]:
    """(a, b) with a < b -> cosine, for b among a's ``neighbours`` most similar stories (or a among b's),
    at least ``floor`` similar: the similarities average linkage sums."""
    import numpy as np

    transposed = centroids.T.tocsr()
    out: dict[tuple[int, int], float] = {}
    for start in range(0, centroids.shape[0], topic.chunk):
        block = (centroids[start:start + topic.chunk] @ transposed).tocoo()
        i, j, sim = block.row + start, block.col, block.data
        ok = (i != j) & (sim >= topic.floor)
        i, j, sim = i[ok], j[ok], sim[ok]
        order = np.lexsort((j, -sim, i))
        i, j, sim = i[order], j[order], sim[order]
        top = (np.arange(len(i)) - np.searchsorted(i, i, side="left")) < topic.neighbours
        for a, b, s in zip(i[top].tolist(), j[top].tolist(), sim[top].tolist()):
            out[(min(a, b), max(a, b))] = s
    return out
