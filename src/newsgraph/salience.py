"""How much a story's actors and events matter, and what kind each is: computed when a story graph is
written (``ng:importance``, ``ng:kind``), so that the bundled queries put the blind spots that matter
first and leave out, by default, what does not answer "who and what does only one outlet report?".

Pure: it reads the Resolution and the Extraction records, never spaCy or a store. The formula is
docs/queries.md#importance; the kinds are docs/vocabulary.md#importance-and-kind.

Actor kinds:
- ``named``: at least one mention is a proper name ("Sergey Lavrov", "NATO", "Americans");
- ``described``: no name, but a description that an owner or origin narrows down ("Ukrainian
  officials", "the U.S. envoy", "European allies"): a capitalised modifier;
- ``generic``: a bare common noun ("analysts", "critics", "sources", "troops").

Event kinds, the first that holds:
- ``light``: its predicate says little on its own: an aspectual, modal-like or relational verb ("aim",
  "continue", "include"), or a light verb ("make", "take", "go") with no object naming what is done; or
  a bare speech act (no named actor it is addressed to or aimed at) whose content the article gives as
  events of their own: "Bill Shaikin says" the team believed ...: the belief is listed, "per Bill
  Shaikin"; so with "Peskov told reporters that ..." and "told a news briefing"; "Zelenskyy accused Witkoff
  of ..." is not bare;
- ``named``: at least one named actor takes part;
- ``attributed``: one of its mentions rests on someone else's word (a named or unnamed source);
- ``other``: the rest (no named participant, in the outlet's own voice).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .model import Event, EventMention, Extraction, Resolution
from .resolve.reports import reported

ActorKind = Literal["named", "described", "generic"]
EventKind = Literal["light", "named", "attributed", "other"]
ACTOR_KINDS: tuple[ActorKind, ...] = ("named", "described", "generic")
EVENT_KINDS: tuple[EventKind, ...] = ("named", "attributed", "other", "light")
#: What the single-source queries list when ``kind`` is not given.
DEFAULT_ACTOR_KINDS: tuple[ActorKind, ...] = ("named",)
DEFAULT_EVENT_KINDS: tuple[EventKind, ...] = ("named", "attributed")

#: English light verbs (Jespersen; Butt 2010): in "take a decision", "make a call" the noun says what
#: happens. Without an object they say next to nothing ("it goes", "they make").
LIGHT_VERBS = frozenset({
    "be", "become", "come", "do", "get", "give", "go", "have", "hold", "keep", "let", "make", "put", "set", "take",
})
#: Verbs whose content is their complement or that only relate two things: aspectual ("begin",
#: "continue", "end"), modal-like and catenative ("aim", "need", "try", "want"), relational ("include",
#: "remain", "seem"). Light however they are used.
AUXILIARY_VERBS = frozenset({
    "aim", "appear", "begin", "can", "continue", "could", "end", "fail", "finish", "happen", "include", "intend",
    "involve", "last", "may", "mean", "might", "must", "need", "proceed", "remain", "seem", "shall", "should",
    "start", "stop", "tend", "try", "want", "will", "would",
})
#: Speech verbs whose object is whom they address ("told reporters", "briefed the press"), not what is said.
ADDRESSEE_VERBS = frozenset({"assure", "brief", "inform", "notify", "remind", "tell", "warn"})

# the weights of docs/queries.md#importance
ACTOR_KIND_WEIGHT: dict[str, int] = {"named": 3, "described": 2, "generic": 1}
LEDE_SENTENCES = 2  # the lede: an article's first two sentences
LEDE_WEIGHT = 2  # a mention there counts twice
HEADLINE_WEIGHT = 3  # an actor named in the headline
AGENT_WEIGHT = 2  # per event (not light) the actor does
NAMED_PARTICIPANT_WEIGHT = 3
OTHER_PARTICIPANT_WEIGHT = 1
ATTRIBUTED_WEIGHT = 2  # a claim on someone else's word (named or unnamed source)
NEGATIVE_WEIGHT = 2  # a denial or refusal
EVENT_WEIGHT = 2  # an event that is not light counts twice

_OPENERS = " \t\n“”\"‘’'(—–-"


@dataclass(frozen=True)
class Salience:
    kind: str
    importance: int


def is_light(predicate: str, label: str) -> bool:
    """Whether an event's predicate says little on its own.

    >>> is_light("aim", "aim"), is_light("make", "make"), is_light("make", "make decision"), is_light("call", "call")
    (True, True, False, False)
    """
    if predicate in AUXILIARY_VERBS:
        return True
    return predicate in LIGHT_VERBS and label.strip() == predicate


def _speech_only(event: Event, mentions: Sequence[EventMention], speech: Collection[tuple[str, int]],
                 actor_kinds: Mapping[str, str]) -> bool:
    """Whether every mention of ``event`` (``mentions``, as extracted) is a speech act that attributes another
    event of its article (``speech``: ``reports.reported``), aimed at no named actor and at no thing: "X
    said", "as X confirmed", whose content is listed with "per X". Whom news is told ("told reporters", "told
    a news briefing", "told the Journal") and where or when ("said at the department", "said on Tuesday") add
    nothing to it; a named addressee or target ("accused Witkoff") or an object ("dismissed the initiative")
    makes it news of its own."""
    if not all(m in speech for m in event.mentions) or any(actor_kinds.get(p) == "named" for p in event.patients):
        return False
    if not event.patients and event.label == event.predicate:
        return True  # nothing besides the speaker
    return all(not said.object or said.lemma in ADDRESSEE_VERBS for said in mentions)


def _position(extraction: Extraction, sentence: int) -> int:
    """A mention's weight by where it is: the lede counts more."""
    return LEDE_WEIGHT if sentence < LEDE_SENTENCES else 1


def _narrowed(extraction: Extraction, start: int, text: str, sentence: int) -> bool:
    """Whether a description has a capitalised modifier ("Ukrainian officials", "the U.S. envoy"): a
    demonym or an organisation narrows a common noun down. A sentence's first word is capitalised
    anyway: it counts only if the article also writes it capitalised inside a sentence."""
    sent_start = extraction.sentences[sentence].start if 0 <= sentence < len(extraction.sentences) else 0
    words = [w.strip(_OPENERS) for w in text.split()]
    if not extraction.article.text[sent_start:start].strip(_OPENERS):
        first, words = words[0], words[1:]
        if words and first[:1].isupper() and _inside_a_sentence(first, extraction.article.text):
            return True
    return any(w[:1].isupper() for w in words)


def _inside_a_sentence(word: str, text: str) -> bool:
    return re.search(r"[a-z,;]\s+" + re.escape(word) + r"\b", text) is not None


def score(resolution: Resolution, extractions: Mapping[str, Extraction]) -> tuple[dict[str, Salience], dict[str, Salience]]:
    """(actor key -> Salience, event key -> Salience) for one resolved story."""
    actor_kinds: dict[str, str] = {}
    for actor in resolution.actors:
        mentions = [extractions[d].mentions[i] for d, i in actor.mentions]
        if any(m.kind == "NAME" for m in mentions):
            kind = "named"
        elif any(m.kind == "NOMINAL" and _narrowed(extractions[d], m.start, m.text, m.sentence)
                 for (d, _), m in zip(actor.mentions, mentions)) or any(
                w[:1].isupper() for w in actor.label.split()):  # resolution writes a nominal's label in lower case
            kind = "described"
        else:
            kind = "generic"
        actor_kinds[actor.key] = kind

    events: dict[str, Salience] = {}
    agent_of: dict[str, int] = {}
    speech = reported(extractions)
    for event in resolution.events:
        reports = [extractions[d].events[i] for d, i in event.mentions]
        light = is_light(event.predicate, event.label) or _speech_only(event, reports, speech, actor_kinds)
        participants = list(dict.fromkeys((*event.agents, *event.patients, *event.others)))
        named = sum(1 for p in participants if actor_kinds.get(p) == "named")
        attributed = any(m.attribution != "author" for m in reports)
        raw = (
            sum(_position(extractions[d], m.sentence) for (d, _), m in zip(event.mentions, reports))
            + NAMED_PARTICIPANT_WEIGHT * named
            + OTHER_PARTICIPANT_WEIGHT * (len(participants) - named)
            + (ATTRIBUTED_WEIGHT if attributed else 0)
            + (NEGATIVE_WEIGHT if any(m.polarity == "negative" for m in reports) else 0)
        )
        kind = "light" if light else "named" if named else "attributed" if attributed else "other"
        events[event.key] = Salience(kind, raw * (1 if light else EVENT_WEIGHT))
        if not light:
            for a in dict.fromkeys(event.agents):
                agent_of[a] = agent_of.get(a, 0) + 1

    actors: dict[str, Salience] = {}
    for actor in resolution.actors:
        kind = actor_kinds[actor.key]
        position = sum(_position(extractions[d], extractions[d].mentions[i].sentence) for d, i in actor.mentions)
        headline = HEADLINE_WEIGHT if _in_headline(actor.label, actor.alt_labels, actor.mentions, extractions) else 0
        raw = position + headline + AGENT_WEIGHT * agent_of.get(actor.key, 0)
        actors[actor.key] = Salience(kind, ACTOR_KIND_WEIGHT[kind] * raw)
    return actors, events


def _in_headline(label: str, alts: tuple[str, ...], mentions: tuple[tuple[str, int], ...],
                 extractions: Mapping[str, Extraction]) -> bool:
    """Whether the headline of one of its articles names the actor (its label or another name of it)."""
    names = {n.lower() for n in (label, *alts) if n}
    for doc_id in dict.fromkeys(d for d, _ in mentions):
        title = (extractions[doc_id].article.title or "").lower()
        if title and any(_word_in(name, title) for name in names):
            return True
    return False


def _word_in(name: str, text: str) -> bool:
    at = text.find(name)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(name)] if at + len(name) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(name, at + 1)
    return False
