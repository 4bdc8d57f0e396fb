"""Where parsing runs must not change the graph: in-process, a local process pool, a Dask cluster.

A bad article is reported, naming its file, and skipped by every engine; the others are all stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import URIRef

from newsgraph import iris
from newsgraph.build import build
from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.store import Store

from .build_support import IDS, assert_same_graphs, clean_build, snapshot, write_corpus

pytestmark = pytest.mark.model

distributed = pytest.importorskip("distributed")  # a test extra; `make test` installs it


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real Dask scheduler with two single-threaded worker processes on loopback."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict]:
    paths = list(write_corpus(tmp_path_factory.mktemp("corpus")).values())
    return paths, clean_build(paths)


def _options(engine: str, cluster_address: str | None) -> dict:
    if engine == "dask":
        return {"engine": "dask", "scheduler": cluster_address, "batch_size": 2}
    return {"engine": "local", "workers": int(engine.split("-")[1]), "batch_size": 2}


ENGINES = ["local-1", "local-2", "dask"]


@pytest.fixture
def address(request: pytest.FixtureRequest) -> str | None:
    return request.getfixturevalue("cluster") if "dask" in request.node.name else None


@pytest.mark.parametrize("engine", ENGINES)
def test_every_engine_gives_the_graph_of_a_local_build_in_any_input_order(
    engine: str, address: str | None, corpus: tuple[list[Path], dict], tmp_path: Path
) -> None:
    paths, clean = corpus
    with Store.open(tmp_path / "store", create=True) as store:
        report = build(list(reversed(paths)), store, **_options(engine, address))
        assert sorted(report.stored) == sorted(IDS) and not report.rejected
        assert_same_graphs(snapshot(store), clean)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bad_article_is_reported_and_skipped_by_every_engine(
    engine: str, address: str | None, corpus: tuple[list[Path], dict], tmp_path: Path
) -> None:
    paths, clean = corpus
    bad = tmp_path / "bad.jsonl"
    lines = [
        # a text longer than spaCy's max_length is parsed in pieces now (extract/chunking.py), and nothing
        # else is known to make nlp.pipe raise: what the engines see of a bad article is the reader's word
        json.dumps({"id": "blank", "text": " \n "}),
        "{not json",  # rejected while reading, before any engine sees it
    ]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "store", create=True) as store:
        # the bad articles share their batch with good ones: only they may be lost
        report = build([paths[0], bad, *paths[1:]], store, **_options(engine, address))
        assert sorted(report.stored) == sorted(IDS)
        messages = sorted(str(e) for e in report.rejected)
        assert len(messages) == 2, messages
        assert messages[0] == f"{bad}:1: no article text (it is empty or only whitespace)", messages
        assert messages[1].startswith(f"{bad}:2: "), messages
        assert all("\n" not in m for m in messages)
        assert_same_graphs(snapshot(store), clean)


def test_dask_without_a_reachable_scheduler_is_a_clear_error(corpus: tuple[list[Path], dict]) -> None:
    import dask

    paths, _ = corpus
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), \
            pytest.raises(NewsgraphError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        build(paths, Store.memory(), engine="dask", scheduler="tcp://127.0.0.1:9")


@pytest.mark.parametrize("args, message", [
    (["--engine", "dask"], "--engine dask needs --scheduler"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler goes with --engine dask"),
    (["--workers", "0"], "must be 1 or more"),
])
def test_engine_options_are_checked(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", str(tmp_path), "--store", str(tmp_path / "store"), *args])
    assert exit_info.value.code == 2 and message in capsys.readouterr().err


def test_stories_resolved_in_worker_processes_give_the_graph_of_one_process(tmp_path: Path) -> None:
    """Many stale stories are resolved in the worker processes; the story graphs do not change."""
    from newsgraph.build import resolve_stale
    from newsgraph.storylist import list_stories

    paths = write_corpus(tmp_path / "corpus")
    for article_id, path in paths.items():  # one story per article: six stories, enough for the pool
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nstory: ", f"\nstory: {article_id}-", 1), encoding="utf-8")
    graphs = {}
    for workers in (1, 2):
        with Store.open(tmp_path / f"store-{workers}", create=True) as store:
            build(sorted(paths.values()), store)
            stories = sorted(row.story for row in list_stories(store))
            assert len(stories) == 6 and len(stories) >= 2 * workers
            for story in stories:  # what a build killed before resolution leaves
                store.drop_graph(URIRef(iris.story_iri(story)))
            assert resolve_stale(store, workers=workers) == stories
            graphs[workers] = snapshot(store)
    assert_same_graphs(graphs[2], graphs[1])
