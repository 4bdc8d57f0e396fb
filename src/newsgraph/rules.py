"""Every rule newsgraph applies, by name: the registry behind ``newsgraph rules`` and docs/rules.md.

A claim ("only one outlet reports this") rests on a chain of rules: which words became a mention, which
mentions one actor, which verbs one event, whose voice a sentence is in. Each rule is a short function
registered here with a stable name, a one-line description and an example sentence, in an ordered list per
stage; the stage's driver applies them in that order, and the graph records the name of the rule behind
every mention, merge and attribution (``ng:foundBy``, ``ng:resolvedBy``, ``ng:attributedBy``).

Adding a rule is one function, one ``@rule(...)`` registration, one row in a test table.

>>> @rule("event-merge", "demo", "an example rule", "Witkoff left. Witkoff's departure ...", register=False)
... def demo() -> None: ...
>>> demo.rule.name, demo.rule.stage
('demo', 'event-merge')
"""

from __future__ import annotations

import importlib
import itertools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

__all__ = ["STAGES", "Rule", "all_rules", "appending", "find", "markdown", "named", "of_code", "rule", "rule_in_traceback"]

#: The stages, in pipeline order, with what their rules decide.
STAGES: dict[str, str] = {
    "mention": "which words are actor mentions, and how a mention's span and type are cleaned up",
    "chain": "which mentions of one article are one actor",
    "event": "which words are event mentions, and who takes part in them",
    "quote": "direct quotes and who speaks them",
    "attribution": "whose claim an event mention is: the article's own voice or a source",
    "modality": "whether an event mention says it happened (polarity) and how sure it is (certainty)",
    "time-place": "when and where an event happens",
    "actor-merge": "which actors of a story's articles are one actor",
    "event-merge": "which event mentions of a story are one happening",
}

#: The modules whose import registers every rule (the stages' own modules).
_RULE_MODULES = (
    "newsgraph.extract.coordination", "newsgraph.extract.cleanups", "newsgraph.extract.actors",
    "newsgraph.extract.plurals", "newsgraph.extract.chains",
    "newsgraph.extract.nominals", "newsgraph.extract.pronouns", "newsgraph.extract.headings", "newsgraph.extract.events",
    "newsgraph.extract.subjects", "newsgraph.extract.quotes", "newsgraph.extract.attribution",
    "newsgraph.extract.modality", "newsgraph.extract.timeplace",
    "newsgraph.resolve.actors", "newsgraph.resolve.variants", "newsgraph.resolve.places",
    "newsgraph.resolve.described", "newsgraph.resolve.fillers", "newsgraph.resolve.actor_pairs",
    "newsgraph.resolve.events", "newsgraph.resolve.reports", "newsgraph.resolve.event_pairs",
)


@dataclass(frozen=True)
class Rule:
    """One named rule: what it decides and a sentence it decides on."""

    stage: str
    name: str
    description: str
    example: str
    func: Callable[..., Any] | None = None
    module: str = ""  # where it is defined: rules are listed in pipeline order of their modules
    seq: int = 0  # then in the order they are defined

    def as_dict(self) -> dict[str, str]:
        return {"stage": self.stage, "name": self.name, "description": self.description, "example": self.example}


_REGISTRY: dict[str, dict[str, Rule]] = {stage: {} for stage in STAGES}
_BY_CODE: dict[object, Rule] = {}  # a rule function's code object -> its rule, to name a rule in a traceback
_SEQ = itertools.count()

F = TypeVar("F", bound=Callable[..., Any])


def rule(stage: str, name: str, description: str, example: str, *, register: bool = True) -> Callable[[F], F]:
    """Register the decorated function as rule ``name`` of ``stage``.

    The function keeps working as itself; ``func.rule`` is its ``Rule``.
    """
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}. Available: {', '.join(STAGES)}")

    def decorate(func: F) -> F:
        r = Rule(stage, name, description, example, func, func.__module__, next(_SEQ))
        if register:
            _add(r)
            _BY_CODE[getattr(func, "__code__", func)] = r
        func.rule = r  # type: ignore[attr-defined]
        return func

    return decorate


def appending(ordered: list[F], stage: str) -> Callable[[str, str, str], Callable[[F], F]]:
    """A decorator factory for a stage whose driver tries its rules from a list: ``@appending(CLEANUPS,
    "mention")(name, description, example)`` registers the function and appends it to ``ordered``."""

    def register(name: str, description: str, example: str) -> Callable[[F], F]:
        def decorate(func: F) -> F:
            ordered.append(rule(stage, name, description, example)(func))
            return func
        return decorate

    return register


def named(stage: str, name: str, description: str, example: str) -> Rule:
    """Register a rule that is a decision inside a driver rather than a function of its own (``new``:
    nothing matched, so the mention starts its own actor)."""
    r = Rule(stage, name, description, example, None, sys._getframe(1).f_globals["__name__"], next(_SEQ))
    _add(r)
    return r


def _add(r: Rule) -> None:
    if r.stage not in STAGES:
        raise ValueError(f"unknown stage {r.stage!r}. Available: {', '.join(STAGES)}")
    if r.name in _REGISTRY[r.stage]:
        raise ValueError(f"rule {r.name!r} registered twice in stage {r.stage!r}")
    _REGISTRY[r.stage][r.name] = r


def _order(r: Rule) -> tuple[int, int]:
    where = _RULE_MODULES.index(r.module) if r.module in _RULE_MODULES else len(_RULE_MODULES)
    return where, r.seq


def _load() -> None:
    for module in _RULE_MODULES:
        importlib.import_module(module)


def all_rules(stage: str | None = None) -> list[Rule]:
    """Every registered rule, stage by stage in pipeline order, each stage's rules in the order applied."""
    _load()
    if stage is not None and stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}. Available: {', '.join(STAGES)}")
    return [r for s in STAGES if stage in (None, s) for r in sorted(_REGISTRY[s].values(), key=_order)]


def find(stage: str, name: str) -> Rule | None:
    """The rule ``name`` of ``stage``, or None."""
    _load()
    return _REGISTRY.get(stage, {}).get(name)


def of_code(code: object) -> Rule | None:
    """The rule whose function has this code object (what a traceback or a profiler sees), or None."""
    return _BY_CODE.get(code)


def rule_in_traceback(tb: TracebackType | None) -> str | None:
    """The innermost registered rule a traceback passes through ("stage/name"), or None: names the rule
    behind an exception without any cost on the path where nothing goes wrong."""
    found = None
    while tb is not None:
        r = _BY_CODE.get(tb.tb_frame.f_code)
        if r is not None:
            found = f"{r.stage}/{r.name}"
        tb = tb.tb_next
    return found


def markdown() -> str:
    """docs/rules.md: every rule, stage by stage (``newsgraph rules --format markdown`` writes it)."""
    lines = [
        "# Rules",
        "",
        "Every rule newsgraph applies, stage by stage, in the order each stage tries them. The graph names the",
        "rule behind every mention (`ng:foundBy`), every merge (`ng:resolvedBy`) and every attribution",
        "(`ng:attributedBy`), so a claim can be traced to the rules it rests on: look its name up here, then in",
        "the code (`newsgraph rules --format json` gives the same list for scripts).",
        "",
        "Generated by `newsgraph rules --format markdown > docs/rules.md`; a test keeps it in step with the code.",
    ]
    for stage, what in STAGES.items():
        lines += ["", f"## {stage}", "", f"{what[0].upper()}{what[1:]}.", "", "| rule | what it decides | example |",
                  "| --- | --- | --- |"]
        for r in all_rules(stage):
            cells = (f"`{r.name}`", r.description, r.example)
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
