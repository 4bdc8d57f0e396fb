"""What a user reads, pinned on real articles: every bundled query (default kinds and ``kind=all``), the
blind-spot digest, the report and every export, on the seeds and on 100 ECB+ articles, compared with the
answers recorded in tests/data/golden/answers/.

The graph's shape may change (docs/vocabulary.md, "Removed terms") only while these stay the same: it is how
the lean graph was shown to answer as the full one did. A deliberate change of the answers (a better rule)
rewrites them with NEWSGRAPH_UPDATE_GOLDENS=1; read the diff before committing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsgraph import build, query
from newsgraph.cli import main
from newsgraph.stores import open_store

from .conftest import SEEDS, SHARED, shared
from .test_queries import PARAMS, normalise

GOLDEN = Path(__file__).parent / "data" / "golden" / "answers"
ECBPLUS = SHARED / "datasets" / "ecbplus" / "normalized_all_sentences.json"
EXPORTS = [("csv", "actors", "csv"), ("gexf", "actors", "actors.gexf"), ("gexf", "events", "events.gexf"),
           ("graphml", "actors", "actors.graphml")]


def ecbplus_articles(path: Path, n: int = 100) -> Path:
    """The first ``n`` ECB+ articles by id (whole subtopics of a few topics, so stories have several
    outlets), as a JSONL file with their topic and subtopic as the story and their source as the outlet."""
    docs = sorted(json.loads(shared(ECBPLUS).read_text(encoding="utf-8"))["docs"], key=lambda d: d["doc_id"])[:n]
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            record = {"id": d["doc_id"], "text": d["text"], "story": f"{d['topic']}{d['subtopic']}"}
            if d["source"] != "ecb:unknown":
                record["outlet"] = d["source"]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def answers(store_path: Path, out: Path, capsys: pytest.CaptureFixture[str], *, digest: bool = False) -> dict[str, Any]:
    """Everything a user reads from the store, as plain values; with ``digest``, the report and the exports
    as their sha256 only (they are large, and the queries behind them are compared in full)."""

    def text(path: Path) -> str:
        data = path.read_text(encoding="utf-8")
        return "sha256:" + hashlib.sha256(data.encode()).hexdigest() if digest else data

    got: dict[str, Any] = {}
    with open_store(str(store_path), read_only=True) as store:
        for name, q in sorted(query.bundled().items()):
            variants = [{}] + ([{"kind": "all"}] if "kind" in q.all_params else [])
            for params in variants:
                rows = query.run(store, q, {**PARAMS.get(name, {}), **params}).rows
                got[f"query {name} {json.dumps(params)}"] = normalise(rows)  # GROUP_CONCAT cells as sorted lists
    for fmt in ("json", "text"):
        capsys.readouterr()
        assert main(["blindspots", "--store", str(store_path), "--format", fmt]) == 0
        got[f"blindspots {fmt}"] = capsys.readouterr().out
    assert main(["report", "--store", str(store_path), "-o", str(out / "report.html")]) == 0
    got["report"] = text(out / "report.html")
    for fmt, network, name in EXPORTS:
        target = out / name
        assert main(["export", "--store", str(store_path), "--format", fmt, "--network", network, "-o", str(target)]) == 0
        for f in sorted(target.iterdir()) if target.is_dir() else [target]:
            got[f"export {network} {f.name}"] = text(f)
    capsys.readouterr()
    return got


def compare(corpus: str, got: dict[str, Any]) -> None:
    path = GOLDEN / f"{corpus}.json.gz"
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDENS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(json.dumps(got, indent=0, ensure_ascii=False, sort_keys=True).encode(), mtime=0))
    expected = json.loads(gzip.decompress(path.read_bytes()))
    assert sorted(got) == sorted(expected)
    differ = [key for key in sorted(expected) if got[key] != expected[key]]
    assert not differ, f"{corpus}: these differ from the recorded answers: {differ}"


@pytest.mark.model
def test_seeds_answer_as_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    with open_store(str(store), create=True) as s:
        build([SEEDS], s)
    compare("seeds", answers(store, tmp_path, capsys))


@pytest.mark.model
def test_ecbplus_articles_answer_as_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    with open_store(str(store), create=True) as s:
        build([ecbplus_articles(tmp_path / "ecbplus.jsonl")], s, workers=2)
    compare("ecbplus100", answers(store, tmp_path, capsys, digest=True))
