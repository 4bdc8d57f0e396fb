"""Stories found automatically: the pure grouping on hand-built records, then real builds of the seeds and of
ECB+ articles (the same stories in any order, a bridging article merging two, the CLI listing them)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from newsgraph.build import build, remove
from newsgraph.cli import main
from newsgraph.store import Store
from newsgraph.model import StoryFeatures
from newsgraph.stories import find_dates, group
from newsgraph.storylist import list_stories

from .build_support import assert_same_graphs, snapshot
from .conftest import SEEDS, SHARED, shared


def rec(id: str, *names: str, place: str = "", date: str = "", terms: tuple[str, ...] = (), story: str | None = None) -> StoryFeatures:
    return StoryFeatures(id, f"outlet {id}", story=story, date=date, names=tuple((n, 2) for n in names),
                         places=((place, 2),) if place else (), terms=tuple((t, 2) for t in terms))


PARIS = [rec(f"p{i}", "Witkoff", "Macron", place="Paris", date="2025-09-04", terms=("summit", "envoy", f"x{i}"))
         for i in range(4)]
QUAKE = [rec(f"q{i}", "Reyes", place="Oaxaca", date="2025-09-05", terms=("earthquake", "magnitude", f"y{i}"))
         for i in range(4)]


@pytest.mark.parametrize("text, dates", [
    ("7: 15 a. m. Dec . 7 , 2009", ["2009-12-07"]),
    ("12 January 2010 @ 09: 29 pm", ["2010-01-12"]),
    ("11 / 30 / 09 05: 40 PM ET", ["2009-11-30"]),
    ("Published 2025-09-04T10:00 after September 3rd, 2025", ["2025-09-04", "2025-09-03"]),
    ("February 30, 2010 and May 2010", []),
])
def test_dates_are_read_as_the_text_writes_them(text: str, dates: list[str]) -> None:
    assert find_dates(text) == dates


def test_two_unrelated_stories_are_told_apart_in_any_order() -> None:
    stories = group(PARIS + QUAKE)
    assert sorted(s.articles for s in stories) == [("p0", "p1", "p2", "p3"), ("q0", "q1", "q2", "q3")]
    shuffled = PARIS + QUAKE
    random.Random(7).shuffle(shuffled)
    assert group(shuffled) == stories
    assert [s.label for s in stories] == ["Oaxaca · Reyes · 2025-09-05", "Paris · Macron, Witkoff · 2025-09-04"]  # equals: alphabetical


#: Among the nearest neighbours of both sides: a Paris article that cites p0's and q0's details.
BRIDGE = rec("b", "Witkoff", "Reyes", place="Paris", terms=("summit", "earthquake", "magnitude", "y0", "x0"))


def test_a_slug_stays_while_articles_join_and_a_bridge_merges_two_stories() -> None:
    before = {s.articles[0]: s.slug for s in group(PARIS[:2] + QUAKE)}
    after = {s.articles[0]: s.slug for s in group(PARIS + QUAKE)}
    assert before == after  # the anchor (first id) names the story
    assert [s.articles for s in group(PARIS[:3] + QUAKE[:3] + [BRIDGE])] == [("b", "p0", "p1", "p2", "q0", "q1", "q2")]


def test_one_article_does_not_chain_two_stories_it_is_loosely_linked_to() -> None:
    """Four articles a side: the bridge's links are few beside each story's own, so the linked component is
    cut into its two communities (the bridge goes with one of them) instead of one chained story."""
    assert sorted(s.articles for s in group(PARIS + QUAKE + [BRIDGE])) == [
        ("b", "q0", "q1", "q2", "q3"), ("p0", "p1", "p2", "p3")]


@pytest.mark.parametrize("mode, expected", [
    ("auto", [("g1",), ("p0", "p1", "p2", "p3")]),
    ("field", [("g1",), ("p0", "p1", "p2", "p3")]),
    ("one", [("g1", "p0", "p1", "p2", "p3")]),
])
def test_modes(mode: str, expected: list[tuple[str, ...]]) -> None:
    stories = group(PARIS + [rec("g1", "Witkoff", place="Paris", story="given")], mode)  # type: ignore[arg-type]
    assert sorted(s.articles for s in stories) == expected
    if mode == "field":
        assert sorted(s.slug for s in stories) == ["default", "given"]


def test_a_record_survives_json() -> None:
    r = rec("a", "Witkoff", place="Paris", date="2025-09-04", terms=("summit",), story="s")
    assert StoryFeatures.from_json(json.loads(json.dumps(r.to_json()))) == r


# --- real builds ----------------------------------------------------------------------------------------

ECB = SHARED / "datasets" / "ecbplus" / "normalized_all_sentences.json"
A_IDS = ("4_2ecbplus", "4_4ecbplus", "4_5ecbplus")  # an actress's death
B_IDS = ("3_3ecbplus", "3_5ecbplus", "3_7ecbplus")  # a prisoner's escape


def _ecb(tmp_path: Path) -> tuple[Path, Path, Path]:
    docs = {d["doc_id"]: d for d in json.loads(shared(ECB).read_text(encoding="utf-8"))["docs"]}

    def write(name: str, ids: tuple[str, ...]) -> Path:
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({"id": i, "text": docs[i]["text"], "outlet": docs[i]["source"]}) + "\n"
                                for i in ids), encoding="utf-8")
        return path

    bridge = tmp_path / "bridge.jsonl"  # one article telling both, without a date to keep it apart
    text = re.sub(r"\b(19|20)\d\d\b", "", docs[A_IDS[0]]["text"] + "\n" + docs[B_IDS[0]]["text"])
    bridge.write_text(json.dumps({"id": "bridge", "text": text, "outlet": "roundup.example"}) + "\n", encoding="utf-8")
    return write("a", A_IDS), write("b", B_IDS), bridge


def _stories(store: Store) -> list[tuple[str, ...]]:
    return sorted(tuple(r.articles) for r in list_stories(store))


@pytest.mark.model
def test_the_seeds_form_one_story() -> None:
    with Store.memory() as store:
        build([SEEDS], store)
        (story,) = list_stories(store)
    assert story.articles == ["000", "003"] and "Witkoff" in story.label and "Macron" in story.label


@pytest.mark.model
def test_field_keeps_the_old_rule_and_switching_modes_regroups_the_store() -> None:
    with Store.memory() as store:
        build([SEEDS], store, stories="field")
        assert [(r.story, r.articles) for r in list_stories(store)] == [("default", ["000", "003"])]
        build([SEEDS], store)  # nothing new to parse; grouped again the auto way
        (story,) = list_stories(store)
        assert story.story != "default" and story.articles == ["000", "003"]


@pytest.mark.model
def test_two_ecb_topics_form_two_stories_the_same_in_any_order_and_a_bridge_merges_them(tmp_path: Path) -> None:
    a, b, bridge = _ecb(tmp_path)
    together = Store.memory()
    build([a, b], together)
    assert _stories(together) == [B_IDS, A_IDS]
    want = snapshot(together)
    for first, second in ((a, b), (b, a)):
        with Store.memory() as store:
            build([first], store)
            build([second], store)
            assert_same_graphs(snapshot(store), want)
    build([bridge], together)
    assert _stories(together) == [tuple(sorted(("bridge", *A_IDS, *B_IDS)))]
    remove(together, ["bridge"])
    assert_same_graphs(snapshot(together), want)
    together.close()


@pytest.mark.model
def test_the_cli_lists_stories_as_json_and_refuses_an_unknown_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert main(["build", str(SEEDS), "--store", str(store), "-q"]) == 0
    capsys.readouterr()
    assert main(["stories", "--store", str(store), "--format", "json"]) == 0
    (story,) = json.loads(capsys.readouterr().out)
    assert story["articles"] == ["000", "003"] and story["outlets"] == ["article 000", "article 003"]
    assert story["label"] and story["story"]
    assert main(["query", "actors", "--store", str(store), "--param", f"story={story['story'][:-3]}"]) == 2
    assert f"Close matches: {story['story']}" in capsys.readouterr().err
    assert main(["query", "actors", "--store", str(store), "--param", f"story={story['label']}", "--limit", "1"]) == 0


@pytest.mark.model
def test_a_store_built_before_stories_were_grouped_is_brought_up_to_date() -> None:
    """An article graph of older code (its story in it, no features) is rewritten from its record."""
    from rdflib import Literal, URIRef

    from newsgraph.build import stored_records_of
    from newsgraph.model import Extraction
    from newsgraph.rdf import article_graph, article_quads
    from newsgraph.vocab import NG

    with Store.memory() as store:
        build([SEEDS], store)
        want = snapshot(store)
        (record,) = stored_records_of(store, ["000"])
        ex = Extraction.from_json(json.loads(record))
        graph = article_graph("000")
        (row,) = store.raw_query(f"SELECT ?h WHERE {{ <{graph}> <{NG.contentHash}> ?h }}")
        digest = row["h"].value
        old = [q for q in article_quads(ex, digest) if q[1] != NG.storyFeatures]
        store.replace_graph(graph, [*old, (URIRef(str(graph)), NG.story, Literal("default"), graph)])
        assert build([SEEDS], store).stored == []  # nothing parsed again
        assert_same_graphs(snapshot(store), want)


def test_the_report_and_every_network_export_show_the_story_label(fixture_store: Store, tmp_path: Path) -> None:
    from html import unescape

    from newsgraph.export import export
    from newsgraph.report import generate_report

    (row,) = list_stories(fixture_store)
    assert row.label and row.label != row.story
    html = generate_report(fixture_store)
    assert f"<h2>Story: {row.label}</h2>" in html
    for fmt, name in (("gexf", "a.gexf"), ("graphml", "a.graphml"), ("csv", "csv")):
        written = export(fixture_store, fmt, tmp_path / name)
        texts = [unescape(path.read_text(encoding="utf-8")) for path in written if path.is_file()]  # XML escapes
        assert any(row.label in text for text in texts), fmt


@pytest.mark.parametrize(("published", "text", "date"), [
    ("2025-09-04T10:00:00Z", "Talks in Paris.", "2025-09-04"),
    ("2025-13-45", "Talks in Paris on 12 January 2010.", "2010-01-12"),  # not a date: the text's is taken
    ("2025-02-30", "Talks in Paris.", ""),
])
def test_an_article_date_is_a_real_calendar_date(published: str, text: str, date: str) -> None:
    """A typo in `published` never reaches grouping (it used to stop every later build with a traceback)."""
    from newsgraph.model import Article, Extraction
    from newsgraph.stories import features

    ex = Extraction(Article("a", text, "a.txt", published=published), (), (), (), ())
    assert features(ex).date == date
