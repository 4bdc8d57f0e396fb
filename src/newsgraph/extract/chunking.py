"""Texts of any length, sentences of bounded length: what the parser sees, whatever the input.

Two limits keep parsing linear in the text:

- **Long texts in pieces.** spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters) and
  needs about 1 GB per 100,000 characters to parse one. A longer text is cut into pieces of at most
  ``PIECE_CHARS`` at paragraph breaks (else line breaks, sentence ends, spaces), each piece parsed on its
  own, and the pieces joined into one Doc (``Doc.from_docs``) whose text is the article's text exactly, so
  every offset indexes the stored text. One article, one Doc, one graph.
- **Long sentences cut.** A "sentence" of 20,000 words (a scraped table, a run-on transcript) costs the
  rules time and memory that grow with the square of its length (every mention carries its sentence).
  ``bound_sentences``, a component before the parser, starts a new sentence after at most
  ``MAX_SENTENCE_TOKENS`` tokens: at the last line break or clause punctuation (``; : , – —``) of the
  stretch, else where the limit falls. The parser keeps sentence starts set before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

#: The longest piece of a text parsed at once (characters). Texts up to this length are parsed whole.
PIECE_CHARS = 100_000
#: The most tokens a sentence may have when the parser sees it.
MAX_SENTENCE_TOKENS = 100
#: A cut is not made closer than this to the previous sentence start (no one-word "sentences").
_MIN_SENTENCE_TOKENS = 20

#: Where a long text may be cut, best first: the end of a paragraph, of a line, of a sentence, a space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))
_CLAUSE = frozenset({",", ";", ":", "–", "—", "-", "…"})


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``text`` as consecutive ``(start, end)`` spans of at most ``size`` characters that cover it exactly,
    each ending after a paragraph break where there is one in its second half, else a line break, a
    sentence end, a space, and only failing all of them in the middle of a word.

    >>> pieces("One. Two.\\n\\nThree four five.", size=16)
    [(0, 11), (11, 27)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for cut in _CUTS:
            found = [m.end() for m in cut.finditer(text, start + size // 2, end)]
            if found:
                end = found[-1]
                break
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def pipe(nlp: Language, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Doc]:
    """``nlp.pipe(texts)`` for texts of any length: one Doc per text, in order, whose ``text`` is the text.

    A text longer than ``PIECE_CHARS`` (or the pipeline's ``max_length``, if smaller) is parsed in pieces
    (``pieces``) joined back into one Doc.
    """
    texts = list(texts)
    size = min(PIECE_CHARS, nlp.max_length)
    spans = [pieces(text, size) for text in texts]
    flat = (text[a:b] for text, parts in zip(texts, spans) for a, b in parts)
    docs = nlp.pipe(flat, batch_size=batch_size)
    for text, parts in zip(texts, spans):
        if len(parts) == 1:
            yield next(docs)
            continue
        doc = Doc.from_docs([next(docs) for _ in parts], ensure_whitespace=False)
        assert doc.text == text  # every offset must index the stored text
        yield doc


def bound(doc: Doc, limit: int = MAX_SENTENCE_TOKENS) -> Doc:
    """Start a sentence wherever one would otherwise run past ``limit`` tokens (see the module's docstring).

    Sentences end, as far as this is concerned, at sentence starts already set (line breaks) and after
    ``.``, ``!`` or ``?``; the parser may end them sooner, never later.
    """
    start = 0  # the current stretch's first token
    cut = -1  # the last token after which a cut reads well
    for token in doc:
        i = token.i
        if i > start and (token.is_sent_start or doc[i - 1].text in (".", "!", "?")):
            start, cut = i, -1
        if i - start >= limit:
            at = cut + 1 if cut >= start + _MIN_SENTENCE_TOKENS else i
            doc[at].is_sent_start = True
            start, cut = at, -1
            if i <= at:
                continue
        if i - start >= _MIN_SENTENCE_TOKENS and (token.text in _CLAUSE or "\n" in token.whitespace_
                                                   or (token.is_space and "\n" in token.text)):
            cut = i
    return doc
