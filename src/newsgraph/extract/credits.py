"""What an article says of itself: the agency its dateline credits ("BRUSSELS (Reuters) —"), the lines that
credit its staff ("(Reporting by ...; Editing by ...)") and the names of its own outlet ("told the Journal").
The clean-up rules ``dateline-credit``, ``staff-credit`` and ``own-outlet`` (``cleanups.py``) read them: the
outlet and its staff are no actors of the story."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from .. import names

__all__ = ["dateline_credits", "outlet_forms", "staff_lines"]


def dateline_credits(ents: Sequence[Span]) -> set[str]:
    """The folded names of the organisations in parentheses before a dash that a dateline opens a line with:
    "BRUSSELS (GPW) —", "LONDON, July 26 (Meridian Press) -", "ST. LOUIS (AP) —", or the credit alone at a
    line's start, "(Bloomberg) --". A dateline is a place in capitals, then at most a state's abbreviation
    and a date ("HOUMA, La.", "BEIJING, May 3")."""
    out = set()
    for e in ents:
        doc = e.doc
        if not (e.label_ == "ORG" and 0 < e.start and e.end + 1 < len(doc) and doc[e.start - 1].text == "("
                and doc[e.end].text == ")" and doc[e.end + 1].text in _DASHES):
            continue
        first = e.start - 1  # the first token of the line
        while first > 0 and "\n" not in doc[first - 1].text_with_ws and not doc[first - 1].is_space:
            first -= 1
        dateline = doc[first : e.start - 1]
        if not len(dateline) or _dateline(dateline):
            out.add(names.fold(e.text))
    return out


def _dateline(tokens: Span) -> bool:
    """A place in capitals ("BEIJING", "ST. LOUIS": words of two letters or more; not "I" nor "A"), then
    commas, capitalised abbreviations, months and numbers only ("HOUMA, La.", "LONDON, July 26"): not
    "SCORERS: ...", "US officials met ...". A place alone must be one the model tags as a name or the place
    table knows (not "ANALYSIS")."""
    n = 0
    while n < len(tokens) and (tokens[n].text == "." or tokens[n].text.replace(".", "").isalpha() and tokens[n].is_upper):
        n += 1
    place, rest = tokens[:n], tokens[n:]
    if not any(len(t.text.replace(".", "")) >= 2 for t in place):
        return False
    if not len(rest) and not any(t.ent_type_ for t in place) and names.place(place.text) is None:
        return False
    return len(rest) <= 6 and all(
        t.text == "," or t.like_num or (t.text[:1].isupper() and (t.text.endswith(".") or t.ent_type_ in {"DATE", "GPE"}))
        for t in rest)


_DASHES = frozenset({"—", "–", "-", "--"})


def staff_lines(text: str) -> list[tuple[int, int]]:
    """The character bounds of the lines of ``text`` that credit a wire's staff."""
    return [m.span() for m in _STAFF_LINE.finditer(text)]


#: A line that credits a story's reporters and editors, as wires close their copy.
_STAFF_LINE = re.compile(r"^[ \t]*\(?[ \t]*(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ee]dited|[Cc]ompiled|"
                         r"[Pp]roduced|[Ff]act-checked) by\b.*$", re.MULTILINE)


def outlet_forms(outlet: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The folded names an article may call its own outlet by: (written anywhere, written after "the").
    "The East Africa Business Daily": its full name anywhere, and after "the" each tail of its words
    ("Business Daily", "Daily"), as a paper writes "told the Business Daily"; never its first words alone
    ("East Africa" is a region), nor a tail that opens on a function word ("of India"). A one-word name only
    after "the" too: "The Hill" reported, not "Hill said".

    >>> outlet_forms("The Hill")
    (frozenset(), frozenset({'hill'}))
    >>> sorted(outlet_forms("The Times of India")[1])
    ['india', 'times of india']
    """
    words = (outlet or "").split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    # a tail opens on a capitalised word: not "of India" of "The Times of India"
    tails = frozenset(names.fold(" ".join(words[i:])) for i in range(len(words)) if words[i][:1].isupper())
    return frozenset({names.fold(" ".join(words))}) if len(words) > 1 else frozenset(), tails
