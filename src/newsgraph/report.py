"""The blind-spot report: one self-contained HTML file a journalist can read, on a laptop or a phone.

Built from query rows only: the bundled ``single-source-*``, ``shared-*`` and ``coverage-matrix`` queries
(their default kinds), plus ``assets/report-*.rq`` (articles, the names each outlet uses, the article of
each sentence). How an outlet reports a claim is shown in words where it is not plain; other columns a row
carries are shown beside it. No script, font or image; a Content-Security-Policy forbids any request, so
the file reads the same offline. The same store gives the same bytes (no timestamps; every list sorted).

>>> write_report(store, "out/report.html")   # doctest: +SKIP
PosixPath('out/report.html')
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from . import query
from .blindspots import tags
from .errors import ExportError
from .htmltext import anchor as _anchor
from .htmltext import h as _h
from .htmltext import heat as _heat
from .htmltext import highlight
from .htmltext import plural as _plural
from .htmltext import text as _text
from .store import Store

#: Columns the report itself lays out; any other column of a single-source row is shown as a detail.
_KNOWN = frozenset(
    {"story", "storyLabel", "actor", "event", "label", "type", "agents", "patients", "outlet", "articles", "mention", "evidence",
     "kind", "importance", "attribution", "source", "polarity", "certainty", "mayBeSameAs", "mayBeSameAsOutlets"}
)
TOP = 5  # claims of each kind an outlet's column shows before "more"
_KIND_WORDS = {"NAME": "name", "NOMINAL": "description", "PRONOUN": "pronoun"}


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    title: str
    published: str
    url: str


@dataclass(frozen=True)
class Claim:
    """Something only one outlet reports: an actor or an event, with the sentence that shows it."""

    kind: str  # "actor" or "event"
    iri: str
    label: str
    outlet: str
    detail: str  # the actor's type, or "agents → patients" of an event
    mention: str  # the words in the evidence that denote it
    evidence: str
    article: str  # id of the article the evidence sentence comes from
    articles: tuple[str, ...]  # every article of the outlet that reports it
    extra: tuple[tuple[str, str], ...] = ()  # further columns of the row: ("attribution", "…")
    tags: tuple[str, ...] = ()  # how the outlet reports it, where that is not plainly, in words ("hedged")


@dataclass(frozen=True)
class Shared:
    kind: str
    iri: str
    label: str
    detail: str
    outlets: tuple[str, ...]


@dataclass
class Story:
    name: str
    label: str = ""  # the story graph's rdfs:label ("Paris · Witkoff, Macron · 2025-09-04")
    outlets: list[str] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    shared: list[Shared] = field(default_factory=list)
    matrix: dict[tuple[str, str], int] = field(default_factory=dict)  # (actor label, outlet) -> mentions
    matrix_actors: list[tuple[str, str]] = field(default_factory=list)  # (iri, label), most covered first
    # shared actor IRI -> outlet -> [(name, kind, uses)]
    names: dict[str, dict[str, list[tuple[str, str, int]]]] = field(default_factory=dict)


def collect(store: Store) -> list[Story]:
    """Ask the store and arrange the rows by story; stories sorted by name."""
    stories: dict[str, Story] = {}

    def story(name: str | None) -> Story:
        key = name or "default"
        return stories.setdefault(key, Story(key))

    for r in query.run_asset(store, "report-articles"):
        s = story(r["story"])
        s.label = s.label or _text(r.get("storyLabel"))
        s.articles.setdefault(r["id"], Article(
            _text(r["id"]), _text(r["outlet"]), _text(r["title"]), _text(r["published"]), _text(r["url"])
        ))
    for s in stories.values():
        s.outlets = sorted({a.outlet for a in s.articles.values()})

    article_of: dict[str, list[str]] = defaultdict(list)
    for r in query.run_asset(store, "report-sentences"):
        article_of[_text(r["sentence"])].append(_text(r["id"]))

    for kind in ("actor", "event"):
        for r in _bundled(store, f"single-source-{kind}s"):
            story(r["story"]).claims.append(claim(kind, r, article_of))
        for r in _bundled(store, f"shared-{kind}s"):
            outlets = tuple(sorted(o.strip() for o in str(r["outlets"] or "").split(";") if o.strip()))
            detail = _text(r.get("type")) if kind == "actor" else _participants(r)
            story(r["story"]).shared.append(Shared(kind, r[kind], _text(r["label"]), detail, outlets))

    totals: dict[tuple[str, str], int] = defaultdict(int)
    for r in _bundled(store, "coverage-matrix"):
        if r.get("kind") not in (None, "named"):
            continue  # the default of the single-source and shared queries: named actors
        s = story(r["story"])
        s.matrix[(r["actor"], _text(r["outlet"]))] = int(r["mentions"])
        totals[(r["story"] or "default", r["actor"])] += int(r["mentions"])
        if (r["actor"], _text(r["label"])) not in s.matrix_actors:
            s.matrix_actors.append((r["actor"], _text(r["label"])))
    for s in stories.values():
        s.matrix_actors.sort(key=lambda a: (-totals[(s.name, a[0])], a[1].lower(), a[0]))

    shared_actors = {(s.name, x.iri) for s in stories.values() for x in s.shared if x.kind == "actor"}
    for r in query.run_asset(store, "report-names"):
        for s in stories.values():
            if (s.name, r["actor"]) in shared_actors:
                uses = s.names.setdefault(r["actor"], {}).setdefault(_text(r["outlet"]), [])
                uses.append((_text(r["name"]), str(r["kind"] or ""), int(r["uses"])))
    return [stories[k] for k in sorted(stories)]


def claim(kind: str, row: dict[str, Any], article_of: dict[str, list[str]]) -> Claim:
    """One row of ``single-source-actors`` or ``-events`` as a claim; unknown columns become its details.

    ``article_of`` maps a sentence's text to the articles holding it, to name the evidence's article.
    """
    articles = tuple(sorted(str(row.get("articles") or "").split()))  # GROUP_CONCAT has no order
    evidence = _text(row.get("evidence"))
    source = next((a for a in article_of.get(evidence, []) if a in articles), articles[0] if articles else "")
    detail = _text(row.get("type")) if kind == "actor" else _participants(row)
    extra = tuple((k, _text(v)) for k, v in row.items() if k not in _KNOWN and v not in (None, ""))
    return Claim(
        kind, str(row[kind]), _text(row.get("label")), _text(row.get("outlet")), detail,
        _text(row.get("mention")), evidence, source, articles, extra, tags(row),
    )


def generate_report(store: Store, *, title: str | None = None) -> str:
    """The report as one HTML document."""
    return render(collect(store), title=title)


def write_report(store: Store, path: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Write ``generate_report(store)`` to ``path`` (UTF-8, parent folders made); returns the path."""
    target, html = Path(path), generate_report(store, title=title)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8", newline="\n")
    except OSError as exc:  # a folder where the file goes, no permission, a full disk
        raise ExportError(f"{target}: cannot write the report ({exc.strerror or exc})") from exc
    return target


# --- rendering -------------------------------------------------------------------------------------------
def render(stories: list[Story], *, title: str | None = None) -> str:
    heading = title or ("Blind spots: " + ", ".join(s.label or s.name for s in stories) if stories else "Blind spots")
    css = (resources.files(__package__) / "assets" / "report.css").read_text(encoding="utf-8")
    n_articles = sum(len(s.articles) for s in stories)
    n_outlets = len({o for s in stories for o in s.outlets})
    out = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing may be fetched: the report is one file, read offline
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        f"<title>{_h(heading)}</title>",
        f"<style>\n{css}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_h(heading)}</h1>",
        f'<p class="lede">{len(stories)} {_plural(len(stories), "story", "stories")}, {n_outlets} '
        f'{_plural(n_outlets, "outlet", "outlets")}, {n_articles} {_plural(n_articles, "article", "articles")}. '
        "For each story: what only one outlet reports, most important first, with the sentence that says "
        "it; then what the outlets share, how much each outlet mentions each actor, and the names each "
        "outlet uses. Named actors, and events with a named participant or a source.</p>",
    ]
    if len(stories) > 1:
        out.append('<nav aria-label="Stories"><ul>')
        out += [f'<li><a href="#{_anchor(s.name)}">{_h(s.name)}</a></li>' for s in stories]
        out.append("</ul></nav>")
    out.append("</header>")
    out.append("<main>")
    if not stories:
        out.append('<p class="empty">The store holds no articles yet.</p>')
    for s in stories:
        out += _story(s)
    out += ["</main>", "<footer>Made by newsgraph from the store's query results "
            "(single-source-actors, single-source-events, shared-actors, shared-events, coverage-matrix).</footer>",
            "</body>", "</html>", ""]
    return "\n".join(out)


def _story(s: Story) -> list[str]:
    out = [f'<section class="story" id="{_anchor(s.name)}" data-story="{_h(s.name)}">',
           f"<h2>Story: {_h(s.label or s.name)}</h2>"]
    # the answer first: what only one outlet reports, most important first, with its evidence
    out.append('<h3 class="only">What only one outlet reports</h3>')
    if not s.claims:
        out.append('<p class="empty">Every named actor and event is reported by two or more outlets.</p>')
    # at a glance: each outlet's most important claim, one line each, so a phone shows every outlet at once
    out.append('<ul class="glance">')
    for i, outlet in enumerate(s.outlets):
        top = sorted((c for c in s.claims if c.outlet == outlet), key=lambda c: c.kind != "event")[:1]
        out += [f'<li data-outlet="{_h(outlet)}"><a href="#{_anchor(s.name)}-{i}">Only in {_outlet_name(outlet, s)}</a>: '
                f'<b>{_h(c.label)}</b> <span class="detail">{_h(c.detail)}</span></li>' for c in top]
    out.append("</ul>")
    out.append('<div class="outlets">')
    for i, outlet in enumerate(s.outlets):
        claims = [c for c in s.claims if c.outlet == outlet]
        out.append(f'<article class="outlet" id="{_anchor(s.name)}-{i}" data-outlet="{_h(outlet)}">'
                   f'<h4>Only in {_outlet_name(outlet, s)}</h4>')
        if not claims:
            out.append('<p class="empty">Nothing that no other outlet reports.</p>')
        for kind, heading in (("event", "Events"), ("actor", "Actors")):
            mine = [c for c in claims if c.kind == kind]
            if mine:  # the first TOP, the rest one click away
                more = (f'</ul><details class="more"><summary>{len(mine) - TOP} more {heading.lower()}</summary>'
                        '<ul class="claims">')
                out.append(f'<h5>{heading} ({len(mine)})</h5><ul class="claims">')
                out += [(more if i == TOP else "") + _claim(c, s.articles) for i, c in enumerate(mine)]
                out.append("</ul></details>" if len(mine) > TOP else "</ul>")
        out.append("</article>")
    out.append("</div>")
    out.append('<details class="sources"><summary>'
               f'{len(s.outlets)} {_plural(len(s.outlets), "outlet", "outlets")}, '
               f'{len(s.articles)} {_plural(len(s.articles), "article", "articles")}</summary><ul>')
    out += [f"<li>{_article_name(a)} — {_h(a.outlet)}</li>" for a in sorted(s.articles.values(), key=_article_key)]
    out.append("</ul></details>")

    out.append('<h3>What the outlets share</h3>')
    every = len(s.outlets)
    if not s.shared:
        out.append('<p class="empty">No named actor or event is reported by more than one outlet.</p>')
    for kind, heading in (("actor", "Actors"), ("event", "Events")):
        items = [x for x in s.shared if x.kind == kind]
        if not items:
            continue
        out.append(f'<h4>{heading}</h4><ul class="shared {kind}s">')
        for x in items:
            reach = "every outlet" if len(x.outlets) == every else f"{len(x.outlets)} of {every} outlets"
            detail = f' <span class="detail">{_h(x.detail)}</span>' if x.detail else ""
            out.append(f'<li data-iri="{_h(x.iri)}"><b>{_h(x.label)}</b>{detail} '
                       f'<span class="reach" title="{_h("; ".join(x.outlets))}">{reach}</span></li>')
        out.append("</ul>")

    out += _matrix(s)
    out += _names(s)
    out.append('<details class="sources"><summary>'
               f'{len(s.outlets)} {_plural(len(s.outlets), "outlet", "outlets")}, '
               f'{len(s.articles)} {_plural(len(s.articles), "article", "articles")}</summary><ul>')
    out += [f"<li>{_article_name(a)} — {_h(a.outlet)}</li>" for a in sorted(s.articles.values(), key=lambda a: (a.outlet, a.id))]
    out.append("</ul></details>")
    out.append("</section>")
    return out


def _outlet_name(outlet: str, s: Story) -> str:
    """An outlet by its name; one that is only "article ID" by its headline when it has one."""
    mine = [a for a in s.articles.values() if a.outlet == outlet]
    if len(mine) == 1 and outlet == f"article {mine[0].id}" and mine[0].title:
        return f"“{_h(mine[0].title)}” <span class=\"detail\">({_h(outlet)})</span>"
    return _h(outlet or "(no name)")


def _claim(c: Claim, articles: dict[str, Article]) -> str:
    detail = f' <span class="detail">{_h(c.detail)}</span>' if c.detail else ""
    extra = "".join(f'<span class="tag">{_h(t)}</span>' for t in c.tags) + "".join(
        f'<span class="extra" data-column="{_h(k)}"><span class="key">{_h(k)}</span> {_h(v)}</span>' for k, v in c.extra
    )
    source = articles.get(c.article)
    named = _article_name(source) if source else f"article {_h(c.article)}"
    others = [a for a in c.articles if a != c.article]
    also = f" (also in {', '.join(_h(a) for a in others)})" if others else ""
    return (
        f'<li class="claim {c.kind}" data-iri="{_h(c.iri)}" data-label="{_h(c.label)}">'
        f'<div class="what"><b>{_h(c.label)}</b>{detail}{extra}</div>'
        f'<blockquote class="evidence">{highlight(c.evidence, c.mention)}</blockquote>'
        f'<div class="source">— {named}{also}</div></li>'
    )


def _matrix(s: Story) -> list[str]:
    if not s.matrix_actors:
        return []
    top = max(s.matrix.values(), default=1) or 1
    out = ['<h3>Coverage: how often each outlet mentions each actor</h3>',
           '<div class="matrix-wrap"><table class="matrix"><thead><tr><th scope="col">Actor</th>']
    out += [f'<th scope="col">{_h(o)}</th>' for o in s.outlets]
    out.append("</tr></thead><tbody>")
    for iri, label in s.matrix_actors:
        cells = []
        for outlet in s.outlets:
            n = s.matrix.get((iri, outlet), 0)
            style = f' style="background:{_heat(n / top)};color:{"#fff" if n / top > 0.55 else "#1d2433"}"' if n else ""
            cells.append(f'<td{style} data-n="{n}">{n if n else ""}</td>')
        reach = sum(1 for o in s.outlets if s.matrix.get((iri, o)))
        mark = ' class="single"' if reach == 1 and len(s.outlets) > 1 else ""
        out.append(f'<tr{mark}><th scope="row">{_h(label)}</th>{"".join(cells)}</tr>')
    out.append("</tbody></table></div>")
    out.append('<p class="note">Darker is more mentions; an empty cell is none. '
               "Rows in italics are actors only one outlet mentions.</p>")
    return out


def _names(s: Story) -> list[str]:
    shared = [x for x in s.shared if x.kind == "actor" and x.iri in s.names]
    if not shared:
        return []
    out = ["<h3>What each outlet calls them</h3>", '<div class="names">']
    for x in shared:
        out.append(f'<div class="actor-names" data-iri="{_h(x.iri)}"><h4>{_h(x.label)}</h4><dl>')
        for outlet in s.outlets:
            uses = s.names[x.iri].get(outlet)
            if not uses:
                continue
            words = ", ".join(
                f'<span class="name {_h(kind.lower())}" title="{_h(_KIND_WORDS.get(kind, kind.lower()))}">'
                f'“{_h(name)}”{f" ×{n}" if n > 1 else ""}</span>'
                for name, kind, n in uses
            )
            out.append(f"<dt>{_h(outlet)}</dt><dd>{words}</dd>")
        out.append("</dl></div>")
    out.append("</div>")
    out.append('<p class="note">Plain: a name; <span class="name nominal">italic</span>: a description; '
               '<span class="name pronoun">grey</span>: a pronoun.</p>')
    return out


def _article_key(a: Article) -> tuple[str, str]:
    """Articles listed by outlet, then id."""
    return (a.outlet, a.id)


def _article_name(a: Article) -> str:
    text = f"article {_h(a.id)}" + (f": “{_h(a.title)}”" if a.title else "")
    if a.published:
        text += f" ({_h(a.published[:10])})"
    return f'<cite data-article="{_h(a.id)}">{text}</cite>'


def _participants(row: dict[str, Any]) -> str:
    agents, patients = (_sorted_list(row.get(k)) for k in ("agents", "patients"))
    if agents and patients:
        return f"{agents} → {patients}"
    return agents or (f"→ {patients}" if patients else "")


def _sorted_list(value: Any) -> str:
    """A "; "-separated cell in a fixed order: GROUP_CONCAT gives its items in no order SPARQL defines."""
    return "; ".join(sorted(v.strip() for v in _text(value).split(";") if v.strip()))


def _bundled(store: Store, name: str) -> list[dict[str, Any]]:
    return query.run(store, query.bundled()[name]).rows
