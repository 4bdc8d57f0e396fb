"""Progress of a long build: a bar on a terminal, plain log lines in a log file, nothing with --quiet.

The build calls ``start`` once, ``advance`` once per input article (stored, unchanged or rejected) and
``note`` at each stage after parsing; how that is shown is decided here, once, by the CLI. The total is
an estimate made without reading any article (files plus JSONL lines), so the ETA costs nothing.
"""

from __future__ import annotations

import os
import time
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

    def advance(self, article_id: str, outcome: str, words: int = 0) -> None:
        """One article is done: ``outcome`` is stored, unchanged, rejected or failed."""

    def note(self, message: str) -> None:
        """A stage after parsing ("resolving story X")."""

    def close(self) -> None:
        """The build ended (or failed): leave the terminal clean."""


class _Rate(Progress):
    """Counts articles and words and works out the rate and the time left."""

    def __init__(self) -> None:
        self.total: int | None = None
        self.done = 0
        self.words = 0
        self.began = time.monotonic()

    def start(self, total: int | None) -> None:
        self.total, self.began = total, time.monotonic()

    def advance(self, article_id: str, outcome: str, words: int = 0) -> None:
        self.done += 1
        self.words += words

    def summary(self) -> str:
        elapsed = max(time.monotonic() - self.began, 1e-9)
        rate = self.done / elapsed
        text = f"{self.done}" + (f"/{self.total}" if self.total else "") + " articles"
        text += f", {rate:.1f} articles/s, {self.words / elapsed:,.0f} words/s"
        if self.total and rate > 0 and self.done < self.total:
            text += f", ETA {_duration((self.total - self.done) / rate)}"
        return text


class Lines(_Rate):
    """Plain lines, at most one every ``every`` seconds, for logs and pipes (no carriage returns)."""

    def __init__(self, stream: TextIO, every: float = 10.0) -> None:
        super().__init__()
        self.stream, self.every = stream, every
        self.last = time.monotonic()

    def start(self, total: int | None) -> None:
        super().start(total)
        self._line(f"build: {total} article(s) to read" if total is not None else "build: reading articles")

    def advance(self, article_id: str, outcome: str, words: int = 0) -> None:
        super().advance(article_id, outcome, words)
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._line(f"progress: {self.summary()}")

    def note(self, message: str) -> None:
        self._line(message)

    def close(self) -> None:
        if self.done:
            self._line(f"done: {self.summary()}")

    def _line(self, text: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} newsgraph {text}", file=self.stream, flush=True)


class Bar(_Rate):
    """A tqdm bar with articles/s and ETA; words/s in its postfix."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.bar: tqdm[Never] | None = None

    def start(self, total: int | None) -> None:
        from tqdm import tqdm

        super().start(total)
        self.bar = tqdm(total=total, unit="article", file=self.stream, dynamic_ncols=True, desc="build")

    def advance(self, article_id: str, outcome: str, words: int = 0) -> None:
        super().advance(article_id, outcome, words)
        if self.bar is not None:
            if self.total is not None and self.done > self.total:  # the estimate was short
                self.bar.total = self.total = self.done
            self.bar.set_postfix_str(f"{self.words / max(time.monotonic() - self.began, 1e-9):,.0f} words/s",
                                     refresh=False)
            self.bar.update(1)

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
