"""Extraction: one article's text -> its actor mentions, local actors and events. The only package that imports spaCy."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError, RuleError
from ..model import ActorMention, Article, EventMention, Extraction, LocalEntity, Quote, Sentence
from ..rules import rule_in_traceback
from . import chunking
from .actors import find_actors
from .attribution import attribute_events, source_heads
from .docindex import DocIndex, Mentions
from .events import find_events, is_source_noun
from .pipeline import describe, load
from .quotes import find_quotes
from .timeplace import situate_events

__all__ = ["STAGES", "Reading", "extract_articles", "extract_doc", "load"]

log = logging.getLogger(__name__)

#: What a rule raises when it meets a case it was not written for: a bug, reported as a RuleError naming the
#: article and the rule, never taken for bad input.
_BUGS = (ArithmeticError, AssertionError, AttributeError, LookupError, TypeError, ValueError, RecursionError)


@dataclass
class Reading:
    """One parsed article as the stages fill it in, in order; every stage reads and writes this one record.

    The Doc's tokens, heads, children, sentences and entities are made once (``index``) and the token ->
    mention lookup once (``lookup``), then shared by every rule: spaCy makes new objects for them on each
    access, and that was most of the rules' cost."""

    doc: Doc
    article: Article
    index: DocIndex
    mentions: list[ActorMention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    token_mention: dict[int, int] = field(default_factory=dict)
    lookup: Mentions | None = None
    events: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def _actors(r: Reading) -> None:
    r.mentions, r.entities, r.token_mention = find_actors(r.doc, index=r.index, outlet=r.article.outlet)
    r.lookup = Mentions(r.doc, r.mentions, r.index)


def _events(r: Reading) -> None:
    r.events = find_events(r.doc, r.mentions, r.token_mention, index=r.index)


def _quotes(r: Reading) -> None:
    r.quotes = find_quotes(r.doc, r.mentions, index=r.index, lookup=r.lookup)


def _attribution(r: Reading) -> None:
    """Who says it and how sure (attribution with modality); before time: future events look ahead."""
    r.events = attribute_events(r.doc, r.events, r.mentions, r.quotes, index=r.index, lookup=r.lookup)
    heads = source_heads(r.events, r.index)
    r.events = [ev for ev in r.events if not is_source_noun(ev, heads)]


def _time_place(r: Reading) -> None:
    r.events = situate_events(r.doc, r.events, r.mentions, r.article.published, index=r.index, lookup=r.lookup)


#: The stages, in order: each fills in its part of the Reading (rules.STAGES says what each decides).
STAGES: tuple[Callable[[Reading], None], ...] = (_actors, _events, _quotes, _attribution, _time_place)


def extract_doc(doc: Doc, article: Article, model: str = "") -> Extraction:
    """Everything newsgraph needs from one parsed article.

    A rule that raises is a bug: it becomes a RuleError naming the article and the rule (read off the
    traceback), with the traceback kept for ``--verbose``.
    """
    reading = Reading(doc, article, DocIndex(doc))
    stage: Callable[[Reading], None] = STAGES[0]
    try:
        for stage in STAGES:
            stage(reading)
    except _BUGS as exc:
        where = rule_in_traceback(exc.__traceback__) or stage.__name__.lstrip("_")
        raise RuleError(article.source, where, _first_line(exc), traceback.format_exc()) from exc
    sentences = tuple(Sentence(s.start_char, s.end_char) for s in reading.index.sents)
    return Extraction(article, sentences, tuple(reading.entities), tuple(reading.mentions), tuple(reading.events),
                      model, tuple(reading.quotes))


def extract_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16
) -> Iterator[Extraction | InputError | RuleError]:
    """Stream articles through ``nlp.pipe`` in batches, one Extraction per article, in input order.

    A text longer than the model's ``max_length`` is parsed in pieces joined into one Doc (``chunking``).
    A text spaCy still refuses fails its whole batch inside ``nlp.pipe``; that batch is then parsed one
    article at a time, so only the bad article becomes an InputError naming it. A rule that raises on one
    text becomes a RuleError for that article only.
    """
    model = describe(nlp)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _extract_batch(nlp, batch, model)
            batch = []
    if batch:
        yield from _extract_batch(nlp, batch, model)


def _extract_batch(nlp: Language, batch: list[Article], model: str) -> Iterator[Extraction | InputError | RuleError]:
    try:
        docs = list(chunking.pipe(nlp, [a.text for a in batch], batch_size=len(batch)))  # any length
    except ValueError:  # one text spaCy refuses (its errors are ValueErrors): parse the batch article by article
        for article in batch:
            try:
                doc = next(chunking.pipe(nlp, [article.text]))
            except ValueError as exc:
                yield InputError(article.source, f"spaCy cannot parse the text ({_first_line(exc)})")
                continue
            yield _extract_one(doc, article, model)
        return
    for doc, article in zip(docs, batch):
        yield _extract_one(doc, article, model)


def _extract_one(doc: Doc, article: Article, model: str) -> Extraction | RuleError:
    try:
        return extract_doc(doc, article, model)
    except RuleError as exc:  # a rule's bug on one text must not lose the other articles
        log.debug("internal error on %s:\n%s", article.source, exc.details)
        return exc


def _first_line(exc: BaseException) -> str:
    """An exception as one short line: spaCy's messages run over several lines."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 160 else text[:159] + "…"
    return f"{type(exc).__name__}: {text}"
