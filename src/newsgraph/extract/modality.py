"""Polarity and certainty of an event mention: does the text say it happened, and how sure is it?

Two kinds of rule, each registered in the ``modality`` stage in the order applied:
- **marker** rules read a child of the predicate (or of a clause it shares a subject with): a negation, a
  modal, a hedging adverb, a condition;
- **climb** rules read the clause above and say what it does to the predicate ("declined to disclose" makes
  it negative, "plans to visit" future) and whether its markers apply too (``climb``) or the search ends.
``certain``/``positive`` is what remains when no rule fires. Several certainty markers: conditional
outranks hedged, hedged outranks future.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import (
    ATTRIBUTING_ADVERBS,
    CONDITIONAL_MARKS,
    DENYING_VERBS,
    FUTURE_NOUNS,
    FUTURE_VERBS,
    HEDGED_PASSIVES,
    HEDGING_ADVERBS,
    HEDGING_RAISERS,
    HEDGING_VERBS,
    MODALS,
    NEGATING_ADVERBS,
    NEGATIVE_IMPLICATIVES,
    NEGATIVE_NOUNS,
    NEGATIVE_PRONOUNS,
    REPORTING_VERBS,
)
from ..model import Certainty, Polarity
from ..rules import appending, rule
from .docindex import DocIndex
from .labels import SUBJECTS

__all__ = ["assess", "is_passive"]

#: certainty wins over certainty in this order when several markers apply ("would probably" is conditional)
_RANK: dict[Certainty, int] = {"certain": 0, "future": 1, "hedged": 2, "conditional": 3}


@dataclass(frozen=True)
class Mark:
    """What a rule found: a negation, or a certainty, and the word that says so."""

    cue: Token
    negates: bool = False
    certainty: Certainty | None = None


@dataclass(frozen=True)
class Climb:
    """What a climb rule says of the clause above: its mark (if any), and whether to read on above it
    (``inherit``: whether that clause's negation applies too)."""

    mark: Mark | None
    go_on: bool = False
    inherit: bool = True


Marker = Callable[[Token, Token, DocIndex], Mark | None]
Climber = Callable[[Token, Token, DocIndex], Climb | None]
MARKERS: list[Marker] = []
CLIMBERS: list[Climber] = []


_marker = appending(MARKERS, "modality")


_climber = appending(CLIMBERS, "modality")


# --- markers on the predicate ----------------------------------------------------------------------
@_marker("negation", "a negation of the predicate: not, never, no longer, nobody/nothing/no X as its subject or object",
         "Witkoff did not leave the meeting.")
def negation(node: Token, child: Token, index: DocIndex) -> Mark | None:
    dep = child.dep_
    if dep == "neg" or (dep == "advmod" and child.lower_ in NEGATING_ADVERBS):
        return Mark(child, negates=True)
    if dep == "advmod" and child.lower_ in {"longer", "more"} and any(c.dep_ == "neg" for c in index.children(child)):
        return Mark(child, negates=True)  # "no longer supplies": the parser hangs the negation on "longer"
    if dep == "det" and child.lower_ == "no" and node.pos_ == "NOUN":
        return Mark(child, negates=True)  # a nominal event: "no reports of injuries"
    if dep in {"nsubj", "nsubjpass", "dobj", "attr"} and (child.lower_ in NEGATIVE_PRONOUNS or (
            child.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ == "no" for d in index.children(child)))):
        return Mark(child, negates=True)  # "said nothing", "no casualties were reported"
    return None


@_marker("modal", "a modal auxiliary: may/might/could hedge, will/should/must are future, would is conditional",
         "Russia would face swift retaliation.")
def modal(node: Token, child: Token, index: DocIndex) -> Mark | None:
    lower = child.lower_
    if child.dep_ in {"aux", "auxpass"} and child.tag_ == "MD" and lower in MODALS:
        return Mark(child, certainty=MODALS[lower])
    return None


@_marker("hedging-adverb", "an adverb that hedges: reportedly, allegedly, apparently, probably ...",
         "Some units reportedly abandoned their positions.")
def hedging_adverb(node: Token, child: Token, index: DocIndex) -> Mark | None:
    if child.dep_ == "advmod" and (child.lower_ in ATTRIBUTING_ADVERBS or child.lower_ in HEDGING_ADVERBS):
        return Mark(child, certainty="hedged")
    return None


@_marker("conditional-main-clause", "the main clause of a condition", "NATO will respond if Russia attacks.")
def conditional_main_clause(node: Token, child: Token, index: DocIndex) -> Mark | None:
    if child.dep_ == "advcl":
        mark = next((c for c in index.children(child) if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS), None)
        if mark is not None:
            return Mark(mark, certainty="conditional")
    return None


@_marker("condition", "the condition itself: an if or unless clause", "NATO will respond if Russia attacks.")
def condition(node: Token, child: Token, index: DocIndex) -> Mark | None:
    if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
        return Mark(child, certainty="conditional")
    return None


# --- the clauses above -----------------------------------------------------------------------------
def _xcomp(head: Token, node: Token, lemmas: frozenset[str]) -> bool:
    return node.dep_ == "xcomp" and head.lemma_.lower() in lemmas


@_climber("negative-implicative", "a verb whose to-complement did not happen: declined, refused, failed to",
          "Macron declined to disclose details.")
def negative_implicative(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(Mark(head, negates=True), go_on=True) if _xcomp(head, node, NEGATIVE_IMPLICATIVES) else None


@_climber("future-complement", "a verb whose to-complement has not happened yet: plans, vowed, urged to",
          "Macron plans to visit Kyiv.")
def future_complement(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(Mark(head, certainty="future"), go_on=True) if _xcomp(head, node, FUTURE_VERBS) else None


@_climber("hedging-raiser", "a verb or adjective that hedges its to-complement: seems, appears, is likely, tried to",
          "The strike appears to have failed.")
def hedging_raiser(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(Mark(head, certainty="hedged"), go_on=True) if _xcomp(head, node, HEDGING_RAISERS) else None


@_climber("said-to", "an agentless passive of saying: is said, reported, believed to", "Witkoff is said to have left.")
def said_to(node: Token, head: Token, index: DocIndex) -> Climb | None:
    if _xcomp(head, node, HEDGED_PASSIVES) and is_passive(head, index):
        return Climb(Mark(head, certainty="hedged"), go_on=True)
    return None


@_climber("control", "any other to-complement shares the markers of its verb", "Witkoff may try to leave.")
def control(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(None, go_on=True) if node.dep_ == "xcomp" else None


def _noun_infinitive(node: Token, head: Token, index: DocIndex, lemmas: frozenset[str]) -> bool:
    return (node.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in lemmas
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in index.children(node)))


@_climber("negative-noun", "a noun whose to-complement did not happen: refusal, failure, reluctance to",
          "Zelenskiy's refusal to engage in negotiations.")
def negative_noun(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(Mark(head, negates=True)) if _noun_infinitive(node, head, index, NEGATIVE_NOUNS) else None


@_climber("future-noun", "a noun whose to-complement has not happened yet: willingness, plan, threat to",
          "Putin voiced his willingness to meet Zelenskyy.")
def future_noun(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(Mark(head, certainty="future")) if _noun_infinitive(node, head, index, FUTURE_NOUNS) else None


def _reported_by(node: Token, head: Token, lemmas: frozenset[str]) -> bool:
    lemma = head.lemma_.lower()
    return node.dep_ == "ccomp" and lemma in REPORTING_VERBS and lemma in lemmas


@_climber("denying-verb", "a report that says the opposite: denied, refuted, disputed that",
          "Moscow denied that its troops crossed the border.")
def denying_verb(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(Mark(head, negates=True)) if _reported_by(node, head, DENYING_VERBS) else None


@_climber("hedging-verb", "a report that casts doubt: suggests, believes, speculates that",
          "Recent intelligence suggests that Ukrainian forces are struggling.")
def hedging_verb(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(Mark(head, certainty="hedged")) if _reported_by(node, head, HEDGING_VERBS) else None


@_climber("without", "a clause after without did not happen", "Witkoff left without saying why.")
def without(node: Token, head: Token, index: DocIndex) -> Climb | None:
    return Climb(Mark(head, negates=True)) if node.dep_ == "pcomp" and head.lower_ == "without" else None


@_climber("coordination", "coordinated verbs share modals; a negation is shared across or/nor",
          "Witkoff may leave and never return.")
def coordination(node: Token, head: Token, index: DocIndex) -> Climb | None:
    if node.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in index.children(node)):
        cc = next((c.lower_ for c in index.children(head) if c.dep_ == "cc"), "")
        return Climb(None, go_on=True, inherit=cc in {"or", "nor"})
    return None


@_climber("participial-adverbial", "a participle after the main clause shares its hedge, not its negation",
          "The envoy reportedly criticized Kyiv, calling it a reckless gamble.")
def participial_adverbial(node: Token, head: Token, index: DocIndex) -> Climb | None:
    if node.dep_ == "advcl" and node.tag_ == "VBG" and not any(c.dep_ == "mark" for c in index.children(node)):
        return Climb(None, go_on=True, inherit=False)
    return None


# --- the pass --------------------------------------------------------------------------------------
@dataclass
class _State:
    negative: bool = False
    polarity_cue: str = ""
    certainty: Certainty = "certain"
    certainty_cue: str = ""

    def apply(self, mark: Mark, *, negation: bool = True) -> None:
        if mark.negates and negation:
            self.negative = not self.negative
            self.polarity_cue = self.polarity_cue or mark.cue.text
        if mark.certainty is not None and _RANK[mark.certainty] > _RANK[self.certainty]:
            self.certainty, self.certainty_cue = mark.certainty, mark.cue.text


def assess(token: Token, index: DocIndex) -> tuple[Polarity, str, Certainty, str]:
    """Polarity and certainty of the predicate ``token``, with their cue words: its own markers, then those
    of the clauses the climb rules reach."""
    state = _State()
    node, inherit = token, True
    for _ in range(12):  # a clause chain is short; the bound only guards against a cyclic parse
        _own_markers(node, state, index, negation=inherit)
        head = index.head(node)
        if head.i == node.i:
            break
        step = next((s for climber in CLIMBERS if (s := climber(node, head, index)) is not None), None)
        if step is None:
            break
        if step.mark is not None:
            state.apply(step.mark)
        if not step.go_on:
            break
        node, inherit = head, step.inherit
    return ("negative" if state.negative else "positive"), state.polarity_cue, state.certainty, state.certainty_cue


def _own_markers(node: Token, state: _State, index: DocIndex, *, negation: bool) -> None:
    negated = False
    for child in index.children(node):
        mark = next((m for marker in MARKERS if (m := marker(node, child, index)) is not None), None)
        if mark is None:
            continue
        negated = negated or mark.negates
        state.apply(mark, negation=negation)
    if negated and could_not(state):
        state.certainty, state.certainty_cue = "certain", ""


@rule("modality", "could-not", "could not is inability, not possibility: certain", "Officials could not confirm the report.")
def could_not(state: _State) -> bool:
    return state.certainty == "hedged" and state.certainty_cue.lower() == "could"


def is_passive(verb: Token, index: DocIndex) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in index.children(verb))
