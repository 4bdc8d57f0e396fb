"""Title-case headlines parsed as sentences: the parser sees their common words in the case the body uses.

The small English model learnt that capitals mark names. A title-case headline ("Lindsay Lohan Checks Into
Rehab at Betty Ford Center") capitalises every word, so its verbs are tagged as proper nouns, its names run
into one another and it yields no event. Before parsing, each title-case or all-caps line is written in the
case the article's own body gives each word (document-level truecasing): "checks into rehab" where the body
writes those words in lower case, "Betty Ford" where it writes them capitalised, a word the body never uses
left as it is. Only case changes, so every character keeps its offset; the parse of that text is then laid
on the article's own words (``restore``), so every span, name and evidence quote reads as the article wrote
it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, cast

from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .. import meaning

_WORD = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]")
#: What a title-case line may leave in lower case ("Returns to Host the Oscars").
_MINOR = frozenset("a an the and but or nor for so yet as at by in of off on per to up via vs from into onto over with".split())
#: What the parse of the truecased text lends to the article's own words.
_ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE, ENT_KB_ID]
#: A number right after a word: the word is part of a date or a count ("May. 3", "Page 2").
_DATE_NEXT = re.compile(r"\.?\s*\d")
#: A capitalised word after these starts a sentence: its capital says nothing about the word.
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”]\s+|\n\s*)$")


def truecase(text: str) -> str:
    """``text`` with its title-case and all-caps lines written in the case its other lines use for each
    word; every other character unchanged (same length, same offsets).

    >>> truecase("Lohan Checks Into Rehab\\nLindsay Lohan checks into rehab again, her lawyer said.")
    'Lohan checks into rehab\\nLindsay Lohan checks into rehab again, her lawyer said.'
    """
    lines = _lines(text)
    heads = [(a, b) for a, b in lines if _is_title_line(text[a:b])]
    if not heads:
        return text
    body = "\n".join(text[a:b] for a, b in lines if (a, b) not in heads)
    lower, capital = _evidence(body)
    out = list(text)
    for a, b in heads:
        line = text[a:b]
        shouting = not any(c.islower() for c in line)
        for k, m in enumerate(_WORD.finditer(line)):
            word = m.group()
            if _DATE_NEXT.match(line, m.end()):
                continue  # "May 3", "Fri., May. 3": a date's words stay as written
            cased = _case(word, first=k == 0, shouting=shouting, lower=lower, capital=capital)
            if cased != word and len(cased) == len(word):
                out[a + m.start():a + m.end()] = cased
    return "".join(out)


def restore(doc: Doc, text: str) -> Doc:
    """The parse of ``doc`` (of a truecased ``text``) on the words of ``text`` itself: the same tokens,
    tags, lemmas, tree and entities."""
    words = [text[t.idx:t.idx + len(t.text)] for t in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    restored.from_array(_ATTRS, cast(Any, doc.to_array(_ATTRS)))  # spaCy's stubs call the ids floats
    return restored


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer("\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_title_line(line: str) -> bool:
    """Three words or more, capitalised but for the minor words title case leaves lower-case, and no final
    full stop (a sentence that starts with names is not a headline)."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _MINOR or not w.islower()]
    if len(words) < 3 or line.rstrip().endswith((".", "”", '"')):
        return False
    return bool(sum(w[0].isupper() for w in words) >= 0.75 * len(words) and sum(w.islower() for w in words) <= 1)


def _evidence(body: str) -> tuple[Counter[str], Counter[str]]:
    """How often the body writes each word (folded, and its crude stem) in lower case, and capitalised
    where a capital is not a sentence's first letter."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for m in _WORD.finditer(body):
        word = m.group()
        if word.islower():
            for key in _keys(word):
                lower[key] += 1
        elif word[0].isupper() and not word.isupper() and not _SENTENCE_START.search(body[max(0, m.start() - 3):m.start()]):
            for key in _keys(word.lower()):
                capital[key] += 1
    return lower, capital


@lru_cache(maxsize=1 << 14)
def _keys(folded: str) -> tuple[str, ...]:
    """The word and its stem without a regular inflection ("checks", "checked" -> "check")."""
    for suffix in ("ing", "ies", "ied", "es", "ed", "s", "d"):
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            stem = folded[: -len(suffix)]
            return (folded, "~" + stem, "~" + stem + "e") if suffix in ("ing", "ed", "es") else (folded, "~" + stem)
    return (folded, "~" + folded)


def _case(word: str, *, first: bool, shouting: bool, lower: Counter[str], capital: Counter[str]) -> str:
    """A headline word in the case the body gives it (the word itself, else its stem): lower case where the
    body writes it so more often than capitalised mid-sentence, else capitalised; with no such evidence, a
    minor or stop word in lower case and anything else as written (a name the body does not repeat, an
    acronym), but a word WordNet knows as a verb in lower case. The line's first word keeps a capital."""
    folded = word.lower()
    if word.isupper() and len(word) > 1 and not shouting:
        return word  # an acronym in a title-case line ("NYPD")
    lows = caps = 0
    for key in _keys(folded):
        lows, caps = lower[key], capital[key]
        if lows or caps:
            break
    if caps > lows:
        cased = folded[:1].upper() + folded[1:]
    elif lows or folded in _MINOR or folded in STOP_WORDS or any(meaning.senses(k.lstrip("~"), 1) for k in _keys(folded)):
        cased = folded  # said in lower case by the body, a minor word, or a verb of WordNet ("Burns", "Rehires")
    else:
        return word
    return cased[:1].upper() + cased[1:] if first else cased
