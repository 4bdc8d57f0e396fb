"""The vocabularies of the graph, as closed namespaces.

A typo such as ``NG.agnet`` raises instead of minting a new IRI (``_fail = True``). The public contract
(what each term means and where it is used) is docs/vocabulary.md; extend it, never rename a term, and
remove one only with the pattern that replaces it (docs/vocabulary.md, "Removed terms").
"""

from __future__ import annotations

from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["BASE", "DCTERMS", "GAF", "NG", "NIF", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SEM", "SKOS", "XSD"]

#: Where newsgraph mints the IRIs of articles, outlets, stories, actors and events.
BASE = "https://w3id.org/newsgraph/id/"


class NG(DefinedNamespace):
    """newsgraph's own terms, for what no standard vocabulary says."""

    _fail = True
    _NS = Namespace("https://w3id.org/newsgraph/ns#")

    story: URIRef  # article, actor or event -> story name (literal)
    actorType: URIRef  # actor -> "PERSON" | "ORG" | "GPE" | "NORP" | "LOC" | "FAC"
    predicate: URIRef  # event -> predicate lemma ("leave")
    agent: URIRef  # event -> actor who does it
    patient: URIRef  # event -> actor it is done to
    objectPhrase: URIRef  # event -> its object as written ("the meeting")
    mayBeSameAs: URIRef  # event -> an event of its story that may be the same happening (the may-be-same rule)
    mentionKind: URIRef  # mention -> "NAME" | "NOMINAL" | "PRONOUN"
    nerLabel: URIRef  # mention -> the spaCy model's own entity label, before correction
    resolvedBy: URIRef  # mention -> the rule that attached it to its actor or event
    foundBy: URIRef  # actor or event mention -> the rule that found it (newsgraph rules lists every rule)
    attributedBy: URIRef  # event mention -> the attribution rule that found its nearest source
    contentHash: URIRef  # article -> sha256 of its text and metadata, to skip unchanged articles
    extraction: URIRef  # article -> the extraction record (JSON), so a story re-resolves without parsing
    storyFeatures: URIRef  # article -> what grouping reads of it (JSON: names, places, key terms, date)
    grouping: URIRef  # story graph -> how its articles were grouped: "auto", "field" or "one"
    firstDate: URIRef  # story graph -> the earliest date of its articles
    lastDate: URIRef  # story graph -> the latest
    topic: URIRef  # story graph -> its topic (related stories, topics.py), a node labelled with rdfs:label
    model: URIRef  # article -> name and version of the spaCy pipeline that read it
    attribution: URIRef  # event mention -> "author" | "named-source" | "unnamed-source"
    cue: URIRef  # event mention or quote -> the word that attributes it ("claimed", "reportedly", "–")
    sourceChain: URIRef  # event mention -> every source of a reporting chain, nearest first ("Y; X")
    polarity: URIRef  # event mention -> "positive" | "negative"
    polarityCue: URIRef  # event mention -> the word that negates it ("not", "declined")
    certainty: URIRef  # event mention -> "certain" | "hedged" | "future" | "conditional"
    certaintyCue: URIRef  # event mention -> the word that hedges it ("reportedly", "may", "would")
    quote: URIRef  # event mention -> the schema:Quotation it is said in
    closed: URIRef  # quote -> false when its closing mark is missing (cut at its sentence's end)
    # coverage, precomputed at resolution time so that queries look it up instead of aggregating mentions
    # (ng:mentionedIn, ng:mentionedBy, ng:mentionCount and ng:nominal were removed: docs/vocabulary.md)
    Coverage: URIRef  # class: how one outlet covers one actor or event
    Story: URIRef  # class: a story graph's own node (its IRI), with its slug, label and articles
    outletCount: URIRef  # actor or event -> how many distinct outlets mention it (xsd:integer)
    coverage: URIRef  # actor or event -> its ng:Coverage by one outlet
    outlet: URIRef  # coverage -> the outlet
    firstMention: URIRef  # event or coverage -> its representative mention (names first, earliest)
    mostFactualMention: URIRef  # coverage -> the outlet's most factual event mention (own voice, positive, certain first)
    ownVoice: URIRef  # event coverage -> false when none of the outlet's mentions is in the article's own voice (absent: true)
    statesAsFact: URIRef  # event coverage -> true when one is in its own voice, positive and certain
    # salience, computed at resolution time (salience.py) so that queries order and filter by it
    importance: URIRef  # actor or event -> how much it matters in its story (xsd:integer, docs/queries.md)
    kind: URIRef  # actor -> "named" | "described" | "generic"; event -> "named" | "attributed" | "other" | "light"


class SEM(DefinedNamespace):
    """Simple Event Model (van Hage et al. 2011), as NewsReader uses it."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Time: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    hasTimeStamp: URIRef


class GAF(DefinedNamespace):
    """Grounded Annotation Framework: instances and the mentions that denote them."""

    _fail = True
    _NS = Namespace("http://groundedannotationframework.org/gaf#")

    denotedBy: URIRef
    denotes: URIRef


class NIF(DefinedNamespace):
    """NIF 2.0 core: article strings and offsets (Unicode code points, like Python str indices)."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Context: URIRef
    Phrase: URIRef
    Sentence: URIRef
    isString: URIRef
    referenceContext: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    lemma: URIRef
    sentence: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms for articles, outlets and quotes."""

    _fail = True
    _NS = Namespace("https://schema.org/")

    NewsArticle: URIRef
    Organization: URIRef
    publisher: URIRef
    headline: URIRef
    datePublished: URIRef
    url: URIRef
    Quotation: URIRef
    text: URIRef
    spokenByCharacter: URIRef


def _terms_as_attributes(*namespaces: type[DefinedNamespace]) -> None:
    """Store each term on its class: rdflib looks ``NG.story`` up through ``__getattr__`` on every use
    (~1 µs, and a story graph makes ~4,000 such look-ups per article). Unknown terms still raise."""
    for ns in namespaces:
        for name in ns.__annotations__:
            type.__setattr__(ns, name, ns._NS[name])


_terms_as_attributes(NG, SEM, GAF, NIF, SCHEMA)

PREFIXES: dict[str, str] = {
    "ng": str(NG._NS),
    "sem": str(SEM._NS),
    "gaf": str(GAF._NS),
    "nif": str(NIF._NS),
    "schema": str(SCHEMA._NS),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "prov": str(PROV),
}
