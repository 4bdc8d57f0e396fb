"""Which speech acts of a story are one statement: the ``same-report`` event-merge rule.

A speech act ("police said", "according to police", "the navy claims") is one statement by who says it and
what it says, whatever the verb. Extraction ties each attributed event to the word that attributes it (its
``cue``); where that word is itself an event mention, the speech act reports that event. Once the other rules
have formed the story's events, two speech acts of different articles that report one happening, from one
speaker, are one statement relayed by two outlets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..model import EntityRef, Extraction
from ..rules import rule
from .unionfind import UnionFind

Member = tuple[str, int]  # (article id, event index)
SAME_REPORT = "same-report"  # the rule below, recorded on the first mention of each event it joins


def reported(docs: Mapping[str, Extraction]) -> dict[Member, set[Member]]:
    """Each speech-act mention and the event mentions it attributes (their cue is its word)."""
    out: dict[Member, set[Member]] = defaultdict(set)
    for doc_id, ex in docs.items():
        at = {ev.start: i for i, ev in enumerate(ex.events)}
        for i, ev in enumerate(ex.events):
            s = at.get(ev.cue_start, -1) if ev.cue_start >= 0 else -1
            if s >= 0 and s != i:
                out[(doc_id, s)].add((doc_id, i))
    return out


def speakers(m: Member, attributes: set[Member], docs: dict[str, Extraction],
             actor_key: dict[EntityRef, str]) -> frozenset[str]:
    """Who says it: the speech act's agents, else the sources of the events it attributes ("according to
    police": no agent, police the source)."""
    doc_id, i = m
    ex = docs[doc_id]
    found = {actor_key[(doc_id, a)] for a in ex.events[i].agents}
    if not found:
        sources = (ex.events[j].source for _d, j in attributes)
        found = {actor_key[(doc_id, ex.mentions[s].local)] for s in sources if s >= 0}
    return frozenset(found)


@rule("event-merge", SAME_REPORT, "across articles, two speech acts that report the same happening from the same "
      "speaker are one statement, whatever their verbs", "The Indian Navy said Saturday it had captured 23 pirates "
      "(a) / the Indian Navy claims they have captured 23 pirates (b)")
def same_report(ours: tuple[str, frozenset[str]], theirs: tuple[str, frozenset[str]]) -> bool:
    """Two speech acts, each (article, speakers), of one reported happening. Outlets relay one statement
    with different verbs ("police said" / "according to police", "announced" / "confirmed"), so the verb
    does not decide; the speaker does. Both need a speaker: "it was said" may be anyone's."""
    return ours[0] != theirs[0] and bool(ours[1] & theirs[1])


def statements(members: list[list[Member]], docs: dict[str, Extraction],
               actor_key: dict[EntityRef, str]) -> list[list[int]]:
    """The story's events (indices into ``members``, each event's mentions) grouped into statements: each
    group sorted, the groups in order of their first event."""
    event_of = {m: k for k, ms in enumerate(members) for m in ms}
    # reported event -> the speech acts reporting it: (their event, (article, speakers))
    acts: dict[int, list[tuple[int, tuple[str, frozenset[str]]]]] = defaultdict(list)
    for m, attributes in sorted(reported(docs).items()):
        act = (m[0], speakers(m, attributes, docs, actor_key))
        for t in sorted({event_of[x] for x in attributes} - {event_of[m]}):
            acts[t].append((event_of[m], act))
    uf: UnionFind[int] = UnionFind(range(len(members)))
    for same in acts.values():
        for x, (k1, a1) in enumerate(same):
            for k2, a2 in same[x + 1:]:
                if k1 != k2 and same_report(a1, a2):
                    uf.union(k1, k2)
    return uf.groups()
