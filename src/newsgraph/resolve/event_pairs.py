"""The learned ``event-merge`` step: two events of a story that the rules kept apart, joined when the pairwise
scorer says they are one happening (``learned``; weights ``data/event_pairs.json``).

Outlets name a story's main happening with verbs no lexicon relates ("a fire gutted the store" / "crews
tackled the blaze" / "fought the blaze", "a police blitz" / "a police bust", "overturns" / "reverses"): the
rules keep them apart, and each becomes a false "only one outlet reports this". The evidence that ties them
is around the verb: the same people and places in the sentence, the same rare words, the article's lead.
A pair it scores under its threshold but not far under is left apart and flagged (``near``,
``ng:mayBeSameAs``), so that the "only one outlet" claim it would have removed names what to check.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass

from .. import meaning
from ..lexicon import REPORTING_VERBS, event_class
from ..model import EntityRef, Extraction
from ..rules import rule
from . import learned

#: Whether the step runs (off while its weights are trained).
USE = True

#: The step joins only events named in their articles' first sentences, where outlets state a story's main
#: happenings and where its training pairs are (ECB+'s checked sentences are mostly leads). Further on, the
#: same people do many things ("Stefanski fired Cheeks" / "Stefanski rewarded Cheeks"): read by hand on whole
#: articles, most joins there were wrong, and leaving them out costs nothing on ECB+ (docs/quality.md).
LEAD = 3

#: Named actors of these types who differ keep two happenings apart.
CLASHING_TYPES = frozenset({"PERSON", "ORG"})

#: The features, in the order of the weights: name -> what it measures.
FEATURES: dict[str, str] = {
    "wordnet": "the closest WordNet relation of the two predicates (1 same lemma ... 0 unrelated)",
    "same_class": "1 when a predicate of one is of a synonym class of the other",
    "shared_participant": "1 when they have a participant in common",
    "agent_clash": "1 when both have agents and none in common",
    "patient_clash": "1 when both have patients and none in common",
    "context": "Jaccard overlap of the actors their sentences name",
    "sentence_cosine": "cosine of their sentences' words, weighted by rarity in the story (tf-idf)",
    "both_lead": "1 when both are named in their articles' leads (first two sentences)",
    "both_first": "1 when both are named in their articles' first sentences",
    "reporting": "1 when either is a speech act (said, argue ...)",
    "unreal": "1 when one says it happened and the other only that it did not or would",
    "place_match": "1 when they happen at the same place",
    "object_match": "1 when their objects have the same head word",
}


@dataclass(frozen=True)
class EventView:
    """What the scorer reads of one event of a story."""

    articles: frozenset[str]
    lemmas: frozenset[str]
    classes: frozenset[str]
    keys: frozenset[str]  # the rules' meaning keys of its predicates
    agents: frozenset[str]
    patients: frozenset[str]
    everyone: frozenset[str]
    context: frozenset[str]  # the actors its mentions' sentences name
    places: frozenset[str]
    objects: frozenset[str]
    first_sentence: int
    reporting: bool
    unreal: bool  # every mention says it did not, or would only, happen
    words: dict[str, float]  # its sentences' words (learned.StoryWords)


def views(members: Sequence[Sequence[tuple[str, int]]], roles: Sequence[tuple[set[str], set[str], set[str]]],
          keys: Sequence[set[str]], docs: dict[str, Extraction], actor_key: dict[EntityRef, str]) -> list[EventView]:
    """One view per event: ``members`` its mentions, ``roles`` its (agents, patients, everyone), ``keys`` its
    meaning keys."""
    words = learned.StoryWords(docs)
    named_in: dict[learned.SentenceKey, set[str]] = defaultdict(set)
    for doc_id, ex in docs.items():
        for m in ex.mentions:
            named_in[(doc_id, m.sentence)].add(actor_key[(doc_id, m.local)])
    out = []
    for event, (agents, patients, everyone), blocking in zip(members, roles, keys):
        mentions = [docs[d].events[i] for d, i in event]
        sentences = sorted({(d, docs[d].events[i].sentence) for d, i in event})
        out.append(EventView(
            articles=frozenset(d for d, _i in event),
            lemmas=frozenset(m.lemma for m in mentions),
            classes=frozenset(event_class(m.lemma) for m in mentions),
            keys=frozenset(blocking),
            agents=frozenset(agents), patients=frozenset(patients), everyone=frozenset(everyone),
            context=frozenset().union(*(named_in[s] for s in sentences)),
            places=frozenset(actor_key[(d, docs[d].mentions[m.place].local)]
                             for (d, _i), m in zip(event, mentions) if m.place >= 0),
            objects=frozenset(m.object.split()[-1].lower() for m in mentions if m.object),
            first_sentence=min(m.sentence for m in mentions),
            reporting=any(m.lemma in REPORTING_VERBS for m in mentions),
            unreal=all(m.unreal for m in mentions),
            words=words.vector(sentences),
        ))
    return out


def features(a: EventView, b: EventView) -> tuple[float, ...]:
    """The pair's ``FEATURES``, in order."""
    lead = learned.LEAD_SENTENCES
    return (
        max((meaning.similarity(x, y) for x in sorted(a.lemmas) for y in sorted(b.lemmas)), default=0.0),
        float(bool(a.classes & b.classes)),
        float(bool(a.everyone & b.everyone)),
        float(clash(a.agents, b.agents)),
        float(clash(a.patients, b.patients)),
        learned.jaccard(a.context, b.context),
        learned.cosine(a.words, b.words),
        float(a.first_sentence < lead and b.first_sentence < lead),
        float(a.first_sentence == 0 and b.first_sentence == 0),
        float(a.reporting or b.reporting),
        float(a.unreal != b.unreal),
        float(bool(a.places & b.places)),
        float(bool(a.objects & b.objects)),
    )


def clash(ours: Set[str], theirs: Set[str]) -> bool:
    """Two sets of participants clash when each names someone and they share no one."""
    return bool(ours and theirs and not ours & theirs)


def candidates(events: Sequence[EventView]) -> list[tuple[int, int]]:
    """Pairs of events named in their articles' first ``LEAD`` sentences, with an actor of their sentences, a
    participant or a meaning key in common."""
    keys = [[f"a:{a}" for a in v.context | v.everyone] + [f"m:{m}" for m in v.keys] if v.first_sentence < LEAD else []
            for v in events]
    return learned.candidates(keys, [v.articles for v in events])


def scores(events: Sequence[EventView]) -> list[tuple[float, int, int]]:
    """The candidate pairs with the scorer's probability, best first (``learned.scored``)."""
    model = learned.scorer("event_pairs", tuple(FEATURES))
    return learned.scored(model, candidates(events), lambda i, j: features(events[i], events[j]))


def _apart(events: Sequence[EventView], kinds: dict[str, str]) -> Callable[[set[int], set[int]], bool]:
    """Whether two groups of events are surely two happenings (given their members): a speech act is its
    speaker's, so two speakers keep two apart, whoever they are; one side says it did not (or would only)
    happen; or two people, or two organisations, who differ are their agents or their patients ("Lavrov
    called Rubio" / "Macron called Rubio", "the Angels made an offer" / "the Nationals made an offer"). A
    person and an organisation, or a unit tagged as a place, do not, as organisations act through their units
    and members ("the Indian Navy thwarted" / "INS Sukanya thwarted"), which the actor rules do not join."""
    def of(group: set[int], role: str, kind: str | None) -> frozenset[str]:
        return frozenset(k for v in group for k in getattr(events[v], role) if kind is None or kinds.get(k) == kind)

    def apart(ours: set[int], theirs: set[int]) -> bool:
        speech = any(events[v].reporting for v in ours | theirs)
        if speech and clash(of(ours, "agents", None), of(theirs, "agents", None)):
            return True  # a speech act is its speaker's (speech-tie)
        if len({events[v].unreal for v in ours | theirs}) > 1:
            return True  # one side says it did not (or would only) happen: a guess never makes that contested
        return any(clash(of(ours, role, kind), of(theirs, role, kind))
                   for role in ("agents", "patients") for kind in sorted(CLASHING_TYPES))

    return apart


@rule("event-merge", "learned-pair", "across articles, two events the rules kept apart are one happening when a "
      "pairwise scorer trained on ECB+ (data/event_pairs.json: WordNet relation, shared participants, places and "
      "sentence actors, the sentences' rare words, the leads) gives them a probability of at least its threshold, "
      "and no two named people, nor two named organisations, are their agents or their patients, nor two speakers "
      "of a speech act, and both say it happened (or both do not)", "Eight crews "
      "fought the blaze at the Waitrose supermarket (a) / Crews tackled a blaze at the Waitrose supermarket (b)")
def joins(events: Sequence[EventView], kinds: dict[str, str],
          scored: Sequence[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """The events to join as (kept, joined) group roots. ``kinds``: the named people and organisations, by
    type; ``scored``: the candidate pairs' probabilities (``scores``)."""
    model = learned.scorer("event_pairs", tuple(FEATURES))
    return learned.best_first(scored, model.threshold, [v.articles for v in events], _apart(events, kinds))


#: The probability from which a pair the step leaves apart is still worth a reader's check: chosen on the
#: development and validation topics (docs/quality.md, "Thirteenth round"), where about half of the
#: single-source events it flags are one happening with the event it names.
NEAR = 0.2


@rule("event-merge", "may-be-same", f"an event only one outlet reports, which the learned step left apart from an "
      f"event of its story that another outlet reports, scoring the pair at least {NEAR} but under its threshold, "
      "may be that happening: the graph says so (ng:mayBeSameAs, its best such partner), so that the \"only one "
      "outlet\" claim names what to check; not when one article names both or the two are surely apart (as "
      "learned-pair)", "Parliamentary elections are planned for December 15 (a) / Parliamentary elections are "
      "scheduled for December 15 (b)")
def near(events: Sequence[EventView], kinds: dict[str, str], scored: Sequence[tuple[float, int, int]],
         groups: Sequence[Sequence[int]], outlet_of: Mapping[str, str]) -> dict[int, int]:
    """For each group of ``groups`` (the events after ``joins``) that one outlet reports, the group it may be
    the same happening as, by group index: of the scored pairs between it and a group another outlet reports,
    the best one under the join threshold and at least ``NEAR``. Not mutual: the other group keeps its own
    best partner, or none when it is reported by several outlets."""
    threshold = learned.scorer("event_pairs", tuple(FEATURES)).threshold
    apart = _apart(events, kinds)
    group_of = {k: g for g, members in enumerate(groups) for k in members}
    articles = [frozenset().union(*(events[k].articles for k in members)) for members in groups]
    outlets = [{outlet_of[a] for a in arts} for arts in articles]
    out: dict[int, int] = {}
    for p, i, j in scored:
        if not NEAR <= p < threshold:
            continue
        a, b = group_of[i], group_of[j]
        if a == b or articles[a] & articles[b] or apart(set(groups[a]), set(groups[b])):
            continue
        for mine, theirs in ((a, b), (b, a)):
            if mine not in out and len(outlets[mine]) == 1 and outlets[theirs] - outlets[mine]:
                out[mine] = theirs
    return out
