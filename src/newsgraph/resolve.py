"""Cross-article identity within a story: one node per actor and per happening, however many outlets report it.

A missed merge becomes a false "only one source" claim, so the rules merge every name variant the
evidence supports, and refuse the merges that would join two different people:

actors
- ``full-name``: two articles use the same full name, up to spelling and transliteration
  ("Volodymyr Zelenskyy" / "Volodymyr Zelensky");
- ``alias``: the place table names one state or organisation ("U.S." / "US" / "the United States");
- ``same-name``: articles that only ever use one word for an actor, the same word ("Zelenskiy" / "Zelenskyy");
- ``surname``: a one-word name joins the one full name of the story that ends with it; with two
  candidates ("Emmanuel Macron", "Brigitte Macron") it joins neither.
events
- ``same-predicate`` / ``synonym``: the same kind of happening (lemma, synonym or nominalisation) with at
  least one actor in common and no clash of agents or patients ("Witkoff left" / "Witkoff's departure").

Everything is decided on articles sorted by id, so the order articles arrive in never changes the graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

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


def _cluster_actors(docs: dict[str, Extraction]) -> tuple[list[list[EntityRef]], dict[EntityRef, str]]:
    entities = {(d, e.index): e for d, ex in docs.items() for e in ex.entities}
    uf = _UnionFind(sorted(entities))
    merged_by: dict[EntityRef, str] = {}

    def join(base: EntityRef, attached: EntityRef, rule: str) -> None:
        if uf.union(base, attached):
            merged_by[attached] = rule

    by_full: dict[str, list[EntityRef]] = defaultdict(list)
    by_place: dict[str, list[EntityRef]] = defaultdict(list)
    by_word: dict[str, list[EntityRef]] = defaultdict(list)
    for ref, ent in sorted(entities.items()):
        full, single = _keys(ent)
        for k in full:
            by_full[k].append(ref)
        for n in ent.names:
            known = names.place(n)
            if known:
                by_place[known[1]].append(ref)
        if not full:
            for k in single:
                by_word[k].append(ref)
    for group in by_full.values():
        for ref in group[1:]:
            join(group[0], ref, "full-name")
    for group in by_place.values():
        for ref in group[1:]:
            join(group[0], ref, "alias")
    for group in by_word.values():
        for ref in group[1:]:
            join(group[0], ref, "same-name")
    # a one-word name joins the one full-name actor of the story whose surname it is
    surnames: dict[str, set[EntityRef]] = defaultdict(set)
    for k, group in by_full.items():
        surnames[k.split()[-1]].add(uf.find(group[0]))
    for word, group in sorted(by_word.items()):
        candidates = {uf.find(r) for r in surnames.get(word, set())}
        if len(candidates) == 1 and not any(names.place(n) for r in group for n in entities[r].names):
            join(next(iter(candidates)), group[0], "surname")
    clusters: dict[EntityRef, list[EntityRef]] = defaultdict(list)
    for ref in sorted(entities):
        clusters[uf.find(ref)].append(ref)
    return sorted(clusters.values()), merged_by


def _actors(story: str, docs: dict[str, Extraction], clusters: list[list[EntityRef]]) -> tuple[list[Actor], dict[EntityRef, str]]:
    built: list[tuple[str, str, tuple[str, ...], list[EntityRef]]] = []
    for refs in clusters:
        ents = [docs[d].entities[i] for d, i in refs]
        all_names = {n for e in ents for n in e.names}
        known = next((names.place(n) for n in sorted(all_names) if names.place(n)), None)
        label = known[1] if known else _preferred(all_names)
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


def _preferred(candidates: set[str]) -> str:
    """The fullest name: most words, then longest, then alphabetical (never order-dependent)."""
    return min(candidates, key=lambda n: (-len(names.name_words(n)), -len(n), n))


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
    """Same happening: an actor in common, and no different agents, patients or objects."""
    if not (everyone & c.everyone):
        return False
    if agents and c.agents and not agents & c.agents:
        return False
    if patients and c.patients and not patients & c.patients:
        return False
    return not (obj and c.objects and obj not in c.objects)


def _events(story: str, docs: dict[str, Extraction], actor_key: dict[EntityRef, str], actors: dict[str, Actor]) -> tuple[list[Event], dict[tuple[str, int], tuple[str, str]]]:
    clusters: list[_EventCluster] = []
    by_class_actor: dict[tuple[str, str], list[int]] = defaultdict(list)  # (class, actor) -> cluster indices
    rule_of: dict[tuple[str, int], str] = {}
    for doc_id, ex in docs.items():
        for i, ev in enumerate(ex.events):
            agents, patients, others = _roles(ev, doc_id, actor_key)
            everyone = agents | patients | others
            cls = event_class(ev.lemma)
            obj = _object_word(ev)
            # only clusters of the same class that share an actor can match: look those up, oldest first
            candidates = sorted({k for a in everyone for k in by_class_actor[(cls, a)]})
            target = next((clusters[k] for k in candidates if _compatible(clusters[k], agents, patients, everyone, obj)), None)
            if target is None:
                target = _EventCluster(cls, len(clusters))
                clusters.append(target)
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
    built = [(_event_label(c, docs, actor_key, actors), c) for c in clusters]
    keys = _unique_keys([(slug(label), "-".join(sorted(c.agents)) or "x") for label, c in built])
    events, event_of = [], {}
    for (label, c), key in zip(built, keys):
        others = set().union(*(_roles(docs[d].events[i], d, actor_key)[2] for d, i in c.members))
        objects = tuple(sorted({docs[d].events[i].object for d, i in c.members} - {""}))
        events.append(Event(
            key, story, label, _predicate(c, docs), tuple(sorted(c.agents)), tuple(sorted(c.patients)),
            tuple(sorted(others - c.agents - c.patients)), tuple(c.members), objects,
            tuple(sorted({rule_of[m] for m in c.members})),
        ))
        event_of.update({m: (key, rule_of[m]) for m in c.members})
    return sorted(events, key=lambda e: e.key), event_of


def _event_label(c: _EventCluster, docs: dict[str, Extraction], actor_key: dict[EntityRef, str], actors: dict[str, Actor]) -> str:
    """ "leave meeting", "call Sergey Lavrov": the predicate and the first verbal mention's object."""
    predicate = _predicate(c, docs)
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
