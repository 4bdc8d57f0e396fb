"""Deterministic IRIs: the same article, story or canonical key always gives the same IRI.

Pure string functions (no rdflib) so that resolve, rdf and export agree on identity without importing
each other.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from .vocab import BASE

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)  # called for every actor, event and outlet IRI of every story graph
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; never empty. A name with letters ASCII cannot spell
    (Hebrew, Arabic, Cyrillic ...) also gets a short hash of itself, so two such names never share a slug.

    >>> slug("Zelenskiy’s Government!")
    'zelenskiys-government'
    >>> slug("Zoë") == "zoe" and slug("שלום News") != slug("مرحبا News")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    out = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    lost = any(ch.isalnum() and not ch.isascii() and unicodedata.category(ch) != "Mn" for ch in decomposed)
    if lost or not out:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        out = f"{out}-{digest}" if out else digest
    return out


@lru_cache(maxsize=65536)  # and this for every mention
def doc_iri(article_id: str) -> str:
    return f"{BASE}doc/{quote(article_id, safe='')}"


def outlet_iri(outlet: str) -> str:
    return f"{BASE}outlet/{slug(outlet)}"


#: Every story graph's IRI starts so (and no other graph's).
STORIES = f"{BASE}story/"


def story_iri(story: str) -> str:
    """The named graph holding a story's resolved actors and events."""
    return f"{STORIES}{slug(story)}"


def actor_iri(story: str, key: str) -> str:
    return f"{BASE}actor/{slug(story)}/{key}"


def event_iri(story: str, key: str) -> str:
    return f"{BASE}event/{slug(story)}/{key}"


def span_iri(article_id: str, start: int, end: int) -> str:
    """A mention or sentence, as an RFC 5147 fragment of its article: ``.../doc/000#char=159,172``."""
    return f"{doc_iri(article_id)}#char={start},{end}"
