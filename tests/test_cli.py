"""The command line as users and their scripts meet it: exit codes, one-line errors, help on every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.cli import main

GOOD = "---\noutlet: Daily Planet\nstory: paris\n---\nSteve Witkoff left the meeting in Paris. Macron stayed.\n"


def bad_inputs(folder: Path) -> dict[str, str]:
    """name -> the problem its one-line error must name."""
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"abc\x00\x01\x02")
    (folder / "latin1.txt").write_bytes("Zelensk\xfd said".encode("latin-1"))
    (folder / "lines.jsonl").write_text('{"id": "j1", "text": "Macron spoke with Rubio."}\n{"id": "j2", "text": \n{"id": "j3"}\n')
    (folder / "notext.md").write_text("---\ntitle: Nothing here\n---\n   \n")
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "latin1.txt": "UTF-8",
        "lines.jsonl:2": "JSON",
        "lines.jsonl:3": "text",
        "notext.md": "text",
        "missing.txt": "no such file",
    }


@pytest.mark.model
def test_bad_inputs_are_reported_one_line_each_and_good_ones_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.md").write_text(GOOD)
    problems = bad_inputs(inputs)
    store = tmp_path / "store"
    code = main(["build", str(inputs), str(tmp_path / "missing.txt"), "--store", str(store)])
    err = capsys.readouterr().err
    assert code == 3
    rejected = [line for line in err.splitlines() if line.startswith("newsgraph: rejected")]
    assert len(rejected) == len(problems), err
    for source, problem in problems.items():
        line = next((r for r in rejected if f"{source}:" in r), None)
        assert line is not None and problem.lower() in line.lower(), (source, err)
    assert "Traceback" not in err
    assert "2 article(s) stored" in err  # good.md and the first JSONL line
    assert main(["query", "actors", "--store", str(store), "--format", "json"]) == 0
    labels = {b["label"]["value"] for b in json.loads(capsys.readouterr().out)["results"]["bindings"]}
    assert {"Steve Witkoff", "Rubio"} <= labels


@pytest.mark.model
def test_a_run_with_only_bad_inputs_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert main(["build", str(tmp_path / "empty.txt"), "--store", str(tmp_path / "store")]) == 1
    assert "empty.txt" in capsys.readouterr().err


def test_store_that_is_not_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8")
    assert main(["query", "actors", "--store", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"newsgraph: error: {folder}: not a newsgraph store (the folder holds other files)"
    assert main(["build", str(folder), "--store", str(folder)]) == 1
    assert (folder / "cat.jpg").read_bytes() == b"\xff\xd8" and len(list(folder.iterdir())) == 1


def test_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "actors", "--store", str(tmp_path / "nowhere")]) == 1
    assert "no store here" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_unknown_query_and_syntax_error(fixture_store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "single-sorce-actors", "--store", str(fixture_store_path)]) == 2  # a usage error
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsgraph: error: Unknown query 'single-sorce-actors'. Available: actor-events,")
    assert "\n" not in err
    assert main(["query", "SELECT ?x WHERE { ?x ?y }", "--store", str(fixture_store_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsgraph: error: SPARQL syntax error") and "\n" not in err


def test_query_formats(fixture_store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "single-source-actors", "--store", str(fixture_store_path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["head"]["vars"][:4] == ["story", "storyLabel", "actor", "label"]
    assert main(["query", "actor-events", "--store", str(fixture_store_path), "--format", "csv", "--param", "actor=Witkoff"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("actor,story,storyLabel,name,role,event,label") and len(lines) == 3


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["build"], ["export", "--store", "x"], ["query", "actors", "--store", "x", "--format", "xml"], ["frobnicate"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2, argv
    capsys.readouterr()


@pytest.mark.parametrize("command", ["build", "query", "export", "remove", "serve", "report", "stories"])
def test_every_command_has_help_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "Example:" in out and f"newsgraph {command}" in out and "Exit status" in out


def test_installed_entry_point_runs(fixture_store_path: Path) -> None:
    exe = Path(sys.executable).with_name("newsgraph")
    proc = subprocess.run([str(exe), "query", "actors", "--store", str(fixture_store_path), "--format", "csv"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "story,storyLabel,actor,label,type,kind,importance,mentions,outletCount"
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "query", "nope", "--store", str(fixture_store_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
