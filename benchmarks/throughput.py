"""Build throughput, scaling, memory and incremental cost, on ECB+ articles repeated to size.

    python benchmarks/throughput.py [--articles 600] [--scaling-articles 300] [--memory 1000,5000] [--workers 2]

Prints (each run in a fresh process, model loading included, so start-up costs count):
- quads per article in the built store (article graphs and story graphs apart);
- throughput: words/s of `newsgraph build` ÷ words/s of plain `nlp.pipe` (the same model as shipped, same
  texts and process count), the plain run being the faster of `nlp.pipe(n_process=N)` and N processes
  each running `nlp.pipe` on their share (target >= 0.85);
- scaling: build words/s with 2 workers ÷ with 1 (target >= 1.6 on 2 cores);
- memory: peak RSS of the build process and of its largest worker, building 1,000 and 5,000 articles
  (target <= 1.5 GB in all, and the larger within 1.25x of the smaller);
- incremental: adding 10 articles to the largest store ÷ building those 10 alone (target <= 2).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def child(mode: str, workers_text: str, path: str, store: str = "") -> None:
    """One measured run; prints a JSON line with seconds and peak RSS."""
    workers = int(workers_text)
    started = time.perf_counter()
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    if mode == "build":
        from newsgraph import build, open_store

        with open_store(store, create=True) as s:
            report = build([path], s, workers=workers)
        for error in report.rejected:  # reported and skipped, as newsgraph does; they still count as read
            print(f"rejected {error}", file=sys.stderr)
    elif mode == "pipe-nproc":
        nlp = stock_pipeline()
        for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
            pass
    elif mode in ("pipe-pool", "pipe-own"):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        batches = [(texts[i:i + 16], mode == "pipe-own") for i in range(0, len(texts), 16)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for _ in pool.map(_parse, batches):
                pass
    seconds = time.perf_counter() - started
    own, children = corpus.peak_rss_mb()
    print(json.dumps({"seconds": seconds, "rss": own, "child_rss": children}))


def _parse(job: tuple[list[str], bool]) -> int:
    """Parse a batch with the stock pipeline, or with newsgraph's own (``own``)."""
    texts, own = job
    if own:
        from newsgraph.extract import load

        nlp = load()
    else:
        nlp = stock_pipeline()
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=len(texts)))


@functools.cache
def stock_pipeline() -> Any:
    """The model newsgraph would load, as shipped (``spacy.load``): the plain pipeline the build is
    compared with. newsgraph's own differs: it adds a line-break rule and runs its equivalent of the
    attribute ruler and lemmatizer (extract/tagging.py)."""
    import spacy

    from newsgraph.extract.pipeline import DEFAULT_MODELS

    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit(f"benchmark: none of {', '.join(DEFAULT_MODELS)} is installed")


def run(mode: str, workers: int, path: Path, store: Path | None = None) -> dict[str, float]:
    args = [sys.executable, __file__, "_child", mode, str(workers), str(path), str(store or "")]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"benchmark: {mode} failed:\n{out.stderr[-2000:]}")
    rejected = out.stderr.count("rejected ")
    if rejected:
        print(f"  ({rejected} article(s) rejected by the extraction rules in this run: {out.stderr.splitlines()[0]})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=600, help="articles for the throughput ratio")
    parser.add_argument("--scaling-articles", type=int, default=300, help="articles for 1 vs 2 workers")
    parser.add_argument("--memory", default="1000,5000", help="corpus sizes for peak memory")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--parts", default="throughput,scaling,memory,incremental", help="which figures to take")
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    corpus.docs()  # fail early and clearly without the data set
    print(f"# machine: {corpus.machine()}")
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    w = args.workers

    # 1. build vs plain nlp.pipe, same texts and process count
    if "throughput" in parts:
        throughput(tmp, args.articles, w)
    if "scaling" in parts:
        scaling(tmp, args.scaling_articles)
    if "memory" in parts or "incremental" in parts:
        memory_and_incremental(tmp, [int(s) for s in args.memory.split(",")], w)
    print(f"# load average at the end: {os.getloadavg()[0]:.1f} (the machine is shared: compare ratios, not times)")
    print(f"# scratch files in {tmp} (delete when done)")
    return 0


def throughput(tmp: Path, n: int, w: int) -> None:
    path = tmp / "throughput.jsonl"
    words = corpus.write_jsonl(path, n)
    build = run("build", w, path, tmp / "t-store")
    nproc = run("pipe-nproc", w, path)
    pool = run("pipe-pool", w, path)
    own = run("pipe-own", w, path)
    best = min(nproc["seconds"], pool["seconds"])
    print(f"throughput  {n} articles, {words:,} words, {w} processes")
    print(f"  nlp.pipe(n_process={w})        {words / nproc['seconds']:8,.0f} words/s  ({nproc['seconds']:.1f} s)")
    print(f"  {w} processes x nlp.pipe        {words / pool['seconds']:8,.0f} words/s  ({pool['seconds']:.1f} s)")
    print(f"  newsgraph build --workers {w}   {words / build['seconds']:8,.0f} words/s  ({build['seconds']:.1f} s)")
    print(f"  ratio build / best plain pipe  {best / build['seconds']:.2f}   (target >= 0.85)")
    print(quads_line(tmp / "t-store", n))
    print(f"  (newsgraph's own pipeline, {w} processes x nlp.pipe, no extraction: {words / own['seconds']:,.0f} words/s, "
          f"{own['seconds']:.1f} s; build / that {own['seconds'] / build['seconds']:.2f})")



def quads_line(store: Path, n: int) -> str:
    """Quads per article in a built store: all of them, and those of article graphs and of story graphs."""
    from newsgraph import iris, open_store

    counts = {"article": 0, "story": 0, "other": 0}
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    with open_store(store, read_only=True) as s:
        for row in s.raw_query(query):
            graph = row["g"].value
            kind = "story" if graph.startswith(iris.STORIES) else "article" if graph.startswith(iris.doc_iri("")) else "other"
            counts[kind] += int(row["n"].value)
    total = sum(counts.values())
    return (f"  quads per article  {total / n:,.0f}   (article graphs {counts['article'] / n:,.0f}, story graphs "
            f"{counts['story'] / n:,.0f}, outlets {counts['other'] / n:,.1f}; {total:,} quads; target <= 900)")


def scaling(tmp: Path, n: int) -> None:
    """1 vs 2 workers on the same articles."""
    path = tmp / "scaling.jsonl"
    words = corpus.write_jsonl(path, n)
    one = run("build", 1, path, tmp / "s1-store")
    two = run("build", 2, path, tmp / "s2-store")
    print(f"scaling  {n} articles, {words:,} words")
    print(f"  1 worker  {words / one['seconds']:8,.0f} words/s  ({one['seconds']:.1f} s)")
    print(f"  2 workers {words / two['seconds']:8,.0f} words/s  ({two['seconds']:.1f} s)")
    print(f"  ratio 2 / 1  {one['seconds'] / two['seconds']:.2f}   (target >= 1.6)")
    print(quads_line(tmp / "s2-store", n))



def memory_and_incremental(tmp: Path, sizes: list[int], w: int) -> None:
    """Peak RSS of the build process and its largest worker; then 10 articles added to the largest store."""
    peaks = []
    print(f"memory  build --workers {w}")
    for n in sizes:
        path = tmp / f"memory-{n}.jsonl"
        words = corpus.write_jsonl(path, n)
        result = run("build", w, path, tmp / f"m{n}-store")
        total = result["rss"] + w * result["child_rss"]
        peaks.append(total)
        print(f"  {n:6,} articles ({words:,} words, {result['seconds']:.0f} s): build process "
              f"{result['rss']:.0f} MB, largest worker {result['child_rss']:.0f} MB, "
              f"bound {total:.0f} MB (process + {w} x worker)")
    if len(peaks) > 1:
        print(f"  ratio {sizes[-1]:,} / {sizes[0]:,}  {peaks[-1] / peaks[0]:.2f}   (targets <= 1.25 and <= 1,536 MB)")

    # 4. incremental: 10 new articles in existing stories, into the largest store vs alone
    path = tmp / "ten.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for record in corpus.articles(10, offset=0):
            record["id"] += "~new"  # a new article of a story already in the store
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    added = run("build", 1, path, tmp / f"m{sizes[-1]}-store")
    alone = run("build", 1, path, tmp / "ten-store")
    print(f"incremental  10 articles into a {sizes[-1]:,}-article store: {added['seconds']:.1f} s; "
          f"alone: {alone['seconds']:.1f} s; ratio {added['seconds'] / alone['seconds']:.2f}   (target <= 2)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        child(*sys.argv[2:6])
        sys.exit(0)
    sys.exit(main())
