"""How true are newsgraph's "only one source" claims on real news? Scored on ECB+ (Cybulska & Vossen 2014).

    python benchmarks/ecbplus.py [--topics test|dev|validation|36,37] [--json] [--errors] [--full-text]

Builds a graph of ECB+ with newsgraph itself (one story per (topic, subtopic), the outlet from `source`,
each `ecb:unknown` article its own outlet), reads back newsgraph's own actor and event mentions from the
store, and scores them against the gold annotation, separately for actors (gold HUMAN_PART_* and LOC_GEO)
and events (ACTION_*, NEG_ACTION_*):
- mention detection: a predicted mention matches a gold one when the spans overlap and one's last word
  lies inside the other (one-to-one, largest overlap first);
- cross-document coreference on the matched mentions, within each story: MUC, B3, CEAF-e, CoNLL F1;
- single-source claims: precision and recall of "only one outlet mentions X", and the share of gold
  clusters that two or more outlets mention which some node wrongly reports as single-source;
- shared claims: the precision of "two or more outlets mention X" (a false "shared" hides a real blind spot);
- the same claims over the nodes newsgraph's default answers list (``single-source-*`` and ``shared-*``
  without ``kind``: named actors; named and attributed events), the claims a user sees first; and over the
  nodes it does not flag as unsure (an event with ``ng:mayBeSameAs``), with how many flagged claims are false;
- the same for two baselines on the same mentions (exact lower-cased text; head lemma), and, to check the
  scorer against published figures, for the baselines on the gold mentions.

``--full-text`` builds the whole articles (``normalized_all_sentences.json``, about eight times as long) and
scores only the mentions of the sentences the annotators checked (found in the article by their words):
newsgraph then
resolves stories of real length, with everything a full article says around the checked sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coref_metrics import conll  # noqa: E402

from newsgraph import Store, build  # noqa: E402
from newsgraph.salience import DEFAULT_ACTOR_KINDS, DEFAULT_EVENT_KINDS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "ecbplus" / "normalized_validated_sentences.json"
FULL_TEXT = DATA.with_name("normalized_all_sentences.json")
SPLITS = {
    "validation": [2, 5, 12, 18, 21, 23, 34, 35],
    "test": list(range(36, 46)),
}
SPLITS["dev"] = [t for t in range(1, 46) if t not in SPLITS["validation"] + SPLITS["test"]]

Mention = tuple[str, int, int]  # (doc id, start, end)
NODE_LABELS: dict[str, str] = {}  # node IRI -> rdfs:label, for the report of false claims
MENTION_KINDS: dict[Mention, str] = {}  # actor mention -> NAME, NOMINAL or PRONOUN, for --errors
NODE_KINDS: dict[str, str] = {}  # node IRI -> its ng:kind (named, described ...; light, attributed ...)
FLAGGED: set[str] = set()  # event nodes with an ng:mayBeSameAs: claims newsgraph marks as unsure
#: The kinds the default single-source and shared answers list (docs/queries.md, "Defaults")
DEFAULT_KINDS: dict[str, tuple[str, ...]] = {"actors": DEFAULT_ACTOR_KINDS, "events": DEFAULT_EVENT_KINDS}


@dataclass
class Gold:
    mentions: dict[str, list[tuple[Mention, str, str]]]  # kind -> [(mention, cluster, text)]
    story_of: dict[str, str]  # doc -> story
    outlet_of: dict[str, str]  # doc -> outlet
    texts: dict[str, str]
    checked: dict[str, list[tuple[int, int]]] | None = None  # full texts: doc -> the spans of its checked sentences


def is_actor(kind: str, typ: str) -> bool:
    return kind == "entity" and (typ.startswith("HUMAN_PART") or typ == "LOC_GEO")


def is_event(kind: str, typ: str) -> bool:
    return kind == "event" and (typ.startswith("ACTION_") or typ.startswith("NEG_ACTION_"))


def load(topics: Iterable[int], path: Path = DATA, full_text: bool = False) -> tuple[Gold, list[dict[str, str]]]:
    """The gold mentions of ``topics`` and the articles to build, as JSONL records (``full_text``: the whole
    articles, and the gold mentions of their checked sentences)."""
    if not path.exists() or (full_text and not FULL_TEXT.exists()):
        raise SystemExit(f"ECB+ not found at {path.parent} (expected ../shared/datasets/ecbplus beside the project)")
    data = json.loads(path.read_text(encoding="utf-8"))
    checked: dict[str, list[tuple[int, int]]] | None = None
    if full_text:
        lines = {d["doc_id"]: [line for line in d["text"].split("\n") if line.strip()] for d in data["docs"]}
        data = json.loads(FULL_TEXT.read_text(encoding="utf-8"))
        data["docs"] = [d for d in data["docs"] if lines.get(d["doc_id"])]
        checked = {d["doc_id"]: [(at, at + len(line)) for line in lines[d["doc_id"]] for at in (d["text"].find(line),)]
                   for d in data["docs"]}
    wanted = {str(t) for t in topics}
    docs = [d for d in data["docs"] if d["topic"] in wanted and d["text"].strip()]
    story_of = {d["doc_id"]: f"{d['topic']}-{d['subtopic']}" for d in docs}
    outlet_of = {d["doc_id"]: (d["doc_id"] if d["source"] == "ecb:unknown" else d["source"]) for d in docs}
    gold: dict[str, list[tuple[Mention, str, str]]] = {"actors": [], "events": []}
    for m in data["mentions"]:
        if m["doc_id"] not in story_of or not _scored(checked, m["doc_id"], m["start"]):
            continue
        kind = "actors" if is_actor(m["kind"], m["type"]) else "events" if is_event(m["kind"], m["type"]) else None
        if kind:
            gold[kind].append(((m["doc_id"], m["start"], m["end"]), f"{story_of[m['doc_id']]}|{m['cluster']}", m["text"]))
    records = [
        {"id": d["doc_id"], "text": d["text"], "story": story_of[d["doc_id"]],
         **({"outlet": d["source"]} if d["source"] != "ecb:unknown" else {})}
        for d in docs
    ]
    return Gold(gold, story_of, outlet_of, {d["doc_id"]: d["text"] for d in docs}, checked), records


def _scored(checked: dict[str, list[tuple[int, int]]] | None, doc: str, start: int) -> bool:
    """Whether a mention starting at ``start`` is in a checked sentence (every one is, without full texts)."""
    return checked is None or any(a <= start < b for a, b in checked[doc])


def scored_only(gold: Gold, pred: dict[str, list[tuple[Mention, str, str]]]) -> dict[str, list[tuple[Mention, str, str]]]:
    """The predicted mentions of the checked sentences."""
    return {kind: [p for p in rows if _scored(gold.checked, p[0][0], p[0][1])] for kind, rows in pred.items()}


def predict(records: list[dict[str, str]], workers: int = 1) -> dict[str, list[tuple[Mention, str, str]]]:
    """Build the graph with newsgraph and read its actor and event mentions back: (mention, node, text)."""
    for found in (NODE_LABELS, MENTION_KINDS, NODE_KINDS, FLAGGED):
        found.clear()  # what an earlier run in this process read
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ecbplus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        store = Store.memory()
        report = build([path], store, workers=workers)
        if report.rejected:
            print(f"warning: {len(report.rejected)} articles rejected, e.g. {report.rejected[0]}", file=sys.stderr)
        out = {}
        for kind, cls in (("actors", "Actor"), ("events", "Event")):
            rows = store.raw_query(f"""
                PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
                PREFIX gaf: <http://groundedannotationframework.org/gaf#>
                PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX ng: <https://w3id.org/newsgraph/ns#>
                SELECT ?doc ?b ?e ?node ?text ?label ?kind ?nodeKind ?near WHERE {{
                  ?node a sem:{cls} ; rdfs:label ?label ; ng:kind ?nodeKind ; gaf:denotedBy ?m .
                  ?m nif:sentence/nif:referenceContext/dcterms:identifier ?doc ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?text
                  OPTIONAL {{ ?m ng:mentionKind ?kind }} OPTIONAL {{ ?node ng:mayBeSameAs ?near }} }}""")
            rows = list(rows)
            if kind == "actors":  # an actor mention without ng:mentionKind is a name (docs/vocabulary.md)
                MENTION_KINDS.update({(r["doc"].value, int(r["b"].value), int(r["e"].value)):
                                      r["kind"].value if r["kind"] is not None else "NAME" for r in rows})
            out[kind] = [((r["doc"].value, int(r["b"].value), int(r["e"].value)), r["node"].value, r["text"].value) for r in rows]
            NODE_LABELS.update({r["node"].value: r["label"].value for r in rows})
            NODE_KINDS.update({r["node"].value: r["nodeKind"].value for r in rows})
            FLAGGED.update(r["node"].value for r in rows if r["near"] is not None)
        store.close()
    return out


def _last_word(text: str, start: int, end: int) -> tuple[int, int]:
    words = text[start:end].rstrip(" .,;:").split()
    if not words:
        return start, end
    last = text.rfind(words[-1], start, end)
    return last, last + len(words[-1])


def match(gold: list[tuple[Mention, str, str]], pred: list[tuple[Mention, str, str]], texts: dict[str, str]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: spans overlap and one's last word lies in the other."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, (m, _n, _t) in enumerate(pred):
        by_doc[m[0]].append(j)
    candidates = []
    for i, ((doc, gs, ge), _c, _t) in enumerate(gold):
        glw = _last_word(texts[doc], gs, ge)
        for j in by_doc[doc]:
            _d, ps, pe = pred[j][0]
            overlap = min(ge, pe) - max(gs, ps)
            if overlap <= 0:
                continue
            plw = _last_word(texts[doc], ps, pe)
            if (gs <= plw[0] and plw[1] <= ge) or (ps <= glw[0] and glw[1] <= pe):
                candidates.append((-overlap, i, j))
    pairs, used_g, used_p = [], set(), set()
    for _o, i, j in sorted(candidates):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def single_source(key: dict[int, str], response: dict[int, str], mention_doc: dict[int, str], outlet_of: dict[str, str], gold_outlets: dict[str, set[str]], labels: dict[str, str]) -> dict[str, object]:
    """Precision/recall of single-source claims, and multi-outlet gold clusters wrongly claimed single-source.

    A node claims "only outlet O mentions this" when its matched mentions come from one outlet; the claim is
    true when the gold cluster most of its mentions belong to is mentioned (anywhere in the story) by O only.
    """
    node_outlets: dict[str, set[str]] = defaultdict(set)
    node_gold: dict[str, Counter[str]] = defaultdict(Counter)
    for m, node in response.items():
        node_outlets[node].add(outlet_of[mention_doc[m]])
        node_gold[node][key[m]] += 1
    claims = {n for n, outs in node_outlets.items() if len(outs) == 1}
    true_claims = {n for n in claims if gold_outlets[node_gold[n].most_common(1)[0][0]] == node_outlets[n]}
    # over every gold cluster of ``key``, so a ``response`` of some nodes only is scored against all of them
    gold_single = {c for c in set(key.values()) if len(gold_outlets[c]) == 1}
    found = {node_gold[n].most_common(1)[0][0] for n in true_claims}
    multi = {c for c in set(key.values()) if len(gold_outlets[c]) > 1}
    wrongly = defaultdict(list)
    for n in claims:
        for c in node_gold[n]:
            if c in multi:
                wrongly[c].append(n)
    worst = sorted(wrongly, key=lambda c: (-len(gold_outlets[c]), c))[:5]
    # a shared claim is true when the node's main gold cluster is mentioned by two or more of the node's outlets
    shared = {n for n, outs in node_outlets.items() if len(outs) > 1}
    true_shared = {n for n in shared if len(gold_outlets[node_gold[n].most_common(1)[0][0]] & node_outlets[n]) > 1}
    return {
        "shared_precision": len(true_shared) / len(shared) if shared else 0.0,
        "shared_claims": len(shared),
        "precision": len(true_claims) / len(claims) if claims else 0.0,
        "recall": len(found & gold_single) / len(gold_single) if gold_single else 0.0,
        "false_share": len(wrongly) / len(multi) if multi else 0.0,
        "claims": len(claims),
        "false_claims": len(claims) - len(true_claims),
        "worst": [(labels.get(c, c), len(gold_outlets[c]), sorted(labels.get(n, n) for n in wrongly[c])[:3]) for c in worst],
    }


def evaluate(gold: Gold, pred: dict[str, list[tuple[Mention, str, str]]]) -> dict[str, dict[str, object]]:
    results: dict[str, dict[str, object]] = {}
    for kind in ("actors", "events"):
        g, p = gold.mentions[kind], pred[kind]
        pairs = match(g, p, gold.texts)
        gold_outlets: dict[str, set[str]] = defaultdict(set)
        gold_label: dict[str, str] = {}
        for (doc, _s, _e), cluster, text in g:
            gold_outlets[cluster].add(gold.outlet_of[doc])
            gold_label.setdefault(cluster, text)
        key = {k: g[i][1] for k, (i, _j) in enumerate(pairs)}
        mention_doc = {k: g[i][0][0] for k, (i, _j) in enumerate(pairs)}
        systems: dict[str, dict[int, str]] = {
            "newsgraph": {k: p[j][1] for k, (_i, j) in enumerate(pairs)},
            "exact text": {k: f"{gold.story_of[p[j][0][0]]}|{p[j][2].lower()}" for k, (_i, j) in enumerate(pairs)},
            "head lemma": {k: f"{gold.story_of[p[j][0][0]]}|{_head(p[j][2])}" for k, (_i, j) in enumerate(pairs)},
        }
        labels = {**gold_label, **{p[j][1]: NODE_LABELS.get(p[j][1], p[j][2]) for _i, j in pairs}}
        row: dict[str, object] = {
            "gold": len(g), "predicted": len(p), "matched": len(pairs),
            "precision": len(pairs) / len(p) if p else 0.0, "recall": len(pairs) / len(g) if g else 0.0,
        }
        for name, response in systems.items():
            row[name] = {"coref": conll(key, response),
                         "single": single_source(key, response, mention_doc, gold.outlet_of, gold_outlets, labels)}
        # the claims newsgraph's default answers make: the same figures over the nodes of the kinds they list
        # (recall and the multi-outlet share against every gold cluster, as above: those the subset misses count)
        listed = {k: n for k, n in systems["newsgraph"].items() if NODE_KINDS.get(n) in DEFAULT_KINDS[kind]}
        row["default answer"] = {"kinds": list(DEFAULT_KINDS[kind]), "single": single_source(
            key, listed, mention_doc, gold.outlet_of, gold_outlets, labels)}
        # and over the nodes newsgraph does not flag as unsure (ng:mayBeSameAs: events only)
        sure = {k: n for k, n in systems["newsgraph"].items() if n not in FLAGGED}
        row["unflagged"] = {"single": single_source(key, sure, mention_doc, gold.outlet_of, gold_outlets, labels)}
        # the baselines on the gold mentions themselves: a check of this scorer against published figures
        gkey = {i: c for i, (_m, c, _t) in enumerate(g)}
        gdoc = {i: m[0] for i, (m, _c, _t) in enumerate(g)}
        for name, fn in (("exact text (gold mentions)", lambda t: t.lower()), ("head lemma (gold mentions)", _head)):
            response = {i: f"{gold.story_of[m[0]]}|{fn(t)}" for i, (m, _c, t) in enumerate(g)}
            row[name] = {"coref": conll(gkey, response),
                         "single": single_source(gkey, response, gdoc, gold.outlet_of, gold_outlets, gold_label)}
        row["errors"] = errors(kind, g, p, pairs, gold.outlet_of, gold_outlets)
        results[kind] = row
    return results


def errors(kind: str, g: list[tuple[Mention, str, str]], p: list[tuple[Mention, str, str]], pairs: list[tuple[int, int]],
           outlet_of: dict[str, str], gold_outlets: dict[str, set[str]]) -> dict[str, int]:
    """The false single-source claims by what went wrong: the gold cluster's mentions in the other outlets
    were never found ("not found elsewhere"), or found and left in other nodes ("missed merge"), split by
    the mention kinds on each side (actors: NAME / NOMINAL / PRONOUN) or by how the predicates relate
    (events: the same predicate, related in WordNet, unrelated)."""
    from newsgraph import meaning

    g2p, p2g = dict(pairs), {j: i for i, j in pairs}
    node_mentions: dict[str, list[int]] = defaultdict(list)
    for i, j in pairs:
        node_mentions[p[j][1]].append(j)
    out: Counter[str] = Counter()
    for node, js in node_mentions.items():
        outlets = {outlet_of[p[j][0][0]] for j in js}
        cluster = Counter(g[p2g[j]][1] for j in js).most_common(1)[0][0]
        if len(outlets) != 1 or gold_outlets[cluster] == outlets:
            continue
        others = [g2p[i] for i, (m, c, _t) in enumerate(g) if c == cluster and outlet_of[m[0]] not in outlets and i in g2p]
        if not others:
            out["not found elsewhere"] += 1
        elif kind == "actors":
            def kinds(idx: list[int]) -> str:
                return "+".join(sorted({MENTION_KINDS.get(p[j][0], "?") for j in idx}))
            out[f"missed merge: {kinds(js)} vs {kinds(others)}"] += 1
        else:
            mine = (NODE_LABELS.get(node) or p[js[0]][2]).split()[0].lower()  # an event's label starts with its predicate
            theirs = {(NODE_LABELS.get(p[j][1]) or p[j][2]).split()[0].lower() for j in others}
            level = max((meaning.similarity(mine, t) for t in theirs), default=0.0)
            out["missed merge: " + ("same predicate" if level >= meaning.SAME_LEMMA else "WordNet-related predicates"
                                    if level > meaning.UNRELATED else "predicates WordNet does not relate")] += 1
    return dict(out.most_common())


def _head(text: str) -> str:
    """A light head lemma: the last word, lower-cased, without a plural or possessive ending."""
    words = [w for w in text.lower().replace("’", "'").split() if w.isalnum() or "'" in w]
    word = words[-1] if words else text.lower()
    for suffix, repl in (("'s", ""), ("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def table(results: dict[str, dict[str, object]]) -> str:
    lines = []
    for kind, row in results.items():
        lines += [
            f"### {kind}: {row['gold']} gold mentions, {row['predicted']} predicted, {row['matched']} matched "
            f"(mention precision {row['precision']:.2f}, recall {row['recall']:.2f})", "",
            "| system | MUC F1 | B3 F1 | CEAF-e F1 | CoNLL F1 | single-source P | single-source R | multi-outlet clusters claimed single-source | shared-claim P |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for name in ("newsgraph", "exact text", "head lemma", "exact text (gold mentions)", "head lemma (gold mentions)"):
            s = row[name]  # type: ignore[index]
            c, ss = s["coref"], s["single"]  # type: ignore[index]
            lines.append(
                f"| {name} | {c['muc'][2]:.2f} | {c['b3'][2]:.2f} | {c['ceafe'][2]:.2f} | **{c['conll']:.2f}** | "
                f"{ss['precision']:.2f} | {ss['recall']:.2f} | {ss['false_share']:.2f} | {ss['shared_precision']:.2f} |"
            )
            if name == "newsgraph":  # the claims its default answers make (no coreference scores: a subset of nodes)
                d, kinds = row["default answer"]["single"], ", ".join(row["default answer"]["kinds"])  # type: ignore[index]
                lines.append(f"| newsgraph, default answer ({kinds}) | | | | | {d['precision']:.2f} | {d['recall']:.2f} | "
                             f"{d['false_share']:.2f} | {d['shared_precision']:.2f} |")
                u = row["unflagged"]["single"]  # type: ignore[index]
                if u["claims"] != ss["claims"] or u["shared_claims"] != ss["shared_claims"]:
                    lines.append(f"| newsgraph, not flagged may-be-same | | | | | {u['precision']:.2f} | {u['recall']:.2f} | "
                                 f"{u['false_share']:.2f} | {u['shared_precision']:.2f} |")
        flagged = _flagged(row)
        if flagged:
            lines += ["", f"Single-source claims flagged may-be-same (ng:mayBeSameAs): {flagged[0]}, of which "
                          f"{flagged[1]} false (unflagged: {flagged[2]} of {flagged[3]} false)."]
        worst = row["newsgraph"]["single"]["worst"]  # type: ignore[index]
        if worst:
            lines += ["", "Worst false single-source claims (gold cluster, outlets that mention it, newsgraph nodes):"]
            lines += [f"- {label!r} ({n} outlets): {', '.join(repr(x) for x in nodes)}" for label, n, nodes in worst]
        lines.append("")
    return "\n".join(lines)


def _flagged(row: dict[str, object]) -> tuple[int, int, int, int] | None:
    """(flagged single-source claims, false among them, false unflagged claims, unflagged claims), or None
    where nothing is flagged."""
    whole, sure = row["newsgraph"]["single"], row["unflagged"]["single"]  # type: ignore[index]
    if whole["claims"] == sure["claims"]:
        return None
    return (whole["claims"] - sure["claims"], whole["false_claims"] - sure["false_claims"], sure["false_claims"],
            sure["claims"])


def run(topics: list[int], workers: int = 1, full_text: bool = False) -> dict[str, dict[str, object]]:
    gold, records = load(topics, full_text=full_text)
    return evaluate(gold, scored_only(gold, predict(records, workers)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--topics", default="test", help="test (36-45), dev, validation, or a comma list")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    parser.add_argument("--errors", action="store_true", help="also count the false single-source claims by cause")
    parser.add_argument("--full-text", action="store_true",
                        help="build the whole articles and score the checked sentences only")
    args = parser.parse_args(argv)
    topics = SPLITS[args.topics] if args.topics in SPLITS else [int(t) for t in args.topics.split(",")]
    started = time.perf_counter()
    results = run(topics, args.workers, args.full_text)
    if args.json:
        print(json.dumps(results, indent=1, default=str))
    else:
        texts = "whole articles, checked sentences scored" if args.full_text else "checked sentences"
        print(f"ECB+ topics {args.topics} ({len(topics)} topics, {texts}), built and scored in "
              f"{time.perf_counter() - started:.0f} s\n")
        print(table(results))
        if args.errors:
            for kind, row in results.items():
                print(f"False single-source {kind} claims by cause:")
                print("\n".join(f"- {n} {cause}" for cause, n in row["errors"].items()) + "\n")  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
