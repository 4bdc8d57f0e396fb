"""The learned ``actor-merge`` step: two actors of a story that the rules kept apart, joined when the pairwise
scorer says they are one (``learned``; weights ``data/actor_pairs.json``).

What the name rules cannot prove, the story often shows: "the hit and run driver" of one outlet and
"Anthony LaSalle" of another both fleeing the scene, "Indian Naval Ship Sukanya" and "Sukanya" both
thwarting the attack in the lead. Two names that each have a word the other lacks never join ("Mark Vinar"
/ "Miles Vinar", brothers in one story), nor anything else ``apart`` finds evidence against.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from .. import names
from ..lexicon import FEATURE_WORDS, PLACE_MODIFIERS, plural_noun
from ..model import Actor, ActorMention, Event, Extraction
from ..rules import rule
from . import learned
from .fillers import genders

#: Whether the step runs (off while its weights are trained).
USE = True

#: The features, in the order of the weights: name -> what it measures.
FEATURES: dict[str, str] = {
    "name_similarity": "the closest two of their names and labels, as edit similarity (0-1)",
    "word_overlap": "Jaccard overlap of the words of their names and labels",
    "same_type": "1 when their entity types are the same",
    "both_named": "1 when both have a proper name",
    "one_named": "1 when one has a proper name and the other only descriptions or pronouns",
    "same_head": "1 when two of their descriptions have the same head word",
    "same_role": "1 when they take the same role (agent, patient, other) in one event of the story",
    "context": "Jaccard overlap of the other actors their sentences name",
    "sentence_cosine": "cosine of their sentences' words, weighted by rarity in the story (tf-idf)",
    "both_main": "1 when each is the most mentioned actor of one of its articles",
    "both_lead": "1 when both are named in their articles' leads (first two sentences)",
    "people": "1 when both are people",
    "places": "1 when both are places",
}

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Words after which a name's end is not the thing it names: prepositions after an organisation's head
#: ("University of Alabama at Birmingham") and coordinators ("Nationals and Orioles" are two teams).
_LINKS = frozenset({"of", "at", "for", "in", "on", "and", "&"})


@dataclass(frozen=True)
class ActorView:
    """What the scorer reads of one actor of a story."""

    articles: frozenset[str]
    type: str
    names: frozenset[str]  # its proper names and its label, lower-cased
    words: frozenset[str]  # their words
    heads: frozenset[str]  # the head words of its names and descriptions
    name_words: frozenset[tuple[str, ...]]  # its proper names as folded words
    named: bool
    plural: bool  # known by plural descriptions only ("reporters", "two workers"), no name
    singular: bool  # a person's name, or singular descriptions only
    genders: frozenset[str]  # what its given names, pronouns and nouns say ("m", "f")
    roles: frozenset[tuple[str, str]]  # (event key, role)
    context: frozenset[str]  # the other actors its sentences name
    main: bool  # the most mentioned actor of one of its articles
    first_sentence: int
    vector: dict[str, float]  # its sentences' words (learned.StoryWords)


def views(actors: Sequence[Actor], events: Sequence[Event], docs: dict[str, Extraction]) -> list[ActorView]:
    """One view per actor of the story, its roles read off ``events``."""
    words = learned.StoryWords(docs)
    in_sentence: dict[learned.SentenceKey, set[str]] = defaultdict(set)
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    for a in actors:
        for d, i in a.mentions:
            in_sentence[(d, docs[d].mentions[i].sentence)].add(a.key)
            per_article[d][a.key] += 1
    most = {d: max(counts.values()) for d, counts in per_article.items()}  # the most mentions of an actor, per article
    roles: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in events:
        for role, keys in (("agent", e.agents), ("patient", e.patients), ("other", e.others)):
            for k in keys:
                roles[k].add((e.key, role))
    out = []
    for a in actors:
        mentions = [docs[d].mentions[i] for d, i in a.mentions]
        sentences = sorted({(d, docs[d].mentions[i].sentence) for d, i in a.mentions})
        articles = frozenset(d for d, _i in a.mentions)
        proper = {m.text.lower() for m in mentions if m.kind == "NAME"}
        labels = proper | {a.label.lower()}
        out.append(ActorView(
            articles=articles,
            type=a.type,
            names=frozenset(labels),
            words=frozenset(w for n in labels for w in n.split()),
            heads=frozenset(m.head for m in mentions if m.kind != "PRONOUN"),
            name_words=frozenset(tuple(names.name_words(m.text)) for m in mentions if m.kind == "NAME"),
            named=bool(proper),
            plural=not proper and any(map(_plural, mentions)) and all(map(_plural, _nominals(mentions))),
            genders=frozenset(genders(a, docs)),
            singular=(a.type == "PERSON" and bool(proper))
            or (bool(_nominals(mentions)) and not any(map(_plural, mentions))),
            roles=frozenset(roles[a.key]),
            context=frozenset().union(*(in_sentence[s] for s in sentences)) - {a.key},
            main=any(per_article[d][a.key] == most[d] for d in articles),
            first_sentence=min((m.sentence for m in mentions), default=0),
            vector=words.vector(sentences),
        ))
    return out


def _nominals(mentions: list[ActorMention]) -> list[ActorMention]:
    return [m for m in mentions if m.kind == "NOMINAL"]


def _plural(m: ActorMention) -> bool:
    """A plural description ("workers", "children", "people")."""
    return m.kind == "NOMINAL" and plural_noun(m.text, m.head)


def apart(a: ActorView, b: ActorView) -> bool:
    """Evidence that two actors are two, whatever the scorer says:
    - two names of which each has a word the other lacks: "Mark Vinar" / "Miles Vinar" (brothers in one
      story), "North Carolina" / "South Carolina", "Interior Department" / "Commerce Department" (spelling
      variants and other word orders are the rules' to join);
    - a name that is not the end of the other: English names put their head last, so "Boston Herald",
      "Palmer Police" and "Kansas City Chiefs" are named after "Boston", "Palmer" and "Kansas City", not
      them; nor the end after a preposition or "and" ("University of Alabama at Birmingham" is not
      Birmingham, "Nationals and Orioles" not the Orioles), nor
      with a natural feature or a compass word added ("Lake Michigan" is not Michigan, "Northern Iowa" not
      Iowa) (``_two_names``);
    - a group known only by plural descriptions and one person or singular thing ("reporters" / "Bob
      Woodward"), or two genders ("Anthony LaSalle" / "a woman");
    - two types where one side is only described (a description's type comes from its noun, "the
      actress" / "the Betty Ford Center"), or a nationality or group word ("American", NORP).
    """
    if any(_two_names(x, y) for x in a.name_words for y in b.name_words):
        return True
    if (a.plural and b.singular) or (b.plural and a.singular) or (a.genders and b.genders and a.genders != b.genders):
        return True
    return a.type != b.type and (not (a.named and b.named) or "NORP" in (a.type, b.type))


def _two_names(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two names (folded words) name two things: each has a word the other lacks, or the same words
    in another order (the word-order rule's to join), or the shorter is not the end of the longer (English
    names put their head last: "Boston" / "Boston Herald", "University of Alabama" / "University of South
    Alabama"), or it ends the longer after a preposition or a coordinator ("Birmingham" / "University of
    Alabama at Birmingham": what the head is of, or at; "Orioles" / "Nationals and Orioles"), or the longer
    adds a natural feature ("Lake Michigan") or a word that makes another place ("Southern California",
    "South Sudan", "New Mexico")."""
    if x == y:
        return False
    if set(x) == set(y) or (set(x) - set(y) and set(y) - set(x)):
        return True
    short, long = (x, y) if len(set(x)) < len(set(y)) else (y, x)
    before = long[:len(long) - len(short)]
    if long[len(before):] != short or any(w in _LINKS for w in before):
        return True
    return bool(set(before) & (FEATURE_WORDS | PLACE_MODIFIERS))


def features(a: ActorView, b: ActorView) -> tuple[float, ...]:
    """The pair's ``FEATURES``, in order."""
    lead = learned.LEAD_SENTENCES
    return (
        max(ratio(x, y) / 100 for x in sorted(a.names) for y in sorted(b.names)),
        learned.jaccard(a.words, b.words),
        float(a.type == b.type),
        float(a.named and b.named),
        float(a.named != b.named),
        float(bool(a.heads & b.heads)),
        float(bool(a.roles & b.roles)),
        learned.jaccard(a.context, b.context),
        learned.cosine(a.vector, b.vector),
        float(a.main and b.main),
        float(a.first_sentence < lead and b.first_sentence < lead),
        float(a.type == b.type == "PERSON"),
        float(a.type in _PLACE_TYPES and b.type in _PLACE_TYPES),
    )


def candidates(actors: Sequence[ActorView]) -> list[tuple[int, int]]:
    """Pairs with an event, a name word, a head word or an actor of their sentences in common."""
    keys = [[f"e:{e}" for e, _r in v.roles] + [f"w:{w}" for w in v.words] + [f"h:{h}" for h in v.heads]
            + [f"c:{c}" for c in v.context] for v in actors]
    pairs = learned.candidates(keys, [v.articles for v in actors])
    return [(i, j) for i, j in pairs if not apart(actors[i], actors[j])]


@rule("actor-merge", "learned-pair", "across articles, two actors the rules kept apart are one when a pairwise scorer "
      "trained on ECB+ (data/actor_pairs.json: name similarity, roles in the story's events, the actors and rare "
      "words of their sentences, the leads) gives them a probability of at least its threshold; never two different "
      "names with a word each the other lacks, a name and one named after it, a plural group and one person, two "
      "genders, nor two types where one side is only described; an actor two of whose candidates one article tells "
      "apart joins neither", "Mo Cheeks (a) / Maurice Cheeks (b); the "
      "driver fled (a) / the man fled (b)")
def joins(actors: Sequence[ActorView]) -> list[tuple[int, int]]:
    """The actors to join as (kept, joined) group roots."""
    model = learned.scorer("actor_pairs", tuple(FEATURES))

    scores = learned.scored(model, candidates(actors), lambda i, j: features(actors[i], actors[j]))
    return learned.best_first(scores, model.threshold, [v.articles for v in actors],
                              lambda ours, theirs: any(apart(actors[i], actors[j]) for i in ours for j in theirs),
                              one_candidate=True)
