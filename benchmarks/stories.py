"""How well does ``--stories auto`` find the stories of ECB+? B-cubed of articles -> stories.

    python benchmarks/stories.py [--workers 2] [--records CACHE.jsonl] [--markdown]

ECB+ has 43 topics, each two real-world events of one kind (two earthquakes, two acquisitions by the same
company): the gold story of an article is its ``topic_subtopic``. All 982 articles are extracted without
a story and without a date (ECB+ gives none: dates come from the text only), grouped by
``newsgraph.stories.group``, and scored with B-cubed precision, recall and F1 at the subtopic level and at
the topic level, beside two baselines: everything one story, every article alone. Rows: the test topics
(36-45, never tuned on), the development and validation topics the settings were tuned on, and all 982.
Two rows for ``auto``: the articles' stories, and their stories' topics (related stories, topics.py), each
scored against both golds: stories should match subtopics, topics should match ECB+ topics. A second
table groups the articles of each ECB+ subtopic on their own, as a researcher drops the few articles of
one event: each should come out as one story.

Extraction (spaCy) takes minutes; ``--records`` keeps its records in a file and reads them back next
time, so the grouping can be measured on its own. A hash of newsgraph's code and data is kept beside the
file (``CACHE.jsonl.code``): when a rule or a table has changed since, the records are extracted again. The
time printed is the grouping's (features and clustering), apart from extraction.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scipy.sparse  # noqa: F401  (imported before any timing)
from corpus import docs
from ecbplus import SPLITS

from newsgraph.model import Article, Extraction, StoryFeatures
from newsgraph.stories import Settings, features, group


def extractions(workers: int, cache: Path | None) -> list[Extraction]:
    """Every ECB+ article's extraction record (no story, no date; the outlet from ``source``)."""
    if cache is not None and cache.is_file() and _stamp(cache).is_file() and (
            _stamp(cache).read_text(encoding="utf-8") == code_hash()):
        with cache.open(encoding="utf-8") as f:
            return [Extraction.from_json(json.loads(line)) for line in f if line.strip()]
    from newsgraph.engines import Parsed, extract

    arts = [Article(id=d["doc_id"], text=d["text"], source=d["doc_id"],
                    outlet=None if d["source"] == "ecb:unknown" else d["source"]) for d in docs()]
    records = [r.extraction for r in extract(arts, _no_graph, workers=workers, batch_size=16) if isinstance(r, Parsed)]
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
        _stamp(cache).write_text(code_hash(), encoding="utf-8")
    return records


def _stamp(cache: Path) -> Path:
    """Where the hash of the code that extracted ``cache``'s records is kept."""
    return cache.with_name(cache.name + ".code")


def code_hash() -> str:
    """A hash of every file of the newsgraph package (its code and data tables): what the records depend on."""
    import hashlib

    import newsgraph

    root = Path(newsgraph.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _no_graph(_extraction: Extraction) -> bytes:
    """The benchmark needs the records only, not their graphs."""
    return b""


def b_cubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of the items both assign (Bagga & Baldwin 1998)."""
    items = sorted(set(gold) & set(predicted))
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for i in items:
        by_gold.setdefault(gold[i], set()).add(i)
        by_pred.setdefault(predicted[i], set()).add(i)
    p = r = 0.0
    for i in items:
        both = len(by_gold[gold[i]] & by_pred[predicted[i]])
        p += both / len(by_pred[predicted[i]])
        r += both / len(by_gold[gold[i]])
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_stories() -> tuple[dict[str, str], dict[str, str]]:
    """Article -> ``topic_subtopic``, article -> topic."""
    d = docs()
    return ({x["doc_id"]: f"{x['topic']}_{x['subtopic']}" for x in d}, {x["doc_id"]: x["topic"] for x in d})


Method = Callable[[Sequence[StoryFeatures]], dict[str, str]]


def auto(settings: Settings, level: str = "stories") -> Method:
    """``--stories auto``: each article's story (``level="stories"``) or its story's topic (``"topics"``)."""
    def run(records: Sequence[StoryFeatures]) -> dict[str, str]:
        return {a: s.slug if level == "stories" else s.topic for s in group(records, "auto", settings) for a in s.articles}
    return run


def one_story(records: Sequence[StoryFeatures]) -> dict[str, str]:
    return {r.id: "one" for r in records}


def alone(records: Sequence[StoryFeatures]) -> dict[str, str]:
    return {r.id: r.id for r in records}


def evaluate(records: list[StoryFeatures], settings: Settings) -> list[tuple[str, str, int, list[float], float]]:
    """Rows (articles, method, n, [sub P R F1, topic P R F1], seconds)."""
    sub, topic = gold_stories()
    parts = {
        "test topics 36-45": set(map(str, SPLITS["test"])),
        "dev + validation topics": set(map(str, SPLITS["dev"] + SPLITS["validation"])),
        "all 982": None,
    }
    rows = []
    for part, topics in parts.items():
        chosen = [r for r in records if topics is None or topic[r.id] in topics]
        for name, method in (("auto: stories", auto(settings)), ("auto: topics", auto(settings, "topics")),
                             ("one story", one_story), ("each alone", alone)):
            start = time.perf_counter()
            predicted = method(chosen)
            seconds = time.perf_counter() - start
            rows.append((part, name, len(chosen), [*b_cubed(sub, predicted), *b_cubed(topic, predicted)], seconds))
    return rows


def table(rows: list[tuple[str, str, int, list[float], float]], markdown: bool) -> str:
    head = ["articles", "method", "n", "subtopic P", "R", "F1", "topic P", "R", "F1", "time (s)"]
    return render(head, [[part, name, str(n), *(f"{v:.3f}" for v in scores), f"{s:.2f}"] for part, name, n, scores, s in rows],
                  markdown)


def render(head: list[str], lines: list[list[str]], markdown: bool) -> str:
    """A table as Markdown or as aligned text."""
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return "\n".join(out + ["| " + " | ".join(line) + " |" for line in lines]) + "\n"
    widths = [max(len(x) for x in col) for col in zip(head, *lines)]
    return "\n".join("  ".join(x.ljust(w) for x, w in zip(line, widths)) for line in [head, *lines]) + "\n"


def one_event_alone(records: list[StoryFeatures], settings: Settings) -> list[tuple[str, int, int, float, float]]:
    """A researcher drops the articles of one event: each ECB+ subtopic grouped on its own should be one
    story. Rows (articles, subtopics, how many came out as one story, mean stories, mean B-cubed recall)."""
    sub, topic = gold_stories()
    rows = []
    for part, topics in (("test topics 36-45", set(map(str, SPLITS["test"]))),
                         ("dev + validation topics", set(map(str, SPLITS["dev"] + SPLITS["validation"])))):
        events: dict[str, list[StoryFeatures]] = {}
        for r in records:
            if topic[r.id] in topics:
                events.setdefault(sub[r.id], []).append(r)
        found = [group(members, "auto", settings) for _event, members in sorted(events.items())]
        recall = [b_cubed(dict.fromkeys(sub, "one"), {a: s.slug for s in stories for a in s.articles})[1] for stories in found]
        rows.append((part, len(found), sum(len(stories) == 1 for stories in found),
                     sum(map(len, found)) / len(found), sum(recall) / len(recall)))
    return rows


def alone_table(rows: list[tuple[str, int, int, float, float]], markdown: bool) -> str:
    head = ["articles", "events (subtopics)", "one story", "mean stories", "B3 recall"]
    return render(head, [[part, str(n), str(one), f"{mean:.2f}", f"{recall:.3f}"] for part, n, one, mean, recall in rows],
                  markdown)


def synthesise(records: list[StoryFeatures], n: int) -> list[StoryFeatures]:
    """``n`` records from ECB+'s: copy k renames every actor and place (``Name~k``) and moves the date
    k * 45 days on, so copies are new stories with the same words: neighbour search sees as many shared
    terms as it would in a week of news about the same kinds of events."""
    out = []
    for i in range(n):
        r, k = records[i % len(records)], i // len(records)
        if k == 0:
            out.append(r)
            continue
        day = date.fromordinal(date.fromisoformat(r.date).toordinal() + 45 * k).isoformat() if r.date else ""
        out.append(StoryFeatures(f"{r.id}~{k}", r.outlet, None, day, tuple((f"{a}~{k}", c) for a, c in r.names),
                                 tuple((f"{a}~{k}", c) for a, c in r.places), r.terms))
    return out


def scale(records: list[StoryFeatures], n: int) -> str:
    """Time and peak memory of grouping ``n`` synthesised records (one line for docs/performance.md)."""
    import resource

    many = synthesise(records, n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    stories = group(many)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (f"grouping {n:,} articles: {seconds:.1f} s, {len(stories):,} stories, "
            f"peak RSS {peak:.0f} MB ({before:.0f} MB before grouping)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes (default 2)")
    parser.add_argument("--records", type=Path, help="a file to keep the extraction records in, and read them from")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--scale", type=int, metavar="N",
                        help="instead: group N records synthesised from ECB+'s and print time and peak memory")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    records = extractions(args.workers, args.records)
    extracted = time.perf_counter() - start
    start = time.perf_counter()
    feats = [features(r) for r in records]
    featured = time.perf_counter() - start
    print(f"{len(records)} articles; extraction {extracted:.1f} s, features {featured:.2f} s", file=sys.stderr)
    if args.scale:
        print(scale(feats, args.scale))
        return 0
    sys.stdout.write(table(evaluate(feats, Settings()), args.markdown))
    sys.stdout.write("\nEach event alone (the articles of one ECB+ subtopic grouped on their own):\n\n")
    sys.stdout.write(alone_table(one_event_alone(feats, Settings()), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
