"""Actor mentions in one article, and the chains that make them one actor.

Three kinds of mention, found in this order:
1. names: the model's entities, minus the ones that name no actor (adjectival demonyms, words inside a
   title such as "Secretary of State"). A place named as a setting ("talks in Paris", the "MOSCOW, Sept. 4"
   dateline) is a mention, so coverage counts it, but it takes part in no event;
2. descriptions: a definite role noun ("the U.S. envoy") bound to a name that carried the same role;
3. pronouns: he/him/his, she/her, to the most salient compatible person before them.
Each mention records the rule that attached it to its chain, so a user can audit every merge.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import names
from ..model import ActorMention, LocalEntity

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# prepositions whose object is where something happens, not who does it
_LOCATIVE_PREPS = frozenset("in at to into across near within throughout around outside inside toward towards onto".split())
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PRE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_QUOTES = frozenset("\"“”„«»")
REPORTING = frozenset(
    """say tell claim argue state add note stress insist warn reveal report confirm deny announce explain
    suggest continue write tweet accuse allege admit acknowledge declare assert underscore""".split()
)


@dataclass
class _Chain:
    """A local entity while it is being built."""

    index: int
    label_votes: Counter[str] = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # name keys of every name used
    full_keys: set[str] = field(default_factory=set)  # keys of names with two or more words
    titles: dict[str, set[str]] = field(default_factory=dict)  # role noun -> modifier words
    descriptions: set[str] = field(default_factory=set)
    gender: str = ""
    person_evidence: bool = False

    @property
    def surname(self) -> set[str]:
        return {k.split()[-1] for k in self.full_keys}


def find_actors(doc: Doc) -> tuple[list[ActorMention], list[LocalEntity], dict[int, int]]:
    """Every actor mention of ``doc`` with its local entity; also token index -> mention index."""
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    sentence_of = {t.i: sent_index[t.sent.start] for t in doc}
    chains: list[_Chain] = []
    found: list[tuple[Span, str, str, int, str]] = []  # span, kind, ner, chain, rule

    settings: set[int] = set()  # token indices of places named as a setting: mentioned, but no participant
    for span in name_spans(doc):
        if _is_dateline(span) or (span.label_ in _PLACE_LABELS and _is_locative(span)):
            settings.update(range(span.start, span.end))
        chain, rule = _attach_name(span, chains)
        _record_name(chains[chain], span)
        found.append((span, "NAME", span.label_, chain, rule))

    for span, chain in _descriptions(doc, chains, found):
        found.append((span, "NOMINAL", "", chain, "title"))
    found.sort(key=lambda f: f[0].start)

    for token in doc:
        if token.lower_ in _MALE | _FEMALE and not _in_quote(token):
            chain = _antecedent(token, found, chains, sentence_of)
            if chain is not None:
                chains[chain].gender = chains[chain].gender or ("m" if token.lower_ in _MALE else "f")
                chains[chain].person_evidence = True
                found.append((doc[token.i : token.i + 1], "PRONOUN", "", chain, "pronoun"))
                found.sort(key=lambda f: f[0].start)

    entities = _entities(chains)
    mentions = [
        ActorMention(
            start=s.start_char, end=s.end_char, text=s.text, kind=kind,  # type: ignore[arg-type]
            ner=ner, sentence=sentence_of[s.start], head=s.root.lemma_.lower(), local=chain, rule=rule,
        )
        for s, kind, ner, chain, rule in found
    ]
    token_mention = {t: i for i, (s, *_rest) in enumerate(found) for t in range(s.start, s.end) if t not in settings}
    return mentions, entities, token_mention


# --- 1. names ---------------------------------------------------------------------------------------
def name_spans(doc: Doc) -> list[Span]:
    """The model's entities that name actors or places, trimmed of articles and possessive marks."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        span = _trim(ent)
        if span is None or _is_adjective(span) or _in_title(span):
            continue
        known = names.place(span.text)
        spans.append(Span(doc, span.start, span.end, label=known[0] if known else ent.label_))
    return spans


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].lower_ in {"the", "a", "an"} or ent.doc[start].is_punct):
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].is_punct):
        end -= 1
    return Span(ent.doc, start, end, label=ent.label_) if end > start else None


def _is_dateline(span: Span) -> bool:
    """ "MOSCOW, September 4 — ...": the place a story was filed from opens its first line."""
    first = span.doc[span.start]
    line_start = first.i == 0 or "\n" in span.doc[first.i - 1].text_with_ws
    return line_start and span.text.isupper() and span.end < len(span.doc) and span.doc[span.end].text == ","


def _is_adjective(span: Span) -> bool:
    """ "Ukrainian officials", "Western allies": a demonym used as an adjective names no actor of its own."""
    return len(span) == 1 and (span[0].tag_ == "JJ" or span[0].dep_ == "amod") and span.label_ in {"NORP", "GPE"}


def _in_title(span: Span) -> bool:
    """ "Secretary of State Marco Rubio": the "State" the model tags ORG belongs to the title."""
    head = span.root.head
    return (
        len(span) == 1 and span.root.dep_ == "pobj" and head.lower_ == "of"
        and head.head.lower_ in names.TITLE_WORDS and head.head.dep_ in {"compound", "nmod"}
    )


def _is_locative(span: Span) -> bool:
    """ "met in Paris", "flew to Kyiv": the object of a preposition of place."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS


def _attach_name(span: Span, chains: list[_Chain]) -> tuple[int, str]:
    """The chain a name joins (same name, alias, surname, or the full form of an earlier surname) or a new one."""
    k = names.canonical(span.text)
    words = k.split()
    for chain in reversed(chains):
        if k in chain.keys:
            return chain.index, "same-name"
    if names.place(span.text):
        canon = names.place(span.text)[1]  # type: ignore[index]
        for chain in reversed(chains):
            if any(names.place(n) and names.place(n)[1] == canon for n in chain.names):  # type: ignore[index]
                return chain.index, "alias"
    if len(words) == 1:
        # a surname joins the one earlier full name it ends ("Witkoff" after "Steve Witkoff")
        fits = [c for c in chains if words[0] in c.surname]
        if len(fits) == 1:
            return fits[0].index, "surname"
    else:
        # a full name joins an earlier surname-only chain ("Zelenskyy" ... "Volodymyr Zelenskyy")
        fits = [c for c in chains if not c.full_keys and words[-1] in c.keys]
        if len(fits) == 1:
            return fits[0].index, "surname"
    chains.append(_Chain(len(chains)))
    return chains[-1].index, "new"


def _record_name(chain: _Chain, span: Span) -> None:
    text = names.strip_possessive(span.text)
    chain.names.add(text)
    k = names.canonical(text)
    chain.keys.add(k)
    if len(k.split()) > 1 and span.label_ == "PERSON":
        chain.full_keys.add(k)
        chain.person_evidence = True
    chain.label_votes[span.label_] += 1
    for tok in _title_tokens(span):
        if tok.lower_ in names.HONORIFICS or tok.lower_.rstrip(".") in names.HONORIFICS:
            chain.person_evidence = True
            chain.gender = chain.gender or ("f" if tok.lower_.startswith(("ms", "mrs", "miss")) else "m")
        elif tok.lemma_.lower() in names.TITLE_WORDS:
            mods = {names.fold(c.text) for c in tok.subtree if c.i != tok.i and c.i < span.start and c.dep_ != "det"}
            chain.titles.setdefault(tok.lemma_.lower(), set()).update(mods)
            chain.descriptions.add(_description(tok, span))
            if span.label_ == "PERSON" or tok.lemma_.lower() not in {"leader", "head"}:
                chain.person_evidence = True


def _description(title: Token, name: Span) -> str:
    """The role phrase as written, without the name and punctuation: "Zelenskyy’s chief of staff"."""
    words = [t for t in title.subtree if not (name.start <= t.i < name.end) and not t.is_punct]
    words = [t for t in words if t.i < name.start] if title.i < name.start else [t for t in words if t.i >= title.i or t.dep_ != "det"]
    return title.doc[words[0].i : words[-1].i + 1].text if words else title.text


def _title_tokens(span: Span) -> list[Token]:
    """Role nouns bound to a name: before it in its phrase, or in apposition on either side."""
    doc, root = span.doc, span.root
    out = [t for t in doc[max(0, span.start - 6) : span.start] if t.head.i in range(span.start, span.end)
           or (t.head.head.i in range(span.start, span.end) and t.dep_ in _PRE_MODIFIER_DEPS)]
    out += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        out.append(root.head)
    return out


# --- 2. descriptions -------------------------------------------------------------------------------
def _descriptions(doc: Doc, chains: list[_Chain], found: list[tuple[Span, str, str, int, str]]) -> list[tuple[Span, int]]:
    """ "the U.S. envoy": a definite role noun joins the nearest earlier actor introduced with that role."""
    taken = {t for s, *_ in found for t in range(s.start, s.end)}
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.i in taken or tok.lemma_.lower() not in names.TITLE_WORDS:
            continue
        if tok.dep_ in {"compound", "appos"} or any(c.dep_ == "appos" for c in tok.children):
            continue  # bound to a name already ("envoy Steve Witkoff"), not a mention of its own
        dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in {"the", "this", "that"}]
        if not dets:
            continue
        mods = {names.fold(c.text) for c in tok.subtree if c.i < tok.i and c.dep_ != "det"}
        earlier = {chain for s, _k, _n, chain, _r in found if s.start < tok.i}
        fits = [c for c in chains if c.index in earlier and mods <= c.titles.get(tok.lemma_.lower(), set()) | {""}]
        if tok.lemma_.lower() in {c for ch in fits for c in ch.titles} and len(fits) == 1:
            start = min(t.i for t in tok.subtree if t.i <= tok.i)
            out.append((doc[start : tok.i + 1], fits[0].index))
    return out


# --- 3. pronouns -----------------------------------------------------------------------------------
def _in_quote(token: Token) -> bool:
    """Inside quotation marks of its own sentence (an odd number of quote marks before it)."""
    before = token.doc[token.sent.start : token.i]
    return sum(1 for t in before if t.text in _QUOTES or t.text == "''" or t.text == "``") % 2 == 1


def _antecedent(pron: Token, found: list[tuple[Span, str, str, int, str]], chains: list[_Chain], sentence_of: dict[int, int]) -> int | None:
    """The most salient person before ``pron``: subjects first, the nearer sentence first, then recency."""
    gender = "m" if pron.lower_ in _MALE else "f"
    here = sentence_of[pron.i]
    excluded = _quoted_names(pron, found)
    best: tuple[int, int, int] | None = None
    choice = None
    for span, _kind, _ner, chain, _rule in found:
        if span.start >= pron.i or here - sentence_of[span.start] > 2 or chain in excluded:
            continue
        c = chains[chain]
        if not (c.person_evidence or c.label_votes.most_common(1)[0][0] == "PERSON"):
            continue
        if c.gender and c.gender != gender:
            continue
        score = (here - sentence_of[span.start], 0 if _is_subject(span.root) else 1, -span.start)
        if best is None or score < best:
            best, choice = score, chain
    return choice


def _is_subject(token: Token) -> bool:
    if token.dep_ in _SUBJECT_DEPS:
        return True
    # "it was Lavrov who called Rubio": the antecedent of a subject relative pronoun
    return any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.tag_ in {"WP", "WDT"} for g in c.children) for c in token.children)


def _quoted_names(pron: Token, found: list[tuple[Span, str, str, int, str]]) -> set[int]:
    """ "He claimed that “Mr. Witkoff has ...”": the speaker is not the person the claim names."""
    verb = pron.head
    if pron.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING:
        return set()
    end = pron.sent.end
    return {chain for s, kind, _n, chain, _r in found if kind == "NAME" and verb.i < s.start < end}


# --- chains -> entities ------------------------------------------------------------------------------
def _entities(chains: list[_Chain]) -> list[LocalEntity]:
    return [
        LocalEntity(
            index=c.index,
            name=preferred_name(c.names),
            type=_type(c),
            names=tuple(sorted(c.names)),
            descriptions=tuple(sorted(c.descriptions)),
        )
        for c in chains
    ]


def preferred_name(candidates: set[str] | tuple[str, ...]) -> str:
    """The fullest name: most words, then longest, then alphabetical (never order-dependent)."""
    return min(candidates, key=lambda n: (-len(names.name_words(n)), -len(n), n))


def _type(chain: _Chain) -> str:
    """Known places keep their type; person evidence (full name, title, he/she) beats the model's vote."""
    for n in sorted(chain.names):
        known = names.place(n)
        if known:
            return known[0]
    if chain.person_evidence:
        return "PERSON"
    votes = chain.label_votes.most_common()
    return min(votes, key=lambda lv: (-lv[1], lv[0]))[0]
