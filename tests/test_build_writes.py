"""The build's writes run beside the parsing, and a story whose articles are all stored is resolved while
others still parse: neither may change the graph, and no story is resolved twice."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from rdflib import URIRef

from newsgraph import iris
from newsgraph.build import build, resolve_stale
from newsgraph.store import Store
from newsgraph.writes import Writer

from .build_support import IDS, assert_same_graphs, clean_build, snapshot, write_corpus


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("mode", ["field", "auto", "one"])
def test_stories_resolved_while_parsing_are_those_the_end_would_resolve(
    workers: int, mode: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="newsgraph.build")
    paths = write_corpus(tmp_path / "corpus")
    ordered = [paths[i] for i in IDS]  # the paris articles first: paris is complete before moscow parses
    with Store.open(tmp_path / "store", create=True) as store:
        report = build(ordered, store, workers=workers, write_every=1, batch_size=1, stories=mode)  # type: ignore[arg-type]
        early = snapshot(store)
        stories = sorted(report.stories)
        assert len(stories) == len(set(stories)), f"a story was resolved twice: {report.stories}"
        early_ones = sorted(r.args[0] for r in caplog.records if "as soon as its articles were stored" in r.msg)
        # under one, the end groups and resolves; with a local pool, the pool resolves them at the end
        assert early_ones == ([] if mode == "one" or workers > 1 else stories)
        assert stories == (["default"] if mode == "one" else ["moscow", "paris"])
        for story in stories:  # now resolve them all at the end, as a build without overlap does
            store.drop_graph(URIRef(iris.story_iri(story)))
        assert resolve_stale(store, mode=mode) == stories  # type: ignore[arg-type]
        assert_same_graphs(early, snapshot(store))
    assert_same_graphs(early, clean_build(ordered, stories=mode))


@pytest.mark.model
def test_a_story_completed_by_an_incremental_build_is_resolved_once(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    with Store.open(tmp_path / "store", create=True) as store:
        build([paths[i] for i in IDS if i != "p4"], store)
        report = build([paths["p4"]], store, write_every=1)
        assert (report.stored, report.stories) == (["p4"], ["paris"])
        assert_same_graphs(snapshot(store), clean_build(paths.values()))


def test_the_writer_runs_writes_in_order_and_their_follow_ups_in_the_callers_thread() -> None:
    writer = Writer(depth=1)
    done: list[int] = []
    threads: set[int] = set()

    def slow(i: int) -> int:
        time.sleep(0.01 * (3 - i))  # later writes are quicker: order must still hold
        done.append(i)
        return i

    followed: list[int] = []
    for i in range(3):
        writer.submit(slow, i, then=lambda r: (followed.append(r), threads.add(threading.get_ident())))
    writer.close()
    assert done == [0, 1, 2] and followed == [0, 1, 2] and threads == {threading.get_ident()}


def test_a_failed_write_is_raised_in_the_callers_thread() -> None:
    writer = Writer()

    def fails() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):  # at the next submit, or at close at the latest
        writer.submit(fails)
        writer.submit(time.sleep, 0.01)
        writer.close()
    writer.abandon()
