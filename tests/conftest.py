"""Shared fixtures: a store holding the hand-built story of fixture_graph, and the seeds' paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.rdf import article_graph, article_quads, story_graph, story_quads
from newsgraph.store import Store

from . import fixture_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def fill(store: Store) -> Store:
    """Write the fixture story into ``store`` exactly as a build would."""
    extractions = fixture_graph.extractions()
    for ex in extractions.values():
        store.replace_graph(article_graph(ex.article), article_quads(ex, f"hash-{ex.article.id}"))
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
