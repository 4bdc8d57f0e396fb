"""A rule that raises is a bug, not bad input: reported naming the article and the rule, exit 1, the other
articles stored; bad input alone stays exit 3.

The raising rule is a registered chain rule with a bug (``conftest.raising_rule``) that raises on the second
seed article only; everything else (extraction, engine, store, report, CLI) is the real build of the seeds.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph import engines
from newsgraph.errors import InputError, RuleError
from newsgraph.store import Store

from .conftest import SEEDS

RAISES_ON = "003"  # the seed article the rule raises on (it names Ahelbarra)


def _stored_ids(store: Path) -> list[str]:
    with Store.open(store) as s:
        rows = s.raw_query("SELECT ?id WHERE { ?d a <https://schema.org/NewsArticle> ; "
                           "<http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id")
        return [r["id"].value for r in rows]


@pytest.mark.model
@pytest.mark.parametrize("verbose", [False, True], ids=["quiet", "verbose"])
def test_a_rule_that_raises_is_an_internal_error_naming_article_and_rule(
    raising_rule: str, verbose: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    code = main([*(["--verbose"] if verbose else []), "build", str(SEEDS), "--store", str(store)])
    err = capsys.readouterr().err
    assert code == 1  # a bug fails the run, though the other article was stored
    lines = [line for line in err.splitlines() if line.startswith("newsgraph: internal error:")]
    assert len(lines) == 1, err
    assert f"{RAISES_ON}_" in lines[0] and repr(raising_rule) in lines[0] and "IndexError" in lines[0]
    assert "rejected" not in lines[0] and "1 failed (internal error)" in err and "0 rejected" in err
    assert ("Traceback (most recent call last)" in err) == verbose  # the traceback only under --verbose
    assert _stored_ids(store) == ["000"]


@pytest.mark.model
def test_rejected_input_alone_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "empty.txt").write_text("")
    code = main(["build", str(inputs), "--store", str(tmp_path / "store")])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "newsgraph: rejected" in err and "internal error" not in err
    assert _stored_ids(tmp_path / "store") == ["000", "003"]


@pytest.mark.parametrize("error", [
    InputError("in/a.txt", "empty file"),
    RuleError("in/b.txt", "subject-of-passive", "IndexError: list index out of range", "Traceback ...\n"),
], ids=["input", "rule"])
def test_errors_come_back_from_worker_processes_whole(error: InputError | RuleError) -> None:
    """What the pool and Dask engines send across processes is the same error again on this side."""
    carried = pickle.loads(pickle.dumps(engines._Carried.of(error)))
    [back] = list(engines._checked([carried]))
    assert type(back) is type(error) and str(back) == str(error) and vars(back) == vars(error)
