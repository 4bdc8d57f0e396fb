"""The docs stay true: every command, query and vocabulary term is documented; the public API is explicit."""

from __future__ import annotations

import re

import newsgraph
from newsgraph import query
from newsgraph.cli import _parser
from newsgraph.vocab import NG

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}


def test_readme_has_the_two_commands() -> None:
    assert "make run" in README and "make test" in README


def test_every_command_is_in_the_readme() -> None:
    commands = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"newsgraph {name}" in README, name


def test_every_bundled_query_is_documented() -> None:
    for name in query.bundled():
        assert f"`{name}`" in DOCS["queries.md"], name


def test_every_ng_term_is_documented() -> None:
    terms = [t for t in NG.__annotations__]
    for term in terms:
        assert f"`ng:{term}`" in DOCS["vocabulary.md"], term


def test_docs_link_to_existing_files() -> None:
    for name, text in {"README.md": README, **DOCS}.items():
        base = ROOT if name == "README.md" else ROOT / "docs"
        for target in re.findall(r"\]\(([^)#:]+)\)", text):
            assert (base / target).exists(), f"{name} links to missing {target}"


def test_public_api_is_explicit_and_sorted() -> None:
    assert newsgraph.__all__ == sorted(newsgraph.__all__)
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name
