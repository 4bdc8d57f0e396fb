"""Latency of every bundled query as the store grows, and against rdflib's in-memory store.

    python benchmarks/queries.py [--sizes 1000,10000,50000] [--whole all] [--rdflib 1000] [--base STORE]
                                 [--keep DIR] [--page 50] [--story S]

A base store of 1,000 ECB+ articles is built with newsgraph (or ``--base`` names one already built).
Larger stores repeat its graphs without parsing: copy k renames every article id (``ID~k``), story name
(``S~k``) and the IRIs minted from them, so each copy is new articles in new stories with the same
shape, loaded in bulk into an on-disk store as a user's would be. Each query runs 3 times; the median is
printed with its row count, and the same for its first page (``--page`` rows, as ``newsgraph query
--limit``), and the same bound to one story (``--param story=S``; a story of copy 0, so every size has
it: ``--story`` names it, else the first story of the base store with the most nodes; actor-events then
asks about that story's most mentioned actor). rdflib's
in-memory Dataset answers the same queries at the ``--rdflib`` sizes, each cut off after ``--timeout``
seconds. Targets: every bundled query <= 1 s at 50k articles; bound to one story, <= 0.1 s at any size.
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import pyoxigraph as ox  # noqa: E402

from newsgraph import Store, build, query  # noqa: E402

#: Parameters for the queries that need one (an actor every copy of ECB+ has).
PARAMS = {"actor-events": {"actor": "police"}}


def base_store(path: Path, n: int) -> None:
    jsonl = path.parent / "base.jsonl"
    corpus.write_jsonl(jsonl, n)
    started = time.perf_counter()
    with Store.open(path, create=True) as store:
        report = build([jsonl], store, workers=2)
    print(f"# base store: {len(report.stored)} articles parsed in {time.perf_counter() - started:.0f} s")


_RENAMES = [
    (re.compile(rb"(/id/doc/)([^>#]+)"), rb"\1\2~%d"),
    (re.compile(rb"(/id/(?:actor|event)/)([^/>]+)/"), rb"\1\2-%d/"),  # slug("S~k") is "s-k"
    (re.compile(rb"(/id/story/)([^>]+)>"), rb"\1\2-%d>"),
    (re.compile(rb'(<https://w3id.org/newsgraph/ns#story> ")([^"]*)"'), rb'\1\2~%d"'),
    (re.compile(rb'(<http://purl.org/dc/terms/identifier> ")([^"]*)"'), rb'\1\2~%d"'),
]


def biggest_story(store: Store) -> str:
    """The story with the most nodes (articles, actors, events): the slowest to answer."""
    rows = query.run(store, query.resolve(
        "SELECT ?story (COUNT(?n) AS ?nodes) WHERE { ?n <https://w3id.org/newsgraph/ns#story> ?story } "
        "GROUP BY ?story ORDER BY DESC(?nodes) ?story"), limit=1).rows
    return str(rows[0]["story"])


def story_actor(store: Store, story: str) -> str:
    """The label of the story's most important actor: what actor-events asks about for one story."""
    rows = query.run(store, query.resolve(
        "# param: story\nPREFIX ng: <https://w3id.org/newsgraph/ns#> SELECT ?label WHERE { VALUES ?story { UNDEF } ?a ng:story ?story ; "
        "a <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> ; ng:importance ?n ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY DESC(?n) ?label"),
        {"story": story}, limit=1).rows
    return str(rows[0]["label"])


def copy_of(nquads: bytes, k: int) -> bytes:
    """The base graphs as copy ``k``: new ids, stories and IRIs, the same outlets."""
    for pattern, template in _RENAMES:
        nquads = pattern.sub(template % k, nquads)
    return nquads


def grow(base: Path, target: Path, copies: int) -> int:
    """An on-disk store holding ``copies`` renamed copies of the base store; returns its quad count."""
    with Store.open(base) as store:
        nquads = store.dump(ox.RdfFormat.N_QUADS)
    inner = ox.Store(str(target))
    for k in range(copies):
        inner.bulk_load(nquads if k == 0 else copy_of(nquads, k), format=ox.RdfFormat.N_QUADS)
    inner.flush()
    (target / "newsgraph-store").write_text("benchmark store\n")
    count = len(inner)
    del inner
    return count


def time_queries(run: Any, repeat: int = 3, extra: dict[str, str] | None = None) -> dict[str, tuple[float, int]]:
    """Median seconds and row count of every bundled query through ``run(query, params)``; ``extra`` adds
    parameters to every query (``{"story": S}``)."""
    out = {}
    for name, q in query.bundled().items():
        times, rows = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            params = {**PARAMS.get(name, {}), **(extra or {})}
            rows = run(q, {k: v for k, v in params.items() if k in q.all_params})
            times.append(time.perf_counter() - started)
            if times[-1] > 30:
                break  # one slow run says enough
        out[name] = (statistics.median(times), rows)
    return out


class _Timeout(Exception):
    pass


def rdflib_times(nquads: bytes, timeout: int) -> tuple[float, dict[str, tuple[float, int]]]:
    """Load into rdflib's in-memory Dataset and time each query, cut off after ``timeout`` seconds."""
    from rdflib import Dataset, Literal, URIRef

    started = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(data=nquads.decode("utf-8"), format="nquads")
    load = time.perf_counter() - started

    def alarm(*_: Any) -> None:
        raise _Timeout

    signal.signal(signal.SIGALRM, alarm)

    def run(q: query.Query, params: dict[str, str] | None) -> int:
        bindings = {k: URIRef(v) if v.startswith("http") else Literal(v) for k, v in (params or {}).items()}
        signal.alarm(timeout)
        try:
            return len(list(ds.query(q.text, initBindings=bindings)))
        except _Timeout:
            return -1
        finally:
            signal.alarm(0)

    return load, time_queries(run, repeat=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,50000", help="store sizes in articles (multiples of the base)")
    parser.add_argument("--rdflib", default="1000", help="sizes to run on rdflib's in-memory store too")
    parser.add_argument("--base", type=Path, help="a store of the base articles already built (skips parsing)")
    parser.add_argument("--base-articles", type=int, default=1000)
    parser.add_argument("--timeout", type=int, default=120, help="rdflib: seconds before a query is cut off")
    parser.add_argument("--keep", type=Path, help="build the stores here and keep them")
    parser.add_argument("--page", type=int, default=50, help="rows in the first page timed on Oxigraph (0: none)")
    parser.add_argument("--story", help="the story the story-bound queries answer (a story of the base store)")
    parser.add_argument("--whole", default="all",
                        help="sizes at which whole answers (and first pages) are timed too, or 'all' (whole "
                             "answers grow with the store: minutes each at 50k)")
    args = parser.parse_args(argv)
    corpus.docs()
    print(f"# machine: {corpus.machine()}")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="newsgraph-queries-"))
    tmp.mkdir(parents=True, exist_ok=True)
    base = args.base
    if base is None:
        base = tmp / "base"
        if not (base / "newsgraph-store").exists():
            base_store(base, args.base_articles)
    with Store.open(base) as store:
        n_base = len(list(store.raw_query("SELECT ?d WHERE { ?d a <https://schema.org/NewsArticle> }")))
        story = args.story or biggest_story(store)
        actor = story_actor(store, story)
    print(f"# one story: {story} (actor-events for it: actor={actor})")
    sizes = [int(s) for s in args.sizes.split(",")]
    whole = set(sizes) if args.whole == "all" else {int(s) for s in args.whole.split(",") if s}
    results: dict[str, dict[str, tuple[float, int]]] = {}
    for size in sizes:
        copies = max(1, round(size / n_base))
        target = tmp / f"store-{size}"
        started = time.perf_counter()
        if not (target / "newsgraph-store").exists():
            quads = grow(base, target, copies)
            print(f"# {copies * n_base:,} articles: {quads:,} quads, loaded in {time.perf_counter() - started:.0f} s")
        with Store.open(target) as store:
            if size in whole:
                results[f"oxigraph {size:,}"] = time_queries(lambda q, p: len(query.run(store, q, p).rows))
            if args.page and size in whole:
                results[f"oxigraph {size:,} first {args.page}"] = time_queries(
                    lambda q, p: len(query.run(store, q, p, limit=args.page).rows)
                )
            results[f"oxigraph {size:,} one story"] = time_queries(
                lambda q, p: len(query.run(store, q, p).rows), extra={"story": story, "actor": actor}
            )
        _print(results)
    for size in (int(s) for s in args.rdflib.split(",") if s):
        copies = max(1, round(size / n_base))
        with Store.open(base) as store:
            nquads = store.dump(ox.RdfFormat.N_QUADS)
        data = b"".join(nquads if k == 0 else copy_of(nquads, k) for k in range(copies))
        load, times = rdflib_times(data, args.timeout)
        print(f"# rdflib {size:,}: loaded in {load:.0f} s; peak RSS of this process {corpus.peak_rss_mb()[0]:,.0f} MB")
        results[f"rdflib {size:,}"] = times
        _print(results)
    return 0


def _print(results: dict[str, dict[str, tuple[float, int]]]) -> None:
    columns = list(results)
    names = list(next(iter(results.values())))
    print("query".ljust(22) + "".join(c.rjust(26) for c in columns))
    for name in names:
        cells = []
        for c in columns:
            seconds, rows = results[c].get(name, (float("nan"), 0))
            cells.append((f">{seconds:.0f} s cut off" if rows < 0 else f"{seconds:8.3f} s {rows:6d} rows").rjust(26))
        print(name.ljust(22) + "".join(cells))
    oxi = [c for c in columns if c.startswith("oxigraph") and " first " not in c and not c.endswith(" one story")]
    one = [c for c in columns if c.endswith(" one story")]
    for c in columns:
        if c.startswith("rdflib"):
            same = c.replace("rdflib", "oxigraph")
            if same in results:
                ratios = [results[c][n][0] / max(results[same][n][0], 1e-6) for n in names if results[c][n][1] >= 0]
                print(f"  {c} / {same}: median ratio {statistics.median(ratios):.0f}x (queries not cut off)")
    if oxi:
        worst = max(results[oxi[-1]].items(), key=lambda kv: kv[1][0])
        print(f"  slowest at {oxi[-1]}: {worst[0]} {worst[1][0]:.3f} s   (target <= 1 s)")
    if one:
        worst = max(results[one[-1]].items(), key=lambda kv: kv[1][0])
        print(f"  slowest at {one[-1]}: {worst[0]} {worst[1][0]:.3f} s   (target <= 0.1 s)")
    print(flush=True)


if __name__ == "__main__":
    sys.exit(main())
