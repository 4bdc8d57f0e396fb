"""Which store a location names: a folder (``store.Store``) or a SPARQL server's URL (``remote.RemoteStore``).

The one place that knows both kinds, one level above them, so neither imports the other. What the CLI,
the build's callers, benchmarks and tests call when a location may be either.
"""

from __future__ import annotations

import os

from .remote import RemoteStore
from .store import Store, is_url


def open_store(location: str | os.PathLike[str], *, create: bool = False, read_only: bool = False) -> Store:
    """Open the store at ``location``; with ``create``, make it when it is absent or empty; ``read_only``
    for reading only (a folder: beside a server and other readers, in a folder the user cannot write).

    An ``http://`` or ``https://`` URL opens the store on that SPARQL 1.1 server; anything else is a folder.

    >>> with open_store("out/store", create=True) as store:   # doctest: +SKIP
    ...     store.count()
    """
    if is_url(location):
        return RemoteStore.open(os.fspath(location), create=create, read_only=read_only)
    return Store.open(location, create=create, read_only=read_only)


__all__ = ["is_url", "open_store"]
