"""Event mentions: a predicate, who does it, to whom, and its object, read off the dependency parse.

One function per construction, named after it. Every predicate is an event, with or without an actor
among its participants: "the gathering ended in disarray" is something only one outlet may report.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..lexicon import EVENT_CLASS, GROUP_NOUNS, INTRANSITIVE_NOMINALS, NOMINAL_EVENTS, NON_EVENT_VERBS
from ..model import ActorMention, EventMention
from .docindex import DocIndex

_SUBJ = "nsubj"
_PASSIVE_SUBJ = "nsubjpass"
_OBJECT_DEPS = frozenset({"dobj", "dative"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"})
# prepositions whose object takes part in the event ("spoke with Zelenskyy", "called on leaders")
_PARTICIPANT_PREPS = frozenset("with on against to for from about at into over".split())

# "for instance", "for example": prepositional phrases that are not participants
_ADVERBIAL_OBJECTS = frozenset({"instance", "example", "part", "time", "once"})

Lookup = Callable[[Token], int | None]  # token -> local entity index (or None)


def find_events(
    doc: Doc, mentions: list[ActorMention], token_mention: dict[int, int], *, index: DocIndex | None = None
) -> list[EventMention]:
    """Every event mention of ``doc``, in document order."""
    index = index if index is not None else DocIndex(doc)

    def actor(token: Token) -> int | None:
        m = token_mention.get(token.i)
        if m is not None:
            return mentions[m].local
        # a group noun stands for its owner ("Russian Foreign Ministry officials", "Zelenskiy's government")
        if token.lemma_.lower() in GROUP_NOUNS:
            for child in index.children(token):
                if child.dep_ in {"compound", "poss"} and child.i in token_mention:
                    return mentions[token_mention[child.i]].local
        return None

    events = []
    for token in index.tokens:
        pos = token.pos_
        if pos == "VERB" and token.lemma_.lower() not in NON_EVENT_VERBS:
            ev = _verbal(token, actor, index)
        elif pos == "NOUN" and token.lemma_.lower() in NOMINAL_EVENTS:
            ev = _nominal(token, actor, index)
        else:
            continue
        if ev is None:
            continue
        lemma, agents, patients, others, obj, label, nominal = ev
        events.append(
            EventMention(
                start=token.idx, end=token.idx + len(token.text), text=token.text, lemma=lemma, label=label,
                sentence=index.sentence_of[token.i], nominal=nominal, agents=agents, patients=patients,
                others=others, object=obj, local=len(events), rule="nominal" if nominal else _rule(token, index),
            )
        )
    return events


_Found = tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...], str, str, bool]


def _verbal(verb: Token, actor: Lookup, index: DocIndex) -> _Found | None:
    children = index.children(verb)
    subjects, passive = _subjects(verb, index)
    agents = [t for t in subjects if not passive]
    patients = [t for t in subjects if passive]
    agents += [p for c in children if c.dep_ == "agent" for p in index.children(c) if p.dep_ == "pobj"]
    # "checked herself into rehab": a reflexive object is the subject again, not a patient
    objects = [c for c in children if c.dep_ in _OBJECT_DEPS and c.lower_ not in _REFLEXIVES]
    patients += objects
    others = [p for c in children if c.dep_ == "prep" and c.lower_ in _PARTICIPANT_PREPS
              for p in index.children(c) if p.dep_ == "pobj" and p.lower_ not in _ADVERBIAL_OBJECTS]
    a, p, o = _ids(agents, actor), _ids(patients, actor), _ids(others, actor)
    o = tuple(x for x in o if x not in a and x not in p)
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), "")
    if particle:
        lemma = f"{lemma} {particle}"
    else:
        # a verb whose preposition makes a known phrasal predicate: "checked into" -> "check into"
        prep = next((c.lower_ for c in children if c.dep_ == "prep" and f"{lemma} {c.lower_}" in EVENT_CLASS), "")
        lemma = f"{lemma} {prep}" if prep else lemma
    obj_token = objects[0] if objects else _prep_object(verb, index)
    # the object phrase is the direct object only: "on Thursday" or "to complications" name no object
    return lemma, a, p, o, _phrase(objects[0] if objects else None), _label(lemma, obj_token, actor, index), False


def _nominal(noun: Token, actor: Lookup, index: DocIndex) -> _Found | None:
    """ "Witkoff's departure", "attack from Zelenskyy", "the accusation against Witkoff"."""
    lemma = NOMINAL_EVENTS[noun.lemma_.lower()]
    intransitive = lemma in INTRANSITIVE_NOMINALS
    children = index.children(noun)
    agents = [c for c in children if c.dep_ == "poss"]
    patients: list[Token] = []
    for prep in (c for c in children if c.dep_ == "prep"):
        objs = [p for p in index.children(prep) if p.dep_ == "pobj"]
        if prep.lower_ in {"by", "from"} or (prep.lower_ == "of" and intransitive):
            agents += objs
        elif prep.lower_ in {"of", "on", "against", "with"}:
            patients += objs
    a, p = _ids(agents, actor), _ids(patients, actor)
    return lemma, a, p, (), "", _label(lemma, patients[0] if patients else None, actor, index), True


def _subjects(verb: Token, index: DocIndex) -> tuple[list[Token], bool]:
    """The verb's subject(s) and whether they undergo it (passive); found through the clause if absent."""
    children = index.children(verb)
    head = index.head(verb)
    passive = any(c.dep_ == "auxpass" for c in children) or (verb.tag_ == "VBN" and verb.dep_ == "acl")
    own = [c for c in children if c.dep_ in {_SUBJ, _PASSIVE_SUBJ}]
    if own:
        # relative clause: "Lavrov, who called Rubio" -- the relative pronoun stands for the noun
        own = [head if (c.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl") else c for c in own]
        return _with_conjuncts(own), passive or any(c.dep_ == _PASSIVE_SUBJ for c in own)
    if verb.dep_ == "relcl":
        return [head], passive
    if verb.dep_ == "acl":
        # participial clause: "the coalition, convened by Macron" (undergoes) / "regime undermining efforts" (does)
        return [head], passive
    if verb.dep_ == "conj" and head.pos_ in {"VERB", "AUX"}:
        # coordinated verbs share the subject: "Macron welcomed and thanked Witkoff"
        subjects, head_passive = _subjects(head, index)
        return subjects, passive if any(c.dep_ == "auxpass" for c in children) else head_passive
    if verb.dep_ == "xcomp":
        # control: "declined to disclose" (the subject discloses); "urged leaders to act" (the object acts)
        obj = [c for c in index.children(head) if c.dep_ in _OBJECT_DEPS]
        return (obj, False) if obj else (_subjects(head, index)[0], passive)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in children):
        # participial adverbial: "..., citing strategic sensitivity" -- the main clause's subject
        return _subjects(head, index)[0], passive
    return [], passive


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """ "Macron and Rubio met": coordinated nouns are participants too."""
    out = list(tokens)
    for t in tokens:
        out += [c for c in t.conjuncts if c.pos_ in {"PROPN", "NOUN", "PRON"}]
    return out


def _ids(tokens: list[Token], actor: Lookup) -> tuple[int, ...]:
    ids: list[int] = []
    for t in _with_conjuncts(tokens):
        i = actor(t)
        if i is not None and i not in ids:
            ids.append(i)
    return tuple(ids)


def _prep_object(verb: Token, index: DocIndex) -> Token | None:
    for prep in (c for c in index.children(verb) if c.dep_ == "prep" and c.lower_ in _PARTICIPANT_PREPS):
        for p in index.children(prep):
            if p.dep_ == "pobj" and p.lower_ not in _ADVERBIAL_OBJECTS:
                return p
    return None


def _phrase(token: Token | None) -> str:
    """The object as written, up to its head ("the meeting"), at most eight words."""
    if token is None:
        return ""
    words = [t for t in token.subtree if t.i <= token.i][-8:]
    return token.doc[words[0].i : token.i + 1].text


def _label(lemma: str, obj: Token | None, actor: Lookup, index: DocIndex) -> str:
    """ "leave meeting", "call Rubio": the predicate and its object's head (an actor keeps its name)."""
    if obj is None:
        return lemma
    if obj.pos_ == "PRON":
        return lemma
    head = index.head(obj)
    prep = head.lower_ if obj.dep_ == "pobj" and index.head(head).pos_ == "VERB" else ""
    if prep and lemma.endswith(f" {prep}"):
        prep = ""  # already part of the predicate ("check into")
    word = obj.text if actor(obj) is not None else obj.lemma_.lower()
    return " ".join(w for w in (lemma, prep, word) if w)


def _rule(verb: Token, index: DocIndex) -> str:
    if verb.dep_ == "relcl":
        return "relative-clause"
    if verb.dep_ == "acl":
        return "participial-clause"
    if any(c.dep_ in {"auxpass", "agent"} for c in index.children(verb)):
        return "passive"
    if verb.dep_ == "conj":
        return "conjunction"
    return "verb"
