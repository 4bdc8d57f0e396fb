"""Actors named by a common noun: a role bound to a name ("the U.S. envoy"), or a described actor
("the suspect", "Ukrainian forces", "police") that no name in the article stands for.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import names
from ..lexicon import ACTOR_NOUNS, GROUP_NOUNS
from .chains import Chain
from .docindex import DocIndex

Found = tuple[Span, str, str, int, str]  # span, kind, ner, chain, rule

_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# nouns for a state's government and for its armed forces: "Russian officials" are Russia's government,
# not Russia the country ("keep types distinct")
_GOVERNMENT = frozenset({"official", "officials", "government", "authorities", "authority", "administration", "diplomat"})
_MILITARY = frozenset({"force", "forces", "troop", "troops", "army", "military", "soldier", "soldiers"})
# nouns that name people or organisations: the actor lexicon and the role words of names.TITLE_WORDS
_PEOPLE_NOUNS = frozenset(ACTOR_NOUNS) | names.TITLE_WORDS
# definite singular nouns that, in news, name again the organisation last named ("the company")
_ORG_ANAPHORS = frozenset("company firm corporation maker manufacturer retailer carrier startup business studio label bank club team".split())
_FEMALE_NOUNS = frozenset("woman girl actress mother wife sister daughter queen princess spokeswoman girlfriend".split())
_MALE_NOUNS = frozenset("man boy actor father husband brother son king prince spokesman boyfriend".split())
# person nouns too generic to stand for a named person
_GENERIC_PEOPLE = frozenset("people person family child children kid crew staff member members individual".split())


def role_mentions(doc: Doc, chains: list[Chain], found: list[Found], index: DocIndex) -> list[tuple[Span, int]]:
    """ "the U.S. envoy": a definite role noun joins the one earlier actor introduced with that role."""
    taken = {t for s, *_ in found for t in range(s.start, s.end)}
    out = []
    for tok in index.tokens:
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.i in taken:
            continue
        role = tok.lemma_.lower()
        if role not in names.TITLE_WORDS:
            continue
        children = index.children(tok)
        if tok.dep_ in {"compound", "appos"} or any(c.dep_ == "appos" for c in children):
            continue  # bound to a name already ("envoy Steve Witkoff"), not a mention of its own
        if not any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in children):
            continue
        mods = {names.fold(c.text) for c in tok.subtree if c.i < tok.i and c.dep_ != "det"}
        earlier = {chain for s, _k, _n, chain, _r in found if s.start < tok.i}
        fits = [c for c in chains if c.index in earlier and role in c.titles and mods <= c.titles[role] | {""}]
        if len(fits) == 1:
            out.append((_phrase(doc, tok, set()), fits[0].index))
    return out


def described_mentions(doc: Doc, chains: list[Chain], found: list[Found], index: DocIndex) -> list[tuple[Span, int, str]]:
    """Common nouns naming people or organisations that no name stands for: one chain per description.

    Returns (span, chain, rule); new chains are appended to ``chains``. A group noun of a named organisation
    ("Foreign Ministry officials") is that organisation; a demonym's officials or forces are that state's
    government or military ("Russian officials" -> "Russian government"), never the country itself.
    """
    taken = {t for s, *_ in found for t in range(s.start, s.end)}
    name_chain = {t: chain for s, kind, _n, chain, _r in found if kind == "NAME" for t in range(s.start, s.end)}
    by_key: dict[str, int] = {}
    head = index.head
    out = []
    for tok in index.tokens:
        if tok.pos_ != "NOUN" or tok.i in taken or tok.dep_ == "compound":
            continue
        lemma = tok.lemma_.lower()
        if lemma not in _PEOPLE_NOUNS:
            continue
        if tok.dep_ == "pobj" and head(tok).lower_ == "of" and head(head(tok)).lemma_.lower() in _PEOPLE_NOUNS:
            continue  # part of a role: the "staff" of "chief of staff"
        children = index.children(tok)
        # apposition: "Andriy Yermak, Zelenskyy's chief of staff" / "Macron's adviser, Emmanuel Bonne"
        appositive = name_chain.get(head(tok).i) if tok.dep_ == "appos" else next(
            (name_chain[c.i] for c in children if c.dep_ == "appos" and c.i in name_chain), None)
        if appositive is not None:
            out.append((_phrase(doc, tok, taken), appositive, "apposition"))
            continue
        owners = {name_chain[c.i] for c in children if c.dep_ == "compound" and c.i in name_chain}
        if lemma in GROUP_NOUNS and len(owners) == 1 and chains[next(iter(owners))].label_votes.get("ORG"):
            out.append((doc[tok.i : tok.i + 1], next(iter(owners)), "group-of"))
            continue
        key, label, typ = _describe(tok, lemma, index)
        if key in by_key:
            out.append((_phrase(doc, tok, taken), by_key[key], "same-description"))
            continue
        named = _named_antecedent(tok, lemma, chains, found, index)
        if named is not None:
            out.append((_phrase(doc, tok, taken), named, "definite-description"))
            continue
        chain = Chain(len(chains), described=label, described_type=typ, plural=tok.tag_ == "NNS")
        chains.append(chain)
        by_key[key] = chain.index
        span = _phrase(doc, tok, taken)
        chain.descriptions.add(span.text)
        out.append((span, chain.index, "new"))
    return out


def _named_antecedent(tok: Token, lemma: str, chains: list[Chain], found: list[Found], index: DocIndex) -> int | None:
    """ "Microsoft ... the company", "Tara Reid ... the actress": a definite singular role names again the
    most often mentioned fitting person or organisation of the article so far: the story's subject, rather
    than whoever was named last."""
    children = index.children(tok)
    if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return None
    if lemma in _GENERIC_PEOPLE or any(c.dep_ in {"amod", "compound"} and c.text[:1].isupper() for c in children):
        return None
    wanted = ACTOR_NOUNS.get(lemma, "PERSON")
    if wanted == "ORG" and lemma not in _ORG_ANAPHORS:
        return None
    gender = "f" if lemma in _FEMALE_NOUNS else "m" if lemma in _MALE_NOUNS else ""
    counts: dict[int, tuple[int, int]] = {}
    for span, _kind, _ner, chain, _rule in found:
        c = chains[chain]
        if span.start >= tok.i or not c.names:
            continue
        is_person = c.person_evidence or c.label_votes.most_common(1)[0][0] == "PERSON"
        if (wanted == "PERSON") != is_person or (wanted == "ORG" and not c.label_votes.get("ORG")):
            continue
        if gender and c.gender and c.gender != gender:
            continue
        n, _last = counts.get(chain, (0, 0))
        counts[chain] = (n + 1, span.start)
    return max(counts, key=lambda ch: counts[ch]) if counts else None


def _describe(tok: Token, lemma: str, index: DocIndex) -> tuple[str, str, str]:
    """(key, label, type) of a described actor: its head ("thief" for "jewel thieves"), or a state's
    government or military ("Ukrainian forces" -> "Ukrainian military")."""
    mods = [c for c in index.children(tok) if c.i < tok.i and c.dep_ in {"amod", "compound", "nmod"} and c.text[:1].isupper()]
    adjective = next((c.text for c in mods if names.demonym(c.text)), "")
    country = names.demonym(adjective) if adjective else None
    if country and tok.lower_ in _GOVERNMENT:
        return f"government of {names.fold(country)}", f"{adjective} government", "ORG"
    if country and tok.lower_ in _MILITARY:
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
