"""Long input: a 20,000-word "sentence" against the same words with full stops, and a long article whole.

    python benchmarks/long_input.py [--words 20000] [--megabytes 5]

Prints one line per run, each a fresh process building one article into a fresh store (model loading
left out of the time, included in the peak RSS):
- sentence: seconds and quads of the seeds' words repeated to ``--words`` with their full stops, then of
  the same words without any (one run-on "sentence"), and the ratios (acceptance: both <= 3);
- long: seconds, quads and peak RSS of an article of ``--megabytes`` MB (the seeds' text repeated).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seed_words() -> list[str]:
    return " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))).split()


def texts(words: int) -> tuple[str, str]:
    """The seeds' words repeated to ``words`` words: with their full stops, and with none."""
    seed = seed_words()
    text = " ".join((seed * (words // len(seed) + 1))[:words])
    return text, re.sub(r"[.!?]+([\"'”’)]*)(?=\s|$)", r"\1", text)


def child(path: str) -> None:
    """One measured build of the article in ``path``; prints a JSON line."""
    from newsgraph import Store, build
    from newsgraph.extract import load

    load()  # the model's load is not the article's cost
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "store", create=True) as store:
        started = time.perf_counter()
        report = build([path], store)
        seconds = time.perf_counter() - started
        quads = store.count()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "quads": quads, "rss_mb": rss, "stored": len(report.stored),
                      "rejected": [str(e) for e in report.rejected]}))


def measure(text: str, tmp: Path, name: str) -> dict[str, float]:
    path = tmp / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["stored"] == 1, result
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--megabytes", type=float, default=5.0, help="0 skips the long article")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        stops, run_on = texts(args.words)
        a, b = measure(stops, tmp, "stops"), measure(run_on, tmp, "run-on")
        print(f"sentence: {args.words} words with full stops {a['seconds']:.1f} s, {a['quads']} quads; "
              f"as one run-on sentence {b['seconds']:.1f} s, {b['quads']} quads; "
              f"ratio time {b['seconds'] / a['seconds']:.2f}, quads {b['quads'] / a['quads']:.2f}")
        if args.megabytes > 0:
            size = int(args.megabytes * 1_000_000)
            seed = " ".join(seed_words())
            text = "\n\n".join([seed] * (size // (len(seed) + 2) + 1))[:size]
            c = measure(text, tmp, "long")
            print(f"long: {len(text.encode()) / 1e6:.1f} MB article {c['seconds']:.1f} s, {c['quads']} quads, "
                  f"peak RSS {c['rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
