"""A place that stands for an organisation of the story: the ``actor-merge`` rule ``home-team``, run by
``actors.cluster_actors`` after the name rules. Sports and business copy names a team or a club by its city
("New Orleans beat Atlanta" for the New Orleans Saints); a place counts as such only where it acts (an agent
or patient of an event: a setting never is) and where exactly one organisation of the story is named after it.
"""

from __future__ import annotations

from collections import defaultdict

from .. import names
from ..lexicon import ACTOR_NOUNS, LEGAL_FORMS, NOT_NICKNAMES, ORG_FUNCTION_WORDS
from ..model import EntityRef, Extraction, LocalEntity
from ..rules import rule
from .unionfind import Join, UnionFind


@rule("actor-merge", "home-team", "a place that acts (an event's agent or patient) is the one team of the story named "
      "after it: the place and a plural nickname the story also uses alone (\"New Orleans\" / \"New Orleans Saints\" "
      "/ \"the Saints\"); two such teams, neither", "New Orleans (a) have decided to rest him / the New Orleans Saints (b) "
      "placed Reggie Bush on injured reserve; the Saints (c)")
def _named_after(place: str, org: str, alone: set[str]) -> bool:
    """Whether the organisation's name ``org`` is the place key ``place`` followed by a nickname of one or two
    words ending in a plural ("Saints", "Tar Heels") that is also a name of the story on its own (``alone``:
    name keys), not by a description ("Department of Criminal Justice", "Public Safety", "Daily News")."""
    p, o = place.split(), names.key(org).split()
    rest = names.fold(org).split()[-(len(o) - len(p)):] if len(o) > len(p) else []
    return (o[: len(p)] == p and 0 < len(rest) <= 2 and " ".join(o[len(p):]) in alone
            and rest[-1].endswith("s") and rest[-1] not in NOT_NICKNAMES
            and not any(w in ORG_FUNCTION_WORDS or w in LEGAL_FORMS for w in rest)
            and ACTOR_NOUNS.get(rest[-1].removesuffix("s")) != "ORG" and ACTOR_NOUNS.get(rest[-1]) != "ORG")


def acting(docs: dict[str, Extraction]) -> set[EntityRef]:
    """The local entities that are an agent or patient of some event of their article."""
    return {(d, i) for d, ex in docs.items() for ev in ex.events for i in (*ev.agents, *ev.patients)}


def attach_home_teams(entities: dict[EntityRef, LocalEntity], docs: dict[str, Extraction], uf: UnionFind[EntityRef],
                      join: Join) -> None:
    orgs: dict[str, dict[str, set[EntityRef]]] = defaultdict(lambda: defaultdict(set))  # first word -> name -> entities
    alone = {names.key(n) for ent in entities.values() for n in ent.names}
    for ref, ent in entities.items():
        if ent.type == "ORG":
            for n in ent.names:
                if words := names.key(n).split():
                    orgs[words[0]][n].add(ref)
    for ref in sorted(acting(docs)):
        place = entities.get(ref)
        if place is None or place.type not in {"GPE", "LOC"} or not place.names:
            continue
        places = {names.key(n) for n in place.names}
        fits = {uf.find(r) for p in places if p for o, refs in orgs.get(p.split()[0], {}).items()
                if _named_after(p, o, alone) for r in refs}
        if len(fits) == 1 and uf.find(ref) not in fits:
            join(next(iter(fits)), ref, _named_after.rule.name)  # type: ignore[attr-defined]


#: Entity types an organisation's qualified name may have (the model tags a branch or a facility either way).
_NAMED_PLACES = frozenset({"ORG", "FAC"})


@rule("actor-merge", "qualified-name", "an organisation or facility named with a place or organisation of the story "
      "before a name of two words or more that the story also uses alone is that organisation (\"Malibu Promises "
      "Treatment Center\" / \"Promises Treatment Center\"); not when two qualifiers each go with the name",
      "Boston Red Sox (a) / Red Sox (b); U.N. Security Council (a) / Security Council (b)")
def _qualified(name: str, qualifiers: set[str]) -> str | None:
    """The name ``name`` (a key) stands for without its qualifier, or None: the words after a leading place or
    organisation of ``qualifiers`` (keys), two words at least."""
    words = name.split()
    for cut in range(1, len(words) - 1):
        if " ".join(words[:cut]) in qualifiers:
            return " ".join(words[cut:])
    return None


def attach_qualified_names(entities: dict[EntityRef, LocalEntity], uf: UnionFind[EntityRef], join: Join) -> None:
    """English names put their head last: "Boston Red Sox" is the Red Sox of Boston, "U.N. Security Council"
    the Security Council of the U.N., as "Boston Herald" is no Boston. Only names the story also uses alone,
    and only a qualifier the story names as a place or an organisation of its own."""
    qualifiers = {k for ent in entities.values() if ent.type in {"GPE", "LOC", "ORG"} for n in ent.names
                  if (k := names.key(n))}
    alone: dict[str, set[EntityRef]] = defaultdict(set)  # an organisation's name key -> its entities
    for ref, ent in entities.items():
        if ent.type in _NAMED_PLACES:
            for n in ent.names:
                alone[names.key(n)].add(ref)
    qualified: dict[str, dict[str, set[EntityRef]]] = defaultdict(lambda: defaultdict(set))  # short -> long -> refs
    for long, refs in sorted(alone.items()):
        short = _qualified(long, qualifiers)
        if short is not None and short in alone:
            qualified[short][long] |= refs
    for short, longs in sorted(qualified.items()):
        targets = {uf.find(r) for r in alone[short]}
        if len(longs) != 1 or len(targets) != 1:
            continue  # two qualifiers go with the name ("Malibu ..." and "Pasadena ..."): two branches, maybe
        base = next(iter(targets))
        for ref in sorted(next(iter(longs.values()))):
            if uf.find(ref) != uf.find(base):
                join(base, ref, _qualified.rule.name)  # type: ignore[attr-defined]
