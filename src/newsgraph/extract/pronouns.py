"""Pronouns to their antecedents: he/she to the most salient person, they to the most salient group,
who/whom/whose to the noun their clause modifies.

Salience: mentions in the same or a nearer sentence count most, subjects more than other roles, and the
article's main actor wins near-ties. A person named inside the claim a pronoun reports ("He said that
Witkoff lied") is not who "He" is.
"""

from __future__ import annotations

from bisect import insort

from spacy.tokens import Doc, Token

from ..lexicon import (
    FEMALE_PRONOUNS,
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
from .labels import NOMINAL_SUBJECTS

named("mention", "pronoun", "he/she/they (outside quotes) with an antecedent is a mention of it",
      "Zelenskyy accused Witkoff. He claimed ...")
named("mention", "relative-pronoun", "who/whom/whose opening a relative clause is a mention of the noun it modifies",
      "Lavrov, who called Rubio, left.")


def pronoun_mentions(doc: Doc, chains: list[Chain], found: list[Found], index: DocIndex) -> None:
    """Append a PRONOUN mention to ``found`` for every pronoun with an antecedent (kept sorted by offset)."""
    subject: dict[tuple[int, int], bool] = {}  # mention bounds -> whether it is a subject (Span.root scans)
    for token in index.tokens:
        word = token.lower_
        chain = None
        if word in PERSON_RELATIVES and index.head(token).dep_ == "relcl":
            chain = relative_pronoun(token, found, index)
            name = "relative-pronoun"
        elif word in PERSONAL_PRONOUNS and not in_quote(token, index):
            chain = _antecedent(token, found, chains, index, _person("m" if word in MALE_PRONOUNS else "f"), subject)
            name = "pronoun"
            if chain is not None:
                chains[chain].gender = chains[chain].gender or ("m" if word in MALE_PRONOUNS else "f")
                chains[chain].person_evidence = True
        elif word in PLURAL_PRONOUNS and not in_quote(token, index):
            chain = _antecedent(token, found, chains, index, _group, subject)
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
    noun = index.head(index.head(token))
    return next((f.chain for f in found if f.span.start <= noun.i < f.span.end), None)


def in_quote(token: Token, index: DocIndex) -> bool:
    """Inside quotation marks of its own sentence (an odd number of quote marks before it)."""
    return sum(1 for t in index.tokens[index.sent(token).start : token.i] if t.text in QUOTE_MARKS) % 2 == 1


@rule("chain", "pronoun", "he/she/they: the fitting actor with the highest salience in the last three sentences "
      "(Lappin and Leass, simplified)", "Zelenskyy accused Witkoff. He claimed ...")
def _antecedent(pron: Token, found: list[Found], chains: list[Chain], index: DocIndex, fits,  # type: ignore[no-untyped-def]
                subject: dict[tuple[int, int], bool]) -> int | None:
    """The fitting chain with the highest salience (Lappin and Leass, simplified): each earlier mention adds a
    weight that halves with every sentence back and doubles for a subject; the article's running count of
    mentions breaks near-ties in favour of its main actor; described actors count half.

    ``subject`` caches, per mention, whether it is a subject: every pronoun reads all earlier mentions."""
    sentence_of = index.sentence_of
    here = sentence_of[pron.i]
    excluded = _quoted_names(pron, found, index)
    salience: dict[int, float] = {}
    last: dict[int, int] = {}
    fitting: dict[int, bool] = {}  # chain -> fits; chains change only between pronouns
    for span, _kind, _ner, chain, _rule, _by in found:
        if span.start >= pron.i:
            break  # found is sorted by start
        if chain in excluded:
            continue
        if chain not in fitting:
            fitting[chain] = fits(chains[chain])
        if not fitting[chain]:
            continue
        distance = here - sentence_of[span.start]
        if distance <= 2:
            bounds = (span.start, span.end)
            if bounds not in subject:
                subject[bounds] = is_subject(span.root, index)
            weight = 0.1 + (2.0 if subject[bounds] else 1.0) * 0.5 ** distance
        else:
            weight = 0.1
        salience[chain] = salience.get(chain, 0.0) + weight * (1.0 if chains[chain].names else 0.5)
        last[chain] = span.start
    recent = {c for c, start in last.items() if here - sentence_of[start] <= 2}
    if not recent:
        return None
    return max(recent, key=lambda c: (salience[c], last[c]))


def is_subject(token: Token, index: DocIndex) -> bool:
    if token.dep_ in NOMINAL_SUBJECTS:
        return True
    # "it was Lavrov who called Rubio": the antecedent of a subject relative pronoun
    return any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.tag_ in {"WP", "WDT"} for g in index.children(c))
               for c in index.children(token))


def _quoted_names(pron: Token, found: list[Found], index: DocIndex) -> set[int]:
    """ "He claimed that “Mr. Witkoff has ...”": the speaker is not the person the claim names."""
    verb = index.head(pron)
    if pron.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_VERBS:
        return set()
    end = index.sent(pron).end
    return {f.chain for f in found if f.kind == "NAME" and verb.i < f.span.start < end}
