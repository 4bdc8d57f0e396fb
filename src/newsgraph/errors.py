"""Exceptions raised by the newsgraph library.

Library code raises these; only the CLI and the HTTP server turn them into messages and exit codes.
Each subclasses the builtin it really is, so callers that catch ``ValueError`` or ``OSError`` keep working.

    NewsgraphError
    ├── InputError(ValueError)         an input file or line cannot be read as an article
    ├── ModelError(RuntimeError)       the spaCy pipeline cannot be loaded
    ├── StoreError(OSError)            the store directory is missing, locked or not a store
    ├── QueryError(ValueError)         an unknown query name, a bad parameter, a SPARQL syntax error
    │   └── QueryUsageError(UsageError) an unknown query, parameter or story (the CLI exits 2)
    ├── UsageError(ValueError)         the command asked for something that is not there (exit 2)
    ├── ExportError(ValueError)        an unknown export format or network, an output that cannot be written
    ├── RuleError(RuntimeError)        a bug: a rule raised on an article (not the input's fault)
    └── DataError(RuntimeError)        a bug: a table shipped in newsgraph/data is missing or malformed
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError, ValueError):
    """An input that cannot become an article; ``source`` names the file (and line)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelError(NewsgraphError, RuntimeError):
    """The spaCy pipeline asked for is not installed or cannot be loaded."""


class StoreError(NewsgraphError, OSError):
    """The store directory cannot be opened or written."""


class QueryError(NewsgraphError, ValueError):
    """A query that cannot be found, bound or parsed."""


class UsageError(NewsgraphError, ValueError):
    """The caller asked for something that is not there (a query, a parameter, a story): a usage error,
    which the CLI reports with exit status 2 like the ones argparse finds."""


class QueryUsageError(QueryError, UsageError):
    """An unknown query name, an undeclared or malformed parameter, a story the store does not hold."""


class ExportError(NewsgraphError, ValueError):
    """An export that cannot be made: unknown format or network, unwritable output."""


class RuleError(NewsgraphError, RuntimeError):
    """A rule raised while reading an article: a bug in newsgraph, not bad input.

    Counted apart from rejected input (the CLI exits 1, not 3); ``rule`` names the registered rule (or the
    stage) that raised, ``source`` the article, ``details`` the traceback shown under ``--verbose``.
    """

    def __init__(self, source: str, rule: str, problem: str, details: str = "") -> None:
        super().__init__(f"{source}: internal error in rule {rule!r}: {problem}")
        self.source = source
        self.rule = rule
        self.problem = problem
        self.details = details


class DataError(NewsgraphError, RuntimeError):
    """A table shipped as package data is missing or malformed: a packaging bug, not the input's fault."""
