"""Cross-article identity within a story: one node per actor and per happening, however many outlets report it.

A missed merge becomes a false "only one source" claim, so the rules merge every name variant the
evidence supports, and refuse the merges that would join two different people:

actors
- ``full-name``: two articles use the same full name, up to spelling and transliteration
  ("Volodymyr Zelenskyy" / "Volodymyr Zelensky");
- ``alias``: the place table names one state or organisation ("U.S." / "US" / "the United States");
- ``same-name``: articles that only ever use one word for an actor, the same word ("Zelenskiy" / "Zelenskyy");
- ``surname`` / ``first-name`` / ``acronym``: a one-word name joins the one full name of the story that
  ends or starts with it, or whose initials it spells; with two candidates ("Donald Trump", "Melania
  Trump") it joins neither;
- ``compact-spelling``: an organisation written with or without spaces ("SeaMicro" / "Sea Micro");
- ``same-description``: actors known only by a description, the same one ("Ukrainian forces").
events
- ``same-predicate`` / ``synonym`` / ``nominalisation``: the same kind of happening (lemma, synonym or
  nominalisation) with no clash of agents, patients or objects ("Witkoff left" / "Witkoff's departure").

Everything is decided on articles sorted by id, so the order articles arrive in never changes the graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from . import names
from .iris import slug
from .lexicon import event_class
from .model import Actor, Event, EventMention, Extraction, LocalEntity, Resolution

EntityRef = tuple[str, int]  # (article id, local entity index)


def resolve_story(story: str, extractions: Iterable[Extraction]) -> Resolution:
    """Resolve one story's articles into its actors and events."""
    docs = {ex.article.id: ex for ex in sorted(extractions, key=lambda e: e.article.id)}
    clusters, merged_by = _cluster_actors(docs)
    actors, actor_key = _actors(story, docs, clusters)
    actor_of = {}
    for doc_id, ex in docs.items():
        for i, m in enumerate(ex.mentions):
            ref = (doc_id, m.local)
            rule = m.rule if m.rule != "new" else merged_by.get(ref, "new")
            actor_of[(doc_id, i)] = (actor_key[ref], rule)
    events, event_of = _events(story, docs, actor_key, {a.key: a for a in actors})
    return Resolution(story, tuple(actors), tuple(events), actor_of, event_of)


# --- actors ----------------------------------------------------------------------------------------------
class _UnionFind:
    def __init__(self, items: Iterable[EntityRef]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: EntityRef) -> EntityRef:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: EntityRef, b: EntityRef) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        return True


def _keys(entity: LocalEntity) -> tuple[set[str], set[str]]:
    """(full-name keys, one-word keys) of a local entity."""
    keys = {names.canonical(n) for n in entity.names}
    return {k for k in keys if " " in k}, {k for k in keys if " " not in k}


_FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "&"})


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _FUNCTION_WORDS)


def _cluster_actors(docs: dict[str, Extraction]) -> tuple[list[list[EntityRef]], dict[EntityRef, str]]:
    entities = {(d, e.index): e for d, ex in docs.items() for e in ex.entities}
    uf = _UnionFind(sorted(entities))
    merged_by: dict[EntityRef, str] = {}

    def join(base: EntityRef, attached: EntityRef, rule: str) -> None:
        if uf.union(base, attached):
            merged_by[attached] = rule

    groups: dict[str, dict[str, list[EntityRef]]] = {
        rule: defaultdict(list) for rule in ("full-name", "alias", "same-name", "same-description", "compact-spelling")
    }
    for ref, ent in sorted(entities.items()):
        if not ent.names:  # an actor known only by a description ("Ukrainian forces")
            groups["same-description"][names.fold(ent.name)].append(ref)
            continue
        full, single = _keys(ent)
        for k in full:
            groups["full-name"][k].append(ref)
            words = k.split()
            if len(words) > 2 and ent.type == "PERSON":  # "LuAnn Marie Johnson" = "Luann Johnson"
                groups["full-name"][f"{words[0]} {words[-1]}"].append(ref)
        for n in ent.names:
            known = names.place(n)
            if known:
                groups["alias"][known[1]].append(ref)
        if not full:
            for k in single:
                groups["same-name"][k].append(ref)
        if ent.type != "PERSON":  # "SeaMicro" / "Sea Micro"
            for k in full | single:
                groups["compact-spelling"][k.replace(" ", "")].append(ref)
    for rule, by_key in groups.items():
        for group in by_key.values():
            for ref in group[1:]:
                join(group[0], ref, rule)
    _attach_one_word_names(entities, groups["full-name"], groups["same-name"], uf, join)
    clusters: dict[EntityRef, list[EntityRef]] = defaultdict(list)
    for ref in sorted(entities):
        clusters[uf.find(ref)].append(ref)
    return sorted(clusters.values()), merged_by


def _attach_one_word_names(entities, by_full, by_word, uf, join) -> None:  # type: ignore[no-untyped-def]
    """A one-word name joins the one full name of the story it is the surname, first name or acronym of.

    With two candidates ("Donald Trump", "Melania Trump") it joins neither.
    """
    surnames: dict[str, set[EntityRef]] = defaultdict(set)
    first_names: dict[str, set[EntityRef]] = defaultdict(set)
    acronyms: dict[str, set[EntityRef]] = defaultdict(set)
    for k, group in by_full.items():
        root = uf.find(group[0])
        people = any(entities[r].type == "PERSON" for r in group)
        surnames[k.split()[-1]].add(root)
        if people:
            first_names[k.split()[0]].add(root)
        else:
            acronyms[_initials(k)].add(root)
    for word, group in sorted(by_word.items()):
        if any(names.place(n) for r in group for n in entities[r].names):
            continue
        people = any(entities[r].type == "PERSON" for r in group)
        for rule, index, allowed in (("surname", surnames, True), ("first-name", first_names, people),
                                     ("acronym", acronyms, not people and len(word) <= 5)):
            candidates = {uf.find(r) for r in index.get(word, set())}
            if allowed and len(candidates) == 1:
                join(next(iter(candidates)), group[0], rule)
                break
            if candidates:
                break  # ambiguous: two people of one surname stay apart from both


def _actors(story: str, docs: dict[str, Extraction], clusters: list[list[EntityRef]]) -> tuple[list[Actor], dict[EntityRef, str]]:
    built: list[tuple[str, str, tuple[str, ...], list[EntityRef]]] = []
    for refs in clusters:
        ents = [docs[d].entities[i] for d, i in refs]
        all_names = {n for e in ents for n in e.names}
        known = next((names.place(n) for n in sorted(all_names) if names.place(n)), None)
        label = known[1] if known else names.preferred_name(all_names or {e.name for e in ents})
        built.append((label, _story_type(ents, docs, refs, known), tuple(sorted(all_names - {label})), refs))
    keys = _unique_keys([(slug(label), typ) for label, typ, _alts, _refs in built])
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



def _story_type(ents: list[LocalEntity], docs: dict[str, Extraction], refs: list[EntityRef], known: tuple[str, str] | None) -> str:
    """A known place keeps its type; an article's person evidence wins; else the mentions' majority."""
    if known:
        return known[0]
    if any(e.type == "PERSON" for e in ents):
        return "PERSON"
    votes = Counter(e.type for e, (d, i) in zip(ents, refs) for m in docs[d].mentions if m.local == i)
    return min(votes.items(), key=lambda tv: (-tv[1], tv[0]))[0]


def _unique_keys(wanted: list[tuple[str, str]]) -> list[str]:
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


# --- events ----------------------------------------------------------------------------------------------
@dataclass
class _EventCluster:
    cls: str
    index: int
    members: list[tuple[str, int]] = field(default_factory=list)
    agents: set[str] = field(default_factory=set)
    patients: set[str] = field(default_factory=set)
    everyone: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)


def _roles(ev: EventMention, doc_id: str, actor_key: dict[EntityRef, str]) -> tuple[set[str], set[str], set[str]]:
    def keys(ids: tuple[int, ...]) -> set[str]:
        return {actor_key[(doc_id, i)] for i in ids}

    return keys(ev.agents), keys(ev.patients), keys(ev.others)


def _object_word(ev: EventMention) -> str:
    return ev.object.split()[-1].lower() if ev.object and not ev.patients else ""


def _compatible(c: _EventCluster, agents: set[str], patients: set[str], everyone: set[str], obj: str) -> bool:
    """Same kind of happening, and no different agents or patients: within a story, a predicate named again
    is the same happening unless its participants say otherwise. Different objects keep two mentions apart
    unless an actor takes part in both ("enter rehab" / "enter the program" by one person is one happening
    worded twice; "left the meeting" / "leaving it dependent" are two)."""
    if agents and c.agents and not agents & c.agents:
        return False
    if patients and c.patients and not patients & c.patients:
        return False
    if everyone & c.everyone:
        return True
    return not (obj and c.objects and not any(_similar(obj, o) for o in c.objects))


def _similar(a: str, b: str) -> bool:
    """Object heads that are one word, maybe spelled two ways ("center" / "centre")."""
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.8


def _events(story: str, docs: dict[str, Extraction], actor_key: dict[EntityRef, str], actors: dict[str, Actor]) -> tuple[list[Event], dict[tuple[str, int], tuple[str, str]]]:
    clusters: list[_EventCluster] = []
    by_class_actor: dict[tuple[str, str], list[int]] = defaultdict(list)  # (class, actor) -> cluster indices
    by_class: dict[str, list[int]] = defaultdict(list)
    rule_of: dict[tuple[str, int], str] = {}
    for doc_id, ex in docs.items():
        for i, ev in enumerate(ex.events):
            agents, patients, others = _roles(ev, doc_id, actor_key)
            everyone = agents | patients | others
            cls = event_class(ev.lemma)
            obj = _object_word(ev)
            # clusters of the same class, those sharing an actor first, then the oldest
            shared_set = {k for a in everyone for k in by_class_actor[(cls, a)]}
            candidates = sorted(shared_set) + [k for k in by_class[cls] if k not in shared_set]
            target = next((clusters[k] for k in candidates if _compatible(clusters[k], agents, patients, everyone, obj)), None)
            if target is None:
                target = _EventCluster(cls, len(clusters))
                clusters.append(target)
                by_class[cls].append(target.index)
                rule_of[(doc_id, i)] = "new"
            else:
                first = docs[target.members[0][0]].events[target.members[0][1]]
                rule_of[(doc_id, i)] = "same-predicate" if first.lemma == ev.lemma else (
                    "nominalisation" if first.nominal != ev.nominal else "synonym")
            for a in everyone - target.everyone:
                by_class_actor[(cls, a)].append(target.index)
            target.members.append((doc_id, i))
            target.agents |= agents
            target.patients |= patients
            target.everyone |= everyone
            if obj:
                target.objects.add(obj)
    built = [(_predicate(c, docs), c) for c in clusters]
    built = [(predicate, _event_label(predicate, c, docs, actor_key, actors), c) for predicate, c in built]
    keys = _unique_keys([(slug(label), "-".join(sorted(c.agents)) or "x") for _p, label, c in built])
    events, event_of = [], {}
    for (predicate, label, c), key in zip(built, keys):
        others = set().union(*(_roles(docs[d].events[i], d, actor_key)[2] for d, i in c.members))
        objects = tuple(sorted({docs[d].events[i].object for d, i in c.members} - {""}))
        events.append(Event(
            key, story, label, predicate, tuple(sorted(c.agents)), tuple(sorted(c.patients)),
            tuple(sorted(others - c.agents - c.patients)), tuple(c.members), objects,
            tuple(sorted({rule_of[m] for m in c.members})),
        ))
        event_of.update({m: (key, rule_of[m]) for m in c.members})
    return sorted(events, key=lambda e: e.key), event_of


def _event_label(predicate: str, c: _EventCluster, docs: dict[str, Extraction], actor_key: dict[EntityRef, str], actors: dict[str, Actor]) -> str:
    """ "leave meeting", "call Sergey Lavrov": the predicate and the first verbal mention's object."""
    doc_id, i = next(((d, i) for d, i in c.members if not docs[d].events[i].nominal), c.members[0])
    first = docs[doc_id].events[i]
    if first.patients:
        tail = actors[actor_key[(doc_id, first.patients[0])]].label
    else:
        tail = first.label[len(first.lemma):].strip()
    return f"{predicate} {tail}".strip()


def _predicate(c: _EventCluster, docs: dict[str, Extraction]) -> str:
    """The most frequent verb of the cluster (a noun only when no verb names it); ties go to the class name."""
    mentions = [docs[d].events[i] for d, i in c.members]
    verbal = [m for m in mentions if not m.nominal] or mentions
    votes = Counter(m.lemma for m in verbal)
    return min(votes.items(), key=lambda lv: (-lv[1], lv[0] != c.cls, lv[0]))[0]
