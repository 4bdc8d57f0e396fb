"""The blind-spot report: its content from the fixture story, and the seeds' report as Chromium shows it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsgraph import query
from newsgraph.cli import main
from newsgraph.report import claim, collect, generate_report, highlight, render, tags
from newsgraph.store import Store

from .conftest import SEEDS, fill
from .test_export_support import hostile_store

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]


def dom(text: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(text)


def words(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture
def report(fixture_store: Store) -> lxml_html.HtmlElement:
    return dom(generate_report(fixture_store))


def test_claims_sit_under_their_outlet_with_evidence_and_highlight(
    fixture_store: Store, report: lxml_html.HtmlElement
) -> None:
    expected, chips = {}, {}
    for kind in ("actor", "event"):
        for row in query.run(fixture_store, query.bundled()[f"single-source-{kind}s"]).rows:
            key = (row["outlet"], kind, row["label"])
            expected[key] = (" ".join(row["evidence"].split()), row["mention"])
            chips[key] = {k: str(v) for k, v in row.items() if k not in KNOWN_COLUMNS and v not in (None, "")}
            chips[key].update({f"tag {i}": t for i, t in enumerate(tags(row))})
    found, shown = {}, {}
    for outlet in report.cssselect("article.outlet"):
        for li in outlet.cssselect("li.claim"):
            kind = "actor" if "actor" in li.classes else "event"
            key = (outlet.get("data-outlet"), kind, li.get("data-label"))
            quote = li.cssselect("blockquote.evidence")[0]
            found[key] = (words(quote), words(quote.cssselect("mark")[0]))
            shown[key] = {e.get("data-column"): " ".join((e.cssselect(".key")[0].tail or "").split())
                          for e in li.cssselect(".extra")}
            shown[key].update({f"tag {i}": words(e) for i, e in enumerate(li.cssselect(".tag"))})
    assert found == expected
    assert shown == chips
    assert {k[2] for k in found if k[0] == "Daily Planet"} >= {"leave meeting"}
    assert {k[2] for k in found if k[0] == "The Globe & Mail <Intl>"} >= {"Lavrov", "Rubio", "call Rubio"}
    # only what is not plain, in words: the Daily Planet says everything in its own voice, and the one doubt
    assert shown[("Daily Planet", "event", "leave meeting")] == {"tag 0": "may be “welcome Witkoff” (2 outlets)"}
    assert shown[("The Globe & Mail <Intl>", "event", "call Rubio")] == {"tag 0": "attributed to an aide"}
    assert "analyst" not in {k[2] for k in found}  # generic: not a single-source actor by default


def test_the_blind_spots_come_first_events_before_actors(report: lxml_html.HtmlElement) -> None:
    headings = [words(h) for h in report.cssselect("section.story h3")]
    assert headings[0] == "What only one outlet reports"
    planet = report.cssselect('article.outlet[data-outlet="Daily Planet"]')[0]
    assert [words(h) for h in planet.cssselect("h5")] == ["Events (2)"]
    assert "Only in Daily Planet" == words(planet.cssselect("h4")[0])

KNOWN_COLUMNS = {"story", "storyLabel", "actor", "event", "label", "type", "agents", "patients", "outlet", "articles", "mention",
                 "evidence", "kind", "importance", "attribution", "source", "polarity", "certainty", "mayBeSameAs",
                 "mayBeSameAsOutlets"}


@pytest.mark.parametrize(
    ("label", "source"),
    [("leave meeting", "article a1: “Envoy walks out” (2025-09-04)"), ("Lavrov", "article b1")],
)
def test_each_claim_names_its_article(report: lxml_html.HtmlElement, label: str, source: str) -> None:
    li = next(li for li in report.cssselect("li.claim") if li.get("data-label") == label)
    assert words(li.cssselect(".source cite")[0]) == source


def test_shared_actors_matrix_and_the_names_each_outlet_uses(report: lxml_html.HtmlElement) -> None:
    shared = {words(li.cssselect("b")[0]): words(li.cssselect(".reach")[0]) for li in report.cssselect("ul.shared li")}
    assert shared == {"Macron": "every outlet", "Steve Witkoff": "every outlet", "welcome Witkoff": "every outlet"}

    table = report.cssselect("table.matrix")[0]
    outlets = [words(th) for th in table.cssselect("thead th")][1:]
    assert outlets == ["Daily Planet", "The Globe & Mail <Intl>"]
    cells = {words(tr.cssselect("th")[0]): [td.get("data-n") for td in tr.cssselect("td")] for tr in table.cssselect("tbody tr")}
    assert cells["Macron"] == ["3", "1"] and cells["Lavrov"] == ["0", "1"]
    assert [words(th) for th in table.cssselect("tr.single th")] == ["Lavrov", "Rubio"]

    names = {
        words(box.cssselect("h4")[0]): {words(dt): words(dd) for dt, dd in zip(box.cssselect("dt"), box.cssselect("dd"))}
        for box in report.cssselect(".actor-names")
    }
    assert names["Macron"] == {"Daily Planet": "“Macron” ×2, “He”", "The Globe & Mail <Intl>": "“Macron”"}
    assert names["Steve Witkoff"] == {"Daily Planet": "“Steve Witkoff”, “Witkoff”", "The Globe & Mail <Intl>": "“Witkoff”"}
    he = next(s for s in report.cssselect(".actor-names .name") if words(s) == "“He”")
    assert "pronoun" in he.classes


def test_extra_columns_of_a_claim_are_shown_beside_it() -> None:
    row = {
        "story": "s", "event": "https://w3id.org/newsgraph/id/event/s/say", "label": "say", "agents": "Lavrov",
        "patients": None, "outlet": "Globe", "articles": "b1 b2", "mention": "said",
        "evidence": "Lavrov said so, officials claimed.", "attribution": "named-source", "polarity": "negative",
        "certainty": "certain", "source": "Lavrov", "storyLabel": "Paris", "reach": "far", "scope": "",
    }
    c = claim("event", row, {"Lavrov said so, officials claimed.": ["b2"]})
    assert c.extra == (("reach", "far"),)  # the story's label is the heading's, not a chip
    assert c.tags == ("attributed to Lavrov", "denied")
    assert (c.article, c.articles, c.detail) == ("b2", ("b1", "b2"), "Lavrov")
    page = dom(render([_story_with(c)]))
    chips = {e.get("data-column"): words(e) for e in page.cssselect("li.claim .extra")}
    assert chips == {"reach": "reach far"}
    assert [words(e) for e in page.cssselect("li.claim .tag")] == ["attributed to Lavrov", "denied"]
    assert words(page.cssselect("li.claim .source")[0]) == "— article b2 (also in b1)"


def _story_with(c: object) -> object:
    from newsgraph.report import Story

    story = Story("s", outlets=["Globe"])
    story.claims.append(c)  # type: ignore[arg-type]
    return story


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("Witkoff left. <Paris>", "left", "Witkoff <mark>left</mark>. &lt;Paris&gt;"),
        ("Leftover: he left.", "left", "Leftover: he <mark>left</mark>."),  # a whole word first
        ("A & B said", "A & B", "<mark>A &amp; B</mark> said"),
        ("nothing here", "Witkoff", "nothing here"),
        ("  spaced\n out  ", "out", "spaced <mark>out</mark>"),
    ],
)
def test_highlight(sentence: str, mention: str, expected: str) -> None:
    assert highlight(sentence, mention) == expected


class _Strict(HTMLParser):
    """Collects the text of every element; any markup that leaked from a label would show up as a tag."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_hostile_labels_are_escaped_and_nothing_is_fetched() -> None:
    store = hostile_store()
    text = generate_report(store)
    store.close()
    parser = _Strict()
    parser.feed(text)
    assert parser.tags <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "h5", "p", "main",
        "section", "details", "summary", "ul", "li", "b", "span", "div", "article", "blockquote", "mark", "cite",
        "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "footer", "nav", "a",
    }
    body = " ".join("".join(parser.text).split())
    assert 'Zoë "Q" <&>' in body and "Le \"Monde\" <&> \U0001f600" in body
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), "the report must not load anything"
    assert "default-src 'none'" in text


def test_same_store_same_bytes_and_an_empty_store(fixture_store: Store) -> None:
    again = fill(Store.memory())
    assert generate_report(fixture_store) == generate_report(again)
    again.close()
    empty = Store.memory()
    page = dom(generate_report(empty))
    assert words(page.cssselect("p.empty")[0]) == "The store holds no articles yet."
    assert collect(empty) == []


def test_report_command(fixture_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "deep" / "report.html"
    assert main(["report", "--store", str(fixture_store_path), "-o", str(target), "--title", "Paris <meeting>"]) == 0
    assert capsys.readouterr().err == f"wrote {target}\n"
    assert words(dom(target.read_text(encoding="utf-8")).cssselect("h1")[0]) == "Paris <meeting>"


# --- the seeds' report in a real browser ------------------------------------------------------------------
def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing although CI=true: `make test` installs it (apt-get install chromium)")
    pytest.skip("chromium not installed (apt-get install chromium, or run `make test`)")


def browse(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )


@pytest.mark.model
def test_seeds_report_in_chromium(tmp_path: Path) -> None:
    store_dir, page = tmp_path / "store", tmp_path / "report.html"
    assert main(["build", str(SEEDS), "--store", str(store_dir), "--quiet"]) == 0
    assert main(["report", "--store", str(store_dir), "-o", str(page)]) == 0
    with Store.open(store_dir) as store:
        rows = {kind: query.run(store, query.bundled()[f"single-source-{kind}s"]).rows for kind in ("actor", "event")}

    shown = browse(page, tmp_path / "profile", "--dump-dom")
    assert shown.returncode == 0, shown.stderr[-2000:]
    rendered = dom(shown.stdout)
    outlets = {o.get("data-outlet"): o for o in rendered.cssselect("article.outlet")}
    assert set(outlets) == {"article 000", "article 003"}
    for kind, found in rows.items():
        assert found, kind
        for row in found:
            matches = [li for li in outlets[row["outlet"]].cssselect(f"li.claim.{kind}") if li.get("data-iri") == row[kind]]
            assert len(matches) == 1, (kind, row["label"], row["outlet"])
            quote = matches[0].cssselect("blockquote.evidence")[0]
            assert words(quote) == " ".join(row["evidence"].split())
            assert words(quote.cssselect("mark")[0]) == " ".join(row["mention"].split())
            assert words(matches[0].cssselect("cite")[0]) == f"article {row['articles'].split()[0]}"
    labels = {li.get("data-label") for li in outlets["article 003"].cssselect("li.claim.actor")}
    assert {"Marco Rubio", "Sergey Lavrov", "Andriy Yermak"} <= labels
    assert {"Poland", "NATO"} <= {li.get("data-label") for li in outlets["article 000"].cssselect("li.claim.actor")}
    assert "leave meeting" in {li.get("data-label") for li in outlets["article 000"].cssselect("li.claim.event")}

    for width, name in ((1280, "laptop.png"), (390, "phone.png")):
        shot = tmp_path / name
        run = browse(page, tmp_path / "profile", f"--window-size={width},1600", f"--screenshot={shot}")
        assert run.returncode == 0, run.stderr[-2000:]
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(shot.read_bytes()[16:20], "big") == width  # the IHDR width


#: Measures, in the page Chromium lays out, where each outlet's first claim lies and whether the page is
#: wider than its viewport; the report itself has no script (its CSP forbids one), so the test wraps it in
#: frames of the viewport's size (a window narrower than 500 px is not possible headless) and reads them.
_MEASURE = """<!doctype html><html><body style="margin:0">%s<pre id="measure"></pre><script>
window.addEventListener("load", () => {
const out = {};
for (const f of document.querySelectorAll("iframe")) {
  const d = f.contentDocument;
  out[f.width] = {
    scroll: d.documentElement.scrollWidth,
    first: [...d.querySelectorAll("article.outlet")].map(o => {
      const li = o.querySelector("li.claim");
      return [o.dataset.outlet, li ? li.getBoundingClientRect().top : null, li ? li.getBoundingClientRect().bottom : null];
    }),
    glance: [...d.querySelectorAll("ul.glance li")].map(li => [li.dataset.outlet, li.getBoundingClientRect().bottom]),
    defaults: [...d.querySelectorAll(".tag, .extra")].map(e => e.textContent).filter(t => /author|positive|certain/.test(t)),
  };
}
document.getElementById("measure").textContent = JSON.stringify(out);
});
</script></body></html>"""


def measure(report_html: str, tmp_path: Path) -> dict[str, dict[str, object]]:
    import html as html_lib
    import json

    frames = "".join(f'<iframe width="{w}" height="800" style="border:0;display:block" srcdoc="{html_lib.escape(report_html)}">'
                     "</iframe>" for w in (1280, 400))
    page = tmp_path / "measure.html"
    page.write_text(_MEASURE % frames, encoding="utf-8")
    run = browse(page, tmp_path / "profile-measure", "--window-size=1400,1700", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    found = re.search(r'<pre id="measure">(.*?)</pre>', run.stdout, re.DOTALL)
    assert found and found.group(1), run.stdout[-2000:]
    return json.loads(html_lib.unescape(found.group(1)))  # type: ignore[no-any-return]


@pytest.mark.model
def test_seeds_blind_spots_are_on_the_first_screen(tmp_path: Path) -> None:
    """At 1280x800 the first claim of each outlet lies above y=800; at 400x800 the page does not scroll
    sideways, and each outlet's top claim (the first outlet's in full) is on the first screen; no default
    tag is shown."""
    store_dir = tmp_path / "store"
    assert main(["build", str(SEEDS), "--store", str(store_dir), "--quiet"]) == 0
    with Store.open(store_dir) as store:
        text = generate_report(store)
    # the measuring frames need a script: the test's copy goes without the report's script ban
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    laptop, phone = (measure(text, tmp_path)[w] for w in ("1280", "400"))
    assert len(laptop["first"]) == 2  # type: ignore[arg-type]
    for outlet, top, bottom in laptop["first"]:  # type: ignore[union-attr]
        assert top is not None and bottom <= 800, (outlet, top, bottom)
    assert phone["scroll"] <= 400, phone
    assert phone["first"][0][2] <= 800, phone  # type: ignore[index]
    # on a phone the columns stack: the line per outlet at the top shows each one's first blind spot
    assert [o for o, _ in phone["glance"]] == ["article 000", "article 003"]  # type: ignore[union-attr]
    assert all(bottom <= 800 for _, bottom in phone["glance"]), phone  # type: ignore[union-attr]
    assert laptop["defaults"] == [] and phone["defaults"] == []
