"""Long texts parsed in pieces that map back exactly; sentences bounded before the parser."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.extract import chunking

from .conftest import SEEDS


@pytest.mark.parametrize(("text", "size", "expected"), [
    ("short", 10, ["short"]),
    ("One two.\n\nThree four.\nFive six.", 16, ["One two.\n\n", "Three four.\n", "Five six."]),  # paragraph, line
    ("Aaa bbb ccc. Ddd eee fff ggg", 16, ["Aaa bbb ccc. ", "Ddd eee fff ggg"]),  # a sentence before a space
    ("aaa bbb ccc ddd eee fff", 10, ["aaa bbb ", "ccc ddd ", "eee fff"]),  # a space
    ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "klmnopqrst", "uvwxyz"]),  # nothing better: a hard cut
])
def test_pieces_cover_the_text_exactly_and_cut_where_it_reads_well(text: str, size: int,
                                                                   expected: list[str]) -> None:
    spans = chunking.pieces(text, size)
    assert [text[a:b] for a, b in spans] == expected
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in pairwise(spans)) and all(b - a <= size for a, b in spans)


def _doc(words: list[str], starts: tuple[int, ...] = ()) -> Doc:
    doc = Doc(Vocab(), words=words)
    for i in starts:
        doc[i].is_sent_start = True
    return doc


def _stretches(doc: Doc) -> list[int]:
    """Lengths of the runs between sentence starts and full stops, as the parser will see them."""
    cuts = [0] + [t.i for t in doc[1:] if t.is_sent_start or doc[t.i - 1].text in ".!?"] + [len(doc)]
    return [b - a for a, b in pairwise(cuts)]


@pytest.mark.parametrize(("words", "starts", "expected"), [
    # a run-on with commas: cut after the last comma of each stretch of 100
    ([*(["w"] * 29 + [","]) * 10], (), [90, 90, 90, 30]),
    # no punctuation at all: cut where the limit falls
    (["w"] * 250, (), [100, 100, 50]),
    # short sentences and set starts are left alone
    ([*(["w"] * 9 + ["."]) * 30], (), [10] * 30),
    (["w"] * 150, (80,), [80, 70]),
    # a comma too close to the start is no place to cut
    (["w"] * 5 + [","] + ["w"] * 150, (), [100, 56]),
])
def test_long_sentences_are_cut_at_clause_punctuation(words: list[str], starts: tuple[int, ...],
                                                       expected: list[int]) -> None:
    doc = chunking.bound(_doc(words, starts), limit=100)
    assert _stretches(doc) == expected


@pytest.fixture
def small_pieces() -> Iterator[int]:
    """The real pipeline, told it takes at most 3,000 characters at once (as it refuses 1,000,001)."""
    from newsgraph.extract import load

    nlp = load()
    before = nlp.max_length
    nlp.max_length = 3_000
    try:
        yield nlp.max_length
    finally:
        nlp.max_length = before


@pytest.mark.model
def test_a_text_beyond_max_length_builds_as_one_article_whose_offsets_index_its_text(
        small_pieces: int, tmp_path: Path) -> None:
    from newsgraph import Store, build

    text = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in sorted(SEEDS.glob("*.txt")))
    text = f"{text}\n\n{text}"
    assert len(chunking.pieces(text, small_pieces)) >= 4
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "store", create=True) as store:
        report = build([tmp_path / "long.txt"], store)
        assert report.stored == ["long"] and not report.rejected
        rows = list(store.raw_query("""
            PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            SELECT ?text ?b ?e ?anchor WHERE {
              ?m nif:referenceContext ?ctx ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor .
              ?ctx nif:isString ?text }"""))
    assert rows and rows[0]["text"].value == text
    assert len(rows) > 100 and max(int(r["e"].value) for r in rows) > len(text) * 0.9
    for row in rows:
        assert text[int(row["b"].value):int(row["e"].value)] == row["anchor"].value
