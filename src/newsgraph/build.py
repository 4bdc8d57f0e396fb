"""The build: ingest -> extract -> store each article -> group the articles into stories -> resolve each changed story.

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
from .engines import Engine, extract, map_ordered
from .errors import InputError, RuleError
from .ingest import content_hash, read
from .model import Article, Extraction, Story, StoryFeatures
from .progress import Progress, estimate
from .query import internal
from .rdf import article_graph, article_quads, outlet_quads, story_graph, story_quads, topic_quads
from .resolve import resolve_story
from .store import Store
from .stories import MODES, Mode, features_json, group
from .terms import to_ntriples
from .topics import TOPICS_GRAPH
from .vocab import NG, XSD
from .writes import Writer

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    """What a build did; the CLI turns it into messages and an exit status."""

    stored: list[str] = field(default_factory=list)  # article ids written (new or changed)
    unchanged: list[str] = field(default_factory=list)  # already stored with the same content
    rejected: list[InputError] = field(default_factory=list)  # bad input: the input's fault
    failed: list[RuleError] = field(default_factory=list)  # a rule raised on the article: newsgraph's bug
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
    engine: Engine = "local",
    scheduler: str | None = None,
    batch_size: int = 16,
    write_every: int = 128,
    progress: Progress | None = None,
    stories: Mode = "auto",
) -> BuildReport:
    """Add the articles under ``paths`` to ``store``: new and changed ones are parsed, unchanged ones skipped.

    Parsing runs where ``engine`` says (this process, ``workers`` local processes, or the Dask cluster at
    ``scheduler``); this process writes the articles as their records come back, ``write_every`` at a time
    (a few large writes cost the store much less than many small ones), in a thread beside the parsing
    (writes.py), then groups every stored article into stories (``stories``: auto, field or one; see
    stories.py) and resolves the stories that changed. With one worker or Dask, a story the input names is
    resolved as soon as its articles are stored (``_EarlyStories``).

    >>> with Store.open("out/store", create=True) as store:   # doctest: +SKIP
    ...     build(["seeds/"], store, workers=2).stored
    ['000', '003']
    """
    paths = list(paths)  # read twice: to estimate the work, then to do it
    report = BuildReport()
    progress = progress or Progress()
    known = stored_articles(store)
    outlets = stored_outlets(store)

    def todo() -> Iterator[Article]:
        for item in read(paths):
            if isinstance(item, InputError):
                log.info("rejected %s", item)
                report.rejected.append(item)
                progress.advance(item.source, "rejected")
                continue
            old = known.get(item.id)
            if old and old[0] == content_hash(item):
                report.unchanged.append(item.id)
                progress.advance(item.id, "unchanged")
                continue
            yield item

    progress.start(estimate(paths))
    writer = Writer()  # the store's writes, beside the parsing (writes.py)
    # stories resolved while parsing, by this process: only where the end would resolve them here too
    # (one worker, Dask); a local pool resolves them in its processes at the end, because resolving here
    # beside the parsing cost this process +224 MB at 1,000 articles (docs/performance.md)
    resolve_here = workers <= 1 or engine != "local"
    early = _EarlyStories(paths, known, stories if resolve_here else "one")
    pending: dict[URIRef, bytes] = {}  # article (and story) graphs waiting for the next bulk write
    waiting: list[Extraction] = []
    resolved: list[tuple[str, str]] = []  # stories resolved early, in ``pending``: (slug, summary)

    def write_pending() -> None:
        graphs, then = dict(pending), stored(list(waiting), list(resolved))
        pending.clear()  # before submitting: a story resolved meanwhile goes with the next write
        waiting.clear()
        resolved.clear()
        if graphs:
            writer.submit(store.put_graphs, graphs, then=then)

    def stored(articles: list[Extraction], written: list[tuple[str, str]]) -> Callable[[object], None]:
        """The bookkeeping once a write is done: only then is an article stored, a story resolved."""
        def then(_: object) -> None:
            for ex in articles:
                art = ex.article
                known[art.id] = (content_hash(art), features_json(ex))
                report.stored.append(art.id)
                progress.advance(art.id, "stored", len(art.text.split()))
                for story, digest in early.complete(art.id, known):
                    writer.submit(_resolve, store, story, digest, early.mode, then=add_resolved)
            for slug, summary in written:
                report.stories.append(slug)
                progress.note(f"resolved story {slug}")
                log.info("resolved story %s as soon as its articles were stored: %s", slug, summary)
        return then

    def add_resolved(result: tuple[str, bytes, str]) -> None:
        slug, ntriples, summary = result
        pending[story_graph(slug)] = ntriples
        resolved.append((slug, summary))

    try:
        results = extract(todo(), article_ntriples, engine=engine, workers=workers, model=model,
                          scheduler=scheduler, batch_size=batch_size, on_parsed=progress.parsed)
        for result in results:
            writer.settle()
            if isinstance(result, InputError):
                report.rejected.append(result)
                progress.advance(result.source, "failed")
                continue
            if isinstance(result, RuleError):  # not stored; the other articles go on
                log.debug("rule %s failed on %s\n%s", result.rule, result.source, result.details)
                report.failed.append(result)
                progress.advance(result.source, "failed")
                continue
            art = result.extraction.article
            outlet = URIRef(iris.outlet_iri(art.outlet_name))
            if outlet not in outlets:  # before the article in the same write (a graph per transaction in this
                # order, or one journalled bulk load): a crash never leaves an article without its outlet
                pending[outlet] = to_ntriples(outlet_quads(art.outlet_name))
                outlets.add(outlet)
            pending[article_graph(art)] = result.graph
            waiting.append(result.extraction)
            if len(waiting) >= write_every:
                write_pending()
        while True:  # the last articles, then the stories they completed, then those stories' graphs
            write_pending()
            writer.settle(wait=True)
            if not pending:
                break
        writer.close()
        report.stories += resolve_stale(store, (), progress, stored=known, mode=stories,
                                        workers=workers if engine == "local" else 1)
    finally:
        writer.abandon()  # after close(): nothing left; after an error: the running write ends, the rest is dropped
        progress.close()
    return report


class _EarlyStories:
    """Stories that can be resolved while other articles are still parsing.

    A story the input names (``story`` field) has exactly the articles that name it, under ``field`` and
    ``auto`` alike (auto groups only the articles that name none): once every article of this build that
    names it is stored, its members are known, whatever is still parsing. Articles that name no story wait
    for the grouping at the end (it needs all of them), and so does everything under ``one``. A story
    resolved early is resolved from the same stored records, with the same hash, as the end would resolve
    it, so the end finds its hash current and skips it; if the guess was wrong (an article of it failed),
    the hash differs and the end resolves it again: the graph never depends on the timing.
    """

    def __init__(self, paths: list[str | Path], known: dict[str, tuple[str, str]], mode: Mode) -> None:
        self.mode = mode
        self._outstanding: dict[str, set[str]] = {}  # story -> articles of this build not yet stored
        self._members: dict[str, set[str]] = {}
        self._story_of: dict[str, str] = {}
        if mode == "one":  # (or resolving early is not wanted: see build)
            return
        incoming: dict[str, str | None] = {}
        for item in read(paths):  # a second, light pass over the input: ids and stories (ms per 1,000)
            if isinstance(item, Article) and (item.id not in known or known[item.id][0] != content_hash(item)):
                incoming[item.id] = item.story
        for story in {s for s in incoming.values() if s}:
            self._members[story] = set()
        for article_id, (_hash, features) in known.items():
            if article_id not in incoming and features:
                named = json.loads(features).get("story")
                if named in self._members:
                    self._members[named].add(article_id)
        for article_id, given in incoming.items():
            if given:
                self._members[given].add(article_id)
                self._outstanding.setdefault(given, set()).add(article_id)
                self._story_of[article_id] = given

    def complete(self, article_id: str, known: dict[str, tuple[str, str]]) -> list[tuple[Story, str]]:
        """The story ``article_id`` completed by being stored, with its hash; none if it completed none."""
        story = self._story_of.pop(article_id, None)
        if story is None:
            return []
        left = self._outstanding[story]
        left.discard(article_id)
        if left:
            return []
        members = sorted(self._members[story])
        found = group([StoryFeatures.from_json(json.loads(known[a][1])) for a in members], self.mode)
        if [s.slug for s in found] != [story]:  # not the one story predicted: leave it to the end
            return []
        return [(found[0], _story_digest(found[0], known, self.mode))]


def _resolve(store: Store, story: Story, digest: str, mode: str) -> tuple[str, bytes, str]:
    """A story resolved from its stored records (in the writer's thread): (slug, graph, summary)."""
    return story_ntriples(story, stored_records_of(store, story.articles), digest, mode)


def article_ntriples(extraction: Extraction) -> bytes:
    """The article graph of one record as N-Triples: what the engines run where the record was made."""
    return to_ntriples(article_quads(extraction, content_hash(extraction.article)))


def stored_articles(store: Store) -> dict[str, tuple[str, str]]:
    """Article id -> (content hash, what grouping reads of it as JSON) for every article in the store.

    An article graph written before articles carried ``ng:storyFeatures`` is written again from its
    stored record (no parsing), so grouping finds every article's features."""
    rows = store.raw_query(internal("stored-articles"))
    found = {r["id"].value: (r["hash"].value, r["features"].value if r["features"] else "") for r in rows}
    old = sorted(i for i, (_h, f) in found.items() if not f)
    if old:
        found.update(_rewrite_articles(store, {i: found[i][0] for i in old}))
    return found


def _rewrite_articles(store: Store, hashes: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Article graphs written by older code, written again as this code writes them, from their records."""
    out = {}
    for record in stored_records_of(store, sorted(hashes)):
        ex = Extraction.from_json(json.loads(record))
        store.replace_graph(article_graph(ex.article), article_quads(ex, hashes[ex.article.id]))
        out[ex.article.id] = (hashes[ex.article.id], features_json(ex))
    return out


def stored_records_of(store: Store, ids: Iterable[str]) -> list[str]:
    """The extraction records (JSON) of these articles, as stored: what resolution needs, no parsing."""
    values = " ".join(f"<{iris.doc_iri(i)}>" for i in ids)  # percent-encoded: always a valid IRI
    rows = store.raw_query(internal("article-records").replace("VALUES ?doc { UNDEF }", f"VALUES ?doc {{ {values} }}"))
    return [r["json"].value for r in rows]


def stored_mode(store: Store) -> Mode:
    """How the stored stories were grouped (``auto`` when there are none yet)."""
    rows = list(store.raw_query(internal("stored-grouping")))
    mode = rows[0]["mode"].value if rows else "auto"
    return mode if mode in MODES else "auto"


def stored_outlets(store: Store) -> set[URIRef]:
    """The outlets that have their graph in the store."""
    rows = store.raw_query(internal("stored-outlets"))
    return {URIRef(r["g"].value) for r in rows}


def _drop_orphan_outlets(store: Store) -> None:
    """An outlet whose last article went away leaves the graph too."""
    rows = store.raw_query(internal("orphan-outlets"))
    for r in list(rows):
        store.drop_graph(URIRef(r["g"].value))


def resolve_stale(
    store: Store,
    also: Iterable[str] = (),
    progress: Progress | None = None,
    *,
    stored: dict[str, tuple[str, str]] | None = None,
    workers: int = 1,
    mode: Mode | None = None,
) -> list[str]:
    """Group the stored articles into stories and resolve again every story whose articles changed since
    its graph was written; returns them (their slugs). ``also``: stories to resolve again in any case.

    ``stored`` is ``stored_articles(store)`` when the caller already knows it (a build keeps it up to date).
    ``mode`` is how articles are grouped (stories.py); by default as the store's stories were. The grouping
    depends only on the set of articles, so any sequence of builds and removes gives the stories a clean
    build of what remains would. With ``workers`` > 1 and several stories to resolve, stories are resolved
    in that many processes while this one reads records and writes graphs.
    """
    stored = stored if stored is not None else stored_articles(store)
    mode = mode or stored_mode(store)
    grouped = group([StoryFeatures.from_json(json.loads(f)) for _h, f in stored.values()], mode)
    digests = {s.slug: _story_digest(s, stored, mode) for s in grouped}
    written = _story_hashes(store)
    live = {str(story_graph(s.slug)) for s in grouped}
    for graph in sorted(set(written) - live):  # no article left in the story, or grouped otherwise now
        store.drop_graph(URIRef(graph))
    again = set(also)
    todo = [s for s in grouped if s.slug in again or written.get(str(story_graph(s.slug))) != digests[s.slug]]
    jobs = ((s, stored_records_of(store, s.articles), digests[s.slug], mode) for s in todo)
    batch: dict[URIRef, bytes] = {}  # story graphs waiting to be written: several at a time cost less
    for story, ntriples, summary in map_ordered(story_ntriples, jobs, workers if len(todo) >= 2 * workers else 1):
        if progress:
            progress.note(f"resolved story {story}")
        log.info("resolved story %s: %s", story, summary)
        batch[story_graph(story)] = ntriples
        if sum(map(len, batch.values())) >= _BATCH_BYTES:
            store.put_graphs(batch)
            batch.clear()
    batch[URIRef(TOPICS_GRAPH)] = to_ntriples(topic_quads([(s.slug, s.topic, s.topic_label) for s in grouped]))
    store.put_graphs(batch)
    _drop_orphan_outlets(store)
    return [s.slug for s in todo]


def story_ntriples(story: Story, records: list[str], digest: str, mode: str = "auto") -> tuple[str, bytes, str]:
    """One story's graph as N-Triples, resolved from its articles' stored records (JSON): the task a
    resolving process runs. Returns (story slug, graph, a summary for the log)."""
    extractions = sorted((Extraction.from_json(json.loads(r)) for r in records), key=lambda e: e.article.id)
    resolution = resolve_story(story.slug, extractions)
    graph = story_graph(story.slug)
    quads = story_quads(resolution, {e.article.id: e for e in extractions}, story.label)
    quads += [(graph, NG.contentHash, Literal(digest), graph), (graph, NG.grouping, Literal(mode), graph)]
    if story.first:
        quads += [(graph, NG.firstDate, Literal(story.first, datatype=XSD.date), graph),
                  (graph, NG.lastDate, Literal(story.last, datatype=XSD.date), graph)]
    return story.slug, to_ntriples(quads), f"{len(resolution.actors)} actors, {len(resolution.events)} events"


#: Story graphs' N-Triples gathered before writing them: a few large bulk loads cost less than many small.
_BATCH_BYTES = 32_000_000


#: The shape of the story graphs this code writes. Part of every story's hash, so a store whose story
#: graphs were written by older code has them resolved again by the next build (no parsing needed).
#: Raise it whenever story_quads or resolution changes what a story graph holds.
STORY_FORMAT = "7"


def _story_digest(story: Story, stored: dict[str, tuple[str, str]], mode: str) -> str:
    """The hash a story graph is written with: its articles' hashes and the grouping (its topic is in the
    topics graph, not in the story's). One function for the end of a build and for a story resolved early,
    so the end skips what is current."""
    return _story_hash([stored[a][0] for a in story.articles] + [f"grouping {mode}"])


def _story_hash(article_hashes: list[str]) -> str:
    """What a story graph was resolved from: the hashes of its articles, and the story graph format."""
    return hashlib.sha256("\n".join([f"format {STORY_FORMAT}", *sorted(article_hashes)]).encode()).hexdigest()


def _story_hashes(store: Store) -> dict[str, str]:
    """Story graph IRI -> the hash of the articles it was resolved from.

    Article graphs have a hash too: a story graph is told by its IRI. Only the hash is looked up: joining
    each node's story name as well cost ~1 s at 10,000 articles (Oxigraph starts from ``ng:story``, which
    every actor and event has)."""
    rows = store.raw_query(internal("story-hashes"))
    return {r["g"].value: r["hash"].value for r in rows if r["g"].value.startswith(iris.STORIES)}


def remove(store: Store, ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """Take articles out of the store, with what they alone supported; returns (removed, unknown ids)."""
    known = stored_articles(store)
    removed: list[str] = []
    unknown: list[str] = []
    for article_id in ids:
        if article_id not in known:
            unknown.append(article_id)
            continue
        store.drop_graph(URIRef(iris.doc_iri(article_id)))
        removed.append(article_id)
    resolve_stale(store)
    return removed, unknown
