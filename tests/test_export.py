"""export(): the public API, its errors, byte-identical repeats, and hostile labels in every format."""

from __future__ import annotations

import csv
import tomllib
import xml.etree.ElementTree as ET
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest

from newsgraph import export as ex
from newsgraph.cli import main
from newsgraph.errors import NewsgraphError, ExportError
from newsgraph.export import coverage
from newsgraph.store import Store

from .conftest import ROOT
from .test_export_support import ARABIC, BELL, ZOE, assert_valid_gexf, filled_store, hostile_store

FILES = {
    "gexf": "g.gexf",
    "graphml": "g.graphml",
    "csv": "csv",
    "trig": "g.trig",
    "nquads": "g.nq",
    "turtle": "g.ttl",
    "jsonld": "g.jsonld",
}


def export_all(store: Store, folder: Path) -> dict[str, bytes]:
    """Every format and network into ``folder``; the bytes of each file by its relative path."""
    for network in ex.NETWORKS:
        for fmt in ex.FORMATS:
            written = ex.export(store, fmt, folder / network / FILES[fmt], network=network)
            assert written and all(p.is_file() for p in written)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_public_names() -> None:
    assert ex.FORMATS == ("gexf", "graphml", "csv", "trig", "nquads", "turtle", "jsonld")
    assert ex.NETWORKS == ("actors", "events")
    assert ex.__all__ == sorted(ex.__all__)
    assert all(hasattr(ex, name) for name in ex.__all__)


def test_export_returns_the_files_written(fixture_store: Store, tmp_path: Path) -> None:
    assert ex.export(fixture_store, "gexf", tmp_path / "new" / "a.gexf") == [tmp_path / "new" / "a.gexf"]
    assert ex.export(fixture_store, "csv", tmp_path / "tables") == [
        tmp_path / "tables" / "nodes.csv",
        tmp_path / "tables" / "edges.csv",
    ]
    assert ex.export(fixture_store, "nquads", str(tmp_path / "g.nq"), network="events") == [tmp_path / "g.nq"]


@pytest.mark.parametrize(
    ("fmt", "network", "message"),
    [
        (
            "gexg",
            "actors",
            "Unknown export format 'gexg'. Available: gexf, graphml, csv, trig, nquads, turtle, jsonld",
        ),
        ("GEXF", "actors", "Unknown export format 'GEXF'. Available: gexf, graphml"),
        ("gexf", "actor", "Unknown network 'actor'. Available: actors, events"),
        ("trig", "people", "Unknown network 'people'. Available: actors, events"),
    ],
)
def test_unknown_format_or_network_is_a_clear_error(
    fixture_store: Store, tmp_path: Path, fmt: str, network: str, message: str
) -> None:
    with pytest.raises(ExportError, match=message) as raised:
        ex.export(fixture_store, fmt, tmp_path / "out", network=network)
    assert isinstance(raised.value, NewsgraphError) and isinstance(raised.value, ValueError)
    assert not (tmp_path / "out").exists()
    with pytest.raises(ExportError, match="Unknown RDF format 'gexf'"):
        ex.generate_rdf(fixture_store.quads(), "gexf")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ex.FORMATS)
@pytest.mark.parametrize("where, says", [
    ("under-a-file", ("File exists", "Not a directory")),  # a file where a parent folder goes (the OS's words)
    ("a-folder", ("Is a directory", "File exists")),  # a folder where the file goes (csv: a file where its folder goes)
], ids=["under-a-file", "a-folder"])
def test_an_output_that_cannot_be_written_is_one_line_naming_it(
    fixture_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, where: str,
    says: tuple[str, ...],
) -> None:
    (tmp_path / "file").write_text("")
    (tmp_path / "folder").mkdir()
    target = tmp_path / "file" / "out" if where == "under-a-file" else tmp_path / ("file" if fmt == "csv" else "folder")
    with Store.open(fixture_store_path) as store, pytest.raises(ExportError) as raised:
        ex.export(store, fmt, target)
    assert str(raised.value).startswith(f"{target}") and "\n" not in str(raised.value)
    assert any(words in str(raised.value) for words in says)
    assert main(["export", "--store", str(fixture_store_path), "--format", fmt, "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsgraph: error: {target}: cannot write the export") and err.count("\n") == 1


def test_a_report_that_cannot_be_written_is_one_line_naming_it(
    fixture_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--store", str(fixture_store_path), "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"newsgraph: error: {tmp_path}: cannot write the report (Is a directory)\n"


def test_data_an_export_format_cannot_hold_is_an_export_error() -> None:
    G: nx.Graph[str] = nx.Graph()
    G.add_node("a", label="a", score=float("nan"))
    with pytest.raises(ExportError, match=r"cannot export the number nan"):
        list(ex.generate_gexf(G))
    G.add_node("b", label="b", score="high")
    with pytest.raises(ExportError, match=r"attribute 'score' has values of two types: float and str"):
        ex.generate_csv(G)


def test_same_content_gives_the_same_bytes(fixture_store_path: Path, tmp_path: Path) -> None:
    """Two stores filled independently, in opposite orders, one in memory and one on disk."""
    first = export_all(filled_store(), tmp_path / "first")
    second = export_all(filled_store(reverse=True), tmp_path / "second")
    with Store.open(fixture_store_path) as on_disk:
        third = export_all(on_disk, tmp_path / "third")
    assert len(first) == 2 * (len(ex.FORMATS) + 1)
    assert first == second == third
    assert export_all(hostile_store(), tmp_path / "h1") == export_all(hostile_store(), tmp_path / "h2")


def test_hostile_labels_give_valid_files_in_every_format(tmp_path: Path) -> None:
    store = hostile_store()
    files = export_all(store, tmp_path)
    expected = {ZOE[1], ARABIC[1], BELL[1]}
    for network in ex.NETWORKS:
        folder = tmp_path / network
        gexf_labels = {d["label"] for _, d in nx.read_gexf(folder / "g.gexf", version="1.3").nodes(data=True)}
        graphml_labels = {d["label"] for _, d in nx.read_graphml(folder / "g.graphml").nodes(data=True)}
        with (folder / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as fh:
            csv_labels = {row["Label"] for row in csv.DictReader(fh)}
        assert expected <= gexf_labels
        assert gexf_labels == graphml_labels == csv_labels
        for name in ("g.gexf", "g.graphml"):
            ET.parse(folder / name)  # well-formed XML 1.0
            assert not any(
                ch in files[f"{network}/{name}"].decode("utf-8") for ch in "\x00\x07\x0b\x1f\ufffe"
            )
    events = nx.read_gexf(tmp_path / "events" / "g.gexf", version="1.3")
    assert {d["label"] for _, d in events.nodes(data=True) if d["kind"] == "event"} == {
        'meet "\u0645\u0631\u062d\u0628\u0627" <&>',
        "agree \U0001f642",
        "speak now",
    }
    articles = {d["label"] for _, d in events.nodes(data=True) if d["kind"] == "article"}
    assert articles == {
        'n1 \u2014 Le "Monde" <&> \U0001f600',
        "n 2/\u00e9 \u2014 \u05e9\u05dc\u05d5\u05dd News \u200f",
    }
    assert_valid_gexf([tmp_path / "actors" / "g.gexf", tmp_path / "events" / "g.gexf"])  # last: it may skip


def test_clean_keeps_text_and_drops_what_xml_forbids() -> None:
    assert coverage.clean('  a\x00b\x07c\x0b\x1f d\ufffe\n"<&>" \U0001f642 \u05e9\u05dc\u05d5\u05dd ') == (
        'a b c d "<&>" \U0001f642 \u05e9\u05dc\u05d5\u05dd'
    )
    assert coverage.clean(None) == ""


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2025-09-04", "2025-09-04"),
        ("2025-09-04T10:00:00Z", "2025-09-04"),
        ("2025-09-04+02:00", "2025-09-04"),
        ("2025-02-30", ""),
        ("September 4, 2025", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_only_real_dates_reach_the_timeline(value: str | None, date: str) -> None:
    assert coverage.iso_date(value) == date


def test_empty_store_exports_empty_networks(tmp_path: Path) -> None:
    store = Store.memory()
    export_all(store, tmp_path)
    assert nx.read_gexf(tmp_path / "events" / "g.gexf", version="1.3").number_of_nodes() == 0
    assert (tmp_path / "actors" / "csv" / "nodes.csv").read_bytes() == b"Id,Label\r\n"
    assert_valid_gexf([tmp_path / "actors" / "g.gexf", tmp_path / "events" / "g.gexf"])


def test_the_export_queries_ship_with_the_package() -> None:
    """The .rq files beside export/ must be package data, or an installed (non-editable) newsgraph breaks."""
    queries = sorted(p.name for p in resources.files("newsgraph.export").iterdir() if p.name.endswith(".rq"))
    assert queries == ["articles.rq", "coverage.rq", "denotations.rq", "nodes.rq", "participants.rq", "sentences.rq"]
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    patterns = [f"newsgraph/{p}" for p in package_data.get("newsgraph", [])]
    patterns += [f"newsgraph/export/{p}" for p in package_data.get("newsgraph.export", [])]
    missing = [q for q in queries if not any(fnmatch(f"newsgraph/export/{q}", p) for p in patterns)]
    assert not missing, (
        f"add 'export/*.rq' to [tool.setuptools.package-data] newsgraph in pyproject.toml: {missing}"
    )
