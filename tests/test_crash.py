"""Crash safety: a build SIGKILLed at any stage leaves a store that opens, holds only whole articles,
and a re-run finishes it to the graph of an uninterrupted build."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.build import build
from newsgraph.store import Store

from .build_support import IDS, article_graph_name, assert_same_graphs, clean_build, snapshot, write_corpus

pytestmark = pytest.mark.model

# The child builds the corpus and SIGKILLs itself at the named progress event, the Nth time it happens.
# It first writes down its worker processes, so the test can check none outlives it.
CHILD = """
import json, multiprocessing, os, signal, sys
from newsgraph.build import build
from newsgraph.progress import Progress
from newsgraph.store import Store

event, nth, workers, pids_file, store_path, *paths = sys.argv[1:]
nth, workers = int(nth), int(workers)

class Killer(Progress):
    seen = 0
    def advance(self, article_id, outcome, words=0):
        if outcome == "stored":
            self.hit("stored")
    def note(self, message):
        self.hit("resolving")
    def hit(self, name):
        if name == event:
            self.seen += 1
            if self.seen == nth:
                with open(pids_file, "w") as f:
                    json.dump([p.pid for p in multiprocessing.active_children()], f)
                os.kill(os.getpid(), signal.SIGKILL)

with Store.open(store_path, create=True) as store:
    build(paths, store, workers=workers, batch_size=1, write_every=1, progress=Killer())
print("finished without being killed")
"""

POINTS = {
    # with two parser processes, the first article is stored while the others are still being parsed
    "while-parsing": ("stored", 1, 2),
    "between-article-writes": ("stored", 3, 1),
    "after-the-last-article-before-resolution": ("resolving", 1, 1),
    "between-two-story-resolutions": ("resolving", 2, 1),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict]:
    paths = list(write_corpus(tmp_path_factory.mktemp("corpus")).values())
    return paths, clean_build(paths)


@pytest.mark.parametrize("point", list(POINTS.values()), ids=list(POINTS))
def test_a_killed_build_leaves_whole_articles_and_a_rerun_completes_it(
    point: tuple[str, int, int], corpus: tuple[list[Path], dict], tmp_path: Path
) -> None:
    paths, clean = corpus
    event, nth, workers = point
    store_path, pids_file = tmp_path / "store", tmp_path / "pids.json"
    log = tmp_path / "child.log"
    with log.open("w") as out:  # a file, not a pipe: an orphaned worker holding a pipe would hang the test
        child = subprocess.run(
            [sys.executable, "-c", CHILD, event, str(nth), str(workers), str(pids_file), str(store_path),
             *map(str, paths)],
            stdout=out, stderr=subprocess.STDOUT, timeout=300,
        )
    assert child.returncode == -signal.SIGKILL, log.read_text()
    _assert_gone(json.loads(pids_file.read_text()))

    with Store.open(store_path) as store:  # it opens, and every article in it is whole
        after_kill = snapshot(store)
        stored = [i for i in IDS if article_graph_name(i) in after_kill]
        assert stored, "the kill came before any article was written: the point is not exercised"
        for article_id in stored:
            name = article_graph_name(article_id)
            assert_same_graphs({name: after_kill[name]}, {name: clean[name]})
        report = build(paths, store)
        assert sorted(report.stored) == sorted(set(IDS) - set(stored))
        assert_same_graphs(snapshot(store), clean)


def _assert_gone(pids: list[int], wait: float = 10.0) -> None:
    """The killed build's worker processes die with it (they would otherwise parse on for nobody)."""
    deadline = time.monotonic() + wait
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if _alive(p)]
        time.sleep(0.1)
    for pid in alive:  # do not leave them running after the failure
        os.kill(pid, signal.SIGKILL)
    assert not alive, f"worker processes {alive} outlived the killed build"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead: it only waits for its parent to collect it
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False
