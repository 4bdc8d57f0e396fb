"""Stories found automatically: articles grouped by what they report. Pure: plain records in, stories out.

Each article is reduced to a small record (``StoryFeatures``: its named actors, places, key terms and a
date) from its extraction record, so grouping never parses again. Grouping (``group``) weighs the features
by TF-IDF into sparse vectors, finds each article's nearest neighbours by cosine (sparse products, a few
hundred rows at a time: never an n x n matrix), links two articles when they are close enough and their
dates are near, and takes the linked components as stories, each cut into its communities where it is
two stories joined by a few links. The result depends only on the set of articles: any order or batching
gives the same stories, so an incremental build equals a clean one.

Names: a story's slug comes from its *anchor* (the article with the smallest id), so it stays put while
articles join; its label ("Paris · Witkoff, Macron, Zelenskyy · 2025-09-04") is read from all its articles.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from .iris import slug as _slug
from .names import surname
from .model import DEFAULT_STORY, Extraction, Story, StoryFeatures
from .topics import TopicSettings, with_topics

if TYPE_CHECKING:  # imported where used: networkx loads in ~0.3 s
    import networkx as nx

Mode = Literal["auto", "field", "one"]
MODES: tuple[Mode, ...] = ("auto", "field", "one")

#: The story every article is in under ``--stories one`` (and articles without a story under ``field``).
ONE_STORY = DEFAULT_STORY

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_NAME_TYPES = frozenset({"PERSON", "ORG"})
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATES = [  # written dates, also as ECB+ writes them, tokens spaced ("Dec . 7 , 2009", "11 / 30 / 09")
    (re.compile(_MONTH + r"\s*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b", re.IGNORECASE), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\s*\.?\s*,?\s+(\d{4})\b", re.IGNORECASE), "dmy"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})\b"), "us"),
]
_WORD = re.compile(r"[a-z][a-z'\-]+[a-z]|\d+(?:\.\d+)?")
#: Words that say nothing about which story an article tells.
_STOP = frozenset("""
a about above after again against ago all almost also although am among an and another any are around as at
back be because been before being below between both but by can could did do does doing done down during each
early either else even ever every few for from further get gets getting got had has have having he her here
hers herself him himself his how however i if in into is it its itself just last late later least less like
made make many may me might more most much must my near nearly never new news next no nor not now of off on
once one only or other our ours out over own per percent put said same say saying says see seen several she
should since so some still such than that the their theirs them then there these they this those three
through thus time times to today told too two under until up upon us very was way we week weeks well were
what when where whether which while who whom whose why will with within without would year years yesterday
yet you your according added also asked called came come comes day days first found going including know
known left many month months part people reported reports second show shows since take taken takes tell
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december mr mrs ms dr st inc ltd com www http https html
""".split())  # noqa: SIM905 (a word list reads better as text)


@dataclass(frozen=True)
class Settings:
    """The grouping's knobs, tuned on ECB+'s development and validation topics (docs/stories.md)."""

    threshold: float = 0.15  # cosine similarity at which two articles are linked
    neighbours: int = 3  # links looked for per article
    resolution: float = 0.15  # modularity resolution: a component is cut where under ~half this share of its links cross
    window: int = 31  # days: two dated articles further apart are never linked
    name_weight: float = 2.0
    place_weight: float = 1.0
    max_df: float = 0.01  # features in more than this share of articles (and > 50 of them) are dropped
    terms: int = 40  # key terms kept per article
    chunk: int = 256  # rows per sparse product


def features(extraction: Extraction, *, terms: int = 40) -> StoryFeatures:
    """The record grouping reads, from what extraction found (named entities) and the article's text."""
    art = extraction.article
    counts = Counter(m.local for m in extraction.mentions)
    names: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for entity in extraction.entities:
        words = entity.name.split()
        if not entity.names or not words:
            continue
        if entity.type in _PLACE_TYPES:
            places[" ".join(words)] += counts[entity.index]
        elif entity.type in _NAME_TYPES:
            names[surname(entity.name) if entity.type == "PERSON" else " ".join(words)] += counts[entity.index]
    found = Counter(w.strip("'-") for w in _WORD.findall(art.text.lower()))
    kept = sorted(((w, c) for w, c in found.items() if w not in _STOP and len(w) > 2 or w[:1].isdigit() and len(w) > 1),
                  key=lambda wc: (-wc[1], wc[0]))[:terms]
    return StoryFeatures(
        id=art.id, outlet=art.outlet_name, story=art.story, date=_article_date(extraction),
        names=tuple(sorted(names.items())), places=tuple(sorted(places.items())), terms=tuple(sorted(kept)),
    )


def features_json(extraction: Extraction) -> str:
    """What grouping reads of an article, as stored in its graph (``ng:storyFeatures``)."""
    return json.dumps(features(extraction).to_json(), sort_keys=True, ensure_ascii=False)


def _article_date(extraction: Extraction) -> str:
    """The publication date if given; else the first full date written in the text (a dateline), else the
    first date an event's time expression resolved to."""
    published = (extraction.article.published or "")[:10]
    if _is_date(published):
        return published
    found = find_dates(extraction.article.text)  # real dates only
    if found:
        return found[0]
    return next((ev.time_value for ev in extraction.events if _is_date(ev.time_value)), "")


def _is_date(text: str) -> bool:
    """A real calendar date written YYYY-MM-DD ("2025-13-45" from a typo or the text is none)."""
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)) and date.fromisoformat(text) is not None
    except ValueError:
        return False


def find_dates(text: str) -> list[str]:
    """Full dates written in ``text``, as ISO dates, in order of appearance.

    >>> find_dates("7: 15 a. m. Dec . 7 , 2009 and 12 January 2010; 11 / 30 / 09")
    ['2009-12-07', '2010-01-12', '2009-11-30']
    """
    found: list[tuple[int, str]] = []
    for pattern, order in _DATES:
        for m in pattern.finditer(text):
            a, b, c = m.groups()
            if order == "mdy":
                y, mo, d = int(c), _MONTHS[a.lower()[:3]], int(b)
            elif order == "dmy":
                y, mo, d = int(c), _MONTHS[b.lower()[:3]], int(a)
            elif order == "ymd":
                y, mo, d = int(a), int(b), int(c)
            else:
                y, mo, d = int(c) + (2000 if len(c) == 2 and int(c) < 50 else 1900 if len(c) == 2 else 0), int(a), int(b)
            try:
                found.append((m.start(), date(y, mo, d).isoformat()))
            except ValueError:
                continue
    return [iso for _, iso in sorted(found)]


def group(records: Sequence[StoryFeatures], mode: Mode = "auto", settings: Settings | None = None,
          topic: TopicSettings | None = None) -> list[Story]:
    """The stories of ``records``, sorted by slug, each with its topic (topics.py). ``auto``: given stories
    kept, the rest grouped; ``field``: given stories kept, the rest one story ``default``; ``one``:
    everything one story.

    >>> a = StoryFeatures("a", "x", names=(("Witkoff", 3),), places=(("Paris", 2),), terms=(("talks", 2),))
    >>> [s.label for s in group([a, StoryFeatures("b", "y", story="other")])]
    ['article b', 'Paris · Witkoff']
    """
    settings = settings or Settings()
    records = sorted(records, key=lambda r: r.id)
    if mode not in MODES:
        raise ValueError(f"unknown story mode {mode!r}. Available: {', '.join(MODES)}")
    given: dict[str, list[StoryFeatures]] = {}
    rest: list[StoryFeatures] = []
    for r in records:
        if mode == "one":
            given.setdefault(ONE_STORY, []).append(r)
        elif r.story:
            given.setdefault(r.story, []).append(r)
        elif mode == "field":
            given.setdefault(ONE_STORY, []).append(r)
        else:
            rest.append(r)
    stories = [_story(name, members) for name, members in given.items()]
    taken = set(given)
    for members in cluster(rest, settings):
        story = _story(anchor_slug(members[0]), members)
        if story.slug in taken:  # a given story already has this name
            story = _story(f"{story.slug}-{_digest(story.slug)}", members)
        taken.add(story.slug)
        stories.append(story)
    topic = topic or TopicSettings()
    weighted = replace(settings, name_weight=topic.name_weight, place_weight=topic.place_weight)
    stories = with_topics(stories, records, lambda rs: vectors(rs, weighted), lambda ms: label(ms, dated=False), topic)
    return sorted(stories, key=lambda s: s.slug)


def cluster(records: Sequence[StoryFeatures], settings: Settings | None = None) -> list[list[StoryFeatures]]:
    """The stories of ``records``: lists of records (sorted by id) in order of their first id.

    Each linked component of the nearest-neighbour graph is one story, unless it is two or more stories
    joined by a few links (single links chain: one article near two stories would otherwise merge them):
    such a component is cut into its communities (Louvain, maximising modularity at ``resolution``). The
    cut is computed on the component alone, so a story depends only on the articles it is linked with,
    never on how large the rest of the collection is."""
    if not records:
        return []  # every article has its story: networkx is not even loaded
    import networkx as nx

    settings = settings or Settings()
    records = sorted(records, key=lambda r: r.id)
    graph = _links(records, settings)
    groups = [[records[i] for i in part] for nodes in sorted(map(sorted, nx.connected_components(graph)))
              for part in _communities(graph.subgraph(nodes), settings.resolution)]
    return sorted(groups, key=lambda g: g[0].id)


def _links(records: Sequence[StoryFeatures], settings: Settings) -> nx.Graph[int]:
    """The nearest-neighbour graph of record indices, similarities as weights, built in index order (so
    what is computed on it depends only on the records, not on the order they came in)."""
    import networkx as nx

    weights: dict[tuple[int, int], float] = {}
    for i, j, sim in zip(*neighbour_links(records, settings)):
        pair = (min(i, j), max(i, j))
        weights[pair] = max(sim, weights.get(pair, 0.0))
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(range(len(records)))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return graph


def _communities(component: nx.Graph[int], resolution: float) -> list[list[int]]:
    """A linked component cut where few of its links (by similarity) cross: its Louvain communities at
    ``resolution``, with a fixed seed; a component of up to three articles is never cut."""
    import networkx as nx

    nodes = sorted(component)
    if len(nodes) < 4:
        return [nodes]
    parts = nx.community.louvain_communities(component, weight="weight", resolution=resolution, seed=0)
    return sorted(sorted(p) for p in parts)


def vectors(records: Sequence[StoryFeatures], settings: Settings) -> Any:
    """TF-IDF rows (sublinear counts, L2-normalised) over names, places and terms, as a CSR matrix.

    Features in more than ``max_df`` of the articles (and more than 50) say nothing about which story an
    article tells and would make every sparse product dense: they are left out."""
    import numpy as np
    from scipy.sparse import csr_matrix

    n = len(records)
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, r in enumerate(records):  # a name said twice ("Paris", "paris") is summed by the matrix
        for prefix, items, weight in (("t:", r.terms, 1.0), ("n:", r.names, settings.name_weight),
                                      ("p:", r.places, settings.place_weight)):
            for key, count in items:
                rows.append(i)
                cols.append(index.setdefault(prefix + key.lower(), len(index)))
                vals.append(weight * _sublinear(count))
    col = np.array(cols, dtype=np.int64)
    df = np.bincount(col, minlength=len(index))
    idf = np.log((1 + n) / (1 + df)) + 1
    keep = (df <= max(50, settings.max_df * n))[col]
    data = np.array(vals, dtype=np.float64)[keep] * idf[col[keep]]
    matrix = csr_matrix((data, (np.array(rows, dtype=np.int64)[keep], col[keep])), shape=(n, max(1, len(index))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1 / norms[:, None]))


@lru_cache(maxsize=4096)
def _sublinear(count: int) -> float:
    return 1 + math.log(max(count, 1))


def neighbour_links(records: Sequence[StoryFeatures], settings: Settings) -> tuple[list[int], list[int], list[float]]:
    """(i, j, similarity): j among i's ``neighbours`` most similar articles, similar enough and near in time.

    Similarities are sparse products of a few hundred rows with every row, kept only where they reach the
    threshold, so memory grows with the links, never with n x n."""
    import numpy as np

    matrix = vectors(records, settings)
    days = np.array([date.fromisoformat(r.date).toordinal() if _is_date(r.date) else np.nan for r in records])
    transposed = matrix.T.tocsr()
    out_rows: list[int] = []
    out_cols: list[int] = []
    out_sims: list[float] = []
    k = settings.neighbours
    for start in range(0, matrix.shape[0], settings.chunk):
        block = (matrix[start:start + settings.chunk] @ transposed).tocoo()
        i, j, sim = block.row + start, block.col, block.data
        gap = np.abs(days[i] - days[j])
        ok = (i != j) & (sim >= settings.threshold) & ~(gap > settings.window)  # NaN (no date) is near
        i, j, sim = i[ok], j[ok], sim[ok]
        order = np.lexsort((j, -sim, i))  # by row, most similar first, ties by column: k per row
        i, j, sim = i[order], j[order], sim[order]
        first = np.searchsorted(i, i, side="left")
        rank = np.arange(len(i)) - first
        top = rank < k
        out_rows += i[top].tolist()
        out_cols += j[top].tolist()
        out_sims += sim[top].tolist()
    return out_rows, out_cols, out_sims


def anchor_slug(anchor: StoryFeatures) -> str:
    """A story's slug, from its first article alone (so it does not move while articles join): the
    article's main place, name and date, and a short hash of its id (two stories never share an anchor)."""
    parts = [_top(anchor.places), _top(anchor.names)]
    if not any(parts):  # names nothing: its two most frequent words
        parts = [t for t, _c in sorted(anchor.terms, key=lambda tc: (-tc[1], tc[0])) if not t[0].isdigit()][:2]
    text = " ".join(p for p in [*parts, anchor.date] if p)
    return f"{_slug(text or 'story')}-{_digest(anchor.id)}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def _top(items: Iterable[tuple[str, int]]) -> str:
    return min(items, key=lambda kv: (-kv[1], kv[0]), default=("", 0))[0]


def label(members: Sequence[StoryFeatures], *, dated: bool = True) -> str:
    """"Place · Name, Name, Name · date": the place and names most of its articles mention, and its most
    common date (the earliest of equals; none when not ``dated``); the words most of them use when they
    name nothing."""
    def ranked(field: str) -> list[str]:
        articles: Counter[str] = Counter()
        mentions: Counter[str] = Counter()
        for m in members:
            for key, count in getattr(m, field):
                articles[key] += 1
                mentions[key] += count
        return sorted(articles, key=lambda k: (-articles[k], -mentions[k], k))

    places = ranked("places")[:1]
    names = [n for n in ranked("names") if n not in places][:3] or ([] if places else [t for t in ranked("terms") if not t[0].isdigit()][:3])
    dates = Counter(m.date for m in members if m.date)
    when = min(dates, key=lambda d: (-dates[d], d)) if dates and dated else ""
    parts = [p for p in (", ".join(places), ", ".join(names), when) if p]
    return " · ".join(parts) or f"article {members[0].id}"


def _story(name: str, members: Sequence[StoryFeatures]) -> Story:
    dates = sorted(m.date for m in members if m.date)
    return Story(slug=name, label=label(members), articles=tuple(sorted(m.id for m in members)),
                 first=dates[0] if dates else "", last=dates[-1] if dates else "")
