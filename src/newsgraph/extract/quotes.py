"""Direct quotes: speaker, cue and quoted words (textacy's direct_quotations shape), with offsets.

Quote marks are paired per paragraph: curly, guillemets, straight and the PTB ``...'' forms. A quote
whose closing mark is missing ends with its sentence (``closed=False``), so unbalanced marks never abort
an article. The speaker is found, in this order:
1. the reporting verb the quote hangs off, or the nearest one in its sentences ("…,” Macron said);
2. a dash and a name after the closing mark ("…” – Emmanuel Macron");
3. a reporting verb in the next sentence ("…” That is what Macron told reporters.") or in the previous
   one when it ends with a colon.
A quoted phrase without a verb (“reckless gamble”) is kept only when a verb of saying or calling frames it
("calling it a “reckless gamble”"); otherwise it is a name or scare quotes, not a quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon import QUOTE_FRAMES, REPORTING_VERBS
from ..model import ActorMention, Quote
from ..rules import appending, rule
from .attribution import phrase_bounds, subject_of
from .docindex import DocIndex, Mentions
from .labels import CLAUSE_SUBJECTS, SPEAKER_LABELS

_MARKS = re.compile(r"``|''|[\"“”«»]")
_OPENING = frozenset({"“", "«", "``"})
_DASH_SPEAKER = re.compile(r"\s*,?\s*[–—-]+\s*")


@dataclass(frozen=True)
class _Pair:
    open_start: int  # the opening mark
    start: int  # the quoted words
    end: int
    close_end: int  # after the closing mark (== end when there is none)
    closed: bool


def find_quotes(
    doc: Doc, mentions: Sequence[ActorMention], *, index: DocIndex | None = None, lookup: Mentions | None = None
) -> list[Quote]:
    """Every direct quote of ``doc`` with its speaker, in document order."""
    index = index if index is not None else DocIndex(doc)
    lookup = lookup if lookup is not None else Mentions(doc, mentions, index)
    quotes = []
    for pair in _pairs(index):
        span = doc.char_span(pair.start, pair.end, alignment_mode="contract")
        if span is None or not len(span):
            continue
        # a clause has a subject of its own ("Russia uses every day ..."); a phrase has none ("lasting peace")
        clausal = any(t.dep_ in CLAUSE_SUBJECTS and span.start <= index.head(t).i < span.end
                      for t in index.tokens[span.start : span.end])
        found = _speaker(index, span, pair, lookup, clausal=clausal)
        if not clausal and found is None:
            continue  # a name or scare quotes
        quotes.append(_quote(index, pair, found, lookup))
    return quotes


# --- pairing the marks -----------------------------------------------------------------------------
def _pairs(index: DocIndex) -> Iterator[_Pair]:
    offset = 0
    for paragraph in index.text.split("\n"):
        yield from _pairs_in(index, paragraph, offset)
        offset += len(paragraph) + 1


def _pairs_in(index: DocIndex, paragraph: str, offset: int) -> Iterator[_Pair]:
    pending: re.Match[str] | None = None
    for mark in _MARKS.finditer(paragraph):
        opening = mark.group() in _OPENING or (mark.group() == '"' and pending is None)
        if opening:
            if pending is not None:
                # a new quote opens before the last one closed: the last one ends with its sentence
                yield from _unclosed(index, pending, offset, limit=offset + mark.start())
            pending = mark
        elif pending is not None:
            yield from _trimmed(index.text, offset + pending.start(), offset + pending.end(),
                                offset + mark.start(), offset + mark.end(), closed=True)
            pending = None
        # a closing mark with nothing open is a stray mark: ignored
    if pending is not None:
        yield from _unclosed(index, pending, offset, limit=offset + len(paragraph))


def _unclosed(index: DocIndex, mark: re.Match[str], offset: int, limit: int) -> Iterator[_Pair]:
    text = index.text
    start = offset + mark.end()
    first = start
    while first < limit and text[first].isspace():
        first += 1
    token = index.token_at(first) if first < limit else None
    end = limit
    if token is not None:
        sent = index.sent(token)
        if sent.end_char <= start and sent.end < len(index.doc):
            sent = index.sent(index.doc[sent.end])  # the mark was split off into the sentence before
        end = min(max(sent.end_char, start), limit)
    yield from _trimmed(text, offset + mark.start(), start, end, end, closed=False)


def _trimmed(text: str, open_start: int, start: int, end: int, close_end: int, *, closed: bool) -> Iterator[_Pair]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1  # '“We will win,” he said': the comma belongs to the sentence around the quote
    if end > start:
        yield _Pair(open_start, start, end, close_end, closed)


# --- the speaker -----------------------------------------------------------------------------------
Found = tuple[Token, "Token | int"]  # (cue: a verb or the dash, speaker: a subject token or a mention index)
Speaker = Callable[[DocIndex, Span, _Pair, Mentions], "Found | None"]
#: The speaker rules that need a clause (a quote with a subject of its own); the framing verb does not.
_CLAUSAL: list[Speaker] = []


_clausal = appending(_CLAUSAL, "quote")


@rule("quote", "framing-verb", "the verb of saying or calling the quote hangs off; a phrase without a verb is a quote "
      "only when one frames it", "The envoy criticized Kyiv, calling it a “reckless gamble”.")
def framing_verb(index: DocIndex, span: Span, pair: _Pair, lookup: Mentions) -> Found | None:
    inside = range(span.start, span.end)
    node: Token = span.root
    for _ in range(6):
        if index.head(node).i == node.i:
            break
        node = index.head(node)
        if node.i in inside or node.pos_ not in {"VERB", "AUX"}:
            continue
        if node.lemma_.lower() in QUOTE_FRAMES:
            subject = subject_of(node, index)
            if subject is not None and subject.i not in inside:
                return node, subject
        break  # the first verb outside the quote frames it, or nothing does
    return None


@_clausal("nearest-reporting-verb", "the nearest verb of saying with a subject in the quote's sentences, outside quotes",
          "“We will not retreat,” Zelenskyy said.")
def nearest_reporting_verb(index: DocIndex, span: Span, pair: _Pair, lookup: Mentions) -> Found | None:
    inside = range(span.start, span.end)
    sentences = {index.sent(span[0]).start: index.sent(span[0]), index.sent(span[-1]).start: index.sent(span[-1])}
    candidates = [
        t for sent in sentences.values() for t in index.tokens[sent.start : sent.end]
        if t.i not in inside and t.lemma_.lower() in QUOTE_FRAMES and t.pos_ == "VERB"
    ]
    for verb in sorted(candidates, key=lambda t: (min(abs(t.i - span.start), abs(t.i - span.end)), t.i)):
        subject = subject_of(verb, index)
        if subject is not None and subject.i not in inside and not _quoted(index, subject):
            return verb, subject
    return None


@_clausal("dash-speaker", "a dash and a name after the closing mark", "“Everyone wants to get peace” – Emmanuel Macron")
def dash_speaker(index: DocIndex, span: Span, pair: _Pair, lookup: Mentions) -> Found | None:
    dash = _DASH_SPEAKER.match(index.text, pair.close_end)
    if pair.closed and dash and dash.group().strip(" ,"):
        after = dash.end()
        for mention, m in enumerate(lookup.mentions):
            if m.start == after and m.kind == "NAME" and m.ner in SPEAKER_LABELS:
                cue = index.token_at(dash.start() + dash.group().index(dash.group().strip(" ,")[0]))
                if cue is not None:
                    return cue, mention
    return None


@_clausal("next-sentence", "a verb of saying in the next sentence, or in the previous one when it ends with a colon",
          "“We must put pressure on the killers.” That is what Zelenskyy told reporters.")
def next_sentence(index: DocIndex, span: Span, pair: _Pair, lookup: Mentions) -> Found | None:
    doc = index.doc
    last = index.sent(span[-1])
    neighbours = []
    if last.end < len(doc):
        neighbours.append(index.sent(doc[last.end]))
    first = index.sent(span[0])
    if first.start > 0:
        previous = index.sent(doc[first.start - 1])
        if previous.text.rstrip().endswith(":"):
            neighbours.append(previous)
    for sent in neighbours:
        for verb in index.tokens[sent.start : sent.end]:
            if verb.lemma_.lower() in REPORTING_VERBS and verb.pos_ == "VERB":
                subject = subject_of(verb, index)
                if subject is not None and not _quoted(index, subject):
                    return verb, subject
    return None


def _speaker(index: DocIndex, span: Span, pair: _Pair, lookup: Mentions, *, clausal: bool) -> Found | None:
    """The cue and speaker, from the first rule that finds them."""
    found = framing_verb(index, span, pair, lookup)
    if found is not None or not clausal:
        return found
    return next((f for r in _CLAUSAL if (f := r(index, span, pair, lookup)) is not None), None)


def _quoted(index: DocIndex, token: Token) -> bool:
    """Inside quote marks of its own sentence (an odd number before it)."""
    before = index.tokens[index.sent(token).start : token.i]
    return sum(1 for t in before if _MARKS.fullmatch(t.text)) % 2 == 1


def _quote(index: DocIndex, pair: _Pair, found: Found | None, lookup: Mentions) -> Quote:
    doc = index.doc
    text = index.text[pair.start : pair.end]
    if found is None:
        return Quote(pair.start, pair.end, text, closed=pair.closed)
    cue, speaker = found
    if isinstance(speaker, int):
        m = lookup.mentions[speaker]
        return Quote(pair.start, pair.end, text, speaker, m.text, m.start, m.end, cue.text, cue.idx, pair.closed)
    start, end = phrase_bounds(speaker, index)
    mention = lookup.of(speaker)
    named = mention if mention is not None and lookup.is_named(mention) else -1
    first, last = doc[start], doc[end - 1]
    return Quote(pair.start, pair.end, text, named, doc[start:end].text, first.idx, last.idx + len(last.text),
                 cue.text, cue.idx, pair.closed)
