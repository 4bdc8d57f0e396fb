"""Shared fixtures: a store holding the hand-built story of fixture_graph, and the seeds' paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import Extraction
from newsgraph.rdf import article_graph, article_quads, outlet_quads, story_graph, story_quads
from newsgraph.store import Store

from . import fixture_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def shared(path: Path) -> Path:
    """``path`` under ../shared (ECB+, the GEXF schema): a test that needs it skips, with the reason, where
    the shared folder is absent, and fails under CI=true, where it must be there."""
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing although CI=true")
        pytest.skip(f"{path} is missing (the shared folder beside the project is absent)")
    return path


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


#: What the raising rule raises on: a word only the second seed article (003) has.
RAISES_ON_WORD = "Ahelbarra"


@pytest.fixture
def raising_rule(monkeypatch: pytest.MonkeyPatch) -> str:
    """A registered chain rule with a bug, tried first, raising on every article that names Ahelbarra (the
    second seed); the registry is restored afterwards. Returns its "stage/name"."""
    from newsgraph import rules
    from newsgraph.extract import chains

    monkeypatch.setattr(rules, "_REGISTRY", {stage: dict(found) for stage, found in rules._REGISTRY.items()})
    monkeypatch.setattr(rules, "_BY_CODE", dict(rules._BY_CODE))

    @rules.rule("chain", "test-raises", "a rule with a bug", "Hashem Ahelbarra said ...")
    def raises(span: Any, k: str, found: Any) -> int | None:
        if RAISES_ON_WORD in span.doc.text:
            return [][0]  # type: ignore[no-any-return]
        return None

    monkeypatch.setattr(chains, "JOINS", [raises, *chains.JOINS])
    return "chain/test-raises"


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
