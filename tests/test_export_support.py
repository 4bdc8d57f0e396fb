"""Helpers for the export tests (no tests here): stores built for the occasion, and the GEXF schema check.

``hostile_store`` holds labels with quotes, ``<``, ``&``, emoji, right-to-left text, control characters
(NUL, BEL, VT, US, U+FFFE) and line separators (U+2028, NEL), an article id with a space and a slash, a
date-time and a non-date; ``undated_store`` is the fixture story without dates, for the static GEXF.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from newsgraph.model import (
    Actor,
    ActorMention,
    Article,
    Event,
    EventMention,
    Extraction,
    LocalEntity,
    Resolution,
    Sentence,
)
from newsgraph.rdf import article_graph, article_quads, outlet_quads, story_graph, story_quads
from newsgraph.store import Store

from . import fixture_graph
from .conftest import SHARED, shared

GEXF_SCHEMA = SHARED / "gexf" / "1.3" / "gexf.rng"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"

STORY = 'Crise "Paris" <&> \U0001f642'
HELLO = "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"  # Arabic, right to left
N1_TEXT = f'Zo\u00eb "Q" <&> met {HELLO} today. Bell\x07Corp\x0bInc agreed \U0001f642.'
N2_TEXT = 'Zo\u00eb "Q" <&> spoke to Bell\x07Corp\x0bInc.'
#: Labels as stored, and as every network format must show them (XML-forbidden characters gone).
ZOE = ('Zo\u00eb\n"Q" <&>\x00', 'Zo\u00eb "Q" <&>')
ARABIC = (f"{HELLO} \U0001f642",) * 2
BELL = ("Bell\x07Corp\x0bInc\ufffe", "Bell Corp Inc")


def fill(
    store: Store, extractions: Mapping[str, Extraction], resolution: Resolution, *, reverse: bool = False
) -> Store:
    """Write a story as a build would; ``reverse`` writes the graphs in the opposite order."""
    writes = [(outlet_quads(ex.article.outlet_name)[0][3], outlet_quads(ex.article.outlet_name)) for ex in extractions.values()]
    writes += [
        (article_graph(ex.article), article_quads(ex, f"hash-{ex.article.id}")) for ex in extractions.values()
    ]
    writes.append((story_graph(resolution.story), story_quads(resolution, extractions)))
    for graph, quads in reversed(writes) if reverse else writes:
        store.replace_graph(graph, quads)
    return store


def filled_store(*, reverse: bool = False) -> Store:
    return fill(Store.memory(), fixture_graph.extractions(), fixture_graph.resolution(), reverse=reverse)


def undated_store() -> Store:
    extractions = {
        key: dataclasses.replace(ex, article=dataclasses.replace(ex.article, published=None))
        for key, ex in fixture_graph.extractions().items()
    }
    return fill(Store.memory(), extractions, fixture_graph.resolution())


def _mention(text: str, phrase: str, local: int, ner: str) -> ActorMention:
    start = text.index(phrase)
    return ActorMention(
        start, start + len(phrase), phrase, "NAME", ner, 0, phrase.split()[-1].lower(), local, "name"
    )


def _event(
    text: str, phrase: str, lemma: str, agents: tuple[int, ...], patients: tuple[int, ...] = ()
) -> EventMention:
    start = text.index(phrase)
    return EventMention(
        start, start + len(phrase), phrase, lemma, lemma, 0, False, agents, patients, (), "", 0, "verb"
    )


def hostile_extractions() -> dict[str, Extraction]:
    zoe, arabic, bell = 'Zo\u00eb "Q" <&>', HELLO, "Bell\x07Corp\x0bInc"
    n1 = Article(
        "n1",
        N1_TEXT,
        "n1.txt",
        outlet='Le "Monde" <&> \U0001f600\x07',
        story=STORY,
        published="2025-01-02T10:00:00Z",
        url="https://example.org/n1?a=1&b=<2>",
        title="Title\x0bwith control",
    )
    n2 = Article(
        "n 2/\u00e9",
        N2_TEXT,
        "n2.txt",
        outlet="\u05e9\u05dc\u05d5\u05dd News \u200f",
        story=STORY,
        published="not a date",
    )
    e1 = Extraction(
        n1,
        (Sentence(0, len(N1_TEXT)),),
        (
            LocalEntity(0, zoe, "PERSON", (zoe,)),
            LocalEntity(1, arabic, "GPE", (arabic,)),
            LocalEntity(2, bell, "ORG", (bell,)),
        ),
        (
            _mention(N1_TEXT, zoe, 0, "PERSON"),
            _mention(N1_TEXT, arabic, 1, "GPE"),
            _mention(N1_TEXT, bell, 2, "ORG"),
        ),
        (_event(N1_TEXT, "met", "meet", (0,), (1,)), _event(N1_TEXT, "agreed", "agree", (2,))),
        model="fixture",
    )
    e2 = Extraction(
        n2,
        (Sentence(0, len(N2_TEXT)),),
        (LocalEntity(0, zoe, "PERSON", (zoe,)), LocalEntity(1, bell, "ORG", (bell,))),
        (_mention(N2_TEXT, zoe, 0, "PERSON"), _mention(N2_TEXT, bell, 1, "ORG")),
        (_event(N2_TEXT, "spoke", "speak", (0,), (1,)),),
        model="fixture",
    )
    return {"n1": e1, "n 2/\u00e9": e2}


def hostile_resolution() -> Resolution:
    n2 = "n 2/\u00e9"
    actors = (
        Actor("zoe", STORY, ZOE[0], "PERSON", ("Zo\u00eb",), (("n1", 0), (n2, 0))),
        Actor("marhaba", STORY, ARABIC[0], "GPE\x07", (), (("n1", 1),)),
        Actor("bell", STORY, BELL[0], "ORG", (), (("n1", 2), (n2, 1))),
    )
    events = (
        Event(
            "meet",
            STORY,
            'meet "\u0645\u0631\u062d\u0628\u0627" <&>',
            "meet",
            ("zoe",),
            ("marhaba",),
            (),
            (("n1", 0),),
        ),
        Event("agree", STORY, "agree\x1f \U0001f642", "agree", ("bell",), (), (), (("n1", 1),)),
        Event("speak", STORY, "speak\u2028\x85now", "speak", ("zoe",), ("bell",), (), ((n2, 0),)),
    )
    actor_of = {m: (a.key, "name") for a in actors for m in a.mentions}
    event_of = {m: (e.key, "new") for e in events for m in e.mentions}
    return Resolution(STORY, actors, events, actor_of, event_of)


def hostile_store() -> Store:
    return fill(Store.memory(), hostile_extractions(), hostile_resolution())


def actor_count(store: Store) -> int:
    return len(list(store.raw_query(f"SELECT DISTINCT ?a {{ ?a a <{SEM}Actor> }}")))


def xmllint() -> str:
    """xmllint's path; skips without it, but fails under CI, where ``make test`` installs it."""
    found = shutil.which("xmllint")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(
            "xmllint is missing although CI=true: `make test` installs it (apt-get install libxml2-utils)"
        )
    pytest.skip("xmllint not installed (apt-get install libxml2-utils, or run `make test`)")


def assert_valid_gexf(paths: Iterable[Path]) -> None:
    """Validate against the official GEXF 1.3 RELAX NG schema from ../shared."""
    tool = xmllint()
    schema = shared(GEXF_SCHEMA)
    for path in paths:
        run = subprocess.run(
            [tool, "--noout", "--relaxng", str(schema), str(path)], capture_output=True, text=True
        )
        assert run.returncode == 0, f"{path} fails the GEXF 1.3 schema:\n{run.stderr}"
