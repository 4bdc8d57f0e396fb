"""Event mentions: a predicate, who does it, to whom, and its object, read off the dependency parse.

One registered rule per construction (the ``event`` stage): which words are predicates (``verb``,
``nominal``), and where a predicate's subject is when it has none of its own (relative and participial
clauses, coordination, control). Every predicate is an event, with or without an actor among its
participants: "the gathering ended in disarray" is something only one outlet may report. Each event mention
records its construction's rule (``EventMention.rule``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..lexicon import (
    ADVERBIAL_OBJECTS,
    EVENT_CLASS,
    GROUP_NOUNS,
    INTRANSITIVE_NOMINALS,
    NOMINAL_EVENTS,
    NON_EVENT_VERBS,
    PARTICIPANT_PREPS,
    PUNISHING_VERBS,
    QUOTE_MARKS,
    REFLEXIVE_PRONOUNS,
    REPORTING_VERBS,
    RESULT_NOUNS,
    SHELL_NOUNS,
)
from .. import meaning
from ..model import ActorMention, EventMention
from ..rules import rule
from .docindex import DocIndex
from .headings import is_heading
from .subjects import by_phrases, is_passive, subjects_of, with_conjuncts
from .labels import NOMINAL_SUBJECTS, OBJECTS, OWNERS, PREDICATIVE

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
                if child.dep_ in OWNERS and child.i in token_mention:
                    return mentions[token_mention[child.i]].local
        return None

    events: list[EventMention] = []
    headings = {k for k, sent in enumerate(index.sents) if k > 0 and is_heading(sent, index.text)}
    for token in index.tokens:
        if index.sentence_of[token.i] in headings:
            continue
        if is_verbal_event(token):
            ev = _verbal(token, actor, index)
        elif is_nominal_event(token) and not is_predicative(token) and not _punishment(token, index):
            ev = _nominal(token, actor, index)
        else:
            continue
        lemma, agents, patients, others, obj, label, nominal = ev
        rule_name = "nominal" if nominal else _rule(token, index)
        told = None
        for renaming in (renamed_happening, resulting_state) if nominal else ():
            if (told := renaming(token, index)) is not None:
                rule_name = renaming.rule.name  # type: ignore[attr-defined]
                break
        events.append(
            EventMention(
                start=token.idx, end=token.idx + len(token.text), text=token.text, lemma=lemma, label=label,
                sentence=index.sentence_of[token.i], nominal=nominal, agents=agents, patients=patients,
                others=others, object=obj, local=len(events), rule=rule_name,
                renames=told.idx if told is not None else -1,
            )
        )
    return events


@rule("event", "shell-noun", "a general noun (\"move\") set beside a clause, or heading \"in a ...\" phrase of its verb, "
      "names that clause's happening again", "In a surprising move, the Sixers fired Jim O'Brien on Monday.")
def renamed_happening(noun: Token, index: DocIndex) -> Token | None:
    """The verb whose happening ``noun`` names again, or None. Outlets comment on what they tell with a
    general noun: "in a surprising move, the Sixers fired O'Brien", "Microsoft released a patch, a move that
    comes amid attacks". As an event of its own, "move" would be reported by one outlet alone, or join
    every other "move" of the story."""
    if noun.lemma_.lower() not in SHELL_NOUNS:
        return None
    head = index.head(noun)
    if noun.dep_ == "pobj" and head.lower_ == "in":
        verb = index.head(head)
    elif noun.dep_ in {"appos", "npadvmod"}:  # set off after the clause, whatever the parser hung it on
        verb = index.sent(noun).root
    else:
        return None
    if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING_VERBS:  # "..., police said, in a move": what they said
        verb = next((c for c in index.children(verb) if c.dep_ == "ccomp" and c.pos_ == "VERB"), verb)
    if not is_verbal_event(verb) or verb.lemma_.lower() in REPORTING_VERBS:
        return None
    return verb


@rule("event", "resultative", "a bare or possessed death after \"to\" ends the happening of the verb the phrase hangs "
      "on (\"shot to death\", \"fell to his death\"): it names that happening again; not when its subject is itself a "
      "happening (\"the crash led to his death\"); after a verb that hands down a punishment it is that punishment, "
      "no event of its own (\"sentenced to death\")",
      "A Michigan man shot to death one person and injured two others.")
def resulting_state(noun: Token, index: DocIndex) -> Token | None:
    """The verb whose outcome ``noun`` names, or None. As an event of its own ("die", with no one dying),
    the death of "shot to death" joined no outlet's "killing" and was reported by one outlet alone. "the
    death of a man", "responded to the death" name a death of their own."""
    verb = _verb_ended_by(noun, index)
    if verb is None or any(c.dep_ in {"prep", "det"} for c in index.children(noun)):  # "his death": possessed
        return None
    if not is_verbal_event(verb) or verb.lemma_.lower() in PUNISHING_VERBS:
        return None
    if any(c.dep_ in NOMINAL_SUBJECTS and is_nominal_event(c) for c in index.children(verb)):
        return None
    return verb


def _punishment(noun: Token, index: DocIndex) -> bool:
    """ "sentenced him to death": the death is the sentence's content, still to come; as an event ("die", no
    one dying) it joined the story's other deaths."""
    verb = _verb_ended_by(noun, index)
    return verb is not None and verb.lemma_.lower() in PUNISHING_VERBS


def _verb_ended_by(noun: Token, index: DocIndex) -> Token | None:
    """The word a "to" phrase of a result noun hangs on ("shot to death", "sentenced to death"), or None."""
    head = index.head(noun)
    if noun.lemma_.lower() not in RESULT_NOUNS or noun.dep_ != "pobj" or head.lower_ != "to":
        return None
    return index.head(head)


_Found = tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...], str, str, bool]


@rule("event", "verb", "a verb is an event, unless it is a copula, light or raising verb (be, have, do, seem ...), "
      "or no word at all (a hyphen the model tags VERB)", "Steve Witkoff left the meeting.")
def is_verbal_event(token: Token) -> bool:
    return token.pos_ == "VERB" and token.tag_.startswith("VB") and token.text[:1].isalpha() and (
        token.lemma_.lower() not in NON_EVENT_VERBS)


@rule("event", "nominal", "a noun that names a happening is an event of the verb it nominalises",
      "Witkoff's departure followed heated debates.")
def is_nominal_event(token: Token) -> bool:
    if token.pos_ != "NOUN" or nominalised(token.lemma_.lower()) is None:
        return False
    # not the object of a phrasal predicate it is part of ("caught fire" is one event)
    return not (token.dep_ in OBJECTS and f"{token.head.lemma_.lower()} {token.lemma_.lower()}" in EVENT_CLASS)


@rule("event", "predicative-noun", "an event noun said of something else, a copula's complement or an \"as\" "
      "phrase after a verb, names no happening of its own", "The meeting in Paris was an important step forward.")
def is_predicative(noun: Token) -> bool:
    """ "was an important step", "hailed the coalition as a crucial step": the noun describes the meeting or
    the coalition; as an event of its own it would match every other "step" of the story."""
    if noun.dep_ in PREDICATIVE:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB"


@rule("event", "source-noun", "an event noun that is the source of an attribution names who or what says something, "
      "not a happening", "Reports indicated that several coalition members have reiterated their reluctance.")
def is_source_noun(ev: EventMention, source_heads: set[int]) -> bool:
    """ "Reports indicated ...", "a statement from the ministry said ...": the noun is the speaker's slot of
    the reporting verb; as an event it would join any other outlet's "reported" (seed 000 / 003)."""
    return ev.nominal and ev.start in source_heads


def nominalised(noun: str) -> str | None:
    """The verb an event noun names: the news table first ("trip" -> travel), else WordNet's nominalisation
    of a noun whose main sense is an act, event or process ("gathering" -> gather, "talks" -> talk)."""
    if noun in NOMINAL_EVENTS:
        return NOMINAL_EVENTS[noun]
    return meaning.verb_of(noun) if WORDNET_NOUNS else None


#: Whether WordNet's event nouns are events too (measured on ECB+ dev, docs/quality.md).
WORDNET_NOUNS = True


def _verbal(verb: Token, actor: Lookup, index: DocIndex) -> _Found:
    children = index.children(verb)
    subjects, passive = subjects_of(verb, index)
    agents = [t for t in subjects if not passive]
    patients = [t for t in subjects if passive]
    agents += [p for c in by_phrases(verb, index) for p in index.children(c) if p.dep_ == "pobj"]
    # "checked herself into rehab": a reflexive object is the subject again, not a patient
    objects = [c for c in children if c.dep_ in OBJECTS and c.lower_ not in REFLEXIVE_PRONOUNS]
    patients += objects
    others = [p for c in children if c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPS
              for p in index.children(c) if p.dep_ == "pobj" and p.lower_ not in ADVERBIAL_OBJECTS]
    a, p, o = _ids(agents, actor), _ids(patients, actor), _ids(others, actor)
    o = tuple(x for x in o if x not in a and x not in p)
    lemma, objects = phrasal_predicate(verb, children, objects)
    obj_token = objects[0] if objects else _prep_object(verb, index)
    # the object phrase is the direct object only: "on Thursday" or "to complications" name no object
    obj_phrase = _phrase(objects[0] if objects else None, index, next((c for c in children if c.dep_ == "oprd"), None))
    return lemma, a, p, o, obj_phrase, _label(lemma, obj_token, actor, index), False


@rule("event", "phrasal-predicate", "a particle, or a preposition or object that makes a known phrasal predicate, is "
      "part of the predicate", "walked out; checked into rehab; the warehouse caught fire")
def phrasal_predicate(verb: Token, children: list[Token], objects: list[Token]) -> tuple[str, list[Token]]:
    """The predicate's lemma ("walk out", "check into", "catch fire"), and its objects without one that is
    part of it."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), "")
    if particle:
        return f"{lemma} {particle}", objects
    prep = next((c.lower_ for c in children if c.dep_ == "prep" and f"{lemma} {c.lower_}" in EVENT_CLASS), "")
    if prep:
        return f"{lemma} {prep}", objects
    idiom = f"{lemma} {objects[0].lemma_.lower()}" if objects else ""
    if idiom in EVENT_CLASS:
        return idiom, objects[1:]  # the object is part of the predicate, not what it is done to
    return lemma, objects


def _nominal(noun: Token, actor: Lookup, index: DocIndex) -> _Found:
    """ "Witkoff's departure", "attack from Zelenskyy", "the accusation against Witkoff"."""
    lemma = nominalised(noun.lemma_.lower()) or noun.lemma_.lower()
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


def _ids(tokens: list[Token], actor: Lookup) -> tuple[int, ...]:
    ids: list[int] = []
    for t in with_conjuncts(tokens):
        i = actor(t)
        if i is not None and i not in ids:
            ids.append(i)
    return tuple(ids)


def _prep_object(verb: Token, index: DocIndex) -> Token | None:
    for prep in (c for c in index.children(verb) if c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPS):
        for p in index.children(prep):
            if p.dep_ == "pobj" and p.lower_ not in ADVERBIAL_OBJECTS:
                return p
    return None


def _phrase(token: Token | None, index: DocIndex, complement: Token | None = None) -> str:
    """The object as written, up to its head ("the meeting"), at most eight words; a pronoun with what the
    verb says of it within the next eight tokens, up to that head and its closing quote ("calling it a
    “reckless gamble”"); a quote mark left open is left out."""
    if token is None:
        return ""
    words = [t for t in token.subtree if t.i <= token.i][-8:]
    end = token.i + 1
    if complement is not None and token.pos_ == "PRON" and token.i < complement.i <= token.i + 8:
        end = complement.i + 1
        if end < len(index.tokens) and index.tokens[end].lower_ in QUOTE_MARKS and index.head(index.tokens[end]).i == complement.i:
            end += 1
    tokens = index.tokens[words[0].i : end]
    if sum(t.lower_ in QUOTE_MARKS for t in tokens) % 2:  # “a mistake,” cut at the comma
        tokens = [t for t in tokens if t.lower_ not in QUOTE_MARKS]
    return "".join(t.text_with_ws for t in tokens).strip()


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
    """The construction an event mention is recorded with (``EventMention.rule``)."""
    if verb.dep_ == "relcl":
        return "relative-clause"
    if verb.dep_ == "acl":
        return "participial-clause"
    if is_passive(verb, index):
        return "passive"
    if verb.dep_ == "conj":
        return "conjunction"
    return "verb"
