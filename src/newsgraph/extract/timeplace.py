"""When and where an event happens: sem:hasTime and sem:hasPlace of each event mention.

Time: a date or time expression the model found in the event's own clause ("The briefings were held last
Thursday"), resolved to an ISO 8601 value against the article's publication date where one is given.
Durations and ages ("45 minutes", "its third year") are not times. Place: a place named after a preposition
of place in the event's own phrase ("talks in Saint Petersburg", "left the meeting in Paris").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..lexicon import CALENDAR_WORDS, LOCATIVE_PREPS, MONTHS, RELATIVE_DAYS, WEEKDAYS
from ..model import ActorMention, EventMention
from ..rules import rule
from .docindex import DocIndex, Mentions
from .labels import PLACE_LABELS, PREDICATES, TIME_LABELS

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


# --- the pass --------------------------------------------------------------------------------------
def situate_events(
    doc: Doc, events: Sequence[EventMention], mentions: Sequence[ActorMention], published: str | None = None,
    *, index: DocIndex | None = None, lookup: Mentions | None = None,
) -> list[EventMention]:
    """Every event mention with its time expression (and value) and its place filled in."""
    anchor = _anchor(published)
    index = index if index is not None else DocIndex(doc)
    lookup = lookup if lookup is not None else Mentions(doc, mentions, index)
    out = []
    for ev in events:
        token = index.token_at(ev.start)
        if token is None:
            out.append(ev)
            continue
        changes: dict[str, object] = {}
        time = time_of(token, index)
        if time is not None:
            value = resolve_time(time.text, anchor, future=ev.certainty == "future")
            changes.update(time=time.text, time_start=time.start_char, time_end=time.end_char, time_value=value)
        place = place_of(token, lookup)
        if place is not None:
            changes["place"] = place
        out.append(dataclasses.replace(ev, **changes) if changes else ev)  # type: ignore[arg-type]
    return out


def _anchor(published: str | None) -> dt.date | None:
    """The publication date ("2025-09-04" or a date-time); None when absent or unreadable."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


# --- time ------------------------------------------------------------------------------------------
@rule("time-place", "time-in-clause", "the first date or time expression (not a duration) of the predicate's own clause",
      "The briefings were held last Thursday.")
def time_of(predicate: Token, index: DocIndex | None = None) -> Span | None:
    """The first point-in-time expression of the predicate's own clause or phrase."""
    index = index if index is not None else DocIndex(predicate.doc)
    for ent in index.sentence_ents(index.sentence_of[predicate.i]):
        if ent.label_ not in TIME_LABELS or not _is_point(ent.text):
            continue
        if _governor(ent.root, index) == predicate.i:
            return ent
    return None


def _governor(token: Token, index: DocIndex) -> int | None:
    """The nearest predicate above ``token``: "held last Thursday" -> held; "the talks on Thursday" -> talks."""
    node = token
    for _ in range(8):
        parent = index.head(node)
        if parent.i == node.i:
            return None
        if parent.pos_ in PREDICATES:
            return parent.i
        if parent.pos_ == "NOUN" and node.dep_ == "prep":
            return parent.i  # a noun with its own time phrase: a nominal event ("the talks on Thursday")
        node = parent
    return None


@lru_cache(maxsize=4096)
def _is_point(text: str) -> bool:
    """A date or time rather than a duration; cached: the same few expressions recur in every article."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & CALENDAR_WORDS or _ISO.search(text) or (_YEAR.search(text) and len(text.split()) <= 3))


@rule("time-place", "time-value", "a time expression's ISO 8601 value, resolved against the publication date",
      "last Thursday (published 2025-09-04) -> 2025-08-28")
def resolve_time(text: str, published: dt.date | None, *, future: bool = False) -> str:
    """An ISO 8601 value for a time expression, or "" when it cannot be pinned down.

    >>> resolve_time("last Thursday", dt.date(2025, 9, 4))
    '2025-08-28'
    >>> resolve_time("September 4", dt.date(2025, 9, 10)), resolve_time("2024", None)
    ('2025-09-04', '2024')
    """
    lower = text.lower()
    words = re.findall(r"[a-z]+", lower)
    iso = _ISO.search(text)
    if iso:
        try:
            return dt.date.fromisoformat(iso.group()).isoformat()
        except ValueError:
            return ""  # "2025-13-45": no date
    year_match = _YEAR.search(text)
    year = int(year_match.group()) if year_match else None
    month = next((MONTHS[w] for w in words if w in MONTHS), None)  # the model's DATE: "May" is the month
    if month is not None:
        day_match = _DAY.search(_YEAR.sub("", text))
        if year is None and published is not None:
            year = published.year
        if year is None:
            return ""
        if day_match:
            try:
                return dt.date(year, month, int(day_match.group(1))).isoformat()
            except ValueError:
                return ""
        return f"{year:04d}-{month:02d}"
    if published is not None:
        for word, shift in RELATIVE_DAYS.items():
            if word in words:
                return (published + dt.timedelta(days=shift)).isoformat()
        weekday = next((WEEKDAYS.index(w) for w in words if w in WEEKDAYS), None)
        if weekday is not None:
            return _weekday(published, weekday, words, future=future).isoformat()
        if "year" in words and ("last" in words or "this" in words):
            return str(published.year - (1 if "last" in words else 0))
        if "month" in words and ("last" in words or "this" in words):
            first = published.replace(day=1)
            if "last" in words:
                first = (first - dt.timedelta(days=1)).replace(day=1)
            return f"{first.year:04d}-{first.month:02d}"
    if year is not None and len(words) <= 2:
        return str(year)
    return ""


def _weekday(published: dt.date, weekday: int, words: list[str], *, future: bool) -> dt.date:
    """ "last Thursday": the one before the publication day; "next Thursday" and future events: the one after;
    a bare "Thursday": the latest one on or before the publication day (news reports what happened)."""
    back = (published.weekday() - weekday) % 7
    if "next" in words or (future and "last" not in words):
        ahead = (weekday - published.weekday()) % 7
        return published + dt.timedelta(days=ahead or 7)
    if "last" in words:
        return published - dt.timedelta(days=back or 7)
    return published - dt.timedelta(days=back)


# --- place -----------------------------------------------------------------------------------------
@rule("time-place", "place-in-phrase", "a place named after a preposition of place in the event's own phrase",
      "Witkoff left the meeting in Paris.")
def place_of(predicate: Token, lookup: Mentions) -> int | None:
    """The ActorMention index of the place named in the predicate's own phrase, nearest first."""
    index = lookup.index
    frontier = [c for c in index.children(predicate) if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS]
    # "left the meeting in Paris": the object's place is where the event happens too
    frontier += [p for o in index.children(predicate) if o.dep_ == "dobj" for p in index.children(o)
                 if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS]
    for _ in range(3):  # "In a speech at the U.N. in Paris": prepositions nest a few deep
        deeper = []
        for prep in frontier:
            for obj in (c for c in index.children(prep) if c.dep_ == "pobj"):
                mention = lookup.of(obj)
                if mention is not None and lookup.mentions[mention].ner in PLACE_LABELS:
                    return mention
                deeper += [p for p in index.children(obj) if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS]
        frontier = deeper
    return None
