"""Worker processes that answer queries, and the pool that kills a worker whose query runs past the limit.

Oxigraph cannot be interrupted from Python: ending the process is the only sure stop.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from ..errors import StoreError


from .protocol import Job, Limits, Refused, Reply, answer

log = logging.getLogger(__name__)


# --- worker processes ----------------------------------------------------------------------------------
def _worker_main(path: str, conn: Connection) -> None:
    """A worker's life: open the store read-only, then answer jobs until the server closes the pipe."""
    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        conn.send(("error", f"{path}: cannot open the store read-only: {exc}"))
        return
    conn.send(("ready", ""))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(store, job))


class _Worker:
    def __init__(self, ctx: Any, path: str) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(path, child), name="newsgraph-query", daemon=True
        )
        self.process.start()
        child.close()

    def ready(self, timeout: float) -> str | None:
        """Wait for the worker to open the store; returns an error message, or None when ready."""
        if not self.conn.poll(timeout):
            return "the query worker did not start in time"
        try:
            status, message = self.conn.recv()
        except (EOFError, OSError):
            return "the query worker exited while starting"
        return message if status != "ready" else None

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryPool:
    """Worker processes that answer jobs, each job under the time limit."""

    def __init__(self, path: str | os.PathLike[str], *, size: int | None = None, limits: Limits = Limits()):
        self.path = str(path)
        self.size = size or max(1, min(4, os.cpu_count() or 1))
        self.limits = limits
        self._ctx = multiprocessing.get_context("spawn")  # never fork a process that runs an event loop
        self._all: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None

    def start(self) -> None:
        """Start the workers and wait until each has the store open; raises StoreError if one cannot."""
        self._all = [_Worker(self._ctx, self.path) for _ in range(self.size)]
        for worker in self._all:
            problem = worker.ready(60.0)
            if problem:
                self.stop()
                raise StoreError(problem)

    def stop(self) -> None:
        for worker in self._all:
            worker.kill()
        self._all = []
        self._idle = None

    @property
    def started(self) -> bool:
        return bool(self._all)

    async def run(self, job: Job) -> Reply:
        """A worker's reply to ``job``; Refused when the time limit stops it or its worker fails (the worker
        is then replaced)."""
        if self._idle is None:
            self._idle = asyncio.Queue()
            for worker in self._all:
                self._idle.put_nowait(worker)
        worker = await self._idle.get()
        try:
            worker.conn.send(job)
            reply: Reply = await asyncio.wait_for(_receive(worker.conn), self.limits.timeout)
            self._idle.put_nowait(worker)
            return reply
        except asyncio.TimeoutError:
            self._replace(worker)
            raise Refused(
                503,
                f"Time limit: the query ran longer than {self.limits.timeout:g} s, the most this server "
                f"allows (newsgraph serve --timeout), and was stopped.",
            ) from None
        except (EOFError, OSError) as exc:
            self._replace(worker)
            raise Refused(
                500, f"The query worker failed ({exc or type(exc).__name__}); it has been restarted."
            ) from exc

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker stuck in a query and admit a fresh one once it has opened the store."""
        worker.kill()
        self._all.remove(worker)
        fresh = _Worker(self._ctx, self.path)
        self._all.append(fresh)

        async def admit() -> None:
            problem = await asyncio.get_running_loop().run_in_executor(None, fresh.ready, 60.0)
            if problem:
                log.error("cannot restart a query worker: %s", problem)
            elif self._idle is not None:
                self._idle.put_nowait(fresh)

        asyncio.get_running_loop().create_task(admit())


async def _receive(conn: Connection) -> Any:
    loop = asyncio.get_running_loop()
    readable: asyncio.Future[None] = loop.create_future()
    fd = conn.fileno()

    def ready() -> None:
        if not readable.done():
            readable.set_result(None)

    loop.add_reader(fd, ready)
    try:
        await readable
    finally:
        loop.remove_reader(fd)
    return conn.recv()
