"""Small closed word lists the extraction and resolution rules share. Pure data, no spaCy.

Kept in one place so that a rule and its test can name the list they rely on.
"""

from __future__ import annotations

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


def event_class(lemma: str) -> str:
    """The class of a predicate lemma: its synonym group's first word, else the lemma itself.

    >>> event_class("depart"), event_class("leave"), event_class("hail")
    ('leave', 'leave', 'hail')
    """
    return EVENT_CLASS.get(lemma, lemma)


#: Verbs that carry no event of their own (copulas, light and raising verbs).
NON_EVENT_VERBS = frozenset("be have do seem appear remain become get let".split())

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
