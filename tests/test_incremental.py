"""Incremental builds: any sequence of adds, changes and removes gives the graph of a clean build."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.build import build, remove
from newsgraph.store import Store

from .build_support import IDS, assert_same_graphs, clean_build, snapshot, write_corpus

pytestmark = pytest.mark.model

# Each step: ("add", ids) builds those articles into the store, ("remove", ids) takes them out,
# ("change", ids) builds them again with an edited text. The store must then equal a clean build of
# whatever the steps leave.
SEQUENCES = {
    "add-all-then-remove-two": [("add", IDS), ("remove", ("p2", "m1"))],
    "add-half-then-the-rest": [("add", ("p1", "p3", "m2")), ("add", ("p2", "p4", "m1"))],
    "remove-a-whole-story": [("add", IDS), ("remove", ("m1", "m2"))],
    "remove-then-add-back": [("add", IDS), ("remove", ("p3",)), ("add", ("p3",))],
    "change-two-texts": [("add", IDS), ("change", ("p1", "m2"))],
    "remove-everything": [("add", IDS), ("remove", IDS)],
}


@pytest.mark.parametrize("steps", list(SEQUENCES.values()), ids=list(SEQUENCES))
def test_any_sequence_of_adds_and_removes_equals_a_clean_build(
    steps: list[tuple[str, tuple[str, ...]]], tmp_path: Path
) -> None:
    original = write_corpus(tmp_path / "original")
    edited = write_corpus(tmp_path / "edited", changed=IDS)
    present: dict[str, Path] = {}
    with Store.open(tmp_path / "store", create=True) as store:
        for action, ids in steps:
            if action == "remove":
                removed, unknown = remove(store, ids)
                assert (sorted(removed), unknown) == (sorted(ids), [])
                for article_id in ids:
                    del present[article_id]
                continue
            source = edited if action == "change" else original
            report = build([source[i] for i in ids], store)
            assert sorted(report.stored) == sorted(ids) and not report.rejected
            present.update({i: source[i] for i in ids})
        result = snapshot(store)
    assert_same_graphs(result, clean_build(present.values()))


def test_a_second_build_parses_nothing_and_resolves_nothing(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    with Store.open(tmp_path / "store", create=True) as store:
        build(list(paths.values()), store)
        before = snapshot(store)
        report = build(list(paths.values()), store)
        assert (report.stored, sorted(report.unchanged), report.stories) == ([], sorted(IDS), [])
        assert_same_graphs(snapshot(store), before)


def test_adding_an_article_resolves_only_its_story(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    with Store.open(tmp_path / "store", create=True) as store:
        build([p for i, p in paths.items() if i != "p4"], store)
        report = build(list(paths.values()), store)
    assert (report.stored, report.stories) == (["p4"], ["paris"])


def test_removing_an_unknown_id_changes_nothing(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    with Store.open(tmp_path / "store", create=True) as store:
        build(list(paths.values()), store)
        before = snapshot(store)
        assert remove(store, ["nope"]) == ([], ["nope"])
        assert_same_graphs(snapshot(store), before)


@pytest.mark.parametrize("quiet", [False, True])
def test_the_cli_logs_plain_progress_lines_off_a_terminal_and_nothing_when_quiet(
    quiet: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsgraph.cli import main

    paths = write_corpus(tmp_path / "corpus")
    args = ["build", str(tmp_path / "corpus"), "--store", str(tmp_path / "store")] + (["--quiet"] if quiet else [])
    assert main(args) == 0
    err = capsys.readouterr().err
    if quiet:
        assert err == ""
    else:
        assert "\r" not in err  # no bar redrawing in a log
        assert f"newsgraph build: {len(paths)} article(s) to read" in err
        assert f"newsgraph done: {len(paths)}/{len(paths)} articles" in err and "words/s" in err
        assert "newsgraph resolved story moscow" in err


def test_the_progress_estimate_counts_files_and_jsonl_lines_without_reading_articles(tmp_path: Path) -> None:
    from newsgraph.progress import estimate

    write_corpus(tmp_path / "corpus")
    (tmp_path / "corpus" / "more.jsonl").write_text('{"id": "a"}\n\n{"id": "b"}\n', encoding="utf-8")
    (tmp_path / "corpus" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "corpus" / "notes.csv").write_text("x", encoding="utf-8")
    assert estimate([tmp_path / "corpus"]) == len(IDS) + 2
