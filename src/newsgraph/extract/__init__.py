"""Extraction: one article's text -> its actor mentions, local actors and events. The only package that imports spaCy."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..model import Article, Extraction, Sentence
from .actors import find_actors
from .events import find_events
from .pipeline import describe, load

__all__ = ["extract_doc", "extract_articles", "load"]

log = logging.getLogger(__name__)


def extract_doc(doc: Doc, article: Article, model: str = "") -> Extraction:
    """Everything newsgraph needs from one parsed article."""
    mentions, entities, token_mention = find_actors(doc)
    events = find_events(doc, mentions, token_mention)
    sentences = tuple(Sentence(s.start_char, s.end_char) for s in doc.sents)
    return Extraction(article, sentences, tuple(entities), tuple(mentions), tuple(events), model)


def extract_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, workers: int = 1
) -> Iterator[Extraction | InputError]:
    """Stream articles through ``nlp.pipe`` in batches, one Extraction per article, in input order.

    An article the rules fail on becomes an InputError naming it, so one odd text never stops a batch.
    """
    model = describe(nlp)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=workers):
        try:
            yield extract_doc(doc, article, model)
        except Exception as exc:  # a rule's bug on one text must not lose the other articles
            log.debug("extraction failed on %s", article.source, exc_info=True)
            yield InputError(article.source, f"extraction failed ({type(exc).__name__}: {exc})")
