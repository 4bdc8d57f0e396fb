"""What the two learned merge steps share: their weights, the story's word weights, candidate pairs and the
best-first joining.

The rules merge what lexicons and names prove; what is left are one actor or one happening worded so
differently that no rule relates the words ("a police blitz" / "a police bust", "Mo Cheeks" / "Maurice
Cheeks", "the driver" / "the man"). A pairwise logistic regression over the evidence around them (their
sentences' rare words and actors, their roles, their place in the article) decides those, as issue 12 asks:
``event_pairs`` and ``actor_pairs`` hold the features, ``tools/train_pairs.py`` fits the weights on the ECB+
development topics and writes ``data/event_pairs.json`` and ``data/actor_pairs.json`` (docs/quality.md).
Pairs are joined best first, never two groups that share an article (what one article tells apart stays
apart), so the result does not depend on the order of the articles.

Pure: no spaCy and no scikit-learn at run time (the weights are read as numbers).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..errors import DataError
from ..model import Extraction
from .unionfind import UnionFind

#: A word of a sentence, for the sentences' word overlap.
_WORD = re.compile(r"[a-z][a-z'-]+")
#: A key (an actor, a word, a meaning) shared by more items of a story than this says nothing about a pair:
#: it is left out of the candidate search, so a story of any size makes few pairs.
MAX_BLOCK = 200
#: How many partners, those with the most keys in common, each item is scored against.
PER_ITEM = 10
#: An article's lead: the sentences where its main happening is stated (the rules' same-participants, and the
#: learned steps' lead features).
LEAD_SENTENCES = 2

SentenceKey = tuple[str, int]  # (article id, sentence index)


@dataclass(frozen=True)
class Scorer:
    """A logistic regression over standardised features, and the probability from which a pair joins."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, values: Sequence[float]) -> float:
        z = self.intercept + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, values, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-z))


@cache
def scorer(name: str, features: tuple[str, ...]) -> Scorer:
    """The shipped weights ``data/<name>.json``, which must be for ``features`` in this order."""
    path = files("newsgraph") / "data" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = Scorer(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]),
                       float(data["intercept"]), float(data["threshold"]))
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{path}: unreadable pair weights ({exc})") from exc
    if found.features != features or not len(found.mean) == len(found.scale) == len(found.weights) == len(features):
        raise DataError(f"{path}: weights for {list(found.features)}, not newsgraph's {list(features)}: "
                        "retrain them (python tools/train_pairs.py)")
    return found


class StoryWords:
    """The words of a story's sentences, weighted by rarity in the story (tf-idf): a word every sentence has
    weighs nothing, a word two sentences share ties them."""

    def __init__(self, docs: Mapping[str, Extraction]) -> None:
        self._bags: dict[SentenceKey, Counter[str]] = {}
        for doc_id, ex in docs.items():
            text = ex.article.text
            for k, s in enumerate(ex.sentences):
                self._bags[(doc_id, k)] = Counter(w for w in _WORD.findall(text[s.start:s.end].lower()) if len(w) > 2)
        df = Counter(w for bag in self._bags.values() for w in bag)
        self._idf = {w: math.log((1 + len(self._bags)) / (1 + n)) for w, n in df.items()}

    def vector(self, sentences: Iterable[SentenceKey]) -> dict[str, float]:
        """The unit tf-idf vector of some sentences, each counted once."""
        weights: dict[str, float] = defaultdict(float)
        for key in sorted(set(sentences)):
            for w in self._bags.get(key, ()):
                weights[w] += self._idf[w]
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in sorted(weights.items())}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large.get(w, 0.0) for w, v in small.items())


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def candidates(keys: Sequence[Iterable[str]], articles: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """The pairs worth scoring: no article in common, and keys in common (a key more than ``MAX_BLOCK`` items
    share is left out); of those, each item's ``PER_ITEM`` partners with the most keys in common (then the
    first), so the pairs grow with the story's size, not its square."""
    index: dict[str, list[int]] = defaultdict(list)
    for k, item_keys in enumerate(keys):
        for key in sorted(set(item_keys)):
            index[key].append(k)
    shared: Counter[tuple[int, int]] = Counter()
    for posting in index.values():
        if len(posting) <= MAX_BLOCK:
            shared.update((i, j) for x, i in enumerate(posting) for j in posting[x + 1:]
                          if not articles[i] & articles[j])
    ranked: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (i, j), n in shared.items():
        ranked[i].append((-n, j))
        ranked[j].append((-n, i))
    kept = {(min(k, j), max(k, j)) for k, partners in ranked.items() for _n, j in sorted(partners)[:PER_ITEM]}
    return sorted(kept)


def scored(model: Scorer, pairs: Iterable[tuple[int, int]],
           features: Callable[[int, int], Sequence[float]]) -> list[tuple[float, int, int]]:
    """Each pair with its probability, (p, i, j), best first (ties in the items' order)."""
    return sorted(((model.probability(features(i, j)), i, j) for i, j in pairs), key=lambda pij: (-pij[0], pij[1], pij[2]))


def best_first(scores: Sequence[tuple[float, int, int]], threshold: float, articles: Sequence[frozenset[str]],
               apart: Callable[[set[int], set[int]], bool], one_candidate: bool = False) -> list[tuple[int, int]]:
    """The pairs to join as (kept, joined) group roots, best first: each pair of ``scores`` (``scored``) at or
    above ``threshold`` whose two groups share no article and are not ``apart`` (given the two groups'
    members). With ``one_candidate``, an item with two such partners that are two (one article names both, or
    they are ``apart``: "Trump" / "Donald Trump" and "Melania Trump") joins neither, as the name rules do; an
    article often names one happening twice without the rules joining them, so events do without."""
    kept = [(p, i, j) for p, i, j in scores if p >= threshold]
    partners: dict[int, list[int]] = defaultdict(list)
    for _p, i, j in kept:
        partners[i].append(j)
        partners[j].append(i)
    torn = {k for k, ps in partners.items() if one_candidate
            and any(articles[x] & articles[y] or apart({x}, {y}) for n, x in enumerate(ps) for y in ps[n + 1:])}
    kept = [(p, i, j) for p, i, j in kept if i not in torn and j not in torn]
    uf = UnionFind(range(len(articles)))
    seen = [set(a) for a in articles]
    members = [{k} for k in range(len(articles))]
    out = []
    for _p, i, j in kept:
        a, b = sorted((uf.find(i), uf.find(j)))
        if a == b or seen[a] & seen[b] or apart(members[a], members[b]):
            continue
        uf.union(a, b)  # a, the smaller, stays the root
        seen[a] |= seen[b]
        members[a] |= members[b]
        out.append((a, b))
    return out


def groups(n: int, joined: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The items ``best_first`` makes one, each group sorted, the groups in order of their first item."""
    uf = UnionFind(range(n))
    for a, b in joined:
        uf.union(a, b)
    return uf.groups()
