"""Each extraction rule on a hand-built parse: the construction, and what the rule must make of it."""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.extract.chains import Chain, attach_name, record_name
from newsgraph.model import Extraction

from .docs import (
    LAVROV_WHO_CALLED_RUBIO,
    MACRON_DECLINED_TO_DISCLOSE,
    NVIDIA_AFTER_BACKTICKS,
    extract,
    make_doc,
)


def events(ex: Extraction) -> list[tuple[str, list[str], list[str]]]:
    """(lemma, agent names, patient names) per event mention."""
    name = {e.index: e.name for e in ex.entities}
    return [(ev.lemma, [name[a] for a in ev.agents], [name[p] for p in ev.patients]) for ev in ex.events]


def mentions(ex: Extraction) -> list[tuple[str, str, str]]:
    """(text, kind, the name of its entity) per actor mention."""
    return [(m.text, m.kind, ex.entities[m.local].name) for m in ex.mentions]


# --- events --------------------------------------------------------------------------------------------
def test_active_verb_with_object_is_an_event_labelled_by_its_object() -> None:
    ex = extract(
        """
        Steve NNP PROPN compound 1
        Witkoff NNP PROPN nsubj 2
        left VBD VERB ROOT 2 leave
        the DT DET det 4
        meeting NN NOUN dobj 2
        . . PUNCT punct 2
        """,
        {"Steve Witkoff": "PERSON"},
    )
    # "the meeting" names a happening of its own
    assert events(ex) == [("leave", ["Steve Witkoff"], []), ("meet", [], [])]
    assert ex.events[0].label == "leave meeting"
    assert ex.events[0].object == "the meeting"
    assert ex.events[0].text == "left"


def test_a_pronoun_object_keeps_what_the_verb_says_of_it() -> None:
    """ "Witkoff called it a “reckless gamble”": "it" alone says nothing in the digest; the object phrase runs
    to the complement's head and its closing quote. A noun object stays as written ("called Rubio")."""
    ex = extract(
        """
        Witkoff NNP PROPN nsubj 1
        called VBD VERB ROOT 1 call
        it PRP PRON dobj 1
        a DT DET det 6
        “ `` PUNCT punct 6
        reckless JJ ADJ amod 6
        gamble NN NOUN oprd 1
        ” '' PUNCT punct 6
        . . PUNCT punct 1
        """,
        {"Witkoff": "PERSON"},
    )
    assert ex.events[0].object.split() == ["it", "a", "“", "reckless", "gamble", "”"]  # hand-built: a space between tokens
    # a closing mark cut off by a comma ("“a mistake,”"): no mark left open
    ex = extract(
        """
        Witkoff NNP PROPN nsubj 1
        called VBD VERB ROOT 1 call
        it PRP PRON dobj 1
        “ `` PUNCT punct 5
        a DT DET det 5
        mistake NN NOUN oprd 1
        , , PUNCT punct 5
        ” '' PUNCT punct 1
        . . PUNCT punct 1
        """,
        {"Witkoff": "PERSON"},
    )
    assert ex.events[0].object.split() == ["it", "a", "mistake"]


def test_passive_by_phrase_is_the_agent() -> None:
    # "The coalition was convened by Macron."
    ex = extract(
        """
        The DT DET det 1
        coalition NN NOUN nsubjpass 3
        was VBD AUX auxpass 3 be
        convened VBN VERB ROOT 3 convene
        by IN ADP agent 3
        Macron NNP PROPN pobj 4
        . . PUNCT punct 3
        """,
        {"Macron": "PERSON"},
    )
    # "the coalition" is a described actor: an organisation without a name
    assert events(ex) == [("convene", ["Macron"], ["coalition"])]
    assert ex.events[0].rule == "passive"


def test_relative_clause_subject_is_the_noun_it_modifies() -> None:
    # "Lavrov, who called Rubio, left."
    ex = extract(*LAVROV_WHO_CALLED_RUBIO)
    assert events(ex) == [("call", ["Lavrov"], ["Rubio"]), ("leave", ["Lavrov"], [])]
    assert ex.events[0].rule == "relative-clause"
    assert ex.events[0].label == "call Rubio"


def test_participial_clause_by_phrase_is_the_agent() -> None:
    # "The summit, convened by Macron, ended."
    ex = extract(
        """
        The DT DET det 1
        summit NN NOUN nsubj 7
        , , PUNCT punct 1
        convened VBN VERB acl 1 convene
        by IN ADP agent 3
        Macron NNP PROPN pobj 4
        , , PUNCT punct 1
        ended VBD VERB ROOT 7 end
        . . PUNCT punct 7
        """,
        {"Macron": "PERSON"},
    )
    assert events(ex) == [("meet", [], []), ("convene", ["Macron"], []), ("end", [], [])]
    assert ex.events[1].rule == "participial-clause"


def test_coordinated_verbs_share_their_subject() -> None:
    # "Macron welcomed and thanked Witkoff."
    ex = extract(
        """
        Macron NNP PROPN nsubj 1
        welcomed VBD VERB ROOT 1 welcome
        and CC CCONJ cc 1
        thanked VBD VERB conj 1 thank
        Witkoff NNP PROPN dobj 3
        . . PUNCT punct 1
        """,
        {"Macron": "PERSON", "Witkoff": "PERSON"},
    )
    assert events(ex) == [("welcome", ["Macron"], []), ("thank", ["Macron"], ["Witkoff"])]
    assert ex.events[1].rule == "conjunction"


def test_coordinated_subjects_are_all_agents() -> None:
    # "Macron and Rubio met."
    ex = extract(
        """
        Macron NNP PROPN nsubj 3
        and CC CCONJ cc 0
        Rubio NNP PROPN conj 0
        met VBD VERB ROOT 3 meet
        . . PUNCT punct 3
        """,
        {"Macron": "PERSON", "Rubio": "PERSON"},
    )
    assert events(ex) == [("meet", ["Macron", "Rubio"], [])]


def test_controlled_infinitive_takes_the_main_subject() -> None:
    # "Macron declined to disclose details."
    ex = extract(*MACRON_DECLINED_TO_DISCLOSE)
    assert events(ex) == [("decline", ["Macron"], []), ("disclose", ["Macron"], [])]
    assert ex.events[1].label == "disclose detail"


def test_possessor_of_a_nominal_event_is_its_agent() -> None:
    # "Witkoff's departure surprised Macron."
    ex = extract(
        """
        Witkoff NNP PROPN poss 2
        's POS PART case 0
        departure NN NOUN nsubj 3
        surprised VBD VERB ROOT 3 surprise
        Macron NNP PROPN dobj 3
        . . PUNCT punct 3
        """,
        {"Witkoff": "PERSON", "Macron": "PERSON"},
    )
    assert events(ex) == [("depart", ["Witkoff"], []), ("surprise", [], ["Macron"])]
    assert ex.events[0].nominal and ex.events[0].rule == "nominal"


def test_group_noun_stands_for_its_organisation() -> None:
    # "Foreign Ministry officials dismissed the initiative."
    ex = extract(
        """
        Foreign NNP PROPN compound 1
        Ministry NNP PROPN compound 2
        officials NNS NOUN nsubj 3 official
        dismissed VBD VERB ROOT 3 dismiss
        the DT DET det 5
        initiative NN NOUN dobj 3
        . . PUNCT punct 3
        """,
        {"Foreign Ministry": "ORG"},
    )
    assert events(ex) == [("dismiss", ["Foreign Ministry"], [])]


def test_verb_without_an_actor_is_still_an_event() -> None:
    # "The summit ended in disarray."
    ex = extract(
        """
        The DT DET det 1
        summit NN NOUN nsubj 2
        ended VBD VERB ROOT 2 end
        in IN ADP prep 2
        disarray NN NOUN pobj 3
        . . PUNCT punct 2
        """,
        {},
    )
    assert events(ex) == [("meet", [], []), ("end", [], [])]
    assert [e.label for e in ex.events] == ["meet", "end"]


# --- actors --------------------------------------------------------------------------------------------
def test_dateline_is_a_mention_but_no_participant() -> None:
    # "MOSCOW, Sept. 4 — Putin spoke."
    ex = extract(
        """
        MOSCOW NNP PROPN npadvmod 6
        , , PUNCT punct 0
        Sept. NNP PROPN npadvmod 0
        4 CD NUM nummod 2
        — : PUNCT punct 0
        Putin NNP PROPN nsubj 6
        spoke VBD VERB ROOT 6 speak
        . . PUNCT punct 6
        """,
        {"MOSCOW": "GPE", "Sept. 4": "DATE", "Putin": "PERSON"},
    )
    assert mentions(ex) == [("MOSCOW", "NAME", "MOSCOW"), ("Putin", "NAME", "Putin")]
    assert events(ex) == [("speak", ["Putin"], [])]


def test_adjectival_demonym_is_no_actor_and_a_setting_no_participant() -> None:
    # "Ukrainian officials met in Paris with Macron."
    ex = extract(
        """
        Ukrainian JJ ADJ amod 1
        officials NNS NOUN nsubj 2 official
        met VBD VERB ROOT 2 meet
        in IN ADP prep 2
        Paris NNP PROPN pobj 3
        with IN ADP prep 2
        Macron NNP PROPN pobj 5
        . . PUNCT punct 2
        """,
        {"Ukrainian": "NORP", "Paris": "GPE", "Macron": "PERSON"},
    )
    # "Ukrainian officials" are Ukraine's government, an organisation: not Ukraine, the country
    assert mentions(ex) == [("Ukrainian officials", "NOMINAL", "Ukrainian government"), ("Paris", "NAME", "Paris"), ("Macron", "NAME", "Macron")]
    assert {e.name: e.type for e in ex.entities} == {"Paris": "GPE", "Macron": "PERSON", "Ukrainian government": "ORG"}
    (meet,) = ex.events
    assert [ex.entities[i].name for i in meet.agents] == ["Ukrainian government"]
    assert [ex.entities[i].name for i in meet.others] == ["Macron"]


def test_word_inside_a_title_is_not_an_actor() -> None:
    # "Secretary of State Marco Rubio spoke." -- the model tags "State" ORG
    ex = extract(
        """
        Secretary NNP PROPN compound 4
        of IN ADP prep 0
        State NNP PROPN pobj 1
        Marco NNP PROPN compound 4
        Rubio NNP PROPN nsubj 5
        spoke VBD VERB ROOT 5 speak
        . . PUNCT punct 5
        """,
        {"State": "ORG", "Marco Rubio": "PERSON"},
    )
    assert [m[0] for m in mentions(ex)] == ["Marco Rubio"]
    assert ex.entities[0].type == "PERSON"


def test_known_place_tagged_as_person_is_corrected() -> None:
    # "Kyiv rejected the plan." -- the model tags "Kyiv" PERSON
    ex = extract(
        """
        Kyiv NNP PROPN nsubj 1
        rejected VBD VERB ROOT 1 reject
        the DT DET det 3
        plan NN NOUN dobj 1
        . . PUNCT punct 1
        """,
        {"Kyiv": "PERSON"},
    )
    assert ex.entities[0].type == "GPE"
    assert ex.mentions[0].ner == "GPE"


US_ENVOY = """
U.S. NNP PROPN compound 1
envoy NN NOUN compound 3
Steve NNP PROPN compound 3
Witkoff NNP PROPN nsubj 4
left VBD VERB ROOT 4 leave
. . PUNCT punct 4
The DT DET det 8
U.S. NNP PROPN compound 8
envoy NN NOUN nsubj 9
spoke VBD VERB ROOT 9 speak
. . PUNCT punct 9
Mr. NNP PROPN compound 12
Witkoff NNP PROPN nsubj 13
smiled VBD VERB ROOT 13 smile
. . PUNCT punct 13
He PRP PRON nsubj 16
waved VBD VERB ROOT 16 wave
. . PUNCT punct 16
"""


def test_full_name_title_honorific_and_pronoun_are_one_actor() -> None:
    ex = extract(US_ENVOY, {"U.S.": "GPE", "Steve Witkoff": "PERSON", "Witkoff": "PERSON"})
    witkoff = [(text, kind) for text, kind, name in mentions(ex) if name == "Steve Witkoff"]
    assert witkoff == [("Steve Witkoff", "NAME"), ("The U.S. envoy", "NOMINAL"), ("Witkoff", "NAME"), ("He", "PRONOUN")]
    rules = [m.rule for m in ex.mentions if ex.entities[m.local].name == "Steve Witkoff"]
    assert rules == ["new", "title", "surname", "pronoun"]
    assert [e[0] for e in events(ex)] == ["leave", "speak", "smile", "wave"]
    assert all(agents == ["Steve Witkoff"] for _lemma, agents, _p in events(ex))


def test_speaker_is_not_the_person_the_claim_names() -> None:
    # "Witkoff came under attack from Zelenskyy. He claimed that Witkoff lied."
    ex = extract(
        """
        Witkoff NNP PROPN nsubj 1
        came VBD VERB ROOT 1 come
        under IN ADP prep 1
        attack NN NOUN pobj 2
        from IN ADP prep 3
        Zelenskyy NNP PROPN pobj 4
        . . PUNCT punct 1
        He PRP PRON nsubj 8
        claimed VBD VERB ROOT 8 claim
        that IN SCONJ mark 11
        Witkoff NNP PROPN nsubj 11
        lied VBD VERB ccomp 8 lie
        . . PUNCT punct 8
        """,
        {"Witkoff": "PERSON", "Zelenskyy": "PERSON"},
    )
    he = next(m for m in ex.mentions if m.kind == "PRONOUN")
    assert ex.entities[he.local].name == "Zelenskyy"


def test_two_people_sharing_a_first_name_stay_two() -> None:
    # "Emmanuel Macron met Emmanuel Bonne."
    ex = extract(
        """
        Emmanuel NNP PROPN compound 1
        Macron NNP PROPN nsubj 2
        met VBD VERB ROOT 2 meet
        Emmanuel NNP PROPN compound 4
        Bonne NNP PROPN dobj 2
        . . PUNCT punct 2
        """,
        {"Emmanuel Macron": "PERSON", "Emmanuel Bonne": "PERSON"},
    )
    assert sorted(e.name for e in ex.entities) == ["Emmanuel Bonne", "Emmanuel Macron"]
    assert events(ex) == [("meet", ["Emmanuel Macron"], ["Emmanuel Bonne"])]


def test_a_name_of_titles_only_names_no_one() -> None:
    # "Mr. . said it ." -- the model tags a bare "Mr." PERSON in odd text; it must not stop the article
    ex = extract(
        """
        Mr. NNP PROPN nsubj 2
        . . PUNCT punct 0
        said VBD VERB ROOT 2 say
        it PRP PRON dobj 2
        . . PUNCT punct 2
        """,
        {"Mr.": "PERSON"},
    )
    assert ex.mentions == ()


def test_quote_marks_tagged_as_a_name_are_no_mention() -> None:
    # ECB+ 43_3ecb and 4_6ecb: the model tags the two backticks opening a quote ORG
    ex = extract(*NVIDIA_AFTER_BACKTICKS)
    assert mentions(ex) == [("Nvidia", "NAME", "Nvidia")]


def test_a_name_with_no_word_left_joins_no_chain() -> None:
    # the same "` `" reaching the chain rules: folded it has no word, so no surname or first name can match
    # (it raised IndexError when an earlier chain had no full name)
    doc = make_doc(*NVIDIA_AFTER_BACKTICKS)
    chains: list[Chain] = []
    nvidia, marks = Span(doc, 2, 3, label="ORG"), Span(doc, 0, 2, label="ORG")
    chain, _rule = attach_name(nvidia, chains)
    record_name(chains[chain], nvidia, [])
    assert attach_name(marks, chains) == (1, "new")


def test_a_predicate_noun_is_its_subject_and_a_member_not_the_group() -> None:
    # "Felt was the FBI official ." / "Felt was not the FBI official ."
    rows = """
        Felt NNP PROPN nsubj 1
        was VBD AUX ROOT 1 be
        {neg}the DT DET det {det}
        FBI NNP PROPN compound {det}
        official NN NOUN attr 1
        . . PUNCT punct 1
        """
    said = extract(rows.format(neg="", det=4), {"Felt": "PERSON", "FBI": "ORG"})
    assert ("official", "NOMINAL", "Felt") in mentions(said)
    denied = extract(rows.format(neg="not RB PART neg 1\n        ", det=5), {"Felt": "PERSON", "FBI": "ORG"})
    assert ("official", "NOMINAL", "Felt") not in mentions(denied)
