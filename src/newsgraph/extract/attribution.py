"""Who says an event happened, and how sure: attribution, polarity and certainty of each event mention.

NewsReader's GRaSP perspective layer made small and closed. Every event mention is
- in the article's own voice (``author``) or attributed to a source, the nearest one kept with the chain
  of sources above it ("X said that Y told him that ..."): an actor with a name (``named-source``) or one
  without (``unnamed-source``: "sources close to the meeting", "analysts", "reportedly");
- ``positive`` or ``negative`` ("did not", "never", "declined to disclose", "denied that ...");
- ``certain``, ``hedged`` ("reportedly", "may", "suggests", "is said to"), ``future`` ("will", "plans to")
  or ``conditional`` ("would", "if ...").
Read off the dependency parse, one function per construction; the word lists below are the rules' lexicon.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import GROUP_NOUNS, REPORTING_VERBS
from ..model import ActorMention, Attribution, Certainty, EventMention, Polarity, Quote
from .docindex import DocIndex

# --- lexicon ---------------------------------------------------------------------------------------
#: Reporting verbs that cast doubt on what they report ("Recent intelligence suggests that ...").
HEDGING_VERBS = frozenset("suggest believe think speculate suspect estimate fear hint doubt reckon guess assume".split())
#: Reporting verbs that report the opposite ("Moscow denied that its troops crossed the border").
DENYING_VERBS = frozenset("deny refute dispute".split())
#: Reporting verbs that hedge when passive and agentless ("He is said to have left", "It is rumoured that").
HEDGED_PASSIVES = frozenset("say report allege rumor rumour believe think understand suspect".split())
#: Nouns whose "that"-clause is somebody's claim ("reports that ...", "accusations that ...").
REPORTING_NOUNS = frozenset(
    "report claim allegation accusation rumor rumour assertion suggestion statement announcement warning "
    "speculation indication sign belief fear".split()
)
#: Verbs whose "of"-complement is the accuser's claim ("accusing Witkoff of promoting Russian narratives").
ACCUSING_VERBS = frozenset("accuse suspect charge".split())

#: Adverbs that pass a claim on from somebody unnamed, and hedge it ("reportedly abandoning positions").
ATTRIBUTING_ADVERBS = frozenset("reportedly allegedly purportedly reputedly supposedly".split())
#: Adverbs that hedge without naming anybody.
HEDGING_ADVERBS = frozenset(
    "apparently possibly perhaps probably likely maybe presumably seemingly conceivably potentially".split()
)
#: Negation words the parser does not always label ``neg`` ("no longer", "hardly").
NEGATING_ADVERBS = frozenset("never hardly scarcely nowhere".split())

#: Modal auxiliaries and the certainty they give their verb.
MODALS: dict[str, Certainty] = {
    "may": "hedged", "might": "hedged", "could": "hedged",
    "will": "future", "shall": "future", "'ll": "future", "wo": "future", "should": "future", "must": "future",
    "would": "conditional", "'d": "conditional",
}
#: Verbs whose "to"-complement did not happen ("declined to disclose", "refused to engage").
NEGATIVE_IMPLICATIVES = frozenset("decline refuse fail avoid neglect forget stop cease abstain refrain deny resist unable".split())
#: Words that negate the predicate they are subject or object of ("said nothing", "nobody was hurt").
NEGATIVE_PRONOUNS = frozenset("nothing nobody none no-one".split())
#: Nouns that do the same ("Zelenskiy's refusal to engage", "their reluctance to commit troops").
NEGATIVE_NOUNS = frozenset("refusal failure reluctance unwillingness".split())
#: Verbs and nouns whose "to"-complement has not happened yet ("plans to visit", "called on leaders to act").
FUTURE_VERBS = frozenset(
    "plan intend aim hope want wish vow pledge promise threaten expect prepare urge ask call push need "
    "set go seek decide agree offer".split()
)
FUTURE_NOUNS = frozenset("willingness readiness plan intention bid threat promise pledge offer desire call".split())
#: Verbs and adjectives whose "to"-complement is hedged ("appears to strike", "is likely to fail", "tried to").
HEDGING_RAISERS = frozenset("seem appear tend try attempt likely unlikely".split())
#: Subordinators that make their clause a condition ("if Russia attacks").
CONDITIONAL_MARKS = frozenset({"if", "unless"})

# --- dependency labels -----------------------------------------------------------------------------
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_EXPLETIVES = frozenset({"it", "there"})
# children that end a source phrase: "Zelenskyy, who ...," is "Zelenskyy"; "Witkoff’s" is "Witkoff"
_PHRASE_STOPS = frozenset({"relcl", "appos", "punct", "cc", "conj", "acl", "case"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# certainty wins over certainty in this order when several markers apply ("would probably" is conditional)
_CERTAINTY_RANK: dict[Certainty, int] = {"certain": 0, "future": 1, "hedged": 2, "conditional": 3}


@dataclass(frozen=True)
class Source:
    """One link of a reporting chain: who (when the text says) and the word that attributes."""

    kind: Attribution  # named-source or unnamed-source
    mention: int  # ActorMention index, -1 when no actor mention names the source
    text: str  # the source as written; "" for "reportedly"
    start: int
    end: int
    cue: Token


@dataclass(frozen=True)
class Perspective:
    """What attribution.py says about one predicate."""

    attribution: Attribution = "author"
    sources: tuple[Source, ...] = ()  # nearest first
    polarity: Polarity = "positive"
    polarity_cue: str = ""
    certainty: Certainty = "certain"
    certainty_cue: str = ""
    quote: int = -1


class Mentions:
    """Token -> actor mention, and which mentions belong to a chain that has a proper name; also the Doc's
    index, which every rule reading the parse through this lookup shares."""

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention], index: DocIndex | None = None) -> None:
        self.index = index if index is not None else DocIndex(doc)
        self.mentions = mentions
        self.by_token: dict[int, int] = {}
        for number, m in enumerate(mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                self.by_token.setdefault(i, number)
        self.named = {m.local for m in mentions if m.kind == "NAME"}

    def of(self, token: Token) -> int | None:
        """The mention ``token`` is part of; a group noun stands for its owner ("Foreign Ministry officials")."""
        if token.i in self.by_token:
            return self.by_token[token.i]
        if token.lemma_.lower() in GROUP_NOUNS or token.lower_ in GROUP_NOUNS:
            for child in self.index.children(token):
                if child.dep_ in {"compound", "poss"} and child.i in self.by_token:
                    return self.by_token[child.i]
        return None

    def is_named(self, index: int) -> bool:
        return self.mentions[index].local in self.named


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
        if token is None:
            out.append(ev)
            continue
        out.append(_apply(ev, perspective(token, lookup, quotes)))
    return out


def _apply(ev: EventMention, p: Perspective) -> EventMention:
    nearest = p.sources[0] if p.sources else None
    changes: dict[str, object] = {
        "attribution": p.attribution,
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
        sources = _with_speaker(sources, quotes[quote], lookup.index)
    polarity, polarity_cue, certainty, certainty_cue = _modality(token, lookup.index)
    attribution: Attribution = sources[0].kind if sources else "author"
    return Perspective(attribution, tuple(sources), polarity, polarity_cue, certainty, certainty_cue, quote)


# --- attribution -----------------------------------------------------------------------------------
def _sources(token: Token, lookup: Mentions) -> Iterator[Source]:
    """The sources above ``token``, nearest first, climbing the parse to the sentence root."""
    index = lookup.index
    node, came_from = token, None
    own_clause = True  # still in the predicate's own clause (or one sharing its subject)
    seen: set[int] = set()
    while node.i not in seen:
        seen.add(node.i)
        yield from _sources_attached(node, came_from, lookup, own_clause=own_clause)
        if index.head(node).i == node.i:
            return
        source = _source_above(node, lookup)
        if source is not None:
            yield source
        own_clause = own_clause and source is None and _shares_subject(node, index)
        came_from, node = node, index.head(node)


def _sources_attached(node: Token, came_from: Token | None, lookup: Mentions, *, own_clause: bool) -> Iterator[Source]:
    """Sources that hang off the clause itself rather than governing it."""
    index = lookup.index
    for child in index.children(node):
        if came_from is not None and child.i == came_from.i:
            continue
        dep = child.dep_
        if dep == "advmod" and child.lower_ in ATTRIBUTING_ADVERBS and own_clause:
            # "some units reportedly abandoning positions": somebody unnamed says so
            yield Source("unnamed-source", -1, "", -1, -1, child)
        elif dep == "parataxis" and child.lemma_.lower() in REPORTING_VERBS:
            # "Witkoff, officials said, left the meeting"
            yield _speaker_source(child, lookup)
        elif dep == "advcl" and child.lemma_.lower() in REPORTING_VERBS and any(
            m.dep_ == "mark" and m.lower_ == "as" for m in index.children(child)
        ):
            # "as the Russian Foreign Ministry later confirmed, ..."; "As reported by the New York Times, ..."
            yield _speaker_source(child, lookup)
        elif dep == "prep" and child.lower_ == "according":
            # "According to Reuters, ..."
            objects = [p for to in index.children(child) if to.lower_ == "to" for p in index.children(to) if p.dep_ == "pobj"]
            if objects:
                yield _make_source(objects[0], child, lookup)


def _source_above(node: Token, lookup: Mentions) -> Source | None:
    """The source of the clause ``node`` heads, when its head reports it."""
    index = lookup.index
    head, dep = index.head(node), node.dep_
    lemma = head.lemma_.lower()
    if dep == "ccomp" and head.pos_ in {"VERB", "AUX"} and lemma in REPORTING_VERBS:
        # "Zelenskyy claimed that ...", "... would face swift retaliation, warning that ..."
        return _speaker_source(head, lookup)
    if dep == "xcomp" and lemma in HEDGED_PASSIVES and _is_passive(head, index):
        # "Witkoff is said to have left": the sayers are not named
        return _speaker_source(head, lookup)
    if dep == "pcomp" and head.lower_ == "of" and index.head(head).lemma_.lower() in ACCUSING_VERBS:
        # "accusing Witkoff of promoting Russian narratives": the accuser's claim
        return _speaker_source(index.head(head), lookup)
    if dep in {"acl", "ccomp"} and head.pos_ == "NOUN" and lemma in REPORTING_NOUNS and _has_that(node, index):
        # "reports that ...", "Zelenskyy's accusation that ..."
        owner = next((c for c in index.children(head) if c.dep_ == "poss"), None)
        if owner is None:
            owner = next((p for c in index.children(head) if c.dep_ == "prep" and c.lower_ in {"by", "from"}
                          for p in index.children(c) if p.dep_ == "pobj"), None)
        return _make_source(owner if owner is not None else head, head, lookup)
    return None


def _speaker_source(verb: Token, lookup: Mentions) -> Source:
    speaker = subject_of(verb, lookup.index)
    if speaker is None:
        # passive without a by-phrase ("it was reported that ...")
        return Source("unnamed-source", -1, "", -1, -1, verb)
    return _make_source(speaker, verb, lookup)


def _make_source(speaker: Token, cue: Token, lookup: Mentions) -> Source:
    start, end = phrase_bounds(speaker, lookup.index)
    doc = speaker.doc
    mention = lookup.of(speaker)
    named = mention is not None and lookup.is_named(mention)
    kind: Attribution = "named-source" if named or is_proper_name(speaker) else "unnamed-source"
    return Source(kind, mention if named else -1, doc[start:end].text,
                  doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cue)


def is_proper_name(token: Token) -> bool:
    """A singular proper noun names its bearer even when the model found no entity ("Yermak articulated")."""
    return token.tag_ == "NNP"


def subject_of(verb: Token, index: DocIndex) -> Token | None:
    """Who says it: the verb's subject (the agent if passive), found through the clause if it has none."""
    children = index.children(verb)
    agent = next((p for c in children if c.dep_ == "agent" for p in index.children(c) if p.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    own = [c for c in children if c.dep_ in _SUBJECT_DEPS]
    if own:
        subj = own[0]
        if subj.dep_ == "nsubjpass" or subj.lower_ in _EXPLETIVES:
            return None  # "it is said that ...": nobody named
        # relative clause: "Macron, who had earlier hailed ..." -- the pronoun stands for the noun
        if subj.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
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
    stack = [c for c in index.children(token) if c.dep_ not in _PHRASE_STOPS]
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
        return not any(c.dep_ in _SUBJECT_DEPS for c in index.children(node))
    return node.dep_ == "advcl" and node.tag_ == "VBG" and not any(c.dep_ == "mark" for c in index.children(node))


def _is_passive(verb: Token, index: DocIndex) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in index.children(verb))


def _has_that(clause: Token, index: DocIndex) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in index.children(clause))


def _cue_text(cue: Token) -> str:
    """The attributing word; "according to" reads as a whole."""
    return "according to" if cue.lower_ == "according" else cue.text


# --- quotes ----------------------------------------------------------------------------------------
def _quote_of(token: Token, quotes: Sequence[Quote]) -> int:
    for i, q in enumerate(quotes):
        if q.start <= token.idx < q.end:
            return i
    return -1


def _with_speaker(sources: list[Source], quote: Quote, index: DocIndex) -> list[Source]:
    """Said inside a quote: sources cued inside it are nearer than the speaker; the speaker comes next."""
    if not quote.speaker_text and quote.cue_start < 0:
        return sources
    inside = [s for s in sources if quote.start <= s.cue.idx < quote.end]
    outside = [s for s in sources if not (quote.start <= s.cue.idx < quote.end) and s.cue.idx != quote.cue_start]
    cue = index.token_at(quote.cue_start) if quote.cue_start >= 0 else None
    if cue is None:
        return sources
    said_by = index.doc.char_span(quote.speaker_start, quote.speaker_end) if quote.speaker_start >= 0 else None
    named = quote.speaker >= 0 or (said_by is not None and is_proper_name(said_by.root))
    kind: Attribution = "named-source" if named else "unnamed-source"
    speaker = Source(kind, quote.speaker, quote.speaker_text, quote.speaker_start, quote.speaker_end, cue)
    # "“I think it is dangerous”, he continued": the quoted "I" is the speaker, cued by "think"
    inside = [dataclasses.replace(speaker, cue=s.cue) if s.text.lower() in _FIRST_PERSON else s for s in inside]
    if inside and inside[-1].text == speaker.text:
        return inside + outside
    return inside + [speaker] + outside


# --- polarity and certainty ------------------------------------------------------------------------
@dataclass
class _Modality:
    negative: bool = False
    polarity_cue: str = ""
    certainty: Certainty = "certain"
    certainty_cue: str = ""

    def negate(self, cue: Token) -> None:
        self.negative = not self.negative
        self.polarity_cue = self.polarity_cue or cue.text

    def hedge(self, certainty: Certainty, cue: Token) -> None:
        if _CERTAINTY_RANK[certainty] > _CERTAINTY_RANK[self.certainty]:
            self.certainty, self.certainty_cue = certainty, cue.text


def _modality(token: Token, index: DocIndex) -> tuple[Polarity, str, Certainty, str]:
    """Polarity and certainty: the predicate's own markers, then those of the clauses it shares a subject with."""
    m = _Modality()
    node = token
    inherit_negation = True
    for _ in range(12):  # a clause chain is short; the bound only guards against a cyclic parse
        _own_markers(node, m, index, negation=inherit_negation)
        head, dep = index.head(node), node.dep_
        if head.i == node.i:
            break
        lemma = head.lemma_.lower()
        if dep == "xcomp":
            # control and raising: "declined to disclose", "plans to visit", "appears to strike"
            if lemma in NEGATIVE_IMPLICATIVES:
                m.negate(head)
            elif lemma in FUTURE_VERBS:
                m.hedge("future", head)
            elif lemma in HEDGING_RAISERS:
                m.hedge("hedged", head)
            elif lemma in HEDGED_PASSIVES and _is_passive(head, index):
                m.hedge("hedged", head)  # "is said to"
            node, inherit_negation = head, True
            continue
        if dep == "acl" and head.pos_ == "NOUN" and _is_infinitive(node, index):
            # "Zelenskiy's refusal to engage", "willingness to accept"
            if lemma in NEGATIVE_NOUNS:
                m.negate(head)
            elif lemma in FUTURE_NOUNS:
                m.hedge("future", head)
            break
        if dep == "ccomp" and lemma in REPORTING_VERBS:
            # "denied that ...", "suggests that ...": the report's verb colours what it reports
            if lemma in DENYING_VERBS:
                m.negate(head)
            elif lemma in HEDGING_VERBS:
                m.hedge("hedged", head)
            break
        if dep == "pcomp" and head.lower_ == "without":
            # "left without saying why"
            m.negate(head)
            break
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in index.children(node)):
            break  # the condition itself was marked by _own_markers
        if dep == "conj" and not any(c.dep_ in _SUBJECT_DEPS for c in index.children(node)):
            # "may leave and never return": coordinated verbs share modals; "not ... or" shares negation
            cc = next((c.lower_ for c in index.children(head) if c.dep_ == "cc"), "")
            node, inherit_negation = head, cc in {"or", "nor"}
            continue
        if dep == "advcl" and node.tag_ == "VBG" and not any(c.dep_ == "mark" for c in index.children(node)):
            # "reportedly criticized ..., calling it ...": the participle shares the hedge, not the negation
            node, inherit_negation = head, False
            continue
        break
    return ("negative" if m.negative else "positive"), m.polarity_cue, m.certainty, m.certainty_cue


def _own_markers(node: Token, m: _Modality, index: DocIndex, *, negation: bool) -> None:
    """Negation, modals, hedging adverbs and conditions attached to ``node`` itself."""
    modal_negated = False
    for child in index.children(node):
        lower, dep = child.lower_, child.dep_
        if (dep == "neg" or (dep == "advmod" and lower in NEGATING_ADVERBS) or _no_longer(child, index)
                or _none_of(node, child, index)):
            if negation:
                m.negate(child)
            modal_negated = True
        elif dep in {"aux", "auxpass"} and child.tag_ == "MD" and lower in MODALS:
            m.hedge(MODALS[lower], child)
        elif dep == "advmod" and (lower in ATTRIBUTING_ADVERBS or lower in HEDGING_ADVERBS):
            m.hedge("hedged", child)
        elif dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in index.children(child)):
            # the main clause of a condition: "NATO will respond if Russia attacks"
            m.hedge("conditional", next(c for c in index.children(child) if c.dep_ == "mark"))
        elif dep == "mark" and lower in CONDITIONAL_MARKS:
            # the condition: "if Russia attacks"
            m.hedge("conditional", child)
    if modal_negated and m.certainty == "hedged" and m.certainty_cue.lower() == "could":
        # "could not" is inability, not possibility: officials "could not confirm" it, certainly
        m.certainty, m.certainty_cue = "certain", ""


def _none_of(node: Token, child: Token, index: DocIndex) -> bool:
    """ "there were no casualties", "no reports were filed", "said nothing": a participant that is none."""
    if child.dep_ == "det" and child.lower_ == "no":
        return node.pos_ == "NOUN"  # a nominal event: "no reports of injuries"
    if child.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}:
        return child.lower_ in NEGATIVE_PRONOUNS or (
            child.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ == "no" for d in index.children(child)))
    return False


def _no_longer(child: Token, index: DocIndex) -> bool:
    """ "Poland no longer supplies the tanks": the parser hangs the negation on "longer"."""
    return child.dep_ == "advmod" and child.lower_ in {"longer", "more"} and any(
        c.dep_ == "neg" for c in index.children(child))


def _is_infinitive(verb: Token, index: DocIndex) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in index.children(verb))
