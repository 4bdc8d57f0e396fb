"""Within-article chains of names: which names in one article are one actor, and of which type.

A name joins an earlier chain by the first ``chain`` rule that finds one, in order: the same name (up to
spelling, and up to the place table's aliases: "U.S." and "the United States" have one key), a surname of
an earlier full name (or the full form of an earlier surname), an unambiguous first name, an acronym of an
earlier organisation; else it starts a chain of its own (``new``). A surname two full names share joins
neither. Every join records its rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Span, Token

from .. import meaning, names
from ..model import LocalEntity
from ..rules import appending, named
from .docindex import DocIndex
from .labels import PRE_MODIFIERS

NEW = named("chain", "new", "nothing joins it to an earlier mention: the first mention of its actor in its article",
            "Steve Witkoff left the meeting.")


class Found(NamedTuple):
    """An actor mention while its article is read: its span, kind, model label, chain, the chain rule that
    joined it, and the mention rule that found it."""

    span: Span
    kind: str
    ner: str
    chain: int
    rule: str
    found_by: str


@dataclass
class Chain:
    """A local entity while it is being built."""

    index: int
    label_votes: Counter[str] = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # name keys of every name used
    full_keys: set[str] = field(default_factory=set)  # keys of person names with two or more words
    nicknames: set[str] = field(default_factory=set)  # keys of the nicknames its names give ('Kevin "Kev" Marchuk')
    org_words: set[tuple[str, ...]] = field(default_factory=set)  # words of multi-word organisation names
    titles: dict[str, set[str]] = field(default_factory=dict)  # role noun -> modifier words
    descriptions: set[str] = field(default_factory=set)
    described: str = ""  # for an actor known only by a description: its key ("ukrainian forces")
    described_type: str = ""
    owner: int = -1  # the chain of the leader whose government it is ("Zelenskiy's government")
    gender: str = ""
    person_evidence: bool = False
    plural: bool = False
    ages: set[int] = field(default_factory=set)  # the ages given with its mentions

    @property
    def surnames(self) -> set[str]:
        return {k.split()[-1] for k in self.full_keys}

    @property
    def first_names(self) -> set[str]:
        return {k.split()[0] for k in self.full_keys}

    @property
    def acronyms(self) -> set[str]:
        return {a for words in self.org_words if (a := names.initials(words))}


#: What a join rule says: the chain to join, None (this rule does not apply), or ``AMBIGUOUS`` (several
#: chains fit: the name starts a chain of its own, whatever later rules would say).
AMBIGUOUS = -1
Join = Callable[[Span, str, list[Chain]], int | None]  # (name, its key, the chains so far)
JOINS: list[Join] = []


_join = appending(JOINS, "chain")


def attach_name(span: Span, chains: list[Chain]) -> tuple[int, str]:
    """The chain a name joins, and the rule; or a new chain ("new")."""
    for form in names.name_forms(span.text):  # "Luis (Jerry) Ortiz" joins a "Jerry Ortiz" before it
        k = names.canonical(form)
        for join in JOINS:
            chain = join(span, k, chains)
            if chain == AMBIGUOUS:
                break
            if chain is not None:
                return chain, join.rule.name  # type: ignore[attr-defined]
    chains.append(Chain(len(chains)))
    return chains[-1].index, NEW.name


@_join("same-name", "the same name was used before, up to case, accents, transliteration and the place table's "
       "aliases", "Zelenskiy said ... Zelenskiy added ...; the U.S. ... the United States")
def same_name(span: Span, k: str, chains: list[Chain]) -> int | None:
    return next((chain.index for chain in reversed(chains) if k in chain.keys), None)


@_join("surname", "a surname joins the one earlier full name it ends; a full name joins an earlier surname alone",
       "Steve Witkoff left. Witkoff said ...")
def surname(span: Span, k: str, chains: list[Chain]) -> int | None:
    words = k.split()
    if len(words) == 1:
        fits = [c for c in chains if words[0] in c.surnames]
        return fits[0].index if len(fits) == 1 else AMBIGUOUS if fits else None
    if len(words) > 1 and span.label_ == "PERSON":
        # "Zelenskyy" ... "Volodymyr Zelenskyy"; a "name" with no word left once folded joins nothing by its words
        fits = [c for c in chains if not c.full_keys and not c.described and words[-1] in c.keys]
        return fits[0].index if len(fits) == 1 else None
    return None


@_join("first-name", "a first name joins the one earlier full name it starts, when no other person shares it; "
       "also where the model tags it an organisation or a nationality, unless a place, a verb or a business in the "
       "possessive spells it (\"Sophie said\", Sophie tagged ORG, after \"Sophie Lavoie\"; not \"Wendy's\"), and "
       "a nickname the article gave (\"JF\" after 'Jean-François \"JF\" Tremblay')",
       "Matt Smith scored. Matt celebrated.")
def first_name(span: Span, k: str, chains: list[Chain]) -> int | None:
    """A first name alone is how tabloids name a person the second time; the small model often tags it as
    something else ("Sophie" ORG, "Serkan" NORP), and an earlier full name of the article is the evidence it
    is a person (``find_actors`` then labels it one). A word the model tags a place keeps its reading
    ("Jordan" after "Jordan Ashworth" may be the country), and so do brands (``_mistagged_first_name``)."""
    words = k.split()
    if len(words) != 1:
        return None
    fits = [c for c in chains if words[0] in c.first_names]
    if span.label_ != "PERSON" and not _mistagged_first_name(span):
        fits = [c for c in fits if words[0] in c.nicknames]  # the article gave it as a nickname: "JF" (ORG)
    return fits[0].index if len(fits) == 1 else None


def _mistagged_first_name(span: Span) -> bool:
    """A word the model tags an organisation or a nationality that may still be a given name: one word in title
    case ("Sophie"; not "RCMP", "MacBook"), no place or demonym of the tables ("Kyiv", "Russian"), no verb
    ("Chase", "Sky": brands as often as names) and no business named in the possessive ("Wendy's said", "ate
    at Wendy's")."""
    doc = span.doc
    possessive = span.end < len(doc) and doc[span.end].lower_ in {"'s", "’s"}
    return (span.label_ in {"ORG", "NORP"} and len(span) == 1 and span.text.istitle() and not possessive
            and not names.place(span.text) and not names.demonym(span.text)
            and not meaning.senses(span.text.lower()))


@_join("acronym", "an acronym joins the one organisation whose initials it spells", "Hewlett-Packard bought EDS. HP paid cash.")
def acronym(span: Span, k: str, chains: list[Chain]) -> int | None:
    words = k.split()
    if len(words) != 1 or not (span.text.isupper() and 2 <= len(span.text.replace(".", "")) <= 5):
        return None
    fits = [c for c in chains if words[0] in c.acronyms]
    return fits[0].index if len(fits) == 1 else None


def record_name(chain: Chain, span: Span, title_tokens: list[Token]) -> None:
    """Add a name, its type vote, and the titles bound to it, to a chain."""
    text = names.strip_possessive(span.text)
    forms = names.name_forms(text)
    for form in forms:  # "Luis (Jerry) Ortiz": "Luis Ortiz" and "Jerry Ortiz"
        chain.names.add(form)
        k = names.canonical(form)
        chain.keys.add(k)
        if len(k.split()) > 1 and span.label_ == "PERSON":
            chain.full_keys.add(k)
            chain.person_evidence = True
            chain.gender = chain.gender or names.gender(names.name_words(form)[0])
    if len(forms) > 1 and span.label_ == "PERSON":  # the nickname's name: "Kev Marchuk", "JF Tremblay"
        chain.nicknames.add(names.canonical(forms[-1]).split()[0])
    if span.label_ == "ORG":
        words = tuple(names.fold(text.replace("-", " ")).split())
        if len(words) > 1:
            chain.org_words.add(words)
    chain.label_votes[span.label_] += 1
    for tok in title_tokens:
        if tok.lower_ in names.HONORIFICS or tok.lower_.rstrip(".") in names.HONORIFICS:
            chain.person_evidence = True
            chain.gender = chain.gender or ("f" if tok.lower_.startswith(("ms", "mrs", "miss")) else "m")
        elif tok.lemma_.lower() in names.TITLE_WORDS:
            chain.titles.setdefault(tok.lemma_.lower(), set()).update(_title_modifiers(tok, span))
            chain.descriptions.add(_description(tok, span))
            if span.label_ == "PERSON" or tok.lemma_.lower() not in {"leader", "head"}:
                chain.person_evidence = True


def _title_modifiers(title: Token, name: Span) -> set[str]:
    """The words that qualify a title, before it or in a phrase of a preposition after it, outside the name:
    "U.S." of "U.S. envoy Steve Witkoff", "Russia" of "ambassador to Russia John Sullivan", "European" and
    "Commission" of "Ursula von der Leyen, the president of the European Commission" (so that "the commission
    president" is her later)."""
    words = [t for c in title.children if c.dep_ in PRE_MODIFIERS - {"det"} for t in c.subtree]
    words += [t for c in title.children if c.dep_ == "prep" for p in c.children
              if p.dep_ == "pobj" for t in p.subtree if t.dep_ != "det"]
    return {names.fold(t.text) for t in words if not name.start <= t.i < name.end}


def title_tokens(span: Span, index: DocIndex) -> list[Token]:
    """Role nouns bound to a name: before it in its phrase, or in apposition on either side."""
    root = span.root
    inside = range(span.start, span.end)
    head = index.head
    # a possessor is not a title: "the star's rep Jack Ketsoyan" makes him a rep, not a star
    out = [t for t in index.tokens[max(0, span.start - 6) : span.start] if t.dep_ != "poss" and head(t).dep_ != "poss"
           and (head(t).i in inside or (head(head(t)).i in inside and t.dep_ in PRE_MODIFIERS))]
    out += [c for c in index.children(root) if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and head(root).pos_ == "NOUN":
        out.append(head(root))
    return out


def _description(title: Token, name: Span) -> str:
    """The role phrase as written, without the name and punctuation: "Zelenskyy’s chief of staff"."""
    words = [t for t in title.subtree if not (name.start <= t.i < name.end) and not t.is_punct]
    if title.i < name.start:
        words = [t for t in words if t.i < name.start]
    else:
        words = [t for t in words if t.i >= title.i or t.dep_ != "det"]
    return title.doc[words[0].i : words[-1].i + 1].text if words else title.text


def entities(chains: list[Chain]) -> list[LocalEntity]:
    return [
        LocalEntity(
            index=c.index,
            name=names.preferred_name(c.names) if c.names else c.described,
            type=chain_type(c),
            names=tuple(sorted(c.names)),
            descriptions=tuple(sorted(c.descriptions)),
            owner=c.owner,
            age=next(iter(c.ages)) if len(c.ages) == 1 else -1,
        )
        for c in chains
    ]



def chain_type(chain: Chain) -> str:
    """Known places keep their type; person evidence (full name, title, he/she) beats the model's vote."""
    for n in sorted(chain.names):
        known = names.place(n)
        if known:
            return known[0]
    if chain.person_evidence:
        return "PERSON"
    if not chain.names and chain.described_type:
        return chain.described_type
    votes = chain.label_votes.most_common()
    return min(votes, key=lambda lv: (-lv[1], lv[0]))[0] if votes else "PERSON"
