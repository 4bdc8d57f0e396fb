"""A small two-story corpus cut from the seeds, and graph comparison for the build tests.

Each article is its own Markdown file with front matter, so a test can add and remove single articles
by path. Graphs are compared per named graph with ``rdflib.compare.isomorphic``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from newsgraph import iris
from newsgraph.build import build
from newsgraph.store import Store

from .conftest import SEEDS

#: (id, story, outlet, seed file, paragraphs): six articles, two stories, four outlets.
PLAN = (
    ("p1", "paris", "Wire A", "000", (0, 1)),
    ("p2", "paris", "Wire B", "003", (0, 1, 2)),
    ("p3", "paris", "Wire A", "003", (3, 4, 5)),
    ("p4", "paris", "Daily C", "000", (2, 3)),
    ("m1", "moscow", "Daily C", "003", (8, 9, 10)),
    ("m2", "moscow", "Herald D", "003", (11, 12, 13)),
)
IDS = tuple(p[0] for p in PLAN)


def _paragraphs(prefix: str) -> list[str]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_corpus(folder: Path, *, changed: Iterable[str] = ()) -> dict[str, Path]:
    """Write the corpus as one file per article; ``changed`` ids get an extra closing sentence."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = set(changed)
    paths = {}
    for article_id, story, outlet, seed, picks in PLAN:
        paras = _paragraphs(seed)
        text = "\n".join(paras[i] for i in picks if i < len(paras))
        if article_id in changed:
            text += "\nThe talks in Paris will resume on Monday, officials said."
        path = folder / f"{article_id}.md"
        path.write_text(f"---\nid: {article_id}\nstory: {story}\noutlet: {outlet}\n---\n{text}\n", encoding="utf-8")
        paths[article_id] = path
    return paths


def snapshot(store: Store) -> dict[str, Graph]:
    """Every named graph of ``store`` as an rdflib Graph, by graph name."""
    ds = Dataset()
    ds.parse(data=store.dump(ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    return {str(g.identifier): Graph() + g for g in ds.graphs() if len(g)}


def assert_same_graphs(got: dict[str, Graph], want: dict[str, Graph]) -> None:
    """The same named graphs, each isomorphic; on failure, say which graph and what differs."""
    assert sorted(got) == sorted(want), f"graphs differ: only in result {sorted(set(got) - set(want))}, " \
        f"only in expected {sorted(set(want) - set(got))}"
    for name in sorted(want):
        if not isomorphic(got[name], want[name]):
            _, only_got, only_want = graph_diff(to_isomorphic(got[name]), to_isomorphic(want[name]))
            raise AssertionError(f"graph {name} differs: {len(only_got)} triples only in the result, e.g. "
                                 f"{_short(only_got)}; {len(only_want)} only expected, e.g. {_short(only_want)}")


def _short(graph: Graph) -> list[str]:
    return [" ".join(t.n3()[:80] for t in triple) for triple in sorted(graph)[:3]]


def clean_build(paths: Iterable[Path], **options: object) -> dict[str, Graph]:
    """The graph of a fresh in-memory build of ``paths``."""
    store = Store.memory()
    build(sorted(paths), store, **options)  # type: ignore[arg-type]
    graphs = snapshot(store)
    store.close()
    return graphs


def article_graph_name(article_id: str) -> str:
    return iris.doc_iri(article_id)
