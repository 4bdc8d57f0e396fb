"""Records -> RDF quads. Pure: no store, no files.

Three kinds of named graph, each replaceable on its own:
- the article graph (IRI = the article's IRI): the article, sentences and mentions, i.e. what the text
  says and where, independent of any other article;
- the outlet graph (IRI = the outlet's IRI): its type and name, stated once for all its articles;
- the story graph: the story's resolved actors and events and the links from mentions to them, rewritten
  whenever an article of the story is added or removed.
Queries run over the union of all graphs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence

from rdflib import Literal, URIRef
from rdflib.term import Node

from . import iris
from .literals import date_literal, int_literal, is_iri, value_literal
from .model import ActorMention, Article, EventMention, Extraction, Quote, Resolution
from .salience import score
from .stories import features, features_json
from .stories import label as story_label
from .topics import TOPICS_GRAPH, topic_iri
from .vocab import DCTERMS, GAF, NG, NIF, PROV, RDF, RDFS, SCHEMA, SEM, SKOS

Quad = tuple[Node, Node, Node, URIRef]

#: What an event mention without the term means: the usual case is not written (docs/vocabulary.md,
#: "Defaults"); queries read ``COALESCE(?value, default)``.
DEFAULTS = {"attribution": "author", "polarity": "positive", "certainty": "certain"}
#: An actor mention without ``ng:mentionKind`` is a name; without ``ng:resolvedBy``, ``new`` (a pronoun: ``pronoun``).
DEFAULT_MENTION_KIND, DEFAULT_RESOLVED_BY, DEFAULT_RESOLVED_BY_KIND = "NAME", "new", {"PRONOUN": "pronoun"}
#: A mention's rule without ``ng:foundBy``: an event mention's, an actor mention's by kind (a span of both: both).
DEFAULT_FOUND_BY = {"event": "verb", "NAME": "entity", "NOMINAL": "described-actor", "PRONOUN": "pronoun"}


def article_quads(extraction: Extraction, content_hash: str) -> list[Quad]:
    """The article graph of one extracted article."""
    art = extraction.article
    g = URIRef(iris.doc_iri(art.id))
    doc = g
    outlet = URIRef(iris.outlet_iri(art.outlet_name))
    quads: list[Quad] = [
        (doc, RDF.type, SCHEMA.NewsArticle, g),
        (doc, RDF.type, NIF.Context, g),
        (doc, DCTERMS.identifier, Literal(art.id), g),
        (doc, NIF.isString, Literal(art.text), g),
        (doc, SCHEMA.publisher, outlet, g),
        (doc, NG.contentHash, Literal(content_hash), g),
        (doc, NG.storyFeatures, Literal(features_json(extraction)), g),
        (doc, NG.extraction, Literal(json.dumps(extraction.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))), g),
    ]
    if extraction.model:
        quads.append((doc, NG.model, Literal(extraction.model), g))
    if art.title:
        quads.append((doc, SCHEMA.headline, Literal(art.title), g))
    if art.published:
        quads.append((doc, SCHEMA.datePublished, date_literal(art.published), g))
    if art.url:
        quads.append((doc, SCHEMA.url, URIRef(art.url) if is_iri(art.url) else Literal(art.url), g))

    sentence_iris = []
    for sent in extraction.sentences:
        s = URIRef(iris.span_iri(art.id, sent.start, sent.end))
        sentence_iris.append(s)
        quads += _span(s, NIF.Sentence, doc, sent.start, sent.end, art.text, g)
    both = {(m.start, m.end) for m in extraction.mentions} & {(e.start, e.end) for e in extraction.events}
    for m in extraction.mentions:
        node = URIRef(iris.span_iri(art.id, m.start, m.end))
        quads += _offsets(node, m.start, m.end, art.text, g)
        quads.append((node, NIF.sentence, sentence_iris[m.sentence], g))
        if m.kind != DEFAULT_MENTION_KIND:
            quads.append((node, NG.mentionKind, value_literal(m.kind), g))
        if m.found_by and (m.found_by != DEFAULT_FOUND_BY.get(m.kind) or (m.start, m.end) in both):
            quads.append((node, NG.foundBy, value_literal(m.found_by), g))
        if m.ner:
            quads.append((node, NG.nerLabel, value_literal(m.ner), g))
    for ev in extraction.events:
        node = URIRef(iris.span_iri(art.id, ev.start, ev.end))
        quads += _offsets(node, ev.start, ev.end, art.text, g)
        quads.append((node, NIF.sentence, sentence_iris[ev.sentence], g))  # nif:lemma: in the story graph
        if ev.rule and (ev.rule != DEFAULT_FOUND_BY["event"] or (ev.start, ev.end) in both):  # "nominal": a noun
            quads.append((node, NG.foundBy, value_literal(ev.rule), g))
        quads += _perspective(node, ev, extraction, g)
    for q in extraction.quotes:
        quads += _quotation(q, extraction, g)
    return quads


def outlet_quads(name: str) -> list[Quad]:
    """An outlet's own graph (IRI = the outlet's IRI): written once however many articles it publishes, so a
    query over the union of all graphs sees its label once, not once per article."""
    outlet = URIRef(iris.outlet_iri(name))
    return [(outlet, RDF.type, SCHEMA.Organization, outlet), (outlet, RDFS.label, Literal(name), outlet)]


def _perspective(node: URIRef, ev: EventMention, extraction: Extraction, g: URIRef) -> list[Quad]:
    """Who says it and how sure, when and where: the values attribution.py gave one event mention. The
    usual values (the article's own voice, positive, certain) are not written: ``DEFAULTS`` says what an
    absent value means, and the article's own voice is its outlet's (``schema:publisher``)."""
    art = extraction.article
    quads: list[Quad] = []
    if ev.polarity != DEFAULTS["polarity"]:
        quads.append((node, NG.polarity, value_literal(ev.polarity), g))
    if ev.certainty != DEFAULTS["certainty"]:
        quads.append((node, NG.certainty, value_literal(ev.certainty), g))
    if ev.attribution != DEFAULTS["attribution"]:
        quads.append((node, NG.attribution, value_literal(ev.attribution), g))
        source = _agent(extraction, ev.source, ev.source_start, ev.source_end, g)
        if source is not None:
            quads.append((node, PROV.wasAttributedTo, source[0], g))
            quads += source[1]
        if ev.cue:
            quads.append((node, NG.cue, value_literal(ev.cue), g))
        if ev.attribution_rule:
            quads.append((node, NG.attributedBy, value_literal(ev.attribution_rule), g))
        if ev.chain:
            quads.append((node, NG.sourceChain, Literal("; ".join(ev.chain)), g))
    if ev.polarity_cue:
        quads.append((node, NG.polarityCue, value_literal(ev.polarity_cue), g))
    if ev.certainty_cue:
        quads.append((node, NG.certaintyCue, value_literal(ev.certainty_cue), g))
    if ev.quote >= 0:
        q = extraction.quotes[ev.quote]
        quads.append((node, NG.quote, URIRef(iris.span_iri(art.id, q.start, q.end)), g))
    if ev.time_start >= 0:
        t = URIRef(iris.span_iri(art.id, ev.time_start, ev.time_end))
        quads += [(node, SEM.hasTime, t, g), (t, RDFS.label, Literal(ev.time), g)]
        quads += _span(t, SEM.Time, URIRef(iris.doc_iri(art.id)), ev.time_start, ev.time_end, art.text, g, said=ev.time)
        if ev.time_value:
            quads.append((t, SEM.hasTimeStamp, date_literal(ev.time_value), g))
    if ev.place >= 0:
        m = extraction.mentions[ev.place]
        quads.append((node, SEM.hasPlace, URIRef(iris.span_iri(art.id, m.start, m.end)), g))
    return quads


def _agent(extraction: Extraction, mention: int, start: int, end: int, g: URIRef) -> tuple[URIRef, list[Quad]] | None:
    """A source or speaker: its actor mention (which denotes the actor), else the phrase naming it."""
    art = extraction.article
    if mention >= 0:
        m = extraction.mentions[mention]
        return URIRef(iris.span_iri(art.id, m.start, m.end)), []
    if start < 0:
        return None  # "reportedly": nobody is named
    node = URIRef(iris.span_iri(art.id, start, end))
    return node, _span(node, PROV.Agent, URIRef(iris.doc_iri(art.id)), start, end, art.text, g)


def _quotation(q: Quote, extraction: Extraction, g: URIRef) -> list[Quad]:
    """A direct quote: a schema:Quotation spanning the quoted words, said by its speaker."""
    art = extraction.article
    node = URIRef(iris.span_iri(art.id, q.start, q.end))
    quads: list[Quad] = [(node, SCHEMA.text, Literal(q.text), g)]
    quads += _span(node, SCHEMA.Quotation, URIRef(iris.doc_iri(art.id)), q.start, q.end, art.text, g, said=q.text)
    speaker = _agent(extraction, q.speaker, q.speaker_start, q.speaker_end, g)
    if speaker is not None:
        quads.append((node, SCHEMA.spokenByCharacter, speaker[0], g))
        quads += speaker[1]
    if q.cue:
        quads.append((node, NG.cue, Literal(q.cue), g))
    if not q.closed:
        quads.append((node, NG.closed, Literal(False), g))
    return quads


def _span(
    node: URIRef, cls: URIRef, doc: URIRef, start: int, end: int, text: str, g: URIRef, said: str | None = None
) -> list[Quad]:
    """A span that is not a mention (a sentence, quote, time, unnamed source): its class and article; its
    words not again as ``nif:anchorOf`` where its ``schema:text`` or ``rdfs:label`` (``said``) has them."""
    quads: list[Quad] = [(node, RDF.type, cls, g), (node, NIF.referenceContext, doc, g)]
    return quads + _offsets(node, start, end, text, g, words=said != text[start:end])


def _offsets(node: URIRef, start: int, end: int, text: str, g: URIRef, *, words: bool = True) -> list[Quad]:
    """Where a span is and what it says: NIF offsets into ``nif:isString`` and the words themselves."""
    anchor: list[Quad] = [(node, NIF.anchorOf, Literal(text[start:end]), g)] if words else []
    return [(node, NIF.beginIndex, int_literal(start), g), (node, NIF.endIndex, int_literal(end), g), *anchor]


def story_quads(resolution: Resolution, extractions: Mapping[str, Extraction], label: str | None = None) -> list[Quad]:
    """The story graph: canonical actors and events, which mentions denote them (and why), and how each
    outlet covers each of them (``ng:Coverage``), so that queries look coverage up instead of aggregating
    every mention; and which articles the story holds, with its label (read from them when not given)."""
    story = resolution.story
    g = URIRef(iris.story_iri(story))
    quads = membership_quads(story, sorted(extractions), label or story_label(
        [features(extractions[doc_id]) for doc_id in sorted(extractions)]))
    # the event mentions of the events each actor takes part in: how an outlet reports what the actor does
    reports_of: dict[str, list[_Report]] = {}
    actor_salience, event_salience = score(resolution, extractions)
    event_reports: dict[str, list[_Report]] = {}
    for event in resolution.events:
        reports = [_report(doc_id, extractions[doc_id].events[i], extractions) for doc_id, i in event.mentions]
        event_reports[event.key] = reports
        for key in dict.fromkeys((*event.agents, *event.patients, *event.others)):
            reports_of.setdefault(key, []).extend(reports)
    for actor in resolution.actors:
        a = URIRef(iris.actor_iri(story, actor.key))
        quads += [
            (a, RDF.type, SEM.Actor, g),
            (a, RDFS.label, Literal(actor.label), g),
            (a, NG.actorType, value_literal(actor.type), g),
            (a, NG.story, value_literal(story), g),
            (a, NG.kind, value_literal(actor_salience[actor.key].kind), g),
            (a, NG.importance, int_literal(actor_salience[actor.key].importance), g),
        ]
        quads += [(a, SKOS.altLabel, Literal(alt), g) for alt in actor.alt_labels]
        quads += _denotations(a, actor.mentions, resolution.actor_of, extractions, "mentions", g)
        seen = []
        for doc_id, i in actor.mentions:
            m = extractions[doc_id].mentions[i]
            mention = _mention_iri(doc_id, m.start, m.end)
            # names before descriptions and pronouns, then the earliest
            key = ("0" if m.kind == "NAME" else "1") + _order_key(doc_id, m.start, mention)
            seen.append((_outlet_of(doc_id, extractions), mention, key))
        quads += _coverage(a, seen, reports_of.get(actor.key, []), g, events=False)
    for event in resolution.events:
        e = URIRef(iris.event_iri(story, event.key))
        quads += [
            (e, RDF.type, SEM.Event, g),
            (e, RDFS.label, Literal(event.label), g),
            (e, NG.predicate, Literal(event.predicate), g),
            (e, NG.story, value_literal(story), g),
            (e, NG.kind, value_literal(event_salience[event.key].kind), g),
            (e, NG.importance, int_literal(event_salience[event.key].importance), g),
        ]
        quads += [(e, NG.objectPhrase, Literal(obj), g) for obj in event.objects]
        quads += [(e, NG.mayBeSameAs, URIRef(iris.event_iri(story, k)), g) for k in [event.may_be_same_as] if k]
        for role, keys in ((NG.agent, event.agents), (NG.patient, event.patients), (None, event.others)):
            for key in keys:
                a = URIRef(iris.actor_iri(story, key))
                quads.append((e, SEM.hasActor, a, g))
                if role is not None:
                    quads.append((e, role, a, g))
        quads += _denotations(e, event.mentions, resolution.event_of, extractions, "events", g, event.predicate)
        reports = event_reports[event.key]
        quads += _coverage(e, [(r[0], r[1], r[2].partition("|")[2]) for r in reports], reports, g, events=True)
    return quads


def membership_quads(story: str, article_ids: Sequence[str], label: str) -> list[Quad]:
    """Which articles a story holds (``?doc ng:story "slug"``) and its label, in the story's graph: under
    ``--stories auto`` an article's story can change when other articles arrive, so the article graph
    (written once, by a worker) never states it; the story graph is rewritten whenever its articles change."""
    g = URIRef(iris.story_iri(story))
    quads: list[Quad] = [(g, RDF.type, NG.Story, g), (g, NG.story, value_literal(story), g), (g, RDFS.label, Literal(label), g)]
    quads += [(URIRef(iris.doc_iri(doc_id)), NG.story, value_literal(story), g) for doc_id in article_ids]
    return quads


def topic_quads(topics: Sequence[tuple[str, str, str]]) -> list[Quad]:
    """The topics graph: each story's topic (``<story graph> ng:topic <topic>``) and each topic's label, for
    (story slug, topic slug, topic label) triples. One graph for all stories, written again with every
    grouping: a topic is decided by every story, so it never makes a story be resolved again."""
    g = URIRef(TOPICS_GRAPH)
    quads: list[Quad] = []
    for story, topic, label in sorted(topics):
        quads.append((URIRef(iris.story_iri(story)), NG.topic, URIRef(topic_iri(topic)), g))
        if topic == story:  # the topic's first story names it
            quads.append((URIRef(topic_iri(topic)), RDFS.label, Literal(label), g))
    return quads


def _denotations(node: URIRef, mentions: tuple[tuple[str, int], ...], reasons: Mapping[tuple[str, int], tuple[str, str]],
                 extractions: Mapping[str, Extraction], field: str, g: URIRef, predicate: str = "") -> Iterator[Quad]:
    """Which mentions denote ``node`` (one direction only: ``^gaf:denotedBy`` reads the other), why each
    joined it unless as usual (``new``; a pronoun, ``pronoun``), and an event mention's ``nif:lemma`` where
    it is not its event's ``predicate`` (nine in ten are: the rest joined as synonyms or nominalisations)."""
    for doc_id, index in mentions:
        m = getattr(extractions[doc_id], field)[index]
        mention = _mention_iri(doc_id, m.start, m.end)
        yield (node, GAF.denotedBy, mention, g)
        reason = reasons[(doc_id, index)][1]
        if reason != DEFAULT_RESOLVED_BY_KIND.get(m.kind if isinstance(m, ActorMention) else "", DEFAULT_RESOLVED_BY):
            yield (mention, NG.resolvedBy, value_literal(reason), g)
        if isinstance(m, EventMention) and m.lemma != predicate:
            yield (mention, NIF.lemma, Literal(m.lemma), g)


#: (outlet, event mention, factual key "ARANK PRANK CRANK|order key", the record)
_Report = tuple[URIRef, URIRef, str, EventMention]
_ATTRIBUTION_RANK = {"author": "0", "named-source": "1"}  # unnamed sources last
_CERTAINTY_RANK = {"certain": "0", "hedged": "1", "future": "2"}  # conditional last


def _mention_iri(doc_id: str, start: int, end: int) -> URIRef:
    return URIRef(iris.span_iri(doc_id, start, end))


def _outlet_of(doc_id: str, extractions: Mapping[str, Extraction]) -> URIRef:
    return URIRef(iris.outlet_iri(extractions[doc_id].article.outlet_name))


def _order_key(doc_id: str, begin: int, mention: URIRef) -> str:
    """Which mention comes first: by article id, then offset (padded to ten digits), then IRI, compared as
    one string, the order the bundled queries have always used, so their rows do not change."""
    return f"{doc_id}|{1000000000 + begin}|{mention}"


def _report(doc_id: str, ev: EventMention, extractions: Mapping[str, Extraction]) -> _Report:
    """An event mention with its key for "most factual": own voice before named and then unnamed sources,
    positive before negative, certain before hedged, future and conditional; then the earliest."""
    mention = _mention_iri(doc_id, ev.start, ev.end)
    rank = (
        _ATTRIBUTION_RANK.get(ev.attribution, "2")
        + ("0" if ev.polarity == "positive" else "1")
        + _CERTAINTY_RANK.get(ev.certainty, "3")
    )
    return (_outlet_of(doc_id, extractions), mention, f"{rank}|{_order_key(doc_id, ev.start, mention)}", ev)


def _coverage(
    node: URIRef, seen: Sequence[tuple[URIRef, URIRef, str]], reports: Sequence[_Report], g: URIRef, *, events: bool
) -> list[Quad]:
    """How many outlets, an event's first mention, one ``ng:Coverage`` per outlet: its first and most factual
    mentions (an event's, when not its first), on an event whether it states it as fact, ``ng:ownVoice false``.
    A node one outlet alone covers is its own (``?node ng:coverage ?node``): ``ng:coverage/ng:outlet`` reads both.

    ``seen``: (outlet, mention, order key) per mention of ``node``; ``reports``: the event mentions the most
    factual is chosen from (an actor's: of its events). All chosen by key: the same story, the same quads.
    """
    by_outlet: dict[URIRef, dict[URIRef, str]] = {}
    for outlet, mention, key in seen:
        by_outlet.setdefault(outlet, {})[mention] = key
    quads: list[Quad] = [(node, NG.outletCount, int_literal(len(by_outlet)), g)]
    if events and seen:  # an actor's is read by no query: the first of its coverages' (docs/vocabulary.md)
        quads.append((node, NG.firstMention, min(seen, key=lambda s: s[2])[1], g))
    shared = len(by_outlet) > 1
    for outlet in sorted(by_outlet):
        c = URIRef(f"{node}#outlet={outlet.rsplit('/', 1)[1]}") if shared else node
        mentions = by_outlet[outlet]
        first = min(mentions, key=lambda m: mentions[m])
        quads += [(node, NG.coverage, c, g), (c, NG.outlet, outlet, g)]
        if shared or not events:  # a single-source event's is its own first mention, written above
            quads.append((c, NG.firstMention, first, g))
        own = [r for r in reports if r[0] == outlet]
        factual = min(own, key=lambda r: r[2])[1] if own else first  # an event's: written where not its first
        if factual != first or (own and not events):
            quads.append((c, NG.mostFactualMention, factual, g))
        if events:  # looked up by either value (contested-events); ownVoice only false (attributed-only)
            quads.append((c, NG.statesAsFact, value_literal(any(r[2].startswith("000|") for r in own)), g))
            quads += [] if any(r[3].attribution == "author" for r in own) else [(c, NG.ownVoice, value_literal(False), g)]
    return quads


def story_graph(story: str) -> URIRef:
    return URIRef(iris.story_iri(story))


def article_graph(article: Article | str) -> URIRef:
    return URIRef(iris.doc_iri(article if isinstance(article, str) else article.id))
