"""The model's entities as the names they hold: one name each, or two where an entity coordinates two names
("Lopez and Carrasquillo"). ``cleanups.name_spans`` cleans up what this gives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Span

from .. import names
from ..lexicon import ORG_FUNCTION_WORDS
from ..rules import named, rule
from .labels import ACTOR_LABELS, PLACE_LABELS

__all__ = ["ENTITY", "entity_parts"]

ENTITY = named("mention", "entity", "an entity the model tags PERSON, ORG, GPE, NORP or LOC names an actor",
               "U.S. special presidential envoy Steve Witkoff left the meeting.")


def entity_parts(ents: Sequence[Span]) -> list[tuple[Span, str]]:
    """The model's actor entities, those that coordinate two names split in two, with the rule behind each."""
    out: list[tuple[Span, str]] = []
    words = [{names.fold(w) for w in e.text.split()} for e in ents]
    entities_with = Counter(w for ws in words for w in ws)  # a word -> how many entities hold it
    for ent, own in zip(ents, words):
        if ent.label_ in ACTOR_LABELS:
            parts = coordinated_names(ent, {w for w in own if entities_with[w] > 1})
            out += [(p, coordinated_names.rule.name) for p in parts] if parts else [(ent, ENTITY.name)]  # type: ignore[attr-defined]
    return out


@rule("mention", "coordinated-names", "an entity that coordinates two names (\"and\" whose second conjunct hangs on "
      "the first) is two names: one word each side, places or one the article also names on its own, or two people's given "
      "names; an organisation's own \"and\" (\"Procter and Gamble\") is not a coordination of names",
      "Lopez and Carrasquillo were targeting members of a rival gang -> Lopez; Carrasquillo")
def coordinated_names(ent: Span, named_elsewhere: frozenset[str] | set[str] = frozenset()) -> list[Span]:
    """The names an entity coordinates, or nothing when it is one name. ``named_elsewhere``: its words that
    other entities of the article hold too (folded)."""
    for tok in ent[1:-1]:
        conj = ent.doc[tok.i + 1]
        if tok.dep_ != "cc" or tok.lower_ != "and" or not (ent.start <= tok.head.i < tok.i):
            continue
        # a conjunct of names: one proper noun each side ("Lopez and Carrasquillo", "Philly and Cheeks"),
        # not "Academy of Motion Picture Arts and Sciences", where common nouns are coordinated inside a name
        left, right = ent.doc[ent.start : tok.i], ent.doc[tok.i + 1 : ent.end]
        conjunct = next((t for t in right if t.dep_ == "conj" and t.head.i == tok.head.i), None)
        if conjunct is None or not all(t.pos_ == "PROPN" for t in (*left, *right)) or conj.is_punct:
            continue
        if any(t.lower_ in ORG_FUNCTION_WORDS for t in (*left, *right)):
            continue
        # one word each side, two places ("Eyl and Hobyo") or one the article names on its own too ("Lopez and
        # Carrasquillo" beside "Andrew Lopez"; not "Procter and Gamble"), or two people's names ("Tyler
        # Hansbrough and Wayne Ellington"); not "Central Election and Referendum Commission"
        alone = len(left) == len(right) == 1 and (ent.label_ in PLACE_LABELS or bool(
            {names.fold(left[0].text), names.fold(right[0].text)} & named_elsewhere))
        if not (alone or (names.gender(left[0].text) and names.gender(right[0].text))):
            continue
        return [Span(ent.doc, left.start, left.end, label=ent.label_), Span(ent.doc, right.start, right.end, label=ent.label_)]
    return []
