"""Pronouns to their antecedents: he/she to the most salient person, they to the most salient group,
who/whom/whose to the noun their clause modifies.

Salience: mentions in the same or a nearer sentence count most, subjects more than other roles, and the
article's main actor wins near-ties. A person named inside the claim a pronoun reports ("He said that
Witkoff lied") is not who "He" is.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from spacy.tokens import Doc, Token

from ..lexicon import (
    MALE_PRONOUNS,
    PERSON_RELATIVES,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    QUOTE_MARKS,
    REPORTING_VERBS,
)
from ..rules import named, rule
from .chains import Chain, Found
from .docindex import DocIndex
from .labels import NOMINAL_SUBJECTS, OBJECTS

named("mention", "pronoun", "he/she/they (outside quotes) with an antecedent is a mention of it",
      "Zelenskyy accused Witkoff. He claimed ...")
named("mention", "relative-pronoun", "who/whom/whose opening a relative clause is a mention of the noun it modifies",
      "Lavrov, who called Rubio, left.")


def pronoun_mentions(doc: Doc, chains: list[Chain], found: list[Found], index: DocIndex) -> None:
    """Append a PRONOUN mention to ``found`` for every pronoun with an antecedent (kept sorted by offset)."""
    subject: dict[tuple[int, int], bool] = {}  # mention bounds -> whether it is a subject (Span.root scans)
    earlier = _Earlier(found, chains, index)
    for token in index.tokens:
        word = token.lower_
        chain = None
        if word in PERSON_RELATIVES and index.head(token).dep_ == "relcl":
            chain = relative_pronoun(token, found, index)
            name = "relative-pronoun"
        elif word in PERSONAL_PRONOUNS and not in_quote(token, index):
            chain = _antecedent(token, earlier, chains, index, _person("m" if word in MALE_PRONOUNS else "f"), subject)
            name = "pronoun"
            if chain is not None:
                chains[chain].gender = chains[chain].gender or ("m" if word in MALE_PRONOUNS else "f")
                chains[chain].person_evidence = True
        elif word in PLURAL_PRONOUNS and not in_quote(token, index):
            chain = _antecedent(token, earlier, chains, index, _group, subject)
            name = "pronoun"
        if chain is not None:
            # after the mentions starting at the same token, as a stable sort would put it
            insort(found, Found(doc[token.i : token.i + 1], "PRONOUN", "", chain, name, name), key=lambda f: f.span.start)


def _person(gender: str):  # type: ignore[no-untyped-def]
    def fits(c: Chain) -> bool:
        if c.gender and c.gender != gender or c.plural:
            return False
        return c.person_evidence or (bool(c.label_votes) and c.label_votes.most_common(1)[0][0] == "PERSON") or (
            c.described_type == "PERSON")
    return fits


def _group(c: Chain) -> bool:
    """They: a plural description, a nationality, or an organisation (never one person)."""
    if c.person_evidence:
        return False
    return c.plural or bool({"NORP", "ORG"} & set(c.label_votes))


@rule("chain", "relative-pronoun", "who/whom/whose refers to the noun its clause modifies", "Lavrov, who called Rubio, left.")
def relative_pronoun(token: Token, found: list[Found], index: DocIndex) -> int | None:
    return next((f.chain for f in _covering(found, index.head(index.head(token)))), None)


def _covering(found: list[Found], token: Token) -> list[Found]:
    """The mentions whose span holds ``token``. They are sorted by start and lie within a sentence (at most
    a few hundred tokens): look near it."""
    lo = bisect_left(found, token.i - _LONGEST_MENTION, key=lambda f: f.span.start)
    hi = bisect_right(found, token.i, key=lambda f: f.span.start)
    return [f for f in found[lo:hi] if token.i < f.span.end]


#: The object forms of the pronouns resolved here (not the reflexives, nor "his" standing for "his ones")
_OBJECT_FORMS = frozenset({"him", "her", "them"})

#: Tokens a mention spans at most, as far as ``_covering`` looks back (sentences are bounded before
#: parsing; see extract/chunking.py).
_LONGEST_MENTION = 512


def in_quote(token: Token, index: DocIndex) -> bool:
    """Inside quotation marks of its own sentence (an odd number of quote marks before it)."""
    return sum(1 for t in index.tokens[index.sent(token).start : token.i] if t.text in QUOTE_MARKS) % 2 == 1


class _Earlier:
    """The mentions before the pronoun being resolved, read once however many pronouns an article has: two
    pointers move forward through ``found`` (sorted by start; a pronoun's own mention is inserted at or
    after them), keeping for each chain the salience of its mentions older than the last three sentences
    (0.1 each, added in document order, as a full rescan adds them) and its last mention. Reading every
    earlier mention for every pronoun made a long article cost the square of its length."""

    def __init__(self, found: list[Found], chains: list[Chain], index: DocIndex) -> None:
        self.found, self.chains, self.sentence_of = found, chains, index.sentence_of
        self.window = 0  # found[:window]: the mentions older than the pronoun's last three sentences
        self.end = 0  # found[:end]: the mentions before the pronoun
        self.old: dict[int, float] = {}  # chain -> salience of its mentions in found[:window]
        self.last: dict[int, int] = {}  # chain -> start of its last mention in found[:end]

    def advance(self, pron: Token) -> None:
        found, here = self.found, self.sentence_of[pron.i]
        while self.end < len(found) and found[self.end].span.start < pron.i:
            self.last[found[self.end].chain] = found[self.end].span.start
            self.end += 1
        while self.window < self.end and here - self.sentence_of[found[self.window].span.start] > 2:
            chain = found[self.window].chain
            self.old[chain] = self.old.get(chain, 0.0) + 0.1 * (1.0 if self.chains[chain].names else 0.5)
            self.window += 1


@rule("chain", "pronoun", "he/she/they: the fitting actor with the highest salience in the last three sentences "
      "(Lappin and Leass, simplified)", "Zelenskyy accused Witkoff. He claimed ...")
def _antecedent(pron: Token, earlier: _Earlier, chains: list[Chain], index: DocIndex, fits,  # type: ignore[no-untyped-def]
                subject: dict[tuple[int, int], bool]) -> int | None:
    """The fitting chain with the highest salience (Lappin and Leass, simplified): each earlier mention adds a
    weight that halves with every sentence back and doubles for a subject; the article's running count of
    mentions breaks near-ties in favour of its main actor; described actors count half.

    ``subject`` caches, per mention, whether it is a subject."""
    sentence_of = index.sentence_of
    here = sentence_of[pron.i]
    earlier.advance(pron)
    excluded = _quoted_names(pron, earlier.found, index) | clause_mate(pron, earlier.found, index)
    # only chains mentioned in the last three sentences can be the antecedent
    window = earlier.found[earlier.window : earlier.end]
    recent = {f.chain for f in window} - excluded
    recent = {c for c in recent if fits(chains[c])}
    if not recent:
        return None
    salience = {c: earlier.old.get(c, 0.0) for c in recent}
    for span, _kind, _ner, chain, _rule, _by in window:
        if chain not in salience:
            continue
        distance = here - sentence_of[span.start]
        bounds = (span.start, span.end)
        if bounds not in subject:
            subject[bounds] = is_subject(span.root, index)
        weight = 0.1 + (2.0 if subject[bounds] else 1.0) * 0.5 ** distance
        salience[chain] += weight * (1.0 if chains[chain].names else 0.5)
    return max(recent, key=lambda c: (salience[c], earlier.last[c]))


def is_subject(token: Token, index: DocIndex) -> bool:
    if token.dep_ in NOMINAL_SUBJECTS:
        return True
    # "it was Lavrov who called Rubio": the antecedent of a subject relative pronoun
    return any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.tag_ in {"WP", "WDT"} for g in index.children(c))
               for c in index.children(token))


@rule("chain", "clause-mate", "him/her/them as an object is not the subject of its own verb (binding "
      "principle B)", "Everton thanked Ashworth and wished him well.")
def clause_mate(pron: Token, found: list[Found], index: DocIndex) -> set[int]:
    """The chains of the subject of the verb a non-reflexive pronoun is the object of: "Everton wished
    him well" cannot mean Everton (a reflexive, "himself", would). A verb without a subject of its own
    takes its first conjunct's ("thanked Ashworth and wished him well"). Possessives ("McDermott has notched
    his") are not bound this way."""
    if pron.dep_ not in OBJECTS or pron.lower_ not in _OBJECT_FORMS:
        return set()
    def subjects(verb: Token) -> list[Token]:
        return [c for c in index.children(verb) if c.dep_ == "nsubj"]

    verb = index.head(pron)
    while not subjects(verb) and verb.dep_ == "conj" and index.head(verb) is not verb:
        verb = index.head(verb)
    return {f.chain for subject in subjects(verb) for f in _covering(found, subject)}


def _quoted_names(pron: Token, found: list[Found], index: DocIndex) -> set[int]:
    """ "He claimed that “Mr. Witkoff has ...”": the speaker is not the person the claim names."""
    verb = index.head(pron)
    if pron.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_VERBS:
        return set()
    end = index.sent(pron).end
    first = bisect_right(found, verb.i, key=lambda f: f.span.start)
    return {f.chain for f in found[first : bisect_left(found, end, key=lambda f: f.span.start)] if f.kind == "NAME"}
