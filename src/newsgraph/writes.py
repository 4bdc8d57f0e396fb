"""The build's store writes, in one thread beside the parsing, so the parsers never wait for the store.

The process that consumes the engine's results only hands each write (a batch of article graphs, an
outlet, a story to resolve early) to this thread and goes back to collecting results and feeding the
workers: a bulk load of a few hundred articles takes seconds, during which the workers used to run out of
work. Oxigraph releases the GIL while it loads, so the thread costs the collecting loop nothing.

Writes run one at a time in the order they were handed over, the same sequence of transactions and
journalled bulk loads as before, so a killed build leaves the store as it always did. What follows a
write (the build's bookkeeping: "this article is stored") runs in the caller's thread once the write
is done, in order; an error a write raised is raised there too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class Writer:
    """One thread that runs the build's writes in order, ``depth`` at most waiting (memory stays flat)."""

    def __init__(self, depth: int = 1) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-writer")
        self._queued: deque[tuple[Future[Any], Callable[[Any], None] | None]] = deque()
        self.depth = depth

    def submit(self, write: Callable[..., Any], *args: Any, then: Callable[[Any], None] | None = None) -> None:
        """Run ``write(*args)`` after the writes already handed over; ``then(result)`` runs in this thread
        once it is done (at a later ``submit``, ``settle`` or ``close``). Blocks while ``depth`` writes wait."""
        self._queued.append((self._pool.submit(write, *args), then))
        self.settle()
        while len(self._queued) > self.depth:
            self._next()

    def settle(self, *, wait: bool = False) -> None:
        """Run the ``then`` of every write done so far (of every write, waiting for them, with ``wait``)."""
        while self._queued and (wait or self._queued[0][0].done()):
            self._next()

    def _next(self) -> None:
        future, then = self._queued.popleft()
        result = future.result()  # a write's error is raised here, in the caller's thread
        if then is not None:
            then(result)

    def close(self) -> None:
        """Wait for every write and its ``then``; the thread ends."""
        try:
            self.settle(wait=True)
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Something went wrong elsewhere: let the running write finish (it cannot be cut in half), drop
        the ones that wait."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._queued.clear()


__all__ = ["Writer"]
