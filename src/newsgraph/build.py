"""The build: ingest -> extract -> store each article -> resolve each touched story -> store the story.

Each article is written in its own transaction as soon as it is extracted, so a bad or slow article never
costs the good ones. A story's graph records a hash of its articles; a story whose hash no longer matches
(articles added, changed, or a build killed before it resolved) is resolved again from the extraction
records kept in the store, without parsing anything again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from . import iris
from .errors import InputError
from .ingest import content_hash, read
from .model import Article, Extraction
from .rdf import article_graph, article_quads, story_graph, story_quads
from .resolve import resolve_story
from .store import Store
from .vocab import NG

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    """What a build did; the CLI turns it into messages and an exit status."""

    stored: list[str] = field(default_factory=list)  # article ids written (new or changed)
    unchanged: list[str] = field(default_factory=list)  # already stored with the same content
    rejected: list[InputError] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # stories resolved again

    @property
    def accepted(self) -> int:
        return len(self.stored) + len(self.unchanged)


def build(
    paths: Iterable[str | Path],
    store: Store,
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Add the articles under ``paths`` to ``store``: new and changed ones are parsed, unchanged ones skipped."""
    report = BuildReport()
    known = stored_articles(store)
    touched: set[str] = set()

    def todo() -> Iterator[Article]:
        for item in read(paths):
            if isinstance(item, InputError):
                log.info("rejected %s", item)
                report.rejected.append(item)
                continue
            old = known.get(item.id)
            if old and old[0] == content_hash(item):
                report.unchanged.append(item.id)
                continue
            if old:
                touched.add(old[1])  # the story it leaves must be resolved again too
            yield item

    articles = todo()
    first = next(articles, None)
    if first is not None:
        from .extract import extract_articles, load  # spaCy loads only when there is something to parse

        nlp = load(model)
        for extraction in extract_articles(nlp, _chain(first, articles), batch_size=batch_size, workers=workers):
            if isinstance(extraction, InputError):
                report.rejected.append(extraction)
                continue
            art = extraction.article
            store.replace_graph(article_graph(art), article_quads(extraction, content_hash(art)))
            report.stored.append(art.id)
            touched.add(art.story_name)
            if progress:
                progress(art.id)
    report.stories = resolve_stale(store, touched)
    return report


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def stored_articles(store: Store) -> dict[str, tuple[str, str]]:
    """Article id -> (content hash, story) for every article in the store."""
    rows = store.raw_query(
        "SELECT ?id ?hash ?story WHERE { ?doc a <https://schema.org/NewsArticle> ; "
        "<http://purl.org/dc/terms/identifier> ?id ; <https://w3id.org/newsgraph/ns#contentHash> ?hash ; "
        "<https://w3id.org/newsgraph/ns#story> ?story }"
    )
    return {r["id"].value: (r["hash"].value, r["story"].value) for r in rows}


def resolve_stale(store: Store, also: Iterable[str] = ()) -> list[str]:
    """Resolve again every story whose articles changed since its graph was written; returns them."""
    by_story: dict[str, list[str]] = {}
    for _id, (digest, story) in sorted(stored_articles(store).items()):
        by_story.setdefault(story, []).append(digest)
    written = _story_hashes(store)
    stale = {s for s, hashes in by_story.items() if written.get(s) != _story_hash(hashes)}
    stale |= set(also) | (set(written) - set(by_story))  # a story whose last article went away
    for story in sorted(stale):
        graph = story_graph(story)
        if story not in by_story:
            store.drop_graph(graph)
            continue
        extractions = load_extractions(store, story)
        resolution = resolve_story(story, extractions)
        quads = story_quads(resolution, {e.article.id: e for e in extractions})
        quads += [
            (graph, NG.story, Literal(story), graph),
            (graph, NG.contentHash, Literal(_story_hash(by_story[story])), graph),
        ]
        store.replace_graph(graph, quads)
        log.info("resolved story %s: %d actors, %d events", story, len(resolution.actors), len(resolution.events))
    return sorted(stale)


def _story_hash(article_hashes: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(article_hashes)).encode()).hexdigest()


def _story_hashes(store: Store) -> dict[str, str]:
    """Story name -> the hash of the articles its graph was resolved from."""
    rows = store.raw_query(
        "SELECT ?story ?hash WHERE { GRAPH ?g { ?g <https://w3id.org/newsgraph/ns#story> ?story ; "
        "<https://w3id.org/newsgraph/ns#contentHash> ?hash } }"
    )
    return {r["story"].value: r["hash"].value for r in rows}


def load_extractions(store: Store, story: str) -> list[Extraction]:
    """The extraction records of a story's articles, as stored: what resolution needs, without parsing."""
    rows = store.raw_query(
        "SELECT ?story ?json WHERE { ?doc a <https://schema.org/NewsArticle> ; "
        "<https://w3id.org/newsgraph/ns#story> ?story ; <https://w3id.org/newsgraph/ns#extraction> ?json }",
        {"story": Literal(story)},
    )
    return sorted((Extraction.from_json(json.loads(r["json"].value)) for r in rows), key=lambda e: e.article.id)


def remove(store: Store, ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """Take articles out of the store, with what they alone supported; returns (removed, unknown ids)."""
    known = stored_articles(store)
    removed, unknown, touched = [], [], set()
    for article_id in ids:
        if article_id not in known:
            unknown.append(article_id)
            continue
        store.drop_graph(URIRef(iris.doc_iri(article_id)))
        touched.add(known[article_id][1])
        removed.append(article_id)
    resolve_stale(store, touched)
    return removed, unknown
