"""Token tests for the clean-up rules that run a person's name on or back (``cleanups.py``: nicknamed-name,
particle-surname, initial-given-name): which words can belong to a name, and where a nicknamed name ends."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import names
from ..lexicon import ACTOR_NOUNS, NAME_PARTICLES
from .labels import PLACE_LABELS

__all__ = ["nicknamed_end", "particle", "place_word", "role_word", "surname_word"]


def nicknamed_end(doc: Doc, start: int) -> int:
    """The end of "Given [Given [Given]] ( Nickname ) Surname" starting at ``start``, else -1: capitalised
    proper nouns, none a title, a noun for people or a place; the nickname no entity of another kind
    ("(Labor)", "(Nasdaq)") and not all capitals (a ticker or an acronym), the surname one word on the same
    line that modifies no noun after it."""
    def proper(i: int) -> bool:
        return (0 <= i < len(doc) and doc[i].tag_ == "NNP" and doc[i].is_alpha and doc[i].text[:1].isupper()
                and not role_word(doc[i]) and not place_word(doc[i]))

    if not proper(start):
        return -1
    i = start + 1
    while i < start + 3 and proper(i):
        i += 1
    if (i + 3 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")"
            or not proper(i + 1) or not proper(i + 3)):
        return -1
    nickname = doc[i + 1]
    # the nickname tagged on its own as something else ("(Labor)"), not as a part of the model's name entity
    own_entity = nickname.ent_type_ not in {"", "PERSON"} and not all(
        t.ent_iob_ == "I" for t in doc[start + 1:i + 2])
    # the surname modifying a noun after it is no surname ("Kevin Rudd (Labor) Prime Minister")
    if nickname.is_upper or own_entity or "\n" in doc[start:i + 4].text or doc[i + 3].dep_ == "compound":
        return -1
    return i + 4


def surname_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` can end a name after its particles: a capitalised proper noun (a line break between
    is a token of its own, which stops the particles)."""
    return i < len(doc) and doc[i].tag_ == "NNP" and doc[i].is_title


def particle(tok: Token) -> bool:
    return tok.is_lower and tok.text in NAME_PARTICLES


#: Titles and honorifics ("Deputy", "Mr."), read for every proper noun a nickname pattern may hold.
_TITLES = names.TITLE_WORDS | names.HONORIFICS


def role_word(tok: Token) -> bool:
    """A title, an honorific or a noun for people ("Deputy", "Mr.", "Police", "Officer"): no part of a name."""
    return tok.lower_.rstrip(".") in _TITLES or tok.lower_ in ACTOR_NOUNS


def place_word(tok: Token) -> bool:
    """A word the model tags a place, or the place table knows."""
    return tok.ent_type_ in PLACE_LABELS or names.place(tok.text) is not None
