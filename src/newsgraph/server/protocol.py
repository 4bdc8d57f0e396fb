"""One SPARQL query answered as the protocol asks: refusals, formats by Accept, limits as answers.

Pure of HTTP and of processes: a worker calls ``answer`` on its read-only store; tests call it on any store.
``reply_for`` is the one place where an error becomes an HTTP status, whichever side meets it: a worker
answering a query, the pool running it, or the app reading the request (datasette's ``handle_exception``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from ..query import fill_slots, param_term
from ..terms import OxTerm, to_ox

log = logging.getLogger(__name__)

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 7878
DEFAULT_TIMEOUT, DEFAULT_MAX_ROWS = 10.0, 10_000
MAX_REQUEST_BYTES = 1 << 20


_R = ox.QueryResultsFormat
_F = ox.RdfFormat
#: What a SELECT or ASK can be answered as, server preference first (media type asked -> format).
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": _R.JSON,
    "application/json": _R.JSON,
    "application/sparql-results+xml": _R.XML,
    "application/xml": _R.XML,
    "text/csv": _R.CSV,
    "text/tab-separated-values": _R.TSV,
    "text/xml": _R.XML,
}
#: What a CONSTRUCT or DESCRIBE (and the service description) can be answered as.
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": _F.TURTLE,
    "application/x-turtle": _F.TURTLE,
    "application/n-triples": _F.N_TRIPLES,
    "application/ld+json": _F.JSON_LD,
    "application/json": _F.JSON_LD,
    "application/rdf+xml": _F.RDF_XML,
}
CONTENT_TYPE = {
    _R.JSON: "application/sparql-results+json",
    _R.XML: "application/sparql-results+xml",
    _R.CSV: "text/csv; charset=utf-8",
    _R.TSV: "text/tab-separated-values; charset=utf-8",
    _F.TURTLE: "text/turtle; charset=utf-8",
    _F.N_TRIPLES: "application/n-triples",
    _F.JSON_LD: "application/ld+json",
    _F.RDF_XML: "application/rdf+xml",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_SERVICE = re.compile(r"servic(e)", re.IGNORECASE)
# SERVICE [SILENT] as a keyword could stand, for the second opinion: GRAPH is valid wherever SERVICE is
_SERVICE_KEYWORD = re.compile(r"(?<![\w?$:])service((?:\s|#[^\n]*(?:\n|$))+silent)?(?![\w-])", re.IGNORECASE)
_UPDATE = re.compile(
    r"^(?:\s|#[^\n]*(?:\n|$)|PREFIX\s*[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
_POSITION = re.compile(r"^error at (\d+):(\d+): ")


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT  # seconds of evaluation per query
    max_rows: int = DEFAULT_MAX_ROWS  # solutions of a SELECT, triples of a CONSTRUCT or DESCRIBE


@dataclass(frozen=True)
class Job:
    """One query as the protocol delivered it, ready to send to a worker."""

    query: str
    accept: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    bindings: tuple[tuple[str, str], ...] = ()  # ("actor", "Witkoff"): newsgraph's $name=value extension
    max_rows: int = DEFAULT_MAX_ROWS


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default=())


def error(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


class Refused(Exception):
    """A request the server answers with an error status, raised where that is found out (``reply_for``)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def reply_for(exc: BaseException, query: str = "") -> Reply:
    """The one place where an error becomes an HTTP status; ``query`` is the text the client sent, for
    pointing at a syntax error.

    >>> reply_for(QueryError("no such parameter")).status, reply_for(Refused(413, "too large")).status
    (400, 413)
    """
    if isinstance(exc, Refused):
        return error(exc.status, exc.message)
    if isinstance(exc, SyntaxError):
        return _syntax_error(query, exc)
    if isinstance(exc, (QueryError, RuntimeError, ValueError)):  # e.g. a $name the query does not project
        return error(400, f"Cannot run the query: {exc}")
    if isinstance(exc, StoreError):  # the workers cannot open the store
        return error(503, f"The store cannot be served: {exc}")
    if isinstance(exc, OSError):
        return error(500, f"The store could not answer: {exc}")
    log.error("internal error", exc_info=exc)
    return error(500, f"Internal error ({type(exc).__name__}); the server's log has the details.")


# --- answering one query (runs inside a worker; also callable in-process on any pyoxigraph store) -------
def answer(store: ox.Store, job: Job) -> Reply:
    """Run ``job`` against ``store`` and serialise the result as the client's Accept header asks."""
    try:
        refused = refusal(job.query)
        if refused is not None:
            return refused
        text, rest = fill_slots(job.query, {n: param_term(n, v) for n, v in job.bindings})
        refused = refusal(text)  # (values are serialised terms and names checked, but the text is what runs)
        if refused is not None:
            return refused
        substitutions: dict[ox.Variable, OxTerm] = {ox.Variable(n): to_ox(term) for n, term in rest.items()}
        result = store.query(text, substitutions=substitutions or None, **_dataset(job))
        if isinstance(result, ox.QuerySolutions):
            return _solutions(result, job)
        if isinstance(result, ox.QueryBoolean):
            fmt = negotiate(job.accept, RESULT_TYPES)
            if fmt is None:
                return not_acceptable(RESULT_TYPES)
            return Reply(200, CONTENT_TYPE[fmt], result.serialize(format=fmt) or b"")
        return _triples(result, job)
    except (SyntaxError, RuntimeError, ValueError, OSError) as exc:  # what a query meets (QueryError too)
        return reply_for(exc, job.query)  # mapped in the worker: a Reply crosses the pipe whole


def refusal(query: str) -> Reply | None:
    """403 for an update or a SERVICE call, 400 for a query that fails to parse once defused; else None."""
    if not _SERVICE.search(query):
        return None
    defused = _defuse(query)
    try:
        _parse(defused)
        return None  # every "service" was inside a string, an IRI, a name or a comment
    except SyntaxError as exc:
        first_error = exc
    if _UPDATE.match(query):
        return update_refused()
    try:
        _parse(_defuse(_SERVICE_KEYWORD.sub("GRAPH", query)))
    except SyntaxError:
        return _syntax_error(query, first_error)  # broken elsewhere (same length, so same position)
    return error(403, "SERVICE is refused: this endpoint does not send requests to other hosts.")


def _defuse(query: str) -> str:
    return _SERVICE.sub(lambda m: m.group(0)[:-1] + ("X" if m.group(1).isupper() else "x"), query)


def _parse(query: str) -> None:
    """Parse without touching the store: an empty store in memory (the text holds no SERVICE by now)."""
    ox.Store().query(query)


def _syntax_error(query: str, exc: SyntaxError) -> Reply:
    if _UPDATE.match(query):
        return update_refused()
    message = str(exc)
    pointer = ""
    position = _POSITION.match(message)
    if position:
        line, column = int(position.group(1)), int(position.group(2))
        lines = query.splitlines() or [""]
        if 1 <= line <= len(lines):
            pointer = f"\n\n{lines[line - 1]}\n{' ' * (column - 1)}^"
    return error(400, f"SPARQL syntax error: {message}{pointer}")


UPDATE_REFUSED = "This endpoint is read-only: SPARQL Update is refused (use newsgraph build/remove)."


def update_refused() -> Reply:
    return error(403, UPDATE_REFUSED)


def _dataset(job: Job) -> dict[str, Any]:
    """The protocol's default-graph-uri / named-graph-uri; without them the union of all graphs."""
    if not job.default_graphs and not job.named_graphs:
        return {"use_default_graph_as_union": True}
    kwargs: dict[str, Any] = {"default_graph": [ox.NamedNode(g) for g in job.default_graphs]}
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    return kwargs


def _solutions(result: ox.QuerySolutions, job: Job) -> Reply:
    fmt = negotiate(job.accept, RESULT_TYPES)
    if fmt is None:
        return not_acceptable(RESULT_TYPES)
    names = [v.value for v in result.variables]
    bindings: list[dict[str, Any]] = []
    for solution in result:
        if len(bindings) == job.max_rows:
            return _too_many(job.max_rows, "rows")
        bindings.append({n: _json_term(t) for n in names if (t := solution[n]) is not None})
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt != _R.JSON:  # one serialiser written here; Oxigraph's own for the other formats
        body = ox.parse_query_results(body, format=_R.JSON).serialize(format=fmt) or b""
    return Reply(200, CONTENT_TYPE[fmt], body)


def _triples(result: ox.QueryTriples, job: Job) -> Reply:
    fmt = negotiate(job.accept, GRAPH_TYPES)
    if fmt is None:
        return not_acceptable(GRAPH_TYPES)
    triples: list[ox.Triple] = []
    for triple in result:
        if len(triples) == job.max_rows:
            return _too_many(job.max_rows, "triples")
        triples.append(triple)
    return Reply(200, CONTENT_TYPE[fmt], graph_bytes(triples, fmt))


def graph_bytes(
    triples: Iterable[ox.Triple], fmt: ox.RdfFormat, extra: dict[str, str] | None = None
) -> bytes:
    from ..vocab import PREFIXES

    prefixes = {**PREFIXES, **(extra or {})} if fmt == _F.TURTLE else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""


def _json_term(term: Any) -> dict[str, Any]:
    """A term in the SPARQL 1.1 Query Results JSON format (with RDF-star triple terms)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
    return {"type": "triple", "value": {k: _json_term(v) for k, v in parts.items()}}


def _too_many(limit: int, what: str) -> Reply:
    return error(
        422,
        f"Row limit: the result has more than {limit} {what}, the most this server returns "
        f"(newsgraph serve --max-rows). Add LIMIT and OFFSET to page through it.",
    )


def negotiate(accept: str, offers: dict[str, Any]) -> Any | None:
    """The offered format the Accept header likes best (ties: server preference); None if none is acceptable.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES) == ox.QueryResultsFormat.XML
    True
    >>> negotiate("text/html", RESULT_TYPES) is None
    True
    """
    ranges = []
    for item in (accept or "*/*").split(","):
        kind, *params = (p.strip() for p in item.split(";"))
        if not kind:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                with contextlib.suppress(ValueError):
                    q = float(value)
        ranges.append((kind.lower(), q))
    best, best_q = None, 0.0
    for media_type, fmt in offers.items():
        major = media_type.split("/")[0]
        matches = [
            (3 if kind == media_type else 2 if kind == f"{major}/*" else 1, q)
            for kind, q in ranges
            if kind in (media_type, f"{major}/*", "*/*")
        ]
        if matches:
            q = max(matches)[1]  # the most specific range decides
            if q > best_q:
                best, best_q = fmt, q
    return best


def not_acceptable(offers: dict[str, Any]) -> Reply:
    return error(406, f"None of the requested formats can be produced. Available: {', '.join(offers)}")
