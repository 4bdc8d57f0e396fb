"""Section headings inside an article's body ("Seeking Cooperation"): lines that name a topic, not a happening."""

from __future__ import annotations

from spacy.tokens import Span

from ..rules import rule

__all__ = ["is_heading"]

#: A heading: at most this many words, and no sentence's end ("Seeking Cooperation").
HEADING_WORDS = 8
_SENTENCE_ENDS = frozenset(".!?:;,\"'”’)")


@rule("event", "heading", "a section heading inside the body (a short title-case line without final punctuation) "
      "names a topic, not a happening", "Seeking Cooperation")
def is_heading(sent: Span, text: str) -> bool:
    """Web articles break their body with headings ("Seeking Cooperation"); a verb there has no
    participants and would join any happening of the same verb. The first sentence, often the headline, keeps
    its events: a headline states the story's main happening."""
    line = text[sent.start_char:sent.end_char]
    start, end = sent.start_char + len(line) - len(line.lstrip()), sent.start_char + len(line.rstrip())
    # a string test first: most sentences fail it without making spaCy tokens
    words = [w for w in text[start:end].split() if any(c.isalpha() for c in w)]
    if not words or len(words) > HEADING_WORDS or text[end - 1] in _SENTENCE_ENDS:
        return False
    if not (_line_edge(text, start - 1, -1) and _line_edge(text, end, 1)):
        return False  # not a line of its own
    return all(t.text[:1].isupper() for t in sent if t.is_alpha and len(t) > 3)  # short function words may stay lower case


def _line_edge(text: str, i: int, step: int) -> bool:
    """Whether only spaces or tabs lie between ``i`` and a line break or the text's edge, going ``step``."""
    while 0 <= i < len(text) and text[i] in " \t":
        i += step
    return not 0 <= i < len(text) or text[i] == "\n"
