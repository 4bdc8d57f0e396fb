"""Bounded load test of ``newsgraph serve`` on loopback: N concurrent clients, M queries in all, p50/p99.

    .venv/bin/python benchmarks/load.py --store out/store              # starts its own server
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:7878/   # or hits a running one

Each client is a thread with its own HTTP connection that sends the bundled queries (those without
parameters, and actor-events with ``$actor``) in turn, by POST, asking for SPARQL JSON, until the total
is reached. Any status but 200 or a body that is not a SPARQL JSON result counts as an error. Prints one
line of figures; ``tests/test_server.py`` runs it with 8 clients and 500 queries against a real server.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Stats:
    queries: int
    errors: list[str]
    seconds: float
    latencies: list[float]  # seconds, one per query

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0

    def line(self, clients: int) -> str:
        return (
            f"{self.queries} queries, {clients} clients, {len(self.errors)} errors in {self.seconds:.2f} s "
            f"({self.queries / self.seconds:.0f} queries/s); latency p50 {self.percentile(50) * 1000:.1f} ms, "
            f"p99 {self.percentile(99) * 1000:.1f} ms, max {max(self.latencies, default=0) * 1000:.1f} ms"
        )


def workload() -> list[dict[str, str]]:
    """The request bodies the clients cycle through: every bundled query."""
    from newsgraph import query

    bodies = []
    for q in query.bundled().values():
        body = {"query": q.text}
        body |= {f"${name}": "Witkoff" for name in q.params}
        bodies.append(body)
    return bodies


def run_load(url: str, *, clients: int = 8, total: int = 500) -> Stats:
    """Send ``total`` queries to the server at ``url`` from ``clients`` threads; never more than that."""
    parts = urlsplit(url)
    bodies = [urlencode(b).encode("utf-8") for b in workload()]
    tickets = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            while True:
                with lock:
                    ticket = next(tickets)
                if ticket >= total:
                    return
                body = bodies[(ticket + n) % len(bodies)]
                started = time.perf_counter()
                try:
                    conn.request("POST", "/sparql", body, {
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Accept": "application/sparql-results+json",
                    })
                    response = conn.getresponse()
                    data = response.read()
                    elapsed = time.perf_counter() - started
                    problem = None if response.status == 200 else f"HTTP {response.status}: {data[:200]!r}"
                    if problem is None and "results" not in json.loads(data):
                        problem = "not a SPARQL JSON result"
                except (OSError, http.client.HTTPException, ValueError) as exc:
                    elapsed, problem = time.perf_counter() - started, f"{type(exc).__name__}: {exc}"
                    conn.close()
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        errors.append(problem)
        finally:
            conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Stats(len(latencies), errors, time.perf_counter() - started, latencies)


@contextmanager
def server(store: str, *extra: str) -> Iterator[str]:
    """Run ``newsgraph serve`` on a free loopback port; yields its base URL, stops it afterwards."""
    command = [sys.executable, "-m", "newsgraph", "serve", "--store", store, "--port", "0", *extra]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        match = re.search(r"query page: (http://\S+/)\)", line)
        if not match:
            raise RuntimeError(f"the server did not start: {line}{proc.stderr.read() if proc.poll() else ''}")
        yield match.group(1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", help="a store to serve for the test (a server is started and stopped)")
    where.add_argument("--url", help="the base URL of a running newsgraph server")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    if args.url:
        stats = run_load(args.url, clients=args.clients, total=args.queries)
    else:
        with server(args.store) as url:
            stats = run_load(url, clients=args.clients, total=args.queries)
    print(stats.line(args.clients))
    for problem in stats.errors[:5]:
        print("error:", problem)
    return 1 if stats.errors else 0


if __name__ == "__main__":
    sys.exit(main())
