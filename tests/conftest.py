"""Shared fixtures: a store holding the hand-built story of fixture_graph, and the seeds' paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.model import Extraction
from newsgraph.rdf import article_graph, article_quads, outlet_quads, story_graph, story_quads
from newsgraph.store import Store

from . import fixture_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def write_article(store: Store, ex: Extraction, content_hash: str, quads: list | None = None) -> None:  # type: ignore[type-arg]
    """Write one article's graph, and its outlet's, as a build does (``quads`` overrides the article's)."""
    outlet = outlet_quads(ex.article.outlet_name)
    store.replace_graph(outlet[0][3], outlet)
    store.replace_graph(article_graph(ex.article), quads if quads is not None else article_quads(ex, content_hash))


def fill(store: Store) -> Store:
    """Write the fixture story into ``store`` exactly as a build would."""
    extractions = fixture_graph.extractions()
    for ex in extractions.values():
        write_article(store, ex, f"hash-{ex.article.id}")
    resolution = fixture_graph.resolution()
    store.replace_graph(story_graph(resolution.story), story_quads(resolution, extractions))
    return store


@pytest.fixture
def fixture_store() -> Iterator[Store]:
    store = fill(Store.memory())
    yield store
    store.close()


@pytest.fixture
def fixture_store_path(tmp_path: Path) -> Path:
    """A store on disk holding the fixture story (closed, ready for the CLI)."""
    path = tmp_path / "store"
    with Store.open(path, create=True) as store:
        fill(store)
    return path
