"""newsgraph: who and what does only one source report? Articles in, an actor-event-source knowledge graph out.

The pipeline, one module a stage: ingest -> extract -> resolve -> rdf -> store -> query -> export.

>>> from newsgraph import Store, build, query      # doctest: +SKIP
>>> with Store.open("out/store", create=True) as store:
...     build(["seeds/"], store)
...     rows = query.run(store, query.resolve("single-source-actors"))
"""

from __future__ import annotations

from . import query
from .build import BuildReport, build, remove
from .errors import InputError, ModelError, NewsgraphError, QueryError, StoreError
from .ingest import read
from .model import Actor, ActorMention, Article, Event, EventMention, Extraction, LocalEntity, Resolution
from .resolve import resolve_story
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "BuildReport",
    "Event",
    "EventMention",
    "Extraction",
    "InputError",
    "LocalEntity",
    "ModelError",
    "NewsgraphError",
    "QueryError",
    "Resolution",
    "Store",
    "StoreError",
    "build",
    "query",
    "read",
    "remove",
    "resolve_story",
]
