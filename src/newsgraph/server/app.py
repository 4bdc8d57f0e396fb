"""The HTTP side: the ASGI app (routes, request parsing, CORS, the page) and ``serve`` under uvicorn."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox

from ..errors import StoreError
from ..store import MARKER, lock


from .pool import QueryPool
from .protocol import (
    CONTENT_TYPE,
    DEFAULT_HOST,
    DEFAULT_PORT,
    GRAPH_TYPES,
    MAX_REQUEST_BYTES,
    UPDATE_REFUSED,
    Job,
    Limits,
    Refused,
    Reply,
    error,
    graph_bytes,
    negotiate,
    not_acceptable,
    reply_for,
    update_refused,
)

log = logging.getLogger(__name__)

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


# --- the HTTP side ---------------------------------------------------------------------------------------
_CORS = (
    ("access-control-allow-origin", "*"),
    ("access-control-allow-methods", "GET, POST, OPTIONS"),
    ("access-control-allow-headers", "Accept, Content-Type"),
    ("access-control-max-age", "86400"),
)


def create_app(
    store: str | os.PathLike[str],
    *,
    limits: Limits = Limits(),
    pool: QueryPool | None = None,
) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """The endpoint as an ASGI application: ``/sparql`` (SPARQL 1.1 Protocol) and ``/`` (a query page).

    Workers start with the ASGI lifespan, or at the first query when the server sends no lifespan events.

    >>> app = create_app("out/store")   # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=7878)   # doctest: +SKIP
    """
    path = check_store(store)
    workers = pool or QueryPool(path, limits=limits)
    limits = workers.limits

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(workers, receive, send)
            return
        if scope["type"] != "http":
            return
        try:
            reply = await _route(scope, receive, workers, limits)
        except Exception as exc:  # the server's boundary: every error becomes a status here, in one place
            reply = reply_for(exc)
            if scope["path"] == "/sparql":
                reply = _cors(reply)
        await _send(send, reply, head=scope["method"] == "HEAD")

    return app


async def _lifespan(workers: QueryPool, receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            try:
                if not workers.started:
                    await asyncio.get_running_loop().run_in_executor(None, workers.start)
            except StoreError as exc:
                await send({"type": "lifespan.startup.failed", "message": str(exc)})
                return
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            workers.stop()
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _route(scope: Scope, receive: Receive, workers: QueryPool, limits: Limits) -> Reply:
    path, method = scope["path"], scope["method"]
    if path == "/":
        if method not in ("GET", "HEAD"):
            return _method_not_allowed("GET, HEAD")
        return Reply(200, "text/html; charset=utf-8", page(limits).encode("utf-8"), _PAGE_HEADERS)
    if path != "/sparql":
        return error(404, f"Nothing at {path}: the SPARQL endpoint is /sparql, a query page is at /.")
    if method == "OPTIONS":
        return Reply(204, "text/plain", b"", _CORS)
    if method not in ("GET", "HEAD", "POST"):
        return _cors(_method_not_allowed("GET, HEAD, POST, OPTIONS"))
    params, query = await _request(scope, receive, method)
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    if "update" in params:
        return _cors(update_refused())
    if query is None:
        if method == "POST":
            return _cors(
                error(400, "No query: send query=... (form or URL) or a application/sparql-query body.")
            )
        return _cors(_service_description(headers, limits))
    if not workers.started:
        await asyncio.get_running_loop().run_in_executor(None, workers.start)
    job = Job(
        query=query,
        accept=headers.get("accept", ""),
        default_graphs=tuple(params.get("default-graph-uri", [])),
        named_graphs=tuple(params.get("named-graph-uri", [])),
        bindings=tuple((k[1:], v[-1]) for k, v in sorted(params.items()) if k.startswith("$") and len(k) > 1),
        max_rows=limits.max_rows,
    )
    return _cors(await workers.run(job))


async def _request(scope: Scope, receive: Receive, method: str) -> tuple[dict[str, list[str]], str | None]:
    """The protocol's parameters (URL and form) and the query text, or raise Refused."""
    params = _form(scope.get("query_string", b""))
    query: str | None = None
    if method == "POST":
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        kind = headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(receive)
        if kind == "application/x-www-form-urlencoded" or not (kind or body):
            for key, values in _form(body).items():
                params.setdefault(key, []).extend(values)
        elif kind == "application/sparql-query":
            query = _text(body)
        elif kind == "application/sparql-update":
            raise Refused(403, UPDATE_REFUSED)
        else:
            raise Refused(
                415,
                f"Cannot read a {kind or 'body without a Content-Type'}: send "
                "application/x-www-form-urlencoded or application/sparql-query.",
            )
    if "query" in params:
        if query is not None or len(params["query"]) > 1:
            raise Refused(400, "Send exactly one query.")
        query = params["query"][0]
    return params, query


def _form(data: bytes) -> dict[str, list[str]]:
    try:
        return parse_qs(data.decode("ascii"), keep_blank_values=True, strict_parsing=False, errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise Refused(400, f"Cannot read the parameters: {exc}") from exc


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(400, "The query is not UTF-8 text.") from exc


async def _body(receive: Receive) -> bytes:
    chunks, size = [], 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            raise Refused(413, f"The request is larger than {MAX_REQUEST_BYTES} bytes.")
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


def _cors(reply: Reply) -> Reply:
    return Reply(reply.status, reply.content_type, reply.body, reply.headers + _CORS)


def _method_not_allowed(allowed: str) -> Reply:
    reply = error(405, f"Method not allowed here; use {allowed}.")
    return Reply(reply.status, reply.content_type, reply.body, (("allow", allowed),))


async def _send(send: Send, reply: Reply, *, head: bool = False) -> None:
    headers = [(b"content-type", reply.content_type.encode("latin-1"))]
    headers += [(b"content-length", str(len(reply.body)).encode("latin-1"))]
    headers += [(b"vary", b"Accept")]
    headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in reply.headers]
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else reply.body})


_SD = "http://www.w3.org/ns/sparql-service-description#"
#: W3C's unique IRIs for file formats (www.w3.org/ns/formats/), as the service description names them
_FORMAT_NAMES = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
)


def _service_description(headers: dict[str, str], limits: Limits) -> Reply:
    """The SPARQL 1.1 Service Description of this endpoint, in the RDF format the client asks for."""
    fmt = negotiate(headers.get("accept", ""), GRAPH_TYPES)
    if fmt is None:
        return not_acceptable(GRAPH_TYPES)
    endpoint = ox.NamedNode(f"http://{headers.get('host', f'{DEFAULT_HOST}:{DEFAULT_PORT}')}/sparql")
    service = ox.BlankNode("service")
    triples: list[tuple[ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (
            service,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(_SD + "Service"),
        ),
        (service, ox.NamedNode(_SD + "endpoint"), endpoint),
        (service, ox.NamedNode(_SD + "supportedLanguage"), ox.NamedNode(_SD + "SPARQL11Query")),
        (service, ox.NamedNode(_SD + "feature"), ox.NamedNode(_SD + "UnionDefaultGraph")),
        (
            service,
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
            ox.Literal(
                f"newsgraph: read-only (no update, no SERVICE); at most {limits.timeout:g} s and "
                f"{limits.max_rows} rows per query. The default graph is the union of all graphs."
            ),
        ),
    ]
    triples += [
        (service, ox.NamedNode(_SD + "resultFormat"), ox.NamedNode("http://www.w3.org/ns/formats/" + name))
        for name in _FORMAT_NAMES
    ]
    body = graph_bytes([ox.Triple(*t) for t in triples], fmt, {"sd": _SD})
    return Reply(200, CONTENT_TYPE[fmt], body)


_PAGE_HEADERS = (
    # everything the page needs is inside it: no CDN can be reached even by mistake
    (
        "content-security-policy",
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'",
    ),
)


def page(limits: Limits) -> str:
    """The query page: the bundled queries with their descriptions, a box to run them, a results table."""
    from .. import query

    queries = [
        {"name": q.name, "title": q.title, "description": q.description, "params": q.params,
         "optional": q.optional, "text": q.text}
        for q in query.bundled().values()
    ]
    template = (resources.files("newsgraph") / "assets" / "page.html").read_text(encoding="utf-8")
    data = json.dumps(queries, ensure_ascii=False).replace("</", "<\\/")
    return template.replace("{{QUERIES}}", data).replace(
        "{{LIMITS}}", escape(f"at most {limits.timeout:g} s and {limits.max_rows} rows per query")
    )


# --- running it --------------------------------------------------------------------------------------------
def check_store(store: str | os.PathLike[str]) -> str:
    """The store's path if it is a newsgraph store, else StoreError (the same words as ``Store.open``)."""
    p = Path(store)
    if not p.is_dir():
        raise StoreError(f"{p}: no store here (build one first: newsgraph build INPUT --store {p})")
    if not (p / MARKER).exists():
        raise StoreError(f"{p}: not a newsgraph store (no {MARKER} file)")
    return str(p)


@contextlib.contextmanager
def holding_lock(store: str) -> Any:
    """Hold newsgraph's shared (reader's) lock on the store while serving: other readers (``query``,
    ``report``, another server) run beside it, a build or remove fails with a message saying why."""
    fd = lock(store, exclusive=False)
    try:
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket; an error names the address (the store was opened before: a failure here is
    the address's, never the store's)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


def serve(
    store: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    limits: Limits = Limits(),
    workers: int | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``store`` until interrupted. ``port`` 0 takes a free port; ``on_ready`` gets the base URL."""
    import uvicorn

    path = check_store(store)
    with holding_lock(path):
        pool = QueryPool(path, size=workers, limits=limits)
        pool.start()
        try:
            sock = _listen(host, port)
            bound = sock.getsockname()[1]
            config = uvicorn.Config(
                create_app(path, pool=pool),
                log_level="warning",
                access_log=False,
                lifespan="on",
                timeout_graceful_shutdown=2,
            )
            shown = f"[{host}]" if ":" in host else host
            if on_ready:
                on_ready(f"http://{shown}:{bound}/")
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            pool.stop()
