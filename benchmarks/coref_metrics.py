"""Coreference scores: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1.

Clusterings are dicts mention -> cluster id over the same set of mentions (the matched mentions), as in
the standard "gold mentions" setting. Definitions follow Pradhan et al. 2014 ("Scoring coreference
partitions of predicted mentions: a reference implementation").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

import networkx as nx

Clustering = Mapping[Hashable, Hashable]


def _clusters(assign: Clustering) -> list[frozenset[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in assign.items():
        groups[cluster].add(mention)
    return [frozenset(g) for g in groups.values()]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """Link-based: how many links of one partition the other keeps (singletons count for nothing)."""

    def score(a: Clustering, b: Clustering) -> float:
        num = den = 0
        for cluster in _clusters(a):
            parts = {b.get(m, ("missing", m)) for m in cluster}
            num += len(cluster) - len(parts)
            den += len(cluster) - 1
        return num / den if den else 0.0

    r, p = score(key, response), score(response, key)
    return p, r, _f1(p, r)


def b_cubed(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """Mention-based: per mention, the overlap of its key and response clusters."""
    key_c = {m: c for c in _clusters(key) for m in c}
    resp_c = {m: c for c in _clusters(response) for m in c}

    def score(a: dict[Hashable, frozenset[Hashable]], b: dict[Hashable, frozenset[Hashable]]) -> float:
        if not a:
            return 0.0
        return sum(len(a[m] & b.get(m, frozenset())) / len(a[m]) for m in a) / len(a)

    r, p = score(key_c, resp_c), score(resp_c, key_c)
    return p, r, _f1(p, r)


def ceaf_e(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """Entity-based: the best one-to-one alignment of key and response clusters, by phi4 similarity."""
    k, r = _clusters(key), _clusters(response)
    graph = nx.Graph()
    for i, a in enumerate(k):
        for j, b in enumerate(r):
            common = len(a & b)
            if common:
                graph.add_edge(("k", i), ("r", j), weight=2 * common / (len(a) + len(b)))
    total = 0.0
    for component in nx.connected_components(graph):  # small, independent problems: fast
        sub = graph.subgraph(component)
        total += sum(sub.edges[u, v]["weight"] for u, v in nx.max_weight_matching(sub))
    p = total / len(r) if r else 0.0
    rec = total / len(k) if k else 0.0
    return p, rec, _f1(p, rec)


def conll(key: Clustering, response: Clustering) -> dict[str, tuple[float, float, float] | float]:
    """All three metrics and the CoNLL F1 (their F1 mean)."""
    scores: dict[str, tuple[float, float, float] | float] = {
        "muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response),
    }
    scores["conll"] = sum(s[2] for s in scores.values() if isinstance(s, tuple)) / 3
    return scores
