"""Actor mentions in one article, and the chains that make them one actor.

Four kinds of mention, found in this order:
1. names: the model's entities, minus the ones that name no actor (adjectival demonyms, words inside a
   title such as "Secretary of State", headline fragments). A place named as a setting ("talks in Paris",
   the "MOSCOW, Sept. 4" dateline) is a mention, so coverage counts it, but it takes part in no event;
2. roles: a definite role noun ("the U.S. envoy") bound to a name that carried the same role;
3. described actors: common nouns for people and organisations ("the suspect", "Ukrainian forces"); a
   definite singular one names again the person or company last named ("Microsoft ... the company");
4. pronouns: he/she, they, who, to the most salient compatible antecedent.
Each mention records the rule that attached it to its chain, so a user can audit every merge.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import names
from ..lexicon import LOCATIVE_PREPS
from ..model import ActorMention, LocalEntity
from .chains import Chain, attach_name, entities, record_name, title_tokens
from .docindex import DocIndex
from .nominals import described_mentions, role_mentions
from .pronouns import pronoun_mentions

__all__ = ["ACTOR_LABELS", "find_actors", "name_spans"]

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def find_actors(doc: Doc, *, index: DocIndex | None = None) -> tuple[list[ActorMention], list[LocalEntity], dict[int, int]]:
    """Every actor mention of ``doc`` with its local entity; also token index -> mention index."""
    index = index if index is not None else DocIndex(doc)
    sentence_of = index.sentence_of
    chains: list[Chain] = []
    found: list[tuple[Span, str, str, int, str]] = []  # span, kind, ner, chain, rule

    settings: set[int] = set()  # token indices of places named as a setting: mentioned, but no participant
    for span in name_spans(doc, index=index):
        if _is_dateline(span) or (span.label_ in _PLACE_LABELS and _is_locative(span)):
            settings.update(range(span.start, span.end))
        chain, rule = attach_name(span, chains)
        record_name(chains[chain], span, title_tokens(span, index))
        found.append((span, "NAME", span.label_, chain, rule))

    found += _repeated_names(doc, chains, found, index)
    found += [(span, "NOMINAL", "", chain, "title") for span, chain in role_mentions(doc, chains, found, index)]
    found += [(span, "NOMINAL", "", chain, rule) for span, chain, rule in described_mentions(doc, chains, found, index)]
    found.sort(key=lambda f: f[0].start)
    pronoun_mentions(doc, chains, found, index)

    mentions = [
        ActorMention(
            start=s.start_char, end=s.end_char, text=s.text, kind=kind,  # type: ignore[arg-type]
            ner=ner, sentence=sentence_of[s.start], head=s.root.lemma_.lower(), local=chain, rule=rule,
        )
        for s, kind, ner, chain, rule in found
    ]
    token_mention = {t: i for i, (s, *_rest) in enumerate(found) for t in range(s.start, s.end) if t not in settings}
    return mentions, entities(chains), token_mention


def _repeated_names(
    doc: Doc, chains: list[Chain], found: list[tuple[Span, str, str, int, str]], index: DocIndex
) -> list[tuple[Span, str, str, int, str]]:
    """A proper noun the model left untagged that spells a name (or surname) already found in the article:
    the model often tags "Zelenskyy" in one sentence and not in the next."""
    taken = {t for s, *_ in found for t in range(s.start, s.end)}
    by_word: dict[str, set[int]] = {}
    for c in chains:
        for k in c.keys | c.surnames:
            if " " not in k:
                by_word.setdefault(k, set()).add(c.index)
    out = []
    for tok in index.tokens:
        if tok.pos_ != "PROPN" or tok.i in taken or not tok.text[:1].isupper():
            continue
        key = names.canonical(tok.text)
        fits = by_word.get(key, set())
        if len(fits) == 1:
            chain = next(iter(fits))
            label = chains[chain].label_votes.most_common(1)[0][0] if chains[chain].label_votes else "PERSON"
            rule = "same-name" if key in chains[chain].keys else "surname"
            out.append((Span(doc, tok.i, tok.i + 1, label=label), "NAME", label, chain, rule))
    return out


def name_spans(doc: Doc, *, index: DocIndex | None = None) -> list[Span]:
    """The model's entities that name actors or places, trimmed of articles and possessive marks."""
    index = index if index is not None else DocIndex(doc)
    ents = index.ents
    headline = _headline_tokens(index.tokens)
    body_names = {names.fold(e.text) for e in ents if e.start not in headline}
    spans = []
    for ent in ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        span = _trim(ent)
        if span is not None and span.start in headline:
            span = _headline_name(span, body_names)
        if span is None or _is_adjective(span) or _in_title(span) or not names.names_someone(span.text):
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


def _headline_tokens(tokens: list[Token]) -> set[int]:
    """Tokens of title-case lines ("HP To Acquire Data Center Cooling"), where the model's entities run wild."""
    out: set[int] = set()
    line: list[int] = []
    for token in tokens + [None]:  # type: ignore[list-item]
        if token is not None and not (token.is_space and "\n" in token.text):
            line.append(token.i)
            if "\n" not in token.whitespace_:
                continue
        words = [tokens[i] for i in line if tokens[i].is_alpha]
        ends_sentence = bool(line) and tokens[line[-1]].text in {".", "!", "?", "”", '"'}
        if len(words) >= 3 and not ends_sentence and sum(w.text[0].isupper() for w in words) >= 0.75 * len(words):
            out.update(line)
        line = []
    return out


def _headline_name(span: Span, body_names: set[str]) -> Span | None:
    """In a headline, keep only the longest part of an entity that the article's body also names."""
    if names.fold(span.text) in body_names or names.place(span.text):
        return span
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            part = Span(span.doc, start, start + size, label=span.label_)
            if names.fold(part.text) in body_names or names.place(part.text):
                return part
    return None


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
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS
