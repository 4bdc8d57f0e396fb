"""Each resolution rule pinned twice: on a hand-built parse, and on real news text read by the real model."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.extract import extract_doc, load
from newsgraph.model import Actor, ActorMention, Article, Event, Extraction, Resolution
from newsgraph.resolve import resolve_story

from .conftest import ROOT, SEEDS, SHARED, shared
from .docs import LAVROV_WHO_CALLED_RUBIO, extract
from .test_resolve import actor_groups, article



def chain_of(ex: Extraction, text: str) -> tuple[str, str]:
    """(entity name, rule) of the first mention whose text is ``text``."""
    m = next(m for m in ex.mentions if m.text == text)
    return ex.entities[m.local].name, m.rule


# --- within one article, on hand-built parses ----------------------------------------------------------
def test_first_name_joins_the_one_full_name_it_starts() -> None:
    # "Matt Smith scored . Matt celebrated ."
    ex = extract(
        """
        Matt NNP PROPN compound 1
        Smith NNP PROPN nsubj 2
        scored VBD VERB ROOT 2 score
        . . PUNCT punct 2
        Matt NNP PROPN nsubj 5
        celebrated VBD VERB ROOT 5 celebrate
        . . PUNCT punct 5
        """,
        {"Matt Smith": "PERSON", "Matt": "PERSON"},
    )
    assert ex.mentions[1].text == "Matt"
    assert (ex.entities[ex.mentions[1].local].name, ex.mentions[1].rule) == ("Matt Smith", "first-name")


def test_acronym_joins_the_organisation_it_spells() -> None:
    # "Hewlett - Packard bought EDS . HP paid cash ."
    ex = extract(
        """
        Hewlett NNP PROPN compound 2
        - HYPH PUNCT punct 2
        Packard NNP PROPN nsubj 3
        bought VBD VERB ROOT 3 buy
        EDS NNP PROPN dobj 3
        . . PUNCT punct 3
        HP NNP PROPN nsubj 7
        paid VBD VERB ROOT 7 pay
        cash NN NOUN dobj 7
        . . PUNCT punct 7
        """,
        {"Hewlett - Packard": "ORG", "EDS": "ORG", "HP": "ORG"},
    )
    assert chain_of(ex, "HP") == ("Hewlett - Packard", "acronym")


def test_definite_role_names_the_most_named_fitting_actor_again() -> None:
    # "Microsoft bought Danger . Microsoft paid cash . The company said nothing ."
    ex = extract(
        """
        Microsoft NNP PROPN nsubj 1
        bought VBD VERB ROOT 1 buy
        Danger NNP PROPN dobj 1
        . . PUNCT punct 1
        Microsoft NNP PROPN nsubj 5
        paid VBD VERB ROOT 5 pay
        cash NN NOUN dobj 5
        . . PUNCT punct 5
        The DT DET det 9
        company NN NOUN nsubj 10
        said VBD VERB ROOT 10 say
        nothing NN PRON dobj 10
        . . PUNCT punct 10
        """,
        {"Microsoft": "ORG", "Danger": "ORG"},
    )
    assert chain_of(ex, "The company") == ("Microsoft", "definite-description")


def test_a_demonym_for_one_person_is_no_name() -> None:
    from .test_rules import DEMONYM_PERSON

    ex = extract(*DEMONYM_PERSON)
    assert [m.text for m in ex.mentions] == ["Klitschko"]
    # "Two Americans were hurt .": a group, not one person described
    group = extract(
        """
        Two CD NUM nummod 1
        Americans NNPS PROPN nsubjpass 3
        were VBD AUX auxpass 3 be
        hurt VBN VERB ROOT 3 hurt
        . . PUNCT punct 3
        """,
        {"Americans": "NORP"},
    )
    assert [m.text for m in group.mentions] == ["Americans"]


@pytest.mark.parametrize(("rows", "kept"), [
    # "The French said .": a people, whose demonym has no plural of its own
    ("""
        The DT DET det 1
        French NNP PROPN nsubj 2
        said VBD VERB ROOT 2 say
        . . PUNCT punct 2
        """, "French"),
    # "Police cited The Australian .": the newspaper's title
    ("""
        Police NNS NOUN nsubj 1 police
        cited VBD VERB ROOT 1 cite
        The DT DET det 3
        Australian NNP PROPN dobj 1
        . . PUNCT punct 1
        """, "Australian"),
])
def test_a_people_or_a_title_stays_a_name(rows: str, kept: str) -> None:
    ex = extract(rows, {kept: "NORP"})
    assert kept in [m.text for m in ex.mentions]


def test_described_actor_named_again_is_one_actor() -> None:
    # "Police arrested a suspect . The suspect confessed ."
    ex = extract(
        """
        Police NNS NOUN nsubj 1 police
        arrested VBD VERB ROOT 1 arrest
        a DT DET det 3
        suspect NN NOUN dobj 1
        . . PUNCT punct 1
        The DT DET det 6
        suspect NN NOUN nsubj 7
        confessed VBD VERB ROOT 7 confess
        . . PUNCT punct 7
        """,
        {},
    )
    assert [(m.text, ex.entities[m.local].name, m.rule) for m in ex.mentions] == [
        ("Police", "police", "new"), ("a suspect", "suspect", "new"), ("The suspect", "suspect", "same-description"),
    ]
    assert {e.name: e.type for e in ex.entities} == {"police": "ORG", "suspect": "PERSON"}


def test_group_noun_of_a_named_organisation_is_that_organisation() -> None:
    # "Foreign Ministry officials dismissed it ."
    ex = extract(
        """
        Foreign NNP PROPN compound 1
        Ministry NNP PROPN compound 2
        officials NNS NOUN nsubj 3 official
        dismissed VBD VERB ROOT 3 dismiss
        it PRP PRON dobj 3
        . . PUNCT punct 3
        """,
        {"Foreign Ministry": "ORG"},
    )
    assert chain_of(ex, "officials") == ("Foreign Ministry", "group-of")


def test_relative_pronoun_is_the_noun_its_clause_modifies() -> None:
    # "Lavrov , who called Rubio , left ."
    ex = extract(*LAVROV_WHO_CALLED_RUBIO)
    assert chain_of(ex, "who") == ("Lavrov", "relative-pronoun")


def test_they_is_the_group_not_the_person() -> None:
    # "Macron met the protesters . They left ."
    ex = extract(
        """
        Macron NNP PROPN nsubj 1
        met VBD VERB ROOT 1 meet
        the DT DET det 3
        protesters NNS NOUN dobj 1 protester
        . . PUNCT punct 1
        They PRP PRON nsubj 6
        left VBD VERB ROOT 6 leave
        . . PUNCT punct 6
        """,
        {"Macron": "PERSON"},
    )
    assert chain_of(ex, "They") == ("protester", "pronoun")


CAUGHT_HIM = ("""
Ortiz NNP PROPN nsubj 1
chased VBD VERB ROOT 1 chase
Orozco NNP PROPN dobj 1
. . PUNCT punct 1
He PRP PRON nsubj 5 he
caught VBD VERB ROOT 5 catch
him PRP PRON dobj 5 he
and CC CCONJ cc 5
thanked VBD VERB conj 5 thank
him PRP PRON dobj 8 he
. . PUNCT punct 5
""", {"Ortiz": "PERSON", "Orozco": "PERSON"})


def test_object_pronoun_is_not_the_subject_of_its_verb() -> None:
    # "Ortiz chased Orozco . He caught him and thanked him ." -- "He" is Ortiz, the more salient subject;
    # "him" cannot be its own verb's subject, nor its first conjunct's
    ex = extract(*CAUGHT_HIM)
    assert chain_of(ex, "He") == ("Ortiz", "pronoun")
    assert [ex.entities[m.local].name for m in ex.mentions if m.text == "him"] == ["Orozco", "Orozco"]


def test_a_reflexive_is_not_bound_away_from_the_subject() -> None:
    # "Ortiz chased Orozco . He hurt himself ." -- a reflexive is its subject
    rows = CAUGHT_HIM[0].split("He PRP")[0] + "He PRP PRON nsubj 5 he\nhurt VBD VERB ROOT 5 hurt\n" \
        "himself PRP PRON dobj 5 himself\n. . PUNCT punct 5\n"
    ex = extract(rows, CAUGHT_HIM[1])
    assert chain_of(ex, "himself") == ("Ortiz", "pronoun")


@pytest.mark.model
def test_object_pronoun_on_ecbplus_news() -> None:
    """ECB+ topic 21 (read at run time): "a drunken driver struck her with his car": "her" is the mother of
    two, not the driver who is the subject of "struck"."""
    ex = _ecbplus("21", "ecbplus", ("21_4ecbplus",))[0]
    assert chain_of(ex, "her")[0] != chain_of(ex, "a drunken driver")[0]
    assert chain_of(ex, "her") == ("mother", "pronoun")


@pytest.mark.model
def test_particle_surname_and_open_parenthesis_with_the_model() -> None:
    """en_core_web_sm 3.8.0 splits "Ursula von der Leyen" (a person "Ursula von der", a place "Leyen") and tags
    "the US National Hurricane Center (NHC" as one organisation: each is one clean name."""
    nlp = load()
    text = ("European Commission President Ursula von der Leyen told reporters after the meeting. The storm "
            "strengthened, according to the US National Hurricane Center (NHC), before weakening.")
    ex = extract_doc(nlp(text), Article("t", text, "t.txt"))
    assert {(e.name, e.type) for e in ex.entities if e.names} >= {
        ("Ursula von der Leyen", "PERSON"), ("US National Hurricane Center", "ORG")}
    assert "US National Hurricane Center (NHC)" in {m.text for m in ex.mentions}
    assert not [e for e in ex.entities if e.name == "Leyen"]


@pytest.mark.model
def test_initial_given_name_with_the_model() -> None:
    """In this sentence en_core_web_sm 3.8.0 tags "J. Blinken" (and "State" an organisation): the person is
    "Antony J. Blinken", whom other articles call "Antony Blinken"."""
    nlp = load()
    text = ("The Biden administration responded quickly. Secretary of State Antony J. Blinken called the move an "
            "attempt to \"weaponize\" supply chains, while the White House said it was coordinating with allies.")
    assert "J. Blinken" in {e.text for e in nlp(text).ents}
    ex = extract_doc(nlp(text), Article("t", text, "t.txt"))
    assert "Antony J. Blinken" in {e.name for e in ex.entities}
    other = extract_doc(nlp("Antony Blinken arrived."), Article("u", "Antony Blinken arrived.", "u.txt"))
    (blinken,) = [a for a in resolve_story("s", [ex, other]).actors if "Blinken" in a.label]
    assert {d for d, _i in blinken.mentions} == {"t", "u"}


#: The outlet of the articles in test_credits_with_the_model
OUTLET = "The Bayside Business Journal"


@pytest.mark.model
@pytest.mark.parametrize(("text", "credited", "kept"), [
    ("BRUSSELS (GPW) — European Union leaders agreed, according to a draft seen by GPW.", "GPW", "European Union"),
    # own-outlet: the article's outlet, "The Bayside Business Journal" (test_credits_with_the_model gives it)
    ("Several current and former Googlers in the Bay Area told the Journal that teams were bracing for cuts.",
     "Journal", "Bay Area"),
    ("LONDON, July 26 (Meridian Press) - Arsenal have signed Jordan Ashworth.", "Meridian Press", "Jordan Ashworth"),
    ("ST. LOUIS (AP) — Police said Smith fled.", "AP", "Smith"),
    ("(Bloomberg) -- Apple shares rose on Monday.", "Bloomberg", "Apple"),
    # found in review: no dateline, so no credit
    ("Manchester City beat Arsenal 2-1 on Sunday.\nSCORERS: Erling Haaland (Manchester City) - 2.", "", "Manchester City"),
    ("US officials met Jens Stoltenberg (NATO) - and NATO agreed to send troops.", "", "NATO"),
    # a wire's closing credits
    ("Putin met Erdogan in Sochi.\n(Reporting by the Moscow bureau; Editing by Mark Hollis)", "Mark Hollis", "Erdogan"),
])
def test_credits_with_the_model(text: str, credited: str, kept: str) -> None:
    """The agency a dateline credits, the staff a closing line credits and the article's own outlet are no
    actors (the model's own entities, en_core_web_sm 3.8.0); elsewhere a name in parentheses before a dash is
    one."""
    nlp = load()
    said = {m.text for m in extract_doc(nlp(text), Article("t", text, "t.txt", outlet=OUTLET)).mentions}
    assert kept in said
    assert not credited or credited not in said


@pytest.mark.model
@pytest.mark.parametrize(("text", "said", "name"), [
    # a first name the model tags ORG after the full name
    ('Back in Laval, Denis\'s co-worker Sophie Lavoie, 41, put it bluntly. "If this place closes, we both lose '
     'everything on the same day," Sophie said.', "Sophie", "Sophie Lavoie"),
    # a nickname in quotes, then alone (tagged ORG); the name as written is the label
    ('Laurentian chief Jean-François "JF" Tremblay is all smiles. Company filings show JF\'s shares and options are '
     'worth about $38 million at the offer price.', "JF", 'Jean-François "JF" Tremblay'),
])
def test_tabloid_names_with_the_model(text: str, said: str, name: str) -> None:
    """Sentences of the twelfth round's probe stories (docs/quality.md), with en_core_web_sm 3.8.0's entities."""
    nlp = load()
    ex = extract_doc(nlp(text), Article("t", text, "t.txt"))
    (m,) = [m for m in ex.mentions if m.text == said]
    assert (ex.entities[m.local].name, m.ner) == (name, "PERSON")


@pytest.mark.model
def test_a_name_run_on_into_a_verb_with_the_model() -> None:
    """ECB+ 45_5ecbplus (read at run time): the model tags "Herbert Flynn Jr told"; the person is "Herbert Flynn
    Jr"."""
    path = shared(SHARED / "datasets" / "ecbplus" / "normalized_all_sentences.json")
    doc = next(d for d in json.loads(path.read_text(encoding="utf-8"))["docs"] if d["doc_id"] == "45_5ecbplus")
    nlp = load()
    parsed = nlp(doc["text"])
    assert "Herbert Flynn Jr told" in {e.text for e in parsed.ents}
    said = {m.text for m in extract_doc(parsed, Article("45_5ecbplus", doc["text"], "ecb+")).mentions}
    assert "Herbert Flynn Jr" in said and "Herbert Flynn Jr told" not in said


@pytest.mark.model
def test_an_abbreviated_rank_with_the_model() -> None:
    """The model tags "Insp" of "Insp. Warren Lysyk" an organisation: no actor."""
    nlp = load()
    text = "The Saskatoon Police Service, in a brief statement attributed to Insp. Warren Lysyk, said it had acted."
    assert "Insp" in {e.text for e in nlp(text).ents}
    said = {m.text for m in extract_doc(nlp(text), Article("t", text, "t.txt")).mentions}
    assert "Warren Lysyk" in said and not {"Insp", "Insp."} & said


@pytest.mark.model
def test_the_fed_with_the_model() -> None:
    """ "the Fed" of one outlet is the Federal Reserve of another; a regional paper's "Cleveland Fed" (the
    Federal Reserve Bank of Cleveland) is neither, though "Fed" ends it (en_core_web_sm 3.8.0's entities)."""
    nlp = load()
    texts = {"a": "The Federal Reserve held interest rates steady on Wednesday.",
             "b": "The Fed now says it will cut rates just once this year. Loretta Mester, who leads the Cleveland "
                  "Fed, steps down in June."}
    res = resolve_story("s", [extract_doc(nlp(t), Article(k, t, "t.txt")) for k, t in texts.items()])
    assert {a.label: len(a.mentions) for a in res.actors if "Fed" in a.label} == {"Federal Reserve": 2,
                                                                                    "Cleveland Fed": 1}


@pytest.mark.model
def test_acronyms_with_the_model() -> None:
    """ "AI" is no acronym of "Alphabet Inc." (a legal form has no initial); "NTSB" is the "US National
    Transportation Safety Board" (a leading country has none either), in the article and across articles."""
    nlp = load()
    texts = {"a": "Alphabet Inc. said its AI push paid off. The US National Transportation Safety Board said so.",
             "b": "The NTSB will investigate. Alphabet shares fell."}
    exs = [extract_doc(nlp(t), Article(k, t, "t.txt")) for k, t in texts.items()]
    alphabet = next(m.local for m in exs[0].mentions if m.text == "Alphabet Inc.")
    assert all(m.local != alphabet for m in exs[0].mentions if m.text == "AI")
    res = resolve_story("s", exs)
    (board,) = [a for a in res.actors if "Transportation" in a.label]
    assert ("b", next(i for i, m in enumerate(exs[1].mentions) if m.text == "NTSB")) in board.mentions


# --- across articles --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "a_type", "b", "b_type"),
    [
        ("SeaMicro", "ORG", "Sea Micro", "ORG"),  # compact-spelling
        ("Microsoft Corp.", "ORG", "Microsoft", "ORG"),  # legal form
        ("Hewlett-Packard", "ORG", "HP", "ORG"),  # acronym
        ("Matt Smith", "PERSON", "Matt", "PERSON"),  # first-name
        ("Bettie Page", "PERSON", "Betty Page", "PERSON"),  # spelling
        ("Fed", "ORG", "Federal Reserve", "ORG"),  # the place table's alias
    ],
)
def test_names_of_one_actor_across_articles(a: str, a_type: str, b: str, b_type: str) -> None:
    assert actor_groups(article("1", [(a, a_type, [a])]), article("2", [(b, b_type, [b])])) == [sorted([a, b])]


def test_first_name_shared_by_two_people_joins_neither() -> None:
    groups = actor_groups(
        article("1", [("Emmanuel Macron", "PERSON", ["Emmanuel Macron"])]),
        article("2", [("Emmanuel Bonne", "PERSON", ["Emmanuel Bonne"])]),
        article("3", [("Emmanuel", "PERSON", ["Emmanuel"])]),
    )
    assert groups == [["Emmanuel"], ["Emmanuel Bonne"], ["Emmanuel Macron"]]


def test_a_known_short_name_is_no_surname() -> None:
    """ "the Fed" is the Federal Reserve, not the last word of the "Cleveland Fed" (a regional bank)."""
    groups = actor_groups(article("1", [("Cleveland Fed", "ORG", ["Cleveland Fed"])]),
                          article("2", [("Fed", "ORG", ["Fed"])]),
                          article("3", [("Federal Reserve", "ORG", ["Federal Reserve"])]))
    assert groups == [["Cleveland Fed"], ["Fed", "Federal Reserve"]]


def test_rules_are_recorded_for_audit() -> None:
    res = resolve_story("s", [article("1", [("Hewlett-Packard", "ORG", ["Hewlett-Packard"])]), article("2", [("HP", "ORG", ["HP"])])])
    assert res.actor_of[("2", 0)] == (res.actors[0].key, "acronym")


# --- on real news text, with the real model ---------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds() -> dict[str, Extraction]:
    from newsgraph.ingest import read

    nlp = load()
    return {a.id: extract_doc(nlp(a.text), a) for a in read([SEEDS]) if isinstance(a, Article)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("doc", "text", "nth", "name", "rule"),
    [
        ("000", "The U.S. envoy", 0, "Steve Witkoff", "title"),  # a role bound to a name by the text
        ("000", "Witkoff", 0, "Steve Witkoff", "surname"),
        ("003", "Zelenskyy", 0, "Volodymyr Zelenskyy", "surname"),
        ("003", "He", 0, "Volodymyr Zelenskyy", "pronoun"),  # "He claimed ... “Mr. Witkoff has ...": not Witkoff
        ("003", "who", 0, "Sergey Lavrov", "relative-pronoun"),  # "it was ... Lavrov who called Rubio"
        ("003", "United States", 0, "United States", "same-name"),  # "US" earlier: one key through the alias table
        ("003", "Rubio", 0, "Marco Rubio", "surname"),  # the model tags it LOC
    ],
)
def test_rules_on_the_seeds(seeds: dict[str, Extraction], doc: str, text: str, nth: int, name: str, rule: str) -> None:
    ex = seeds[doc]
    m = [m for m in ex.mentions if m.text == text][nth]
    assert (ex.entities[m.local].name, m.rule) == (name, rule)


@pytest.mark.model
def test_rules_on_ecbplus_news(seeds: dict[str, Extraction]) -> None:
    """Real wire copy from ECB+ (read at run time, never copied here): the actress and the company."""
    path = shared(SHARED / "datasets" / "ecbplus" / "normalized_all_sentences.json")
    docs = {d["doc_id"]: d for d in json.loads(path.read_text(encoding="utf-8"))["docs"]}
    nlp = load()
    reid = docs["1_14ecb"]
    ex = extract_doc(nlp(reid["text"]), Article("1_14ecb", reid["text"], "ecb+"))
    names = {ex.entities[m.local].name for m in ex.mentions if m.text.lower() in {"reid", "the actress", "she", "her"}}
    assert names == {"Tara Reid"}


@pytest.mark.model
def test_event_role_on_ecbplus_news() -> None:
    """ECB+ topic 3 (read at run time, never copied here): "a man" who escaped in one article is the inmate
    another article names, Arcade Joseph Comeaux Jr., found through the escape both report."""
    exs = _ecbplus("3", "ecbplus")
    res = resolve_story("3", exs)
    ex = next(e for e in exs if e.article.id == "3_4ecbplus")
    man = next(i for i, m in enumerate(ex.mentions) if m.text == "a man")
    key, _rule = res.actor_of[("3_4ecbplus", man)]
    actor = next(a for a in res.actors if a.key == key)
    assert actor.label == "Arcade Joseph Comeaux Jr."
    assert ("3_4ecbplus", man) in {(d, i) for d, i in actor.mentions}
    assert any(rule == "event-role" for (d, _i), (k, rule) in res.actor_of.items() if d == "3_4ecbplus" and k == key)


@pytest.mark.model
def test_org_head_on_ecbplus_news() -> None:
    """ECB+ topic 8 (read at run time): "state police" of one article is the Oregon State Police of others."""
    exs = _ecbplus("8", "ecb")
    res = resolve_story("8", exs)
    police = next(a for a in res.actors if a.label == "Oregon State Police")
    texts = {e.article.id: e for e in exs}
    assert "org-head" in {res.actor_of[m][1] for m in police.mentions}
    assert any(texts[d].mentions[i].kind == "NOMINAL" for d, i in police.mentions)


@pytest.mark.model
def test_name_tail_on_ecbplus_news() -> None:
    """ECB+ topic 26 (read at run time): "Lo Presti" of one article is Gaetano Lo Presti of another."""
    exs = _ecbplus("26", "ecb")
    res = resolve_story("26", exs)
    texts = {e.article.id: e for e in exs}
    (presti,) = [a for a in res.actors if "Lo Presti" in a.label]
    assert presti.label == "Gaetano Lo Presti"
    assert "Lo Presti" in {texts[d].mentions[i].text for d, i in presti.mentions}
    assert "name-tail" in {res.actor_of[m][1] for m in presti.mentions}


@pytest.mark.model
def test_word_order_on_ecbplus_news() -> None:
    """ECB+ topic 11 (read at run time): the "Central Commission for Elections" of one article is the "Central
    Elections Commission" of others."""
    exs = _ecbplus("11", "ecbplus")
    res = resolve_story("11", exs)
    texts = {e.article.id: e for e in exs}
    (cec,) = [a for a in res.actors if "Central Elections Commission" in {texts[d].mentions[i].text for d, i in a.mentions}]
    assert "Central Commission for Elections" in {texts[d].mentions[i].text for d, i in cec.mentions}
    assert "word-order" in {res.actor_of[m][1] for m in cec.mentions}


@pytest.mark.model
def test_given_name_variant_on_ecbplus_news() -> None:
    """ECB+ topic 19 (read at run time): "Alexis Grigoropoulos" and "Alexandros Grigoropoulos" are one boy."""
    exs = _ecbplus("19", "ecb")
    res = resolve_story("19", exs)
    texts = {e.article.id: e for e in exs}
    boys = [a for a in res.actors if "Grigoropoulos" in a.label]
    assert len(boys) == 1
    said = {texts[d].mentions[i].text for d, i in boys[0].mentions}
    assert {"Alexis Grigoropoulos", "Alexandros Grigoropoulos"} <= said
    assert "given-name-variant" in {res.actor_of[m][1] for m in boys[0].mentions}


@pytest.mark.model
def test_nickname_variant_beside_a_third_bearer_on_ecbplus_news() -> None:
    """ECB+ topic 32 (read at run time): "Katie Jenkin" and "Kathryn Jenkin" are one young woman, killed by
    her brother John Jenkin, who bears the surname too."""
    exs = _ecbplus("32", "ecbplus")
    res = resolve_story("32", exs)
    texts = {e.article.id: e for e in exs}
    said = [{texts[d].mentions[i].text for d, i in a.mentions} for a in res.actors]
    (katie,) = [a for a, words in zip(res.actors, said) if "Katie Jenkin" in words]
    assert "Kathryn Jenkin" in {texts[d].mentions[i].text for d, i in katie.mentions}
    assert "given-name-variant" in _merged_by(res, katie)
    assert not any("John Jenkin" in words for a, words in zip(res.actors, said) if a is katie)


@pytest.mark.model
def test_qualified_name_on_ecbplus_news() -> None:
    """ECB+ topic 1 (read at run time): "Malibu Promises Treatment Center" (1_14ecb) is the "Promises Treatment
    Center" of 1_1ecb and 1_9ecb, and Tara Reid's entering it one happening."""
    exs = _ecbplus("1", "ecb")
    res = resolve_story("1", exs)
    texts = {e.article.id: e for e in exs}
    said = {a.key: {texts[d].mentions[i].text for d, i in a.mentions} for a in res.actors}
    (center,) = [a for a in res.actors if "Malibu Promises Treatment Center" in said[a.key]]
    assert "Promises Treatment Center" in said[center.key]
    assert "qualified-name" in _merged_by(res, center)
    entered = {res.event_of[(d, i)][0] for d, ex in texts.items() for i, ev in enumerate(ex.events)
               if ev.text == "entered" and d in {"1_1ecb", "1_9ecb", "1_14ecb"}}
    assert len(entered) == 1


def test_apposition_binds_a_role_to_its_name() -> None:
    # "Yermak , the chief of staff , spoke ."
    ex = extract(
        """
        Yermak NNP PROPN nsubj 7
        , , PUNCT punct 0
        the DT DET det 3
        chief NN NOUN appos 0
        of IN ADP prep 3
        staff NN NOUN pobj 4
        , , PUNCT punct 0
        spoke VBD VERB ROOT 7 speak
        . . PUNCT punct 7
        """,
        {"Yermak": "PERSON"},
    )
    assert chain_of(ex, "the chief") == ("Yermak", "apposition")
    assert [m.text for m in ex.mentions] == ["Yermak", "the chief"]  # "staff" belongs to the role


# --- on ECB+ news (read at run time, never copied here) -----------------------
def _ecbplus(topic: str, subtopic: str, ids: tuple[str, ...] = ()) -> list[Extraction]:
    """The validated ECB+ articles of one topic half (only ``ids`` when given), extracted by the real model."""
    path = shared(SHARED / "datasets" / "ecbplus" / "normalized_validated_sentences.json")
    docs = [d for d in json.loads(path.read_text(encoding="utf-8"))["docs"] if (d["topic"], d["subtopic"]) == (topic, subtopic) and (not ids or d["doc_id"] in ids)]
    nlp = load()
    return [extract_doc(nlp(d["text"]), Article(d["doc_id"], d["text"], "ecb+", outlet=d["source"])) for d in docs]


def _resolved(topic: str, subtopic: str) -> tuple[Resolution, Callable[[Actor], set[tuple[str, ActorMention]]]]:
    """One ECB+ topic half resolved as a story, and a reader of an actor's mentions as (article id, mention)."""
    exs = {e.article.id: e for e in _ecbplus(topic, subtopic)}
    return resolve_story(topic, list(exs.values())), lambda actor: {(d, exs[d].mentions[i]) for d, i in actor.mentions}


def _merged_by(res: Resolution, actor: Actor) -> set[str]:
    """The rules that attached an actor's mentions."""
    return {res.actor_of[m][1] for m in actor.mentions}


@pytest.mark.model
def test_a_capital_that_acts_on_the_seeds(seeds: dict[str, Extraction]) -> None:
    """000's "criticized Kyiv's insistence" is Ukraine's government, which 003 calls "Ukrainian officials"."""
    res = resolve_story("s", list(seeds.values()))
    (government,) = [a for a in res.actors if a.label == "Ukrainian government"]
    kyiv = {(d, i) for d, i in government.mentions if seeds[d].mentions[i].text == "Kyiv"}
    assert {d for d, _i in kyiv} == {"000"} and {d for d, _i in government.mentions} == {"000", "003"}
    assert "capital-government" in {res.actor_of[m][1] for m in kyiv}
    assert "Kyiv" not in {a.label for a in res.actors}


@pytest.mark.model
def test_event_rules_on_the_seeds(seeds: dict[str, Extraction]) -> None:
    """The seeds' false "shared" events: "Reports indicated" (000, a source) against "As reported by the
    New York Times" (003), a heading of 003 ("Seeking Cooperation"), "step" said of the
    coalition (000) and of the meeting (003), and a conditional without participants ("any military
    escalation would face swift retaliation", 000) against "the grim reality facing Ukrainians" (003)."""
    a, b = seeds["000"], seeds["003"]
    assert not [e for e in b.events if e.text == "Seeking"]
    assert not [e for ex in (a, b) for e in ex.events if e.lemma == "step"]
    assert not [e for e in a.events if e.text == "Reports"]  # "Reports indicated that ...": the source
    assert [e.source_text for e in a.events if e.text == "reiterated"] == ["Reports"]
    (face,) = [i for i, e in enumerate(a.events) if e.text == "face"]
    assert a.events[face].certainty == "conditional" and not a.events[face].agents
    res = resolve_story("s", [a, b])
    key, _rule = res.event_of[("000", face)]
    assert {d for d, _i in next(e for e in res.events if e.key == key).mentions} == {"000"}


@pytest.mark.model
def test_same_participants_on_ecbplus_news() -> None:
    """ECB+ topic 7 (read at run time, never copied here): "Wladimir Klitschko blasted a sluggish Hasim
    Rahman" (7_1ecb) and "Wladimir Klitschko stopped Hasim Rahman" (7_8ecb), the leads of two outlets, are
    one fight."""
    exs = _ecbplus("7", "ecb", ("7_1ecb", "7_8ecb"))
    res = resolve_story("7", exs)
    blasted = next(k for k, e in enumerate(exs[0].events) if e.text == "blasted")
    stopped = next(k for k, e in enumerate(exs[1].events) if e.text == "stopped")
    assert res.event_of[("7_1ecb", blasted)][0] == res.event_of[("7_8ecb", stopped)][0]
    assert res.event_of[("7_8ecb", stopped)][1] == "same-participants"


@pytest.mark.model
def test_same_report_on_ecbplus_news() -> None:
    """ECB+ topic 12 (read at run time, never copied here): "The Indian Navy said Saturday it had captured 23
    pirates" (12_18ecb) and "the Indian Navy claims they have captured 23 pirates" (12_15ecb) are one
    statement of the navy, relayed by two outlets."""
    exs = _ecbplus("12", "ecb", ("12_15ecb", "12_18ecb"))
    res = resolve_story("12", exs)
    claims = next(k for k, e in enumerate(exs[0].events) if e.text == "claims")
    said = next(k for k, e in enumerate(exs[1].events) if e.text == "said")
    assert res.event_of[("12_15ecb", claims)][0] == res.event_of[("12_18ecb", said)][0]
    assert "same-report" in {res.event_of[("12_15ecb", claims)][1], res.event_of[("12_18ecb", said)][1]}


@pytest.mark.model
def test_shell_noun_on_ecbplus_news() -> None:
    """ECB+ 5_2ecbplus (read at run time, never copied here): "In a surprising move nearly three weeks
    following the end of their season, the Sixers fired Jim O'Brien on Monday": the move is the firing."""
    (ex,) = _ecbplus("5", "ecbplus", ("5_2ecbplus",))
    res = resolve_story("5", [ex])
    move = next(k for k, e in enumerate(ex.events) if e.text == "move")
    fired = next(k for k, e in enumerate(ex.events) if e.text == "fired")
    assert ex.events[move].renames == ex.events[fired].start
    assert res.event_of[("5_2ecbplus", move)][0] == res.event_of[("5_2ecbplus", fired)][0]


@pytest.mark.model
def test_hometown_on_ecbplus_news() -> None:
    """ECB+ 21_12ecbplus (read at run time, never copied here): "Vishwanand Subryan, 23, of Schenectady, N. Y.,
    allegedly mowed into the older woman with his gray 2013 Toyota Camry": the model tags the town and the
    state PERSON; they are places, and "his" is Subryan's."""
    (ex,) = _ecbplus("21", "ecbplus", ("21_12ecbplus",))
    types = {ex.entities[m.local].name: ex.entities[m.local].type for m in ex.mentions}
    assert types["Schenectady"] == types["N. Y."] == "GPE"
    (his,) = [m for m in ex.mentions if m.text == "his"]
    assert ex.entities[his.local].name == "Vishwanand Subryan"


@pytest.mark.model
def test_mountain_name_on_ecbplus_news() -> None:
    """ECB+ 23_1ecbplus (read at run time, never copied here): the headline "Climber dead after Aoraki Mount
    Cook fall", the mountain tagged PERSON, and "The man, from Hampton East, fell ...": the mountain is a
    place, and the man no part of it."""
    (ex,) = _ecbplus("23", "ecbplus", ("23_1ecbplus",))
    mountain = next(e for e in ex.entities if e.name == "Aoraki Mount Cook")
    assert mountain.type == "LOC"
    assert all(m.local != mountain.index for m in ex.mentions if m.text == "The man")


@pytest.mark.model
def test_nickname_age_and_body_part_on_ecbplus_news() -> None:
    """ECB+ topic 16, second half (read at run time): 16_1ecbplus names "Deputy Luis Gerardo (Jerry) Ortiz"
    (the model tags "Luis Gerardo") and then "the 35 - year - old deputy"; the other articles call him "Jerry
    Ortiz"; 16_4ecbplus and 16_8ecbplus say he was shot "in the head". One actor, and no "head" actor."""
    res, mentions_of = _resolved("16", "ecbplus")
    (ortiz,) = [a for a in res.actors if "Ortiz" in a.label]
    said = {(d, m.text) for d, m in mentions_of(ortiz)}
    assert {("16_1ecbplus", "Luis Gerardo (Jerry) Ortiz"), ("16_1ecbplus", "old deputy"), ("16_3ecbplus", "Jerry Ortiz")} <= said
    assert not [a for a in res.actors if a.label.lower() in {"head", "the head"}]
    assert "head" not in {m.text.split()[-1] for a in res.actors for _d, m in mentions_of(a)}


@pytest.mark.model
def test_resultative_on_ecbplus_news() -> None:
    """ECB+ 18_1ecbplus (read at run time): "A Michigan man shot to death one person ...": the death is the
    shooting's outcome, one event with it."""
    (ex,) = _ecbplus("18", "ecbplus", ("18_1ecbplus",))
    death = next(e for e in ex.events if e.text == "death")
    shot = next(e for e in ex.events if e.text == "shot" and e.sentence == death.sentence)
    assert death.renames == shot.start
    res = resolve_story("18", [ex])
    assert res.event_of[(ex.article.id, death.local)][0] == res.event_of[(ex.article.id, shot.local)][0]


@pytest.mark.model
def test_passive_by_phrase_on_ecbplus_news() -> None:
    """ECB+ 21_1ecb (read at run time): "A woman hit and killed by a motorist Wednesday night ...": the parser
    makes the woman the subject of "hit" and gives "killed" no auxiliary; she undergoes both."""
    (ex,) = _ecbplus("21", "ecb", ("21_1ecb",))
    woman = next(m.local for m in ex.mentions if m.text == "A woman")
    first = [e for e in ex.events if e.sentence == 0 and e.text in {"hit", "killed"}]
    assert {e.text for e in first} == {"hit", "killed"}
    assert all(woman in e.patients and woman not in e.agents and e.rule == "passive" for e in first)


@pytest.mark.model
def test_common_noun_kept_as_a_name_on_ecbplus_news() -> None:
    """ECB+ 25_15ecbplus (read at run time): "Pierre Thomas out for playoffs after Saints place him on IR", where
    the tagger calls "Saints" a common noun and the article names "the New Orleans Saints": the team places him."""
    (ex,) = _ecbplus("25", "ecbplus", ("25_15ecbplus",))
    saints = next(m for m in ex.mentions if m.text == "Saints" and m.sentence == 0)
    place = next(e for e in ex.events if e.text == "place" and e.sentence == 0)
    assert saints.kind == "NAME" and saints.local in place.agents


@pytest.mark.model
def test_plural_name_on_ecbplus_news() -> None:
    """ECB+ 29_10ecb (read at run time, never copied here): "The Colts, trailing 14-0 at the start of the
    second quarter, scored 17 unanswered points ...": the team the model leaves untagged is an organisation,
    the agent of the scoring."""
    (ex,) = _ecbplus("29", "ecb", ("29_10ecb",))
    colts = next(m for m in ex.mentions if m.text == "Colts" and m.found_by == "plural-name")
    assert ex.entities[colts.local].type == "ORG"
    scored = next(e for e in ex.events if e.text == "scored" and e.sentence == colts.sentence)
    assert colts.local in scored.agents


@pytest.mark.model
def test_mention_clean_up_on_ecbplus_news() -> None:
    """ "Lopez and Carrasquillo" (tagged as one organisation) are two names; "A Brooklyn jury" is the jury, and
    Brooklyn no actor there (ECB+ 33_6ecbplus)."""
    ex = next(e for e in _ecbplus("33", "ecbplus") if e.article.id == "33_6ecbplus")
    said = [(m.text, m.found_by) for m in ex.mentions]
    assert ("Lopez", "coordinated-names") in said and ("Carrasquillo", "coordinated-names") in said
    assert "Lopez and Carrasquillo" not in {t for t, _f in said}
    assert ("A Brooklyn jury", "described-actor") in said
    assert ex.entities[next(m for m in ex.mentions if m.text == "Lopez").local].name == "Andrew Lopez"


@pytest.mark.model
def test_headline_names_the_model_or_the_tagger_miss_on_ecbplus_news() -> None:
    """ "Lindsay Lohan Checks Into Rehab at Betty Ford Center" (ECB+ 1_6ecbplus), whose body says only "the
    26-year-old actress": the model's entity "Lindsay Lohan Checks Into Rehab" is cut to her name; in "Colts Clinch Playoff Berth With 31-24 Victory Against Jaguars"
    (29_10ecb) the tagger's common noun "Colts" is the team the body names."""
    lohan = next(e for e in _ecbplus("1", "ecbplus", ("1_6ecbplus",)))
    assert [(m.text, m.found_by) for m in lohan.mentions][0] == ("Lindsay Lohan", "headline-name")
    colts = next(e for e in _ecbplus("29", "ecb", ("29_10ecb",)))
    first = colts.mentions[0]
    assert (first.text, first.start, first.found_by) == ("Colts", 0, "repeated-name")
    assert colts.entities[first.local].name == "Colts"


@pytest.mark.model
def test_title_case_descriptions_and_headlines_on_ecbplus_news() -> None:
    """ "the Perennial Party Girl" (ECB+ 1_6ecb) is no organisation; the headline "Ellen DeGeneres Returns to Host
    the Oscars" (2_7ecbplus) names Ellen DeGeneres, without the headline's verb."""
    reid = next(e for e in _ecbplus("1", "ecb") if e.article.id == "1_6ecb")
    assert not [m for m in reid.mentions if "Girl" in m.text and m.kind == "NAME"]
    ellen = next(e for e in _ecbplus("2", "ecbplus") if e.article.id == "2_7ecbplus")
    assert ellen.mentions[0].text == "Ellen DeGeneres" and ellen.mentions[0].found_by == "headline-name"


@pytest.mark.model
def test_a_demonym_for_one_person_on_ecbplus_news() -> None:
    """ECB+ 7_5ecbplus: "... against Tony Thompson, stopping the 40 - year - old American" names no actor
    "American"; the name stays."""
    (thompson,) = _ecbplus("7", "ecbplus", ("7_5ecbplus",))
    assert "American" not in {m.text for m in thompson.mentions}
    assert "Tony Thompson" in {m.text for m in thompson.mentions}


@pytest.mark.model
def test_home_team_on_ecbplus_news() -> None:
    """ECB+ 25_3ecb: "New Orleans have decided to rest him" is the New Orleans Saints other articles name."""
    res, mentions = _resolved("25", "ecb")
    (saints,) = [a for a in res.actors if a.label == "New Orleans Saints"]
    assert ("25_3ecb", "New Orleans") in {(d, m.text) for d, m in mentions(saints)}
    assert "home-team" in _merged_by(res, saints)


@pytest.mark.model
def test_spelling_variant_on_ecbplus_news() -> None:
    """ECB+ topic 12 (read at run time): "the Gulf of Eden" of one article is the Gulf of Aden of the others."""
    res, mentions = _resolved("12", "ecbplus")
    (gulf,) = [a for a in res.actors if "Gulf of Eden" in {m.text for _d, m in mentions(a)}]
    assert gulf.label == "Gulf of Aden"
    assert "spelling-variant" in _merged_by(res, gulf)


@pytest.mark.model
def test_synonym_description_on_ecbplus_news() -> None:
    """ECB+ topic 20 (read at run time): the "10 persons" one article says died are the people others count."""
    res, mentions = _resolved("20", "ecbplus")
    (group,) = [a for a in res.actors if "10 persons" in {m.text for _d, m in mentions(a)}]
    assert {"person", "people"} <= {m.head for _d, m in mentions(group)}
    assert "synonym-description" in _merged_by(res, group)


@pytest.mark.model
def test_predicate_noun_on_ecbplus_news() -> None:
    """ECB+ 28_1ecb (read at run time): Felt, "who ... became the most famous anonymous source in American
    history": the source is Felt."""
    ex = next(e for e in _ecbplus("28", "ecb") if e.article.id == "28_1ecb")
    (source,) = [m for m in ex.mentions if m.rule == "predicate-noun"]
    assert source.text == "the most famous anonymous source"
    assert ex.entities[source.local].name.startswith("W. Mark Felt")


@pytest.mark.model
def test_clipped_name_on_ecbplus_news() -> None:
    """ECB+ topic 1 (read at run time): "LiLo" of one article is the Lindsay Lohan of the others."""
    res, mentions = _resolved("1", "ecbplus")
    (lohan,) = [a for a in res.actors if a.label == "Lindsay Lohan"]
    assert "LiLo" in {m.text for _d, m in mentions(lohan)}
    assert "clipped-name" in _merged_by(res, lohan)


@pytest.mark.model
def test_feature_name_on_ecbplus_news() -> None:
    """ECB+ topic 20 (read at run time): "Qeshm Island" of one article is the Qeshm of the others."""
    res, mentions = _resolved("20", "ecbplus")
    (qeshm,) = [a for a in res.actors if "Qeshm Island" in {m.text for _d, m in mentions(a)}]
    assert "Qeshm" in {m.text for _d, m in mentions(qeshm)}
    assert "feature-name" in _merged_by(res, qeshm)


@pytest.mark.model
def test_learned_pair_on_ecbplus_news() -> None:
    """ECB+ topic 14 (read at run time, never copied here): "Eight crews fought the blaze" (14_11ecbplus) and
    "Crews from Devon and Somerset Fire and Rescue have tackled a blaze at a supermarket" (14_1ecbplus) are
    one fire fight, which only the learned step joins."""
    exs = _ecbplus("14", "ecbplus")
    res = resolve_story("14", exs)
    docs = {e.article.id: e for e in exs}
    fought = next(k for k, e in enumerate(docs["14_11ecbplus"].events) if e.text == "fought")
    tackled = [k for k, e in enumerate(docs["14_1ecbplus"].events) if e.text == "tackled"]
    assert {res.event_of[("14_1ecbplus", k)][0] for k in tackled} == {res.event_of[("14_11ecbplus", fought)][0]}
    assert "learned-pair" in {res.event_of[("14_1ecbplus", k)][1] for k in tackled}


@pytest.mark.model
def test_may_be_same_on_ecbplus_news() -> None:
    """ECB+ topic 11 (read at run time, never copied here): elections "planned for December 15" (11_1ecbplus)
    and "scheduled for December 15" (11_2ecbplus) are one plan, which the learned step scores too low to join
    but high enough to flag: each event may be the other."""
    exs = _ecbplus("11", "ecbplus")
    res = resolve_story("11", exs)
    docs = {e.article.id: e for e in exs}

    def event_of(doc: str, word: str) -> Event:
        k = next(k for k, e in enumerate(docs[doc].events) if e.text == word)
        key = res.event_of[(doc, k)][0]
        return next(e for e in res.events if e.key == key)

    planned, scheduled = event_of("11_1ecbplus", "planned"), event_of("11_2ecbplus", "scheduled")
    assert planned.key != scheduled.key
    assert (planned.may_be_same_as, scheduled.may_be_same_as) == (scheduled.key, planned.key)


@pytest.mark.model
def test_learned_actor_pair_on_ecbplus_news() -> None:
    """ECB+ topic 12 (read at run time, never copied here): "Indian Naval Ship Sukanya" (12_2ecbplus) and
    "INS Sukanya" / "Sukanya" (12_5ecbplus) are one warship, which only the learned step joins."""
    res, mentions_of = _resolved("12", "ecbplus")
    (ship,) = [a for a in res.actors if {"Indian Naval Ship Sukanya", "Sukanya"} <= {m.text for _d, m in mentions_of(a)}]
    assert "learned-pair" in _merged_by(res, ship)


@pytest.mark.model
def test_the_pair_weights_are_the_training_commands(tmp_path: Path) -> None:
    """data/event_pairs.json and data/actor_pairs.json are what tools/train_pairs.py writes from ECB+ (to
    rounding): the shipped weights are reproducible, and a change to the rules or features that moves them
    shows here (retrain with the command)."""
    shared(SHARED / "datasets" / "ecbplus")
    subprocess.run([sys.executable, str(ROOT / "tools" / "train_pairs.py"), "-o", str(tmp_path)], check=True,
                   capture_output=True)
    for name in ("event_pairs.json", "actor_pairs.json"):
        shipped = json.loads((ROOT / "src" / "newsgraph" / "data" / name).read_text(encoding="utf-8"))
        trained = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        numbers = ("mean", "scale", "weights", "intercept")
        assert {k: v for k, v in trained.items() if k not in numbers} == {k: v for k, v in shipped.items() if k not in numbers}
        for key in numbers:
            assert trained[key] == pytest.approx(shipped[key], abs=1e-3), (name, key)


@pytest.mark.model
def test_same_age_on_ecbplus_news() -> None:
    """ECB+ topic 21 (read at run time): "a 66-year-old woman" of one article is LuAnn Marie Johnson, whom
    others name with her age, 66."""
    exs = _ecbplus("21", "ecb")
    res = resolve_story("21", exs)
    ex = next(e for e in exs if e.article.id == "21_12ecb")
    woman = next(i for i, m in enumerate(ex.mentions) if m.text.endswith("year-old woman") or m.text == "old woman")
    key, rule = res.actor_of[("21_12ecb", woman)]
    assert next(a for a in res.actors if a.key == key).label == "LuAnn Marie Johnson"
    assert rule == "same-age"
