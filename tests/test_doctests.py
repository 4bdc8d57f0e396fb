"""The ``>>>`` examples in the pure modules' docstrings run, so the docs cannot drift from the code."""

from __future__ import annotations

import doctest

import pytest

from newsgraph import iris, lexicon, names


@pytest.mark.parametrize("module", [iris, lexicon, names], ids=lambda m: m.__name__)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
