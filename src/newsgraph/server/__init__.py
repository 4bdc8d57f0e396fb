"""The SPARQL 1.1 Protocol endpoint: ``create_app(store) -> ASGI app``, read-only and bounded.

Why it is shaped this way:

- **Queries run in worker processes.** Oxigraph evaluates a query synchronously and nothing can interrupt
  it from Python, so the only sure way to stop a runaway query is to end the process running it. Each
  worker (``multiprocessing``, spawned) holds the store open read-only (``pyoxigraph.Store.read_only``);
  past the time limit the worker is killed, a fresh one takes its place, and the client gets 503.
- **The server holds a reader's lock.** Oxigraph calls reading a store while another process writes it
  undefined behaviour. The server opens no database itself but holds newsgraph's shared lock on the store
  folder (``store.lock``), as ``query``, ``export`` and ``report`` do: they run beside it, while
  ``newsgraph build`` or ``remove`` against a served store fails saying the store is open for reading.
  Nothing is written, so a read-only store folder serves.
- **SERVICE is refused with Oxigraph's own parser.** pyoxigraph really fetches a SERVICE IRI over HTTP,
  which from a server means requests to anywhere on behalf of anyone. Every ``service`` in the query text
  (case-insensitive) is turned into ``servicx``; if the query still parses, none was the keyword and the
  query runs as sent; if it no longer parses, it is never run against the store.
- **Limits are answers, not truncations.** A result longer than the row limit is refused with 422 and a
  message naming the limit, never silently cut (the Virtuoso trap).

Status codes: 400 malformed query or request (with the parser's message and position), 403 update or
SERVICE, 404, 405, 406 no acceptable format, 413 request too large, 415 unknown request type, 422 row
limit, 503 time limit.
"""

from __future__ import annotations

from .app import create_app, serve
from .pool import QueryPool
from .protocol import (
    DEFAULT_HOST,
    DEFAULT_MAX_ROWS,
    DEFAULT_PORT,
    DEFAULT_TIMEOUT,
    Job,
    Limits,
    Reply,
    answer,
    refusal,
)

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_MAX_ROWS",
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT",
    "Job",
    "Limits",
    "QueryPool",
    "Reply",
    "answer",
    "create_app",
    "refusal",
    "serve",
]
