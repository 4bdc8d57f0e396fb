"""Names the model does not tag: a plural proper noun after "the" names a group ("the Colts", "the Tar Heels").

The small English model tags most teams, bands and parties named by a plural (NNPS) as no entity at all,
so a sports story's two sides were no actors, and the "Jags" one outlet tagged stood alone against the
"Jaguars" nobody found. The part-of-speech tag is the evidence, not a list of teams: a capitalised plural
the parser calls a proper noun, with "the" before it, in running text (title-case headlines capitalise
every word, so their tags say nothing).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..meaning import is_event_noun
from ..rules import rule
from .docindex import DocIndex

__all__ = ["plural_names"]

#: Dependencies of a word that is no group's name of its own but part of a longer name or a count:
#: "Human Rights Watch", "seven AK-47s" (the count is looked up apart).
_INSIDE = frozenset({"compound"})


@rule("mention", "plural-name", "a capitalised plural proper noun with \"the\" before it, outside the model's "
      "entities and title-case lines, names a group (an organisation), with the proper nouns compounded before it",
      "The Colts, trailing 14-0 at the start of the second quarter, scored 17 unanswered points.")
def plural_names(doc: Doc, index: DocIndex, headline: set[int]) -> list[Span]:
    """The groups named by a plural proper noun, as ORG spans in document order."""
    out = []
    for tok in index.tokens:
        if not _plural_name(tok) or tok.i in headline:
            continue
        children = index.children(tok)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(c.dep_ == "nummod" for c in children):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and index.head(doc[start - 1]).i == tok.i and doc[start - 1].tag_ == "NNP":
            start -= 1
        span = doc[start:tok.i + 1]
        if any(t.ent_type_ for t in span):  # "the NBA Finals", "the U.S. Marshals": the model's entity decides
            continue
        out.append(Span(doc, start, tok.i + 1, label="ORG"))
    return out


def _plural_name(tok: Token) -> bool:
    """A capitalised word of letters, the rest lower case, that the tagger calls a plural proper noun, whose
    singular names no happening. Left out: all capitals and inner capitals ("ISPs", "CPUs", "McDonalds"),
    digits ("the 49ers", which the model tags as a number), and events and titles ("the NBA Playoffs", "the
    Hunger Games"). A region named by a plural the model misses ("the Midlands") comes out an organisation."""
    text = tok.text
    return (tok.tag_ == "NNPS" and not tok.ent_type_ and tok.dep_ not in _INSIDE and text.isalpha()
            and text[0].isupper() and text[1:].islower() and not is_event_noun(tok.lower_.removesuffix("s")))
