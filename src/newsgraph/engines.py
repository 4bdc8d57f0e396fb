"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine turns a stream of articles into a stream of ``Parsed | InputError | RuleError``, one per
article and in input order, so the build that consumes it neither knows nor cares where the parsing
happened. Each worker process loads the spaCy pipeline once (``extract.load`` is cached per process), runs
the caller's ``to_graph`` on each record (the build's: the article graph as N-Triples) and sends back the
record and those bytes, never spaCy Docs: the writing process only loads bytes, so it keeps up with many
workers. Engines decide where the work runs, not what it makes. At most a few batches per worker are in
flight, so memory stays flat however many articles stream through.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing.context import SpawnContext
from typing import Any, Literal, NamedTuple, TypeVar

from .errors import InputError, ModelError, NewsgraphError, RuleError
from .model import Article, Extraction

T = TypeVar("T")

Engine = Literal["local", "dask"]
ENGINES: tuple[Engine, ...] = ("local", "dask")

#: What the caller makes of each record where it was made (a module-level function: it is pickled to
#: the workers by name).
ToGraph = Callable[[Extraction], bytes]


class Parsed(NamedTuple):
    """One article as a worker hands it back: its record, and what ``to_graph`` made of it there (the
    article graph as N-Triples), so the process that writes only has to load bytes."""

    extraction: Extraction
    graph: bytes


#: An InputError per bad article, a RuleError per article a rule raised on; a ModelError stops the build.
Result = Parsed | InputError | RuleError

log = logging.getLogger(__name__)

#: Told the words of each article as soon as the parser is done with it (progress; see ``extract``).
OnParsed = Callable[[int], None]

#: Batches in flight per worker: enough to keep every worker busy while the client writes.
_WINDOW = 2


def extract(
    articles: Iterable[Article],
    to_graph: ToGraph,
    *,
    engine: Engine = "local",
    workers: int = 1,
    model: str | None = None,
    scheduler: str | None = None,
    batch_size: int = 16,
    on_parsed: OnParsed | None = None,
) -> Iterator[Result]:
    """One Parsed (or InputError, or RuleError) per article, in input order, from the engine asked for.

    ``to_graph`` runs where the article was parsed. ``engine="local"`` parses in this process
    (``workers=1``) or in a pool of ``workers`` processes; ``engine="dask"`` sends batches to the Dask
    scheduler at ``scheduler`` (``tcp://HOST:PORT``).

    ``on_parsed(words)`` is called once per article as the parser finishes it, before its batch comes
    back: local workers report each article through a queue, read while this process waits for a batch
    (Dask reports when the batch arrives). Batches start at one article and double up to ``batch_size``,
    so the first report comes after one article, not after a batch.
    """
    tell = on_parsed or _ignore
    if engine == "dask":
        if not scheduler:
            raise NewsgraphError("--engine dask needs --scheduler tcp://HOST:PORT")
        return _dask(articles, to_graph, scheduler, model, batch_size, tell)
    if engine != "local":
        raise NewsgraphError(f"unknown engine {engine!r}. Available: {', '.join(ENGINES)}")
    if workers <= 1:
        return _in_process(articles, to_graph, model, batch_size, tell)
    return _pool(articles, to_graph, workers, model, batch_size, tell)


def _ignore(words: int) -> None:
    """No one is watching the progress."""


#: In a worker process: where it reports each article it has parsed (``extract``'s ``on_parsed``).
_REPORTS: Any = None


def extract_batch(batch: list[Article], model: str | None, to_graph: ToGraph) -> list[Any]:
    """The task every worker runs: parse one batch with this process's pipeline (loaded on first use).

    A model that cannot load comes back as a ModelError value: raising would make Dask retry the task
    on every worker before giving up. Errors travel back as plain tuples (``_Carried``): newsgraph's
    exceptions take several arguments, which pickling does not keep.
    """
    from .extract import extract_articles, load  # spaCy is imported in the worker, not the client

    try:
        nlp = load(model)
    except ModelError as exc:
        return [exc]
    results: list[Any] = []
    for article, r in zip(batch, extract_articles(nlp, batch, batch_size=len(batch))):
        results.append(_Carried.of(r) if isinstance(r, (InputError, RuleError)) else Parsed(r, to_graph(r)))
        if _REPORTS is not None:
            _REPORTS.put(len(article.text.split()))
    return results


class _Carried(NamedTuple):
    """An InputError or RuleError on its way back from a worker."""

    source: str
    problem: str
    rule: str | None = None  # set for a RuleError
    details: str = ""

    @classmethod
    def of(cls, error: InputError | RuleError) -> _Carried:
        if isinstance(error, RuleError):
            return cls(error.source, error.problem, error.rule, error.details)
        return cls(error.source, error.problem)

    def error(self) -> InputError | RuleError:
        if self.rule is None:
            return InputError(self.source, self.problem)
        return RuleError(self.source, self.rule, self.problem, self.details)


def _in_process(articles: Iterable[Article], to_graph: ToGraph, model: str | None,
                batch_size: int, tell: OnParsed) -> Iterator[Result]:
    from .extract import extract_articles, load

    articles = iter(articles)
    first = next(articles, None)
    if first is None:  # nothing to parse: never load spaCy
        return
    nlp = load(model)
    for batch in _batches(_prepend(first, articles), batch_size):
        for article, result in zip(batch, extract_articles(nlp, batch, batch_size=len(batch))):
            tell(len(article.text.split()))
            yield result if isinstance(result, (InputError, RuleError)) else Parsed(result, to_graph(result))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Batches of 1, 2, 4 ... then ``size`` articles: the first results come back after one article."""
    it = iter(articles)
    n = 1
    while batch := list(islice(it, n)):
        yield batch
        n = min(2 * n, size)


def _prepend(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def _checked(results: list[Any]) -> Iterator[Result]:
    """A batch's results; a ModelError from a worker stops the build (every article would fail alike)."""
    for result in results:
        if isinstance(result, ModelError):
            raise result
        yield result.error() if isinstance(result, _Carried) else result


# --- local process pool ----------------------------------------------------------------------------------

def _pool(articles: Iterable[Article], to_graph: ToGraph, workers: int, model: str | None,
          batch_size: int, tell: OnParsed) -> Iterator[Result]:
    """A process pool with one pipeline per worker; results come back in submission order.

    A worker that dies (killed, out of memory on one huge text) breaks the whole pool: the batches in
    flight are then parsed again one article per task in a fresh pool, and an article that kills its
    worker a second time is reported as bad, so the others are never lost.
    """
    # Workers are spawned (not forked): the parent holds the store's RocksDB threads.
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[list[Article], Future[list[Any]]]] = deque()
    source = _batches(articles, batch_size)
    reports = context.SimpleQueue()
    executor = _executor(workers, context, reports)
    try:
        for batch in source:
            pending.append((batch, executor.submit(extract_batch, batch, model, to_graph)))
            while len(pending) >= workers * _WINDOW:
                executor = yield from _drain_one(pending, executor, to_graph, workers, context, model, reports, tell)
        while pending:
            executor = yield from _drain_one(pending, executor, to_graph, workers, context, model, reports, tell)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        _read_reports(reports, tell)


def _executor(workers: int, context: SpawnContext, reports: Any = None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                               initargs=(reports,))


def _read_reports(reports: Any, tell: OnParsed) -> None:
    while not reports.empty():
        tell(reports.get())


def _drain_one(
    pending: deque[tuple[list[Article], Future[list[Any]]]],
    executor: ProcessPoolExecutor,
    to_graph: ToGraph,
    workers: int,
    context: SpawnContext,
    model: str | None,
    reports: Any,
    tell: OnParsed,
) -> Generator[Result, None, ProcessPoolExecutor]:
    """Yield the oldest batch's results; on a broken pool, recover and return the pool to go on with.
    While waiting, pass on the workers' per-article reports."""
    future = pending[0][1]
    while not future.done():
        _read_reports(reports, tell)
        wait([future], timeout=0.2)
    _read_reports(reports, tell)
    try:
        results = future.result()
    except BrokenProcessPool:
        executor.shutdown(wait=True, cancel_futures=True)
        todo = [article for batch, _ in pending for article in batch]
        pending.clear()
        log.warning("a parser process died; parsing the %d articles in flight one by one", len(todo))
        yield from _one_by_one(todo, to_graph, context, model)
        return _executor(workers, context, reports)
    pending.popleft()
    yield from _checked(results)
    return executor


def _one_by_one(todo: list[Article], to_graph: ToGraph, context: SpawnContext,
                model: str | None) -> Iterator[Result]:
    for article in todo:
        with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_worker_init) as single:
            try:
                results = single.submit(extract_batch, [article], model, to_graph).result()
            except BrokenProcessPool:
                yield InputError(article.source, "the parser process died while reading this article")
                continue
        yield from _checked(results)


def map_ordered(fn: Callable[..., T], jobs: Iterable[tuple[Any, ...]], workers: int) -> Iterator[T]:
    """``fn(*job)`` for each job, in ``workers`` spawned processes (in this one when 1), in input order,
    with a few jobs per worker in flight so the jobs are read as they are needed."""
    if workers <= 1:
        yield from (fn(*job) for job in jobs)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)
    try:
        pending: deque[Future[T]] = deque()
        for job in jobs:
            pending.append(pool.submit(fn, *job))
            if len(pending) >= workers * _WINDOW:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_init(reports: Any = None) -> None:
    """A worker dies with its parent (a SIGKILLed build leaves no orphans) and leaves Ctrl-C to it;
    ``reports`` is the queue it tells of each article parsed (none for story resolution)."""
    global _REPORTS
    _REPORTS = reports
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


# --- Dask ----------------------------------------------------------------------------------------

def _dask(articles: Iterable[Article], to_graph: ToGraph, scheduler: str, model: str | None,
          batch_size: int, tell: OnParsed) -> Iterator[Result]:
    """Batches go to the cluster as tasks; the client keeps a bounded window and yields in order.

    A task lost with its worker (Dask gives up after retrying on others: ``KilledWorker``), cancelled by
    the scheduler, or cut off with the connection costs only its batch, whose articles are then reported
    one by one; the build goes on with the next batches. Any other exception is a bug and stops the build.
    """
    try:
        from distributed import Client, KilledWorker
    except ImportError as exc:
        raise NewsgraphError("--engine dask needs Dask: pip install 'newsgraph[dask]'") from exc

    try:
        # waits distributed.comm.timeouts.connect (Dask's config) at most; distributed leaves Client untyped
        client = Client(scheduler)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise NewsgraphError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[tuple[list[Article], Any]] = deque()

        def drain() -> Iterator[Result]:
            batch, future = pending.popleft()
            try:
                results = future.result()
            except (KilledWorker, CancelledError, OSError, TimeoutError) as exc:  # CommClosedError: an OSError
                reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
                for article in batch:
                    tell(len(article.text.split()))
                    yield InputError(article.source, f"the Dask task parsing it failed ({reason})")
                return
            for article in batch:
                tell(len(article.text.split()))
            yield from _checked(results)

        for batch in _batches(articles, batch_size):
            pending.append((batch, client.submit(extract_batch, batch, model, to_graph, pure=False)))
            while len(pending) >= workers * _WINDOW:
                yield from drain()
        while pending:
            yield from drain()
    finally:
        client.close()  # type: ignore[no-untyped-call]


def describe(engine: Engine, workers: int, scheduler: str | None) -> str:
    """For log lines: where the parsing runs."""
    if engine == "dask":
        return f"dask scheduler {scheduler}"
    return f"{workers} local process{'es' if workers > 1 else ''}" if workers > 1 else "this process"


__all__ = [
    "ENGINES", "Engine", "Parsed", "Result", "ToGraph", "describe", "extract", "extract_batch", "map_ordered",
]
