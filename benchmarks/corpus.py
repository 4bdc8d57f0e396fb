"""The benchmark corpus: ECB+ full texts, repeated under new ids and new stories to reach any size.

Copy k of article ``1_10ecbplus`` is ``1_10ecbplus~k`` in story ``1ecbplus~k``: each copy is a new article
in a new story, with the same words, so parsing cost grows exactly with the count. Records already parsed
can be repeated the same way without parsing (``replicate``), for store and query benchmarks.
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import sys
from collections.abc import Iterator
from pathlib import Path

from newsgraph.model import Extraction

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "ecbplus" / "normalized_all_sentences.json"


def docs() -> list[dict[str, str]]:
    """The ECB+ articles with their full texts; exits with a clear message when the data set is absent."""
    if not DATA.is_file():
        sys.exit(f"benchmark: the ECB+ corpus is missing: expected {DATA} (see shared/datasets/ecbplus/FORMAT.md)")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return sorted(data["docs"], key=lambda d: d["doc_id"])


def articles(n: int, *, offset: int = 0) -> Iterator[dict[str, str]]:
    """``n`` articles as newsgraph JSONL records, copies of ECB+ beyond its 982 texts."""
    base = docs()
    for i in range(offset, offset + n):
        doc, copy = base[i % len(base)], i // len(base)
        suffix = f"~{copy}" if copy else ""
        outlet = doc["source"] if doc["source"] != "ecb:unknown" else None
        record = {"id": doc["doc_id"] + suffix, "text": doc["text"], "story": f"{doc['topic']}{doc['subtopic']}{suffix}"}
        if outlet:
            record["outlet"] = outlet
        yield record


def write_jsonl(path: Path, n: int, *, offset: int = 0) -> int:
    """Write ``n`` articles to ``path``; returns their word count."""
    words = 0
    with path.open("w", encoding="utf-8") as f:
        for record in articles(n, offset=offset):
            words += len(record["text"].split())
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def replicate(extraction: Extraction, copy: int) -> Extraction:
    """The same record as a new article in a new story (copy 0 is the record itself)."""
    if copy == 0:
        return extraction
    art = extraction.article
    story = f"{art.story_name}~{copy}"
    return dataclasses.replace(extraction, article=dataclasses.replace(art, id=f"{art.id}~{copy}", story=story))


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child so far, in MB (Linux: KiB units)."""
    per_mb = 1024 if sys.platform.startswith("linux") else 1024 * 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / per_mb
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / per_mb
    return own, children


def machine() -> str:
    """One line describing where the figures were taken."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} CPUs ({cpu}), {mem:.0f} GiB RAM, Python {sys.version.split()[0]}, load {load:.1f} at start"
