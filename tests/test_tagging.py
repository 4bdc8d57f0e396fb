"""newsgraph_tags gives every token the annotations the model's attribute ruler and lemmatizer give it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract import load
from newsgraph.extract.pipeline import DEFAULT_MODELS
from newsgraph.extract.tagging import FastTags, supported

from .conftest import SEEDS, SHARED

#: Sentences that reach the ruler's exceptions: two-token patterns (one setting the second token),
#: expletive "there", "ai n't", lemma overrides, whitespace tokens.
EXCEPTIONS = (
    "There is a problem, and there were two. Let's go: y'all gonna see, I ain't gonna do it, c'mon.\n\n"
    "He gets it and got it, gotta go.  Something happened to nobody; that which she said was what he did."
)


def stock() -> Language:
    """The model as shipped: its own attribute ruler and lemmatizer."""
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.fail("no English model installed (make test installs one)")


def annotations(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def compare(nlp: Language, texts: list[str]) -> None:
    """Parse once up to the ruler; then the model's two components on one copy, ours on the other."""
    ruler, lemmatizer, fast = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"), FastTags(nlp)
    before = [n for n in nlp.pipe_names if n not in {"attribute_ruler", "lemmatizer", "newsgraph_tags", "ner"}]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    for doc in docs:
        theirs, ours = lemmatizer(ruler(doc.copy())), fast(doc.copy())
        assert annotations(ours) == annotations(theirs)


@pytest.mark.model
def test_newsgraph_pipeline_runs_fast_tags_instead_of_ruler_and_lemmatizer() -> None:
    nlp = load()
    assert "newsgraph_tags" in nlp.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)
    doc = nlp("There is a problem. Steve Witkoff left the meeting.")
    assert [(t.pos_, t.lemma_) for t in doc][:2] == [("PRON", "there"), ("VERB", "be")]
    assert (doc[7].lemma_, doc[7].pos_) == ("leave", "VERB")


@pytest.mark.model
def test_same_annotations_as_the_model_on_seeds_and_exceptions() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir()) if p.is_file()]
    compare(stock(), [*texts, EXCEPTIONS, "", " ", "\n"])


@pytest.mark.model
def test_same_annotations_as_the_model_on_ecbplus_articles() -> None:
    data = SHARED / "datasets" / "ecbplus" / "normalized_all_sentences.json"
    if not data.is_file():
        pytest.skip(f"ECB+ is not at {data} (../shared absent)")
    docs = sorted(json.loads(data.read_text(encoding="utf-8"))["docs"], key=lambda d: d["doc_id"])
    compare(stock(), [d["text"] for d in docs[::10]])  # ~100 articles from every topic


@pytest.mark.model
def test_later_rules_win_and_patterns_may_set_a_later_token() -> None:
    nlp = stock()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "meeting"}]], {"POS": "VERB"})  # after the tag map: overrides NOUN
    ruler.add([[{"LOWER": "the"}, {"LOWER": {"REGEX": "^meet"}}]], {"LEMMA": "gathering"}, index=-1)
    ruler.add([[{"DEP": {"NOT_IN": ["nsubj"]}, "LOWER": {"IN": ["left", "went"]}}]], {"MORPH": "Tense=Past"})
    compare(nlp, ["Steve Witkoff left the meeting early.", "The meeting went well; they met."])
    doc = nlp("Witkoff left the meeting.")
    assert (doc[3].pos_, doc[3].lemma_) == ("VERB", "gathering")


@pytest.mark.model
@pytest.mark.parametrize("pattern, index", [
    ([{"TEXT": "Paris", "OP": "+"}], 0),  # attributes and operators it does not read
    ([{"LOWER": {"IN": [spacy.strings.get_string_id("meeting")]}}], 0),  # hashes, not strings
    ([{"IS_SPACE": {"REGEX": "x"}}], 0),  # a regular expression on a flag
    ([{"LOWER": "the"}, {"LOWER": "meeting"}], 2),  # a token outside the pattern
])
def test_patterns_it_cannot_read_leave_the_model_s_components(pattern: list, index: int) -> None:
    nlp = stock()
    assert supported(nlp)
    nlp.get_pipe("attribute_ruler").add([pattern], {"LEMMA": "X"}, index=index)
    assert not supported(nlp)


def test_a_pipeline_without_the_two_components_is_not_supported() -> None:
    assert not supported(spacy.blank("en"))


@pytest.mark.model
def test_a_saved_pipeline_loads_with_its_rules(tmp_path: Path) -> None:
    """A pipeline saved from newsgraph's and loaded again (``--model PATH``) fills its ruler after building
    newsgraph_tags: the rules are read on first use, and again when rules are added."""
    load().to_disk(tmp_path / "pipeline")
    nlp = load(str(tmp_path / "pipeline"))
    assert "newsgraph_tags" in nlp.pipe_names
    doc = nlp("There is a problem. Steve Witkoff left the meeting.")
    assert [(t.pos_, t.lemma_) for t in doc][:2] == [("PRON", "there"), ("VERB", "be")]
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "meeting"}]], {"LEMMA": "gathering"})
    assert nlp("Witkoff left the meeting.")[3].lemma_ == "gathering"
