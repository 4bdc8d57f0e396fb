"""The blind-spot digest (newsgraph blindspots): on the fixture story in every format, and on the seeds
(the acceptance: one screen, the two blind spots that matter named)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import blindspots
from newsgraph.cli import main
from newsgraph.errors import QueryError
from newsgraph.store import Store

from .test_seeds import seeds_store  # noqa: F401  (the seeds built once for this module too)


def test_fixture_digest(fixture_store: Store) -> None:
    [story] = blindspots.digest(fixture_store, top=5)
    assert story.story == "paris-meeting" and story.articles == 2
    by_outlet = {o.outlet: o for o in story.outlets}
    planet, globe = by_outlet["Daily Planet"], by_outlet["The Globe & Mail <Intl>"]
    assert [(i.sentence, i.articles, i.how) for i in planet.events] == [
        ("Macron declined comment", "a1", "stated as fact"),
        ("Steve Witkoff left the meeting", "a1", "stated as fact"),
    ]
    assert [(i.sentence, i.how) for i in globe.events] == [("Lavrov called Rubio", "per an aide")]
    assert globe.actors == ("Lavrov", "Rubio")  # not the generic "analyst"
    assert [(c.sentence, c.fact_outlet, c.how) for c in story.contested] == [
        ("Macron greeted Steve Witkoff", "Daily Planet", "unattributed (\"reportedly\"), hedged")]


@pytest.mark.parametrize(("row", "expected"), [
    ({"attribution": "author", "polarity": "positive", "certainty": "certain"}, "stated as fact"),
    ({"attribution": "named-source", "source": "Sergey Lavrov", "polarity": "positive", "certainty": "certain"}, "per Sergey Lavrov"),
    ({"attribution": "unnamed-source", "source": "sources close to the meeting", "polarity": "negative", "certainty": "hedged"},
     "per sources close to the meeting, denied, hedged"),
    ({"attribution": "author", "polarity": "positive", "certainty": "future"}, "as future"),
])
def test_how_says_only_what_differs_from_the_plain_case(row: dict[str, str], expected: str) -> None:
    assert blindspots.how(row) == expected


@pytest.mark.parametrize(("words", "row", "expected"), [
    ({"predicate": "leave", "mention": "left", "object": "the meeting", "agents": "Steve Witkoff"},
     {"label": "leave meeting"}, "Steve Witkoff left the meeting"),
    ({"predicate": "disclose", "mention": "disclose", "object": "details", "agents": "Emmanuel Macron"},
     {"label": "disclose detail", "polarity": "negative"}, "Emmanuel Macron did not disclose details"),
    ({"predicate": "cite", "mention": "citing", "object": "concerns", "agents": "NATO"},
     {"label": "cite concern"}, "NATO cites concerns"),
    ({"predicate": "speak", "mention": "spoke", "agents": "Emmanuel Macron"},
     {"label": "speak with Zelenskyy"}, "Emmanuel Macron spoke with Zelenskyy"),
    ({"predicate": "work", "mention": "working", "object": "with Europeans", "agents": "Americans"},
     {"label": "work with Europeans"}, "Americans work with Europeans"),
    ({"predicate": "push", "mention": "pushing", "object": "peace", "agents": "Emmanuel Macron;Marco Rubio"},
     {"label": "push peace"}, "Emmanuel Macron and Marco Rubio push peace"),
    ({"predicate": "convene", "mention": "convened", "patients": "Marco Rubio;Emmanuel Macron;Steve Witkoff", "agents": "NATO"},
     {"label": "convene Emmanuel Macron"}, "NATO convened Emmanuel Macron, Marco Rubio and Steve Witkoff"),
    ({"predicate": "depart", "mention": "departure", "nominal": True, "agents": "Steve Witkoff"},
     {"label": "depart"}, "Steve Witkoff: departure"),
    # a noun naming the event: its owner just before it, what it is about after
    ({"predicate": "refuse", "mention": "refusal", "nominal": True, "agents": "Volodymyr Zelenskyy"},
     {"label": "refuse", "mention": "refusal", "evidence": "Witkoff's departure followed heated debates over "
      "Zelenskiy's refusal to engage in direct negotiations with Russian President Vladimir Putin."},
     "Volodymyr Zelenskyy: “…over Zelenskiy's refusal to engage in direct negotiations with…”"),
    # a described patient goes by its lemma: the object as written reads better, a pronoun does not
    ({"predicate": "commit", "mention": "commit", "object": "troops", "patients": "troop"},
     {"label": "commit troop", "polarity": "negative"}, "Did not commit troops"),
    ({"predicate": "vote", "mention": "votes", "object": "who", "patients": "citizen", "agents": "Turkmenistan"},
     {"label": "vote citizen"}, "Turkmenistan votes citizen"),
    # a participle that is no past tense takes the article's "have" (ECB+ 10_6ecb: "the Angels have withdrawn
    # their offer"), as the article writes it, else as it agrees with the doers; a finite "-en" verb is no participle
    ({"predicate": "withdraw", "mention": "withdrawn", "object": "their offer", "agents": "Los Angeles Angels"},
     {"label": "withdraw offer", "evidence": "Team spokesman Tim Mead confirmed Sunday the Angels have withdrawn "
      "their offer."}, "Los Angeles Angels have withdrawn their offer"),
    ({"predicate": "withdraw", "mention": "withdrawn", "object": "their offer", "agents": "Los Angeles Angels"},
     {"label": "withdraw offer", "evidence": "The Angels had already withdrawn their offer."},
     "Los Angeles Angels had withdrawn their offer"),
    ({"predicate": "withdraw", "mention": "withdrawn", "object": "their offer", "agents": "Los Angeles Angels"},
     {"label": "withdraw offer"}, "Los Angeles Angels has withdrawn their offer"),
    # no "have" of the doers' own: "to have", a passive's, or the participle twice
    ({"predicate": "withdraw", "mention": "withdrawn", "object": "the offer", "agents": "Tim Mead"},
     {"label": "withdraw offer", "evidence": "Mead is said to have withdrawn the offer."},
     "Tim Mead has withdrawn the offer"),
    ({"predicate": "withdraw", "mention": "withdrawn", "object": "offer", "agents": "Angels;Red Sox"},
     {"label": "withdraw offer", "evidence": "The offer has been withdrawn by the Angels and the Red Sox."},
     "Angels and Red Sox have withdrawn offer"),
    ({"predicate": "withdraw", "mention": "withdrawn", "object": "his offer", "agents": "Arte Moreno"},
     {"label": "withdraw offer", "evidence": "The Yankees had withdrawn theirs; Moreno has withdrawn his now."},
     "Arte Moreno has withdrawn his offer"),
    ({"predicate": "withdraw", "mention": "withdrawn", "object": "their offer", "agents": "Angels;Red Sox"},
     {"label": "withdraw offer"}, "Angels and Red Sox have withdrawn their offer"),
    ({"predicate": "warn", "mention": "threaten", "object": "strikes", "agents": "Ukrainian officials"},
     {"label": "warn strike"}, "Ukrainian officials threaten strikes"),
    ({"predicate": "know", "mention": "known", "object": "as Niyazov"},
     {"label": "know"}, "Known as Niyazov"),
    # no agent and no object: the words around the mention, quoted
    ({"predicate": "consider", "mention": "considered"},
     {"label": "consider", "mention": "considered",
      "evidence": "Gates said he expected military action against pirate bases to be considered."},
     "“…against pirate bases to be considered.”"),
])
def test_sentences(words: dict[str, object], row: dict[str, str], expected: str) -> None:
    assert blindspots.sentence(words, row) == expected


def test_formats(fixture_store: Store) -> None:
    stories = blindspots.digest(fixture_store)
    text = blindspots.render(stories, "text", width=60)
    assert all(len(line) <= 60 for line in text.splitlines())
    assert "Only Daily Planet reports:\n  • Macron declined comment — a1, stated as fact" in text
    md = blindspots.render(stories, "markdown")
    assert "### Only The Globe & Mail \\<Intl\\> reports" in md
    assert "- **Lavrov called Rubio** — b1, per an aide" in md
    doc = json.loads(blindspots.render(stories, "json"))
    [story] = doc["stories"]
    assert story["outlets"][1]["events"][0]["sentence"] == "Lavrov called Rubio"
    assert story["outlets"][1]["events"][0]["evidence"] == "\"Lavrov called Rubio by phone,\" an aide said."


def test_unknown_story_is_one_clear_line(fixture_store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["blindspots", "--store", str(fixture_store_path), "--story", "nope"]) == 2  # a usage error
    err = capsys.readouterr().err
    assert err == "newsgraph: error: no story 'nope' in the store. Stories: paris-meeting\n"
    with Store.memory() as empty, pytest.raises(QueryError, match="none: build some articles first"):
        blindspots.digest(empty, "x")


@pytest.mark.model
def test_seeds_digest_fits_one_screen_and_names_the_two_blind_spots(
        seeds_store: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    capsys.readouterr()
    assert main(["blindspots", "--store", str(seeds_store)]) == 0
    out = capsys.readouterr().out
    lines = out.rstrip("\n").splitlines()
    assert len(lines) <= 40 and max(map(len, lines)) <= 100, out
    assert "Steve Witkoff left the meeting — 000, stated as fact" in out
    assert "Sergey Lavrov called Marco Rubio — 003, per " in out
    for fmt in ("markdown", "json"):
        assert main(["blindspots", "--store", str(seeds_store), "--format", fmt]) == 0
        assert "Sergey Lavrov called Marco Rubio" in capsys.readouterr().out


@pytest.mark.model
def test_seeds_defaults_answer_the_question(seeds_store: Path) -> None:  # noqa: F811
    """Acceptance 1: named actors only, most important first; the two blind spots in the first ten events."""
    from newsgraph import query

    with Store.open(seeds_store) as store:
        actors = query.run(store, query.resolve("single-source-actors")).rows
        events = query.run(store, query.resolve("single-source-events")).rows
        every = query.run(store, query.resolve("single-source-actors"), {"kind": "all"}).rows
    assert actors and {r["kind"] for r in actors} == {"named"}
    generic = {r["label"] for r in every if r["kind"] == "generic"}
    assert {"analyst", "critic", "source"} <= generic and not generic & {r["label"] for r in actors}
    top = [(r["label"], r["articles"]) for r in events[:10]]
    assert ("leave meeting", "000") in top and ("call Marco Rubio", "003") in top, top
