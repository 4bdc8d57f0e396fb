"""The stories of a store, for people: their labels, articles, outlets and dates; a story named by slug or label.

The grouping itself is in stories.py (pure); this reads what the build wrote into the story graphs.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from dataclasses import asdict, dataclass

from .errors import QueryUsageError
from .query import internal
from .store import Store
from .topics import TOPICS


class UnknownStoryError(QueryUsageError):
    """A story name that is neither a story's slug nor its label: a usage error (exit 2), with close matches."""


@dataclass(frozen=True)
class StoryRow:
    story: str  # the slug, as ng:story holds it
    label: str
    articles: list[str]
    outlets: list[str]
    first: str
    last: str
    actors: int
    events: int
    topic: str = ""  # the slug of its topic (related stories: topics.py); its own slug when alone
    topic_label: str = ""


def list_stories(store: Store) -> list[StoryRow]:
    """Every story in the store, sorted by label then slug."""
    found: dict[str, dict[str, object]] = {}
    for r in store.raw_query(internal("story-list")):
        row = found.setdefault(r["story"].value, {"label": r["label"].value, "articles": set(), "outlets": set(),
                                                   "first": r["first"].value if r["first"] else "",
                                                   "last": r["last"].value if r["last"] else ""})
        row["articles"].add(r["id"].value)  # type: ignore[attr-defined]
        row["outlets"].add(r["outlet"].value)  # type: ignore[attr-defined]
    sizes = {r["story"].value: (int(r["actors"].value), int(r["events"].value)) for r in store.raw_query(internal("story-sizes"))}
    topics = {r["story"].value: (r["topic"].value.removeprefix(TOPICS), r["label"].value if r["label"] else "")
              for r in store.raw_query(internal("story-topics"))}
    rows = [StoryRow(story=s, label=str(v["label"]), articles=sorted(v["articles"]),  # type: ignore[call-overload]
                     outlets=sorted(v["outlets"]), first=str(v["first"]), last=str(v["last"]),  # type: ignore[call-overload]
                     actors=sizes.get(s, (0, 0))[0], events=sizes.get(s, (0, 0))[1],
                     topic=topics.get(s, ("", ""))[0], topic_label=topics.get(s, ("", ""))[1]) for s, v in found.items()]
    return sorted(rows, key=lambda r: (r.label, r.story))


def story_slug(store: Store, name: str) -> str:
    """The slug of the story named ``name`` (its slug, or its label); raises UnknownStoryError listing
    close matches, or the stories a label shared by several could mean. Reads each story's slug and label
    only: a query bound to one story must not cost the whole store."""
    rows: list[tuple[str, str]] = sorted((str(r["label"].value), str(r["story"].value))
                                         for r in store.raw_query(internal("story-names")))
    if any(story == name for _label, story in rows):
        return name
    labelled = [story for label, story in rows if label == name]
    if len(labelled) == 1:
        return labelled[0]
    if labelled:
        raise UnknownStoryError(f"story label {name!r} names {len(labelled)} stories; give one of their slugs: "
                                + ", ".join(labelled))
    names = sorted({story for _label, story in rows} | {label for label, _story in rows})
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.4)
    hint = f" Close matches: {', '.join(close)}" if close else f" Stories: {', '.join(story for _l, story in rows[:10])}"
    raise UnknownStoryError(f"no story {name!r} in the store.{hint if rows else ' The store has no stories.'}")


def render(rows: list[StoryRow], fmt: str) -> str:
    """The stories as a table, CSV or JSON (one object per story, lists kept as lists)."""
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], indent=1, ensure_ascii=False) + "\n"
    head = ["story", "label", "articles", "outlets", "first", "last", "actors", "events", "topic"]
    lines = [[r.story, r.label, str(len(r.articles)), str(len(r.outlets)), r.first, r.last, str(r.actors),
              str(r.events), r.topic] for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*head, "topic_label"])
        writer.writerows([[r.story, r.label, " ".join(r.articles), " ".join(r.outlets), r.first, r.last, r.actors,
                           r.events, r.topic, r.topic_label] for r in rows])
        return out.getvalue()
    widths = [max(len(x) for x in col) for col in zip(head, *lines)]
    text = "\n".join("  ".join(x.ljust(w) for x, w in zip(line, widths)).rstrip() for line in [head, *lines])
    return text + f"\n({len(rows)} stories)\n"
