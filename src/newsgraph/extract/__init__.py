"""Extraction: one article's text -> its actor mentions, local actors and events. The only package that imports spaCy."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..model import Article, Extraction, Sentence
from . import chunking
from .actors import find_actors
from .attribution import Mentions, attribute_events
from .docindex import DocIndex
from .events import find_events
from .pipeline import describe, load
from .quotes import find_quotes
from .timeplace import situate_events

__all__ = ["extract_doc", "extract_articles", "load"]

log = logging.getLogger(__name__)


def extract_doc(doc: Doc, article: Article, model: str = "") -> Extraction:
    """Everything newsgraph needs from one parsed article.

    The Doc's tokens, heads, children, text, sentences and entities are made once (``DocIndex``) and the
    token -> mention lookup built once (``Mentions``), then shared by every rule: spaCy makes new objects
    for them on each access, and that was most of the rules' cost.
    """
    index = DocIndex(doc)
    mentions, entities, token_mention = find_actors(doc, index=index)
    events = find_events(doc, mentions, token_mention, index=index)
    # who says it, how sure, when and where (attribution before time: future events look ahead)
    lookup = Mentions(doc, mentions, index)
    quotes = find_quotes(doc, mentions, index=index, lookup=lookup)
    events = attribute_events(doc, events, mentions, quotes, index=index, lookup=lookup)
    events = situate_events(doc, events, mentions, article.published, index=index, lookup=lookup)
    sentences = tuple(Sentence(s.start_char, s.end_char) for s in index.sents)
    return Extraction(article, sentences, tuple(entities), tuple(mentions), tuple(events), model, tuple(quotes))


def extract_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16
) -> Iterator[Extraction | InputError]:
    """Stream articles through ``nlp.pipe`` in batches, one Extraction per article, in input order.

    A text spaCy refuses (one longer than ``nlp.max_length``, say) fails its whole batch inside
    ``nlp.pipe``; that batch is then parsed one article at a time, so only the bad article becomes an
    InputError naming it. A rule that fails on one text likewise costs only that article.
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


def _extract_batch(nlp: Language, batch: list[Article], model: str) -> Iterator[Extraction | InputError]:
    try:
        docs = list(chunking.pipe(nlp, [a.text for a in batch], batch_size=len(batch)))  # any length
    except Exception:  # one text spaCy refuses: find it by parsing the batch article by article
        for article in batch:
            try:
                doc = next(chunking.pipe(nlp, [article.text]))
            except Exception as exc:
                yield InputError(article.source, f"spaCy cannot parse the text ({_first_line(exc)})")
                continue
            yield _extract_one(doc, article, model)
        return
    for doc, article in zip(docs, batch):
        yield _extract_one(doc, article, model)


def _extract_one(doc: Doc, article: Article, model: str) -> Extraction | InputError:
    try:
        return extract_doc(doc, article, model)
    except Exception as exc:  # a rule's bug on one text must not lose the other articles
        log.debug("extraction failed on %s", article.source, exc_info=True)
        return InputError(article.source, f"extraction failed ({_first_line(exc)})")


def _first_line(exc: BaseException) -> str:
    """An exception as one short line: spaCy's messages run over several lines."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 160 else text[:159] + "…"
    return f"{type(exc).__name__}: {text}"
