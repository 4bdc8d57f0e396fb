"""Variants of one name across a story's articles: the ``actor-merge`` rules ``spelt-out``, ``name-tail`` and
``given-name-variant``, run by ``actors.cluster_actors`` after the key rules (so "Comeaux" then finds one full
name once "Joseph Comeaux Jr." is "Arcade Joseph Comeaux Jr."). Never two different given names of one
surname ("Donald Trump" / "Melania Trump"), nor a given name with variants in two other bearers of the
surname ("Matt" beside "Matthew" and "Matthias").
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher

from nicknames import NickNamer
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from .. import names
from ..model import EntityRef, Extraction, LocalEntity
from ..rules import rule
from .unionfind import Join, UnionFind


@rule("actor-merge", "spelt-out", "an acronym written right after an organisation's name, in parentheses or after "
      "\", or\", is that organisation's (of any language)", "the Party for Freedom, or PVV; the Party of Industrialists "
      "and Entrepreneurs (PPPT)")
def _spelt_out(between: str, after: str) -> bool:
    """Whether the text between a name and an acronym (and the character after the acronym) make the acronym the
    name's: ", or " or " (" closed by ")"."""
    return between in {", or ", ", or the "} or between == " (" and after == ")"


def attach_spelt_out(docs: dict[str, Extraction], entities: dict[EntityRef, LocalEntity], uf: UnionFind[EntityRef],
                     join: Join) -> None:
    """News spells an organisation's acronym out once and then uses it alone ("the Party for Freedom, or PVV"):
    an acronym of another language, or of words the name does not hold, which the initials cannot find. Read
    on the finished mentions, so an acronym the model tagged only later in the article is joined too."""
    for doc_id, ex in sorted(docs.items()):
        named = sorted((m for m in ex.mentions if m.kind == "NAME"), key=lambda m: m.start)
        for a, b in zip(named, named[1:]):
            first, second = (doc_id, a.local), (doc_id, b.local)
            if (a.local != b.local and entities[first].type in {"ORG", "FAC"} and names.is_acronym(b.text)
                    and _spelt_out(ex.article.text[a.end : b.start], ex.article.text[b.end : b.end + 1])):
                join(first, second, _spelt_out.rule.name)  # type: ignore[attr-defined]


@rule("actor-merge", "name-tail", "a person's name of two or more words joins the one longer name of the story it ends",
      "Lo Presti (a) / Gaetano Lo Presti (b); Joseph Comeaux Jr. (a) / Arcade Joseph Comeaux Jr. (b)")
def _tail_of(short: str, long: str) -> bool:
    """Whether the words of ``short`` end ``long`` (and are fewer)."""
    s, l = short.split(), long.split()
    return 1 < len(s) < len(l) and l[-len(s):] == s


def attach_name_tails(entities: dict[EntityRef, LocalEntity], by_full: dict[str, list[EntityRef]], uf: UnionFind[EntityRef],
                       join: Join) -> None:
    """Compound surnames ("Lo Presti") and a middle name used as the given name: the surname rule reads one word."""
    people = {k for k, group in by_full.items() if any(entities[r].type == "PERSON" for r in group)}
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in sorted(people):
        by_last[k.split()[-1]].append(k)
    for k in sorted(people):
        fits = {uf.find(by_full[long][0]) for long in by_last[k.split()[-1]] if _tail_of(k, long)}
        if len(fits) == 1 and uf.find(by_full[k][0]) not in fits:
            join(next(iter(fits)), by_full[k][0], _tail_of.rule.name)  # type: ignore[attr-defined]


@rule("actor-merge", "given-name-variant", "two people of the story with one surname and given names that are a "
      "short form or a misspelling of one another, or a nickname and its name (the `nicknames` table), when neither "
      "has such a variant in a third bearer of the surname", "Alexis Grigoropoulos / Alexandros Grigoropoulos; Dave "
      "Rossi / David Rossi; Ben Banky / Benjamin David Banky beside John Banky (not Donald Trump / Melania Trump)")
def _variant(a: str, b: str) -> bool:
    """Given names (keys) one of which shortens or misspells the other ("Fred"/"Frederick", "Alexis"/"Alexandros",
    "Jermaine"/"Jermayne", "Jon"/"John": a letter inserted inside); not names a letter or two apart at the end,
    which are often a man's and a woman's ("Paul"/"Paula", "Daniel"/"Danielle", "Alexander"/"Alexandra")."""
    short, long = sorted((a, b), key=lambda w: (len(w), w))
    if long.startswith(short):
        return len(short) >= 3 and len(long) - len(short) >= 3
    if len(long) == len(short) + 1 and short[0] == long[0] and short[-1] == long[-1] and OSA.distance(short, long) == 1:
        return len(short) >= 3  # a letter inside, the ends alike: "Jon" / "John"
    prefix = len(os.path.commonprefix([a, b]))
    if max(len(a), len(b)) - prefix <= 2:
        return False
    return prefix >= 4 or SequenceMatcher(None, a, b).ratio() >= 0.8


def _nickname(a: str, b: str) -> bool:
    """Whether one given name (as written, folded) is a nickname of the other in the `nicknames` package's table
    (Apache-2.0): only a nickname that is no name of its own there ("Dave" / "David", "Katie" / "Kathryn"). The
    table also links full names ("Patrick" / "Peter", "Emma" / "Emily", "Louis" / "Louise"), which are two people,
    and so "Bill" / "William" and "Jon" / "John", whose short forms it lists as names too, stay apart."""
    short, long = sorted((a, b), key=lambda w: (len(w), w))
    return short != long and short not in _NICKNAMER.nickname_lookup and long in _NICKNAMER.canonicals_of(short)


#: The most bearers of one surname among whom a given-name variant is looked for: more say little about any
#: two of them (and would make the pairwise comparison slow on a story of thousands of names).
MAX_BEARERS = 10


def attach_given_name_variants(entities: dict[EntityRef, LocalEntity], by_full: dict[str, list[EntityRef]], uf: UnionFind[EntityRef],
                                join: Join) -> None:
    by_surname: dict[str, set[EntityRef]] = defaultdict(set)  # surname -> roots of the people bearing it
    keys: dict[EntityRef, set[str]] = defaultdict(set)  # given names' keys, for the spelling ("bil")
    written: dict[EntityRef, set[str]] = defaultdict(set)  # given names as written, folded, for the table ("bill")
    genders: dict[EntityRef, set[str]] = defaultdict(set)  # from the names as written (keys are transliterated)
    for k, group in by_full.items():
        if any(entities[r].type == "PERSON" for r in group) and len(k.split()) >= 2:
            root = uf.find(group[0])
            by_surname[k.split()[-1]].add(root)
            words = [w for r in group for n in entities[r].names if (w := names.name_words(n))]
            keys[root].add(k.split()[0])
            written[root] |= {names.fold(w[0]) for w in words if len(w) > 1}
            genders[root] |= {names.gender(w[0]) for w in words}

    def alike(a: EntityRef, b: EntityRef) -> bool:
        return len((genders[a] | genders[b]) - {""}) < 2 and (
            any(_variant(x, y) for x in keys[a] for y in keys[b])
            or any(_nickname(x, y) for x in written[a] for y in written[b]))

    for surname, bearers in sorted(by_surname.items()):
        roots = sorted({uf.find(r) for r in bearers})
        if len(roots) > MAX_BEARERS:
            continue
        partners: dict[EntityRef, list[EntityRef]] = defaultdict(list)
        for i, a in enumerate(roots):
            for b in roots[i + 1:]:
                if alike(a, b):
                    partners[a].append(b)
                    partners[b].append(a)
        for a in roots:  # one variant each way: "Matt", "Matthew" and "Matthias Smith" are left apart
            if len(partners[a]) == 1 and a < (b := partners[a][0]) and partners[b] == [a]:
                join(a, b, _variant.rule.name)  # type: ignore[attr-defined]


_NICKNAMER = NickNamer()


#: A spelling variant is one letter off (a transposition counts one: "Gulf of Eden" / "Gulf of Aden"), or two in a
#: long name whose words all start alike ("Turkeminstan" / "Turkmenistan"; not "North Carolina" / "South
#: Carolina"), and long enough that a letter is a small part of it ("Iran" / "Iraq" never are).
_SPELLING_LENGTH = 8
_TWO_SLIPS_LENGTH = 12


@rule("actor-merge", "spelling-variant", "two names of the story spelt a letter apart (an organisation or place of eight "
      "letters or more; two letters when twelve or more and every word starts alike; a person with the same given "
      "name and a surname a letter apart), when no third name of the story is as close", "Gulf of Eden / Gulf of "
      "Aden; Turkeminstan / Turkmenistan; Duncan Rait / Duncan Raite (not Emmanuel Macron / Emmanuel Bonne)")
def _spelt_alike(a: str, b: str, person: bool) -> bool:
    """Whether two name keys are spelling variants of one name."""
    if person:
        (ga, *_, sa), (gb, *_, sb) = a.split(), b.split()
        return ga == gb and min(len(sa), len(sb)) >= 4 and OSA.distance(sa, sb) == 1 and sa[0] == sb[0]
    if min(len(a), len(b)) < _SPELLING_LENGTH or any(c.isdigit() for c in a + b):
        return False
    slips = OSA.distance(a, b)
    initials = [w[0] for w in a.split()] == [w[0] for w in b.split()]
    return 0 < slips <= 1 or (slips == 2 and initials and min(len(a), len(b)) >= _TWO_SLIPS_LENGTH)


def attach_spelling_variants(entities: dict[EntityRef, LocalEntity], uf: UnionFind[EntityRef],
                             join: Join) -> None:
    """Names a letter or two apart: one actor, unless a name has two such variants (then neither joins)."""
    by_key: dict[tuple[str, bool], set[EntityRef]] = defaultdict(set)
    known: dict[str, str] = {}  # a key -> the place table's name for it
    for ref, ent in entities.items():
        if ent.owner >= 0:
            continue
        for n in ent.names:
            k = names.key(n)
            if (p := names.place(n)) is not None:
                known[k] = p[1]
            person = ent.type == "PERSON"
            if k and (not person or len(k.split()) >= 2):
                by_key[k, person].add(ref)
    keys = sorted(by_key)
    close: dict[tuple[str, bool], set[EntityRef]] = defaultdict(set)  # a key -> the entities of its variants
    for a, b in _close_pairs(keys):
        if a[0] in known and b[0] in known:
            continue  # two places the place table knows: "Austria" is no variant of "Australia"
        close[a] |= by_key[b]
        close[b] |= by_key[a]
    for key in keys:
        if key not in close:
            continue
        mine = {uf.find(r) for r in by_key[key]}
        others = {uf.find(r) for r in close[key]} - mine
        if len(mine) == 1 and len(others) == 1:
            join(next(iter(others)), next(iter(mine)), _spelt_alike.rule.name)  # type: ignore[attr-defined]


def _close_pairs(keys: list[tuple[str, bool]]) -> Iterator[tuple[tuple[str, bool], tuple[str, bool]]]:
    """The pairs of keys spelt alike: people compared within one given name; organisations and places all at
    once, in rapidfuzz's C++ (a story of thousands of names stays fast)."""
    people: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for k in keys:
        if k[1]:
            people[k[0].split()[0]].append(k)
    for group in people.values():
        for i, a in enumerate(group):
            yield from ((a, b) for b in group[i + 1:] if _spelt_alike(a[0], b[0], True))
    others = [k for k in keys if not k[1] and len(k[0]) >= _SPELLING_LENGTH and not any(c.isdigit() for c in k[0])]
    texts = [k[0] for k in others]
    for start in range(0, len(texts) if len(texts) > 1 else 0, _ROWS):  # a block of rows at a time: never n x n
        slips = cdist(texts[start:start + _ROWS], texts, scorer=OSA.distance, score_cutoff=2, dtype="int32")
        for i, j in zip(*(slips <= 2).nonzero()):  # above the cutoff: 3
            if start + i < j and _spelt_alike(texts[start + i], texts[j], False):
                yield others[start + i], others[j]


_ROWS = 512  # rows of the distance matrix computed at once (512 x 10,000 names: 20 MB)


@rule("actor-merge", "clipped-name", "a one-word name made of the starts of a person's given name and surname "
      "(\"LiLo\", \"A-Rod\") is the one person of the story they start", "LiLo (a) / Lindsay Lohan (b)")
def _clipped(word: str, given: str, surname: str) -> bool:
    """Whether ``word``, split at its inner capitals or hyphen ("LiLo" -> "Li", "Lo"), starts the given name and
    the surname."""
    parts = [p for p in re.split(r"-|(?<=[a-z])(?=[A-Z])", word) if p]
    return (len(parts) == 2 and all(p[:1].isupper() for p in parts)
            and given.lower().startswith(parts[0].lower()) and surname.lower().startswith(parts[1].lower()))


def attach_clipped_names(entities: dict[EntityRef, LocalEntity], by_full: dict[str, list[EntityRef]], uf: UnionFind[EntityRef],
                         join: Join) -> None:
    by_initial: dict[str, list[tuple[str, str, EntityRef]]] = defaultdict(list)  # given name's initial -> people
    written: set[str] = set()  # every given name and surname of the story, lower-cased
    for group in by_full.values():
        for r in group:
            if entities[r].type == "PERSON":
                for n in entities[r].names:
                    if len(words := names.name_words(n)) >= 2:
                        by_initial[words[0][:1].lower()].append((words[0], words[-1], r))
                        written |= {words[0].lower(), words[-1].lower()}
    for ref, ent in sorted(entities.items()):
        one_word = [n for n in ent.names if len(n.split()) == 1 and _CLIPPING.search(n)]
        if not one_word or len(one_word) != len(ent.names):
            continue
        if any(n.lower() in written for n in one_word):
            continue  # "LeBron", "McDonald": a given name or surname as it is, the other one-word rules' case
        fits = {uf.find(r) for n in one_word for given, surname, r in by_initial.get(n[:1].lower(), [])
                if r != ref and _clipped(n, given, surname)}
        if len(fits) == 1 and uf.find(ref) not in fits:
            join(next(iter(fits)), ref, _clipped.rule.name)  # type: ignore[attr-defined]


#: A word with an inner capital or a hyphen between two parts, the shape of a clipped name.
_CLIPPING = re.compile(r"[a-z][A-Z]|\w-\w")
