"""The bundled SPARQL queries: find them by name, bind parameters, run them, shape the rows.

Each ``queries/NAME.rq`` starts with a header comment::

    # title: Actors only one outlet mentions
    # description: one or more lines saying what the query answers
    # param: actor  the actor's name or IRI (case-insensitive match on its names)
    # param: story? the story's name (optional: every story when absent)

A parameter is a variable of the query. Its value is written into the query as an RDF term that
pyoxigraph serialises and escapes (a user's text is never pasted in as SPARQL), in a ``VALUES`` block:
the query says where, with a slot ``VALUES ?story { UNDEF }`` in each group that should start from the
value (a one-row table that binds nothing, so the query as written answers for every value). Oxigraph
joins a ``VALUES`` block first and looks every pattern after it up by index, whereas a substitution
(SEP-0007) is joined with the answer after the patterns have been evaluated for every value
(docs/queries.md). A parameter the query has no slot for is bound as a substitution on the local store
(its exact semantics: everywhere in the query, an error where it cannot be), and by one ``VALUES`` block
opening the WHERE clause on a SPARQL server, which takes no substitutions. A name ending in ``?``
declares an optional parameter: left out, its slots stay ``UNDEF`` and the query answers for every value
(every bundled query takes ``story`` this way). A required parameter left out is an error.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox
from rdflib import Literal as RdfLiteral
from rdflib import URIRef
from rdflib.term import Node

from .errors import QueryError, QueryUsageError
from .store import Store
from .terms import to_ox
from .vocab import NG, SCHEMA

Format = Literal["table", "csv", "json"]
FORMATS: tuple[Format, ...] = ("table", "csv", "json")

_HEADER = re.compile(r"^#\s*(title|description|param):\s?(.*)$")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    title: str
    description: str
    params: dict[str, str]  # required parameters: name -> what it means
    optional: dict[str, str] = field(default_factory=dict)  # optional parameters: name -> what it means
    #: a bundled query takes only the parameters it declares; the user's own (a .rq file, SPARQL text) takes
    #: any of its variables, declared or not (bound by slot or substitution, docs/queries.md)
    declared_only: bool = True

    @property
    def all_params(self) -> dict[str, str]:
        """Every parameter, required first, then optional."""
        return {**self.params, **self.optional}


@dataclass(frozen=True)
class Rows:
    """A SELECT result: column names and rows of plain Python values (str, int, float, bool or None)."""

    columns: list[str]
    rows: list[dict[str, Any]]
    raw: dict[str, Any]  # the SPARQL 1.1 Query Results JSON document


def _queries_dir() -> Path:
    return Path(str(resources.files("newsgraph") / "queries"))


@functools.lru_cache(maxsize=None)
def internal(name: str) -> str:
    """The text of one of newsgraph's own queries, ``sparql/NAME.rq``: what the build asks the store.
    Shipped beside the bundled queries, never listed with them.

    >>> internal("stored-outlets").splitlines()[0]
    '# The outlets that have their graph in the store.'
    """
    return (resources.files("newsgraph") / "sparql" / f"{name}.rq").read_text(encoding="utf-8")


def run_asset(store: Store, name: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The rows of ``assets/NAME.rq``: a query the report or the digest asks (not a bundled one)."""
    text = (resources.files("newsgraph") / "assets" / f"{name}.rq").read_text(encoding="utf-8")
    return run(store, parse(name, text), params).rows


def bundled() -> dict[str, Query]:
    """Every bundled query by name, sorted."""
    return {p.stem: parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(_queries_dir().glob("*.rq"))}


def parse(name: str, text: str) -> Query:
    """Read a query's header comment.

    >>> q = parse("q", "# param: actor the actor\\n# param: story? the story (optional)\\nSELECT ?actor ?story {}")
    >>> q.params, q.optional
    ({'actor': 'the actor'}, {'story': 'the story (optional)'})
    """
    title, desc = "", list[str]()
    params: dict[str, str] = {}
    optional: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            if desc and line.startswith("#  "):
                desc.append(line[1:].strip())
            continue
        key, value = m.groups()
        if key == "title":
            title = value.strip()
        elif key == "description":
            desc.append(value.strip())
        else:
            pname, _, meaning = value.strip().partition(" ")
            if pname.endswith("?"):
                optional[pname[:-1]] = meaning.strip()
            else:
                params[pname] = meaning.strip()
    return Query(name, text, title, " ".join(desc), params, optional)


def resolve(spec: str) -> Query:
    """A bundled query's name, a path to a .rq file, or SPARQL text -> Query."""
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE) and ("{" in spec):
        return replace(parse("(inline)", spec), declared_only=False)
    if spec.endswith(".rq"):
        path = Path(spec)
        try:
            return replace(parse(path.stem, path.read_text(encoding="utf-8")), declared_only=False)
        except OSError as exc:
            raise QueryUsageError(f"{spec}: cannot read the query file ({exc.strerror or exc})") from exc
        except UnicodeDecodeError as exc:
            raise QueryError(f"{spec}: the query file is not UTF-8 text") from exc
    queries = bundled()
    if spec in queries:
        return queries[spec]
    raise QueryUsageError(f"Unknown query {spec!r}. Available: {', '.join(queries)} (or a .rq file, or SPARQL text)")


def _bind(query: Query, params: dict[str, str]) -> dict[str, URIRef | RdfLiteral]:
    unknown = sorted(set(params) - set(query.all_params))
    if not query.declared_only:
        variables = set(re.findall(r"[?$]([^\W]\w*)", _code(query.text)))
        unknown = [name for name in unknown if name not in variables]
    if unknown:
        allowed = ", ".join(list(query.params) + [f"{p} (optional)" for p in query.optional]) or "none"
        if not query.declared_only:
            allowed += "; or any variable of the query"
        raise QueryUsageError(f"query {query.name} has no parameter {unknown[0]!r} (its parameters: {allowed})")
    missing = [p for p in query.params if p not in params]
    if missing:
        raise QueryUsageError(f"query {query.name} needs --param {missing[0]}=VALUE ({query.params[missing[0]]})")
    return {name: param_term(name, value) for name, value in params.items()}


def param_term(name: str, value: str) -> URIRef | RdfLiteral:
    """A parameter's value as an RDF term: an http(s) IRI is an IRI, anything else a plain literal."""
    if not re.match(r"^https?://\S+$", value):
        return RdfLiteral(value)
    try:
        to_ox(URIRef(value))  # pyoxigraph checks the IRI's syntax
    except ValueError as exc:
        raise QueryUsageError(f"--param {name}={value}: this is not a valid IRI ({exc})") from exc
    return URIRef(value)


def run(
    store: Store, query: Query, params: dict[str, str] | None = None, *, limit: int | None = None, offset: int | None = None
) -> Rows:
    """Run a SELECT query and return its rows; ASK gives one row with ``ask``, CONSTRUCT is refused here.

    ``params`` binds the query's parameters by name: into its ``VALUES ?name { UNDEF }`` slots
    (:func:`fill_slots`), where Oxigraph starts from them, and as a substitution where it has none; an
    optional one left out stays free (every bundled query takes ``story``: bound, it answers for that
    story only, at a cost that does not grow with the store).

    ``limit`` and ``offset`` take one page of the rows (SPARQL ``LIMIT`` / ``OFFSET``, added to the query).
    """
    bound = _bind(query, params or {})
    if "story" in query.all_params and "story" in bound:
        check_story(store, str(bound["story"]))
    text, rest = fill_slots(paged(query.text, limit, offset), bound)
    result = store.raw_query(text, rest or None)
    if isinstance(result, (bool, ox.QueryBoolean)):
        result = bool(result)
        raw = {"head": {}, "boolean": result}
        return Rows(["ask"], [{"ask": result}], raw)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError(f"query {query.name}: only SELECT and ASK queries can be printed as rows")
    raw = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON) or b"{}")
    columns = raw["head"]["vars"]
    rows = [{c: _value(b.get(c)) for c in columns} for b in raw["results"]["bindings"]]
    return Rows(columns, rows, raw)


def check_story(store: Store, story: str) -> None:
    """Raise QueryUsageError unless the store holds ``story`` (an unknown story is a mistake, not a story
    with nothing to report)."""
    ask = f"ASK {{ VALUES ?story {{ {to_ox(RdfLiteral(story))} }} ?node <{NG.story}> ?story }}"
    if bool(store.raw_query(ask)):
        return
    rows = store.raw_query(f"SELECT DISTINCT ?story WHERE {{ ?a a <{SCHEMA.NewsArticle}> ; <{NG.story}> ?story }}")
    names = sorted({str(row["story"].value) for row in rows})
    shown = ", ".join(names[:20]) + (f" and {len(names) - 20} more" if len(names) > 20 else "")
    raise QueryUsageError(f"no story {story!r} in the store (its stories: {shown or 'none'})")


def fill_slots(sparql: str, bindings: Mapping[str, Node]) -> tuple[str, dict[str, Node]]:
    """``sparql`` with every slot ``VALUES ?name { UNDEF }`` of a bound parameter given its value, and the
    bindings the query has no slot for (bind those as a substitution, or with :func:`bind_values`).

    A value is an RDF term written by pyoxigraph (N-Triples syntax, which SPARQL reads: quotes, backslashes
    and line breaks escaped), never the raw text; a name must be a SPARQL variable name.

    >>> from rdflib import Literal
    >>> print(fill_slots('SELECT * { VALUES ?story { UNDEF } ?n ?p ?story }', {"story": Literal('a "b"')})[0])
    SELECT * { VALUES ?story { "a \\"b\\"" } ?n ?p ?story }
    """
    code = _code(sparql)
    slots: list[tuple[int, int, str]] = []
    rest: dict[str, Node] = {}
    for name, term in bindings.items():
        if not _VARNAME.match(name):
            raise QueryError(f"cannot bind {name!r}: not a SPARQL variable name")
        found = [(m.start(1), m.end(1), str(to_ox(term))) for m in _slot(name).finditer(code)]
        slots += found
        if not found:
            rest[name] = term
    for start, end, value in sorted(slots, reverse=True):
        sparql = sparql[:start] + value + sparql[end:]
    return sparql, rest


def bind_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """``sparql`` with each parameter's value written in: its slots filled (:func:`fill_slots`), and the
    parameters it has no slot for bound together by one ``VALUES (?a ?b) { (x y) }`` opening the WHERE
    clause, so each is bound wherever that group uses it, FILTERs included. For a store that takes no
    substitutions (a SPARQL server); a variable used only in a sub-select is not bound by that block.

    >>> from rdflib import Literal
    >>> bind_values("SELECT ?x WHERE { ?x ?p ?actor }", {"actor": Literal("Witkoff")})
    'SELECT ?x WHERE { VALUES (?actor) { ("Witkoff") } ?x ?p ?actor }'
    """
    sparql, rest = fill_slots(sparql, bindings)
    if not rest:
        return sparql
    at = _where_brace(_code(sparql))
    if at < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    names = " ".join(f"?{name}" for name in rest)
    terms = " ".join(str(to_ox(term)) for term in rest.values())
    return f"{sparql[:at + 1]} VALUES ({names}) {{ ({terms}) }}{sparql[at + 1:]}"


#: A SPARQL variable name (VARNAME), so a parameter's name cannot carry text into the query.
_VARNAME = re.compile(r"^[A-Za-z_0-9\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D"
                      r"\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]+$")


def _slot(name: str) -> re.Pattern[str]:
    """A parameter's slot, ``VALUES ?name { UNDEF }`` (or ``$name``); group 1 is the ``UNDEF``."""
    return re.compile(r"\bVALUES\s+[?$]" + re.escape(name) + r"\s*\{\s*(UNDEF)\s*\}", re.IGNORECASE)


_TERM = re.compile(r"""#[^\n]*|<[^\s<>"{}|^`\\]*>|("""  # a comment, an IRI, or a string:
                   r'''"""(?:\\.|[^\\])*?"""|'''  # long, in either quotes
                   r"""'''(?:\\.|[^\\])*?'''|"""
                   r'''"(?:\\.|[^\\"\n])*"|'''  # short, in either quotes
                   r"""'(?:\\.|[^\\'\n])*')""")


def _code(sparql: str) -> str:
    """``sparql`` with its comments, IRIs and strings blanked out (the same length, so offsets hold): a
    keyword or brace found in it is the query's, not text inside a term."""
    return _TERM.sub(lambda m: " " * len(m.group()), sparql)


def _where_brace(code: str) -> int:
    """The offset of the ``{`` opening the WHERE clause, in :func:`_code` text: the first top-level ``{``
    after a top-level ``WHERE``; without the keyword (it may be left out), the first top-level ``{``, or
    the second in a CONSTRUCT (the first is its template)."""
    depth, after_where, tops = 0, False, []
    for m in re.finditer(r"[{}]|(?<![\w?$:])WHERE(?![\w-])", code, re.IGNORECASE):
        if m.group() == "{":
            if depth == 0:
                if after_where:
                    return m.start()
                tops.append(m.start())
            depth += 1
        elif m.group() == "}":
            depth -= 1
        elif depth == 0:
            after_where = True
    form = re.search(r"(?<![\w?$:])(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w-])", code, re.IGNORECASE)
    skip = 1 if form and form.group(1).upper() == "CONSTRUCT" else 0
    return tops[skip] if len(tops) > skip else -1


_OWN_PAGING = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*$", re.IGNORECASE)


def paged(text: str, limit: int | None = None, offset: int | None = None) -> str:
    """The query with ``LIMIT``/``OFFSET`` appended (whole numbers, checked, so nothing else is pasted in).

    >>> paged("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", limit=50, offset=100)
    'SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\\nLIMIT 50\\nOFFSET 100'
    """
    if limit is None and offset is None:
        return text
    for name, value in (("limit", limit), ("offset", offset)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise QueryError(f"{name} must be a whole number >= 0, not {value!r}")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")).rstrip()
    if _OWN_PAGING.search(body):
        raise QueryError("the query has its own LIMIT or OFFSET: page it there, or drop them to use limit/offset")
    return text.rstrip() + (f"\nLIMIT {limit}" if limit is not None else "") + (f"\nOFFSET {offset}" if offset is not None else "")


_NUMERIC = {
    "http://www.w3.org/2001/XMLSchema#" + t
    for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger", "short", "decimal", "double", "float")
}


def _value(binding: dict[str, str] | None) -> Any:
    if binding is None:
        return None
    value, datatype = binding["value"], binding.get("datatype")
    if datatype in _NUMERIC:
        number = float(value)
        return int(number) if number.is_integer() and "double" not in datatype else number
    if datatype == "http://www.w3.org/2001/XMLSchema#boolean":
        return value == "true"
    return value


def why_empty(store: Store, query: Query, params: dict[str, str] | None = None) -> str:
    """Why a query answered no rows, in words: kinds with no rows (the bundled queries' ``kind``), else
    that nothing matched. (A story the store does not hold is a usage error before the query runs.)"""
    params = params or {}
    if "kind" in query.optional:
        asked = params.get("kind")
        what = f"of kind {asked}" if asked else "of the default kinds"
        return f"no rows {what}; --param kind=all lists every kind"
    return "no rows match"
