"""Usage errors exit 2 everywhere, with one line; ``--help`` marks the required options; a custom query
takes its variables as parameters, as docs/queries.md says."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli import _parser, main

CUSTOM = "SELECT ?s ?story WHERE { ?s <https://w3id.org/newsgraph/ns#story> ?story } ORDER BY ?s LIMIT 1"


@pytest.mark.parametrize(("argv", "message"), [
    (["query", "single-sorce-actors"], "newsgraph: error: Unknown query 'single-sorce-actors'. Available: actor-events, "),
    (["query", "actors", "--param", "who=x"],
     "newsgraph: error: query actors has no parameter 'who' (its parameters: story (optional))"),
    (["query", "actor-events"], "newsgraph: error: query actor-events needs --param actor=VALUE"),
    (["query", "actors", "--param", "story=atlantis"],
     "newsgraph: error: no story 'atlantis' in the store. Stories: paris-meeting"),
    (["query", "actor-events", "--param", "actor=http://x/a>b"], "newsgraph: error: --param actor=http://x/a>b: this is not a valid IRI"),
    (["query", CUSTOM, "--param", "who=x"],
     "newsgraph: error: query (inline) has no parameter 'who' (its parameters: none; or any variable of the query)"),
    (["query", "no-such-file.rq"], "newsgraph: error: no-such-file.rq: cannot read the query file (No such file or directory)"),
    (["query", "actors", "--param", "story"], "newsgraph: error: query: --param takes NAME=VALUE, not 'story'"),
    (["export", "--format", "gexf", "-o", "out.gexf", "--kind", "nmed"],
     "newsgraph: error: export: unknown actor kind nmed. Available: named, described, generic, all"),
    (["query", "actors"], None),  # fine: the control
])
def test_usage_errors_exit_2_with_one_line(fixture_store_path: Path, capsys: pytest.CaptureFixture[str],
                                           argv: list[str], message: str | None) -> None:
    try:
        code = main([*argv, "--store", str(fixture_store_path)])
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code  # type: ignore[assignment]
    err = capsys.readouterr().err
    if message is None:
        assert code == 0 and err == ""
        return
    assert code == 2
    assert err.splitlines()[-1].startswith(message)
    assert len([line for line in err.splitlines() if "error" in line]) == 1


def test_a_custom_query_takes_its_variables_as_parameters(fixture_store_path: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    rq = tmp_path / "mine.rq"
    rq.write_text(CUSTOM + "\n")
    for spec in (str(rq), CUSTOM):
        assert main(["query", spec, "--store", str(fixture_store_path), "--format", "csv",
                     "--param", "story=paris-meeting"]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0] == "s,story" and out[1].endswith(",paris-meeting")
        assert main(["query", spec, "--store", str(fixture_store_path), "--param", "story=elsewhere"]) == 0
        assert "(no rows match)" in capsys.readouterr().out  # undeclared: bound as written, no story check


@pytest.mark.parametrize("command", ["build", "query", "export", "remove", "serve", "report"])
def test_help_marks_the_required_options(command: str) -> None:
    sub = next(a for a in _parser()._actions if a.dest == "command").choices[command]  # type: ignore[union-attr]
    text = " ".join(sub.format_help().split())
    required = [a for a in sub._actions if a.option_strings and (a.required or a.dest == "store")]
    assert required, command
    for action in required:
        assert action.help and action.help.startswith("required"), (command, action.dest)
        assert " ".join(action.help.split()) in text
