"""Described actors that are a named one of the story: the ``actor-merge`` rules ``role-title``, ``same-age`` and
``org-head``, run by ``actors.cluster_actors`` after the name rules. Each joins an actor known only by a
description ("the envoy", "a 66-year-old woman", "the department") to the one named actor of the story that an
article gives the same role, age or organisation head; with two candidates it joins neither.
"""

from __future__ import annotations

from collections import defaultdict

from .. import names
from ..lexicon import FEMALE_NOUNS, MALE_NOUNS
from ..model import EntityRef, LocalEntity
from ..rules import rule
from .unionfind import Join, UnionFind


@rule("actor-merge", "role-title", "an actor known only by a singular role noun (\"the envoy\", \"the biggest star\") is the "
      "one named person or organisation of the story that an article gives that role", "US envoy Steve Witkoff (003) / "
      "the envoy (000)")
def _role_of(description: str) -> str:
    """The role noun a description or title ends with ("U.S. special presidential envoy" -> "envoy")."""
    words = names.fold(description).split()
    return words[-1] if words else ""


def attach_roles(entities: dict[EntityRef, LocalEntity], uf: UnionFind[EntityRef], join: Join) -> None:
    holders: dict[tuple[str, bool], set[EntityRef]] = defaultdict(set)  # (role, person) -> roots given it
    for ref, ent in entities.items():
        if ent.names:
            for description in ent.descriptions:
                holders[_role_of(description), ent.type == "PERSON"].add(uf.find(ref))
    for ref, ent in sorted(entities.items()):
        if ent.names or ent.owner >= 0:
            continue
        role = names.fold(ent.name)
        singular = any(_role_of(d) == role for d in ent.descriptions)  # "the envoy", not "analysts"
        # roots as they are now: earlier role joins may have merged two holders
        fits = {uf.find(r) for r in holders.get((role, ent.type == "PERSON"), set())} - {uf.find(ref)}
        if singular and len(fits) == 1 and " " not in role:
            join(next(iter(fits)), ref, _role_of.rule.name)  # type: ignore[attr-defined]


@rule("actor-merge", "same-age", "a person known only by a description with an age (\"a 66-year-old woman\") is the one "
      "named person of the story given that age, when their genders do not differ", "LuAnn Marie Johnson, 66 (a) / a "
      "66-year-old woman (b)")
def _gender(ent: LocalEntity) -> str:
    """What a person's given name or description says of its gender: "m", "f" or ""."""
    if ent.names:
        words = names.name_words(names.preferred_name(ent.names))
        return (names.gender(words[0]) or "") if len(words) > 1 else ""
    heads = {names.fold(d).split()[-1] for d in ent.descriptions if d.split()}
    return "f" if heads & FEMALE_NOUNS else "m" if heads & MALE_NOUNS else ""


def attach_ages(entities: dict[EntityRef, LocalEntity], uf: UnionFind[EntityRef], join: Join) -> None:
    holders: dict[int, set[EntityRef]] = defaultdict(set)  # age -> the named people given it
    for ref, ent in entities.items():
        if ent.names and ent.type == "PERSON" and ent.age >= 0:
            holders[ent.age].add(ref)
    for ref, ent in sorted(entities.items()):
        if ent.names or ent.owner >= 0 or ent.type != "PERSON" or ent.age < 0:
            continue
        fits = {uf.find(r) for r in holders.get(ent.age, set())} - {uf.find(ref)}
        if len(fits) != 1:
            continue
        named = next(iter(fits))
        genders = {_gender(entities[r]) for r in holders[ent.age] if uf.find(r) == named} | {_gender(ent)}
        if len(genders - {""}) < 2:
            join(named, ref, _gender.rule.name)  # type: ignore[attr-defined]


@rule("actor-merge", "org-head", "an organisation known only by a singular common noun (\"the department\", \"state "
      "police\") is the one named organisation of the story whose name ends with that noun and holds its other words",
      "Interior Department (a) / the department (b); Oregon State Police (a) / state police (b)")
def _org_words(ent: LocalEntity) -> tuple[str, ...]:
    """The folded words of a described organisation ("state police" -> ("state", "police"))."""
    return tuple(names.fold(ent.name).split())


def attach_org_heads(entities: dict[EntityRef, LocalEntity], uf: UnionFind[EntityRef], join: Join) -> None:
    by_head: dict[str, set[EntityRef]] = defaultdict(set)  # the last word of an organisation's name -> its entities
    words_of: dict[EntityRef, set[str]] = defaultdict(set)  # a named organisation -> the words of its names
    for ref, ent in entities.items():
        if ent.names and ent.type == "ORG":
            for n in ent.names:
                name_words = names.fold(n.replace("-", " ")).split()
                if len(name_words) > 1:
                    by_head[name_words[-1]].add(ref)
                    words_of[ref].update(name_words)
    for ref, ent in sorted(entities.items()):
        if ent.names or ent.owner >= 0 or ent.type != "ORG":
            continue
        words = _org_words(ent)
        if not words or not any(d.split()[-1:] == [words[-1]] for d in map(names.fold, ent.descriptions)):
            continue  # a plural ("departments") is no one organisation
        fits = {uf.find(r) for r in by_head.get(words[-1], set()) if set(words) <= words_of[r]}
        if len(fits) == 1 and uf.find(ref) not in fits:
            join(next(iter(fits)), ref, _org_words.rule.name)  # type: ignore[attr-defined]
