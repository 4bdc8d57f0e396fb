"""Progress of a long build: a bar on a terminal, plain log lines in a log file, nothing with --quiet.

The build calls ``start`` once, ``parsed`` as the parser finishes each article (the workers report it as
it happens, not when their batch comes back), ``advance`` once per input article (stored, unchanged or
rejected) and ``note`` at each stage after parsing; how that is shown is decided here, once, by the CLI. The total is
an estimate made without reading any article (files plus JSONL lines), so the ETA costs nothing.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from .ingest import SUFFIXES

if TYPE_CHECKING:
    from typing import Never

    from tqdm import tqdm


class Progress:
    """Shows nothing: the base the others extend, and what ``--quiet`` and library callers get."""

    def start(self, total: int | None) -> None:
        """The build is about to read ``total`` articles (an estimate, or None when unknown)."""

    def parsed(self, words: int) -> None:
        """The parser finished one article of ``words`` words (reported by the worker, as it happens)."""

    def advance(self, article_id: str, outcome: str, words: int = 0) -> None:
        """One article's fate: ``outcome`` is unchanged or rejected (never parsed), stored (written) or
        failed (rejected by the parser). A parsed article was already counted when the parser reported it
        (``parsed``); its outcome only catches up a report that was lost."""

    def note(self, message: str) -> None:
        """A stage after parsing ("resolving story X")."""

    def close(self) -> None:
        """The build ended (or failed): leave the terminal clean."""


#: Outcomes of articles that went through the parser.
_PARSED = frozenset({"stored", "failed"})


class _Rate(Progress):
    """Counts articles and words; the rate over the last ``WINDOW`` seconds, and the time left from it."""

    #: Seconds of history the rate is taken over: recent enough to follow a change of pace (long articles,
    #: a slow start while the model loads), long enough not to jump with every batch.
    WINDOW = 30.0
    #: No time left is shown before this many seconds of parsing and articles: it would mean nothing.
    ETA_AFTER_SECONDS, ETA_AFTER_ARTICLES = 5.0, 3

    def __init__(self) -> None:
        self.total: int | None = None
        self.skipped = 0  # articles that never reach the parser (unchanged, rejected on reading)
        self.reported = self.arrived = 0  # parsed articles: as the workers report them, as results arrive
        self.reported_words = self.arrived_words = 0
        self.began = self.first = time.monotonic()  # the build's start; the first article's
        self.history: deque[tuple[float, int, int]] = deque()

    @property
    def done(self) -> int:
        return self.skipped + max(self.reported, self.arrived)

    @property
    def words(self) -> int:
        return max(self.reported_words, self.arrived_words)

    def start(self, total: int | None) -> None:
        self.total, self.began = total, time.monotonic()
        self.history = deque()  # from the first article on: loading the model is not part of the rate

    def parsed(self, words: int) -> None:
        self.reported += 1
        self.reported_words += words
        self._moved()

    def advance(self, article_id: str, outcome: str, words: int = 0) -> None:
        if outcome in _PARSED:
            self.arrived += 1
            self.arrived_words += words
        else:
            self.skipped += 1
        self._moved()

    def _moved(self) -> None:
        now = time.monotonic()
        if not self.history:
            self.first = now
        self.history.append((now, self.done, self.words))
        while len(self.history) > 2 and now - self.history[1][0] >= self.WINDOW:
            self.history.popleft()

    def rates(self) -> tuple[float, float] | None:
        """Articles/s and words/s over the window; None before two articles apart in time."""
        if len(self.history) < 2:
            return None
        (t0, n0, w0), (t1, n1, w1) = self.history[0], self.history[-1]
        span = t1 - t0
        return ((n1 - n0) / span, (w1 - w0) / span) if span > 0 else None

    def eta(self) -> str | None:
        rate = (self.rates() or (0.0, 0.0))[0]
        if (not self.total or rate <= 0 or self.done >= self.total or self.done < self.ETA_AFTER_ARTICLES
                or time.monotonic() - self.first < self.ETA_AFTER_SECONDS):
            return None
        return _duration((self.total - self.done) / rate)

    def rate_text(self) -> str:
        rates = self.rates()
        if rates is None:
            return ""
        articles, words = rates
        text = f"{articles:.1f} articles/s, {words:,.0f} words/s"
        eta = self.eta()
        return text + (f", ETA {eta}" if eta else "")

    def summary(self) -> str:
        text = f"{self.done}" + (f"/{self.total}" if self.total else "") + " articles"
        rate = self.rate_text()
        return f"{text}, {rate}" if rate else text

    def final(self) -> str:
        """The whole run's figures (not the window's)."""
        elapsed = max(time.monotonic() - self.began, 1e-9)
        counted = f"{self.done}" + (f"/{self.total}" if self.total else "")
        return (f"{counted} articles in {_duration(elapsed)}, {self.done / elapsed:.1f} articles/s, "
                f"{self.words / elapsed:,.0f} words/s")


class Lines(_Rate):
    """Plain lines for logs and pipes (no carriage returns): at the first article, then at most one
    every ``every`` seconds."""

    def __init__(self, stream: TextIO, every: float = 10.0) -> None:
        super().__init__()
        self.stream, self.every = stream, every
        self.last: float | None = None

    def start(self, total: int | None) -> None:
        super().start(total)
        self._line(f"build: {total} article(s) to read" if total is not None else "build: reading articles")

    def _moved(self) -> None:
        super()._moved()
        now = time.monotonic()
        if self.last is None or now - self.last >= self.every:
            self.last = now
            self._line(f"progress: {self.summary()}")

    def note(self, message: str) -> None:
        self._line(message)

    def close(self) -> None:
        if self.done:
            self._line(f"done: {self.final()}")

    def _line(self, text: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} newsgraph {text}", file=self.stream, flush=True)


class Bar(_Rate):
    """A tqdm bar; the rate (over the window) and the time left are ours, in its postfix: tqdm's own
    average over the run starts at 0 and its ETA is shown from the first update."""

    FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}{postfix}]"

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.bar: tqdm[Never] | None = None

    def start(self, total: int | None) -> None:
        from tqdm import tqdm

        super().start(total)
        self.bar = tqdm(total=total, unit="article", file=self.stream, dynamic_ncols=True, desc="build",
                        bar_format=self.FORMAT if total else None)

    def _moved(self) -> None:
        super()._moved()
        if self.bar is None:
            return
        if self.total is not None and self.done > self.total:  # the estimate was short
            self.bar.total = self.total = self.done
        self.bar.set_postfix_str(self.rate_text(), refresh=False)
        if self.done > self.bar.n:
            self.bar.update(self.done - self.bar.n)

    def note(self, message: str) -> None:
        if self.bar is not None:
            self.bar.set_description_str(message[:40])

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def for_terminal(stream: TextIO, *, quiet: bool = False) -> Progress:
    """The right progress display for ``stream``: a bar on a terminal, log lines otherwise."""
    if quiet:
        return Progress()
    if stream.isatty():
        return Bar(stream)
    return Lines(stream)


def estimate(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many articles ``paths`` hold, without reading them: one per file, one per JSONL line."""
    count = 0
    for path in paths:
        p = os.fspath(path)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                count += sum(_count(os.path.join(root, f)) for f in files
                             if not f.startswith(".") and f.lower().endswith(SUFFIXES))
        elif os.path.exists(p):
            count += _count(p)
    return count or None


def _count(path: str) -> int:
    if not path.lower().endswith(".jsonl"):
        return 1
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 1


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"
