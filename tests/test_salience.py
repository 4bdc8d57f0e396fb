"""Kinds and importance (salience.py) on hand-built records: what the default answers keep and leave out."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph import salience
from newsgraph.model import Actor, ActorMention, Article, Event, EventMention, Extraction, LocalEntity, Resolution, Sentence

from . import fixture_graph


@pytest.mark.parametrize(("predicate", "label", "light"), [
    ("aim", "aim", True),  # catenative: its content is its complement
    ("include", "include", True),  # relational
    ("continue", "continue talk", True),  # aspectual, whatever its object
    ("make", "make", True),  # light verb with no object
    ("go", "go", True),
    ("make", "make decision", False),  # light verb construction: the noun says what happens
    ("put", "put pressure", False),
    ("leave", "leave", False),
    ("call", "call Rubio", False),
])
def test_light_predicates(predicate: str, label: str, light: bool) -> None:
    assert salience.is_light(predicate, label) is light


TEXT = "Analysts doubt it. Ukrainian officials agreed. The U.S. envoy left. Critics from Kyiv and Ukrainian critics spoke."


def _story(*mentions: tuple[str, str, int]) -> tuple[Resolution, dict[str, Extraction]]:
    """One article, one actor per (phrase, mention kind, occurrence)."""
    ends = [i + 1 for i, ch in enumerate(TEXT) if ch == "."]
    sentences = tuple(Sentence(s, e) for s, e in zip([0] + [e + 1 for e in ends[:-1]], ends))
    records, actors = [], []
    for i, (phrase, kind, nth) in enumerate(mentions):
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(phrase, start + 1)
        sent = next(j for j, s in enumerate(sentences) if s.start <= start < s.end)
        records.append(ActorMention(start, start + len(phrase), phrase, kind, "", sent, phrase.split()[-1].lower(), i, "x"))  # type: ignore[arg-type]
        # resolution labels a nominal actor with its head's lemma, in lower case
        label = phrase if kind == "NAME" else phrase.split()[-1].lower()
        actors.append(Actor(f"a{i}", "s", label, "PERSON", (), (("d", i),)))
    ex = Extraction(Article("d", TEXT, "d.txt"), sentences, tuple(LocalEntity(i, m.text, "PERSON", ()) for i, m in enumerate(records)),
                    tuple(records), ())
    return Resolution("s", tuple(actors), ()), {"d": ex}


@pytest.mark.parametrize(("phrase", "kind", "nth", "expected"), [
    ("Analysts", "NOMINAL", 0, "generic"),  # capitalised only because it starts its sentence
    ("critics", "NOMINAL", 0, "generic"),
    ("Ukrainian officials", "NOMINAL", 0, "described"),  # a demonym narrows it down
    ("The U.S. envoy", "NOMINAL", 0, "described"),
    ("Critics from Kyiv", "NOMINAL", 0, "described"),
    ("Kyiv", "NAME", 0, "named"),
])
def test_actor_kinds(phrase: str, kind: str, nth: int, expected: str) -> None:
    resolution, extractions = _story((phrase, kind, nth))
    actors, _ = salience.score(resolution, extractions)
    assert actors["a0"].kind == expected


def test_named_outweighs_described_outweighs_generic_at_equal_position() -> None:
    resolution, extractions = _story(("Critics from Kyiv", "NOMINAL", 0), ("critics", "NOMINAL", 0), ("Kyiv", "NAME", 0))
    actors, _ = salience.score(resolution, extractions)
    assert actors["a2"].importance > actors["a0"].importance > actors["a1"].importance


def test_fixture_kinds_and_importance() -> None:
    actors, events = salience.score(fixture_graph.resolution(), fixture_graph.extractions())
    assert {k: s.kind for k, s in actors.items()} == {
        "analyst": "generic", "lavrov": "named", "macron": "named", "rubio": "named", "steve-witkoff": "named"}
    assert {k: s.kind for k, s in events.items()} == {
        "call-rubio": "named", "decline-comment": "named", "leave-meeting": "named", "make": "light", "welcome-witkoff": "named"}
    # Lavrov's call: two named participants and an unnamed source outweigh Witkoff leaving in the lede
    assert events["call-rubio"].importance > events["leave-meeting"].importance > events["make"].importance


def test_the_headline_raises_an_actor() -> None:
    resolution, extractions = fixture_graph.resolution(), fixture_graph.extractions()
    before, _ = salience.score(resolution, extractions)
    a1 = extractions["a1"]
    titled = {**extractions, "a1": dataclasses.replace(a1, article=dataclasses.replace(a1.article, title="Macron walks out"))}
    after, _ = salience.score(resolution, titled)
    assert after["macron"].importance == before["macron"].importance + 3 * salience.HEADLINE_WEIGHT
    assert after["steve-witkoff"] == before["steve-witkoff"]


@pytest.mark.parametrize(("label", "patients", "obj", "light"), [
    ("say", (), "", True),  # "Shaikin says the team believed ...": the belief is listed, per Shaikin
    ("accuse Witkoff", ("witkoff",), "Witkoff", False),  # an act aimed at someone is news of its own
    ("tell reporter", ("reporter",), "reporters", True),  # "Shaikin told reporters the team believed ...": whom
    ("say in statement", (), "", True),  # ... and the words it is said in add nothing
    ("dismiss claim", (), "the claim", False),  # "dismissed the claim": what it is said of is news
])
def test_a_bare_speech_act_whose_content_is_listed_is_light(label: str, patients: tuple[str, ...], obj: str,
                                                             light: bool) -> None:
    text = "Shaikin says the team believed it. Witkoff met reporters."  # the second sentence: the patients
    said = EventMention(8, 12, "says", label.split()[0], label, 0, False, (0,), object=obj)
    believed = EventMention(22, 30, "believed", "believe", "believe", 0, False, attribution="named-source",
                            source=0, cue=said.text, cue_start=said.start)
    mentions = (ActorMention(0, 7, "Shaikin", "NAME", "PERSON", 0, "shaikin", 0, "new"),
                ActorMention(35, 42, "Witkoff", "NAME", "PERSON", 1, "witkoff", 1, "new"),
                ActorMention(47, 56, "reporters", "NOMINAL", "", 1, "reporter", 2, "new"))
    assert [text[m.start:m.end] for m in mentions] == ["Shaikin", "Witkoff", "reporters"]
    entities = (LocalEntity(0, "Shaikin", "PERSON", ("Shaikin",)), LocalEntity(1, "Steve Witkoff", "PERSON", ("Witkoff",)),
                LocalEntity(2, "reporter", "PERSON", ()))
    ex = Extraction(Article("d", text, "d.txt"), (Sentence(0, 34), Sentence(35, len(text))), entities, mentions,
                    (said, believed))
    events = (Event("say", "s", label, label.split()[0], ("shaikin",), patients, (), (("d", 0),)),
              Event("believe", "s", "believe", "believe", (), (), (), (("d", 1),)))
    actors = (Actor("shaikin", "s", "Shaikin", "PERSON", (), (("d", 0),)),
              Actor("witkoff", "s", "Steve Witkoff", "PERSON", (), (("d", 1),)),  # named: his mention is a name
              Actor("reporter", "s", "reporter", "PERSON", (), (("d", 2),)))  # generic: a bare common noun
    _, kinds = salience.score(Resolution("s", actors, events), {"d": ex})
    assert (kinds["say"].kind == "light") is light
    assert kinds["believe"].kind == "attributed"
