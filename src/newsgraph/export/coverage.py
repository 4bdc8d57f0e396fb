"""Read what the networks show from the store: actors, events, articles and who reports what.

Six small SPARQL questions (the ``*.rq`` files beside this module), aggregated here in Python rather than
in one grouped query, because Oxigraph slows down sharply on OPTIONALs inside a GROUP BY at scale. Every
string that leaves this module is display-ready: characters XML 1.0 forbids are gone and whitespace is
collapsed, so the GEXF, GraphML and CSV writers never meet a value they cannot write.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .. import query
from ..store import Store

# Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ROLES = {
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor": "participant",
    "https://w3id.org/newsgraph/ns#agent": "agent",
    "https://w3id.org/newsgraph/ns#patient": "patient",
}
_ACTOR = "http://semanticweb.cs.vu.nl/2009/11/sem/Actor"


@dataclass(frozen=True)
class ArticleInfo:
    iri: str
    id: str
    outlet: str  # the outlet's IRI: outlets are counted by IRI, shown by name
    outlet_name: str
    published: str  # "YYYY-MM-DD", or "" when the article has no usable date
    story: str
    story_label: str = ""  # the story's rdfs:label


@dataclass(frozen=True)
class NodeInfo:
    """An actor or an event."""

    iri: str
    label: str
    type: str  # the actor type ("PERSON"), or the event's predicate lemma ("leave")
    story: str
    mentions: int
    articles: tuple[str, ...]  # IRIs of the articles that mention it, sorted
    kind: str = ""  # ng:kind: "named", "described", "generic"; for events "named", "attributed", "other", "light"
    importance: int = 0  # ng:importance
    story_label: str = ""  # the story's rdfs:label


@dataclass(frozen=True)
class Coverage:
    """The store's content as the network builders need it, every mapping sorted by IRI."""

    articles: dict[str, ArticleInfo]
    actors: dict[str, NodeInfo]
    events: dict[str, NodeInfo]
    # (event, actor) -> its roles, sorted: "agent", "patient", or "participant" when neither is stated
    roles: dict[tuple[str, str], tuple[str, ...]]
    # sentence IRI -> (its article, the actors it mentions, sorted); sorted by IRI
    sentences: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def outlets(self, articles: Iterable[str]) -> tuple[int, str]:
        """How many distinct outlets publish these articles, and their names sorted and "|"-joined."""
        known = [self.articles[a] for a in articles if a in self.articles]
        names = sorted({a.outlet_name for a in known})
        return len({a.outlet for a in known}), "|".join(names)

    def dates(self, articles: Iterable[str]) -> tuple[str, ...]:
        """The distinct publication dates of these articles, sorted (undated articles add none)."""
        return tuple(sorted({self.articles[a].published for a in articles if a in self.articles} - {""}))


def clean(value: Any) -> str:
    """A value as one line of XML-safe text: forbidden characters and runs of whitespace become one space.

    >>> clean("Le\\x0bMonde \\n <Intl>")
    'Le Monde <Intl>'
    """
    return " ".join(_NOT_XML.sub(" ", "" if value is None else str(value)).split())


def iso_date(value: Any) -> str:
    """The calendar date of an xsd:date or xsd:dateTime lexical form, else "" (so GEXF spells stay valid)."""
    match = re.match(r"^(\d{4}-\d{2}-\d{2})(?:T\S*|Z|[+-]\d{2}:\d{2})?$", str(value or ""))
    if not match:
        return ""
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return ""


def tail(iri: str) -> str:
    """The last segment of an IRI: the label of last resort, so no node is ever unlabelled."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def read(store: Store) -> Coverage:
    """Ask the store the six questions and assemble the answers."""
    mentions = {r["node"]: int(r["mentions"]) for r in _rows(store, "denotations")}
    articles_of: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "coverage"):
        articles_of[r["node"]].add(r["article"])

    fields: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(store, "nodes"):
        slot = fields[(r["class"], r["node"])]
        for key in ("label", "type", "story", "storyLabel", "kind", "importance"):
            if r[key] is not None:
                slot[key].add(clean(r[key]))
    actors: dict[str, NodeInfo] = {}
    events: dict[str, NodeInfo] = {}
    for (cls, iri), slot in sorted(fields.items(), key=lambda item: item[0][1]):
        node = NodeInfo(
            iri=iri,
            label=_smallest(slot["label"]) or clean(tail(iri)),
            type=_smallest(slot["type"]),
            story=_smallest(slot["story"]),
            mentions=mentions.get(iri, 0),
            articles=tuple(sorted(articles_of.get(iri, ()))),
            kind=_smallest(slot["kind"]),
            importance=max((int(float(v)) for v in slot["importance"]), default=0),
            story_label=_smallest(slot["storyLabel"]),
        )
        (actors if cls == _ACTOR else events)[iri] = node

    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in _rows(store, "participants"):
        if r["event"] in events and r["actor"] in actors:
            roles[(r["event"], r["actor"])].add(_ROLES[r["role"]])
    in_sentence: dict[str, tuple[str, set[str]]] = {}
    for r in _rows(store, "sentences"):
        if r["actor"] in actors:
            in_sentence.setdefault(r["sentence"], (r["article"], set()))[1].add(r["actor"])
    return Coverage(
        articles=_articles(store),
        actors=actors,
        events=events,
        # A named role makes the bare sem:hasActor redundant: "participant" only when no role is known.
        roles={
            pair: tuple(sorted(found - {"participant"} or found)) for pair, found in sorted(roles.items())
        },
        sentences={iri: (doc, tuple(sorted(found))) for iri, (doc, found) in sorted(in_sentence.items())},
    )


def _articles(store: Store) -> dict[str, ArticleInfo]:
    fields: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(store, "articles"):
        slot = fields[r["article"]]
        for key in ("id", "outletName", "story", "storyLabel"):
            if r[key] is not None:
                slot[key].add(clean(r[key]))
        if r["outlet"] is not None:
            slot["outlet"].add(r["outlet"])
        slot["published"].add(iso_date(r["published"]))
    out = {}
    for iri in sorted(fields):
        slot = fields[iri]
        article_id = _smallest(slot["id"]) or clean(tail(iri))
        # Without a publisher each article is its own outlet, as model.Article.outlet_name has it.
        outlet = _smallest(slot["outlet"]) or iri
        name = _smallest(slot["outletName"]) or (
            clean(tail(outlet)) if outlet != iri else f"article {article_id}"
        )
        published = _smallest(slot["published"] - {""})
        out[iri] = ArticleInfo(iri, article_id, outlet, name, published, _smallest(slot["story"]),
                               _smallest(slot["storyLabel"]))
    return out


def _smallest(values: set[str]) -> str:
    return min(values) if values else ""


def _rows(store: Store, name: str) -> list[dict[str, Any]]:
    text = (resources.files(__package__) / f"{name}.rq").read_text(encoding="utf-8")
    return query.run(store, query.parse(name, text)).rows
