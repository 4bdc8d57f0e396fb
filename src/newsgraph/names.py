"""Name normalisation shared by within-article and cross-article resolution. Pure: no spaCy, no rdflib.

Two names are candidates for one actor when their keys agree: ``key("Zelenskiy") == key("Zelenskyy")``.
The key folds case, diacritics, punctuation and common transliteration variants; the place table joins
aliases ("U.S." / "US" / "the United States" / "America").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources

from .lexicon import (
    ABBREVIATIONS,
    HONORIFICS,
    LEGAL_FORMS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_FUNCTION_WORDS,
    RANK_ABBREVIATIONS,
    TITLE_WORDS,
)

__all__ = ["HONORIFICS", "TITLE_WORDS", "canonical", "capital_of", "country", "demonym", "fold", "gender", "key", "name_words",
           "initials", "is_acronym", "names_someone", "place", "preferred_name", "strip_possessive", "surname", "translit"]

_PUNCT = re.compile(r"[.\u2019'`´]")
_SPACE = re.compile(r"[^a-z0-9&]+")


#: Distinct names whose keys are kept: extraction and resolution ask for the same names again and again
#: (each call runs several regular expressions); bounded so a long build does not grow.
_NAMES_KEPT = 1 << 14


@lru_cache(maxsize=_NAMES_KEPT)
def fold(text: str) -> str:
    """Lower-case ASCII words, no dots or apostrophes, no leading article.

    >>> fold("the U.S.")
    'us'
    >>> fold("Zelenskyy’s")
    'zelenskyys'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _SPACE.sub(" ", _PUNCT.sub("", ascii_text.lower())).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def strip_possessive(text: str) -> str:
    return re.sub(r"[\u2019']s?$", "", text.strip())


#: Words that name no one on their own and open no name: honorifics, titles and the ranks abbreviations
#: stand for ("mr", "president", "detective").
_ROLE_WORDS = HONORIFICS | TITLE_WORDS | frozenset(RANK_ABBREVIATIONS.values())


def _expanded(text: str) -> list[str]:
    """The folded words of ``text`` with abbreviations written out ("Mt" -> "mount"); a rank's only where the
    text does not write it in capitals ("Adm." -> "admiral", not the company "ADM")."""
    capitals = {fold(w) for w in text.split() if len(w.strip(".")) > 1 and w.strip(".").isupper()}
    return [ABBREVIATIONS.get(w) or (RANK_ABBREVIATIONS.get(w, w) if w not in capitals else w)
            for w in fold(text).split()]


def name_words(name: str) -> list[str]:
    """The folded words of a name without honorifics, leading titles and leading initials ("President
    Emmanuel Macron", "W. Mark Felt" -> "mark felt": a first initial before a full name is often left out).

    >>> name_words("W. Mark Felt Sr."), name_words("George W. Bush"), name_words("J. Smith")
    (['mark', 'felt'], ['george', 'w', 'bush'], ['j', 'smith'])
    """
    words = _expanded(strip_possessive(name))
    while len(words) > 1 and words[0] in _ROLE_WORDS:
        words = words[1:]
    while len(words) > 2 and len(words[0]) == 1:
        words = words[1:]
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1] in NAME_SUFFIXES):
        words = words[:-1]
    return words


#: "Luis Gerardo (Jerry) Ortiz": up to three given names, a capitalised nickname (not all capitals: "(AAPL)"),
#: one surname; spaces only (the clean-up ``nicknamed-name`` makes such spans)
_NICKNAMED = re.compile(r"((?:[A-Z][\w'’-]* ?){1,3}) *\( *([A-Z][a-z][\w'’-]*) *\) *([A-Z][\w'’-]*)")
#: A given name with a nickname in quotes before the surname, as US and tabloid copy writes one: 'Kevin "Kev"
#: Marchuk', 'Jean-François "JF" Tremblay', 'Dwayne “The Rock” Johnson'.
_QUOTED_NICKNAME = re.compile(r"((?:[A-Z][\w'’-]* ?){1,3}) *[\"“] *([^\"“”]{1,24}?) *[\"”] *([A-Z][\w'’-]*)")
#: An acronym as news writes one after a name: "NHC", "AT&T", "G7".
_ACRONYM = r"[A-Z][A-Z0-9&]{1,7}"
#: A name and its acronym in parentheses after it: "US National Hurricane Center (NHC)".
_ACRONYM_AFTER = re.compile(rf"(.*\w) *\( *({_ACRONYM}) *\)")


def is_acronym(word: str) -> bool:
    """ "NHC", not "R" (a party), "U.S." or "TSLA.O" (a ticker)."""
    return re.fullmatch(_ACRONYM, word) is not None


def initials(words: Sequence[str]) -> str:
    """The acronym an organisation's name (its folded words or key) goes by: the first letters of its words
    but function words and legal forms, and without a leading country of the place table when two words or
    more are left ("Alphabet Inc." has none; "U.S. National Transportation Safety Board" is "ntsb"; "London
    Stock Exchange", a city's, is "lse").

    >>> initials(["hewlett", "packard"]), initials(["alphabet", "inc"]), initials(["us", "federal", "trade", "commission"])
    ('hp', '', 'ftc')
    >>> initials(["london", "stock", "exchange"])
    'lse'
    """
    core = [w for w in words if w not in ORG_FUNCTION_WORDS and w not in LEGAL_FORMS]
    if len(core) > 2 and country(core[0]) is not None:
        core = core[1:]
    return "".join(w[0] for w in core) if len(core) > 1 else ""


def surname(name: str) -> str:
    """A person's name's last word, with the surname particles before it as written.

    >>> surname("Ursula von der Leyen"), surname("Steve Witkoff"), surname("Charles de Gaulle")
    ('von der Leyen', 'Witkoff', 'de Gaulle')
    """
    words = name.split()
    first = len(words) - 1
    while first > 0 and words[first - 1] in NAME_PARTICLES:
        first -= 1
    return " ".join(words[first:])


def name_forms(name: str) -> tuple[str, ...]:
    """The names a written name stands for: itself; for a given name with a nickname in parentheses before the
    surname, the full name and the nickname's (in quotes, also the name as written); for a name with its
    acronym in parentheses after it, the name and the acronym.

    >>> name_forms("Luis Gerardo (Jerry) Ortiz"), name_forms("Steve Witkoff"), name_forms("Apple (AAPL) Inc.")
    (('Luis Gerardo Ortiz', 'Jerry Ortiz'), ('Steve Witkoff',), ('Apple (AAPL) Inc.',))
    >>> name_forms("US National Hurricane Center (NHC)")
    ('US National Hurricane Center', 'NHC')
    >>> name_forms('Kevin "Kev" Marchuk')
    ('Kevin "Kev" Marchuk', 'Kevin Marchuk', 'Kev Marchuk')
    """
    if m := _NICKNAMED.fullmatch(name.strip()):
        given, nickname, surname = m.groups()
        return (f"{given.strip()} {surname}", f"{nickname} {surname}")
    if m := _QUOTED_NICKNAME.fullmatch(name.strip()):  # the name as written too: the label a reader knows
        given, nickname, surname = m.groups()
        return (name.strip(), f"{given.strip()} {surname}", f"{nickname} {surname}")
    if m := _ACRONYM_AFTER.fullmatch(name.strip()):
        return m.group(1), m.group(2)
    return (name,)


def translit(word: str) -> str:
    """One key for common romanisation variants: Zelenskiy/Zelenskyy/Zelensky, Sergey/Sergei.

    >>> translit("zelenskiy") == translit("zelenskyy") == translit("zelensky")
    True
    >>> translit("sergey") == translit("sergei")
    True

    British and American spellings too: World Food Programme / Program, Lincoln Centre / Center.

    >>> translit("programme") == translit("program"), translit("centre") == translit("center")
    (True, True)
    """
    w = re.sub(r"(\w{3})mme$", r"\1m", word)
    w = re.sub(r"(\w{3})tre$", r"\1ter", w)
    w = w.replace("kh", "h").replace("ph", "f").replace("ck", "k").replace("w", "v").replace("j", "i")
    w = re.sub(r"ey$", "ei", w)
    w = re.sub(r"ie$", "i", w)
    w = re.sub(r"(iy|yy|ij|ii|y)$", "i", w)
    w = w.replace("y", "i").replace("ou", "u")
    return re.sub(r"(.)\1+", r"\1", w)


def key(name: str) -> str:
    """The identity key of a name: its words, transliteration-folded.

    >>> key("Mr. Witkoff") == key("WITKOFF")
    True
    """
    return " ".join(translit(w) for w in name_words(name))


@lru_cache(maxsize=_NAMES_KEPT)
def names_someone(text: str) -> bool:
    """False for a "name" that is only punctuation, courtesy titles or role words ("Mr.", "’s", "President").

    >>> names_someone("Mr."), names_someone("Mr. Witkoff"), names_someone("Insp."), names_someone("ADM")
    (False, True, False, True)
    """
    return any(w not in _ROLE_WORDS for w in _expanded(strip_possessive(text)))


def preferred_name(candidates: Iterable[str]) -> str:
    """The fullest name: most words, then longest, then alphabetical (never order-dependent).

    >>> preferred_name({"Zelenskyy", "Volodymyr Zelenskyy", "Mr. Zelenskyy"})
    'Volodymyr Zelenskyy'
    """
    return min(candidates, key=lambda n: (-len(name_words(n)), -len(n), n))


@cache
def _table(filename: str) -> dict[str, tuple[str, ...]]:
    rows: dict[str, tuple[str, ...]] = {}
    text = (resources.files("newsgraph") / "data" / filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            first, *rest = line.split("\t")
            rows[fold(first)] = tuple(rest)
    return rows


@lru_cache(maxsize=_NAMES_KEPT)
def place(name: str) -> tuple[str, str] | None:
    """(type, canonical name) of a known place or international organisation, else None.

    >>> place("the U.S.")
    ('GPE', 'United States')
    """
    row = _table("places.tsv").get(fold(strip_possessive(name)))
    return (row[0], row[1]) if row else None


def country(name: str) -> str | None:
    """The canonical name of a country the place table knows ("the U.S." -> "United States"), not of a city
    or a region ("London", "Crimea"): else None."""
    row = _table("places.tsv").get(fold(strip_possessive(name)))
    return row[1] if row and row[2:3] == ("country",) else None


def capital_of(name: str) -> str | None:
    """The country whose capital the place table says a name is ("Kyiv" -> "Ukraine"), else None."""
    row = _table("places.tsv").get(fold(strip_possessive(name)))
    return row[2].removeprefix("capital of ") if row and row[2:3] and row[2].startswith("capital of ") else None


def demonym(word: str) -> str | None:
    """The country a demonym stands for ("Russian" -> "Russia"), else None."""
    row = _table("demonyms.tsv").get(fold(word))
    return row[0] if row else None


@lru_cache(maxsize=_NAMES_KEPT)
def canonical(name: str) -> str:
    """The key two names of one actor share: the alias table's canonical name, else the name key."""
    known = place(name)
    return key(known[1]) if known else key(name)


def gender(given_name: str) -> str:
    """ "m" or "f" for a common given name, else "" (unknown: most names are not in the list)."""
    row = _table("given_names.tsv").get(fold(given_name))
    return row[0] if row else ""
