"""Anything a user feeds ``newsgraph build``: the bad-input corpus (tests/data/bad/, one file per class of
problem, each with its one-line message and exit status) and a property test on random input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.ingest import MAX_TEXT_CHARS

from .conftest import ROOT

BAD = ROOT / "tests" / "data" / "bad"

#: file (in tests/data/bad/, or made by the test when too big to keep) -> exit status, the one line printed.
#: {path} is the path given to build.
CASES: dict[str, tuple[int, str]] = {
    "empty.txt": (1, "{path}: empty file"),
    "whitespace.txt": (1, "{path}: no article text (it is empty or only whitespace)"),
    "binary.txt": (1, "{path}: binary file (contains NUL bytes); expected UTF-8 text"),
    "utf16.txt": (1, "{path}: binary file (contains NUL bytes); expected UTF-8 text"),
    "latin1.txt": (1, "{path}: not valid UTF-8 (byte 0xe9 at offset 3 of the file); save it as UTF-8"),
    "report.pdf": (1, "{path}: unsupported file type '.pdf'; expected one of .htm, .html, .jsonl, .md, .txt"),
    "no-articles": (1, "{path}: no .htm/.html/.jsonl/.md/.txt files in the folder"),
    "no-such-file.txt": (1, "{path}: no such file or directory"),
    "nav-only.html": (1, "{path}: no article text found in the HTML"),
    "copyright-footer.html": (0, ""),  # an article: stored, with no date taken from "© 2025"
    "unclosed-front-matter.md": (1, "{path}: front matter opened by '---' on line 1 has no closing '---' line"),
    "front-matter-list.md": (1, "{path}: front matter must be 'field: value' lines (a YAML mapping), not a list"),
    "front-matter-yaml-error.md": (1, "{path}: front matter is not valid YAML (mapping values are not allowed here on line 2)"),
    "list-value.md": (1, "{path}: field 'outlet' must be a single value, not a list"),
    "bad-json.jsonl": (1, "{path}:1: not valid JSON (Expecting ',' delimiter at column 42)"),
    "no-text.jsonl": (1, "{path}:1: no 'text' field"),
    "text-not-string.jsonl": (1, "{path}:1: field 'text' must be a string, not a list"),
    "not-an-object.jsonl": (1, "{path}:1: expected a JSON object with a 'text' field, not a list"),
    "bool-value.jsonl": (1, "{path}:1: field 'title' must be text or a number, not true/false"),
    "blank-lines.jsonl": (1, "{path}: no JSON lines in the file, only blank lines"),
    "lone-surrogate.jsonl": (1, "{path}:1: contains a lone surrogate escape (such as \\ud800), which is not valid Unicode"),
    "duplicate-id.jsonl": (3, "{path}:2: duplicate article id 'same' (first read from {path}:1)"),
    "too-long.txt": (1, (f"{{path}}: the article is {MAX_TEXT_CHARS + 1:,} characters long; newsgraph reads at most "
                         f"{MAX_TEXT_CHARS:,} characters per article (split it into several articles)")),
}
MADE = {"too-long.txt", "no-such-file.txt"}  # not kept in the folder: too big to keep, or absent on purpose


def test_every_file_of_the_corpus_has_its_expectation() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(set(CASES) - MADE)


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_one_line_and_its_exit_status(name: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / name
    if name == "too-long.txt":
        path = tmp_path / name
        path.write_text("word " * (MAX_TEXT_CHARS // 5) + "x", encoding="utf-8")
    code, message = CASES[name]
    store = tmp_path / "store"
    assert main(["build", str(path), "--store", str(store), "--quiet"]) == code
    err = capsys.readouterr().err
    assert err == (f"newsgraph: rejected {message.format(path=path)}\n" if message else "")
    if code != 1:  # something was stored: the store answers
        assert main(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(store)]) == 0
        assert "(1 row)" in capsys.readouterr().out


@pytest.mark.model
def test_a_copyright_footer_is_no_publication_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert main(["build", str(BAD / "copyright-footer.html"), "--store", str(store), "--quiet"]) == 0
    sparql = ("PREFIX schema: <https://schema.org/> SELECT ?text ?date WHERE { ?a a schema:NewsArticle "
              "OPTIONAL { ?a schema:datePublished ?date } ?a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/"
              "nif-core#isString> ?text }")
    assert main(["query", sparql, "--store", str(store), "--format", "json"]) == 0
    [row] = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert "date" not in row
    assert row["text"]["value"].startswith("Envoy leaves Paris talks\nSteve Witkoff left") and "Home" not in row["text"]["value"]


_PAGE = ("<html><head><title>Talks</title>{meta}</head><body><nav><a href='/'>Home</a></nav><article><h1>Talks</h1>"
         "<p>{first}Witkoff met Lavrov in Paris on Tuesday to talk about the war, officials said.</p><p>Another "
         "paragraph with more words about the meeting and its aftermath for Europe.</p></article>"
         "<footer>(c) 2025 Example News. All rights reserved.</footer></body></html>")


@pytest.mark.parametrize(("meta", "first", "published"), [
    ("", "", None),  # only the footer's year: no date
    ('<meta property="article:published_time" content="2024-03-03T10:00:00Z">', "", "2024-03-03"),  # metadata
    ("", "Published March 3, 2024. ", "2024-03-03"),  # the article's own text
])
def test_html_dates_come_from_metadata_or_the_article_never_the_footer(tmp_path: Path, meta: str, first: str,
                                                                        published: str | None) -> None:
    from newsgraph.ingest import read

    page = tmp_path / "page.html"
    page.write_text(_PAGE.format(meta=meta, first=first), encoding="utf-8")
    [article] = read([page])
    assert not isinstance(article, Exception), article
    assert article.published == published
    assert "Home" not in article.text and "2025" not in article.text


# --- random input ---------------------------------------------------------------------------------------
GOOD = "---\nid: anchor\noutlet: Planet\n---\nSteve Witkoff met Sergei Lavrov in Paris on Tuesday, officials said.\n"


def _unicode() -> object:
    from hypothesis import strategies as st

    awkward = st.sampled_from(["\u202e", "\u200f", "\u0627\u0644\u0633\u0644\u0627\u0645", "\U0001f600", "\U0001f1fa\U0001f1f8",
                               "\u0301", "\x00", "\x07", "\x1b[31m", "\r", "\r\n", "\u2028", "\ufeff", "Witkoff", " ", ".", "\n\n"])
    return st.lists(st.one_of(awkward, st.text(max_size=8)), max_size=12).map("".join)


def _inputs() -> object:
    """A few files: random bytes, random Unicode text, and JSON Lines of random shapes (lone surrogates
    written as JSON escapes)."""
    from hypothesis import strategies as st

    text = _unicode()
    with_surrogate = st.tuples(text, st.sampled_from(["\ud800", "\udfff", "\udbff"]), text).map("".join)
    line_value = st.one_of(
        st.fixed_dictionaries({"text": st.one_of(text, with_surrogate)},
                              optional={"id": st.one_of(st.text(max_size=4), st.integers(), st.booleans()),
                                        "outlet": st.one_of(text, st.none(), st.lists(st.integers(), max_size=2)),
                                        "published": st.one_of(text, st.just("2025-09-04"))}),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
        st.lists(st.integers(), max_size=3), st.integers(), st.none(), text,
    )
    jsonl = st.lists(st.one_of(line_value.map(json.dumps), st.binary(max_size=20).map(lambda b: b.decode("latin-1")),
                               st.just("")), max_size=4).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))
    txt = st.one_of(st.binary(max_size=60), text.map(lambda t: t.encode("utf-8", "surrogatepass")))
    files = st.one_of(st.tuples(st.just(".txt"), txt), st.tuples(st.just(".jsonl"), jsonl),
                      st.tuples(st.just(".html"), txt))
    return st.lists(files, min_size=1, max_size=3)


def _build(folder: Path, store: Path) -> tuple[int, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["build", str(folder), "--store", str(store), "--quiet"])
    return code, err.getvalue()


@pytest.mark.model
def test_random_input_never_breaks_a_build() -> None:
    import tempfile

    from hypothesis import HealthCheck, given, settings

    from newsgraph.store import Store

    @settings(max_examples=12, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(_inputs())
    def check(files: list[tuple[str, bytes]]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            (folder / "anchor.md").write_text(GOOD, encoding="utf-8")
            for i, (suffix, data) in enumerate(files):
                (folder / f"f{i}{suffix}").write_bytes(data)
            answers = []
            for run in ("a", "b"):
                code, err = _build(folder, Path(tmp) / run)
                assert code in (0, 3), err
                assert "Traceback" not in err
                assert all(line.startswith("newsgraph: rejected ") for line in err.splitlines()), err
                with Store.open(Path(tmp) / run, read_only=True) as store:  # the store opens and answers
                    ids = {r["id"].value for r in store.raw_query(
                        "SELECT ?id WHERE { ?a a <https://schema.org/NewsArticle> ; "
                        "<http://purl.org/dc/terms/identifier> ?id }")}
                    assert "anchor" in ids
                    answers.append((err, sorted(str(q) for q in store.quads())))
            assert answers[0] == answers[1]  # same input, same answer

    check()
