"""Title-case headlines read in the case the body uses: hand-written texts, then a real ECB+ headline."""

from __future__ import annotations

import json

import pytest

from newsgraph.extract import chunking, extract_doc, load
from newsgraph.extract.truecase import restore, truecase
from newsgraph.model import Article

from .conftest import SHARED, shared

BODY = "\nLindsay Lohan has checked into the Betty Ford Center, her lawyer said. The NYPD said nothing."


@pytest.mark.parametrize("headline, read", [
    ("Lindsay Lohan Checks Into Betty Ford Center", "Lindsay Lohan checks into Betty Ford Center"),  # stem "check"
    ("Lohan's Lawyer Says NYPD Has No Case", "Lohan's lawyer says NYPD has no case"),  # stop words, a verb, an acronym
    ("LINDSAY LOHAN CHECKED INTO BETTY FORD", "LINDSAY Lohan checked into Betty Ford"),  # all caps: the first word kept
    ("Lohan Quietly Departs Malibu", "Lohan Quietly departs Malibu"),  # "departs": a WordNet verb; the rest unknown
    ("Lohan checked into rehab on Friday.", "Lohan checked into rehab on Friday."),  # a sentence, not a headline
])
def test_a_headline_is_read_in_the_case_the_body_uses(headline: str, read: str) -> None:
    text = headline + BODY
    assert truecase(text) == read + BODY
    assert len(truecase(text)) == len(text)


def test_a_text_without_a_headline_is_unchanged() -> None:
    text = "Witkoff left the meeting.\nMacron Spoke\nFri., May. 3, 2013 11: 45 AM PDT"  # two words; a dateline
    assert truecase(text) == text


@pytest.mark.model
def test_the_parse_of_the_truecased_text_lies_on_the_articles_own_words() -> None:
    text = "Lindsay Lohan Checks Into Betty Ford Center" + BODY
    doc = restore(load()(truecase(text)), text)
    assert doc.text == text
    assert [t.text for t in doc[:3]] == ["Lindsay", "Lohan", "Checks"]
    assert (doc[2].pos_, doc[2].lemma_) == ("VERB", "check")
    assert ("Lindsay Lohan", "PERSON") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.model
def test_a_real_headline_yields_its_event() -> None:
    """ECB+ 1_14ecb (read at run time, never copied here): in "Tara Reid Finally Checks Into Rehab For
    Undisclosed Reasons" the model read every word as a name, and the check-in had no one checking in."""
    path = shared(SHARED / "datasets" / "ecbplus" / "normalized_all_sentences.json")
    doc = next(d for d in json.loads(path.read_text(encoding="utf-8"))["docs"] if d["doc_id"] == "1_14ecb")
    text = doc["text"]
    assert text.startswith("Tara Reid Finally Checks Into Rehab")
    ex = extract_doc(next(chunking.pipe(load(), [text])), Article("1_14ecb", text, "ecb+"))
    (check,) = [e for e in ex.events if e.sentence == 0 and e.lemma.startswith("check")]
    assert check.text == "Checks" and [ex.entities[a].name for a in check.agents] == ["Tara Reid"]
