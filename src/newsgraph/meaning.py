"""What an event's predicate means, from WordNet 3.0: synonyms, hypernym neighbours and nominalisations.

Pure: reads the table ``data/wordnet_events.tsv.gz`` once (written at development time by
``tools/wordnet_table.py`` from WordNet 3.0; licence in ``data/WORDNET-LICENSE``); no spaCy, no nltk.
Lemmas are lower-case, multi-word ones written with spaces ("walk out"). The thresholds below were chosen
on the ECB+ development topics (docs/meaning.md has the figures):

- two verbs mean the same when they share one of their ``TOP_SENSES`` most frequent senses (synonyms),
  or the main sense of one is a direct hyponym of a frequent sense of the other (hypernym neighbours:
  "slay" is a way to "kill"), or a short override list groups them (``VERB_GROUPS``);
- a noun is an event when its most frequent sense is an act, event or process ("departure", "bombing"),
  or a communication that nominalises a verb ("discussion"), not a person or an artifact ("leader",
  "building"); it means what the verb it nominalises means.

>>> verb_of("departure"), verb_of("leader")
('depart', None)
>>> same_meaning("buy", "purchase"), same_meaning("kill", "slay"), same_meaning("buy", "sell")
(True, True, False)
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from .errors import DataError

#: How many of a verb's most frequent senses (WordNet's order) take part in a match.
TOP_SENSES = 3
#: The lexicographer files (``noun.`` left off) of a noun's senses that name a happening.
EVENT_LEXNAMES = frozenset({"act", "event", "process"})
#: How many of a noun's most frequent senses may make it an event (1: its main sense decides).
EVENT_NOUN_SENSES = 1

#: Where WordNet fails for news, each with its reason. Nouns that name a happening, with their verb:
NOUN_OVERRIDES: dict[str, str] = {
    # WordNet's "summit" is a peak, an apex or a conference *group*, derived from no verb; news means a meeting
    "summit": "meet",
    # WordNet's first sense of "meeting" and "gathering" is the gathered group (noun.group); news means the
    # happening
    "meeting": "meet",
    "gathering": "gather",
}

#: Nouns WordNet's main sense makes events that news uses for no happening:
NOT_EVENT_NOUNS = frozenset({
    "time",  # time.n.01 is "an instance or single occasion" (noun.event); news: "for the first time", "at the time"
})

#: Verbs WordNet does not relate that news uses for one kind of happening, each group with its reason.
VERB_GROUPS: tuple[tuple[str, ...], ...] = (
    # WordNet's "unveil" is uncovering or showing, its "launch" founding or propelling; news launches,
    # unveils and introduces a product (or a plan) alike
    ("launch", "unveil", "introduce", "roll out", "debut"),
    # WordNet's meet.v.01 "come together" is not linked to gather.v.01 or convene.v.01 (only meet's 7th
    # sense is); news "leaders gathered / convened / met in Paris" is one meeting, and "the Paris talks"
    # (WordNet: negotiation.n.01, which no verb derives) name it too
    ("meet", "gather", "convene", "talk"),
    # the military "strike" of news is far down WordNet's senses of strike (after touching and hitting)
    ("bomb", "strike"),
)
_GROUP_OF: dict[str, int] = {verb: i for i, group in enumerate(VERB_GROUPS) for verb in group}

#: Similarity levels, strongest first (``similarity`` returns one of these).
SAME_LEMMA, FIRST_SENSE, SHARED_SENSE, HYPONYM, NEIGHBOUR, UNRELATED = 1.0, 0.9, 0.75, 0.6, 0.4, 0.0
#: How many of the more general verb's senses a ``HYPONYM`` link may reach.
HYPONYM_SENSES = 2
#: The level from which two predicates mean the same (best F1 on the ECB+ development topics).
THRESHOLD = HYPONYM


@dataclass(frozen=True)
class _Table:
    verbs: dict[str, tuple[str, ...]]  # verb lemma -> its synsets, most frequent first
    hypernyms: dict[str, tuple[str, ...]]  # verb synset -> its direct hypernyms
    nouns: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]]  # noun -> (lexnames, verb or "", synsets)


TABLE = "wordnet_events.tsv.gz"


@cache
def _table() -> _Table:
    """The shipped table, read once."""
    path = files("newsgraph") / "data" / TABLE
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError(f"{TABLE}: cannot read the WordNet table ({exc})") from exc
    return parse_table(text, TABLE)


def parse_table(text: str, source: str) -> _Table:
    """The V (verb senses), H (hypernyms) and N (event nouns) records of the table's text; a line of
    another shape raises ``DataError`` naming ``source`` and the line."""
    verbs: dict[str, tuple[str, ...]] = {}
    hypernyms: dict[str, tuple[str, ...]] = {}
    nouns: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "V" and len(fields) == 3:
            verbs[fields[1]] = tuple(fields[2].split())
        elif fields[0] == "H" and len(fields) == 3:
            hypernyms[fields[1]] = tuple(fields[2].split())
        elif fields[0] == "N" and len(fields) == 5:
            nouns[fields[1]] = (tuple(fields[2].split()), fields[3], tuple(fields[4].split()))
        else:
            raise DataError(f"{source}:{number}: not a V, H or N record: {line[:60]!r}")
    return _Table(verbs, hypernyms, nouns)


def is_event_noun(noun: str) -> bool:
    """Whether a noun lemma names a happening: an override; its main sense is an act, event or process; or
    its main sense is a communication and it nominalises a verb ("discussion", "statement"; not "news").

    >>> is_event_noun("bombing"), is_event_noun("summit"), is_event_noun("building")
    (True, True, False)
    """
    if noun in NOUN_OVERRIDES:
        return True
    entry = _table().nouns.get(noun)
    if entry is None or noun in NOT_EVENT_NOUNS:
        return False
    lexnames, verb = entry[0][:EVENT_NOUN_SENSES], entry[1]
    return bool(EVENT_LEXNAMES & set(lexnames)) or (lexnames[0] == "communication" and verb != "")


def verb_of(noun: str) -> str | None:
    """The verb an event noun nominalises ("acquisition" -> "acquire"); None for a noun that names no
    happening or nominalises no verb ("leader", "earthquake")."""
    if noun in NOUN_OVERRIDES:
        return NOUN_OVERRIDES[noun]
    if not is_event_noun(noun):
        return None
    return _table().nouns[noun][1] or None


def predicate(lemma: str) -> str:
    """The verb a predicate lemma stands for: a verb as it is, an event noun's verb, else the lemma."""
    if lemma in _table().verbs and lemma not in NOUN_OVERRIDES:
        return lemma
    return verb_of(lemma) or lemma


def senses(verb: str, k: int = TOP_SENSES) -> tuple[str, ...]:
    """The ``k`` most frequent WordNet senses (synset names) of a verb lemma; () for an unknown one."""
    return _table().verbs.get(verb, ())[:k]


def noun_senses(noun: str) -> tuple[str, ...]:
    """The two most frequent WordNet senses of an event noun ("quake" -> ("earthquake.n.01",))."""
    entry = _table().nouns.get(noun)
    return entry[2] if entry is not None and is_event_noun(noun) else ()


def hypernyms(synset: str) -> tuple[str, ...]:
    """The direct hypernyms of a verb synset ("murder.v.01" -> ("kill.v.01",))."""
    return _table().hypernyms.get(synset, ())


@lru_cache(maxsize=1 << 16)  # event resolution asks the same pairs of predicates again and again
def similarity(a: str, b: str) -> float:
    """How close two predicate lemmas are in meaning (an event noun read as the verb it nominalises):

    - ``SAME_LEMMA`` (1.0): one verb ("depart" / "departure");
    - ``FIRST_SENSE`` (0.9): the same most frequent sense ("buy" / "purchase", "quake" / "earthquake");
    - ``SHARED_SENSE`` (0.75): a shared sense among the ``TOP_SENSES``, or one ``VERB_GROUPS`` group;
    - ``HYPONYM`` (0.6): the main sense of one is a direct hyponym (troponym) of one of the
      ``HYPONYM_SENSES`` most frequent senses of the other ("slay" is a way to "kill", "buy" to "acquire");
    - ``NEIGHBOUR`` (0.4): any frequent sense of one is a direct hypernym of one of the other's;
    - ``UNRELATED`` (0.0). Symmetric.

    >>> similarity("depart", "departure"), similarity("purchase", "buy"), similarity("slay", "kill")
    (1.0, 0.9, 0.6)
    """
    va, vb = predicate(a), predicate(b)
    if va == vb:
        return SAME_LEMMA
    na, nb = noun_senses(a), noun_senses(b)  # two event nouns of one meaning ("quake", "earthquake")
    sa, sb = senses(va), senses(vb)
    if (na and nb and na[0] == nb[0]) or (sa and sb and sa[0] == sb[0]):
        return FIRST_SENSE
    if set(na) & set(nb) or set(sa) & set(sb) or _GROUP_OF.get(va, -1) == _GROUP_OF.get(vb, -2):
        return SHARED_SENSE
    if not sa or not sb:
        return UNRELATED
    if _hyponym(sa, sb) or _hyponym(sb, sa):
        return HYPONYM
    if any(h in sb for s in sa for h in hypernyms(s)) or any(h in sa for s in sb for h in hypernyms(s)):
        return NEIGHBOUR
    return UNRELATED


def _hyponym(specific: tuple[str, ...], general: tuple[str, ...]) -> bool:
    return any(h in general[:HYPONYM_SENSES] for h in hypernyms(specific[0]))


def same_meaning(a: str, b: str) -> bool:
    """Whether two predicate lemmas name the same kind of happening (``similarity`` >= ``THRESHOLD``)."""
    return similarity(a, b) >= THRESHOLD


def class_of(lemma: str) -> str:
    """A key for a dictionary of predicates: the first verb of its ``VERB_GROUPS`` group, else the most
    frequent sense of the verb the lemma stands for ("purchase" and "buy" -> "buy.v.01"), else that verb
    itself. Depends on the lemma alone, so any order of mentions gives the same keys; an equivalence,
    stricter than ``same_meaning``.

    >>> class_of("purchase"), class_of("buy"), class_of("xyzzy")
    ('buy.v.01', 'buy.v.01', 'xyzzy')
    """
    verb = predicate(lemma)
    if verb in _GROUP_OF:
        return VERB_GROUPS[_GROUP_OF[verb]][0]
    found = senses(verb, 1)
    return found[0] if found else verb


@lru_cache(maxsize=1 << 14)
def keys_of(lemma: str) -> frozenset[str]:
    """Blocking keys: the verb, its group, its frequent senses and their direct hypernyms, an event
    noun's senses. Two lemmas of any ``similarity`` above ``UNRELATED`` share a key (the converse does not
    hold), so an index of events under their keys finds every candidate without comparing all pairs."""
    verb = predicate(lemma)
    found = senses(verb)
    group = {f"group:{VERB_GROUPS[_GROUP_OF[verb]][0]}"} if verb in _GROUP_OF else set()
    return frozenset({verb, *group, *found, *noun_senses(lemma)}) | {h for s in found for h in hypernyms(s)}
