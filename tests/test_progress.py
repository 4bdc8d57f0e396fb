"""Progress: moves from the first article (the parser's reports, not the writes), a rate over a sliding
window, no time left until it means something."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsgraph import progress
from newsgraph.progress import Lines, Progress, _Rate


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(progress.time, "monotonic", c)
    return c


def test_the_rate_follows_the_recent_pace_and_the_eta_waits(clock: Clock) -> None:
    rate = _Rate()
    rate.start(100)
    clock.now += 60  # the model loading: not part of any rate
    rate.parsed(500)
    assert rate.rates() is None and rate.eta() is None and rate.summary() == "1/100 articles"
    for _ in range(2):
        clock.now += 1
        rate.parsed(500)
    assert rate.rates() == (1.0, 500.0)
    assert rate.eta() is None  # 3 articles, but only 2 s of parsing
    for _ in range(20):  # a fast stretch
        clock.now += 1
        rate.parsed(100)
    assert rate.eta() == "1m17s" and rate.summary().startswith("23/100 articles, 1.0 articles/s, ")
    for _ in range(40):  # then slower: the window forgets the fast stretch
        clock.now += 2
        rate.parsed(100)
    articles, _ = rate.rates() or (0, 0)
    assert articles == pytest.approx(0.5)
    assert rate.eta() == "1m14s"  # 37 left at 0.5/s


def test_outcomes_of_parsed_articles_do_not_count_them_twice(clock: Clock) -> None:
    rate = _Rate()
    rate.start(4)
    rate.advance("a", "unchanged")
    rate.advance("b.txt", "rejected")
    rate.parsed(10)
    rate.parsed(10)
    assert rate.done == 4
    rate.advance("c", "stored", 10)
    rate.advance("d.txt", "failed")
    assert rate.done == 4 and rate.words == 20
    late = _Rate()  # a report lost (a worker died): the outcomes catch up
    late.start(2)
    late.advance("c", "stored", 10)
    late.advance("d", "stored", 10)
    assert late.done == 2


def test_log_lines_start_at_the_first_article(clock: Clock) -> None:
    out = io.StringIO()
    lines = Lines(out, every=10)
    lines.start(3)
    lines.parsed(100)
    clock.now += 1
    lines.parsed(100)  # within 10 s: no line
    clock.now += 10
    lines.parsed(100)
    lines.close()
    text = [line.split(" ", 2)[2] for line in out.getvalue().splitlines()]
    assert text == ["build: 3 article(s) to read", "progress: 1/3 articles", "progress: 3/3 articles, 0.2 articles/s, 18 words/s",
                    "done: 3/3 articles in 0m11s, 0.3 articles/s, 27 words/s"]


class Recorder(Progress):
    def __init__(self) -> None:
        self.events: list[str] = []

    def parsed(self, words: int) -> None:
        self.events.append("parsed")

    def advance(self, article_id: str, outcome: str, words: int = 0) -> None:
        self.events.append(outcome)


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_workers_report_each_article_before_it_is_written(workers: int, tmp_path: Path) -> None:
    from newsgraph import Store, build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"{i}.txt").write_text(f"Witkoff met Lavrov in Paris on day {i}. Macron said talks went well.\n")
    (corpus / "bad.txt").write_text("")
    recorder = Recorder()
    with Store.open(tmp_path / "store", create=True) as store:
        build([corpus], store, workers=workers, progress=recorder)
    assert recorder.events.count("parsed") == 6 and recorder.events.count("stored") == 6
    assert recorder.events.index("parsed") < recorder.events.index("stored")
    assert recorder.events[-6:] == ["stored"] * 6  # written 128 at a time: the bar moved before
