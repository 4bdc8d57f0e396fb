"""Text made safe and readable in HTML: what the report and the query page put around the store's words."""

from __future__ import annotations

import re
from html import escape
from typing import Any

__all__ = ["anchor", "h", "heat", "highlight", "plural", "text"]

# Control characters (HTML calls them parse errors; browsers show boxes), surrogates and non-characters
_NOT_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def highlight(sentence: str, words: str) -> str:
    """The sentence as HTML with ``words`` marked (first whole-word match, else first match, else none).

    >>> highlight("Witkoff left. <Paris>", "left")
    'Witkoff <mark>left</mark>. &lt;Paris&gt;'
    """
    sentence, words = text(sentence), text(words)
    at = -1
    if words:
        match = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", sentence)
        at = match.start() if match else sentence.find(words)
    if at < 0:
        return escape(sentence)
    end = at + len(words)
    return f"{escape(sentence[:at])}<mark>{escape(sentence[at:end])}</mark>{escape(sentence[end:])}"


def heat(share: float) -> str:
    """White to Tableau blue, by the share of the story's largest count."""
    low, high = (238, 243, 249), (33, 76, 128)
    t = 0.15 + 0.85 * max(0.0, min(1.0, share))
    r, g, b = (round(a + (z - a) * t) for a, z in zip(low, high))
    return f"#{r:02x}{g:02x}{b:02x}"


def text(value: Any) -> str:
    return " ".join(_NOT_HTML.sub(" ", "" if value is None else str(value)).split())


def h(value: Any) -> str:
    return escape(text(value), quote=True)


def anchor(name: str) -> str:
    return "story-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "default")


def plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


