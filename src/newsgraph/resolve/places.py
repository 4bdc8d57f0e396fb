"""A place that stands for an organisation of the story: the ``actor-merge`` rule ``home-team``, run by
``actors.cluster_actors`` after the name rules. Sports and business copy names a team or a club by its city
("New Orleans beat Atlanta" for the New Orleans Saints); a place counts as such only where it acts (an agent
or patient of an event: a setting never is) and where exactly one organisation of the story is named after it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container

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


#: Entity types of a name a qualifier may stand before (the model tags a branch or a facility either way).
_ORGANISATION_TYPES = frozenset({"ORG", "FAC"})


@rule("actor-merge", "qualified-name", "an organisation or facility named with a place or organisation of the story "
      "(or a country of the place table) before a name of two words or more that the story also uses "
      "alone is that organisation (\"Malibu Promises Treatment Center\" / \"Promises Treatment Center\"); not when "
      "two qualifiers each go with the name",
      "Boston Red Sox (a) / Red Sox (b); U.N. Security Council (a) / Security Council (b); U.S. Federal Trade "
      "Commission (a) / Federal Trade Commission (b)")
def _qualified(name: str, qualifies: Callable[[str], bool], alone: Container[str]) -> tuple[str, str] | None:
    """The qualifier and the name ``name`` (a key) stands for without it, or None: a leading place or organisation
    (a key ``qualifies`` accepts) and the words after it, two at least, a name of ``alone`` ("U.S. Army Corps of
    Engineers" is the Corps of Engineers of the U.S. Army, when the story names the Corps alone)."""
    words = name.split()
    for cut in range(1, len(words) - 1):
        prefix, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if qualifies(prefix) and rest in alone:
            return prefix, rest
    return None


def attach_qualified_names(entities: dict[EntityRef, LocalEntity], uf: UnionFind[EntityRef], join: Join) -> None:
    """English names put their head last: "Boston Red Sox" is the Red Sox of Boston, "U.N. Security Council"
    the Security Council of the U.N., as "Boston Herald" is no Boston. Only names the story also uses alone,
    and only a qualifier the story names as a place or an organisation of its own, or a country of the place
    table, which a national agency carries whether or not the story names the country apart ("US National
    Hurricane Center" / "National Hurricane Center"); one qualifier however spelt ("U.N." / "United Nations",
    one actor by then)."""
    qualifiers: dict[str, set[EntityRef]] = defaultdict(set)  # a place's or organisation's key -> its entities
    alone: dict[str, set[EntityRef]] = defaultdict(set)  # an organisation's or facility's name key -> its entities
    for ref, ent in entities.items():
        for n in ent.names:
            if not (k := names.key(n)):
                continue
            if ent.type in {"GPE", "LOC", "ORG"}:
                qualifiers[k].add(ref)
            if ent.type in _ORGANISATION_TYPES:
                alone[k].add(ref)
    longs: dict[str, set[EntityRef]] = defaultdict(set)  # short -> the entities of its qualified names
    owners: dict[str, set[object]] = defaultdict(set)  # short -> the actors (or countries) that qualify it
    def qualifies(prefix: str) -> bool:
        return prefix in qualifiers or names.country(prefix) is not None

    for long, refs in sorted(alone.items()):
        if (found := _qualified(long, qualifies, alone)) is not None:
            prefix, short = found
            longs[short] |= refs
            # one owner however the qualifier is known: a country of the table by its canonical name
            known = names.country(prefix)
            owners[short] |= {known} if known is not None else {uf.find(r) for r in qualifiers[prefix]}
    for short in sorted(longs):
        targets = {uf.find(r) for r in alone[short]}
        if len(owners[short]) != 1 or len(targets) != 1:
            continue  # two qualifiers go with the name ("Malibu ..." and "Pasadena ..."): two branches, maybe
        base = next(iter(targets))
        for ref in sorted(longs[short]):
            if uf.find(ref) != uf.find(base):
                join(base, ref, _qualified.rule.name)  # type: ignore[attr-defined]
