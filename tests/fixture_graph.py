"""A small hand-built story, as records, for tests that need a graph but not a spaCy model.

Two outlets report one story: both mention Witkoff and Macron, and both report Macron welcoming Witkoff
("greeted" / "welcomed"); only the Daily Planet has Witkoff leaving, only the Globe has Lavrov calling Rubio. The bundled queries' golden results are written against it.
The Globe's last sentence ("Analysts made it.") is what the default answers leave out: a generic actor
(a bare common noun) doing a light predicate ("make" with no object).
The Daily Planet says everything in its own voice; the Globe only "reportedly" has Macron welcome Witkoff
(so that event is contested) and has Lavrov's call in the quoted words of an unnamed aide.
"""

from __future__ import annotations

import dataclasses

from newsgraph.model import (
    Actor,
    ActorMention,
    Article,
    Event,
    EventMention,
    Extraction,
    LocalEntity,
    Quote,
    Resolution,
    Sentence,
)

STORY = "paris-meeting"


def _mention(text: str, phrase: str, local: int, kind: str = "NAME", ner: str = "PERSON", nth: int = 0) -> ActorMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return ActorMention(start, start + len(phrase), phrase, kind, ner, _sentence(text, start), phrase.split()[-1].lower(), local, "name")  # type: ignore[arg-type]


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == ".":
            out.append(Sentence(start, i + 1))
            start = i + 2
    return tuple(out)


def _sentence(text: str, offset: int) -> int:
    return next(i for i, s in enumerate(_sentences(text)) if s.start <= offset < s.end)


def _event(text: str, phrase: str, lemma: str, label: str, agents: tuple[int, ...], patients: tuple[int, ...] = (), obj: str = "") -> EventMention:
    start = text.index(phrase)
    return EventMention(start, start + len(phrase), phrase, lemma, label, _sentence(text, start), False, agents, patients, (), obj, 0, "verb")


A_TEXT = "Steve Witkoff left the meeting in Paris. Macron declined to comment. He said nothing. Macron greeted Witkoff."
B_TEXT = 'Macron reportedly welcomed Witkoff. "Lavrov called Rubio by phone," an aide said. Analysts made it.'


def extractions() -> dict[str, Extraction]:
    a = Article("a1", A_TEXT, "a1.txt", outlet="Daily Planet", story=STORY, published="2025-09-04", url="https://planet.example/a1", title="Envoy walks out")
    b = Article("b1", B_TEXT, "b1.txt", outlet="The Globe & Mail <Intl>", story=STORY)
    ea = Extraction(
        a,
        _sentences(A_TEXT),
        (LocalEntity(0, "Steve Witkoff", "PERSON", ("Steve Witkoff",)), LocalEntity(1, "Macron", "PERSON", ("Macron",))),
        (
            _mention(A_TEXT, "Steve Witkoff", 0),
            _mention(A_TEXT, "Macron", 1),
            ActorMention(A_TEXT.index("He"), A_TEXT.index("He") + 2, "He", "PRONOUN", "", 2, "he", 1, "pronoun"),
            _mention(A_TEXT, "Macron", 1, nth=1),
            _mention(A_TEXT, "Witkoff", 0, nth=1),
        ),
        (
            _event(A_TEXT, "left", "leave", "leave meeting", (0,), obj="the meeting"),
            _event(A_TEXT, "declined", "decline", "decline comment", (1,)),
            _event(A_TEXT, "greeted", "greet", "greet Witkoff", (1,), (0,)),
        ),
        model="fixture",
    )
    eb = Extraction(
        b,
        _sentences(B_TEXT),
        (
            LocalEntity(0, "Macron", "PERSON", ("Macron",)),
            LocalEntity(1, "Witkoff", "PERSON", ("Witkoff",)),
            LocalEntity(2, "Lavrov", "PERSON", ("Lavrov",)),
            LocalEntity(3, "Rubio", "PERSON", ("Rubio",)),
            LocalEntity(4, "analyst", "PERSON", (), ("Analysts",)),
        ),
        (
            _mention(B_TEXT, "Macron", 0),
            _mention(B_TEXT, "Witkoff", 1),
            _mention(B_TEXT, "Lavrov", 2),
            _mention(B_TEXT, "Rubio", 3),
            dataclasses.replace(_mention(B_TEXT, "Analysts", 4, kind="NOMINAL", ner=""), head="analyst", rule="nominal"),
        ),
        (
            dataclasses.replace(
                _event(B_TEXT, "welcomed", "welcome", "welcome Witkoff", (0,), (1,)),
                attribution="unnamed-source", cue="reportedly", cue_start=B_TEXT.index("reportedly"),
                certainty="hedged", certainty_cue="reportedly",
            ),
            dataclasses.replace(
                _event(B_TEXT, "called", "call", "call Rubio", (2,), (3,)),
                attribution="unnamed-source", source_text="an aide", source_start=B_TEXT.index("an aide"),
                source_end=B_TEXT.index("an aide") + 7, cue="said", cue_start=B_TEXT.index("said"), quote=0,
            ),
            _event(B_TEXT, "made", "make", "make", (4,)),
        ),
        model="fixture",
        quotes=(
            Quote(B_TEXT.index("Lavrov"), B_TEXT.index('," an'), "Lavrov called Rubio by phone", -1, "an aide",
                  B_TEXT.index("an aide"), B_TEXT.index("an aide") + 7, "said", B_TEXT.index("said")),
        ),
    )
    return {"a1": ea, "b1": eb}


def resolution() -> Resolution:
    actors = (
        Actor("analyst", STORY, "analyst", "PERSON", (), (("b1", 4),), ("nominal",)),
        Actor("lavrov", STORY, "Lavrov", "PERSON", (), (("b1", 2),), ("name",)),
        Actor("macron", STORY, "Macron", "PERSON", (), (("a1", 1), ("a1", 2), ("a1", 3), ("b1", 0)), ("name", "surname")),
        Actor("rubio", STORY, "Rubio", "PERSON", (), (("b1", 3),), ("name",)),
        Actor("steve-witkoff", STORY, "Steve Witkoff", "PERSON", ("Witkoff",), (("a1", 0), ("a1", 4), ("b1", 1)), ("name", "surname")),
    )
    events = (
        Event("call-rubio", STORY, "call Rubio", "call", ("lavrov",), ("rubio",), (), (("b1", 1),)),
        Event("make", STORY, "make", "make", ("analyst",), (), (), (("b1", 2),)),
        Event("decline-comment", STORY, "decline comment", "decline", ("macron",), (), (), (("a1", 1),)),
        # a hand-made doubt (ng:mayBeSameAs), so that single-source-events shows its columns filled
        Event("leave-meeting", STORY, "leave meeting", "leave", ("steve-witkoff",), (), (), (("a1", 0),), ("the meeting",),
              may_be_same_as="welcome-witkoff"),
        Event("welcome-witkoff", STORY, "welcome Witkoff", "welcome", ("macron",), ("steve-witkoff",), (), (("a1", 2), ("b1", 0)), (), ("new", "synonym")),
    )
    actor_of = {m: (a.key, "pronoun" if m == ("a1", 2) else "name") for a in actors for m in a.mentions}
    event_of = {m: (e.key, "synonym" if m == ("b1", 0) else "new") for e in events for m in e.mentions}
    return Resolution(STORY, actors, events, actor_of, event_of)
