"""Input files -> articles: plain text and Markdown with YAML front matter, HTML pages, JSON Lines.

``read`` streams one ``Article`` per article and, instead of raising, one ``InputError`` per input that
cannot be read, so one bad file never aborts a batch. ``Article.text`` is stored exactly as every later
offset refers to it: the only changes made to the file's text are a dropped UTF-8 byte order mark and
CRLF / CR line ends turned into LF. docs/input.md describes the formats for users.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .model import Article, plain

#: File endings read when walking a folder (compared case-insensitively), sorted.
SUFFIXES: tuple[str, ...] = (".htm", ".html", ".jsonl", ".md", ".txt")

#: The longest article text read (characters; 20 MB of English text). Longer texts are parsed in pieces
#: (extract/chunking.py), so this bounds one article's memory and time, not what spaCy accepts.
MAX_TEXT_CHARS = 20_000_000
#: A file larger than this cannot hold an article within MAX_TEXT_CHARS (4 bytes per character at most),
#: and is refused before it is read.
_MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS

_FIELDS = ("id", "outlet", "story", "published", "url", "title")
_FRONT_MATTER_END = re.compile(r"^---[ \t]*$\n?", re.MULTILINE)
_LEADING_NUMBER = re.compile(r"(\d+)_")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML without the 1.1 guesses that change what was written: ``id: 007`` stays "007" (not 7),
    ``title: yes`` stays "yes" (not True). Dates are still read as dates, then written back as ISO."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag.rsplit(":", 1)[-1] in ("null", "timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


class _Bad(Exception):
    """A problem found below ``read``; the caller knows the source and turns it into an InputError."""


def read(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | InputError]:
    """Yield the articles of files and folders in a stable order, and an error for each bad input.

    Folders are walked recursively in sorted path order, skipping hidden names and unknown suffixes.
    An article id seen before in the same call is an error, so ids stay unique in the store.

    >>> for item in read(["no/such/file.txt"]):
    ...     print(item)
    no/such/file.txt: no such file or directory
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("read() takes an iterable of paths; wrap a single path in a list")
    first: dict[str, str] = {}  # article id -> the source it was first read from
    for path in paths:
        for item in _read_path(os.fspath(path)):
            if isinstance(item, Article):
                if item.id in first:
                    problem = f"duplicate article id '{item.id}' (first read from {first[item.id]})"
                    item = InputError(item.source, problem)
                else:
                    first[item.id] = item.source
            yield item


def content_hash(article: Article) -> str:
    """The sha256 of everything an article says, but not where it came from: moving a file keeps it.

    >>> a = Article(id="1", text="Witkoff left.", source="a.txt")
    >>> import dataclasses
    >>> content_hash(a) == content_hash(dataclasses.replace(a, source="b.jsonl:3"))
    True
    """
    fields = plain(article)
    del fields["source"]
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))  # ASCII: never fails to encode
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _read_path(path: str) -> Iterator[Article | InputError]:
    suffix = _suffix(path)
    if os.path.isdir(path):
        yield from _read_folder(path)
    elif not os.path.exists(path):
        yield InputError(path, "no such file or directory")
    elif suffix not in SUFFIXES:
        found = f"'{suffix}'" if suffix else "(no suffix)"
        yield InputError(path, f"unsupported file type {found}; expected one of {', '.join(SUFFIXES)}")
    else:
        yield from _read_file(path)


def _read_folder(folder: str) -> Iterator[Article | InputError]:
    """A folder without a single known file is reported: it is most likely the wrong folder."""
    found = False
    for item in _walk(folder):
        if isinstance(item, InputError):
            yield item
        else:
            found = True
            yield from _read_file(item)
    if not found:
        yield InputError(folder, f"no {'/'.join(SUFFIXES)} files in the folder")


def _walk(folder: str) -> Iterator[str | InputError]:
    """Files in sorted path order, depth first; symlinked folders are not followed (no loops)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as err:
        yield InputError(folder, f"cannot list the folder ({err.strerror})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file() and _suffix(entry.name) in SUFFIXES:
            yield entry.path


def _read_file(path: str) -> Iterator[Article | InputError]:
    try:
        if _suffix(path) == ".jsonl":
            yield from _read_jsonl(path)
        else:
            if os.path.getsize(path) > _MAX_FILE_BYTES:
                raise _Bad(_too_long(os.path.getsize(path), "bytes"))
            data = Path(path).read_bytes()
            _check_bytes(data)
            text = _newlines(_decode(data).removeprefix("\ufeff"))
            if _suffix(path) in (".htm", ".html"):
                yield _read_html(path, text)
            else:
                yield _article(path, *_front_matter(text), _file_id(path))
    except _Bad as bad:
        yield InputError(path, str(bad))
    except OSError as err:
        yield InputError(path, f"cannot read the file ({err.strerror})")


def _front_matter(text: str) -> tuple[Mapping[str, Any], str]:
    """Split off a YAML block between a first line ``---`` and the next ``---`` line; the body is the
    rest exactly, a blank line after the block included."""
    first, _, rest = text.partition("\n")
    if first.rstrip() != "---":
        return {}, text
    end = _FRONT_MATTER_END.search(rest)
    if end is None:
        raise _Bad("front matter opened by '---' on line 1 has no closing '---' line")
    try:
        fields = yaml.load(rest[: end.start()], Loader=_FrontMatterLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""  # +1: 1-based, +1: the '---'
        problem = getattr(err, "problem", None) or err
        raise _Bad(f"front matter is not valid YAML ({problem}{where})") from None
    if not isinstance(fields, dict | None):
        raise _Bad(f"front matter must be 'field: value' lines (a YAML mapping), not {_kind(fields)}")
    return fields or {}, rest[end.end() :]


def _read_html(path: str, html: str) -> Article:
    # imported here: trafilatura is slow to import and only HTML inputs need it
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    # given a string, trafilatura parses it and never fetches anything (nor does htmldate, given a tree);
    # dates only from the page's metadata and markup here: htmldate's extensive search reads the whole
    # page and takes "(c) 2025" in a footer for the publication date
    doc = bare_extraction(html, with_metadata=True, include_comments=False,
                          date_extraction_params={"extensive_search": False, "original_date": True})
    if not isinstance(doc, Document) or not (doc.text or "").strip() or _only_boilerplate(html, doc.text or ""):
        raise _Bad("no article text found in the HTML")
    text = _newlines(doc.text or "")
    outlet = doc.sitename or doc.hostname
    fields = {"title": doc.title, "published": doc.date or _date_in_text(text), "url": doc.url, "outlet": outlet}
    return _article(path, fields, text, _file_id(path))


#: Page parts that are never the article: navigation, headers and footers, sidebars, menus.
_BOILERPLATE = ("//nav | //header | //footer | //aside | //menu | //*[@role='navigation' or @role='banner' or "
                "@role='contentinfo']")
_BOILERPLATE_NAME = re.compile(r"\b(nav|navbar|navigation|menu|footer|header|breadcrumbs?|copyright|sidebar)\b",
                               re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)


def _only_boilerplate(html: str, text: str) -> bool:
    """Whether every line trafilatura found is text of the page's navigation, header or footer: its
    fallback extractor returns a menu ("Home About") when a page has no article."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return False
    parts = list(tree.xpath(_BOILERPLATE))
    # by class or id too (<div class="menu">), unless it holds paragraphs: <div class="has-sidebar"> may
    # wrap the whole page
    parts += [el for el in tree.iter() if isinstance(el.tag, str) and _BOILERPLATE_NAME.search(
        f"{el.get('class', '')} {el.get('id', '')}".replace("-", " ").replace("_", " ")) and not el.xpath(".//p")]
    chrome = " ".join(" ".join(el.text_content().split()) for el in parts)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return bool(chrome) and all(line in chrome for line in lines)


def _date_in_text(text: str) -> str | None:
    """A publication date written in the article's own text ("Published March 3, 2024"), copyright lines
    left out; None when there is none."""
    from html import escape

    from htmldate import find_date

    lines = [escape(line) for line in text.splitlines()[:20] if line.strip() and not _COPYRIGHT.search(line)]
    if not lines:
        return None
    found = find_date(f"<html><body><p>{'</p><p>'.join(lines)}</p></body></html>", extensive_search=True,
                      original_date=True)
    return str(found) if found else None


def _read_jsonl(path: str) -> Iterator[Article | InputError]:
    """Line by line, so a large file is never held whole and one bad line costs only that line."""
    with open(path, "rb") as file:
        _check_bytes(file.read(8192))  # a binary file is one error, not one per "line"
        file.seek(0)
        offset, found = 0, False
        for number, raw in enumerate(file, 1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            found = True
            source = f"{path}:{number}"
            try:
                yield _json_article(source, raw, start, f"{_file_id(path)}-{number}")
            except _Bad as bad:
                yield InputError(source, str(bad))
    if not found:
        raise _Bad("no JSON lines in the file, only blank lines")


def _json_article(source: str, raw: bytes, offset: int, default_id: str) -> Article:
    line = _decode(raw, offset).rstrip()  # without its line end, so errors name a column of this line
    if offset == 0:
        line = line.removeprefix("\ufeff")
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as err:
        # some of json's messages end in "at" already ("Invalid control character at")
        raise _Bad(f"not valid JSON ({err.msg.removesuffix(' at')} at column {err.colno})") from None
    if not isinstance(fields, dict):
        raise _Bad(f"expected a JSON object with a 'text' field, not {_kind(fields)}")
    if "text" not in fields:
        raise _Bad("no 'text' field")
    if not isinstance(fields["text"], str):
        raise _Bad(f"field 'text' must be a string, not {_kind(fields['text'])}")
    return _article(source, fields, _newlines(fields["text"]), default_id)


def _article(source: str, fields: Mapping[str, Any], text: str, default_id: str) -> Article:
    """Fields not in _FIELDS are ignored, so files written for other tools can be read as they are."""
    if not text.strip():
        raise _Bad("no article text (it is empty or only whitespace)")
    if len(text) > MAX_TEXT_CHARS:
        raise _Bad(_too_long(len(text), "characters"))
    values = {name: _scalar(name, fields.get(name)) for name in _FIELDS}
    try:  # JSON escapes can smuggle in lone surrogates, which no later stage can encode
        "".join([text, *(v for v in values.values() if v)]).encode("utf-8")
    except UnicodeEncodeError:
        raise _Bad("contains a lone surrogate escape (such as \\ud800), which is not valid Unicode") from None
    return Article(id=values.pop("id") or default_id, text=text, source=source, **values)


def _too_long(size: int, unit: str) -> str:
    return (f"the article is {size:,} {unit} long; newsgraph reads at most {MAX_TEXT_CHARS:,} characters "
            "per article (split it into several articles)")


def _scalar(name: str, value: Any) -> str | None:
    """Metadata as trimmed text; numbers and dates as written in ISO form; empty means absent."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _Bad(f"field '{name}' must be text or a number, not {_kind(value)}")
    if isinstance(value, datetime.date):  # also datetime.datetime
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    if not isinstance(value, str):
        raise _Bad(f"field '{name}' must be a single value, not {_kind(value)}")
    return value.strip() or None


def _decode(data: bytes, offset: int = 0) -> str:
    """UTF-8 only: guessing an encoding would silently change the text that offsets point into."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _Bad(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {offset + err.start} of the file); "
            "save it as UTF-8"
        ) from None


def _check_bytes(head: bytes) -> None:
    if not head:
        raise _Bad("empty file")
    if b"\0" in head:
        raise _Bad("binary file (contains NUL bytes); expected UTF-8 text")


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _file_id(path: str) -> str:
    """``000_a22a0a6db5108a8f.txt`` -> ``000``: the leading number before an underscore, else the stem."""
    stem = Path(path).stem
    match = _LEADING_NUMBER.match(stem)
    return match.group(1) if match else stem


def _suffix(path: str) -> str:
    return Path(path).suffix.lower()


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else type(value).__name__)
