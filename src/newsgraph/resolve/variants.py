"""Variants of one person's name across a story's articles: the ``actor-merge`` rules ``name-tail`` and
``given-name-variant``, run by ``actors.cluster_actors`` after the key rules (so "Comeaux" then finds one full
name once "Joseph Comeaux Jr." is "Arcade Joseph Comeaux Jr."). Never two different given names of one
surname ("Donald Trump" / "Melania Trump"), nor a surname three people bear.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Protocol

from .. import names
from ..model import LocalEntity
from ..rules import rule

EntityRef = tuple[str, int]  # (article id, local entity index)


class UnionFind(Protocol):
    def find(self, x: EntityRef) -> EntityRef: ...


@rule("actor-merge", "name-tail", "a person's name of two or more words joins the one longer name of the story it ends",
      "Lo Presti (a) / Gaetano Lo Presti (b); Joseph Comeaux Jr. (a) / Arcade Joseph Comeaux Jr. (b)")
def _tail_of(short: str, long: str) -> bool:
    """Whether the words of ``short`` end ``long`` (and are fewer)."""
    s, l = short.split(), long.split()
    return 1 < len(s) < len(l) and l[-len(s):] == s


def attach_name_tails(entities: dict[EntityRef, LocalEntity], by_full: dict[str, list[EntityRef]], uf: UnionFind,
                       join: Callable[[EntityRef, EntityRef, str], None]) -> None:
    """Compound surnames ("Lo Presti") and a middle name used as the given name: the surname rule reads one word."""
    people = {k for k, group in by_full.items() if any(entities[r].type == "PERSON" for r in group)}
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in sorted(people):
        by_last[k.split()[-1]].append(k)
    for k in sorted(people):
        fits = {uf.find(by_full[long][0]) for long in by_last[k.split()[-1]] if _tail_of(k, long)}
        if len(fits) == 1 and uf.find(by_full[k][0]) not in fits:
            join(next(iter(fits)), by_full[k][0], _tail_of.rule.name)  # type: ignore[attr-defined]


@rule("actor-merge", "given-name-variant", "two people of the story with the one surname only they bear and given "
      "names that are a short form or a misspelling of one another", "Alexis Grigoropoulos / Alexandros "
      "Grigoropoulos; Matt Smith / Matthew Smith (not Donald Trump / Melania Trump)")
def _variant(a: str, b: str) -> bool:
    """Given names one of which shortens or misspells the other ("Fred"/"Frederick", "Alexis"/"Alexandros",
    "Jermaine"/"Jermayne"); not names a letter or two apart at the end, which are often a man's and a woman's
    ("Paul"/"Paula", "Daniel"/"Danielle", "Alexander"/"Alexandra")."""
    short, long = sorted((a, b), key=lambda w: (len(w), w))
    if long.startswith(short):
        return len(short) >= 3 and len(long) - len(short) >= 3
    prefix = len(os.path.commonprefix([a, b]))
    if max(len(a), len(b)) - prefix <= 2:
        return False
    return prefix >= 4 or SequenceMatcher(None, a, b).ratio() >= 0.8


def attach_given_name_variants(entities: dict[EntityRef, LocalEntity], by_full: dict[str, list[EntityRef]], uf: UnionFind,
                                join: Callable[[EntityRef, EntityRef, str], None]) -> None:
    by_surname: dict[str, set[EntityRef]] = defaultdict(set)  # surname -> roots of the people bearing it
    given: dict[EntityRef, set[str]] = defaultdict(set)
    genders: dict[EntityRef, set[str]] = defaultdict(set)  # from the names as written (keys are transliterated)
    for k, group in by_full.items():
        if any(entities[r].type == "PERSON" for r in group) and len(k.split()) == 2:
            root = uf.find(group[0])
            by_surname[k.split()[-1]].add(root)
            given[root].add(k.split()[0])
            genders[root] |= {names.gender(w[0]) for r in group for n in entities[r].names if (w := names.name_words(n))}
    for surname, roots in sorted(by_surname.items()):
        roots = {uf.find(r) for r in roots}
        if len(roots) != 2:
            continue
        a, b = sorted(roots)
        if len((genders[a] | genders[b]) - {""}) < 2 and any(_variant(x, y) for x in given[a] for y in given[b]):
            join(a, b, _variant.rule.name)  # type: ignore[attr-defined]
