"""Every closed word list the rules read, in one place. Pure data, no spaCy.

A rule and its test name the list they rely on; no list is defined twice. Dependency-label sets live in
``extract/labels.py``; tables too long for code (places, demonyms, given names) in ``data/``.
"""

from __future__ import annotations

from typing import Literal

#: Nouns that name a happening, with the verb they nominalise ("Witkoff's departure" -> depart).
NOMINAL_EVENTS: dict[str, str] = {
    "departure": "depart", "exit": "exit", "walkout": "walk out", "resignation": "resign",
    "accusation": "accuse", "allegation": "allege", "criticism": "criticize", "attack": "attack",
    "refusal": "refuse", "rejection": "reject", "veto": "veto", "withdrawal": "withdraw",
    "visit": "visit", "trip": "travel", "meeting": "meet", "summit": "meet", "talks": "talk",
    "call": "call", "phone call": "call", "speech": "speak", "statement": "state", "announcement": "announce",
    "proposal": "propose", "suggestion": "suggest", "recommendation": "recommend", "decision": "decide",
    "invasion": "invade", "arrest": "arrest", "killing": "kill", "murder": "murder", "death": "die",
    "election": "elect", "appointment": "appoint", "agreement": "agree", "threat": "threaten",
    "warning": "warn", "demand": "demand", "request": "request", "promise": "promise", "denial": "deny",
    "sanction": "sanction", "strike": "strike", "bombing": "bomb", "shooting": "shoot", "explosion": "explode",
    "negotiation": "negotiate", "interview": "interview", "endorsement": "endorse", "approval": "approve",
    "acquisition": "acquire", "purchase": "buy", "takeover": "take over", "sale": "sell", "merger": "merge",
    "injury": "injure", "firing": "fire", "dismissal": "dismiss", "ouster": "oust", "layoff": "lay off",
    "sentencing": "sentence", "conviction": "convict", "trial": "try", "release": "release", "launch": "launch",
    "unveiling": "unveil", "debut": "debut", "robbery": "rob", "heist": "rob", "theft": "steal",
    "burglary": "burgle", "crash": "crash", "collision": "collide", "eruption": "erupt", "blaze": "burn",
    "fire": "burn", "earthquake": "quake", "quake": "quake", "tsunami": "tsunami", "storm": "storm",
    "flood": "flood", "rescue": "rescue", "evacuation": "evacuate", "escape": "escape", "protest": "protest",
    "rally": "rally", "riot": "riot", "raid": "raid", "assault": "assault", "ambush": "ambush",
    "win": "win", "victory": "win", "defeat": "defeat", "loss": "lose", "nomination": "nominate",
    "wedding": "marry", "marriage": "marry", "divorce": "divorce", "funeral": "bury", "overdose": "overdose",
    "surgery": "operate", "treatment": "treat", "rehab": "rehabilitate", "shipment": "ship",
}

#: Nominal events whose "of"-phrase is the one who acts ("the departure of Witkoff"), not the target.
INTRANSITIVE_NOMINALS = frozenset({"depart", "exit", "walk out", "resign", "refuse", "withdraw", "die", "speak", "travel"})

#: Predicates that name the same kind of happening; the first word is the class name. General English
#: near-synonyms of news verbs, not a list fitted to one corpus.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("leave", "depart", "exit", "walk out", "storm out"),
    ("accuse", "allege", "blame"),
    ("criticize", "criticise", "slam", "condemn", "denounce", "blast", "rebuke"),
    ("attack", "assault", "raid", "ambush"),
    ("call", "phone", "telephone", "ring"),
    ("meet", "talk", "confer", "gather", "convene"),
    ("say", "tell", "state", "declare", "remark"),
    ("refuse", "reject", "decline", "rebuff"),
    ("veto", "block"),
    ("propose", "suggest", "recommend"),
    ("kill", "murder", "slay", "shoot dead", "gun down", "assassinate"),
    ("die", "succumb", "perish", "pass away"),
    ("injure", "wound", "hurt"),
    ("arrest", "detain", "apprehend", "nab", "capture"),
    ("charge", "indict"),
    ("convict", "find guilty"),
    ("sentence", "jail", "imprison"),
    ("release", "free", "let go"),
    ("resign", "step down", "quit"),
    ("fire", "dismiss", "sack", "oust", "axe", "lay off"),
    ("appoint", "name", "nominate", "pick", "choose", "tap", "select", "hire"),
    ("buy", "acquire", "purchase", "take over", "snap up"),
    ("sell", "divest"),
    ("merge", "combine"),
    ("launch", "unveil", "introduce", "debut", "roll out", "release product"),
    ("announce", "reveal", "disclose", "confirm"),
    ("visit", "travel", "tour"),
    ("warn", "threaten", "caution"),
    ("agree", "sign", "ink", "strike deal"),
    ("welcome", "greet", "host", "receive"),
    ("win", "clinch", "claim victory"),
    ("beat", "defeat", "overcome", "edge"),
    ("hit", "strike", "rock", "jolt", "shake", "slam into"),
    ("destroy", "devastate", "ravage", "wreck", "gut", "raze", "demolish", "flatten"),
    ("burn", "catch fire", "blaze", "go up in flames"),
    ("crash", "collide", "smash"),
    ("explode", "blow up", "detonate", "erupt"),
    ("rob", "steal", "loot", "burgle", "hold up"),
    ("shoot", "open fire", "fire at", "gun"),
    ("enter", "check into", "check in", "go into"),
    ("marry", "wed"),
    ("protest", "demonstrate", "rally"),
    ("evacuate", "flee"),
    ("rescue", "save"),
)

EVENT_CLASS: dict[str, str] = {word: group[0] for group in SYNONYMS for word in group}


def plural_noun(words: str, lemma: str) -> bool:
    """Whether a noun phrase is plural: its last word is not its head's lemma ("two workers": "worker"), or it
    is "people", whose lemma is itself.

    >>> plural_noun("two workers", "worker"), plural_noun("the inmate", "inmate"), plural_noun("three people", "people")
    (True, False, True)
    """
    last = words.split()[-1].lower() if words.split() else ""
    return last != lemma or last == "people"


def event_class(lemma: str) -> str:
    """The class of a predicate lemma: its synonym group's first word, else the lemma itself.

    >>> event_class("depart"), event_class("leave"), event_class("hail")
    ('leave', 'leave', 'hail')
    """
    return EVENT_CLASS.get(lemma, lemma)


#: Verbs that carry no event of their own (copulas, light and raising verbs).
NON_EVENT_VERBS = frozenset("be have do seem appear remain become get let".split())
#: General nouns an outlet uses to name again a happening it has just told ("In a surprising move, the Sixers
#: fired O'Brien"; "Microsoft released a patch, a move that comes amid attacks"). Only "move": "step",
#: "decision", "act", "action", "measure" and "development" gained nothing on ECB+ (docs/quality.md).
SHELL_NOUNS = frozenset({"move"})
#: Nouns of a state a happening ends in, after "to" ("shot to death", "fell to his death"): the death is
#: that happening's outcome, not another happening. Not after a verb that hands down a punishment
#: ("sentenced to death": the death is the sentence, still to come).
RESULT_NOUNS = frozenset({"death"})
PUNISHING_VERBS = frozenset({"sentence", "condemn"})

#: Group nouns whose event is the group's owner's ("Russian Foreign Ministry officials dismissed ...").
GROUP_NOUNS = frozenset(
    "official officials spokesman spokeswoman spokesperson government administration forces troops army "
    "delegation representatives team leadership ministry office".split()
)

#: Common nouns that name people or organisations acting in the news ("the suspect", "police", "the company"),
#: with the actor type they take. A described actor has no name: it is keyed by its phrase ("Ukrainian forces").
ACTOR_NOUNS: dict[str, str] = {
    **{w: "PERSON" for w in """
        man woman boy girl child children kid teenager person people individual family victim survivor suspect
        gunman attacker assailant killer shooter robber thief burglar hijacker kidnapper bomber murderer
        prisoner inmate detainee hostage defendant witness juror jury judge prosecutor lawyer attorney
        officer policeman detective agent soldier troop troops militant rebel fighter insurgent terrorist
        protester demonstrator rioter resident citizen voter worker employee staff customer user fan player
        coach manager owner founder chief executive ceo chairman spokesman spokeswoman spokesperson official
        politician lawmaker legislator senator minister president leader diplomat envoy ambassador
        negotiator analyst expert critic source doctor nurse patient surgeon paramedic firefighter rescuer
        pilot passenger driver crew sailor actor actress singer star celebrity musician rapper director
        producer writer author journalist reporter editor photographer student teacher professor scientist
        researcher engineer farmer shopper tourist visitor pedestrian neighbor neighbour friend relative
        wife husband mother father son daughter brother sister parent boyfriend girlfriend fiance partner
        member ally allies delegate representative commander general admiral governor mayor king queen
        prince princess pope bishop priest cleric
        """.split()},
    **{w: "ORG" for w in """
        police government administration ministry department agency authority authorities army military
        navy company firm corporation business startup maker manufacturer retailer carrier operator bank
        team club party court parliament congress senate council committee commission coalition alliance
        union network studio label publisher newspaper network broadcaster school university hospital
        regime opposition organization organisation group
        """.split()},
}


#: Verbs whose clausal complement is somebody's claim ("Zelenskyy claimed that ..."); a pronoun subject of
#: one is not the person its claim names, and the events in its complement are attributed to its subject.
REPORTING_VERBS = frozenset(
    """say tell claim argue state add note stress insist warn reveal report confirm deny announce explain
    suggest continue write tweet accuse allege admit acknowledge declare assert underscore
    indicate believe think maintain contend estimate predict speculate suspect fear concede recall
    testify inform assure signal hint learn respond reply observe remark comment mention reiterate restate
    emphasize emphasise complain boast disclose caution articulate charge doubt dispute refute
    rumor rumour understand""".split()
)

#: Prepositions whose object is where something happens, not who does it ("met in Paris").
LOCATIVE_PREPS = frozenset("in at to into across near within throughout around outside inside toward towards onto".split())


# --- names ---------------------------------------------------------------------------------------------
#: Courtesy titles: never part of a name's identity ("Mr. Witkoff" = "Witkoff").
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof mister madam".split())

#: Role words that head or precede a person's name ("President Macron", "the U.S. envoy").
TITLE_WORDS = frozenset(
    """president vice-president envoy minister secretary adviser advisor chancellor premier king queen prince
    ambassador spokesman spokeswoman spokesperson senator governor mayor general commander chief director
    leader chairman chairwoman chair official diplomat negotiator representative pope prosecutor judge
    attorney lawyer expert analyst officer lieutenant colonel captain admiral sergeant emir sheikh
    speaker deputy head founder ceo coach star actor singer""".split()
)

#: Title words that say what someone is known for, not an office they hold ("the star", "the coach"): a
#: definite one may name the article's main person (``nominals.definite_description``).
FAME_WORDS = frozenset("coach star actor singer founder".split())

#: Abbreviations written out, so "Mt Cook" = "Mount Cook" and "St. Petersburg" = "Saint Petersburg".
ABBREVIATIONS = {"mt": "mount", "st": "saint", "ft": "fort", "pt": "port", "gen": "general", "sen": "senator",
                 "gov": "governor", "rep": "representative", "pres": "president", "jr": "junior", "sr": "senior"}

#: Abbreviated police, military and civic ranks ("Insp. Warren Lysyk", "Det. Sarah Holt", "Cllr Bev Tkachuk"),
#: read only where not written in capitals: "ADM" is a company, "Adm." an admiral. A rank alone names nobody
#: and is no part of a name's key (names.name_words); the ranks are not title words, so "the detective" still
#: finds the article's main person (nominals.definite_description).
RANK_ABBREVIATIONS = {"insp": "inspector", "supt": "superintendent", "det": "detective", "const": "constable",
                      "sgt": "sergeant", "cpl": "corporal", "lt": "lieutenant", "capt": "captain", "col": "colonel",
                      "cmdr": "commander", "adm": "admiral", "amb": "ambassador", "cllr": "councillor",
                      "coun": "councillor"}

#: Legal-form words that never distinguish two organisations ("Microsoft Corp." = "Microsoft").
LEGAL_FORMS = frozenset("inc incorporated corp corporation co ltd limited llc plc sa ag gmbh nv bv".split())

#: Generational suffixes and post-nominal letters, never part of a name's identity ("Martin Luther King Jr.",
#: "Rachel Finch KC", "Rachel Reeves MP").
NAME_SUFFIXES = frozenset({"junior", "senior", "ii", "iii", "kc", "qc", "mp", "mep", "obe", "cbe", "mbe"})

#: Lower-case particles that open a surname ("Ursula von der Leyen", "Charles de Gaulle", "Mohammed bin
#: Salman", "Lula da Silva"): Dutch, German, French, Italian, Portuguese, Spanish and Arabic.
NAME_PARTICLES = frozenset("von van der den de du da di del della dos das bin ibn ter ten zu".split())

#: Words an organisation's initials skip ("Bank of America" -> "BA"; "AT&T").
ORG_FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "&"})

# --- described actors ----------------------------------------------------------------------------------
#: Determiners that make a role noun definite ("the envoy", "this official").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
#: Articles trimmed off the start of a name ("the United States").
ARTICLES = frozenset({"the", "a", "an"})
#: Nouns for a state's government: "Russian officials" are Russia's government, not Russia the country.
GOVERNMENT_NOUNS = frozenset({"official", "officials", "government", "authorities", "authority", "administration", "diplomat", "regime"})
#: Titles of a state's leader: the demonym or state in such a title ("Ukrainian President", "Russia's Prime
#: Minister") is the state whose government the leader's possessive names ("Zelenskiy's government").
LEADER_TITLES = frozenset("president premier chancellor minister king queen emir sultan monarch leader".split())
#: Nouns for a state's armed forces ("Ukrainian forces" -> the Ukrainian military).
MILITARY_NOUNS = frozenset({"force", "forces", "troop", "troops", "army", "military", "soldier", "soldiers"})
#: Definite singular nouns that, in news, name again the organisation last named ("the company").
ORG_ANAPHORS = frozenset("company firm corporation maker manufacturer retailer carrier startup business studio label bank club team".split())
FEMALE_NOUNS = frozenset("woman girl actress mother wife sister daughter queen princess spokeswoman girlfriend".split())
MALE_NOUNS = frozenset("man boy actor father husband brother son king prince spokesman boyfriend".split())
#: Plural group nouns that name one group of people in a story whichever the article chose (WordNet lists
#: person/people, demonstrator/protester, official/authority, user/customer as near synonyms), the first of
#: each row its key. Only plurals: "a user" and "a customer" of two articles may be two people.
GROUP_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("people", "person", "persons"),
    ("official", "officials", "authority", "authorities"),
    ("customer", "customers", "user", "users", "subscriber", "subscribers"),
    ("protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators"),
)
GROUP_SYNONYM_KEY: dict[str, str] = {word: row[0] for row in GROUP_SYNONYMS for word in row}
#: Kinds of natural feature a place's name may carry or drop ("Qeshm Island" / "Qeshm", "Lake Tahoe" / "Tahoe");
#: not "county", "city" or "state", which name another place than the bare name ("Los Angeles County").
FEATURE_WORDS = frozenset("island isle river lake mount mountain peninsula desert valley bay sea ocean".split())
#: Words that make a place's name another place, a part of it or one named after it ("Southern California",
#: "Northern Iowa", "South Sudan", "West Virginia", "New Mexico").
PLACE_MODIFIERS = frozenset("north south east west northern southern eastern western northeast northwest southeast "
                            "southwest central upper lower new".split())
#: Plurals that end organisations' names but are no team's nickname ("Anchorage Daily News", "Kraft Foods").
NOT_NICKNAMES = frozenset("news times sports services foods systems industries airlines holdings communications "
                          "networks motors products pictures studios records games arts sciences affairs".split())
#: Copulas: the subject of one is what its predicate noun says ("Felt was the FBI official").
COPULAS = frozenset({"be", "become", "remain"})
#: Nouns for people whose most frequent WordNet 3.0 sense is a body part (lexicographer file noun.body):
#: of the actor lexicon and the role words, only "head" (checked with tools/wordnet_table.py's reader).
BODY_PART_NOUNS = frozenset({"head"})
#: Person nouns too generic to stand for a named person.
GENERIC_PEOPLE = frozenset("people person family child children kid crew staff member members individual".split())

# --- pronouns ------------------------------------------------------------------------------------------
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
PERSONAL_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
#: Possessive pronouns of people ("his head", "their heads"): not "its", which owns an organisation's head.
PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "our"})
#: Relative pronouns that refer to a person ("Lavrov, who ..."): their antecedent is the noun modified.
PERSON_RELATIVES = frozenset({"who", "whom", "whose"})
#: Relative pronouns that stand for the noun their clause modifies, as a subject ("Lavrov, who called").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"})
#: Subjects that name nobody ("it is said that", "there were reports").
EXPLETIVES = frozenset({"it", "there"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
#: Quote marks as tokens.
QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", "''", "``"})

# --- event participants --------------------------------------------------------------------------------
#: Prepositions whose object takes part in the event ("spoke with Zelenskyy", "called on leaders").
PARTICIPANT_PREPS = frozenset("with on against to for from about at into over".split())
#: "for instance", "for example": prepositional phrases that are not participants.
ADVERBIAL_OBJECTS = frozenset({"instance", "example", "part", "time", "once"})

# --- attribution ---------------------------------------------------------------------------------------
#: Reporting verbs that cast doubt on what they report ("Recent intelligence suggests that ...").
HEDGING_VERBS = frozenset("suggest believe think speculate suspect estimate fear hint doubt reckon guess assume".split())
#: Reporting verbs that report the opposite ("Moscow denied that its troops crossed the border").
DENYING_VERBS = frozenset("deny refute dispute".split())
#: Reporting verbs that hedge when passive and agentless ("He is said to have left", "It is rumoured that").
HEDGED_PASSIVES = frozenset("say report allege rumor rumour believe think understand suspect".split())
#: Nouns whose "that"-clause is somebody's claim ("reports that ...", "accusations that ...").
REPORTING_NOUNS = frozenset(
    "report claim allegation accusation rumor rumour assertion suggestion statement announcement warning "
    "speculation indication sign belief fear".split()
)
#: Verbs whose "of"-complement is the accuser's claim ("accusing Witkoff of promoting Russian narratives").
ACCUSING_VERBS = frozenset("accuse suspect charge".split())
#: Adverbs that pass a claim on from somebody unnamed, and hedge it ("reportedly abandoning positions").
ATTRIBUTING_ADVERBS = frozenset("reportedly allegedly purportedly reputedly supposedly".split())
#: Verbs that frame a quoted phrase as somebody's words ("calling it a “reckless gamble”").
QUOTE_FRAMES = REPORTING_VERBS | frozenset("call hail describe dismiss cite voice label term brand dub praise".split())

# --- polarity and certainty ----------------------------------------------------------------------------
Certainty = Literal["certain", "hedged", "future", "conditional"]
#: Adverbs that hedge without naming anybody.
HEDGING_ADVERBS = frozenset(
    "apparently possibly perhaps probably likely maybe presumably seemingly conceivably potentially".split()
)
#: Negation words the parser does not always label ``neg`` ("no longer", "hardly").
NEGATING_ADVERBS = frozenset("never hardly scarcely nowhere".split())
#: Modal auxiliaries and the certainty they give their verb.
MODALS: dict[str, Certainty] = {
    "may": "hedged", "might": "hedged", "could": "hedged",
    "will": "future", "shall": "future", "'ll": "future", "wo": "future", "should": "future", "must": "future",
    "would": "conditional", "'d": "conditional",
}
#: Verbs whose "to"-complement did not happen ("declined to disclose", "refused to engage").
NEGATIVE_IMPLICATIVES = frozenset("decline refuse fail avoid neglect forget stop cease abstain refrain deny resist unable".split())
#: Words that negate the predicate they are subject or object of ("said nothing", "nobody was hurt").
NEGATIVE_PRONOUNS = frozenset("nothing nobody none no-one".split())
#: Nouns that do the same ("Zelenskiy's refusal to engage", "their reluctance to commit troops").
NEGATIVE_NOUNS = frozenset("refusal failure reluctance unwillingness".split())
#: Verbs and nouns whose "to"-complement has not happened yet ("plans to visit", "called on leaders to act").
FUTURE_VERBS = frozenset(
    "plan intend aim hope want wish vow pledge promise threaten expect prepare urge ask call push need "
    "set go seek decide agree offer".split()
)
FUTURE_NOUNS = frozenset("willingness readiness plan intention bid threat promise pledge offer desire call".split())
#: Verbs and adjectives whose "to"-complement is hedged ("appears to strike", "is likely to fail", "tried to").
HEDGING_RAISERS = frozenset("seem appear tend try attempt likely unlikely".split())
#: Subordinators that make their clause a condition ("if Russia attacks").
CONDITIONAL_MARKS = frozenset({"if", "unless"})

# --- time ----------------------------------------------------------------------------------------------
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: i + 1
    for i, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sept sep", "october oct", "november nov", "december dec")
    )
    for name in names.split()
}
#: Days named relative to the publication date.
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
#: Words that make an expression a point in time rather than a duration.
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(RELATIVE_DAYS) | {"morning", "evening", "afternoon", "night"}

#: Past participles that are no past tense (English irregular verbs): written alone they need "have" ("the
#: Angels have withdrawn their offer"); "withdrew", "called" are past tenses as well.
PARTICIPLES_ONLY = frozenset("""beaten begun bidden bitten blown borne broken chosen done drawn driven
    drunk eaten fallen flown forbidden forgiven forgotten forsaken frozen given gone grown hidden known lain mistaken
    mown overtaken overthrown proven ridden risen rung seen sewn shaken shorn shown shrunk slain sown spoken
    sprung stolen stricken striven stunk sung sunk sworn swum taken thrown torn undergone undertaken withdrawn woken
    worn written""".split())
