"""The blind-spot digest: per story, what each outlet alone reports, as short sentences, on one screen.

Built from the bundled ``single-source-events``, ``single-source-actors`` and ``contested-events``
queries with their default kinds (named actors; events with a named participant or a source), most
important first, plus ``assets/blindspots-*.rq`` for the words of each sentence. Rendered as text (for a
terminal: fits ``width`` columns), Markdown (a newsletter) or JSON (a script).

>>> stories = digest(store, top=5)   # doctest: +SKIP
>>> print(render(stories, "text"))   # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import asdict, dataclass
from typing import Any, Literal

from . import names, query
from .errors import QueryError
from .lexicon import EXPLETIVES, FIRST_PERSON, MODALS, PARTICIPLES_ONLY, PERSONAL_PRONOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS
from .store import Store

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")


@dataclass(frozen=True)
class Item:
    """One event only one outlet reports, in words."""

    sentence: str  # "Steve Witkoff left the meeting"
    articles: str  # "000" (the outlet's articles that report it)
    how: str  # "stated as fact", "per Russian Foreign Ministry", "per sources close to the meeting, hedged"
    importance: int
    evidence: str  # the sentence of its first mention
    event: str  # its IRI
    may_be: str = ""  # 'may be “devastate church” (5 outlets)': another outlet's event it may be the same as


@dataclass(frozen=True)
class OutletSpots:
    outlet: str
    events: tuple[Item, ...]
    actors: tuple[str, ...]  # the named actors only this outlet mentions, most important first
    more_events: int  # how many more single-source events it has than are shown
    more_actors: int


@dataclass(frozen=True)
class Contested:
    sentence: str
    fact_outlet: str  # states it as fact
    other_outlet: str
    how: str  # how the other outlet reports it
    importance: int


@dataclass(frozen=True)
class StoryDigest:
    story: str
    articles: int
    outlets: tuple[OutletSpots, ...]
    contested: tuple[Contested, ...]
    label: str = ""  # the story's label ("Paris · Witkoff, Macron, Zelenskyy · 2025-09-04")


def digest(store: Store, story: str | None = None, top: int = 5) -> list[StoryDigest]:
    """Per story (or the one named): each outlet's ``top`` single-source events and actors, then the
    contested events. Raises QueryError for a story the store does not hold."""
    stories = {r["story"]: r for r in query.run_asset(store, "blindspots-stories", {})}
    if story is not None and story not in stories:
        known = ", ".join(sorted(stories)) or "none: build some articles first"
        raise QueryError(f"no story {story!r} in the store (its stories: {known})")
    out = []
    for name in [story] if story is not None else sorted(stories):
        params = {"story": name}
        words = {r["event"]: r for r in query.run_asset(store, "blindspots-events", params)}
        events = query.run(store, query.resolve("single-source-events"), params).rows
        actors = query.run(store, query.resolve("single-source-actors"), params).rows
        contested = query.run(store, query.resolve("contested-events"), params).rows
        outlets = sorted({r["outlet"] for r in events} | {r["outlet"] for r in actors})
        spots = []
        for outlet in outlets:
            own = [r for r in events if r["outlet"] == outlet]
            names = [r["label"] for r in actors if r["outlet"] == outlet]
            items = tuple(
                Item(sentence(words.get(r["event"], {}), r), " ".join(sorted(str(r["articles"] or "").split())), how(r), int(r["importance"] or 0),
                     " ".join((r["evidence"] or "").split()), r["event"], may_be(r))
                for r in own[:top]
            )
            spots.append(OutletSpots(outlet, items, tuple(names[:top]), max(0, len(own) - top), max(0, len(names) - top)))
        seen: set[str] = set()
        disputes = []
        for r in contested:
            if r["event"] in seen:
                continue
            seen.add(r["event"])
            # the sentence as the fact outlet has it; how the other outlet differs is said after it
            plain = {"label": r["label"]}
            disputes.append(Contested(sentence(words.get(r["event"], {}), plain), r["factOutlet"], r["otherOutlet"], how(r),
                                      int(r["importance"] or 0)))
        label = next((r["storyLabel"] for r in (*events, *actors, *contested) if r.get("storyLabel")), name)
        out.append(StoryDigest(name, int(stories[name]["articles"]), tuple(spots), tuple(disputes[:top]), label))
    return out


def sentence(words: dict[str, Any], row: dict[str, Any]) -> str:
    """"Who did what" from an event's agents, predicate as written and object: "Steve Witkoff left the
    meeting". A denied event says so ("Emmanuel Macron did not disclose details"); one stated only as
    future or condition takes "will" / "would"; a noun naming the event is quoted with the words around it."""
    doers = _split(words.get("agents") or row.get("agents"))
    agents = _listed(doers)
    patient_labels = _split(words.get("patients") or row.get("patients"))
    patients = _listed(patient_labels)
    label = str(row.get("label") or "")
    predicate = words.get("predicate") or label.split(" ")[0]
    # the patients by name, else the object as written, else what the label says after the predicate
    rest = label[len(predicate):].strip() if label.startswith(predicate) else ""
    # a described patient goes by its lemma ("troop"): the object as written reads better ("troops")
    written = str(words.get("object") or "")
    described = patient_labels and not any(p[:1].isupper() for p in patient_labels) and written.lower() not in _PRONOUNS
    obj = (written if described else "") or patients or written or rest
    mention = " ".join((words.get("mention") or "").split())
    if not doers and not obj and row.get("evidence"):
        # "Considered", "Expired": a verb alone tells a reader nothing; the words around it do
        return _snippet(str(row["evidence"]), str(row.get("mention") or mention))
    if words.get("nominal") or not mention:
        # "Volodymyr Zelenskyy: refusal" says little; the words around the noun say what was refused
        said = _snippet(str(row["evidence"]), str(row.get("mention") or mention), NOUN_BEFORE, NOUN_AFTER) if (
            mention and row.get("evidence")) else ""
        return _cap(f"{agents}: {said or mention or label}" if agents else said or label)
    if row.get("polarity") == "negative":
        verb = f"did not {predicate}"
    elif row.get("certainty") == "future":
        verb = f"will {predicate}"
    elif row.get("certainty") == "conditional":
        verb = f"would {predicate}"
    elif _finite(mention, predicate) or (not agents and _participle(mention)):
        verb = mention  # without a doer, a participle reads as a headline does ("Known as ...")
    elif _participle(mention):
        # the article's "have" ("has withdrawn"), and a phrasal predicate's particle ("has driven up")
        verb = f"{_have(str(row.get('evidence') or ''), mention, doers)} {mention} {predicate.partition(' ')[2]}".strip()
    else:
        verb = _present(predicate) if agents and not _plural(doers) else predicate
    return _cap(" ".join(w for w in (agents, verb, obj) if w))


#: Words of the evidence sentence kept on each side of an event's mention when its sentence has no agent
#: and no object to write.
SNIPPET_WORDS = 5
#: ... and before and after a noun that names an event: its owner comes just before it ("Zelenskiy’s
#: refusal"), what it is about after ("to engage in direct negotiations").
NOUN_BEFORE, NOUN_AFTER = 2, 6


def _snippet(evidence: str, mention: str, before: int = SNIPPET_WORDS, after: int = SNIPPET_WORDS) -> str:
    """The evidence's words around the mention (``before`` and ``after`` it), quoted, "…" where cut.

    >>> _snippet("Gates said military action against pirate bases on land could be considered later this year.", "considered")
    '“…bases on land could be considered later this year.”'
    """
    words = evidence.split()
    first = (mention.split() or [""])[0].lower()
    at = next((k for k, w in enumerate(words) if w.lower().strip(_PUNCT) == first), 0)
    lo, hi = max(0, at - before), min(len(words), at + after + 1)
    text = " ".join(words[lo:hi])
    return f"“{'…' if lo > 0 else ''}{text}{'…' if hi < len(words) else ''}”"


_PRONOUNS = PLURAL_PRONOUNS | PERSONAL_PRONOUNS | RELATIVE_PRONOUNS | EXPLETIVES | FIRST_PERSON | {"what", "whose"}
_PUNCT = ".,;:!?\"'“”‘’()[]—–-"


def how(row: dict[str, Any]) -> str:
    """How the outlet reports it, in words: "stated as fact", "per Sergey Lavrov", "per sources close to
    the meeting, hedged"; only what differs from the plain case is said."""
    attribution, source = row.get("attribution"), (row.get("source") or "").strip()
    parts = []
    if attribution in ("named-source", "unnamed-source"):
        parts.append(f"per {source}" if source else "unattributed (\"reportedly\")" if attribution == "unnamed-source" else "per a source")
    if row.get("polarity") == "negative":
        parts.append("denied")
    certainty = row.get("certainty")
    if certainty in ("hedged", "future", "conditional"):
        parts.append({"hedged": "hedged", "future": "as future", "conditional": "as a condition"}[certainty])
    if not parts:
        return "stated as fact" if attribution == "author" else "as reported"
    return ", ".join(parts)


def may_be(row: dict[str, Any]) -> str:
    """What a single-source row may be the same happening as, in words (ng:mayBeSameAs), or "": "the other"
    where the two events have one label (the same words, which the rules kept apart).

    >>> may_be({"label": "hit church", "mayBeSameAs": "devastate church", "mayBeSameAsOutlets": 5})
    'may be “devastate church” (5 outlets)'
    >>> may_be({"label": "respond to call", "mayBeSameAs": "respond to call", "mayBeSameAsOutlets": 2})
    'may be the other “respond to call” (2 outlets)'
    """
    label = " ".join(str(row.get("mayBeSameAs") or "").split())
    if not label:
        return ""
    n = int(row.get("mayBeSameAsOutlets") or 0)
    other = "the other " if label == " ".join(str(row.get("label") or "").split()) else ""
    return f"may be {other}“{label}” ({n} outlet{'s' if n != 1 else ''})"


def tags(row: dict[str, Any]) -> tuple[str, ...]:
    """How a row's outlet reports it, in words, leaving out the plain case (its own voice, positive,
    certain): "attributed to sources close to the meeting", "denied", "hedged: reportedly"; then what it may be
    the same happening as (``may_be``).

    >>> tags({"attribution": "unnamed-source", "source": "an aide", "polarity": "positive", "certainty": "hedged"})
    ('attributed to an aide', 'hedged')
    """
    out = []
    source = " ".join(str(row.get("source") or "").split())
    if row.get("attribution") in ("named-source", "unnamed-source"):
        out.append(f"attributed to {source}" if source else "attributed to no one named (“reportedly”)")
    if row.get("polarity") == "negative":
        out.append("denied")
    certainty = row.get("certainty")
    if certainty in ("hedged", "future", "conditional"):
        out.append({"hedged": "hedged", "future": "as future", "conditional": "as a condition"}[str(certainty)])
    if doubt := may_be(row):
        out.append(doubt)
    return tuple(out)


def _split(value: Any) -> list[str]:
    return sorted(v.strip() for v in str(value).split(";") if v.strip()) if value else []


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _finite(mention: str, predicate: str) -> bool:
    """A verb as written in a finite past or present form ("left", "called", "warns"), not an
    infinitive, a gerund, the bare lemma or a participle that is no past tense ("to disclose", "citing",
    "go", "withdrawn": the sentence's "have" is not written).

    >>> _finite("withdrew", "withdraw"), _finite("withdrawn", "withdraw"), _finite("threaten", "warn")
    (True, False, True)
    """
    word = mention.lower()
    return " " not in word and word != predicate and not word.endswith("ing") and not _participle(word)


def _participle(mention: str) -> bool:
    """A past participle that is no past tense ("withdrawn", "sworn"; lexicon.PARTICIPLES_ONLY)."""
    return mention.lower() in PARTICIPLES_ONLY


def _have(evidence: str, participle: str, doers: list[str]) -> str:
    """The "has", "have" or "had" the article writes before the participle, agreeing with its subject as the
    article has it ("the Angels have withdrawn", where "Los Angeles Angels" looks singular); else by the
    doers' number. Only where the sentence has the participle once, its auxiliary is finite (not "to have",
    "could have") and the clause active (not "has been withdrawn by ...", whose subject is not the doer)."""
    once = len(re.findall(rf"\b{re.escape(participle)}\b", evidence, re.IGNORECASE)) == 1
    found = once and re.search(rf"(\w+\s+)?\b(has|have|had)\b((?:\s+\w+){{0,2}})\s+{re.escape(participle)}\b",
                               evidence, re.IGNORECASE)
    if found:
        before, have, between = (found.group(k) or "" for k in (1, 2, 3))
        if "been" not in between.lower().split() and before.strip().lower() not in _NOT_FINITE:
            return have.lower()
    return "have" if _plural(doers) else "has"


#: Words before "have" that leave it without a subject to agree with ("to have", "could have withdrawn").
_NOT_FINITE = frozenset({"to", *MODALS})


def _listed(items: list[str]) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def _plural(agents: list[str]) -> bool:
    """Whether the agents take a plural verb ("Macron and Rubio meet", "Ukrainian officials say", "Americans
    work"): two or more, or one whose last word is a plural common noun or a demonym's plural.

    >>> _plural(["NATO"]), _plural(["Ukrainian officials"]), _plural(["Americans"]), _plural(["Paris"])
    (False, True, True, False)
    """
    if len(agents) != 1:
        return len(agents) > 1
    last = agents[0].split()[-1] if agents[0].split() else ""
    if not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return False
    return last.islower() or names.demonym(last[:-1]) is not None


def _present(lemma: str) -> str:
    """The third person singular, as a headline writes it ("cites", "pushes", "carries")."""
    head, _, rest = lemma.partition(" ")
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        head += "es"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        head = head[:-1] + "ies"
    else:
        head += "s"
    return f"{head} {rest}".strip()


def render(stories: list[StoryDigest], fmt: Format, *, width: int = 100) -> str:
    """The digest as text (lines of at most ``width`` columns), Markdown, or JSON."""
    if fmt == "json":
        return json.dumps({"stories": [asdict(s) for s in stories]}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(stories)
    return _text(stories, max(40, width))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _item(text: str, width: int) -> list[str]:
    """A bullet, wrapped under itself: at most two lines, the second cut with an ellipsis."""
    lines = textwrap.wrap(text, width, initial_indent="  • ", subsequent_indent="    ", break_on_hyphens=False)
    return lines[:1] + ([_cut(" ".join(lines[1:]), width)] if len(lines) > 1 else [])


def _text(stories: list[StoryDigest], width: int) -> str:
    lines: list[str] = []
    if not stories:
        return "No stories in the store: build some articles first.\n"
    for s in stories:
        lines.append(_cut(f"Blind spots of {s.label or s.story} ({s.articles} articles, {len(s.outlets)} outlets with some)", width))
        if not s.outlets:
            lines.append("  Every named actor and event is reported by two or more outlets.")
        for o in s.outlets:
            lines.append(_cut(f"Only {o.outlet} reports:", width))
            for item in o.events:
                lines += _item(f"{item.sentence} — {item.articles}, {item.how}" + (f"; {item.may_be}" if item.may_be else ""),
                               width)
            if o.more_events:
                lines.append(f"    (+{o.more_events} more: newsgraph query single-source-events --param story={s.story})")
            if o.actors:
                more = f" (+{o.more_actors} more)" if o.more_actors else ""
                wrapped = textwrap.wrap("Only it names: " + ", ".join(o.actors) + more, width - 2,
                                        subsequent_indent="  ", break_on_hyphens=False)
                lines += ["  " + w for w in wrapped]
        if s.contested:
            lines.append("Contested: one outlet states it as fact, another does not:")
            for c in s.contested:
                lines += _item(f"{c.sentence} — fact in {c.fact_outlet}; {c.other_outlet}: {c.how}", width)
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    """Text in Markdown, its markup characters escaped."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def _markdown(stories: list[StoryDigest]) -> str:
    lines: list[str] = []
    if not stories:
        return "No stories in the store.\n"
    for s in stories:
        lines += [f"## Blind spots: {_md(s.label or s.story)}", "", f"{s.articles} articles (story `{s.story}`).", ""]
        for o in s.outlets:
            lines += [f"### Only {_md(o.outlet)} reports", ""]
            lines += [f"- **{_md(i.sentence)}** — {_md(i.articles)}, {_md(i.how)}" + (f"; {_md(i.may_be)}" if i.may_be else "")
                      for i in o.events]
            if o.more_events:
                lines.append(f"- … and {o.more_events} more")
            if o.actors:
                lines += ["", "Only it names: " + ", ".join(_md(a) for a in o.actors) + (" …" if o.more_actors else "")]
            lines.append("")
        if s.contested:
            lines += ["### Contested", ""]
            lines += [f"- **{_md(c.sentence)}** — fact in {_md(c.fact_outlet)}; {_md(c.other_outlet)}: {_md(c.how)}"
                      for c in s.contested]
            lines.append("")
    return "\n".join(lines)
