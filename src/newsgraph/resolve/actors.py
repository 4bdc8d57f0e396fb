"""Which actors of a story's articles are one actor: the ``actor-merge`` rules.

A missed merge becomes a false "only one source" claim, so the rules merge every name variant the evidence
supports, and refuse the merges that would join two different people. Two kinds of rule, in order:
- **key** rules give each article's actor keys; actors sharing a key of one rule are one actor (full name,
  alias, one-word name, description, compact spelling);
- **one-word** rules attach an actor known by one word only to the one full name of the story it is the
  surname, first name or acronym of; with two candidates ("Donald Trump", "Melania Trump") it joins neither.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar

from .. import names
from ..iris import slug
from ..lexicon import FEATURE_WORDS, GROUP_SYNONYM_KEY, LEADER_TITLES, ORG_FUNCTION_WORDS, plural_noun
from ..model import Actor, EntityRef, Extraction, LocalEntity
from ..rules import appending, rule
from .described import attach_ages, attach_org_heads, attach_roles
from .places import acting, attach_home_teams, attach_qualified_names
from .unionfind import Join, UnionFind
from .variants import (
    attach_clipped_names,
    attach_given_name_variants,
    attach_name_tails,
    attach_spelling_variants,
    attach_spelt_out,
)

T = TypeVar("T")

KeyRule = Callable[[LocalEntity], Iterable[str]]
KEY_RULES: list[KeyRule] = []


_key_rule = appending(KEY_RULES, "actor-merge")


def _keys(entity: LocalEntity) -> tuple[set[str], set[str]]:
    """(full-name keys, one-word keys) of a local entity."""
    keys = {names.canonical(n) for n in entity.names}
    return {k for k in keys if " " in k}, {k for k in keys if " " not in k}


@_key_rule("full-name", "two articles use the same full name, up to spelling and transliteration; a middle name "
           "is not needed", "Volodymyr Zelenskyy / Volodymyr Zelensky; LuAnn Marie Johnson / Luann Johnson")
def full_name(ent: LocalEntity) -> Iterable[str]:
    if not ent.names:
        return
    for k in _keys(ent)[0]:
        yield k
        words = k.split()
        if len(words) > 2 and ent.type == "PERSON":
            yield f"{words[0]} {words[-1]}"


@_key_rule("alias", "the place table names one state or organisation", "U.S. / US / the United States")
def alias(ent: LocalEntity) -> Iterable[str]:
    for n in ent.names:
        known = names.place(n)
        if known:
            yield known[1]


@_key_rule("same-name", "articles that only ever use one word for an actor, the same word", "Zelenskiy / Zelenskyy")
def same_name(ent: LocalEntity) -> Iterable[str]:
    full, single = _keys(ent)
    return single if ent.names and not full else ()


@_key_rule("same-description", "actors known only by a description, the same one", "Ukrainian forces / Ukrainian forces")
def same_description(ent: LocalEntity) -> Iterable[str]:
    return () if ent.names or ent.owner >= 0 else (names.fold(ent.name),)


@_key_rule("synonym-description", "a group known only by a plural description, and a group of a synonymous plural "
           "(WordNet's near synonyms, lexicon.GROUP_SYNONYMS)", "10 persons / two people; officials / authorities; "
           "affected customers / users")
def synonym_description(ent: LocalEntity) -> Iterable[str]:
    if ent.names or ent.owner >= 0:
        return ()
    lemma = names.fold(ent.name)
    plural = any(names.fold(d).split() and plural_noun(names.fold(d), lemma) for d in ent.descriptions) or lemma == "people"
    group = GROUP_SYNONYM_KEY.get(lemma)
    return (f"group of {group}",) if plural and group else ()


_FEATURE_KEYS = frozenset(names.key(w) for w in FEATURE_WORDS)  # as name keys spell them ("mount" -> "munt")


@_key_rule("feature-name", "a natural feature's name with or without its kind of feature (the bare name tagged a "
           "location, not a state or city)",
           "Qeshm Island / Qeshm; Lake Tahoe / Tahoe")
def feature_name(ent: LocalEntity) -> Iterable[str]:
    if ent.type not in {"GPE", "LOC", "FAC"}:
        return ()
    out = []
    for n in ent.names:
        words = names.key(n).split()
        core = [w for i, w in enumerate(words) if not (w in _FEATURE_KEYS and i in {0, len(words) - 1})]
        bare = len(words) == 1 and words[0] not in _FEATURE_KEYS and ent.type == "LOC"  # not "Michigan" (GPE)
        if core and len(core) < len(words) or bare:
            out.append("feature:" + " ".join(core))
    return out


@_key_rule("compact-spelling", "an organisation written with or without spaces", "SeaMicro / Sea Micro")
def compact_spelling(ent: LocalEntity) -> Iterable[str]:
    if not ent.names or ent.type == "PERSON":
        return ()
    full, single = _keys(ent)
    return [k.replace(" ", "") for k in full | single]


@_key_rule("word-order", "an organisation's name with the same content words in another order or number",
           "Central Commission for Elections / Central Elections Commission")
def word_order(ent: LocalEntity) -> Iterable[str]:
    if not ent.names or ent.type == "PERSON":
        return ()
    out = []
    for k in _keys(ent)[0]:
        words = sorted({_stem(w) for w in k.split() if w not in ORG_FUNCTION_WORDS})
        if len(words) > 1:
            out.append("words:" + " ".join(words))
    return out


def _stem(word: str) -> str:
    """A word without its plural ending ("elections" -> "election")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def cluster_actors(docs: dict[str, Extraction]) -> tuple[list[list[EntityRef]], dict[EntityRef, str]]:
    """The story's actors as clusters of article-level entities, and the rule that attached each entity."""
    entities = {(d, e.index): e for d, ex in docs.items() for e in ex.entities}
    uf = UnionFind(sorted(entities))
    merged_by: dict[EntityRef, str] = {}

    def join(base: EntityRef, attached: EntityRef, name: str) -> None:
        if uf.union(base, attached):
            merged_by[attached] = name

    groups: dict[str, dict[str, list[EntityRef]]] = {}
    for key_rule in KEY_RULES:
        by_key: dict[str, list[EntityRef]] = defaultdict(list)
        for ref, ent in sorted(entities.items()):
            for k in key_rule(ent):
                by_key[k].append(ref)
        groups[key_rule.rule.name] = by_key  # type: ignore[attr-defined]
    for name, by_key in groups.items():
        for group in by_key.values():
            for ref in group[1:]:
                join(group[0], ref, name)
    attach_spelt_out(docs, entities, uf, join)
    attach_name_tails(entities, groups["full-name"], uf, join)  # first: "Comeaux" then finds one full name
    attach_given_name_variants(entities, groups["full-name"], uf, join)
    attach_spelling_variants(entities, uf, join)
    attach_clipped_names(entities, groups["full-name"], uf, join)
    attach_qualified_names(entities, uf, join)  # first: "Church" then finds one "Wasilla Bible Church"
    _attach_one_word_names(entities, groups["full-name"], groups["same-name"], uf, join)
    attach_home_teams(entities, docs, uf, join)
    _attach_leader_governments(entities, docs, uf, join)
    attach_roles(entities, uf, join)
    attach_ages(entities, uf, join)
    attach_org_heads(entities, uf, join)
    clusters: dict[EntityRef, list[EntityRef]] = defaultdict(list)
    for ref in sorted(entities):
        clusters[uf.find(ref)].append(ref)
    return sorted(clusters.values()), merged_by


@rule("actor-merge", "surname", "a one-word name joins the one full name of the story it ends",
      "Witkoff (003) / Steve Witkoff (000)")
def _surname_index(key: str, people: bool) -> str | None:
    return key.split()[-1]


@rule("actor-merge", "first-name", "a person's one-word name joins the one full name of the story it starts",
      "Matt (001) / Matt Smith (002)")
def _first_name_index(key: str, people: bool) -> str | None:
    return key.split()[0] if people else None


@rule("actor-merge", "acronym", "an organisation's one-word name (five letters at most) joins the one organisation "
      "of the story whose initials it spells", "HP (001) / Hewlett-Packard (002)")
def _acronym_index(name: str, people: bool) -> str | None:
    """Read on names as written (folded), not on keys: a key's spelling folds "KAA" to "ka", the initials of
    "Kenya Airways"."""
    return None if people else names.initials(names.fold(name).split()) or None


#: The one-word rules in the order tried, with whether each may apply to a one-word group and whether it reads
#: the names as written (else their keys).
_ONE_WORD: tuple[tuple[Callable[[str, bool], str | None], Callable[[str, bool], bool], bool], ...] = (
    (_surname_index, lambda word, people: True, False),
    (_first_name_index, lambda word, people: people, False),
    (_acronym_index, lambda word, people: not people and len(word) <= 5, True),
)


def _attach_one_word_names(entities, by_full, by_word, uf, join) -> None:  # type: ignore[no-untyped-def]
    """A one-word name joins the one full name of the story it is the surname, first name or acronym of.

    With two candidates ("Donald Trump", "Melania Trump") it joins neither.
    """
    indexes: list[dict[str, set[EntityRef]]] = [defaultdict(set) for _ in _ONE_WORD]
    types_of: dict[EntityRef, set[str]] = defaultdict(set)  # a full name's root -> its entities' types
    for k, group in by_full.items():
        root = uf.find(group[0])
        types_of[root] |= {entities[r].type for r in group}
        people = any(entities[r].type == "PERSON" for r in group)
        written = {n for r in group for n in entities[r].names}
        for (index_of, _allowed, as_written), index in zip(_ONE_WORD, indexes):
            for word in filter(None, (index_of(n, people) for n in written) if as_written else [index_of(k, people)]):
                index[word].add(root)
    for word, group in sorted(by_word.items()):
        if any(names.place(n) for r in group for n in entities[r].names):
            continue
        people = any(entities[r].type == "PERSON" for r in group)
        kinds = {entities[r].type for r in group}
        folded = {names.fold(n) for r in group for n in entities[r].names}
        for (index_of, allowed, as_written), index in zip(_ONE_WORD, indexes):
            candidates = {uf.find(r) for w in (folded if as_written else {word}) for r in index.get(w, set())}
            if "GPE" in kinds:  # a state is not the lake or party named after it; a person's surname may be mistagged
                candidates = {c for c in candidates if types_of[c] & (kinds | {"PERSON"})}
            if allowed(word, people) and len(candidates) == 1:
                join(next(iter(candidates)), group[0], index_of.rule.name)  # type: ignore[attr-defined]
                break
            if candidates:
                break  # ambiguous: two people of one surname stay apart from both


@rule("actor-merge", "leader-government", "a leader's government (\"Zelenskiy's government\") is the government of "
      "the state a title of the leader names (\"Ukrainian President\", \"Russia's Foreign Minister\"), else that "
      "leader's government in every article", "Zelenskiy's government (000) / Ukrainian officials (003), where 003 "
      "names Ukrainian President Volodymyr Zelenskyy")
def _government_key(ent: LocalEntity, state: str | None) -> str | None:
    """The key of a government: ``government of <state>`` ("ukraine"), or of its leader's actor."""
    if ent.owner < 0:
        words = ent.name.split()
        country = names.demonym(words[0]) if not ent.names and len(words) == 2 and words[1] == "government" else None
        return f"government of {names.fold(country)}" if country else None
    return f"government of {state}"


def _leader_state(ents: Iterable[LocalEntity]) -> str | None:
    """The state a leader's title names: a demonym or a place in a description headed by a leader's title."""
    for ent in ents:
        for description in sorted(ent.descriptions):
            words = [names.strip_possessive(w) for w in description.split()]
            if not words or names.fold(words[-1]) not in LEADER_TITLES:
                continue
            for word in words[:-1]:
                state = names.demonym(word) or ((p := names.place(word)) and p[0] == "GPE" and p[1]) or None
                if state:
                    return names.fold(state)
    return None


@rule("actor-merge", "capital-government", "a national capital that acts (an event's agent or patient: \"Moscow "
      "rejected the plan\") stands for its state's government, and joins the story's government of that state "
      "(\"Ukrainian officials\", a leader's government) where there is one",
      "Witkoff criticized Kyiv's insistence (000) / Ukrainian officials (003)")
def _capital_key(ent: LocalEntity) -> str | None:
    """The government key of a capital of the place table ("Kyiv" -> ``government of ukraine``): news names a
    government by its seat, and as a place of its own it would be a false single-source actor beside it."""
    countries = {names.capital_of(n) for n in ent.names} if ent.type == "GPE" else set()
    country = next(iter(countries)) if len(countries) == 1 else None  # every name a capital's ("Denzel Washington" none)
    return f"government of {names.fold(country)}" if country else None


def _seats(entities: dict[EntityRef, LocalEntity], docs: dict[str, Extraction], uf: UnionFind[EntityRef]) -> set[EntityRef]:
    """The capitals that stand for a government: every entity of their actor so far is a capital that acts (a
    setting elsewhere, "in Moscow", or a team named after it keeps the whole actor a place), and no other name
    of its article holds it ("Denzel Washington", "Paris Hilton") nor does its text go on with "state"."""
    acts = acting(docs)
    capital = {ref for ref, ent in entities.items() if _capital_key(ent) is not None}
    clusters: dict[EntityRef, set[EntityRef]] = defaultdict(set)
    for ref in entities:
        clusters[uf.find(ref)].add(ref)

    def seat(ref: EntityRef) -> bool:
        d, i = ref
        others = {n for j, e in enumerate(docs[d].entities) if j != i for n in e.names}
        text = docs[d].article.text
        return (ref in acts and not any(_extended(n, others) or _holds(n, others) for n in entities[ref].names)
                and not any(text[m.end:m.end + 6].lower() == " state" for m in docs[d].mentions if m.local == i))

    seated = {ref for ref in capital if seat(ref)}
    return {ref for ref in seated if clusters[uf.find(ref)] <= seated}


def _holds(name: str, others: set[str]) -> bool:
    """Whether another name holds ``name`` as a word ("Washington" in "Denzel Washington")."""
    k = names.key(name)
    return any(k in names.key(o).split() and names.key(o) != k for o in others)


def _attach_leader_governments(entities: dict[EntityRef, LocalEntity], docs: dict[str, Extraction],
                               uf: UnionFind[EntityRef], join: Join) -> None:
    members: dict[EntityRef, list[LocalEntity]] = defaultdict(list)
    for ref, ent in entities.items():
        members[uf.find(ref)].append(ent)
    by_key: dict[str, list[EntityRef]] = defaultdict(list)
    capitals = _seats(entities, docs, uf)
    for ref, ent in sorted(entities.items()):
        state = None
        if ent.owner >= 0:
            leader = uf.find((ref[0], ent.owner))
            state = _leader_state(members[leader]) or f"@{leader[0]}/{leader[1]}"
        key = _capital_key(ent) if ref in capitals else _government_key(ent, state)
        if key is not None:
            by_key[key].append(ref)
    for group in by_key.values():
        # described governments alone are same-description's; a capital alone stays a place
        if any(entities[r].owner >= 0 for r in group) or (capitals & set(group) and set(group) - capitals):
            base = next(r for r in group if r not in capitals)
            for ref in group:
                rule_name = _capital_key.rule.name if ref in capitals else _government_key.rule.name  # type: ignore[attr-defined]
                if ref != base:
                    join(base, ref, rule_name)


def build_actors(story: str, docs: dict[str, Extraction], clusters: list[list[EntityRef]]) -> tuple[list[Actor], dict[EntityRef, str]]:
    """One Actor per cluster, with its label, type, other names and mentions; and entity -> actor key."""
    built: list[tuple[str, str, tuple[str, ...], list[EntityRef]]] = []
    for refs in clusters:
        ents = [docs[d].entities[i] for d, i in refs]
        all_names = {n for e in ents for n in e.names}
        # a place that stands for an organisation named after it (home-team) does not name the organisation
        orgs = {n for e in ents if e.type == "ORG" for n in e.names}
        known = next((names.place(n) for n in sorted(all_names) if names.place(n) and not _extended(n, orgs)), None)
        # a capital that stands for its state's government (capital-government) does not name the government:
        # the state's described government does ("Ukrainian government"), else a leader's ("Zelenskiy's government")
        government = sorted((e.owner >= 0, e.name) for e in ents if not e.names and (
            e.owner >= 0 or e.name.endswith(" government")))
        if government and any(names.capital_of(n) for n in all_names):
            known = ("ORG", government[0][1])
        # a government goes by its state ("Ukrainian government") rather than by its leader's possessive
        described = {e.name for e in ents if e.owner < 0} or {e.name for e in ents}
        label = known[1] if known else names.preferred_name(all_names or described)
        built.append((label, _story_type(ents, docs, refs, known), tuple(sorted(all_names - {label})), refs))
    keys = unique_keys([(slug(label), typ) for label, typ, _alts, _refs in built])
    actor_key = {ref: key for (_l, _t, _a, refs), key in zip(built, keys) for ref in refs}
    mentions_of: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for d, ex in docs.items():
        for i, m in enumerate(ex.mentions):
            mentions_of[actor_key[(d, m.local)]].append((d, i))
    actors = []
    for (label, typ, alts, _refs), key in zip(built, keys):
        mentions = tuple(mentions_of[key])
        rules = tuple(sorted({docs[d].mentions[i].rule for d, i in mentions}))
        actors.append(Actor(key, story, label, typ, alts, mentions, rules))
    return sorted(actors, key=lambda a: a.key), actor_key


def _extended(name: str, others: set[str]) -> bool:
    """Whether another name starts with all the words of ``name`` ("New Orleans" in "New Orleans Saints")."""
    k = names.key(name) + " "
    return any(names.key(o).startswith(k) for o in others)


def _story_type(ents: list[LocalEntity], docs: dict[str, Extraction], refs: list[EntityRef], known: tuple[str, str] | None) -> str:
    """A known place keeps its type; an article's person evidence wins; else the mentions' majority."""
    if known:
        return known[0]
    if any(e.type == "PERSON" for e in ents):
        return "PERSON"
    votes = Counter(e.type for e, (d, i) in zip(ents, refs) for m in docs[d].mentions if m.local == i)
    return min(votes.items(), key=lambda tv: (-tv[1], tv[0]))[0]


def unique_keys(wanted: list[tuple[str, str]]) -> list[str]:
    """Slugs made unique: a clash first takes the type, then a number, in a fixed order."""
    counts = Counter(k for k, _t in wanted)
    out: list[str] = []
    for k, t in wanted:
        key = k if counts[k] == 1 else f"{k}-{t.lower()}"
        n = 2
        base = key
        while key in out:
            key, n = f"{base}-{n}", n + 1
        out.append(key)
    return out
