"""Hand-built spaCy Docs: test an extraction rule on a parse we control, without loading a model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract import extract_doc
from newsgraph.model import Article, Extraction

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_punct ...), no model


def make_doc(rows: str, ents: dict[str, str] | None = None) -> Doc:
    """Build a parsed Doc from one line per token: ``word TAG POS dep head [lemma]`` (head = token index;
    a word written ``\\n`` is a line break).

    ``ents`` maps a space-separated run of words to its label: ``{"Steve Witkoff": "PERSON"}``; each run is
    tagged at every place it occurs that no earlier run took (so list "Steve Witkoff" before "Witkoff").
    """
    words, tags, pos, deps, heads, lemmas = [], [], [], [], [], []
    for line in rows.strip().splitlines():
        parts = line.split()
        word, tag, p, dep, head = parts[:5]
        word = "\n" if word == "\\n" else word  # a line break, written \n
        words.append(word)
        tags.append(tag)
        pos.append(p)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(parts[5] if len(parts) > 5 else (word if p == "PROPN" else word.lower()))
    bio = ["O"] * len(words)
    for run, label in (ents or {}).items():
        run_words = run.split()
        for i in range(len(words) - len(run_words) + 1):
            if words[i : i + len(run_words)] == run_words and all(b == "O" for b in bio[i : i + len(run_words)]):
                bio[i] = f"B-{label}"
                for j in range(i + 1, i + len(run_words)):
                    bio[j] = f"I-{label}"
    spaces = [not (i + 1 < len(words) and words[i + 1] in {".", ",", "'s", "’s"}) for i in range(len(words))]
    return Doc(_VOCAB, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas, ents=bio)


def extract(rows: str, ents: dict[str, str]) -> Extraction:
    """Run newsgraph's extraction on a hand-built parse."""
    doc = make_doc(rows, ents)
    return extract_doc(doc, Article("t", doc.text, "test"))


#: "Lavrov , who called Rubio , left ." -- a relative clause whose subject is the noun it modifies
LAVROV_WHO_CALLED_RUBIO = (
    """
    Lavrov NNP PROPN nsubj 6
    , , PUNCT punct 0
    who WP PRON nsubj 3
    called VBD VERB relcl 0 call
    Rubio NNP PROPN dobj 3
    , , PUNCT punct 0
    left VBD VERB ROOT 6 leave
    . . PUNCT punct 6
    """,
    {"Lavrov": "PERSON", "Rubio": "PERSON"},
)

#: "Macron declined to disclose details ." -- a controlled infinitive (and a negative implicative)
MACRON_DECLINED_TO_DISCLOSE = (
    """
    Macron NNP PROPN nsubj 1
    declined VBD VERB ROOT 1 decline
    to TO PART aux 3
    disclose VB VERB xcomp 1 disclose
    details NNS NOUN dobj 3 detail
    . . PUNCT punct 1
    """,
    {"Macron": "PERSON"},
)

#: "` ` Nvidia will continue ." -- ECB+ 43_3ecb writes an opening quote as two backticks, and the model tags
#: the pair ORG: a "name" with no word in it once folded
NVIDIA_AFTER_BACKTICKS = (
    """
    ` `` PUNCT punct 4
    ` `` PUNCT punct 4
    Nvidia NNP PROPN nsubj 4
    will MD AUX aux 4
    continue VB VERB ROOT 4
    . . PUNCT punct 4
    """,
    {"` `": "ORG", "Nvidia": "ORG"},
)


#: "The meeting was an important step forward ." -- an event noun said of another (a copula's complement)
IMPORTANT_STEP = ("""
The DT DET det 1
meeting NN NOUN nsubj 2 meeting
was VBD AUX ROOT 2 be
an DT DET det 5
important JJ ADJ amod 5
step NN NOUN attr 2
forward RB ADV advmod 5
. . PUNCT punct 2
""", {})

#: "Europe met . \n Seeking Cooperation \n Europe seeks cooperation ." -- a section heading between two lines
SEEKING_COOPERATION = ("""
Europe NNP PROPN nsubj 1
met VBD VERB ROOT 1 meet
. . PUNCT punct 1
\\n _SP SPACE dep 2
Seeking VBG VERB ROOT 4 seek
Cooperation NN NOUN dobj 4 cooperation
\\n _SP SPACE dep 5
Europe NNP PROPN nsubj 8
seeks VBZ VERB ROOT 8 seek
cooperation NN NOUN dobj 8
. . PUNCT punct 8
""", {"Europe": "LOC"})

#: "Reports indicated that forces struggle ." -- a reporting noun as the source of another event
REPORTS_INDICATED = ("""
Reports NNS NOUN nsubj 1 report
indicated VBD VERB ROOT 1 indicate
that IN SCONJ mark 4
forces NNS NOUN nsubj 4 force
struggle VBP VERB ccomp 1
. . PUNCT punct 1
""", {})
