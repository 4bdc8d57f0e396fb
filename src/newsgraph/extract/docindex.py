"""What the rules read from one parsed Doc, computed once per Doc instead of once per mention or predicate.

spaCy builds a new Python object on every access: each ``doc[i]``, ``token.head`` and ``token.children``
creates Token objects (``children`` also scans the token's whole subtree), ``Doc.text`` joins every
token, ``Token.sent`` scans to its sentence's edges, ``Doc.ents`` and ``Span.ents`` create a Span per
entity. The rules ask for these millions of times per hundred articles; making those objects was most of
their cost. ``DocIndex`` makes each of them once and hands them out by token index.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicon import GROUP_NOUNS
from ..model import ActorMention
from .labels import OWNERS

__all__ = ["DocIndex", "Mentions"]


class DocIndex:
    """The tokens, heads, children, text, sentences and entities of one Doc, each made once.

    The Doc must not change while its index is in use.

    >>> import spacy
    >>> doc = spacy.blank("en")("Witkoff left. Macron stayed.")
    >>> doc[0].is_sent_start, doc[3].is_sent_start = True, True
    >>> index = DocIndex(doc)
    >>> index.sentence_of[4], index.sent(doc[4]).text, index.token_at(14).text
    (1, 'Macron stayed.', 'Macron')
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        #: every token, in order; iterate over this rather than over the Doc
        self.tokens: list[Token] = list(doc)
        self.text: str = "".join([t.text_with_ws for t in self.tokens])  # what Doc.text joins on every call
        # HEAD comes as offsets relative to each token, negative ones stored as unsigned: read them back signed
        heads = [i + offset for i, offset in enumerate(doc.to_array("HEAD").view("int64").tolist())]
        self._heads: list[Token] = [self.tokens[h] for h in heads]
        self._children: list[list[Token]] = [[] for _ in self.tokens]
        for i, h in enumerate(heads):
            if h != i:
                self._children[h].append(self.tokens[i])  # in document order, as Token.children gives them
        self.sents: list[Span] = list(doc.sents)
        #: token index -> index of its sentence in ``sents``
        self.sentence_of: list[int] = []
        for k, sent in enumerate(self.sents):
            self.sentence_of += [k] * len(sent)
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._ent_starts = [e.start for e in self.ents]
        self._token_starting_at = {idx: i for i, idx in enumerate(doc.to_array("IDX").tolist())}
        self._sentence_ents: dict[int, list[Span]] = {}

    def head(self, token: Token) -> Token:
        """``token.head``."""
        return self._heads[token.i]

    def children(self, token: Token) -> list[Token]:
        """``token.children``, in document order (do not modify the list)."""
        return self._children[token.i]

    def sent(self, token: Token) -> Span:
        """``token.sent``."""
        return self.sents[self.sentence_of[token.i]]

    def token_at(self, char: int) -> Token | None:
        """The token starting at (or else covering) character offset ``char``; see ``attribution.token_at``."""
        i = self._token_starting_at.get(char)
        if i is not None:
            return self.tokens[i]
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return self.tokens[span.start] if span is not None and len(span) else None

    def sentence_ents(self, sentence: int) -> list[Span]:
        """``Span.ents`` of sentence number ``sentence``: the entities from its start on, up to the first one
        that runs past its end (spaCy stops there too)."""
        if sentence not in self._sentence_ents:
            sent = self.sents[sentence]
            out = []
            for ent in self.ents[bisect_left(self._ent_starts, sent.start) :]:
                if ent.end > sent.end:
                    break
                out.append(ent)
            self._sentence_ents[sentence] = out
        return self._sentence_ents[sentence]


class Mentions:
    """Token -> actor mention, and which mentions belong to a chain that has a proper name; also the Doc's
    index, which every rule reading the parse through this lookup shares."""

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention], index: DocIndex | None = None) -> None:
        self.index = index if index is not None else DocIndex(doc)
        self.mentions = mentions
        self.by_token: dict[int, int] = {}
        for number, m in enumerate(mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                self.by_token.setdefault(i, number)
        self.named = {m.local for m in mentions if m.kind == "NAME"}

    def of(self, token: Token) -> int | None:
        """The mention ``token`` is part of; a group noun stands for its owner ("Foreign Ministry officials")."""
        if token.i in self.by_token:
            return self.by_token[token.i]
        if token.lemma_.lower() in GROUP_NOUNS or token.lower_ in GROUP_NOUNS:
            for child in self.index.children(token):
                if child.dep_ in OWNERS and child.i in self.by_token:
                    return self.by_token[child.i]
        return None

    def is_named(self, index: int) -> bool:
        return self.mentions[index].local in self.named
