"""Who does a verb, and whether they undergo it: a verb's subjects, found through the clause when it has none
of its own, and the passives the parser marks and those it misses. Read by ``events`` for every verb."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon import RELATIVE_PRONOUNS
from ..rules import appending, rule
from .docindex import DocIndex
from .labels import NOMINAL_SUBJECTS, OBJECTS

__all__ = ["Subjects", "by_phrases", "is_passive", "subjects_of", "with_conjuncts"]

Subjects = tuple[list[Token], bool]  # the subjects, and whether they undergo the predicate (passive)


@rule("event", "passive", "a passive verb (a passive auxiliary, or a past participle with a by-phrase, its own or "
      "one it shares with the participle coordinated with it): its subject undergoes it, its by-phrase does it",
      "The coalition was convened by Macron. A woman hit and killed by a motorist might be alive.")
def is_passive(verb: Token, index: DocIndex) -> bool:
    """A passive auxiliary, or a past participle that modifies a noun or has a by-phrase: "a woman hit and
    killed by a motorist" (the parser gives "killed" no auxiliary, and "hit" the woman as its subject)."""
    children = index.children(verb)
    if any(c.dep_ == "auxpass" for c in children) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return True
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children):
        return False  # a perfect: "the Senate had voted by a wide margin"
    by = by_phrases(verb, index)
    # a by-phrase of the verb's own makes a participle passive, not a past tense ("won the set by 24 points")
    return bool(by) and (verb.tag_ == "VBN" or index.head(by[0]).i != verb.i)


def by_phrases(verb: Token, index: DocIndex) -> list[Token]:
    """The verb's by-phrases (``agent``): its own; else, for a verb without an object coordinated with a bare
    participle that has one, that one ("hit and killed by a motorist": the motorist hit her too)."""
    children = index.children(verb)
    own = [c for c in children if c.dep_ == "agent"]
    if own or verb.tag_ not in {"VBN", "VBD"} or any(c.dep_ in OBJECTS for c in children):
        return own
    return [a for c in children if c.dep_ == "conj" and c.tag_ == "VBN"
            and not any(x.dep_ == "auxpass" for x in index.children(c))
            for a in index.children(c) if a.dep_ == "agent"]


def subjects_of(verb: Token, index: DocIndex) -> Subjects:
    """The verb's subject(s) and whether they undergo it (passive): its own, else from the first subject rule
    that finds them through the clause."""
    passive = is_passive(verb, index)
    for find in _SUBJECT_RULES:
        found = find(verb, index, passive)
        if found is not None:
            return found
    return [], passive


SubjectRule = Callable[[Token, DocIndex, bool], "Subjects | None"]
_SUBJECT_RULES: list[SubjectRule] = []


_subject_rule = appending(_SUBJECT_RULES, "event")


@_subject_rule("subject", "the verb's own subject (and its conjuncts); a relative pronoun stands for the noun",
               "Macron and Rubio met in Paris.")
def own_subject(verb: Token, index: DocIndex, passive: bool) -> Subjects | None:
    own = [c for c in index.children(verb) if c.dep_ in NOMINAL_SUBJECTS]
    if not own:
        return None
    undergoes = passive or any(c.dep_ == "nsubjpass" for c in own)  # the clause's own subjects, not the noun's role
    # relative clause: "Lavrov, who called Rubio" -- the relative pronoun stands for the noun
    own = [index.head(verb) if (c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl") else c for c in own]
    return with_conjuncts(own), undergoes


@_subject_rule("relative-clause", "a relative clause without a subject of its own: the noun it modifies",
               "Lavrov, who called Rubio, left.")
def relative_clause(verb: Token, index: DocIndex, passive: bool) -> Subjects | None:
    return ([index.head(verb)], passive) if verb.dep_ == "relcl" else None


@_subject_rule("participial-clause", "a participle modifying a noun: the noun undergoes (convened by) or does it",
               "The coalition, convened by Macron, met.")
def participial_clause(verb: Token, index: DocIndex, passive: bool) -> Subjects | None:
    return ([index.head(verb)], passive) if verb.dep_ == "acl" else None


@_subject_rule("conjunction", "coordinated verbs share the subject", "Macron welcomed and thanked Witkoff.")
def conjunction(verb: Token, index: DocIndex, passive: bool) -> Subjects | None:
    head = index.head(verb)
    if verb.dep_ != "conj" or head.pos_ not in {"VERB", "AUX"}:
        return None
    subjects, head_passive = subjects_of(head, index)
    return subjects, passive or head_passive


@_subject_rule("control", "a to-complement: its verb's object does it if there is one, else its subject",
               "Macron declined to disclose details.")
def control(verb: Token, index: DocIndex, passive: bool) -> Subjects | None:
    if verb.dep_ != "xcomp":
        return None
    head = index.head(verb)
    obj = [c for c in index.children(head) if c.dep_ in OBJECTS]
    return (obj, False) if obj else (subjects_of(head, index)[0], passive)


@_subject_rule("participial-adverbial", "a participle after the main clause shares its subject",
               "Macron declined, citing strategic sensitivity.")
def participial_adverbial(verb: Token, index: DocIndex, passive: bool) -> Subjects | None:
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in index.children(verb)):
        return subjects_of(index.head(verb), index)[0], passive
    return None


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """ "Macron and Rubio met": coordinated nouns are participants too."""
    out = list(tokens)
    for t in tokens:
        out += [c for c in t.conjuncts if c.pos_ in {"PROPN", "NOUN", "PRON"}]
    return out
