"""Attribution, quotes, time and place as records and as quads: JSON round trips, the standard terms in
the article graph, and the single-source queries on a store written before attribution existed."""

from __future__ import annotations

import dataclasses
import json

from rdflib import Literal, URIRef

from newsgraph import iris, query
from newsgraph.model import ActorMention, Article, EventMention, Extraction, LocalEntity, Quote, Sentence
from newsgraph.rdf import article_quads, story_graph, story_quads
from newsgraph.store import Store
from newsgraph import vocab
from newsgraph.vocab import NG, NIF, PROV, RDF, RDFS, SCHEMA, SEM

from . import fixture_graph
from .conftest import write_article

TEXT = "Macron met Zelenskyy in Paris last Thursday."
NEW_PREDICATES = {NG.attribution, NG.polarity, NG.certainty, NG.cue, NG.sourceChain, NG.polarityCue,
                  NG.certaintyCue, NG.quote, NG.closed, PROV.wasAttributedTo, SEM.hasTime, SEM.hasPlace}


def situated() -> Extraction:
    """An article whose event has a time and a place."""
    article = Article("t1", TEXT, "t1.txt", published="2025-09-04")
    mentions = (
        ActorMention(0, 6, "Macron", "NAME", "PERSON", 0, "macron", 0, "new"),
        ActorMention(11, 20, "Zelenskyy", "NAME", "PERSON", 0, "zelenskyy", 1, "new"),
        ActorMention(24, 29, "Paris", "NAME", "GPE", 0, "paris", 2, "new"),
    )
    entities = tuple(LocalEntity(i, m.text, m.ner, (m.text,)) for i, m in enumerate(mentions))
    met = EventMention(7, 10, "met", "meet", "meet Zelenskyy", 0, False, (0,), (1,),
                       time="last Thursday", time_start=30, time_end=43, time_value="2025-08-28", place=2)
    return Extraction(article, (Sentence(0, len(TEXT)),), entities, mentions, (met,), "test")


def test_records_round_trip_through_json() -> None:
    for ex in [*fixture_graph.extractions().values(), situated()]:
        data = json.loads(json.dumps(ex.to_json()))
        assert Extraction.from_json(data) == dataclasses.replace(ex, article=dataclasses.replace(
            ex.article, source=f"stored article {ex.article.id}"))


def test_records_stored_before_attribution_still_load() -> None:
    ex = fixture_graph.extractions()["b1"]
    data = json.loads(json.dumps(ex.to_json()))
    del data["quotes"]
    old_fields = {"start", "end", "text", "lemma", "label", "sentence", "nominal", "agents", "patients", "others",
                  "object", "local", "rule"}
    events = data["events"]  # stored then as a dict per record, not as a table
    data["events"] = [{k: v for k, v in zip(events["fields"], row) if k in old_fields} for row in events["rows"]]
    loaded = Extraction.from_json(data)
    assert loaded.quotes == ()
    assert {(e.attribution, e.polarity, e.certainty, e.quote) for e in loaded.events} == {("author", "positive", "certain", -1)}


def quads_of(ex: Extraction) -> set[tuple[object, object, object]]:
    return {(s, p, o) for s, p, o, _g in article_quads(ex, "hash")}


def test_the_article_graph_says_who_says_it() -> None:
    extractions = fixture_graph.extractions()
    a1, b1 = quads_of(extractions["a1"]), quads_of(extractions["b1"])
    doc_b = iris.doc_iri("b1")
    left = URIRef(iris.span_iri("a1", *_offsets(extractions["a1"], "left")))
    outlet_a = URIRef(iris.outlet_iri("Daily Planet"))
    # the article's own voice is the default: neither its attribution nor its outlet is written
    assert not any(s == left and p in (NG.attribution, NG.polarity, NG.certainty, PROV.wasAttributedTo) for s, p, _o in a1)
    assert (URIRef(iris.doc_iri("a1")), SCHEMA.publisher, outlet_a) in a1

    welcomed = URIRef(iris.span_iri("b1", *_offsets(extractions["b1"], "welcomed")))
    assert {(welcomed, NG.attribution, Literal("unnamed-source")), (welcomed, NG.cue, Literal("reportedly")),
            (welcomed, NG.certainty, Literal("hedged"))} <= b1
    assert not any(s == welcomed and p == PROV.wasAttributedTo for s, p, _o in b1)  # "reportedly": nobody named

    called = URIRef(iris.span_iri("b1", *_offsets(extractions["b1"], "called")))
    aide = URIRef(iris.span_iri("b1", fixture_graph.B_TEXT.index("an aide"), fixture_graph.B_TEXT.index("an aide") + 7))
    quote = extractions["b1"].quotes[0]
    q = URIRef(iris.span_iri("b1", quote.start, quote.end))
    assert {(called, PROV.wasAttributedTo, aide), (aide, RDF.type, PROV.Agent), (aide, NIF.anchorOf, Literal("an aide")),
            (called, NG.quote, q), (q, RDF.type, SCHEMA.Quotation), (q, SCHEMA.text, Literal("Lavrov called Rubio by phone")),
            (q, SCHEMA.spokenByCharacter, aide), (q, NG.cue, Literal("said")), (q, NIF.beginIndex, Literal(quote.start, datatype=vocab.XSD.integer))} <= b1
    assert str(q).startswith(doc_b)


def test_the_article_graph_says_when_and_where() -> None:
    ex = situated()
    quads = quads_of(ex)
    met = URIRef(iris.span_iri("t1", 7, 10))
    when = URIRef(iris.span_iri("t1", 30, 43))
    paris = URIRef(iris.span_iri("t1", 24, 29))
    assert {(met, SEM.hasTime, when), (when, RDF.type, SEM.Time), (when, RDFS.label, Literal("last Thursday")),
            (when, SEM.hasTimeStamp, Literal("2025-08-28", datatype=vocab.XSD.date)), (met, SEM.hasPlace, paris)} <= quads


def test_unclosed_quote_is_marked() -> None:
    ex = dataclasses.replace(fixture_graph.extractions()["b1"], quotes=(dataclasses.replace(
        fixture_graph.extractions()["b1"].quotes[0], closed=False),))
    q = ex.quotes[0]
    assert (URIRef(iris.span_iri("b1", q.start, q.end)), NG.closed, Literal(False)) in quads_of(ex)


def test_single_source_queries_work_on_a_store_without_attribution() -> None:
    """Articles stored before this pass have no attribution quads: the rows stay, and the columns say what
    their records load as (the article's own voice, positive, certain: the defaults of an absent value)."""
    extractions = fixture_graph.extractions()
    with Store.memory() as store:
        for ex in extractions.values():
            quads = [q for q in article_quads(ex, "h") if q[1] not in NEW_PREDICATES and q[2] != SCHEMA.Quotation]
            write_article(store, ex, "h", quads)
        resolution = fixture_graph.resolution()
        store.replace_graph(story_graph(resolution.story), story_quads(resolution, extractions))
        events = query.run(store, query.resolve("single-source-events")).rows
        actors = query.run(store, query.resolve("single-source-actors")).rows
    assert {r["label"] for r in events} == {"leave meeting", "decline comment", "call Rubio"}
    assert {r["label"] for r in actors} == {"Lavrov", "Rubio"}
    assert {(r["attribution"], r["polarity"], r["source"]) for r in events + actors} == {("author", "positive", "")}


def test_single_source_events_read_differently() -> None:
    """ "Only the Planet reports it, as fact" and "only the Globe reports it, on an aide's word"."""
    from .conftest import fill

    with fill(Store.memory()) as store:
        rows = {r["label"]: r for r in query.run(store, query.resolve("single-source-events")).rows}
    assert (rows["leave meeting"]["attribution"], rows["leave meeting"]["source"]) == ("author", "")
    assert (rows["call Rubio"]["attribution"], rows["call Rubio"]["source"]) == ("unnamed-source", "an aide")


def _offsets(ex: Extraction, word: str) -> tuple[int, int]:
    ev = next(e for e in ex.events if e.text == word)
    return ev.start, ev.end


def test_quote_record_defaults() -> None:
    q = Quote(0, 3, "abc")
    assert (q.speaker, q.speaker_text, q.cue, q.closed) == (-1, "", "", True)


def test_the_report_shows_attribution_and_polarity_next_to_every_claim() -> None:
    """Issue 6, acceptance 3, as issue 14 refines it: beside each claim, how its outlet reports it, in
    words, only where that is not plain (own voice, positive, certain)."""
    import re

    from newsgraph.report import generate_report

    from .conftest import fill

    with fill(Store.memory()) as store:
        html = generate_report(store)
    claims = {re.search(r'data-label="([^"]*)"', c).group(1): re.findall(r'<span class="tag">([^<]*)</span>', c)  # type: ignore[union-attr]
              for c in re.findall(r'<li class="claim .*?</li>', html, flags=re.S)}
    assert claims["call Rubio"] == ["attributed to an aide"]
    # plain claims carry no tag of how they are reported (the fixture's one doubt is a tag of its own)
    assert claims["leave meeting"] == ["may be “welcome Witkoff” (2 outlets)"] and claims["decline comment"] == []
    assert not re.search(r'data-column="(attribution|polarity|certainty)"', html)