"""Topics: related stories (two earthquakes in one region, a year apart) under one topic, the same whatever
the order of the articles; a story alone is its own topic; the topic is in the story graph and listed."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from newsgraph.build import build
from newsgraph.cli import main
from newsgraph.store import Store
from newsgraph.model import Story, StoryFeatures
from newsgraph.stories import group
from newsgraph.storylist import list_stories
from newsgraph.topics import TopicSettings, merge

from .build_support import assert_same_graphs, snapshot
from .conftest import SEEDS
from .test_stories import PARIS, rec

# two earthquakes in Oaxaca, 18 months apart: two stories (the date window), one topic (who, where, what)
QUAKE_2024 = [rec(f"a{i}", "Jara", "Reyes", place="Oaxaca", date="2024-03-01",
                  terms=("earthquake", "magnitude", "juchitan", "churches", f"u{i}")) for i in range(3)]
QUAKE_2025 = [rec(f"b{i}", "Jara", "Cruz", place="Oaxaca", date="2025-09-05",
                  terms=("earthquake", "magnitude", "pinotepa", "hospitals", f"v{i}")) for i in range(3)]


def _topics(stories: list[Story]) -> list[tuple[str, tuple[str, ...]]]:
    """(topic slug, the articles of its stories), sorted."""
    found: dict[str, list[str]] = {}
    for s in stories:
        found.setdefault(s.topic, []).extend(s.articles)
    return sorted((t, tuple(sorted(a))) for t, a in found.items())


def test_related_stories_share_a_topic_named_by_its_first_story_in_any_order() -> None:
    records = PARIS + QUAKE_2024 + QUAKE_2025
    stories = group(records)
    assert sorted(s.articles for s in stories) == [("a0", "a1", "a2"), ("b0", "b1", "b2"), ("p0", "p1", "p2", "p3")]
    slug = {s.articles[0]: s.slug for s in stories}
    assert _topics(stories) == sorted([(slug["a0"], ("a0", "a1", "a2", "b0", "b1", "b2")),
                                       (slug["p0"], ("p0", "p1", "p2", "p3"))])
    (quakes,) = {s.topic_label for s in stories if s.topic == slug["a0"]}
    assert quakes == "Oaxaca · Jara, Reyes"  # its first story's label, without the date: a topic spans dates
    for seed in range(5):
        shuffled = list(records)
        random.Random(seed).shuffle(shuffled)
        assert group(shuffled) == stories


def test_a_new_related_story_joins_the_topic_and_the_topic_keeps_its_slug() -> None:
    before = {s.articles[0]: s.topic for s in group(PARIS + QUAKE_2024)}
    assert before == {"a0": next(s.slug for s in group(QUAKE_2024)), "p0": next(s.slug for s in group(PARIS))}
    after = {s.articles[0]: s.topic for s in group(PARIS + QUAKE_2024 + QUAKE_2025)}
    assert after == {**before, "b0": before["a0"]}


@pytest.mark.parametrize(("threshold", "topics"), [
    (0.05, 2),  # low: the two earthquakes gather, Paris stays apart (nothing in common)
    (0.99, 3),  # high: every story is its own topic
])
def test_the_threshold_decides_what_is_related(threshold: float, topics: int) -> None:
    stories = group(PARIS + QUAKE_2024 + QUAKE_2025, topic=TopicSettings(threshold=threshold))
    assert len(stories) == 3 and len({s.topic for s in stories}) == topics


def test_one_story_or_none_needs_no_comparison() -> None:
    def vectorise(records: Sequence[StoryFeatures]) -> Any:
        raise AssertionError("nothing to compare")

    assert merge([], [], vectorise, TopicSettings()) == []
    assert merge([Story("s", "S", ("p0",))], PARIS[:1], vectorise, TopicSettings()) == [[0]]


# --- real builds ----------------------------------------------------------------------------------------

QUAKES = [
    ("q1", "Oaxaca Daily", "2024-03-01", "A magnitude 6.1 earthquake struck the Mexican state of Oaxaca on Friday, "
     "damaging churches in Juchitan. Governor Salomon Jara said rescue teams searched collapsed houses. The quake "
     "was felt in Mexico City, seismologists said."),
    ("q2", "Reuters", "2024-03-02", "Rescue teams in Oaxaca searched the ruins of houses in Juchitan after a "
     "magnitude 6.1 earthquake on Friday. Governor Salomon Jara said two churches were damaged and the quake shook "
     "Mexico City."),
    ("q3", "AP", "2025-09-05", "A magnitude 7.0 earthquake hit Oaxaca on Thursday, a year after the quake in "
     "Juchitan. Governor Salomon Jara said hospitals in Pinotepa were evacuated and seismologists warned of "
     "aftershocks felt in Mexico City."),
    ("q4", "El Universal", "2025-09-06", "Hospitals in Pinotepa were evacuated after a magnitude 7.0 earthquake "
     "struck Oaxaca on Thursday. Governor Salomon Jara said aftershocks were felt as far as Mexico City, "
     "seismologists reported."),
]


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "outlet": o, "published": p, "text": t}) + "\n"
                            for i, o, p, t in rows), encoding="utf-8")
    return path


@pytest.mark.model
def test_a_later_story_joins_the_topic_in_the_store_as_a_clean_build_would(tmp_path: Path) -> None:
    first, second = _write(tmp_path / "2024.jsonl", QUAKES[:2]), _write(tmp_path / "2025.jsonl", QUAKES[2:])
    with Store.memory() as clean:
        build([first, second], clean)
        rows = list_stories(clean)
        assert sorted(r.articles for r in rows) == [["q1", "q2"], ["q3", "q4"]]
        assert len({(r.topic, r.topic_label) for r in rows}) == 1  # one topic, named by the 2024 story
        assert rows[0].topic == next(r.story for r in rows if r.articles == ["q1", "q2"])
        want = snapshot(clean)
    later = next(r.story for r in rows if r.articles == ["q3", "q4"])
    earlier = next(r.story for r in rows if r.articles == ["q1", "q2"])
    for order, resolved in (((first, second), [later]), ((second, first), [earlier])):
        with Store.memory() as store:
            build([order[0]], store)
            # only the story that arrives is resolved, whichever names the topic: topics are in the
            # topics graph, written again with the grouping, never in a story's resolution
            assert sorted(build([order[1]], store).stories) == resolved
            assert_same_graphs(snapshot(store), want)


@pytest.mark.model
def test_the_seeds_are_one_story_and_their_own_topic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert main(["build", str(SEEDS), "--store", str(store), "-q"]) == 0
    capsys.readouterr()
    assert main(["stories", "--store", str(store), "--format", "json"]) == 0
    (story,) = json.loads(capsys.readouterr().out)
    assert story["topic"] == story["story"] and "Witkoff" in story["topic_label"]
    assert main(["stories", "--store", str(store)]) == 0
    head, row = capsys.readouterr().out.splitlines()[:2]
    assert head.split()[-1] == "topic" and row.split()[-1] == story["story"]
