"""ingest: every input format and field, the id rules, and one pinned message per kind of bad input.

Files are written to tmp_path; the two real seed articles are read as they ship.
"""

from __future__ import annotations

import dataclasses
import doctest
import socket
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph import ingest
from newsgraph.errors import InputError
from newsgraph.ingest import SUFFIXES, content_hash, read
from newsgraph.model import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ALLOWED = ".htm, .html, .jsonl, .md, .txt"
NO_TEXT = "no article text (it is empty or only whitespace)"

PAGE = """<!DOCTYPE html>
<html><head><title>Envoy leaves Paris talks | Daily Planet</title>
{meta}
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoy leaves Paris talks</h1>
<p>Steve Witkoff left the meeting in Paris after 45 minutes, officials said on Thursday.</p>
<p>French President Emmanuel Macron said the coalition would continue its work on guarantees.</p>
</article>
<div class="comments"><p>Reader comment: this should not be in the article.</p></div>
</body></html>"""

FULL_META = """<meta property="og:site_name" content="Daily Planet">
<meta property="og:url" content="https://planet.example/world/envoy">
<meta property="article:published_time" content="2025-09-04">"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)  # bytes: no newline translation, what is written is what is read
    return path


def read_one(path: Path) -> Article | InputError:
    items = list(read([path]))
    assert len(items) == 1, items
    return items[0]


def article(path: Path) -> Article:
    item = read_one(path)
    assert isinstance(item, Article), str(item)
    return item


def fields(item: Article) -> dict[str, Any]:
    return {k: v for k, v in dataclasses.asdict(item).items() if k != "source"}


def summary(items: Iterable[Article | InputError]) -> list[str]:
    """One line per item: the id of an article, the message of an error."""
    return [f"article {x.id}" if isinstance(x, Article) else f"error {x}" for x in items]


# --- the seeds -----------------------------------------------------------------------------------------


def test_seed_files_are_read_unchanged() -> None:
    items = list(read([SEEDS]))
    assert [(x.id, x.source) for x in items if isinstance(x, Article)] == [
        ("000", str(SEEDS / "000_a22a0a6db5108a8f.txt")),
        ("003", str(SEEDS / "003_2e5536d1c3e5b6a2.txt")),
    ]
    for item in items:
        assert isinstance(item, Article)
        assert item.text == Path(item.source).read_bytes().decode("utf-8")
        assert (item.outlet, item.story, item.published, item.url, item.title) == (None,) * 5


# --- .txt / .md and front matter -----------------------------------------------------------------------

TEXT_CASES = [
    # (file content, expected fields apart from source)
    ("Witkoff left.", {"id": "a", "text": "Witkoff left."}),
    ("  Lead.\n\n\tBody  \n\n", {"id": "a", "text": "  Lead.\n\n\tBody  \n\n"}),  # nothing stripped
    ("One\r\ntwo\rthree\n", {"id": "a", "text": "One\ntwo\nthree\n"}),
    ("\ufeffWith a BOM.", {"id": "a", "text": "With a BOM."}),
    ("----\nA rule, not front matter.", {"id": "a", "text": "----\nA rule, not front matter."}),
    (
        "---\nid: x1\noutlet: Daily Planet\nstory: paris-meeting\npublished: 2025-09-04\n"
        "url: https://planet.example/a\ntitle: Envoy leaves\n---\nText.",
        {
            "id": "x1",
            "text": "Text.",
            "outlet": "Daily Planet",
            "story": "paris-meeting",
            "published": "2025-09-04",
            "url": "https://planet.example/a",
            "title": "Envoy leaves",
        },
    ),
    ("---\ntitle: T\n---\n\nBody.\n", {"id": "a", "title": "T", "text": "\nBody.\n"}),  # blank line kept
    ("\ufeff---\r\ntitle: T\r\n---\r\nBody.\r\n", {"id": "a", "title": "T", "text": "Body.\n"}),
    ("---  \ntitle: T\n---\t\nBody.", {"id": "a", "title": "T", "text": "Body."}),  # trailing blanks
    ("---\n---\nBody.", {"id": "a", "text": "Body."}),  # empty front matter
    ("---\n# only a comment\n---\nBody.", {"id": "a", "text": "Body."}),
    (
        "---\npublished: 2025-09-04 10:30:00\n---\nB",
        {"id": "a", "published": "2025-09-04T10:30:00", "text": "B"},
    ),
    (
        "---\npublished: 2025-09-04T10:30:00Z\n---\nB",
        {"id": "a", "published": "2025-09-04T10:30:00+00:00", "text": "B"},
    ),
    ("---\npublished: '4 Sept 2025'\n---\nB", {"id": "a", "published": "4 Sept 2025", "text": "B"}),
    ("---\nid: 7\n---\nB", {"id": "7", "text": "B"}),
    ("---\nid: 007\n---\nB", {"id": "007", "text": "B"}),  # not YAML 1.1 octal 7
    ("---\nid: 1.10\ntitle: yes\n---\nB", {"id": "1.10", "title": "yes", "text": "B"}),  # as written
    ("---\nid: !!int 12\n---\nB", {"id": "12", "text": "B"}),  # an explicit number: its string form
    ("---\nurl:\noutlet: '  '\nstory: ~\n---\nB", {"id": "a", "text": "B"}),  # empty means absent
    ("---\noutlet: '  Globe '\n---\nB", {"id": "a", "outlet": "Globe", "text": "B"}),  # values trimmed
    ("---\nauthor: [Ann, Bo]\nTitle: ignored\n---\nB", {"id": "a", "text": "B"}),  # unknown fields ignored
]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize(("content", "expected"), TEXT_CASES)
def test_text_files(tmp_path: Path, suffix: str, content: str, expected: dict[str, Any]) -> None:
    path = write(tmp_path, f"a{suffix}", content)
    item = article(path)
    assert item.source == str(path)
    assert fields(item) == {**dict.fromkeys(["outlet", "story", "published", "url", "title"]), **expected}


# --- ids --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_a22a0a6db5108a8f.txt", "000"),
        ("12_paris.md", "12"),
        ("42.txt", "42"),
        ("report.txt", "report"),
        ("v2_notes.txt", "v2_notes"),
        ("2025-09-04-paris.txt", "2025-09-04-paris"),  # a date is not an id: only digits before "_" are
        ("notes.v2.txt", "notes.v2"),
        ("07_page.html", "07"),
    ],
)
def test_id_from_the_file_name(tmp_path: Path, name: str, expected: str) -> None:
    content = (
        f"<html><body><p>{'Witkoff left the meeting. ' * 4}</p></body></html>" if "html" in name else "x"
    )
    assert article(write(tmp_path, name, content)).id == expected


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [
        ("feed.jsonl", '{"text": "A"}', "feed-1"),
        ("007_feed.jsonl", '{"text": "A"}', "007-1"),
        ("feed.jsonl", '{"text": "A", "id": "own"}', "own"),
        ("feed.jsonl", '{"text": "A", "id": 5}', "5"),
        ("feed.jsonl", '{"text": "A", "id": 2.5}', "2.5"),
        ("feed.jsonl", '{"text": "A", "id": ""}', "feed-1"),
    ],
)
def test_id_of_a_json_line(tmp_path: Path, name: str, line: str, expected: str) -> None:
    assert article(write(tmp_path, name, line + "\n")).id == expected


# --- .jsonl ----------------------------------------------------------------------------------------------


def test_jsonl_fields_line_numbers_and_blank_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "feed.jsonl",
        '\ufeff{"text": "First.", "outlet": "Globe", "story": "s", "published": "2025-09-04", '
        '"url": "https://globe.example/1", "title": "One", "extra": {"ignored": true}}\r\n'
        "\n   \n"
        '{"text": "Sec\\r\\nond.\\n"}\n',
    )
    items = list(read([path]))
    assert [x.source for x in items] == [f"{path}:1", f"{path}:4"]
    assert [fields(x) for x in items if isinstance(x, Article)] == [
        {
            "id": "feed-1",
            "text": "First.",
            "outlet": "Globe",
            "story": "s",
            "published": "2025-09-04",
            "url": "https://globe.example/1",
            "title": "One",
        },
        {
            "id": "feed-4",
            "text": "Sec\nond.\n",
            **dict.fromkeys(["outlet", "story", "published", "url", "title"]),
        },
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "a" "id": 1}', "not valid JSON (Expecting ',' delimiter at column 14)"),
        ('{"text": "a"', "not valid JSON (Expecting ',' delimiter at column 13)"),
        ('{"text": "a', "not valid JSON (Unterminated string starting at column 10)"),
        ("text: a", "not valid JSON (Expecting value at column 1)"),
        ("[1, 2]", "expected a JSON object with a 'text' field, not a list"),
        ('"just text"', "expected a JSON object with a 'text' field, not text"),
        ('{"id": "x"}', "no 'text' field"),
        ('{"text": 5}', "field 'text' must be a string, not a number"),
        ('{"text": null}', "field 'text' must be a string, not null"),
        ('{"text": ""}', NO_TEXT),
        ('{"text": " \\n\\t "}', NO_TEXT),
        ('{"text": "a", "id": true}', "field 'id' must be text or a number, not true/false"),
        ('{"text": "a", "outlet": ["x"]}', "field 'outlet' must be a single value, not a list"),
        ('{"text": "a", "title": {"en": "x"}}', "field 'title' must be a single value, not a mapping"),
        (
            '{"text": "\\ud800 a"}',
            "contains a lone surrogate escape (such as \\ud800), which is not valid Unicode",
        ),
    ],
)
def test_bad_json_line_costs_only_that_line(tmp_path: Path, line: str, problem: str) -> None:
    path = write(tmp_path, "x.jsonl", f'{{"text": "before"}}\n{line}\n{{"text": "after"}}\n')
    items = list(read([path]))
    assert summary(items) == ["article x-1", f"error {path}:2: {problem}", "article x-3"]
    error = items[1]
    assert isinstance(error, InputError)
    assert (error.source, error.problem) == (f"{path}:2", problem)


def test_invalid_utf8_on_a_json_line_names_the_file_offset(tmp_path: Path) -> None:
    data = b'{"text": "ok"}\n{"text": "caf\xe9"}\n{"text": "fine"}\n'
    path = write(tmp_path, "x.jsonl", data)
    assert summary(read([path])) == [
        "article x-1",
        f"error {path}:2: not valid UTF-8 (byte 0xe9 at offset {data.index(0xE9)} of the file); "
        "save it as UTF-8",
        "article x-3",
    ]


def test_nul_byte_after_the_start_of_a_jsonl_file_costs_only_its_line(tmp_path: Path) -> None:
    padding = "x" * 9000  # past the part checked for binary content
    path = write(tmp_path, "x.jsonl", f'{{"text": "{padding}"}}\n{{"text": "a\x00b"}}\n{{"text": "c"}}\n')
    assert summary(read([path])) == [
        "article x-1",
        f"error {path}:2: not valid JSON (Invalid control character at column 12)",
        "article x-3",
    ]


# --- .html / .htm ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (
            FULL_META,
            {
                "outlet": "Daily Planet",
                "published": "2025-09-04",
                "url": "https://planet.example/world/envoy",
            },
        ),
        ('<link rel="canonical" href="https://planet.example/world/envoy">', {"outlet": "planet.example"}),
        ("", {"outlet": None}),
    ],
)
@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_text_and_metadata(tmp_path: Path, suffix: str, meta: str, expected: dict[str, Any]) -> None:
    item = article(write(tmp_path, f"03_planet{suffix}", PAGE.format(meta=meta)))
    assert item.id == "03"
    assert item.title == "Envoy leaves Paris talks"
    lines = item.text.split("\n")  # one paragraph a line; trafilatura decides whether the heading is one
    assert "Steve Witkoff left the meeting in Paris after 45 minutes, officials said on Thursday." in lines
    assert (
        "French President Emmanuel Macron said the coalition would continue its work on guarantees." in lines
    )
    assert "Reader comment" not in item.text and "Home" not in item.text
    assert item.story is None
    for name, value in expected.items():
        assert getattr(item, name) == value


@pytest.mark.parametrize(
    "html",
    [
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>",
        "https://planet.example/world/envoy",  # a URL is not fetched: it is the file's (non-)content
        "   \n",
    ],
)
def test_html_without_article_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, html: str) -> None:
    def no_network(*args: object) -> None:
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    path = write(tmp_path, "page.html", html)
    assert summary(read([path])) == [f"error {path}: no article text found in the HTML"]
    assert isinstance(read_one(write(tmp_path, "full.html", PAGE.format(meta=FULL_META))), Article)


# --- bad input: one pinned, one-line message each --------------------------------------------------------

BAD_CASES = [
    # (file name, content or None for a missing path, problem)
    ("missing.txt", None, "no such file or directory"),
    ("notes.pdf", b"%PDF-1.7", f"unsupported file type '.pdf'; expected one of {ALLOWED}"),
    ("README", b"Witkoff left.", f"unsupported file type (no suffix); expected one of {ALLOWED}"),
    ("a.txt", b"", "empty file"),
    ("a.md", b"", "empty file"),
    ("a.html", b"", "empty file"),
    ("a.jsonl", b"", "empty file"),
    ("a.txt", b"abc\x00def", "binary file (contains NUL bytes); expected UTF-8 text"),
    ("a.txt", "Witkoff".encode("utf-16"), "binary file (contains NUL bytes); expected UTF-8 text"),
    ("a.html", b"<html>\x00</html>", "binary file (contains NUL bytes); expected UTF-8 text"),
    ("a.jsonl", b'{"text": "\x00"}\n', "binary file (contains NUL bytes); expected UTF-8 text"),
    ("a.txt", b"caf\xe9 au lait", "not valid UTF-8 (byte 0xe9 at offset 3 of the file); save it as UTF-8"),
    ("a.html", b"<p>\xff</p>", "not valid UTF-8 (byte 0xff at offset 3 of the file); save it as UTF-8"),
    ("a.txt", b" \n\t\r\n", NO_TEXT),
    ("a.txt", b"\xef\xbb\xbf", NO_TEXT),
    ("a.md", b"---\ntitle: T\n---\n", NO_TEXT),
    ("a.md", b"---\ntitle: T\n---\n\n  \n", NO_TEXT),
    ("a.jsonl", b"\n  \n\n", "no JSON lines in the file, only blank lines"),
    ("a.md", b"---\ntitle: T\nBody.\n", "front matter opened by '---' on line 1 has no closing '---' line"),
    ("a.md", b"---", "front matter opened by '---' on line 1 has no closing '---' line"),
    (
        "a.md",
        b"---\n- a\n- b\n---\nBody.",
        "front matter must be 'field: value' lines (a YAML mapping), not a list",
    ),
    (
        "a.md",
        b"---\njust words\n---\nBody.",
        "front matter must be 'field: value' lines (a YAML mapping), not text",
    ),
    (
        "a.md",
        b"---\ntitle: a: b\n---\nBody.",
        "front matter is not valid YAML (mapping values are not allowed here on line 2)",
    ),
    (
        "a.md",
        b"---\nid: 1\n\tx: 2\n---\nBody.",
        "front matter is not valid YAML (found character '\\t' that cannot start any token on line 3)",
    ),
    ("a.md", b"---\noutlet: [a, b]\n---\nBody.", "field 'outlet' must be a single value, not a list"),
    ("a.md", b"---\ntitle: {en: T}\n---\nBody.", "field 'title' must be a single value, not a mapping"),
    (
        "a.md",
        b"---\ntitle: !!bool true\n---\nBody.",
        "field 'title' must be text or a number, not true/false",
    ),
]


@pytest.mark.parametrize(("name", "content", "problem"), BAD_CASES)
def test_bad_input(tmp_path: Path, name: str, content: bytes | None, problem: str) -> None:
    path = tmp_path / name if content is None else write(tmp_path, name, content)
    error = read_one(path)
    assert isinstance(error, InputError)
    assert (error.source, error.problem, str(error)) == (str(path), problem, f"{path}: {problem}")
    assert "\n" not in str(error)


@pytest.mark.parametrize("hidden", [[], [".draft.txt", ".git/a.txt", "notes.pdf", "sub/image.png"]])
def test_folder_without_articles(tmp_path: Path, hidden: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in hidden:
        write(folder, name, "Witkoff left.")
    assert summary(read([folder])) == [f"error {folder}: no .htm/.html/.jsonl/.md/.txt files in the folder"]


def test_good_articles_still_come_after_bad_ones(tmp_path: Path) -> None:
    good = write(tmp_path, "in/01_good.txt", "Witkoff left.")
    write(tmp_path, "in/02_empty.txt", "")
    write(tmp_path, "in/03_feed.jsonl", '{"text": "A"}\n{oops}\n{"text": "B"}\n')
    write(tmp_path, "in/04_bad.txt", b"\xff")
    write(tmp_path, "in/05_also.md", "---\ntitle: T\n---\nMacron spoke.")
    missing = tmp_path / "missing.txt"
    items = list(read([missing, tmp_path / "in", good]))
    assert summary(items) == [
        f"error {missing}: no such file or directory",
        "article 01",
        f"error {tmp_path / 'in/02_empty.txt'}: empty file",
        "article 03-1",
        f"error {tmp_path / 'in/03_feed.jsonl'}:2: not valid JSON "
        "(Expecting property name enclosed in double quotes at column 2)",
        "article 03-3",
        f"error {tmp_path / 'in/04_bad.txt'}: not valid UTF-8 (byte 0xff at offset 0 of the file); "
        "save it as UTF-8",
        "article 05",
        f"error {good}: duplicate article id '01' (first read from {good})",
    ]


# --- folders, order, duplicates --------------------------------------------------------------------------


def test_folder_walk_order_hidden_and_suffixes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name in ["b.txt", "a-b.txt", "a/2.md", "a/1.txt", "a/deep/er/x.txt", "C.TXT"]:  # suffix case ignored
        write(folder, name, "t")
    write(folder, "feed.jsonl", '{"text": "t"}\n')
    write(folder, "page.htm", PAGE.format(meta=""))
    for skipped in [".hidden.txt", ".git/config.txt", "a/.cache/y.txt", "notes.pdf", "README"]:
        write(folder, skipped, "t")
    # names sorted at each level (code points: "C" < "a"), a folder's files where its name sorts ("a" < "a-b")
    expected = [
        "C.TXT",
        "a/1.txt",
        "a/2.md",
        "a/deep/er/x.txt",
        "a-b.txt",
        "b.txt",
        "feed.jsonl:1",
        "page.htm",
    ]
    assert [x.source for x in read([folder])] == [f"{folder}/{name}" for name in expected]


def test_inputs_keep_the_order_given_and_sources_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "in/one.txt", "t")
    write(tmp_path, "two.txt", "t")
    monkeypatch.chdir(tmp_path)
    assert summary(read(["two.txt", Path("in"), "./in/"])) == [
        "article two",
        "article one",
        "error ./in/one.txt: duplicate article id 'one' (first read from in/one.txt)",
    ]


def test_symlinked_folders_are_not_followed(tmp_path: Path) -> None:
    write(tmp_path, "in/a/x.txt", "t")
    try:
        (tmp_path / "in/loop").symlink_to(tmp_path / "in", target_is_directory=True)
    except OSError:
        pytest.skip("no symlinks here")
    assert summary(read([tmp_path / "in"])) == ["article x"]


def test_duplicate_ids_name_where_the_first_came_from(tmp_path: Path) -> None:
    first = write(tmp_path, "b/000_x.txt", "t")
    second = write(tmp_path, "a/000_y.txt", "t")
    feed = write(tmp_path, "feed.jsonl", '{"text": "t", "id": "000"}\n{"text": "t", "id": "new"}\n')
    assert summary(read([first, second, feed])) == [
        "article 000",
        f"error {second}: duplicate article id '000' (first read from {first})",
        f"error {feed}:1: duplicate article id '000' (first read from {first})",
        "article new",
    ]


def test_ids_are_unique_per_call_only(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "t")
    assert summary(read([path])) == summary(read([path])) == ["article a"]


# --- streaming and the API -------------------------------------------------------------------------------


def test_read_is_lazy(tmp_path: Path) -> None:
    asked: list[str] = []

    def paths() -> Iterator[str]:
        for name in ["a.txt", "b.txt"]:
            asked.append(name)
            yield str(write(tmp_path, name, name))

    items = read(paths())
    assert asked == []
    assert isinstance(next(items), Article)
    assert asked == ["a.txt"]


def test_jsonl_is_read_line_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "big.jsonl", '{"text": "t"}\n' * 50_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a JSONL file was read whole"))
    items = read([path])
    assert next(items).source == f"{path}:1"
    assert sum(1 for _ in items) == 49_999


@pytest.mark.parametrize("single", ["seeds", Path("seeds")])
def test_a_single_path_is_refused(single: str | Path) -> None:
    with pytest.raises(TypeError, match="wrap a single path in a list"):
        next(read(single))  # type: ignore[arg-type]


def test_suffixes() -> None:
    assert SUFFIXES == (".htm", ".html", ".jsonl", ".md", ".txt")


def test_docs_describe_every_suffix_and_field() -> None:
    docs = (ROOT / "docs" / "input.md").read_text(encoding="utf-8")
    for word in [*SUFFIXES, *(f"`{f.name}`" for f in dataclasses.fields(Article) if f.name != "source")]:
        assert word in docs, word


def test_docstring_examples() -> None:
    assert doctest.testmod(ingest).failed == 0


# --- content_hash ------------------------------------------------------------------------------------------

BASE = Article(
    id="000",
    text="Witkoff left the meeting.",
    source="seeds/000.txt",
    outlet="Globe",
    story="paris",
    published="2025-09-04",
    url="https://globe.example/a",
    title="Envoy leaves",
)


def test_content_hash_is_stable() -> None:
    # pinned: a change here changes every stored article's hash, so every article is rebuilt
    assert content_hash(BASE) == content_hash(dataclasses.replace(BASE))
    assert content_hash(BASE) == "83ee1f218b97e601a85aa6397e2a1fd561b22b50ac1cafd85bddd9570db44792"
    assert content_hash(dataclasses.replace(BASE, source="elsewhere.jsonl:7")) == content_hash(BASE)


@pytest.mark.parametrize(
    "change",
    [
        {"text": "Witkoff left the meeting!"},
        {"text": "Witkoff left the meeting. "},
        {"id": "001"},
        {"outlet": "Planet"},
        {"outlet": None},
        {"story": None},
        {"published": "2025-09-05"},
        {"url": "https://globe.example/b"},
        {"title": None},
        {"title": "Envoy stays"},
    ],
)
def test_content_hash_changes_with_text_and_metadata(change: dict[str, Any]) -> None:
    assert content_hash(dataclasses.replace(BASE, **change)) != content_hash(BASE)


def test_content_hash_of_read_articles(tmp_path: Path) -> None:
    a = article(write(tmp_path, "one/a.txt", "Witkoff left."))
    b = article(write(tmp_path, "two/a.txt", "Witkoff left.\r\n"))
    c = article(write(tmp_path, "three/a.txt", "Witkoff left.\n"))
    assert content_hash(a) != content_hash(b) == content_hash(c)
