"""Who says it, and how sure: newsgraph's attribution, polarity and certainty rules, scored.

    python benchmarks/attribution.py [--ecbplus DIR | --no-ecbplus] [--failures]

1. The test set written for this project (tests/data/attribution/sentences.jsonl): one sentence or short
   passage per line, a target predicate, and the expected attribution, source, cue, polarity and
   certainty. A case passes when all five are right (the source when the expected words occur in the
   source found). The rules must pass at least 90% (tests/test_attribution_model.py holds that floor).
2. Polarity on ECB+ (Cybulska & Vossen 2014, validated sentences): every gold event mention is read at its
   first word; ``NEG_ACTION_*`` mentions should come out negative and ``ACTION_*`` ones positive.
   Precision, recall and F1 of "negative", and the accuracy over all event mentions.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract import load
from newsgraph.extract.actors import find_actors
from newsgraph.extract.attribution import Mentions, Perspective, perspective, token_at
from newsgraph.extract.quotes import find_quotes

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "attribution" / "sentences.jsonl"
ECBPLUS = ROOT.parent / "shared" / "datasets" / "ecbplus"
FIELDS = ("attribution", "source", "cue", "polarity", "certainty")
FLOOR = 0.90


@dataclass(frozen=True)
class Result:
    case: dict[str, Any]
    found: dict[str, str]
    right: dict[str, bool]

    @property
    def passed(self) -> bool:
        return all(self.right.values())


def read_cases(path: Path = CASES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def target(doc: Doc, word: str, occurrence: int = 0) -> Token:
    hits = [t for t in doc if t.text == word]
    if len(hits) <= occurrence:
        raise ValueError(f"predicate {word!r} (occurrence {occurrence}) not in {doc.text!r}")
    return hits[occurrence]


def judge(doc: Doc, token: Token) -> Perspective:
    """What the rules say about ``token``, with the same actor mentions and quotes extraction uses."""
    mentions, _entities, _ = find_actors(doc)
    return perspective(token, Mentions(doc, mentions), find_quotes(doc, mentions))


def score_case(nlp: Language, case: dict[str, Any]) -> Result:
    doc = nlp(case["sentence"])
    p = judge(doc, target(doc, case["predicate"], case.get("occurrence", 0)))
    nearest = p.sources[0] if p.sources else None
    cue = "" if nearest is None else ("according to" if nearest.cue.lower_ == "according" else nearest.cue.text)
    found = {
        "attribution": p.attribution,
        "source": nearest.text if nearest else "",
        "cue": cue,
        "polarity": p.polarity,
        "certainty": p.certainty,
    }
    right = {
        "attribution": found["attribution"] == case["attribution"],
        # the expected words must occur in the source found ("" when none is expected)
        "source": (case["source"].lower() in found["source"].lower()) if case["source"] else not found["source"],
        "cue": found["cue"].lower() == case["cue"].lower(),
        "polarity": found["polarity"] == case["polarity"],
        "certainty": found["certainty"] == case["certainty"],
    }
    return Result(case, found, right)


def score_cases(nlp: Language, cases: Iterable[dict[str, Any]]) -> list[Result]:
    return [score_case(nlp, case) for case in cases]


def report_cases(results: list[Result], *, failures: bool) -> float:
    passed = sum(r.passed for r in results)
    share = passed / len(results) if results else 0.0
    print(f"# Test set ({CASES.relative_to(ROOT)}): {passed}/{len(results)} cases right = {share:.1%} (floor {FLOOR:.0%})")
    for field in FIELDS:
        right = sum(r.right[field] for r in results)
        print(f"  {field:12} {right:3}/{len(results)} = {right / len(results):.1%}")
    by_kind: dict[str, list[Result]] = {}
    for r in results:
        by_kind.setdefault(r.case["construction"], []).append(r)
    print("  by construction: " + ", ".join(
        f"{kind} {sum(r.passed for r in rs)}/{len(rs)}" for kind, rs in sorted(by_kind.items())))
    wrong = [r for r in results if not r.passed]
    if wrong and failures:
        print("  failures:")
        for r in wrong:
            fields = ", ".join(f"{f}: expected {r.case[f]!r}, found {r.found[f]!r}" for f in FIELDS if not r.right[f])
            print(f"    {r.case['id']}: {fields}")
    elif wrong:
        print(f"  failing: {', '.join(r.case['id'] for r in wrong)} (--failures for details)")
    return share


# --- ECB+ polarity ---------------------------------------------------------------------------------
def score_ecbplus(nlp: Language, folder: Path) -> dict[str, float]:
    path = folder / "normalized_validated_sentences.json"
    if not path.exists():
        raise FileNotFoundError(
            f"ECB+ not found at {path}; pass --ecbplus DIR (the folder holding normalized_validated_sentences.json) "
            "or --no-ecbplus to score the test set only"
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = {d["doc_id"]: d["text"] for d in data["docs"]}
    events: dict[str, list[dict[str, Any]]] = {}
    for m in data["mentions"]:
        if m["kind"] == "event" and m["doc_id"] in texts:
            events.setdefault(m["doc_id"], []).append(m)
    counts: Counter[str] = Counter()
    ids = sorted(events)
    for doc_id, doc in zip(ids, nlp.pipe((texts[i] for i in ids), batch_size=64)):
        mentions, _entities, _ = find_actors(doc)
        lookup, quotes = Mentions(doc, mentions), find_quotes(doc, mentions)
        for m in events[doc_id]:
            token = token_at(doc, m["start"])
            if token is None:
                counts["unaligned"] += 1
                continue
            gold_negative = m["type"].startswith("NEG_")
            negative = perspective(token, lookup, quotes).polarity == "negative"
            counts[("t" if gold_negative == negative else "f") + ("p" if negative else "n")] += 1
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0
    print(f"# ECB+ polarity ({len(ids)} documents, {tp + fp + fn + tn} event mentions, {tp + fn} NEG_ACTION_*)")
    print(f"  negative: precision {precision:.1%}, recall {recall:.1%}, F1 {f1:.1%} (tp {tp}, fp {fp}, fn {fn})")
    print(f"  accuracy over all event mentions: {accuracy:.1%}")
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecbplus", type=Path, default=ECBPLUS, help="the ECB+ folder (see its FORMAT.md)")
    parser.add_argument("--no-ecbplus", action="store_true", help="score the test set only")
    parser.add_argument("--failures", action="store_true", help="show every failing case")
    args = parser.parse_args(argv)
    nlp = load()
    started = time.perf_counter()
    share = report_cases(score_cases(nlp, read_cases()), failures=args.failures)
    if not args.no_ecbplus:
        try:
            score_ecbplus(nlp, args.ecbplus)
        except FileNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0 if share >= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
