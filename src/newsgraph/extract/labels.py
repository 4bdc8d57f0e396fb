"""Every set of dependency labels and entity labels the rules read, named by what it means.

spaCy English labels (ClearNLP dependencies, OntoNotes entities). No set is defined twice: a rule that
needs "a subject" names which subjects it means.
"""

from __future__ import annotations

#: Nominal subjects, active and passive ("Witkoff left", "the envoy was criticised").
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Subjects that can speak a claim: nominal, and clausal ("What he said angered Kyiv").
SUBJECTS = NOMINAL_SUBJECTS | {"csubj"}
#: Any subject, including the expletive of "it is said that": a clause with one is a clause.
CLAUSE_SUBJECTS = SUBJECTS | {"expl"}
#: Objects that undergo a verb ("called Rubio", "gave him").
OBJECTS = frozenset({"dobj", "dative"})
#: A noun said of something else: a copula's complement ("was an important step"), an object predicate.
PREDICATIVE = frozenset({"attr", "oprd"})
#: Modifiers before a name that bind a title to it ("U.S. envoy Steve Witkoff", "the star's rep").
PRE_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "det"})
#: Modifiers of a described actor that say whose or which it is ("Ukrainian forces").
DESCRIPTOR_MODIFIERS = frozenset({"amod", "compound", "nmod"})
#: Children that end a source phrase: "Zelenskyy, who ...," is "Zelenskyy"; "Witkoff’s" is "Witkoff".
PHRASE_STOPS = frozenset({"relcl", "appos", "punct", "cc", "conj", "acl", "case"})
#: Children through which a group noun belongs to its owner ("Foreign Ministry officials", "Kyiv's government").
OWNERS = frozenset({"compound", "poss"})

#: Entity labels that name actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
#: Entity labels that name places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels of a quote's speaker after a dash ("…” – Emmanuel Macron").
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Entity labels of time expressions.
TIME_LABELS = frozenset({"DATE", "TIME"})
#: Parts of speech that head a clause.
PREDICATES = frozenset({"VERB", "AUX"})
