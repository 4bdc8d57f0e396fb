"""Actors named by a common noun: a role bound to a name ("the U.S. envoy"), or a described actor
("the suspect", "Ukrainian forces", "police") that no name in the article stands for.

A described actor joins a chain by the first ``chain`` rule that finds one, in order: apposition to a
name, a group noun of a named organisation, the same description again, a definite description of the
article's most mentioned fitting actor; else it is a new described actor of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import names
from ..lexicon import (
    ACTOR_NOUNS,
    BODY_PART_NOUNS,
    COPULAS,
    DEFINITE_DETERMINERS,
    FAME_WORDS,
    FEMALE_NOUNS,
    GENERIC_PEOPLE,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    MALE_NOUNS,
    MILITARY_NOUNS,
    ORG_ANAPHORS,
    PERSONAL_POSSESSIVES,
)
from ..rules import appending, named, rule
from .chains import NEW, Chain, Found
from .docindex import DocIndex
from .labels import DESCRIPTOR_MODIFIERS

# nouns that name people or organisations: the actor lexicon and the role words of names.TITLE_WORDS
_PEOPLE_NOUNS = frozenset(ACTOR_NOUNS) | names.TITLE_WORDS

named("mention", "role-noun", "a definite role noun names again the one earlier actor introduced with that role",
      "U.S. envoy Steve Witkoff ... The U.S. envoy reportedly criticized Kyiv.")
named("chain", "title", "a definite role noun joins the one earlier actor introduced with that role",
      "U.S. envoy Steve Witkoff ... The U.S. envoy reportedly criticized Kyiv.")
named("mention", "described-actor", "a common noun for people or an organisation (the actor lexicon and role words)",
      "Ukrainian forces are struggling to maintain supply lines.")


@rule("mention", "role-noun-filter", "a role noun bound to a name already, or indefinite, is not a mention of its own",
      "envoy Steve Witkoff; an envoy")
def is_role_mention(tok: Token, index: DocIndex) -> bool:
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in names.TITLE_WORDS:
        return False
    children = index.children(tok)
    if tok.dep_ in {"compound", "appos"} or any(c.dep_ == "appos" for c in children):
        return False  # bound to a name already ("envoy Steve Witkoff"), not a mention of its own
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in children)


@rule("mention", "body-part", "a noun for people whose first sense is a body part (\"head\") names the body part "
      "after a preposition or a person's pronoun (\"in the head\", \"his head\"), unless an \"of\" phrase, a "
      "compound or an apposition makes it a role", "He was shot in the head.")
def body_part(tok: Token, index: DocIndex) -> bool:
    """ "shot in the head", "put a bullet through his head": not "the head of the agency", "the department
    head", "the agency's head", nor "the head" that says something."""
    if tok.lemma_.lower() not in BODY_PART_NOUNS:
        return False
    children = index.children(tok)
    if any(c.dep_ in {"compound", "appos"} or (c.dep_ == "prep" and c.lower_ == "of") for c in children):
        return False
    return tok.dep_ == "pobj" or any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES for c in children)


def age_modifier(tok: Token) -> bool:
    """ "35-year-old" before a noun: an age, not a qualifier of the role ("the 35-year-old deputy" is the
    deputy named earlier, as "the U.S. envoy" is the envoy from the U.S.)."""
    return tok.dep_ == "amod" and tok.lower_ == "old" and any(t.lemma_ == "year" for t in tok.subtree)


def role_mentions(doc: Doc, chains: list[Chain], found: list[Found], index: DocIndex) -> list[tuple[Span, int]]:
    """ "the U.S. envoy": a definite role noun joins the one earlier actor introduced with that role."""
    taken = {t for f in found for t in range(f.span.start, f.span.end)}
    out = []
    for tok in index.tokens:
        if tok.i in taken or not is_role_mention(tok, index) or body_part(tok, index):
            continue
        role = tok.lemma_.lower()
        age = {t.i for c in index.children(tok) if age_modifier(c) for t in c.subtree}
        mods = {names.fold(c.text) for c in tok.subtree if c.i < tok.i and c.dep_ != "det" and c.i not in age}
        earlier = {f.chain for f in found if f.span.start < tok.i}
        fits = [c for c in chains if c.index in earlier and role in c.titles and mods <= c.titles[role] | {""}]
        if len(fits) == 1:
            out.append((_phrase(doc, tok, set()), fits[0].index))
    return out


@dataclass
class _Described:
    """What the described-actor rules read: the article's chains and mentions so far."""

    doc: Doc
    index: DocIndex
    chains: list[Chain]
    found: list[Found]
    taken: set[int]
    name_chain: dict[int, int]  # token -> chain of the name it is part of
    by_key: dict[str, int] = field(default_factory=dict)  # description key -> its chain


#: A join rule returns (the chain, the mention's span) or None.
Join = Callable[[Token, str, _Described], "tuple[int, Span] | None"]
JOINS: list[Join] = []


_join = appending(JOINS, "chain")


def described_mentions(doc: Doc, chains: list[Chain], found: list[Found], index: DocIndex) -> list[tuple[Span, int, str]]:
    """Common nouns naming people or organisations: (span, chain, chain rule) each; new chains are appended
    to ``chains``."""
    taken = {t for f in found for t in range(f.span.start, f.span.end)}
    state = _Described(doc, index, chains, found, taken,
                       {t: f.chain for f in found if f.kind == "NAME" for t in range(f.span.start, f.span.end)})
    head = index.head
    out = []
    for tok in index.tokens:
        if tok.pos_ != "NOUN" or tok.i in taken or tok.dep_ == "compound":
            continue
        lemma = tok.lemma_.lower()
        if lemma not in _PEOPLE_NOUNS or body_part(tok, index):
            continue
        if tok.dep_ == "pobj" and head(tok).lower_ == "of" and head(head(tok)).lemma_.lower() in _PEOPLE_NOUNS:
            continue  # part of a role: the "staff" of "chief of staff"
        joined = next(((j, r) for j in JOINS if (r := j(tok, lemma, state)) is not None), None)
        if joined is not None:
            join, (chain_index, span) = joined
            out.append((span, chain_index, join.rule.name))  # type: ignore[attr-defined]
            continue
        key, label, typ, owner = _description(tok, lemma, state)
        chain = Chain(len(chains), described=label, described_type=typ, plural=tok.tag_ == "NNS", owner=owner)
        chains.append(chain)
        state.by_key[key] = chain.index
        span = _phrase(doc, tok, taken)
        chain.descriptions.add(span.text)
        out.append((span, chain.index, NEW.name))
    return out


@_join("apposition", "a role in apposition to a name", "Andriy Yermak, Zelenskyy's chief of staff, said ...")
def apposition(tok: Token, lemma: str, state: _Described) -> tuple[int, Span] | None:
    index, name_chain = state.index, state.name_chain
    appositive = name_chain.get(index.head(tok).i) if tok.dep_ == "appos" else next(
        (name_chain[c.i] for c in index.children(tok) if c.dep_ == "appos" and c.i in name_chain), None)
    return None if appositive is None else (appositive, _phrase(state.doc, tok, state.taken))


@_join("predicate-noun", "a role or description the named subject of a copula is said to be (\"X is the company's "
       "founder\"), before group-of: a member of a group is not the group; not under negation",
       "W. Mark Felt was the FBI official known as Deep Throat.")
def predicate_noun(tok: Token, lemma: str, state: _Described) -> tuple[int, Span] | None:
    index, name_chain = state.index, state.name_chain
    verb = index.head(tok)
    if tok.dep_ != "attr" or verb.lemma_.lower() not in COPULAS or tok.tag_ != "NN":
        return None
    children = index.children(verb)
    if any(c.dep_ == "neg" for c in children):
        return None
    subjects = {name_chain[c.i] for c in children if c.dep_ == "nsubj" and c.i in name_chain}
    return (next(iter(subjects)), _phrase(state.doc, tok, state.taken)) if len(subjects) == 1 else None


@_join("group-of", "a group noun of a named organisation is that organisation",
       "Russian Foreign Ministry officials dismissed the initiative.")
def group_of(tok: Token, lemma: str, state: _Described) -> tuple[int, Span] | None:
    owners = {state.name_chain[c.i] for c in state.index.children(tok) if c.dep_ == "compound" and c.i in state.name_chain}
    if lemma in GROUP_NOUNS and len(owners) == 1 and state.chains[next(iter(owners))].label_votes.get("ORG"):
        return next(iter(owners)), state.doc[tok.i : tok.i + 1]
    return None


@_join("same-description", "an actor known only by a description, described again", "a suspect ... the suspect")
def same_description(tok: Token, lemma: str, state: _Described) -> tuple[int, Span] | None:
    key = _description(tok, lemma, state)[0]
    return (state.by_key[key], _phrase(state.doc, tok, state.taken)) if key in state.by_key else None


@_join("definite-description", "a definite singular role names again the article's most mentioned fitting person "
       "or organisation so far; not an office (\"the chief\": a title but not the fame of a star or a coach), whose "
       "holder the title rule finds or another article names", "Microsoft ... the company said")
def definite_description(tok: Token, lemma: str, state: _Described) -> tuple[int, Span] | None:
    """The story's subject rather than whoever was named last. An office names its holder, who is often no one
    the article has named ("the chief" of an article that names only the victim); "the star" is its subject."""
    children = state.index.children(tok)
    if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return None
    if lemma in GENERIC_PEOPLE or lemma in _OFFICES or any(
            c.dep_ in {"amod", "compound"} and c.text[:1].isupper() for c in children):
        return None
    wanted = ACTOR_NOUNS.get(lemma, "PERSON")
    if wanted == "ORG" and lemma not in ORG_ANAPHORS:
        return None
    gender = "f" if lemma in FEMALE_NOUNS else "m" if lemma in MALE_NOUNS else ""
    counts: dict[int, tuple[int, int]] = {}
    for f in state.found:
        c = state.chains[f.chain]
        if f.span.start >= tok.i or not c.names:
            continue
        is_person = c.person_evidence or c.label_votes.most_common(1)[0][0] == "PERSON"
        if (wanted == "PERSON") != is_person or (wanted == "ORG" and not c.label_votes.get("ORG")):
            continue
        if gender and c.gender and c.gender != gender:
            continue
        n, _last = counts.get(f.chain, (0, 0))
        counts[f.chain] = (n + 1, f.span.start)
    if not counts:
        return None
    return max(counts, key=lambda ch: counts[ch]), _phrase(state.doc, tok, state.taken)


#: The titles that name an office, which ``definite_description`` gives no one.
_OFFICES = names.TITLE_WORDS - FAME_WORDS


@rule("mention", "leader-government", "a government or regime named by a person's possessive is that person's "
      "government (resolution then finds the state from the person's title)", "Zelenskiy's government has faced pressure.")
def leader_government(tok: Token, state: _Described) -> int | None:
    """The chain of the named person whose government ``tok`` is, or None."""
    if tok.lower_ not in GOVERNMENT_NOUNS or tok.tag_ != "NN":
        return None
    owner = next((state.name_chain[c.i] for c in state.index.children(tok) if c.dep_ == "poss" and c.i in state.name_chain), None)
    if owner is None or not state.chains[owner].names:
        return None
    return owner


def _description(tok: Token, lemma: str, state: _Described) -> tuple[str, str, str, int]:
    """(key, label, type, owner chain or -1) of a described actor."""
    owner = leader_government(tok, state)
    if owner is not None:
        return f"government of @{owner}", f"{names.preferred_name(state.chains[owner].names)}'s government", "ORG", owner
    return (*_describe(tok, lemma, state.index), -1)


def _describe(tok: Token, lemma: str, index: DocIndex) -> tuple[str, str, str]:
    """(key, label, type) of a described actor: its head ("thief" for "jewel thieves"), or a state's
    government or military ("Ukrainian forces" -> "Ukrainian military")."""
    mods = [c for c in index.children(tok) if c.i < tok.i and c.dep_ in DESCRIPTOR_MODIFIERS and c.text[:1].isupper()]
    adjective = next((c.text for c in mods if names.demonym(c.text)), "")
    country = names.demonym(adjective) if adjective else None
    if country and tok.lower_ in GOVERNMENT_NOUNS:
        return f"government of {names.fold(country)}", f"{adjective} government", "ORG"
    if country and tok.lower_ in MILITARY_NOUNS:
        return f"military of {names.fold(country)}", f"{adjective} military", "ORG"
    return lemma, lemma, ACTOR_NOUNS.get(lemma, "PERSON")


def _phrase(doc: Doc, head: Token, taken: set[int]) -> Span:
    """The noun with its contiguous left modifiers and determiner, stopping at words already mentioned."""
    start = head.i
    for t in sorted((t for t in head.subtree if t.i < head.i), key=lambda t: -t.i):
        if t.i != start - 1 or t.i in taken or t.is_punct or t.dep_ == "poss" or t.tag_ == "POS":
            break
        start = t.i
    return doc[start : head.i + 1]
