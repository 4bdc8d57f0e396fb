"""Actor mentions in one article, and the chains that make them one actor.

The ``mention`` stage's rules, in the order applied:
1. names: the model's entities (``entity``), cleaned up by the clean-up rules of ``cleanups.py`` (trimmed,
   cut to the name a headline shares with the body, dropped when they name no actor: adjectival demonyms,
   words inside a title such as "Secretary of State", a "name" of titles only; retyped from the place
   table). A place named as a
   setting ("talks in Paris", the "MOSCOW, Sept. 4" dateline) is a mention, so coverage counts it, but it
   takes part in no event; an untagged proper noun spelling a name already found is a name too, and so is
   an untagged plural proper noun after "the" ("the Colts": ``plurals.py``);
2. roles: a definite role noun ("the U.S. envoy") bound to a name that carried the same role;
3. described actors: common nouns for people and organisations ("the suspect", "Ukrainian forces");
4. pronouns: he/she, they, who, to the most salient compatible antecedent.
Each mention records the rule that found it (``found_by``) and the ``chain`` rule that attached it to its
actor (``rule``), so a user can audit every mention and merge.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import names
from ..lexicon import ACTOR_NOUNS, LOCATIVE_PREPS
from ..model import ActorMention, LocalEntity
from ..rules import rule
from .chains import Chain, Found, attach_name, entities, record_name, title_tokens
from .cleanups import name_spans, qualifying_place
from .docindex import DocIndex
from .labels import DESCRIPTOR_MODIFIERS, PLACE_LABELS
from .nominals import age_modifier, described_mentions, role_mentions
from .pronouns import pronoun_mentions

__all__ = ["find_actors"]


def find_actors(doc: Doc, *, index: DocIndex | None = None, outlet: str | None = None,
                ) -> tuple[list[ActorMention], list[LocalEntity], dict[int, int]]:
    """Every actor mention of ``doc`` (published by ``outlet``) with its local entity; also token index ->
    mention index."""
    index = index if index is not None else DocIndex(doc)
    sentence_of = index.sentence_of
    chains: list[Chain] = []
    found: list[Found] = []

    settings: set[int] = set()  # token indices of places named as a setting: mentioned, but no participant
    spans, credited = name_spans(doc, index=index, outlet=outlet)
    for span, found_by in spans:
        if dateline(span) or (span.label_ in PLACE_LABELS and locative_place(span)):
            settings.update(range(span.start, span.end))
        chain, chain_rule = attach_name(span, chains)
        if chain_rule == "first-name" and span.label_ != "PERSON":  # "Sophie" (ORG) after "Sophie Lavoie"
            span = Span(doc, span.start, span.end, label="PERSON")
        record_name(chains[chain], span, title_tokens(span, index))
        found.append(Found(span, "NAME", span.label_, chain, chain_rule, found_by))

    found += repeated_names(doc, chains, found, index, credited)
    found += [Found(span, "NOMINAL", "", chain, "title", "role-noun") for span, chain in role_mentions(doc, chains, found, index)]
    found += [Found(span, "NOMINAL", "", chain, chain_rule, "described-actor")
              for span, chain, chain_rule in described_mentions(doc, chains, found, index)]
    found.sort(key=lambda f: f.span.start)
    for f in found:
        if (age := age_of(f.span, index)) is not None:
            chains[f.chain].ages.add(age)
            chains[f.chain].person_evidence = chains[f.chain].person_evidence or f.kind == "NAME"
    pronoun_mentions(doc, chains, found, index)

    mentions = [
        ActorMention(
            start=f.span.start_char, end=f.span.end_char, text=f.span.text, kind=f.kind,  # type: ignore[arg-type]
            ner=f.ner, sentence=sentence_of[f.span.start], head=f.span.root.lemma_.lower(), local=f.chain,
            rule=f.rule, found_by=f.found_by,
        )
        for f in found
    ]
    token_mention = {t: i for i, f in enumerate(found) for t in range(f.span.start, f.span.end) if t not in settings}
    return mentions, entities(chains), token_mention


@rule("mention", "age", "an age given with one person, by \"N-year-old\" or set off after the name or noun (\"Johnson, 66,\", "
      "\"Smith, age 61\"), is recorded on the person's actor", "Police say 66-year-old LuAnn Marie Johnson was killed. "
      "-> 66; A man, 35, was charged. -> 35")
def age_of(span: Span, index: DocIndex) -> int | None:
    """The age a mention's phrase gives a singular person, else None. News gives the ages of the people in
    it everywhere, and one age in a story tells "a 66-year-old woman" of one outlet is the "LuAnn Marie
    Johnson, 66" of another (``same-age``)."""
    root = span.root
    person = span.label_ == "PERSON" or (not span.label_ and ACTOR_NOUNS.get(root.lemma_.lower()) == "PERSON")
    # any name may be given an age ("35-year-old Gomes" is a person, whatever the model tagged him)
    if not (person or span.label_) or root.tag_ in {"NNS", "NNPS"}:
        return None
    for child in index.children(root):
        if age_modifier(child):
            numbers = [t for t in child.subtree if t.like_num]
        elif not person:
            continue  # a number set off after a place or an organisation is no age ("Flight 447")
        elif child.dep_ == "appos" and child.lower_ in {"age", "aged"}:
            numbers = [t for t in index.children(child) if t.like_num]
        elif child.dep_ == "appos" and child.like_num:
            numbers = [child]
        else:
            continue
        if len(numbers) == 1 and numbers[0].text.isdigit() and 0 < int(numbers[0].text) < 120:
            return int(numbers[0].text)
    return None


@rule("mention", "repeated-name", "a proper noun the model left untagged that spells a name (or surname) already "
      "found in the article; a capitalised common noun only when it spells a one-word name as written",
      "Zelenskyy met Macron. Later Zelenskyy left. Colts Clinch Berth (Colts: NNS) / The Colts won.")
def repeated_names(doc: Doc, chains: list[Chain], found: list[Found], index: DocIndex,
                   credited: set[int] | frozenset[int] = frozenset()) -> list[Found]:
    """The model often tags "Zelenskyy" in one sentence and not in the next; the tagger calls a headline's
    "Colts" a common noun where the body's "the Colts" is a team. ``credited``: tokens a credit rule took
    (the outlet, its staff), never a name. A word's key is its alias table's name where it has one ("IMF":
    "international monetary fund"), so the chains' keys of several words are looked up too."""
    taken = {t for f in found for t in range(f.span.start, f.span.end)} | set(credited)
    by_word: dict[str, set[int]] = {}
    for c in chains:
        for k in c.keys | c.surnames:
            by_word.setdefault(k, set()).add(c.index)
    written: dict[str, set[int]] = {}  # a one-word name as the article writes it -> its chains
    for c in chains:
        for w in c.names:
            if " " not in w:
                written.setdefault(w, set()).add(c.index)
    out = []
    for tok in index.tokens:
        if tok.i in taken or not tok.text[:1].isupper() or not (tok.pos_ == "PROPN" or tok.tag_ in {"NN", "NNS"}):
            continue
        key = names.canonical(tok.text)
        if tok.pos_ == "PROPN":
            fits = by_word.get(key, set())
        elif tok.dep_ in DESCRIPTOR_MODIFIERS:
            continue  # "Rice prices soared": the word, whatever person of the article bears it as a name
        else:  # a common noun only as written; a plural only for a group's name ("Colts"), not "Gates", "Banks"
            fits = {c for c in written.get(tok.text, set()) if tok.tag_ == "NN" or _label(chains[c]) != "PERSON"}
        if len(fits) == 1:
            chain = next(iter(fits))
            label = _label(chains[chain])
            span = Span(doc, tok.i, tok.i + 1, label=label)
            if names.place(tok.text) and qualifying_place(span):
                continue  # "The U.S. envoy": as for a tagged place, the description is the actor (a known
                # place only: a chain's label may be a person's mis-tag, "Zelenskyy's chief of staff")
            chain_rule = "same-name" if key in chains[chain].keys else "surname"
            out.append(Found(span, "NAME", label, chain, chain_rule, "repeated-name"))
    return out


def _label(chain: Chain) -> str:
    """A chain's entity type: its names' most frequent label (PERSON when none)."""
    return chain.label_votes.most_common(1)[0][0] if chain.label_votes else "PERSON"


# --- settings: mentioned, but no participant -------------------------------------------------------
@rule("mention", "dateline", "the place a story was filed from, opening its first line, is a setting",
      "MOSCOW, September 4 — A pivotal gathering in Paris ...")
def dateline(span: Span) -> bool:
    first = span.doc[span.start]
    line_start = first.i == 0 or "\n" in span.doc[first.i - 1].text_with_ws
    return line_start and span.text.isupper() and span.end < len(span.doc) and span.doc[span.end].text == ","


@rule("mention", "locative-place", "a place after a preposition of place is a setting, not a participant",
      "Macron met Zelenskyy in Paris.")
def locative_place(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS
