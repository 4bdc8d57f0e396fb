"""Attribution, polarity, certainty, quotes, time and place rules on hand-built parses (no model)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.extract.actors import find_actors
from newsgraph.extract.attribution import Mentions, perspective
from newsgraph.extract.quotes import find_quotes
from newsgraph.extract.timeplace import place_of, resolve_time, time_of

from .docs import MACRON_DECLINED_TO_DISCLOSE, make_doc

CLAIMED = """
Zelenskyy NNP PROPN nsubj 1
claimed VBD VERB ROOT 1 claim
that IN SCONJ mark 4
Russia NNP PROPN nsubj 4
shelled VBD VERB ccomp 1 shell
the DT DET det 6
port NN NOUN dobj 4
. . PUNCT punct 1
"""
SOURCES_CLOSE = """
Sources NNS NOUN nsubj 5 source
close JJ ADJ amod 0
to IN ADP prep 1
the DT DET det 4
meeting NN NOUN pobj 2
said VBD VERB ROOT 5 say
Witkoff NNP PROPN nsubj 7
left VBD VERB ccomp 5 leave
. . PUNCT punct 5
"""
REPORTEDLY = """
The DT DET det 1
envoy NN NOUN nsubj 3
reportedly RB ADV advmod 3
criticized VBD VERB ROOT 3 criticize
the DT DET det 5
plan NN NOUN dobj 3
, , PUNCT punct 3
calling VBG VERB advcl 3 call
it PRP PRON dobj 7
a DT DET det 10
gamble NN NOUN oprd 7
. . PUNCT punct 3
"""
DECLINED = MACRON_DECLINED_TO_DISCLOSE[0]
WOULD = """
Officials NNS NOUN nsubj 1 official
warned VBD VERB ROOT 1 warn
that IN SCONJ mark 6
any DT DET det 4
escalation NN NOUN nsubj 6
would MD AUX aux 6
face VB VERB ccomp 1
retaliation NN NOUN dobj 6
. . PUNCT punct 1
"""
DID_NOT = """
Witkoff NNP PROPN nsubj 3
did VBD AUX aux 3 do
not RB PART neg 3
leave VB VERB ROOT 3
. . PUNCT punct 3
"""
DENIED = """
Russia NNP PROPN nsubj 1
denied VBD VERB ROOT 1 deny
that IN SCONJ mark 5
its PRP$ PRON poss 4
troops NNS NOUN nsubj 5 troop
crossed VBD VERB ccomp 1 cross
the DT DET det 7
border NN NOUN dobj 5
. . PUNCT punct 1
"""
CHAIN = """
Macron NNP PROPN nsubj 1
said VBD VERB ROOT 1 say
that IN SCONJ mark 4
Zelenskyy NNP PROPN nsubj 4
told VBD VERB ccomp 1 tell
him PRP PRON dobj 4 he
that IN SCONJ mark 8
troops NNS NOUN nsubj 8 troop
withdrew VBD VERB ccomp 4 withdraw
. . PUNCT punct 1
"""
PARENTHETICAL = """
Witkoff NNP PROPN nsubj 5
, , PUNCT punct 3
officials NNS NOUN nsubj 3 official
said VBD VERB parataxis 5 say
, , PUNCT punct 3
left VBD VERB ROOT 5 leave
. . PUNCT punct 5
"""
ACCORDING = """
According VBG VERB prep 5 accord
to IN ADP prep 0
Reuters NNP PROPN pobj 1
, , PUNCT punct 5
convoys NNS NOUN nsubj 5 convoy
crossed VBD VERB ROOT 5 cross
. . PUNCT punct 5
"""
IF_CLAUSE = """
If IN SCONJ mark 2
Russia NNP PROPN nsubj 2
attacks VBZ VERB advcl 6 attack
, , PUNCT punct 6
NATO NNP PROPN nsubj 6
will MD AUX aux 6
respond VB VERB ROOT 6
. . PUNCT punct 6
"""
WITHOUT = """
The DT DET det 1
envoy NN NOUN nsubj 2
left VBD VERB ROOT 2 leave
without IN ADP prep 2
saying VBG VERB pcomp 3 say
goodbye NN NOUN dobj 4
. . PUNCT punct 2
"""
SAID_TO = """
Witkoff NNP PROPN nsubjpass 2
is VBZ AUX auxpass 2 be
said VBN VERB ROOT 2 say
to TO PART aux 5
have VB AUX aux 5
left VBN VERB xcomp 2 leave
. . PUNCT punct 2
"""
ENTS = {"Zelenskyy": "PERSON", "Russia": "GPE", "Witkoff": "PERSON", "Macron": "PERSON", "Reuters": "ORG", "NATO": "ORG"}


def judge(rows: str, word: str) -> tuple[str, str, str, str, str]:
    """(attribution, nearest source, cue, polarity, certainty) of the predicate ``word``."""
    doc = make_doc(rows, ENTS)
    mentions, _entities, _ = find_actors(doc)
    token = next(t for t in doc if t.text == word)
    p = perspective(token, Mentions(doc, mentions), find_quotes(doc, mentions))
    nearest = p.sources[0] if p.sources else None
    cue = "" if nearest is None else ("according to" if nearest.cue.lower_ == "according" else nearest.cue.text)
    return p.attribution, nearest.text if nearest else "", cue, p.polarity, p.certainty


@pytest.mark.parametrize(
    ("rows", "word", "expected"),
    [
        # the reporting verb itself is the article's own voice; its complement is the speaker's claim
        (CLAIMED, "claimed", ("author", "", "", "positive", "certain")),
        (CLAIMED, "shelled", ("named-source", "Zelenskyy", "claimed", "positive", "certain")),
        # a source without a name, with its modifiers
        (SOURCES_CLOSE, "left", ("unnamed-source", "Sources close to the meeting", "said", "positive", "certain")),
        # "reportedly" attributes to nobody named and hedges, also the participle sharing its subject
        (REPORTEDLY, "criticized", ("unnamed-source", "", "reportedly", "positive", "hedged")),
        (REPORTEDLY, "calling", ("unnamed-source", "", "reportedly", "positive", "hedged")),
        # a negative implicative negates its complement, not itself
        (DECLINED, "disclose", ("author", "", "", "negative", "certain")),
        (DECLINED, "declined", ("author", "", "", "positive", "certain")),
        (WOULD, "face", ("unnamed-source", "Officials", "warned", "positive", "conditional")),
        (DID_NOT, "leave", ("author", "", "", "negative", "certain")),
        # a denial reports the opposite
        (DENIED, "crossed", ("named-source", "Russia", "denied", "negative", "certain")),
        # a chain keeps the nearest source first
        (CHAIN, "withdrew", ("named-source", "Zelenskyy", "told", "positive", "certain")),
        (CHAIN, "told", ("named-source", "Macron", "said", "positive", "certain")),
        (PARENTHETICAL, "left", ("unnamed-source", "officials", "said", "positive", "certain")),
        (ACCORDING, "crossed", ("named-source", "Reuters", "according to", "positive", "certain")),
        # the condition and the main clause of an "if" are both conditional ("if" outranks "will")
        (IF_CLAUSE, "attacks", ("author", "", "", "positive", "conditional")),
        (IF_CLAUSE, "respond", ("author", "", "", "positive", "conditional")),
        (WITHOUT, "saying", ("author", "", "", "negative", "certain")),
        (WITHOUT, "left", ("author", "", "", "positive", "certain")),
        # "is said to": unnamed sayers, hedged
        (SAID_TO, "left", ("unnamed-source", "", "said", "positive", "hedged")),
    ],
)
def test_perspective(rows: str, word: str, expected: tuple[str, str, str, str, str]) -> None:
    assert judge(rows, word) == expected


def test_chain_keeps_every_source_nearest_first() -> None:
    doc = make_doc(CHAIN, ENTS)
    mentions, entities, _ = find_actors(doc)
    p = perspective(next(t for t in doc if t.text == "withdrew"), Mentions(doc, mentions))
    assert [s.text for s in p.sources] == ["Zelenskyy", "Macron"]
    assert entities[mentions[p.sources[0].mention].local].name == "Zelenskyy"


# --- quotes ----------------------------------------------------------------------------------------
SPEAKER_AFTER = """
" `` PUNCT punct 4
The DT DET det 2
talks NNS NOUN nsubj 3 talk
failed VBD VERB ccomp 7 fail
, , PUNCT punct 7
" '' PUNCT punct 7
Macron NNP PROPN nsubj 7
said VBD VERB ROOT 7 say
. . PUNCT punct 7
"""
UNBALANCED = """
He PRP PRON nsubj 1
claimed VBD VERB ROOT 1 claim
that IN SCONJ mark 5
“ `` PUNCT punct 5
Witkoff NNP PROPN nsubj 5
left VBD VERB ccomp 1 leave
. . PUNCT punct 1
Macron NNP PROPN nsubj 8
stayed VBD VERB ROOT 8 stay
. . PUNCT punct 8
"""
SCARE_QUOTES = """
The DT DET det 4
“ `` PUNCT punct 4
Coalition NNP PROPN compound 4
” '' PUNCT punct 4
summit NN NOUN nsubj 5
ended VBD VERB ROOT 5 end
. . PUNCT punct 5
"""


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # speaker after the quote; the comma inside the marks belongs to the sentence
        (SPEAKER_AFTER, [("The talks failed", "Macron", "said", True)]),
        # an opening mark never closed: the quote ends with its sentence, and the article goes on
        (UNBALANCED, [("Witkoff left.", "He", "claimed", False)]),
        # a quoted name framed by no verb of saying is not a quote
        (SCARE_QUOTES, []),
    ],
)
def test_quotes(rows: str, expected: list[tuple[str, str, str, bool]]) -> None:
    doc = make_doc(rows, ENTS)
    mentions, _entities, _ = find_actors(doc)
    quotes = find_quotes(doc, mentions)
    assert [(q.text, q.speaker_text, q.cue, q.closed) for q in quotes] == expected
    for q in quotes:
        assert doc.text[q.start : q.end] == q.text


def test_event_in_a_quote_is_the_speakers() -> None:
    doc = make_doc(SPEAKER_AFTER, ENTS)
    mentions, _entities, _ = find_actors(doc)
    quotes = find_quotes(doc, mentions)
    p = perspective(next(t for t in doc if t.text == "failed"), Mentions(doc, mentions), quotes)
    assert (p.attribution, p.sources[0].text, p.quote) == ("named-source", "Macron", 0)


# --- time and place --------------------------------------------------------------------------------
THURSDAY = dt.date(2025, 9, 4)  # a Thursday


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("last Thursday", THURSDAY, False, "2025-08-28"),
        ("Thursday", THURSDAY, False, "2025-09-04"),
        ("Tuesday", THURSDAY, False, "2025-09-02"),
        ("Tuesday", THURSDAY, True, "2025-09-09"),  # a future event looks ahead
        ("next Monday", THURSDAY, False, "2025-09-08"),
        ("yesterday", THURSDAY, False, "2025-09-03"),
        ("September 4", dt.date(2025, 9, 10), False, "2025-09-04"),
        ("Sept. 4, 2024", None, False, "2024-09-04"),
        ("4 September 2024", None, False, "2024-09-04"),
        ("September 2025", None, False, "2025-09"),
        ("May", THURSDAY, False, "2025-05"),
        ("2024", None, False, "2024"),
        ("2025-08-30", None, False, "2025-08-30"),
        ("last year", THURSDAY, False, "2024"),
        ("last month", THURSDAY, False, "2025-08"),
        # without a publication date, relative expressions stay unresolved
        ("last Thursday", None, False, ""),
        ("September 4", None, False, ""),
    ],
)
def test_resolve_time(text: str, published: dt.date | None, future: bool, expected: str) -> None:
    assert resolve_time(text, published, future=future) == expected


TIME_AND_PLACE = """
Police NNS NOUN nsubj 1 police
arrested VBD VERB ROOT 1 arrest
two CD NUM nummod 3
men NNS NOUN dobj 1 man
in IN ADP prep 1
Lyon NNP PROPN pobj 4
last JJ ADJ amod 7
Friday NNP PROPN npadvmod 1
after IN ADP prep 1
45 CD NUM nummod 10
minutes NNS NOUN pobj 8 minute
. . PUNCT punct 1
"""


def test_time_and_place_of_the_predicate() -> None:
    doc = make_doc(TIME_AND_PLACE, {"Lyon": "GPE", "last Friday": "DATE", "45 minutes": "TIME"})
    mentions, _entities, _ = find_actors(doc)
    arrested = doc[1]
    time = time_of(arrested)
    assert time is not None and time.text == "last Friday"  # "45 minutes" is a duration, not a time
    place = place_of(arrested, Mentions(doc, mentions))
    assert place is not None and mentions[place].text == "Lyon"
