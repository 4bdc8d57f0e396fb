"""The model's entities as name spans: split where they coordinate two names (``coordination.py``), cleaned
up by the clean-up rules (trimmed, cut to the name a headline shares with the body, dropped when they name no
actor, retyped), with the plural names the model leaves untagged. ``actors.find_actors`` makes mentions and
chains of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import meaning, names
from ..lexicon import (
    ACTOR_NOUNS,
    ARTICLES,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    MILITARY_NOUNS,
)
from ..rules import appending
from .coordination import entity_parts
from .credits import dateline_credits, outlet_forms, staff_lines
from .docindex import DocIndex
from .labels import ACTOR_LABELS, DESCRIPTOR_MODIFIERS, PLACE_LABELS
from .nametokens import nicknamed_end, particle, place_word, role_word, surname_word
from .plurals import plural_names

__all__ = ["CLEANUPS", "name_spans", "qualifying_place"]


@dataclass(frozen=True)
class _Context:
    headline: set[int]  # tokens of title-case lines
    body_names: set[str]  # folded entity texts outside them
    proper_words: set[str]  # words of the entities outside them that hold a proper noun, as written
    credits: set[str]  # folded names of the agencies a dateline credits ("BRUSSELS (Reuters) —")
    staff_lines: list[tuple[int, int]]  # character bounds of the lines that credit a wire's staff
    outlet: tuple[frozenset[str], frozenset[str]]  # folded names of the article's own outlet (credits.outlet_forms)


Cleanup = Callable[[Span, _Context], "Span | None"]  # the span as cleaned (maybe the same), or None to drop it
CLEANUPS: list[Cleanup] = []


_cleanup = appending(CLEANUPS, "mention")


def name_spans(doc: Doc, *, index: DocIndex | None = None, outlet: str | None = None,
               ) -> tuple[list[tuple[Span, str]], set[int]]:
    """The model's entities that name actors or places and the plurals it left untagged, in order, cleaned up;
    with the rule behind each (``entity`` or ``plural-name``, or the clean-up that last changed its span or type).
    Also the tokens of the entities a credit rule dropped (the outlet and its staff): no later rule may read
    them as a name ("Hill spoke to The Hill", where Rep. French Hill is named). ``outlet``: the article's
    outlet, which is no actor of its story."""
    index = index if index is not None else DocIndex(doc)
    ents = index.ents
    headline = _headline_tokens(index.tokens)
    body = [e for e in ents if e.start not in headline]
    named = [e for e in body if e.label_ in ACTOR_LABELS | PLACE_LABELS and any(t.tag_ in {"NNP", "NNPS"} for t in e)]
    proper = {t.text for e in named for t in e if t.is_alpha}
    context = _Context(headline, {names.fold(e.text) for e in body}, proper, dateline_credits(ents),
                       staff_lines(doc.text), outlet_forms(outlet))
    spans = []
    credited: set[int] = set()
    plurals = [(span, plural_names.rule.name) for span in plural_names(doc, index, headline)]  # type: ignore[attr-defined]
    for ent, first_rule in sorted(entity_parts(ents) + plurals, key=lambda p: p[0].start):
        span: Span | None = ent
        found_by = first_rule
        for clean in CLEANUPS:
            cleaned = clean(span, context)  # type: ignore[arg-type]
            if cleaned is None:
                if clean in _CREDITS:
                    credited.update(range(span.start, span.end))  # type: ignore[union-attr]
                span = None
                break
            if (cleaned.start, cleaned.end, cleaned.label_) != (span.start, span.end, span.label_):  # type: ignore[union-attr]
                found_by = clean.rule.name  # type: ignore[attr-defined]
            span = cleaned
        if span is not None:
            spans.append((span, found_by))
    return spans, credited


#: Words a name never ends with: a possessive mark, a preposition, a determiner or a conjunction ("National
#: Player of", where the model's entity stops before "the Year").
_TRAILING_TAGS = frozenset({"POS", "IN", "DT", "CC", "TO"})


@_cleanup("nicknamed-name", "a person's given name, a nickname in parentheses and a surname are one name, where the "
          "model tagged a part of it or the whole as something else", "Deputy Luis Gerardo (Jerry) Ortiz (tagged "
          "\"Luis Gerardo\") -> Luis Gerardo (Jerry) Ortiz, PERSON; Adam (Pacman) Jones")
def nicknamed_name(span: Span, context: _Context) -> Span | None:
    """US news writes a nickname so ("Kimani (Kiki) Gray"); the model then tags a part of the name, or the whole
    as an organisation, and the surname that other articles use with the nickname is lost. The name may start
    inside the entity ("Deputy Luis Gerardo": the title stays out) or a few words before it ("Jones" of "Adam
    (Pacman) Jones"), the nearest start first."""
    doc = span.doc
    for start in [*range(span.start, span.end), *range(span.start - 1, max(-1, span.start - 7), -1)]:
        end = nicknamed_end(doc, start)
        if end <= span.start or start >= span.end:
            continue
        whole = span.start == start and span.end == end  # the model saw one name, whatever it tagged
        if not (whole or names.gender(doc[start].text) or doc[start].ent_type_ == "PERSON"):
            continue
        if any(e.start < span.start and e.end > start and e.label_ in ACTOR_LABELS for e in doc.ents):
            return None  # an earlier entity of the name takes it all
        return Span(doc, start, max(end, span.end), label="PERSON")
    return span


@_cleanup("particle-surname", "a person's name that stops at a surname particle (\"von der\") runs on to the "
          "capitalised word after it, which no other entity then takes", "European Commission President Ursula von der "
          "Leyen (tagged \"Ursula von der\" and \"Leyen\") -> Ursula von der Leyen, PERSON")
def particle_surname(span: Span, context: _Context) -> Span | None:
    """The small model splits some particle surnames (always "von der Leyen": a person, then the surname as a
    place), so the surname other articles write alone never meets the given name."""
    doc = span.doc
    if span.label_ == "PERSON" and particle(span[-1]):
        end = span.end
        while end < len(doc) and particle(doc[end]):
            end += 1
        return Span(doc, span.start, end + 1, label="PERSON") if surname_word(doc, end) else span
    first = span.start  # the particles before the span, and a person's name ending in one of them
    while first > 0 and particle(doc[first - 1]):
        first -= 1
    if first < span.start and surname_word(doc, span.start) and any(
            e.label_ == "PERSON" and first < e.end <= span.start and particle(doc[e.end - 1]) for e in doc.ents):
        return None  # the person's name runs on to it
    return span


@_cleanup("initial-given-name", "a person's name that the model starts at a middle initial runs back to the "
          "capitalised proper noun just before it (not a title)",
          "Secretary of State Antony J. Blinken (tagged \"J. Blinken\") -> Antony J. Blinken")
def initial_given_name(span: Span, context: _Context) -> Span | None:
    """Papers write a middle initial ("Antony J. Blinken", "Regina M. Benjamin"); the small model sometimes
    starts the name there, and "J. Blinken" then meets no other article's "Antony Blinken". The word before
    must be a proper noun of letters only on the same line (not an abbreviated title: "Sen. J. D. Vance"), no
    title ("Judge I. Leo Glasser"), place or other entity."""
    doc, i = span.doc, span.start - 1
    given = doc[i] if i >= 0 else None
    if (span.label_ != "PERSON" or given is None or not (len(span[0]) == 2 and span[0].text[0].isupper()
            and span[0].text[1] == ".") or given.tag_ != "NNP" or not given.is_title or not given.is_alpha
            or given.ent_type_ or "\n" in given.whitespace_ or role_word(given) or place_word(given)):
        return span
    return Span(doc, i, span.end, label="PERSON")


@_cleanup("dateline-credit", "the agency a dateline credits (\"BRUSSELS (Reuters) —\") filed the story: neither there "
          "nor named again (\"a source told Reuters\") is it an actor of it", "WASHINGTON (Reuters) - The Fed held "
          "rates, a source told Reuters. -> no actor Reuters")
def dateline_credit(span: Span, context: _Context) -> Span | None:
    return None if names.fold(span.text) in context.credits else span


@_cleanup("staff-credit", "a wire's line that credits its staff (\"(Reporting by ...; Editing by ...)\") names no "
          "actor", "(Reporting by Moscow bureau; Editing by Mark Hollis) -> no actor Mark Hollis")
def staff_credit(span: Span, context: _Context) -> Span | None:
    return None if any(a <= span.start_char < b for a, b in context.staff_lines) else span


@_cleanup("trim", "articles, leading and trailing punctuation, line breaks, possessive marks, trailing function "
          "words and a parenthesis left open are not part of a name; an acronym in parentheses after it is, closed",
          "the United States’ envoy -> United States; the US National Hurricane Center (NHC -> US National Hurricane "
          "Center (NHC)")
def trim(ent: Span, context: _Context) -> Span | None:
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].lower_ in ARTICLES or ent.doc[start].is_punct or ent.doc[start].is_space):
        start += 1
    for _ in range(2):  # trailing words, then again before a parenthesis that is left open
        while end > start and (ent.doc[end - 1].tag_ in _TRAILING_TAGS or ent.doc[end - 1].is_punct
                               or ent.doc[end - 1].is_space or _lower_word(ent, ent.doc[end - 1])):
            end -= 1
        words = [t.text for t in ent.doc[start:end]]
        if "(" not in words or ")" in words[words.index("("):]:
            break
        if (words[-2:-1] == ["("] and names.is_acronym(words[-1]) and ent.label_ in {"ORG", "FAC"}
                and end < len(ent.doc) and ent.doc[end].text == ")"):
            end += 1  # its acronym, closed just after: "(NHC)" is the name's other form (names.name_forms)
            break
        end = start + words.index("(")
    if end == start:
        return None
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label_)


def _lower_word(ent: Span, tok: Token) -> bool:
    """A person's name ends on no word in lower case after its capitalised words ("Ross doesn't", "Herbert
    Flynn Jr told", "Marissa Kohler — dubbed"), except after a hyphen, spaced or not: a hyphenated name
    ("Ban Ki-moon", "Kim Jong - il" in re-tokenised text) ends in lower case; a name all in lower case is left
    to the other rules ("sarah palin's")."""
    doc = ent.doc
    hyphenated = tok.i >= 1 and doc[tok.i - 1].text == "-"  # "Kim Jong-il", re-tokenised "Kim Jong - il" too
    return (ent.label_ == "PERSON" and tok.is_lower and tok.is_alpha and not particle(tok) and not hyphenated
            and any(t.is_alpha and t.text[:1].isupper() for t in doc[ent.start:tok.i]))


@_cleanup("own-outlet", "the article's own outlet, named in full (two words or more) or after \"the\" by the last "
          "words of its name, published the story and is no actor of it", "Mr Kilavuka told the Business Daily on "
          "Monday. (in The East Africa Business Daily) -> no actor Business Daily")
def own_outlet(span: Span, context: _Context) -> Span | None:
    """A paper quotes people who spoke to it ("told the Journal", "the Times reported"); only its own articles
    name it, so it would be a single-source actor of every story it covers. Runs after ``trim`` (no "the"). A
    place stays: "the UK" in HuffPost UK, "across the Atlantic" in The Atlantic."""
    full, tails = context.outlet
    if span.label_ in PLACE_LABELS or names.place(span.text):
        return span
    key = names.fold(span.text)
    after_the = span.start > 0 and span.doc[span.start - 1].lower_ == "the"
    return None if key in full or (after_the and key in tails) else span


#: The rules that drop what the article says of itself: its agency, staff and outlet are no names of the story.
_CREDITS = frozenset({dateline_credit, staff_credit, own_outlet})


@_cleanup("headline-name", "in a title-case headline, keep only the longest part of an entity the body also names, "
          "or that is a person's name of a given name the name table knows and a surname",
          "HP To Acquire Data Center Cooling Firm EYP -> HP; Lindsay Lohan Checks Into Rehab -> Lindsay Lohan")
def headline_name(span: Span, context: _Context) -> Span | None:
    if span.start not in context.headline:
        return span
    if names.fold(span.text) in context.body_names or names.place(span.text) or _given_and_surname(span):
        return span
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            part = Span(span.doc, start, start + size, label=span.label_)
            if names.fold(part.text) in context.body_names or names.place(part.text) or _given_and_surname(part):
                return part
    return None


def _given_and_surname(span: Span) -> bool:
    """A PERSON of a given name the name table knows, then a surname, only initials between them ("Lindsay
    Lohan", "John F. Kennedy"), where the model's entity may run on into the headline's verb ("Lindsay Lohan Checks
    Into Rehab"). A headline often names the person its body calls "the actress". Title case tags every word a
    proper noun, so a "surname" that is a verb's form ("Kate Checks", "Lindsay Arrested") is refused: WordNet's
    verbs ("Hunt", "Page" too, which then need the body's word)."""
    given, surname, inside = span[0], span[-1], span[1:-1]
    return (span.label_ == "PERSON" and len(span) >= 2 and bool(names.gender(given.text))
            and all(len(t.text.rstrip(".")) == 1 and t.text[:1].isupper() for t in inside)
            and surname.is_alpha and surname.text[:1].isupper() and given.is_alpha and not _verb_form(surname.lower_))


def _verb_form(word: str) -> bool:
    """Whether a word is a form of a WordNet verb ("checks", "arrested", "dies", "wins")."""
    forms = {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ed"), word.removesuffix("d"),
             word.removesuffix("ing"), word[:-3] + "y" if word.endswith("ies") else word}
    return any(meaning.senses(f) for f in forms if f)


@_cleanup("demonym-adjective", "a demonym used as an adjective names no actor of its own", "Ukrainian officials said ...")
def demonym_adjective(span: Span, context: _Context) -> Span | None:
    is_adjective = len(span) == 1 and (span[0].tag_ == "JJ" or span[0].dep_ == "amod") and span.label_ in {"NORP", "GPE"}
    return None if is_adjective else span


@_cleanup("demonym-person", "a demonym for one person, after a determiner, a number or an adjective (\"the "
          "40-year-old American\", \"an Australian\"), describes someone and names no actor of its own",
          "Klitschko stopped the 40-year-old American in the sixth round.")
def demonym_person(span: Span, context: _Context) -> Span | None:
    """Someone the article names elsewhere, as a rule ("American challenger Tony Thompson"): as a name, a false
    single-source actor that keeps "stop American" apart from "stop Tony Thompson". Not a people ("the French",
    "the Dutch", "the Chinese": no plural of their own) nor a title (the newspaper "The Australian")."""
    word = span[0]
    if (len(span) != 1 or span.label_ != "NORP" or word.tag_ != "NNP" or not names.demonym(word.text)
            or word.lower_.endswith(("sh", "ch", "ese", "ss"))):
        return span
    modifiers = [c for c in word.children if c.dep_ in {"det", "nummod", "amod"}]
    return None if modifiers and not any(c.text == "The" and not c.is_sent_start for c in modifiers) else span


@_cleanup("common-noun", "an entity of common nouns and adjectives only (the parser's tags) is no name; a known "
          "place or a demonym stays, and so does a name whose words the article writes in a proper name elsewhere "
          "(\"Cheeks\" of \"Maurice Cheeks\")", "Eyewitnesses said the plane ... (Eyewitnesses tagged GPE)")
def common_noun(span: Span, context: _Context) -> Span | None:
    if not all(t.tag_ in _COMMON_TAGS for t in span) or names.place(span.text) or names.demonym(span.text):
        return span
    # the tagger takes surnames that are also words ("Cheeks", "Jeffs", "Brees") for common nouns where they
    # open a sentence; the model tagged a name, and the article's other names hold it
    words = [t.text for t in span if t.is_alpha]
    return span if words and all(w in context.proper_words for w in words) else None


_COMMON_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB"})


@_cleanup("title-word", "a word the model tags inside a title belongs to the title",
          "Secretary of State Marco Rubio -> not the organisation State")
def title_word(span: Span, context: _Context) -> Span | None:
    head = span.root.head
    inside = (len(span) == 1 and span.root.dep_ == "pobj" and head.lower_ == "of"
              and head.head.lower_ in names.TITLE_WORDS and head.head.dep_ in {"compound", "nmod"})
    return None if inside else span


@_cleanup("no-name-word", "a name of punctuation, courtesy titles or role words only names nobody", "Mr. -> dropped")
def no_name_word(span: Span, context: _Context) -> Span | None:
    return span if names.names_someone(span.text) else None


@_cleanup("capitalised-description", "capitalised words headed by a singular noun for a person (\"Perennial Party Girl\", "
          "\"National Player\") are a description written in title case, not an organisation's name; an office "
          "(\"Surgeon General\") names its holder and stays",
          "Tara Reid's representative confirms the Perennial Party Girl has checked into rehab")
def capitalised_description(span: Span, context: _Context) -> Span | None:
    last = span[-1]
    described = (span.label_ not in PLACE_LABELS and span.label_ != "PERSON" and len(span) > 1 and last.tag_ == "NNP"
                 and ACTOR_NOUNS.get(last.lower_) == "PERSON" and last.lower_ not in names.TITLE_WORDS and all(t.text[:1].isupper() for t in span)
                 and not any(names.demonym(t.text) or names.place(t.text) or names.gender(t.text) for t in span))
    return None if described else span


#: Heads after which a place names the state whose organ they are ("US officials", "Russian forces"): the
#: place stays an actor there, as the owner of the group.
_ORGAN_NOUNS = GOVERNMENT_NOUNS | MILITARY_NOUNS | GROUP_NOUNS


@_cleanup("place-qualified", "a place that modifies a common noun for people or an organisation says where they are "
          "from, and is no actor of its own: the noun phrase is the actor", "a New York company; a Brooklyn jury")
def place_qualified(span: Span, context: _Context) -> Span | None:
    return None if qualifying_place(span) else span


def qualifying_place(span: Span) -> bool:
    """Whether a place modifies a common noun for people or an organisation after it ("a New York company",
    "the U.S. envoy"), which the noun phrase names; also read by ``repeated-name`` for the words it adds."""
    root, head = span.root, span.root.head
    return (span.label_ in PLACE_LABELS and root.dep_ in DESCRIPTOR_MODIFIERS and head.i >= span.end
            and head.tag_ in {"NN", "NNS"} and head.lemma_.lower() in ACTOR_NOUNS
            and head.lower_ not in _ORGAN_NOUNS and head.lemma_.lower() not in _ORGAN_NOUNS
            and head.dep_ not in DESCRIPTOR_MODIFIERS)  # not "U.S. envoy Steve Witkoff": a title of a name


@_cleanup("known-place-type", "a place or organisation in the place table keeps the table's type",
          "Kyiv (tagged PERSON by the model) -> GPE")
def known_place_type(span: Span, context: _Context) -> Span | None:
    known = names.place(span.text)
    return Span(span.doc, span.start, span.end, label=known[0]) if known and known[0] != span.label_ else span


@_cleanup("hometown", "a name tagged PERSON that follows a person's name (or the age set off after it) as the "
          "object of \"of\", or is set off after such a name, is where that person is from: a place",
          "Vishwanand Subryan, 23, of Schenectady, N. Y. (both tagged PERSON) -> GPE")
def hometown(span: Span, context: _Context) -> Span | None:
    """News names a private person with age and home town ("LuAnn Johnson, of Burnsville"); the model often
    takes a town it does not know for a person, who then draws the article's "the woman" and "his"."""
    root = span.root
    for _ in range(2):  # "of Schenectady, N. Y.": the state set off after the town
        if root.dep_ != "appos" or root.head.i >= span.start:
            break
        root = root.head
    if span.label_ != "PERSON" or root.dep_ != "pobj" or root.head.lower_ != "of" or any(
            t.dep_ == "det" for t in root.children):  # "Hamp Pool of the Rams": a team, not a town
        return span
    owner = root.head.head
    if owner.like_num and owner.dep_ == "appos":  # "Subryan, 23, of ..."
        owner = owner.head
    if owner.ent_type_ != "PERSON" or span.start <= owner.i < span.end:
        return span
    return Span(span.doc, span.start, span.end, label="GPE")


@_cleanup("mountain-name", "a name with \"Mount\" or \"Mt\" before its last word names a mountain (or a place "
          "on one), whatever the model tagged it, unless an organisation's noun ends it", "Aoraki Mount Cook (tagged "
          "PERSON) -> LOC; Mt Cook (tagged ORG) -> LOC; not the Mount Sinai Hospital")
def mountain_name(span: Span, context: _Context) -> Span | None:
    """The model takes mountains it does not know ("Mt Cook", "Mount Sefton") for organisations or people; a
    person then draws "the man" of the article, an organisation "the company"."""
    words = [t.lower_.rstrip(".") for t in span]
    if span.label_ not in {"PERSON", "ORG"} or "mount" not in words[:-1] and "mt" not in words[:-1]:
        return span
    if ACTOR_NOUNS.get(words[-1]) == "ORG":
        return span
    return Span(span.doc, span.start, span.end, label="LOC")


#: Words title case leaves lower-case: articles, prepositions, conjunctions, the infinitive "to".
_MINOR_TAGS = frozenset({"DT", "IN", "TO", "CC"})


def _headline_tokens(tokens: list[Token]) -> set[int]:
    """Tokens of title-case lines ("HP To Acquire Data Center Cooling"), where the model's entities run wild."""
    out: set[int] = set()
    line: list[int] = []
    ends: list[Token | None] = [*tokens, None]  # None closes the last line
    for token in ends:
        if token is not None and not (token.is_space and "\n" in token.text):
            line.append(token.i)
            if "\n" not in token.whitespace_:
                continue
        # title case leaves articles, short prepositions and conjunctions lower-case ("Returns to Host the Oscars")
        words = [tokens[i] for i in line if tokens[i].is_alpha and not (tokens[i].is_lower and tokens[i].tag_ in _MINOR_TAGS)]
        ends_sentence = bool(line) and tokens[line[-1]].text in {".", "”", '"'}  # "!" and "?" end headlines too
        if len(words) >= 3 and not ends_sentence and sum(w.text[0].isupper() for w in words) >= 0.75 * len(words):
            out.update(line)
        line = []
    return out
