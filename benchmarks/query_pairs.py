"""CPU of every query on two stores, side by side: before and after a change of the graph's shape.

    python benchmarks/query_pairs.py STORE_A QUERIES_A STORE_B QUERIES_B [--runs 5] [--only q1,q2]

QUERIES_A and QUERIES_B are folders of .rq files (the bundled queries and the digest's and report's, e.g.
``src/newsgraph/queries`` and ``src/newsgraph/assets`` of each version copied into one folder); every name
in QUERIES_B is run. Each query runs bound to the store's largest story (by actors and events) and over the
whole store, A and B alternated in one process (so a change in the machine's load hits both alike), and
prints the median CPU seconds of each with the row counts, which must agree (exit 1 when they do not).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsgraph import query
from newsgraph.store import Store

#: Parameters for the queries that need one (an actor every copy of ECB+ has).
PARAMS = {"actor-events": {"actor": "police"}}
LARGEST = """PREFIX ng: <https://w3id.org/newsgraph/ns#>
SELECT ?story (COUNT(?n) AS ?c) WHERE { ?n ng:story ?story ; ng:importance ?i } GROUP BY ?story ORDER BY DESC(?c) ?story LIMIT 1"""


def cpu(store: Store, q: query.Query, params: dict[str, str]) -> tuple[float, int]:
    started = time.process_time()
    rows = query.run(store, q, params).rows
    return time.process_time() - started, len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store_a", type=Path)
    parser.add_argument("queries_a", type=Path)
    parser.add_argument("store_b", type=Path)
    parser.add_argument("queries_b", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated query names (default: every one)")
    args = parser.parse_args(argv)
    with Store.open(args.store_a, read_only=True) as a, Store.open(args.store_b, read_only=True) as b:
        largest = list(a.raw_query(LARGEST))
        if not largest:
            raise SystemExit(f"{args.store_a}: no story in the store (build one first)")
        story = largest[0]["story"].value
        print(f"# bound: story {story}; medians of {args.runs} runs, CPU seconds")
        failed = False  # row counts that differ: the two graphs do not answer alike
        names = sorted(p.stem for p in args.queries_b.glob("*.rq"))
        for name in [n for n in names if not args.only or n in args.only.split(",")]:
            qa = query.parse(name, (args.queries_a / f"{name}.rq").read_text(encoding="utf-8"))
            qb = query.parse(name, (args.queries_b / f"{name}.rq").read_text(encoding="utf-8"))
            variants = [("story", {"story": story})] if "story" in qb.all_params else []
            for label, bound in [*variants, ("whole", {})]:
                params = {**PARAMS.get(name, {}), **bound}
                if any(p not in params for p in qb.params):
                    continue  # a required parameter this benchmark has no value for
                times_a, times_b, rows_a, rows_b = [], [], 0, 0
                for _ in range(args.runs):
                    t, rows_a = cpu(a, qa, params)
                    times_a.append(t)
                    t, rows_b = cpu(b, qb, params)
                    times_b.append(t)
                ma, mb = statistics.median(times_a), statistics.median(times_b)
                differ = "" if rows_a == rows_b else "  ROWS DIFFER"
                print(f"{name:24} {label:6} rows {rows_a:>6} / {rows_b:<6} A {ma:7.3f}  B {mb:7.3f}  B/A {mb / ma if ma else 0:5.2f}{differ}",
                      flush=True)
                failed = failed or bool(differ)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
