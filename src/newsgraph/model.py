"""Plain records passed between the pipeline stages.

ingest -> Article; extract -> Extraction (per article: mentions, local entities, event mentions);
resolve -> Resolution (per story: canonical actors and events); stories -> StoryFeatures (per article)
and Story (a group of articles). No spaCy and no rdflib here, so every
stage can be tested, pickled to worker processes and serialised to JSON on its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

MentionKind = Literal["NAME", "NOMINAL", "PRONOUN"]
#: Whose claim an event mention is: the article's own voice, a cited actor with a name, or a source without one.
Attribution = Literal["author", "named-source", "unnamed-source"]
#: Whether the text says the event happened, or says it did not ("declined to disclose", "never").
Polarity = Literal["positive", "negative"]
#: How sure the text is: asserted, hedged ("reportedly", "may"), future ("will"), conditional ("would", "if").
Certainty = Literal["certain", "hedged", "future", "conditional"]
ATTRIBUTIONS: tuple[Attribution, ...] = ("author", "named-source", "unnamed-source")
POLARITIES: tuple[Polarity, ...] = ("positive", "negative")
CERTAINTIES: tuple[Certainty, ...] = ("certain", "hedged", "future", "conditional")

#: The story of articles that name none.
DEFAULT_STORY = "default"


@dataclass(frozen=True)
class Article:
    """One news article as stored: offsets everywhere refer to ``text``."""

    id: str
    text: str
    source: str  # the file (and line) it came from, for messages
    outlet: str | None = None
    story: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as given
    url: str | None = None
    title: str | None = None

    @property
    def story_name(self) -> str:
        """Without a story, all articles form one story."""
        return self.story or DEFAULT_STORY

    @property
    def outlet_name(self) -> str:
        """Without an outlet, each article is its own outlet."""
        return self.outlet or f"article {self.id}"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class ActorMention:
    """A span of the article that names or refers to an actor."""

    start: int
    end: int
    text: str
    kind: MentionKind
    ner: str  # the label as the model gave it ("" for nominals and pronouns)
    sentence: int
    head: str  # lower-cased lemma of the head word
    local: int  # index into Extraction.entities
    rule: str  # the chain rule that joined it to its local entity ("new" for the first)
    found_by: str = ""  # the mention rule that found it, or the clean-up rule that last changed its span or type


#: One article's local entity, as resolution refers to it: (article id, ``LocalEntity.index``).
EntityRef = tuple[str, int]


@dataclass(frozen=True)
class LocalEntity:
    """An actor as one article knows it: its mentions' chain, with the best name and a corrected type."""

    index: int
    name: str  # the preferred name in this article ("Steve Witkoff")
    type: str  # PERSON, ORG, GPE, NORP ...
    names: tuple[str, ...]  # every proper name used for it, sorted
    descriptions: tuple[str, ...] = ()  # titles and descriptions bound to it ("the U.S. envoy")
    owner: int = -1  # a government named by its leader ("Zelenskiy's government"): the leader's local entity
    age: int = -1  # the one age the article gives a person ("66-year-old", "Johnson, 66,"); -1: none or several


@dataclass(frozen=True)
class EventMention:
    """A predicate with its participants, as one sentence states it."""

    start: int
    end: int
    text: str
    lemma: str  # the predicate's lemma; nominal events keep the verb ("departure" -> "depart")
    label: str  # "leave meeting"
    sentence: int
    nominal: bool
    agents: tuple[int, ...] = ()  # LocalEntity indices
    patients: tuple[int, ...] = ()
    others: tuple[int, ...] = ()  # other actor participants (prepositional objects ...)
    object: str = ""  # the object phrase as written ("the meeting")
    local: int = -1  # index of the local event chain (same happening named again in this article)
    rule: str = ""  # the event rule that found it and its participants ("verb", "passive", "nominal" ...)
    # who says it and how sure (extract/attribution.py); offsets are -1 where there is no such span
    attribution: Attribution = "author"
    attribution_rule: str = ""  # the attribution rule that found the nearest source ("" for the article's own voice)
    source: int = -1  # ActorMention index of the nearest source, when an actor mention names it
    source_text: str = ""  # the nearest source as written ("sources close to the meeting"; "" for "reportedly")
    source_start: int = -1
    source_end: int = -1
    cue: str = ""  # the word that attributes it ("claimed", "reportedly", "according")
    cue_start: int = -1
    chain: tuple[str, ...] = ()  # every source of a reporting chain, nearest first ("Y", "X" in "X said Y told him")
    polarity: Polarity = "positive"
    polarity_cue: str = ""  # "not", "never", "declined" ...
    certainty: Certainty = "certain"
    certainty_cue: str = ""  # "reportedly", "may", "will", "would", "if" ...
    quote: int = -1  # index into Extraction.quotes of the direct quote it is said in
    renames: int = -1  # start offset of the predicate whose happening this noun names again ("a move", "to death")
    time: str = ""  # the time expression as written ("last Thursday")
    time_start: int = -1
    time_end: int = -1
    time_value: str = ""  # ISO 8601 date, year-month or year, resolved against the publication date; "" if unknown
    place: int = -1  # ActorMention index of the place where it happens ("in Paris")

    @property
    def unreal(self) -> bool:
        """It says the happening did not take place, or would only under a condition."""
        return self.polarity == "negative" or self.certainty == "conditional"


@dataclass(frozen=True)
class Quote:
    """A direct quote (textacy's speaker, cue, content shape), with offsets into the article text."""

    start: int  # the quoted words, without the quote marks
    end: int
    text: str
    speaker: int = -1  # ActorMention index of the speaker, when an actor mention names it
    speaker_text: str = ""  # the speaker as written ("Macron", "an aide"; "" when none was found)
    speaker_start: int = -1
    speaker_end: int = -1
    cue: str = ""  # the verb (or dash) that introduces it ("said", "–")
    cue_start: int = -1
    closed: bool = True  # False when the closing mark is missing and the quote was cut at its sentence's end


@dataclass(frozen=True)
class Extraction:
    """Everything resolution and the graph need from one article; parsing it again is never needed."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[LocalEntity, ...]
    mentions: tuple[ActorMention, ...]
    events: tuple[EventMention, ...]
    model: str = ""
    quotes: tuple[Quote, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """A plain dict; the article's ``source`` path is left out, so the same text stored from another
        folder gives the same graph. Each list of records is a table, its field names once and a row of
        values per record (``{"fields": [...], "rows": [[...], ...]}``): a third of the size of a dict per
        record, and it is stored with every article."""
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        for name, value in data.items():
            if isinstance(value, tuple):
                data[name] = table(value, _KINDS[name])
        data["article"] = plain(self.article)
        del data["article"]["source"]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        """The record ``to_json`` made, or one stored before records were tables (a dict per record)."""

        def tup(items: list[Any] | dict[str, Any], kind: type) -> tuple[Any, ...]:
            if isinstance(items, dict):
                items = [dict(zip(items["fields"], row)) for row in items["rows"]]
            return tuple(_record(kind, item) for item in items)

        return cls(
            article=Article(**{"source": f"stored article {data['article']['id']}", **data["article"]}),
            sentences=tup(data["sentences"], Sentence),
            entities=tup(data["entities"], LocalEntity),
            mentions=tup(data["mentions"], ActorMention),
            events=tup(data["events"], EventMention),
            model=data.get("model", ""),
            quotes=tup(data.get("quotes", []), Quote),  # records stored before quotes existed have none
        )


def plain(record: Any) -> dict[str, Any]:
    """A flat record (str, int, bool fields and tuples of them) as a dict, tuples as lists.

    What ``dataclasses.asdict`` gives for these records, without its deep copies: storing a record costs
    less than building its graph.
    """
    return {f.name: list(v) if isinstance(v := getattr(record, f.name), tuple) else v
            for f in dataclasses.fields(record)}


def table(records: tuple[Any, ...], kind: type) -> dict[str, Any]:
    """Records of one kind as a table: their field names, then one row of values per record.

    >>> table((Sentence(0, 5), Sentence(6, 9)), Sentence)
    {'fields': ['start', 'end'], 'rows': [[0, 5], [6, 9]]}
    """
    names = [f.name for f in dataclasses.fields(kind)]
    return {"fields": names, "rows": [[list(v) if isinstance(v := getattr(r, n), tuple) else v for n in names] for r in records]}


def _record(kind: type, item: dict[str, Any]) -> Any:
    """Rebuild a frozen record from JSON, turning lists back into tuples."""
    return kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in item.items()})


@dataclass(frozen=True)
class Actor:
    """A story-level actor: one node however many articles and names refer to it."""

    key: str  # canonical key the IRI is minted from
    story: str
    label: str
    type: str
    alt_labels: tuple[str, ...]
    mentions: tuple[tuple[str, int], ...]  # (article id, ActorMention index)
    rules: tuple[str, ...] = ()  # the rules that merged its article-level entities, sorted


@dataclass(frozen=True)
class Event:
    """A story-level event: the same happening, however many articles report it."""

    key: str
    story: str
    label: str
    predicate: str
    agents: tuple[str, ...]  # Actor keys
    patients: tuple[str, ...]
    others: tuple[str, ...]
    mentions: tuple[tuple[str, int], ...]  # (article id, EventMention index)
    objects: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    may_be_same_as: str = ""  # the key of an event of the story it may be the same happening as (``may-be-same``)


@dataclass(frozen=True)
class Resolution:
    """The result of resolving one story: what the graph's story layer is made of."""

    story: str
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    # (article id, mention index) -> (node key, rule that attached it)
    actor_of: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    event_of: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class StoryFeatures:
    """What grouping into stories (stories.py) needs of one article: counts of its named actors, places and
    key terms, and a date."""

    id: str
    outlet: str
    story: str | None = None  # the story the input gave, if any
    date: str = ""  # ISO date: the publication date, else the first full date written in the text
    names: tuple[tuple[str, int], ...] = ()  # (name as shown, mentions); people by surname
    places: tuple[tuple[str, int], ...] = ()
    terms: tuple[tuple[str, int], ...] = ()  # the article's most frequent content words and numbers

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "outlet": self.outlet, "story": self.story, "date": self.date,
                "names": [list(n) for n in self.names], "places": [list(p) for p in self.places],
                "terms": [list(t) for t in self.terms]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryFeatures:
        def pairs(key: str) -> tuple[tuple[str, int], ...]:
            return tuple((str(k), int(v)) for k, v in data.get(key, ()))
        return cls(id=data["id"], outlet=data["outlet"], story=data.get("story"), date=data.get("date", ""),
                   names=pairs("names"), places=pairs("places"), terms=pairs("terms"))


@dataclass(frozen=True)
class Story:
    """One story (stories.py): its slug (``ng:story``), readable label, articles (sorted) and date range."""

    slug: str
    label: str
    articles: tuple[str, ...]
    first: str = ""  # earliest and latest article date ("" when none has one)
    last: str = ""
    topic: str = ""  # the slug of its topic: related stories (topics.py); its own slug when alone
    topic_label: str = ""


#: The record kind of each list in an extraction record.
_KINDS: dict[str, type] = {"sentences": Sentence, "entities": LocalEntity, "mentions": ActorMention,
                           "events": EventMention, "quotes": Quote}
