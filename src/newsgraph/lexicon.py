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
}

#: Nominal events whose "of"-phrase is the one who acts ("the departure of Witkoff"), not the target.
INTRANSITIVE_NOMINALS = frozenset({"depart", "exit", "walk out", "resign", "refuse", "withdraw", "die", "speak", "travel"})

#: Predicates that name the same kind of happening; the first word is the class name.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("leave", "depart", "exit", "walk out", "quit", "storm out"),
    ("accuse", "allege", "blame", "charge"),
    ("criticize", "criticise", "attack", "slam", "condemn", "denounce", "blast"),
    ("call", "phone", "telephone", "ring"),
    ("meet", "talk", "confer", "gather", "convene"),
    ("say", "tell", "state", "declare", "remark"),
    ("refuse", "reject", "decline", "rebuff"),
    ("veto", "block"),
    ("propose", "suggest", "recommend", "offer"),
    ("kill", "murder", "slay", "shoot dead"),
    ("arrest", "detain", "apprehend"),
    ("resign", "step down", "quit post"),
    ("visit", "travel", "tour"),
    ("warn", "threaten", "caution"),
    ("agree", "sign", "strike deal"),
    ("announce", "unveil", "reveal"),
    ("welcome", "greet", "host", "receive"),
)

EVENT_CLASS: dict[str, str] = {word: group[0] for group in SYNONYMS for word in group}


def event_class(lemma: str) -> str:
    """The class of a predicate lemma: its synonym group's first word, else the lemma itself.

    >>> event_class("depart"), event_class("leave"), event_class("dismiss")
    ('leave', 'leave', 'dismiss')
    """
    return EVENT_CLASS.get(lemma, lemma)


#: Verbs that carry no event of their own (copulas, light and raising verbs).
NON_EVENT_VERBS = frozenset("be have do seem appear remain become get let".split())

#: Group nouns whose event is the group's owner's ("Russian Foreign Ministry officials dismissed ...").
GROUP_NOUNS = frozenset(
    "official officials spokesman spokeswoman spokesperson government administration forces troops army "
    "delegation representatives team leadership ministry office".split()
)
