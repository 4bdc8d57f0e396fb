"""Write newsgraph's event-meaning table from WordNet 3.0 (a development-time tool, not run by newsgraph).

    apt-get install wordnet-base            # WordNet 3.0's database in /usr/share/wordnet
    pip install nltk                        # only to run this script; newsgraph never imports it
    python tools/wordnet_table.py [--wordnet /usr/share/wordnet] [-o src/newsgraph/data/wordnet_events.tsv.gz]

newsgraph reads the table with ``newsgraph.meaning`` at run time, so ``make run`` stays pip-only and nothing
is downloaded. The table is gzipped TSV, one record a line, its kind in the first field:

    V  lemma    synset synset ...       every sense of a verb lemma, most frequent first (WordNet's order)
    H  synset   synset synset ...       a verb synset's direct hypernyms
    N  noun     lex lex  verb  syn syn  a noun with an act/event/process sense among its two most frequent,
                                        or a communication as its main sense: the lexicographer files of
                                        those two senses (``noun.`` left off), the verb it nominalises
                                        (empty if none), and the two senses (synset names)

Multi-word lemmas are written with spaces ("walk out"); proper nouns (lemmas with capitals) are left out.
Debian's wordnet-base lacks the ``lexnames`` file nltk's reader wants; it is written into a temporary copy
from the list in lexnames(5WN). The licence of WordNet 3.0 is copied beside the table as WORDNET-LICENSE.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data" / "wordnet_events.tsv.gz"

#: lexnames(5WN): the lexicographer files of WordNet 3.0, numbered 00-44, with their syntactic category.
LEXNAMES = """adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body
noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive
noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation
noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication
verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception
verb.possession verb.social verb.stative verb.weather adj.ppl""".split()
CATEGORY = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}

#: Noun senses that can name a happening; a noun with none among its first two senses is left out, and so
#: is one whose only such sense is a communication other than its main sense.
EVENTISH = {"act", "event", "process", "communication"}
NOUN_SENSES = 2


def reader(wordnet: Path, tmp: Path):  # type: ignore[no-untyped-def]
    """nltk's WordNet reader over a copy of ``wordnet`` with the ``lexnames`` file added."""
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):  # type: ignore[misc]
        def map_wn(self, version: str = "wordnet") -> None:
            """No mapping from other WordNet versions: we read 3.0 itself, without the OMW data."""

    for f in wordnet.iterdir():
        if f.is_file():
            shutil.copy(f, tmp / f.name)
    (tmp / "lexnames").write_text(
        "".join(f"{i:02d}\t{name}\t{CATEGORY[name.split('.')[0]]}\n" for i, name in enumerate(LEXNAMES)))
    nltk.data.path.append(str(tmp))
    return Reader(str(tmp), None)


def _name(lemma: str) -> str:
    return lemma.replace("_", " ")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _derived_verb(wn, noun: str, senses: list, verbs: set[str]) -> str:  # type: ignore[no-untyped-def]
    """The verb ``noun`` nominalises: WordNet's derivational links from its senses, event-like ones first
    (of one sense's candidates, the most frequent verb, then the one sharing the longer prefix with the
    noun: "speech" -> "speak", not "speechify"); else the same word as a verb ("attack", "visit"); else the
    singular as a verb ("talks" -> "talk")."""
    ordered = [s for s in senses if s.lexname().split(".")[1] in EVENTISH] + [
        s for s in senses if s.lexname().split(".")[1] not in EVENTISH]
    for synset in ordered:
        candidates = {
            d.name() for lemma in synset.lemmas() if lemma.name().lower() == noun.replace(" ", "_")
            for d in lemma.derivationally_related_forms() if d.synset().pos() == "v" and d.name().islower()
        }
        if candidates:
            best = min(candidates, key=lambda v: (-_count(wn, v), -_common_prefix(v, noun), v))
            return _name(best)
    for form in (noun, noun[:-1] if noun.endswith("s") else ""):
        if form.replace(" ", "_") in verbs:
            return form
    return ""


def _count(wn, verb: str) -> int:  # type: ignore[no-untyped-def]
    return sum(lemma.count() for lemma in wn.lemmas(verb, "v"))


def rows(wn) -> list[str]:  # type: ignore[no-untyped-def]
    lines: list[str] = []
    verb_synsets = set()
    verbs = set(wn.all_lemma_names("v"))
    for lemma in sorted(wn.all_lemma_names("v")):
        if not lemma.islower() or not lemma.replace("_", "").replace("-", "").isalpha():
            continue
        senses = [s.name() for s in wn.synsets(lemma, "v")]
        verb_synsets.update(senses)
        lines.append(f"V\t{_name(lemma)}\t{' '.join(senses)}")
    for name in sorted(verb_synsets):
        hypers = sorted(h.name() for h in wn.synset(name).hypernyms())
        if hypers:
            lines.append(f"H\t{name}\t{' '.join(hypers)}")
    for lemma in sorted(wn.all_lemma_names("n")):
        if not lemma.islower() or not lemma.replace("_", "").replace("-", "").isalpha():
            continue
        senses = wn.synsets(lemma, "n")[:NOUN_SENSES]
        lexes = [s.lexname().split(".")[1] for s in senses]
        if not ({"act", "event", "process"} & set(lexes) or lexes[0] == "communication"):
            continue
        verb = _derived_verb(wn, _name(lemma), wn.synsets(lemma, "n"), verbs)
        lines.append(f"N\t{_name(lemma)}\t{' '.join(lexes)}\t{verb}\t{' '.join(s.name() for s in senses)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--copyright", type=Path, default=Path("/usr/share/doc/wordnet-base/copyright"))
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.verb").exists():
        raise SystemExit(f"{args.wordnet}: no WordNet database (apt-get install wordnet-base)")
    with tempfile.TemporaryDirectory() as tmp:
        lines = rows(reader(args.wordnet, Path(tmp)))
    header = ("# newsgraph event-meaning table, written by tools/wordnet_table.py from WordNet 3.0\n"
              "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. See WORDNET-LICENSE.\n")
    # mtime=0: the same WordNet gives a byte-identical file
    with open(args.output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write((header + "\n".join(lines) + "\n").encode("utf-8"))
    licence = args.output.parent / "WORDNET-LICENSE"
    licence.write_text(_licence(args.copyright.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KB, {len(lines)} rows) and {licence}")
    return 0


def _licence(copyright_file: str) -> str:
    """The WordNet3.0 licence paragraph of Debian's machine-readable copyright file, as plain text."""
    out: list[str] = []
    inside = False
    for line in copyright_file.splitlines():
        if line.startswith("License: WordNet3.0"):
            inside = True
            continue
        if inside:
            if not line.startswith(" "):
                break
            out.append("" if line.strip() == "." else line[1:])
    if not out:
        raise SystemExit("no 'License: WordNet3.0' paragraph in the copyright file")
    return ("WordNet 3.0 licence (the table wordnet_events.tsv.gz is derived from WordNet 3.0).\n"
            "Copied from Debian's wordnet-base package, /usr/share/doc/wordnet-base/copyright.\n\n"
            + "\n".join(out) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
