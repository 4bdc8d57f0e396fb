"""Read-only access: a store the user cannot write is queried, exported, reported and served; readers run
beside a server and beside each other; build and remove stay exclusive and say why they cannot run.

Root ignores file permissions, so under root (CI) every reader runs with the capabilities that let root
write anyway dropped (``setpriv``, util-linux): each test first proves that a write really fails there.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.render import render
from newsgraph.store import Store

from .conftest import SEEDS, fill

#: Drops what lets root write files it may not (and change their permissions back).
_AS_USER = ["--bounding-set", "-dac_override,-dac_read_search,-fowner,-linux_immutable"]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _prefix() -> list[str]:
    """The command prefix that makes a process obey file permissions (empty for a non-root user)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.fail("running as root without setpriv (util-linux): cannot test read-only access honestly")
    return [setpriv, *_AS_USER, "--"]


def newsgraph(*args: str, reader: bool = True) -> subprocess.CompletedProcess[str]:
    command = [*(_prefix() if reader else []), sys.executable, "-m", "newsgraph", *args]
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=120)


def fingerprint(path: Path) -> dict[str, str]:
    """Every file of the store with its content's hash: equal fingerprints, untouched store."""
    return {str(f.relative_to(path)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(path.rglob("*")) if f.is_file()}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "store"
    with Store.open(path, create=True) as s:
        fill(s)
    yield path
    for p in [path, *path.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)  # let pytest clean up


@pytest.fixture
def readonly(store: Path) -> Path:
    """The store with every file and folder made read-only (chmod -R a-w)."""
    for p in [*store.rglob("*"), store]:
        p.chmod(p.stat().st_mode & ~0o222)
    probe = subprocess.run([*_prefix(), "sh", "-c", f"touch '{store}/probe' || exit 0; exit 1"], check=False)
    assert probe.returncode == 0, "a write into the read-only store succeeded: this test would prove nothing"
    return store


@contextmanager
def serving(store: Path, *, reader: bool = True) -> Iterator[str]:
    """A real ``newsgraph serve`` on a free port; yields its base URL."""
    command = [*(_prefix() if reader else []), sys.executable, "-m", "newsgraph", "serve", "--store", str(store),
               "--port", "0", "--workers", "1"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        match = re.search(r"query page: (http://\S+/)\)", line)
        assert match, f"the server did not start: {line}{proc.stderr.read() if proc.poll() is not None else ''}"
        yield match.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def count_over_http(url: str) -> int:
    request = urllib.request.Request(url + "sparql?" + urllib.parse.urlencode({"query": COUNT}),
                                     headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return int(response.read().decode().split()[1])


def _quads(path: Path) -> int:
    with Store.open(path, read_only=True) as s:
        return s.count()


def test_a_read_only_store_is_queried_exported_and_reported(readonly: Path, tmp_path: Path) -> None:
    before = fingerprint(readonly)
    q = newsgraph("query", "single-source-actors", "--store", str(readonly), "--format", "csv")
    assert q.returncode == 0, q.stderr
    with Store.open(readonly, read_only=True) as s:
        expected = render(query.run(s, query.resolve("single-source-actors")), "csv")
    assert q.stdout == expected.replace("\r\n", "\n") and len(expected.splitlines()) > 1
    out = tmp_path / "out"
    out.mkdir()
    e = newsgraph("export", "--store", str(readonly), "--format", "nquads", "-o", str(out / "g.nq"))
    assert e.returncode == 0, e.stderr
    assert len((out / "g.nq").read_text().splitlines()) == _quads(readonly)
    r = newsgraph("report", "--store", str(readonly), "-o", str(out / "report.html"))
    assert r.returncode == 0, r.stderr
    assert (out / "report.html").stat().st_size > 1000
    assert fingerprint(readonly) == before


@pytest.mark.parametrize("command", [["build", str(SEEDS)], ["remove", "a1"]])
def test_a_read_only_store_refuses_writers_in_one_line(readonly: Path, command: list[str]) -> None:
    before = fingerprint(readonly)
    run = newsgraph(*command, "--store", str(readonly))
    assert run.returncode == 1
    assert run.stderr == f"newsgraph: error: {readonly}: cannot write the store: permission denied (a read-only " \
        "folder? query, export, report and serve only read it)\n"
    assert fingerprint(readonly) == before


def test_a_read_only_store_is_served(readonly: Path) -> None:
    with serving(readonly) as url:
        assert count_over_http(url) == _quads(readonly)


def test_readers_run_beside_a_server_and_a_build_fails_leaving_the_store_untouched(store: Path,
                                                                                   tmp_path: Path) -> None:
    before = fingerprint(store)
    with serving(store, reader=False) as url:
        q = newsgraph("query", "--store", str(store), COUNT, "--format", "csv", reader=False)
        assert q.returncode == 0, q.stderr
        r = newsgraph("report", "--store", str(store), "-o", str(tmp_path / "r.html"), reader=False)
        assert r.returncode == 0, r.stderr
        with Store.open(store, read_only=True) as beside:  # and a reader in this process, all at once
            assert int(q.stdout.split()[1]) == beside.count() == count_over_http(url)
            b = newsgraph("build", str(SEEDS), "--store", str(store), reader=False)
        assert b.returncode == 1
        assert b.stderr == f"newsgraph: error: {store}: cannot write the store: it is open for reading " \
            "(newsgraph query, export, report or serve); stop those first\n"
        assert fingerprint(store) == before
    b = newsgraph("remove", "nothing-here", "--store", str(store), reader=False)  # the server gone: it writes
    assert "open for reading" not in b.stderr and b.returncode == 1


def test_a_reader_is_refused_while_a_writer_holds_the_store(store: Path) -> None:
    with Store.open(store) as writer:
        run = newsgraph("query", "--store", str(store), COUNT, reader=False)
        assert run.returncode == 1
        assert run.stderr == f"newsgraph: error: {store}: cannot read the store: a newsgraph build or remove " \
            "is writing it; try again when it ends\n"
        assert writer.count() > 0


def test_serve_names_the_real_cause_of_a_start_up_failure(readonly: Path) -> None:
    with serving(readonly) as url:  # a second server on a read-only store opens it, then finds the port taken
        port = urllib.parse.urlsplit(url).port
        run = newsgraph("serve", "--store", str(readonly), "--port", str(port), "--workers", "1")
    assert run.returncode == 1
    assert run.stderr == f"newsgraph: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
