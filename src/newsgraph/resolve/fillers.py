"""Actors found through the happenings they take part in: the ``actor-merge`` rule ``event-role``.

Once the story's events are known, one happening reported by two articles ("Comeaux escaped" / "the inmate
escaped") says who its described participant is: the one named actor of the same role and type. Event and
entity coreference inform each other (Lee et al., EMNLP 2012, "Joint entity and event coreference
resolution across documents"); here one pass, in a fixed order, so any order of articles gives one graph.
"""

from __future__ import annotations

from collections import defaultdict

from .. import names
from ..lexicon import (
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    GENERIC_PEOPLE,
    MALE_NOUNS,
    MALE_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    plural_noun,
)
from ..model import Actor, EntityRef, Event, Extraction
from ..rules import rule
from .unionfind import UnionFind


def _named(actor: Actor, docs: dict[str, Extraction]) -> bool:
    return any(docs[d].mentions[i].kind == "NAME" for d, i in actor.mentions)


def _singular(actor: Actor, docs: dict[str, Extraction]) -> bool:
    """Every mention a singular noun or a singular pronoun: "the inmate", "he"; not "officials", "two women",
    "they", nor a word for people in general ("people", "family")."""
    for d, i in actor.mentions:
        m = docs[d].mentions[i]
        last = m.text.split()[-1].lower() if m.text.split() else ""
        if m.kind == "PRONOUN" and last in PLURAL_PRONOUNS | RELATIVE_PRONOUNS | {"whose"}:
            return False
        if m.kind == "NOMINAL" and (plural_noun(m.text, m.head) or m.head in GENERIC_PEOPLE):
            return False
    return True


def genders(actor: Actor, docs: dict[str, Extraction]) -> set[str]:
    """The genders its given names, pronouns and nouns give it ("Peter Lynch", "he", "a son": m; "she", "the
    mother": f)."""
    out = set()
    for d, i in actor.mentions:
        m = docs[d].mentions[i]
        if m.kind == "NAME" and len(words := names.name_words(m.text)) > 1 and names.gender(words[0]):
            out.add(names.gender(words[0]))
        word = m.text.split()[-1].lower() if m.text.split() else ""
        if word in FEMALE_PRONOUNS or (m.kind == "NOMINAL" and m.head in FEMALE_NOUNS):
            out.add("f")
        elif word in MALE_PRONOUNS or (m.kind == "NOMINAL" and m.head in MALE_NOUNS):
            out.add("m")
    return out


def _articles(actor: Actor) -> set[str]:
    return {d for d, _i in actor.mentions}


@rule("actor-merge", "event-role", "an actor known only by a singular description is the one named actor of the same "
      "type and gender that takes the same role (agent or patient) in one happening another article reports; two "
      "descriptions of one article given to the same name join neither",
      "Comeaux escaped from the van (a) / the inmate escaped (b)")
def role_fillers(events: list[Event], docs: dict[str, Extraction], actors: dict[str, Actor],
                 actor_key: dict[EntityRef, str]) -> list[tuple[str, str]]:
    """(named actor key, described actor key) pairs to merge, in a fixed order. The named actor must take the
    role in an article that does not give it to the description (two agents of one sentence are two people);
    two descriptions of one article that would both join the name are two people, and join neither."""
    pairs: dict[str, set[str]] = defaultdict(set)  # described -> the named actors it shares a role with
    for event in sorted(events, key=lambda e: e.key):
        for role in (_by_article(event, docs, actor_key, "agents"), _by_article(event, docs, actor_key, "patients")):
            named = {k for k in role if _named(actors[k], docs)}
            for k in sorted(set(role) - named):
                actor = actors[k]
                its = genders(actor, docs)
                fits = {n for n in named if actors[n].type == actor.type and role[n] - role[k]
                        and not (its and genders(actors[n], docs) - its)}
                if fits and _singular(actor, docs):
                    pairs[k] |= fits
    chosen: dict[str, list[str]] = defaultdict(list)  # named -> the descriptions it takes
    for k, fits in sorted(pairs.items()):
        if len(fits) == 1:
            chosen[next(iter(fits))].append(k)
    out = []
    for n, described in sorted(chosen.items()):
        seen: set[str] = set()
        for k in described:
            if _articles(actors[k]) & seen:  # two descriptions of one article: it told them apart
                break
            seen |= _articles(actors[k])
        else:
            out += [(n, k) for k in described]
    return out


def _by_article(event: Event, docs: dict[str, Extraction], actor_key: dict[EntityRef, str], role: str) -> dict[str, set[str]]:
    """Actor key -> the articles whose mentions of ``event`` give it ``role``."""
    out: dict[str, set[str]] = defaultdict(set)
    for d, i in event.mentions:
        for local in getattr(docs[d].events[i], role):
            out[actor_key[(d, local)]].add(d)
    return out


def merge_clusters(clusters: list[list[EntityRef]], actor_key: dict[EntityRef, str], pairs: list[tuple[str, str]],
                   merged_by: dict[EntityRef, str], name: str) -> list[list[EntityRef]]:
    """The clusters with each pair's described actor joined to its named one (first refs record ``name``)."""
    by_key: dict[str, list[EntityRef]] = defaultdict(list)
    for refs in clusters:
        by_key[actor_key[refs[0]]].extend(refs)
    uf = UnionFind(sorted(by_key))
    for named, described in pairs:
        if uf.union(named, described):
            merged_by.setdefault(min(by_key[described]), name)
    return sorted(sorted(r for k in keys for r in by_key[k]) for keys in uf.groups())

