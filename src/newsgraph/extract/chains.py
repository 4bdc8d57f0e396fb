"""Within-article chains of names: which names in one article are one actor, and of which type.

A name joins an earlier chain when it is the same name (up to spelling), an alias from the place table,
a surname or unambiguous first name of an earlier full name, an acronym of an earlier organisation, or the
full form of an earlier surname. Every join records its rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .. import names
from ..model import LocalEntity
from .docindex import DocIndex

_PRE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det"})


@dataclass
class Chain:
    """A local entity while it is being built."""

    index: int
    label_votes: Counter[str] = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # name keys of every name used
    full_keys: set[str] = field(default_factory=set)  # keys of person names with two or more words
    org_words: set[tuple[str, ...]] = field(default_factory=set)  # words of multi-word organisation names
    titles: dict[str, set[str]] = field(default_factory=dict)  # role noun -> modifier words
    descriptions: set[str] = field(default_factory=set)
    described: str = ""  # for an actor known only by a description: its key ("ukrainian forces")
    described_type: str = ""
    gender: str = ""
    person_evidence: bool = False
    plural: bool = False

    @property
    def surnames(self) -> set[str]:
        return {k.split()[-1] for k in self.full_keys}

    @property
    def first_names(self) -> set[str]:
        return {k.split()[0] for k in self.full_keys}

    @property
    def acronyms(self) -> set[str]:
        return {"".join(w[0] for w in words) for words in self.org_words if len(words) > 1}


def attach_name(span: Span, chains: list[Chain]) -> tuple[int, str]:
    """The chain a name joins, and the rule; or a new chain ("new")."""
    k = names.canonical(span.text)
    words = k.split()
    for chain in reversed(chains):
        if k in chain.keys:
            return chain.index, "same-name"
    known = names.place(span.text)
    if known:
        for chain in reversed(chains):
            if any((p := names.place(n)) and p[1] == known[1] for n in chain.names):
                return chain.index, "alias"
    if len(words) == 1:
        rule = _one_word(words[0], span, chains)
        if rule:
            return rule
    elif len(words) > 1:
        # a full name joins an earlier surname-only chain ("Zelenskyy" ... "Volodymyr Zelenskyy");
        # a "name" with no word left once folded (the quote marks "` `" tagged ORG) joins nothing by its words
        fits = [c for c in chains if not c.full_keys and not c.described and words[-1] in c.keys]
        if len(fits) == 1 and span.label_ == "PERSON":
            return fits[0].index, "surname"
    chains.append(Chain(len(chains)))
    return chains[-1].index, "new"


def _one_word(word: str, span: Span, chains: list[Chain]) -> tuple[int, str] | None:
    # a surname joins the one earlier full name it ends ("Witkoff" after "Steve Witkoff")
    fits = [c for c in chains if word in c.surnames]
    if len(fits) == 1:
        return fits[0].index, "surname"
    if fits:
        return None
    # a first name joins the one earlier full name it starts, when no other person shares it ("Matt")
    fits = [c for c in chains if word in c.first_names]
    if len(fits) == 1 and span.label_ == "PERSON":
        return fits[0].index, "first-name"
    # an acronym joins the one organisation whose initials it spells ("HP" after "Hewlett-Packard")
    if span.text.isupper() and 2 <= len(span.text.replace(".", "")) <= 5:
        fits = [c for c in chains if word in c.acronyms]
        if len(fits) == 1:
            return fits[0].index, "acronym"
    return None


def record_name(chain: Chain, span: Span, title_tokens: list[Token]) -> None:
    """Add a name, its type vote, and the titles bound to it, to a chain."""
    text = names.strip_possessive(span.text)
    chain.names.add(text)
    k = names.canonical(text)
    chain.keys.add(k)
    if len(k.split()) > 1 and span.label_ == "PERSON":
        chain.full_keys.add(k)
        chain.person_evidence = True
        chain.gender = chain.gender or names.gender(names.name_words(text)[0])
    if span.label_ == "ORG":
        words = tuple(w for w in names.fold(text.replace("-", " ")).split() if w not in {"and", "of", "the", "&"})
        if len(words) > 1:
            chain.org_words.add(words)
    chain.label_votes[span.label_] += 1
    for tok in title_tokens:
        if tok.lower_ in names.HONORIFICS or tok.lower_.rstrip(".") in names.HONORIFICS:
            chain.person_evidence = True
            chain.gender = chain.gender or ("f" if tok.lower_.startswith(("ms", "mrs", "miss")) else "m")
        elif tok.lemma_.lower() in names.TITLE_WORDS:
            mods = {names.fold(c.text) for c in tok.subtree if c.i != tok.i and c.i < span.start and c.dep_ != "det"}
            chain.titles.setdefault(tok.lemma_.lower(), set()).update(mods)
            chain.descriptions.add(_description(tok, span))
            if span.label_ == "PERSON" or tok.lemma_.lower() not in {"leader", "head"}:
                chain.person_evidence = True


def title_tokens(span: Span, index: DocIndex) -> list[Token]:
    """Role nouns bound to a name: before it in its phrase, or in apposition on either side."""
    root = span.root
    inside = range(span.start, span.end)
    head = index.head
    # a possessor is not a title: "the star's rep Jack Ketsoyan" makes him a rep, not a star
    out = [t for t in index.tokens[max(0, span.start - 6) : span.start] if t.dep_ != "poss" and head(t).dep_ != "poss"
           and (head(t).i in inside or (head(head(t)).i in inside and t.dep_ in _PRE_MODIFIER_DEPS))]
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
