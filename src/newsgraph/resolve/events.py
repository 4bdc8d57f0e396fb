"""Which event mentions of a story are one happening: the ``event-merge`` rules.

Mentions are taken in article order (articles sorted by id); each joins the first compatible event of its
class (its predicate's synonym class, lemma or nominalisation), events sharing one of its actors first; else,
in an article's lead, the event of another lead with its agent and another participant (``same-participants``);
else it starts a new one. Compatible: no clash of agents, patients or objects (``no-clash``). Then a general
noun joins the happening it names again ("in a surprising move, the Sixers fired ..."), speech acts of
different articles that relay one statement join (``reports``), and the learned step (``event_pairs``)
joins events of different articles the rules kept apart. The rule recorded on each
mention says how its predicate relates to the event's first mention.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from .. import meaning
from ..iris import slug
from ..lexicon import REPORTING_VERBS, event_class
from ..model import Actor, EntityRef, Event, EventMention, Extraction
from ..rules import named, rule
from . import event_pairs, learned, reports
from .learned import LEAD_SENTENCES
from .actors import unique_keys
from .unionfind import UnionFind

SAME_PARTICIPANTS = "same-participants"  # the rule below, recorded on the mentions it joins
NEW = named("event-merge", "new", "no earlier event of its story fits: the first mention of a happening",
            "Witkoff left the meeting.")
SAME_PREDICATE = named("event-merge", "same-predicate", "the same predicate lemma as the event's first mention",
                       "Witkoff left (000) / Witkoff left (003)")
SYNONYM = named("event-merge", "synonym", "a predicate of the same synonym class", "Witkoff left / Witkoff walked out")
SHELL_NOUN = named("event-merge", "shell-noun", "a general noun joins the happening its sentence tells, as "
                   "extraction's shell-noun rule found it", "In a surprising move, the Sixers fired Jim O'Brien.")
RESULTATIVE = named("event-merge", "resultative", "a death joins the happening it ends, as extraction's resultative "
                    "rule found it", "A Michigan man shot to death one person.")
NOMINALISATION = named("event-merge", "nominalisation", "a verb and a noun of one predicate",
                       "Witkoff left / Witkoff's departure")


@dataclass
class _EventCluster:
    cls: str
    index: int
    members: list[tuple[str, int]] = field(default_factory=list)
    agents: set[str] = field(default_factory=set)
    patients: set[str] = field(default_factory=set)
    everyone: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)  # its mentions' predicates
    keys: set[str] = field(default_factory=set)  # their blocking keys (blocking_keys)
    context: set[str] = field(default_factory=set)  # the actors its mentions' sentences name
    reporting: bool = False  # one of its mentions is a speech act ("said", "suggestion")
    lead_agents: set[str] = field(default_factory=set)  # the agents of its mentions in a lead, speech acts aside
    lead_others: set[str] = field(default_factory=set)  # their other participants
    denied_only: bool = False  # every mention says it did not (or would only) happen, and names no participant


def _roles(ev: EventMention, doc_id: str, actor_key: dict[EntityRef, str]) -> tuple[set[str], set[str], set[str]]:
    def keys(ids: tuple[int, ...]) -> set[str]:
        return {actor_key[(doc_id, i)] for i in ids}

    return keys(ev.agents), keys(ev.patients), keys(ev.others)


def _object_word(ev: EventMention) -> str:
    return ev.object.split()[-1].lower() if ev.object and not ev.patients else ""


@rule("event-merge", "no-clash", "a mention joins an event of its class only if no agents, patients or objects clash; "
      "participants clash when they have no one in common and, across articles, both sides name someone (a "
      "description such as \"the inmate\" may be the named one), objects only within one article", "Witkoff left the meeting / Witkoff left Paris: "
      "two happenings; Comeaux escaped / the inmate escaped: one; stole weapons / stole guns (two articles): one")
def compatible(c: _EventCluster, agents: set[str], patients: set[str], everyone: set[str], obj: str,
               named: frozenset[str] = frozenset(), doc_id: str = "") -> bool:
    """Same kind of happening, and no different agents or patients: within a story, a predicate named again
    is the same happening unless its participants say otherwise. Only named participants say otherwise: an
    actor known by a description alone ("the inmate", "the star", "officials") is often the named one of
    another article, which resolution could not tie to its name. Different objects keep two mentions of one
    article apart unless an actor takes part in both ("left the meeting" / "leaving it dependent" are two;
    "enter rehab" / "enter the program" by one person is one happening worded twice); across articles,
    outlets word one object in many ways ("weapons" / "guns", "stint" / "stay", "flaw" / "bug")."""
    # within one article its own resolution knows who is who: any two different participants clash there
    # ("Macron declined to disclose" / "sources revealed"); across articles only named ones do
    pinned = named if doc_id not in c.articles else None
    if _clash(agents, c.agents, pinned) or _clash(patients, c.patients, pinned):
        return False
    if everyone & c.everyone:
        return True
    return doc_id not in c.articles or not (obj and c.objects and not any(_similar(obj, o) for o in c.objects))


@rule("event-merge", "speech-tie", "across articles, a speech act (say, argue, suggest, accuse ...) without shared "
      "participants joins another only when their sentences name an actor in common, not counting a speaker the "
      "other sentence only speaks of",
      "Analysts argue that ... (000) / He argues that ... (003): two speech acts")
def speech_tie(c: _EventCluster, doc_id: str, everyone: set[str], context: set[str], reporting: bool,
               agents: set[str]) -> bool:
    """Speech acts are many and each belongs to its speaker: one matched by its verb alone in another
    article ("intelligence suggests" / "Witkoff's suggestion") is nearly always another speech act. Other
    predicates merge as before: on ECB+ the same tie asked of every actor-less mention loses more true
    merges than false ones (docs/quality.md)."""
    if doc_id in c.articles or not (reporting or c.reporting):
        return True
    # a participant or a sentence actor in common; one side's speaker only spoken of by the other does not tie
    # them ("Analysts argue that Zelenskiy's refusal ..." / "Zelenskyy argues that Witkoff's position ...")
    return bool(agents & c.agents) or bool(((context | everyone) - agents) & ((c.context | c.everyone) - c.agents))


@rule("event-merge", SAME_PARTICIPANTS, "across articles, two mentions in their articles' leads (first two "
      "sentences) whose predicates are not of one kind are one happening when they share the agent and another "
      "participant, and none clash", "Wladimir Klitschko stopped Hasim Rahman (a) / Klitschko blasted Rahman (b)")
def same_participants(c: _EventCluster, doc_id: str, agents: set[str], everyone: set[str]) -> bool:
    """Outlets name a story's main happening with verbs WordNet does not relate ("stopped" / "blasted",
    "tipped off reporters" / "leaked information to reporters", "handed Nichols life sentences" / "was
    sentenced"), most often in the lead. Who did it and to whom, both in common, tie them; one participant in
    common does not ("Bettie Page was born" / "Bettie Page died", "Weitz is expected to direct" / "Weitz is
    taking over": docs/quality.md)."""
    return doc_id not in c.articles and bool(agents & c.lead_agents) and bool((everyone - agents) & c.lead_others)


#: Whether event meaning comes from WordNet as well as from the synonym list (measured on ECB+ dev).
USE_WORDNET = True


def blocking_keys(lemma: str) -> set[str]:
    """Blocking keys of a predicate: its synonym class, and its WordNet keys (any two predicates WordNet
    relates share one)."""
    keys = {f"class:{event_class(lemma)}"}
    if USE_WORDNET:
        keys |= {f"wn:{k}" for k in meaning.keys_of(lemma)}
    return keys


@rule("event-merge", "same-kind", "a mention joins only an event whose predicate names the same kind of happening: "
      "the same synonym class, or the same meaning in WordNet (synonyms, a verb and a way of doing it, a "
      "verb and its nominalisation) with a participant in common or none on either side",
      "bought / acquired / the acquisition; killed / slew")
def same_kind(c: _EventCluster, lemma: str, everyone: set[str]) -> bool:
    """WordNet relates many senses of general verbs ("go" and "leave"), so a WordNet-only match also needs
    a participant in common, or none on either side."""
    if event_class(lemma) == c.cls or lemma in c.lemmas:
        return True
    if not USE_WORDNET or bool(everyone) != bool(c.everyone) or (everyone and not everyone & c.everyone):
        return False
    return any(meaning.similarity(lemma, other) >= meaning.SHARED_SENSE for other in sorted(c.lemmas))


@rule("event-merge", "denial-tie", "across articles, a mention that says a happening did not take place, or would "
      "only under a condition, and names no participant joins only an event without participants (and the other "
      "way round)", "Zelenskiy's refusal to engage (000) / Bonne engaged with Yermak (003): two happenings; any "
      "escalation would face retaliation (000) / the reality facing Ukrainians (003): two")
def denial_tie(c: _EventCluster, doc_id: str, everyone: set[str], negative: bool) -> bool:
    """"refused to engage" says too little to be the same happening as another article's "engaged with
    Yermak", and merging them would make a false contested claim (one outlet denies, the other states). A
    conditional ("would face swift retaliation") names no actual happening either."""
    if doc_id in c.articles:
        return True
    if negative and not everyone:
        return not c.everyone
    return not (c.denied_only and everyone)


def _specific(actor: Actor, docs: dict[str, Extraction]) -> bool:
    """An actor a name, an owner or an origin pins down: "Steve Witkoff", "Zelenskiy's government", "Ukrainian
    officials" (its label capitalised), not "the inmate" or "officials"."""
    return any(w[:1].isupper() for w in actor.label.split()) or any(
        docs[d].mentions[i].kind == "NAME" for d, i in actor.mentions)


def _clash(ours: set[str], theirs: set[str], named: frozenset[str] | None) -> bool:
    """Two sets of participants clash when they share no one and each side names someone (``named``: the
    actors that count as named; None: every actor does)."""
    return event_pairs.clash(ours, theirs) and (named is None or bool(ours & named and theirs & named))


def _similar(a: str, b: str) -> bool:
    """Object heads that are one word, maybe spelled two ways ("center" / "centre")."""
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.8


def resolve_events(story: str, docs: dict[str, Extraction], actor_key: dict[EntityRef, str], actors: dict[str, Actor],
                   with_learned: bool = True) -> tuple[list[Event], dict[tuple[str, int], tuple[str, str]]]:
    """The story's events: the rules' clusters, then (``with_learned``) the learned step's joins."""
    clusters: list[_EventCluster] = []
    by_class_actor: dict[tuple[str, str], list[int]] = defaultdict(list)  # (key, actor) -> cluster indices
    by_class: dict[str, list[int]] = defaultdict(list)  # key -> cluster indices
    rule_of: dict[tuple[str, int], str] = {}
    named = frozenset(k for k, a in actors.items() if _specific(a, docs))
    by_lead_agent: dict[str, list[int]] = defaultdict(list)  # agent -> clusters it does in a lead
    for doc_id, ex in docs.items():
        named_in: dict[int, set[str]] = defaultdict(set)  # sentence -> the actors it names
        for m in ex.mentions:
            named_in[m.sentence].add(actor_key[(doc_id, m.local)])
        for i, ev in enumerate(ex.events):
            agents, patients, others = _roles(ev, doc_id, actor_key)
            context = named_in[ev.sentence]
            reporting = ev.lemma in REPORTING_VERBS
            everyone = agents | patients | others
            cls = event_class(ev.lemma)
            blocking = blocking_keys(ev.lemma)
            obj = _object_word(ev)
            # clusters of the same meaning, those sharing an actor first, then the oldest
            shared_set = {k for key in blocking for a in everyone for k in by_class_actor[(key, a)]}
            candidates = sorted(shared_set) + sorted({k for key in blocking for k in by_class[key]} - shared_set)
            unreal = ev.unreal
            target = next((clusters[k] for k in candidates if same_kind(clusters[k], ev.lemma, everyone)
                           and compatible(clusters[k], agents, patients, everyone, obj, named, doc_id)
                           and speech_tie(clusters[k], doc_id, everyone, context, reporting, agents)
                           and denial_tie(clusters[k], doc_id, everyone, unreal)), None)
            lead = ev.sentence < LEAD_SENTENCES and not reporting
            if target is None and lead and agents:
                near = sorted({k for a in agents for k in by_lead_agent[a]})
                target = next((clusters[k] for k in near if same_participants(clusters[k], doc_id, agents, everyone)
                               and compatible(clusters[k], agents, patients, everyone, obj, named, doc_id)
                               and denial_tie(clusters[k], doc_id, everyone, unreal)), None)
                if target is not None:
                    rule_of[(doc_id, i)] = SAME_PARTICIPANTS
            if target is None:
                target = _EventCluster(cls, len(clusters))
                clusters.append(target)
                rule_of[(doc_id, i)] = NEW.name
            elif (doc_id, i) not in rule_of:
                first = docs[target.members[0][0]].events[target.members[0][1]]
                rule_of[(doc_id, i)] = SAME_PREDICATE.name if first.lemma == ev.lemma else (
                    NOMINALISATION.name if first.nominal != ev.nominal else SYNONYM.name)
            # index the event under every (key, actor) pair it did not have yet
            for key in blocking - target.keys:
                by_class[key].append(target.index)
                for a in target.everyone:
                    by_class_actor[(key, a)].append(target.index)
            for a in everyone - target.everyone:
                for key in blocking | target.keys:
                    by_class_actor[(key, a)].append(target.index)
            if lead:
                for a in agents - target.lead_agents:
                    by_lead_agent[a].append(target.index)
                target.lead_agents |= agents
                target.lead_others |= everyone - agents
            target.keys |= blocking
            target.lemmas.add(ev.lemma)
            target.members.append((doc_id, i))
            target.articles.add(doc_id)
            target.context |= context
            target.reporting = target.reporting or reporting
            target.denied_only = (target.denied_only if len(target.members) > 1 else True) and (
                unreal and not everyone)
            target.agents |= agents
            target.patients |= patients
            target.everyone |= everyone
            if obj:
                target.objects.add(obj)
    if len(clusters) > 1:
        clusters = _join(clusters, _renamed(clusters, docs, SHELL_NOUN.name), SHELL_NOUN.name, rule_of)
    if len(clusters) > 1:
        clusters = _join(clusters, _renamed(clusters, docs, RESULTATIVE.name), RESULTATIVE.name, rule_of)
    if len(clusters) > 1:
        clusters = _join(clusters, reports.statements([c.members for c in clusters], docs, actor_key),
                         reports.SAME_REPORT, rule_of)
    may_be: dict[int, int] = {}  # cluster -> the cluster it may be the same happening as (may-be-same)
    if with_learned and len(clusters) > 1:
        kinds = {k: actors[k].type for k in named if actors[k].type in event_pairs.CLASHING_TYPES}
        clusters, may_be = _join_learned(clusters, docs, actor_key, kinds, rule_of)
    built = [(predicate, _event_label(predicate, c, docs, actor_key, actors), c)
             for c in clusters for predicate in (_predicate(c, docs),)]
    keys = unique_keys([(slug(label), "-".join(sorted(c.agents)) or "x") for _p, label, c in built])
    events: list[Event] = []
    event_of: dict[tuple[str, int], tuple[str, str]] = {}
    for (predicate, label, c), key in zip(built, keys):
        others = set().union(*(_roles(docs[d].events[i], d, actor_key)[2] for d, i in c.members))
        objects = tuple(sorted({docs[d].events[i].object for d, i in c.members} - {""}))
        events.append(Event(
            key, story, label, predicate, tuple(sorted(c.agents)), tuple(sorted(c.patients)),
            tuple(sorted(others - c.agents - c.patients)), tuple(c.members), objects,
            tuple(sorted({rule_of[m] for m in c.members})),
        ))
        event_of.update({m: (key, rule_of[m]) for m in c.members})
    events = [replace(e, may_be_same_as=keys[may_be[k]]) if k in may_be else e for k, e in enumerate(events)]
    return sorted(events, key=lambda e: e.key), event_of


def _renamed(clusters: list[_EventCluster], docs: dict[str, Extraction], rule: str) -> list[list[int]]:
    """The clusters grouped with the happening a noun of theirs names again (``renames``), as the extraction
    rule ``rule`` found it (each merge rule bears its extraction rule's name; records stored before the
    resultative rule say "nominal", and were all shell nouns)."""
    cluster_of = {m: k for k, c in enumerate(clusters) for m in c.members}
    uf: UnionFind[int] = UnionFind(range(len(clusters)))
    for d, ex in docs.items():
        at = {ev.start: i for i, ev in enumerate(ex.events)}
        for i, ev in enumerate(ex.events):
            if ev.renames in at and (ev.rule if ev.rule == RESULTATIVE.name else SHELL_NOUN.name) == rule:
                uf.union(cluster_of[(d, i)], cluster_of[(d, at[ev.renames])])
    return uf.groups()


def _join(clusters: list[_EventCluster], groups: list[list[int]], name: str,
          rule_of: dict[tuple[str, int], str]) -> list[_EventCluster]:
    """The clusters after a joining step: each group's first cluster takes the others' mentions and
    participants; the first mention of each joined cluster records the step's rule ``name``."""
    out = []
    for group in groups:
        kept = clusters[group[0]]
        for k in group[1:]:
            other = clusters[k]
            rule_of[other.members[0]] = name
            kept.members.extend(other.members)
            kept.agents |= other.agents
            kept.patients |= other.patients
            kept.everyone |= other.everyone
            kept.keys |= other.keys
            kept.articles |= other.articles
        out.append(kept)
    return out


def _join_learned(clusters: list[_EventCluster], docs: dict[str, Extraction], actor_key: dict[EntityRef, str],
                  kinds: dict[str, str], rule_of: dict[tuple[str, int], str]) -> tuple[list[_EventCluster], dict[int, int]]:
    """The clusters after the learned step (``event_pairs.joins``), and which of them may be the same happening
    as which other (``event_pairs.near``), by their index in the list returned."""
    views = event_pairs.views([c.members for c in clusters], [(c.agents, c.patients, c.everyone) for c in clusters],
                              [c.keys for c in clusters], docs, actor_key)
    scored = event_pairs.scores(views)
    groups = learned.groups(len(clusters), event_pairs.joins(views, kinds, scored))
    near = event_pairs.near(views, kinds, scored, groups, {d: ex.article.outlet_name for d, ex in docs.items()})
    return _join(clusters, groups, event_pairs.joins.rule.name, rule_of), near  # type: ignore[attr-defined]


def _event_label(predicate: str, c: _EventCluster, docs: dict[str, Extraction], actor_key: dict[EntityRef, str], actors: dict[str, Actor]) -> str:
    """ "leave meeting", "call Sergey Lavrov": the predicate and the first verbal mention's object; an event
    most of whose mentions are nouns goes by its most frequent noun ("meeting", not "convene coalition")."""
    mentions = [docs[d].events[i] for d, i in c.members]
    nouns = Counter(m.text.lower() for m in mentions if m.nominal)
    if 2 * sum(nouns.values()) > len(mentions):
        return min(nouns.items(), key=lambda nv: (-nv[1], nv[0]))[0]
    doc_id, i = next(((d, i) for d, i in c.members if not docs[d].events[i].nominal), c.members[0])
    first = docs[doc_id].events[i]
    if first.patients:
        tail = actors[actor_key[(doc_id, first.patients[0])]].label
    else:
        tail = first.label[len(first.lemma):].strip()
    return f"{predicate} {tail}".strip()


def _predicate(c: _EventCluster, docs: dict[str, Extraction]) -> str:
    """The most frequent verb of the cluster (a noun only when no verb names it); ties go to the class name."""
    mentions = [docs[d].events[i] for d, i in c.members]
    verbal = [m for m in mentions if not m.nominal] or mentions
    votes = Counter(m.lemma for m in verbal)
    return min(votes.items(), key=lambda lv: (-lv[1], lv[0] != c.cls, lv[0]))[0]
