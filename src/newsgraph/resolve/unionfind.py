"""Disjoint sets: what every merge step of resolution joins into (names, roles, learned pairs).

Two sets join under the smaller of their roots, so the result depends on what was joined, not on the order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

#: What resolution joins: an article's entity (article id, index), an actor key, an index.
T = TypeVar("T", tuple[str, int], str, int)
#: What an actor-merge step calls to join two articles' entities, recording its rule's name.
Join = Callable[[tuple[str, int], tuple[str, int], str], None]


class UnionFind(Generic[T]):
    def __init__(self, items: Iterable[T]) -> None:
        self.parent: dict[T, T] = {i: i for i in items}

    def find(self, x: T) -> T:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: T, b: T) -> bool:
        """Join the sets of ``a`` and ``b``; False when they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        return True

    def groups(self) -> list[list[T]]:
        """Every set, sorted, the sets in order of their first item."""
        out: dict[T, list[T]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return sorted(sorted(g) for g in out.values())
