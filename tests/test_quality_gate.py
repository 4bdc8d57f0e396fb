"""The quality gate: newsgraph's own scores on a few ECB+ development topics must not drop.

Floors sit a little under the figures measured when they were pinned (see docs/quality.md). Raising a
floor after an improvement is welcome; lowering one is a deliberate step, with the reason in the commit.
Reads ../shared/datasets/ecbplus (CC BY 3.0): skipped, with the reason, where that folder is absent.
"""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT, SHARED, shared

pytestmark = pytest.mark.model

DEV_TOPICS = [1, 3, 4, 6, 7]
# (kind, figure) -> floor; measured 2026-12-04 (mention P / R, CoNLL, single-source P / R), after issue 12's
# second round: actors 0.64 / 0.81 / 0.88 / 0.83 / 0.81, events 0.79 / 0.77 / 0.80 / 0.71 / 0.74. Raised with issue 12's gains; two lowered on purpose: WordNet's event nouns ("gathering",
# "talks", "bombing") found 9 points more event mentions on the dev topics at 7 points of mention precision,
# and single-source recall of events fell from 0.83 with them (fewer, larger events: fewer false claims); again
# 0.78 -> 0.757 when only participants with a name (or a capitalised description) clash: a described agent
# ("the inmate") no longer splits a happening from its named report (events CoNLL 0.77 -> 0.79 here), and to
# 0.740 when objects clash within one article only ("stole weapons" / "stole guns" of two outlets are one).
# 2026-12-07 (issue 12's third round: same-participants, predicative-noun, the speech-tie fix): events
# 0.79 / 0.76 / 0.803 / 0.729 / 0.756; the events' CoNLL and single-source precision floors raised.
# Actors raised by issue 12's actor round (place-qualified, coordinated-names, capitalised-description, home-team,
# spelling-variant, synonym-description, clipped-name, feature-name): mention P 0.636 -> 0.640, single-source P
# 0.816 -> 0.851 on these topics (2026-12-07). Issue 12's fourth round (the learned merge steps, trained on the
# dev topics, these five among them): actors 0.640 / 0.804 / 0.893 / 0.870 / 0.812, events 0.789 / 0.762 /
# 0.820 / 0.754 / 0.744; actors' CoNLL and single-source precision, events' CoNLL and single-source precision
# raised (2026-12-07). Issue 12's sixth round (same-age) lowered actors' single-source precision on purpose:
# "The American Pie actress" and "the actress" of topic 1 now join Tara Reid (one outlet's "actress" is "Tara
# Reid, 33"), right, and "the notorious party girl", which the learned step had joined to the described
# actress, stays apart from the name: 0.870 -> 0.851 here, CoNLL 0.893 -> 0.895, and on all dev topics 106 ->
# 104 false actor claims. Issue 12's ninth round (names in headlines, nicknames, qualified names): actors
# 0.639 / 0.820 / 0.891 / 0.840 / 0.820, events 0.789 / 0.762 / 0.820 / 0.763 / 0.744; the actors' mention
# recall floor raised (0.78 -> 0.81). 2026-12-08: the default answers' claims (named actors; named and
# attributed events: benchmarks/ecbplus.py's "default answer" row), single-source precision actors 0.903,
# events 0.693 here, pinned so that a change that makes what a user sees first less true fails the gate.
FLOORS = {
    ("actors", "mention precision"): 0.63,
    ("actors", "mention recall"): 0.81,
    ("actors", "conll"): 0.88,
    ("actors", "single-source precision"): 0.84,
    ("actors", "single-source recall"): 0.78,
    ("events", "mention precision"): 0.76,
    ("events", "mention recall"): 0.74,
    ("events", "conll"): 0.81,
    ("events", "single-source precision"): 0.74,
    ("events", "single-source recall"): 0.72,
    ("actors", "default answer single-source precision"): 0.88,
    ("events", "default answer single-source precision"): 0.67,
}


@pytest.fixture(scope="module")
def scores() -> dict[tuple[str, str], float]:
    shared(SHARED / "datasets" / "ecbplus")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import ecbplus

    results = ecbplus.run(DEV_TOPICS)
    out = {}
    for kind, row in results.items():
        mine = row["newsgraph"]
        out[(kind, "mention precision")] = row["precision"]
        out[(kind, "mention recall")] = row["recall"]
        out[(kind, "conll")] = mine["coref"]["conll"]
        out[(kind, "single-source precision")] = mine["single"]["precision"]
        out[(kind, "single-source recall")] = mine["single"]["recall"]
        out[(kind, "default answer single-source precision")] = row["default answer"]["single"]["precision"]
        out[(kind, "best baseline conll")] = max(row[b]["coref"]["conll"] for b in ("exact text", "head lemma"))
    return out


@pytest.mark.parametrize(("kind", "figure"), sorted(FLOORS))
def test_score_stays_above_its_floor(scores: dict[tuple[str, str], float], kind: str, figure: str) -> None:
    assert scores[(kind, figure)] >= FLOORS[(kind, figure)], f"{kind} {figure} fell to {scores[(kind, figure)]:.3f}"


def test_newsgraph_beats_both_baselines_on_its_own_mentions(scores: dict[tuple[str, str], float]) -> None:
    for kind in ("actors", "events"):
        assert scores[(kind, "conll")] > scores[(kind, "best baseline conll")], kind


# --- stories (--stories auto) on the same topics' whole articles --------------------------------------------
# Measured 2026-12-07 with the Louvain cut (docs/stories.md): subtopic B3 F1 0.973, topic level (the stories'
# topics) 0.905, and 7 of the 10 subtopics grouped on their own come out as one story (6 before the cut).
STORY_FLOORS = {"subtopic f1": 0.95, "topic f1": 0.88, "events alone as one story": 7}


@pytest.fixture(scope="module")
def story_scores() -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    shared(SHARED / "datasets" / "ecbplus")
    from corpus import docs
    from stories import b_cubed

    from newsgraph.extract import extract_articles, load
    from newsgraph.model import Article, Extraction, StoryFeatures
    from newsgraph.stories import features, group

    chosen = [d for d in docs() if int(d["topic"]) in DEV_TOPICS]
    arts = [Article(id=d["doc_id"], text=d["text"], source=d["doc_id"]) for d in chosen]
    records = [features(ex) for ex in extract_articles(load(), arts) if isinstance(ex, Extraction)]
    sub = {d["doc_id"]: f"{d['topic']}_{d['subtopic']}" for d in chosen}
    topic = {d["doc_id"]: d["topic"] for d in chosen}
    stories = group(records)
    events: dict[str, list[StoryFeatures]] = {}
    for r in records:
        events.setdefault(sub[r.id], []).append(r)
    return {
        "subtopic f1": b_cubed(sub, {a: s.slug for s in stories for a in s.articles})[2],
        "topic f1": b_cubed(topic, {a: s.topic for s in stories for a in s.articles})[2],
        "events alone as one story": sum(len(group(members)) == 1 for members in events.values()),
    }


@pytest.mark.parametrize("figure", sorted(STORY_FLOORS))
def test_story_grouping_stays_above_its_floor(story_scores: dict[str, float], figure: str) -> None:
    assert story_scores[figure] >= STORY_FLOORS[figure], f"stories: {figure} fell to {story_scores[figure]:.3f}"
