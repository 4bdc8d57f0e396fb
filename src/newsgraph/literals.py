"""RDF literals as newsgraph writes them: small values and offsets made once (rdflib's are costly to make),
dates typed only where they are one, and text checked before it is written as an IRI. Pure."""

from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Literal

from .vocab import XSD

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


@lru_cache(maxsize=65536)
def int_literal(value: int) -> Literal:
    """An offset. NIF says xsd:nonNegativeInteger, which Oxigraph stores as xsd:integer: write what is kept."""
    return Literal(value, datatype=XSD.integer)


@lru_cache(maxsize=4096, typed=True)
def value_literal(value: str | bool) -> Literal:
    """A literal from a small set (kinds, labels, flags, story names): made once, rdflib's are costly."""
    return Literal(value)


def date_literal(value: str) -> Literal:
    """A typed date where the value is one, else the string as given (never a malformed typed literal)."""
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value):
        return Literal(value, datatype=XSD.dateTime)
    if _YEAR_MONTH.match(value):
        return Literal(value, datatype=XSD.gYearMonth)
    if _YEAR.match(value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_iri(value: str) -> bool:
    """Whether the store will take ``value`` as an IRI (percent escapes, host and port included): a URL
    that is not one is kept as text rather than failing the write of every article loaded with it."""
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return bool(_SCHEME.match(value))
