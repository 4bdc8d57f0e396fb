"""The attribute ruler and lemmatizer of the English pipelines, done once per distinct token.

spaCy's ``attribute_ruler`` (tag -> POS and morphology, plus exceptions) and rule ``lemmatizer`` cost
~16% of ``en_core_web_sm``'s time, nearly all of it in Python work per token and per match. Their
results depend only on a token's tag, lower-case form, dependency label and whether it is a space (and
for a few two-word patterns, its neighbour), then on its orth, POS and morphology: this component
computes each distinct case once, with the ruler's own patterns and the lemmatizer's own method, and
writes the columns back in one call. Same annotations as the two components it stands in for (checked
token by token in tests/test_tagging.py); ``supported`` says when it can stand in (patterns of other
pipelines may use matcher features this does not read, and then the model's own components run).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

#: The token attributes a pattern may test, as read from ``Doc.to_array``.
_READ = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
#: The attributes a rule may set, in the order they are written back.
_WRITE = (POS, MORPH, LEMMA, TAG, DEP)

#: Kinds of token (and lemmas) remembered before the caches are emptied: a worker parsing for days keeps
#: flat memory.
_CACHED = 200_000

Spec = Callable[[tuple[str, str, str, bool]], bool]


def supported(nlp: Language) -> bool:
    """Whether the pipeline has an attribute ruler and rule lemmatizer this component can stand in for."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return False
    lemmatizer: Any = nlp.get_pipe("lemmatizer")  # spaCy types a pipe as a bare callable
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    try:
        _compile(ruler.patterns, ruler.attrs)
    except _Unsupported:
        return False
    return True


@Language.factory("newsgraph_tags")
def make_fast_tags(nlp: Language, name: str) -> FastTags:
    return FastTags(nlp)


class _Unsupported(Exception):
    pass


class FastTags:
    """Stands in for ``attribute_ruler`` + ``lemmatizer`` (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        # spaCy types a pipe as a bare callable; these are its AttributeRuler and Lemmatizer
        self.ruler: Any = nlp.get_pipe("attribute_ruler")
        self.lemmatizer: Any = nlp.get_pipe("lemmatizer")
        self.strings = nlp.vocab.strings
        self._rules_seen = -1  # how many rules the ruler had when they were compiled (none yet)
        self._cases: dict[tuple[int, int, int, int], tuple[list[int], list[int]]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(self.ruler.attrs) != self._rules_seen:
            self._compile()
        if not len(doc):
            return doc
        self._rules(doc)
        self._lemmatize(doc)
        return doc

    def _compile(self) -> None:
        """Read the ruler's rules: on first use, not when built (a pipeline loaded from disk fills its ruler
        after building its components), and again whenever rules were added."""
        self.compiled = _compile(self.ruler.patterns, self.ruler.attrs)
        # per rule: the column of _WRITE it sets -> the value
        self.attrs = [{_WRITE.index(a): v for a, v in rule.items()} for rule in self.ruler.attrs]
        self.indices = list(self.ruler.indices)
        self._rules_seen = len(self.attrs)
        self._forget()

    def _forget(self) -> None:
        """Empty the caches (and the lemmatizer's own, which grows as ours does)."""
        self._cases.clear()
        self._lemmas.clear()
        self.lemmatizer.cache.clear()

    def _rules(self, doc: Doc) -> None:
        """The attribute ruler: matches applied in rule order, later rules overriding earlier ones."""
        keys = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        applied: dict[int, list[int]] = {}  # token -> the rules that set its attributes
        for i, key in enumerate(keys):
            case = self._cases.get(key)
            if case is None:
                if len(self._cases) >= _CACHED:
                    self._forget()
                case = self._cases[key] = self._case(key)
            singles, starts = case
            if singles:
                applied.setdefault(i, []).extend(singles)
            for pattern in starts:  # patterns of several tokens whose first token this one matches
                rule, specs = self.compiled.patterns[pattern]
                end = i + len(specs)
                if end <= len(keys) and all(spec(self._fields(keys[j])) for spec, j in zip(specs[1:], range(i + 1, end))):
                    index = self.indices[rule]
                    applied.setdefault((i if index >= 0 else end) + index, []).append(rule)
        if not applied:
            return
        columns = doc.to_array(list(_WRITE))
        for i, rules in applied.items():
            for rule in sorted(rules):
                for column, value in self.attrs[rule].items():
                    columns[i, column] = value
        doc.from_array(list(_WRITE), columns)  # type: ignore[arg-type]  # uint64 columns, as to_array gave them

    def _case(self, key: tuple[int, int, int, int]) -> tuple[list[int], list[int]]:
        """The rules whose one-token patterns a token of this kind matches, and the longer patterns its
        first token matches (only the patterns that could match are tested: see ``_compile``)."""
        fields = self._fields(key)
        maybe = set(self.compiled.always)
        for at, value in enumerate(fields):
            maybe.update(self.compiled.by_value.get((at, value), ()))
        singles, starts = [], []
        for pattern in sorted(maybe):
            rule, specs = self.compiled.patterns[pattern]
            if specs[0](fields):
                if len(specs) == 1:
                    singles.append(rule)
                else:
                    starts.append(pattern)
        return singles, starts

    def _fields(self, key: Sequence[int]) -> tuple[str, str, str, bool]:
        tag, lower, dep, space = key
        return self.strings[tag], self.strings[lower], self.strings[dep], bool(space)

    def _lemmatize(self, doc: Doc) -> None:
        """The rule lemmatizer, for tokens the ruler gave no lemma, by (orth, POS, morphology)."""
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = self._lemmas.get(key)
            if value is None:
                if len(self._lemmas) >= _CACHED:
                    self._forget()
                value = self._lemmas[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]  # uint64, as to_array gave it


class _Compiled(NamedTuple):
    patterns: list[tuple[int, list[Spec]]]  # (its rule's number, a test per token), in the ruler's order
    by_value: dict[tuple[int, Any], list[int]]  # (field, a value the first token must have) -> patterns
    always: list[int]  # patterns whose first token must have no one value: tested on every kind of token


def _compile(patterns: Sequence[dict[str, Any]], attrs: Sequence[dict[int, int]]) -> _Compiled:
    """The ruler's patterns as tests, numbered in order (a rule may have several; the rule's number orders
    the effects, later rules winning), and indexed by a value their first token must have, so that a new
    kind of token is tested against a few patterns rather than all of them."""
    out = _Compiled([], {}, [])
    for rule, (p, normalized) in enumerate(zip(patterns, attrs)):
        if any(a not in _WRITE for a in normalized):
            raise _Unsupported(f"a rule sets {sorted(normalized)}")
        index = p.get("index", 0)
        for pattern in p["patterns"]:
            if not -len(pattern) <= index < len(pattern):
                raise _Unsupported(f"a rule sets token {index} of a {len(pattern)}-token pattern")
            number = len(out.patterns)
            out.patterns.append((rule, [_spec(token) for token in pattern]))
            required = [(name, wanted) for name, wanted in pattern[0].items()
                        if isinstance(wanted, (str, bool)) or (isinstance(wanted, dict) and "IN" in wanted)]
            if not required:
                out.always.append(number)
                continue
            name, wanted = required[0]
            for value in (wanted["IN"] if isinstance(wanted, dict) else [wanted]):
                out.by_value.setdefault((_READ[name], value), []).append(number)
    return out


def _spec(token: dict[str, Any]) -> Spec:
    tests = []
    for name, wanted in token.items():
        if name not in _READ:
            raise _Unsupported(f"a pattern tests {name}")
        tests.append((_READ[name], _test(wanted, bool if name == "IS_SPACE" else str)))

    def spec(fields: tuple[str, str, str, bool]) -> bool:
        return all(test(fields[at]) for at, test in tests)

    return spec


def _test(wanted: Any, kind: type) -> Callable[[Any], bool]:
    """The matcher's semantics for one attribute of type ``kind``: equality, ``IN`` or ``NOT_IN`` a list,
    ``REGEX`` searched in a string. Anything else (a hash where a string was expected, other operators)
    is left to the model's own components."""
    if type(wanted) is kind:
        return lambda value: value == wanted
    if isinstance(wanted, dict) and len(wanted) == 1:
        (op, arg), = wanted.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(type(m) is kind for m in arg):
            members, inside = set(arg), op == "IN"
            return lambda value: (value in members) == inside
        if op == "REGEX" and kind is str and isinstance(arg, str):
            pattern = re.compile(arg)
            return lambda value: bool(pattern.search(value))
    raise _Unsupported(f"a pattern value {wanted!r}")
