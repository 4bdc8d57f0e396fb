"""newsgraph: who and what does only one source report? Articles in, an actor-event-source knowledge graph out.

The pipeline, one module a stage: ingest -> extract -> resolve -> rdf -> store -> query -> export.

>>> from newsgraph import build, open_store, query
>>> with open_store("out/store", create=True) as store:   # doctest: +SKIP
...     build(["seeds/"], store)
...     rows = query.run(store, query.resolve("single-source-actors"))
"""

from __future__ import annotations

from . import query
from .build import BuildReport, build, remove
from .errors import ExportError, InputError, ModelError, NewsgraphError, QueryError, RuleError, StoreError
from .ingest import read
from .model import Actor, ActorMention, Article, Event, EventMention, Extraction, LocalEntity, Resolution
from .resolve import resolve_story
from .store import Store
from .stores import open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "BuildReport",
    "Event",
    "EventMention",
    "ExportError",
    "Extraction",
    "InputError",
    "LocalEntity",
    "ModelError",
    "NewsgraphError",
    "QueryError",
    "Resolution",
    "RuleError",
    "Store",
    "StoreError",
    "build",
    "open_store",
    "query",
    "read",
    "remove",
    "resolve_story",
]
