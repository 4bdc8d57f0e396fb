"""Whose claim an event mention is: the article's own voice, or a source, with the chain of sources above it.

NewsReader's GRaSP perspective layer made small and closed. Every event mention is in the article's own
voice (``author``) or attributed to a source, the nearest one kept with the chain of sources above it ("X
said that Y told him that ..."): an actor with a name (``named-source``) or one without (``unnamed-source``:
"sources close to the meeting", "analysts", "reportedly"). The search climbs the parse from the predicate to
the sentence root; at each clause the ``attribution`` rules are tried in order:
- **attached** rules read a child of the clause ("reportedly", "Witkoff, officials said, left", "as the
  Ministry confirmed", "according to Reuters");
- **above** rules read the clause's head ("Zelenskyy claimed that ...", "is said to", "accusing X of",
  "reports that ...");
and a quote's speaker is the source of what is said inside it. Polarity and certainty are ``modality.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import ACCUSING_VERBS, ATTRIBUTING_ADVERBS, EXPLETIVES, FIRST_PERSON, HEDGED_PASSIVES
from ..lexicon import RELATIVE_PRONOUNS, REPORTING_NOUNS, REPORTING_VERBS
from ..model import ActorMention, Attribution, Certainty, EventMention, Polarity, Quote
from ..rules import appending, named, rule
from .docindex import DocIndex, Mentions
from .labels import PHRASE_STOPS, SUBJECTS
from .modality import assess, is_passive

__all__ = ["Perspective", "Source", "attribute_events", "perspective", "phrase_bounds", "subject_of", "token_at"]

OWN_VOICE = named("attribution", "own-voice", "no rule found a source: the article's own voice (author)",
                  "Witkoff left the meeting.")


@dataclass(frozen=True)
class Source:
    """One link of a reporting chain: who (when the text says), the word that attributes, and the rule."""

    kind: Attribution  # named-source or unnamed-source
    mention: int  # ActorMention index, -1 when no actor mention names the source
    text: str  # the source as written; "" for "reportedly"
    start: int
    end: int
    cue: Token
    rule: str = ""


@dataclass(frozen=True)
class Perspective:
    """What attribution and modality say about one predicate."""

    attribution: Attribution = "author"
    sources: tuple[Source, ...] = ()  # nearest first
    polarity: Polarity = "positive"
    polarity_cue: str = ""
    certainty: Certainty = "certain"
    certainty_cue: str = ""
    quote: int = -1


Attached = Callable[[Token, Mentions, bool], "Source | None"]  # (child of the clause, lookup, own clause)
Above = Callable[[Token, Mentions], "Source | None"]  # (the clause's head word, lookup)
ATTACHED: list[Attached] = []
ABOVE: list[Above] = []


_attached = appending(ATTACHED, "attribution")


_above = appending(ABOVE, "attribution")


# --- rules on the clause's children ----------------------------------------------------------------
@_attached("attributing-adverb", "an adverb that passes the claim on from somebody unnamed (reportedly, allegedly)",
           "Some units reportedly abandoned their positions.")
def attributing_adverb(child: Token, lookup: Mentions, own_clause: bool) -> Source | None:
    if child.dep_ == "advmod" and child.lower_ in ATTRIBUTING_ADVERBS and own_clause:
        return Source("unnamed-source", -1, "", -1, -1, child, "attributing-adverb")
    return None


@_attached("parenthetical", "a reporting verb inserted in the clause", "Witkoff, officials said, left the meeting.")
def parenthetical(child: Token, lookup: Mentions, own_clause: bool) -> Source | None:
    if child.dep_ == "parataxis" and child.lemma_.lower() in REPORTING_VERBS:
        return _speaker_source(child, lookup, "parenthetical")
    return None


@_attached("as-clause", "an as-clause of reporting", "As the Russian Foreign Ministry later confirmed, Lavrov called Rubio.")
def as_clause(child: Token, lookup: Mentions, own_clause: bool) -> Source | None:
    if child.dep_ == "advcl" and child.lemma_.lower() in REPORTING_VERBS and any(
            m.dep_ == "mark" and m.lower_ == "as" for m in lookup.index.children(child)):
        return _speaker_source(child, lookup, "as-clause")
    return None


@_attached("according-to", "according to a source", "According to Reuters, Witkoff left the meeting.")
def according_to(child: Token, lookup: Mentions, own_clause: bool) -> Source | None:
    if child.dep_ == "prep" and child.lower_ == "according":
        index = lookup.index
        objects = [p for to in index.children(child) if to.lower_ == "to" for p in index.children(to) if p.dep_ == "pobj"]
        if objects:
            return _make_source(objects[0], child, lookup, "according-to")
    return None


# --- rules on the clause's head --------------------------------------------------------------------
@_above("reporting-verb", "the clause is the complement of a verb of saying", "Zelenskyy claimed that Russia shelled Kyiv.")
def reporting_verb(node: Token, lookup: Mentions) -> Source | None:
    head = lookup.index.head(node)
    if node.dep_ == "ccomp" and head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in REPORTING_VERBS:
        return _speaker_source(head, lookup, "reporting-verb")
    return None


@_above("said-to", "an agentless passive of saying: the sayers are not named", "Witkoff is said to have left.")
def said_to(node: Token, lookup: Mentions) -> Source | None:
    head = lookup.index.head(node)
    if node.dep_ == "xcomp" and head.lemma_.lower() in HEDGED_PASSIVES and is_passive(head, lookup.index):
        return _speaker_source(head, lookup, "said-to")
    return None


@_above("accusation", "the of-complement of accusing is the accuser's claim",
        "Zelenskyy accused Witkoff of promoting Russian narratives.")
def accusation(node: Token, lookup: Mentions) -> Source | None:
    index = lookup.index
    head = index.head(node)
    if node.dep_ == "pcomp" and head.lower_ == "of" and index.head(head).lemma_.lower() in ACCUSING_VERBS:
        return _speaker_source(index.head(head), lookup, "accusation")
    return None


@_above("reporting-noun", "the that-clause of a noun of saying: reports, claims, accusations that",
        "Zelenskyy's accusation that Witkoff adopted Russia's tactics.")
def reporting_noun(node: Token, lookup: Mentions) -> Source | None:
    index = lookup.index
    head = index.head(node)
    if not (node.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN" and head.lemma_.lower() in REPORTING_NOUNS
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in index.children(node))):
        return None
    owner = next((c for c in index.children(head) if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((p for c in index.children(head) if c.dep_ == "prep" and c.lower_ in {"by", "from"}
                      for p in index.children(c) if p.dep_ == "pobj"), None)
    return _make_source(owner if owner is not None else head, head, lookup, "reporting-noun")


# --- the pass --------------------------------------------------------------------------------------
def attribute_events(
    doc: Doc, events: Sequence[EventMention], mentions: Sequence[ActorMention], quotes: Sequence[Quote] = (),
    *, index: DocIndex | None = None, lookup: Mentions | None = None,
) -> list[EventMention]:
    """Every event mention with its attribution, polarity and certainty filled in."""
    index = index if index is not None else DocIndex(doc)
    lookup = lookup if lookup is not None else Mentions(doc, mentions, index)
    out = []
    for ev in events:
        token = index.token_at(ev.start)
        out.append(ev if token is None else _apply(ev, perspective(token, lookup, quotes)))
    return out


def source_heads(events: Sequence[EventMention], index: DocIndex) -> set[int]:
    """The character offsets of the head words of the events' sources ("Reports" in "Reports indicated
    that ...", "statement" in "a statement from the ministry said ...")."""
    heads = set()
    for ev in events:
        token = index.token_at(ev.source_start) if ev.source_start >= 0 else None
        while token is not None and index.head(token).i != token.i and (
                ev.source_start <= index.head(token).idx < ev.source_end):
            token = index.head(token)
        if token is not None:
            heads.add(token.idx)
    return heads


def _apply(ev: EventMention, p: Perspective) -> EventMention:
    nearest = p.sources[0] if p.sources else None
    changes: dict[str, object] = {
        "attribution": p.attribution,
        "attribution_rule": nearest.rule if nearest else "",
        "source": nearest.mention if nearest else -1,
        "source_text": nearest.text if nearest else "",
        "source_start": nearest.start if nearest else -1,
        "source_end": nearest.end if nearest else -1,
        "cue": _cue_text(nearest.cue) if nearest else "",
        "cue_start": nearest.cue.idx if nearest else -1,
        "chain": tuple(s.text or _cue_text(s.cue) for s in p.sources) if len(p.sources) > 1 else (),
        "polarity": p.polarity,
        "polarity_cue": p.polarity_cue,
        "certainty": p.certainty,
        "certainty_cue": p.certainty_cue,
        "quote": p.quote,
    }
    if all(getattr(ev, name) == value for name, value in changes.items()):
        return ev  # most events are the author's, positive and certain, as found: no copy needed
    return dataclasses.replace(ev, **changes)  # type: ignore[arg-type]


def token_at(doc: Doc, char: int) -> Token | None:
    """The token starting at (or else covering) character offset ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def perspective(token: Token, lookup: Mentions, quotes: Sequence[Quote] = ()) -> Perspective:
    """Attribution, polarity and certainty of the predicate ``token`` ("Officials said Witkoff did not
    leave": unnamed-source cued by "said", negative, certain)."""
    sources = list(_sources(token, lookup))
    if any(s.text for s in sources):
        # "Recent intelligence suggests ... units reportedly abandoning": the named report is the source,
        # "reportedly" only hedges
        sources = [s for s in sources if s.text]
    quote = _quote_of(token, quotes)
    if quote >= 0:
        sources = quote_speaker(sources, quotes[quote], lookup.index)
    polarity, polarity_cue, certainty, certainty_cue = assess(token, lookup.index)
    attribution: Attribution = sources[0].kind if sources else "author"
    return Perspective(attribution, tuple(sources), polarity, polarity_cue, certainty, certainty_cue, quote)


def _sources(token: Token, lookup: Mentions) -> Iterator[Source]:
    """The sources above ``token``, nearest first, climbing the parse to the sentence root."""
    index = lookup.index
    node, came_from = token, None
    own_clause = True  # still in the predicate's own clause (or one sharing its subject)
    seen: set[int] = set()
    while node.i not in seen:
        seen.add(node.i)
        for child in index.children(node):
            if came_from is not None and child.i == came_from.i:
                continue
            found = next((s for r in ATTACHED if (s := r(child, lookup, own_clause)) is not None), None)
            if found is not None:
                yield found
        if index.head(node).i == node.i:
            return
        source = next((s for r in ABOVE if (s := r(node, lookup)) is not None), None)
        if source is not None:
            yield source
        own_clause = own_clause and source is None and _shares_subject(node, index)
        came_from, node = node, index.head(node)


def _speaker_source(verb: Token, lookup: Mentions, rule_name: str) -> Source:
    speaker = subject_of(verb, lookup.index)
    if speaker is None:
        # passive without a by-phrase ("it was reported that ...")
        return Source("unnamed-source", -1, "", -1, -1, verb, rule_name)
    return _make_source(speaker, verb, lookup, rule_name)


def _make_source(speaker: Token, cue: Token, lookup: Mentions, rule_name: str) -> Source:
    start, end = phrase_bounds(speaker, lookup.index)
    doc = speaker.doc
    mention = lookup.of(speaker)
    named_ = mention is not None and lookup.is_named(mention)
    kind: Attribution = "named-source" if named_ or is_proper_name(speaker) else "unnamed-source"
    return Source(kind, mention if named_ and mention is not None else -1, doc[start:end].text,
                  doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cue, rule_name)


def is_proper_name(token: Token) -> bool:
    """A singular proper noun names its bearer even when the model found no entity ("Yermak articulated")."""
    return token.tag_ == "NNP"


def subject_of(verb: Token, index: DocIndex) -> Token | None:
    """Who says it: the verb's subject (the agent if passive), found through the clause if it has none."""
    children = index.children(verb)
    agent = next((p for c in children if c.dep_ == "agent" for p in index.children(c) if p.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    own = [c for c in children if c.dep_ in SUBJECTS]
    if own:
        subj = own[0]
        if subj.dep_ == "nsubjpass" or subj.lower_ in EXPLETIVES:
            return None  # "it is said that ...": nobody named
        # relative clause: "Macron, who had earlier hailed ..." -- the pronoun stands for the noun
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return index.head(verb)
        return subj
    if verb.dep_ == "relcl":
        return index.head(verb)
    if verb.dep_ in {"conj", "xcomp"} or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        # "..., warning that ...", "declined ..., citing ...": the main clause's subject speaks
        if index.head(verb).i != verb.i and not any(c.dep_ == "mark" for c in children):
            return subject_of(index.head(verb), index)
    return None


def phrase_bounds(token: Token, index: DocIndex) -> tuple[int, int]:
    """Token bounds of the noun phrase ``token`` heads, without relative clauses, appositions and commas."""
    keep = [token]
    stack = [c for c in index.children(token) if c.dep_ not in PHRASE_STOPS]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in index.children(t) if c.dep_ not in {"relcl", "punct"})
    start, end = min(t.i for t in keep), max(t.i for t in keep) + 1
    doc = token.doc
    while start < token.i and doc[start].is_punct:
        start += 1
    while end - 1 > token.i and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _shares_subject(node: Token, index: DocIndex) -> bool:
    """ "reportedly criticized ..., calling it ...", "is said to have left", "left and never returned"."""
    if node.dep_ == "xcomp":
        return True
    if node.dep_ == "conj":
        return not any(c.dep_ in SUBJECTS for c in index.children(node))
    return node.dep_ == "advcl" and node.tag_ == "VBG" and not any(c.dep_ == "mark" for c in index.children(node))


def _cue_text(cue: Token) -> str:
    """The attributing word; "according to" reads as a whole."""
    return "according to" if cue.lower_ == "according" else cue.text


# --- quotes ----------------------------------------------------------------------------------------
def _quote_of(token: Token, quotes: Sequence[Quote]) -> int:
    for i, q in enumerate(quotes):
        if q.start <= token.idx < q.end:
            return i
    return -1


@rule("attribution", "quote-speaker", "said inside a direct quote: the quote's speaker is the source",
      "“Mr. Witkoff has adopted the Russian side’s tactics,” Zelenskyy claimed.")
def quote_speaker(sources: list[Source], quote: Quote, index: DocIndex) -> list[Source]:
    """Sources cued inside the quote are nearer than the speaker; the speaker comes next."""
    if not quote.speaker_text and quote.cue_start < 0:
        return sources
    inside = [s for s in sources if quote.start <= s.cue.idx < quote.end]
    outside = [s for s in sources if not (quote.start <= s.cue.idx < quote.end) and s.cue.idx != quote.cue_start]
    cue = index.token_at(quote.cue_start) if quote.cue_start >= 0 else None
    if cue is None:
        return sources
    said_by = index.doc.char_span(quote.speaker_start, quote.speaker_end) if quote.speaker_start >= 0 else None
    named_ = quote.speaker >= 0 or (said_by is not None and is_proper_name(said_by.root))
    kind: Attribution = "named-source" if named_ else "unnamed-source"
    speaker = Source(kind, quote.speaker, quote.speaker_text, quote.speaker_start, quote.speaker_end, cue, "quote-speaker")
    # "“I think it is dangerous”, he continued": the quoted "I" is the speaker, cued by "think"
    inside = [dataclasses.replace(speaker, cue=s.cue) if s.text.lower() in FIRST_PERSON else s for s in inside]
    if inside and inside[-1].text == speaker.text:
        return inside + outside
    return inside + [speaker] + outside
