"""Query answers as text: an aligned table that fits the terminal, SPARQL CSV, or SPARQL 1.1 Results JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .query import Format, Rows
from .vocab import BASE

__all__ = ["render"]


def render(rows: Rows, fmt: Format, *, width: int = 100, wide: bool = False) -> str:
    """Rows as an aligned text table, SPARQL CSV, or SPARQL 1.1 Query Results JSON.

    A table fits ``width`` columns (the terminal's): long cells are cut with an ellipsis, and when even
    cut columns do not fit, node IRIs (the label says the same) and then the last columns are left out,
    and a note names them. ``wide`` prints every column and cell whole."""
    if fmt == "json":
        return json.dumps(rows.raw, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(rows.columns)
        writer.writerows([["" if r[c] is None else r[c] for c in rows.columns] for r in rows.rows])
        return out.getvalue()
    return _table(rows, width, wide)


#: The narrowest a column is cut to (its header is never cut below this).
_MIN_COLUMN = 10
#: Columns a narrow table keeps longest: what the row is about, and the sentence that shows it.
_KEPT_LONGEST = frozenset({"label", "name", "evidence", "quote", "outlet"})


def _fit(natural: list[int], headers: list[str], width: int) -> list[int]:
    """Column widths summing (with two-space gaps) to at most ``width``: every column gets its natural
    width if they fit; else each gets at least min(natural, max(10, header)) and the rest of the room goes to
    the narrowest first (water-filling), so short columns stay whole and long ones share the remainder."""
    room = width - 2 * (len(natural) - 1)
    if sum(natural) <= room:
        return natural
    floor = [min(n, max(_MIN_COLUMN, len(h))) for n, h in zip(natural, headers)]
    out = list(floor)
    left = room - sum(floor)
    order = sorted(range(len(natural)), key=lambda i: natural[i] - floor[i])
    for k, i in enumerate(order):
        share = left // (len(order) - k) if len(order) > k else 0
        give = min(natural[i] - floor[i], max(0, share))
        out[i] += give
        left -= give
    return out


def _table(rows: Rows, width: int, wide: bool = False) -> str:
    """For reading in a terminal: newsgraph's IRIs shortened, cells on one line, fitted to ``width``."""

    def cell(v: Any) -> str:
        return ("" if v is None else " ".join(str(v).split())).removeprefix(BASE)

    columns = list(rows.columns)
    cells = [[cell(r[c]) for c in columns] for r in rows.rows]
    natural = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    hidden: list[str] = []
    if not wide:
        # what cannot fit even cut to the minimum: node IRIs first, then the last columns
        def floor_total(keep: list[int]) -> int:
            return sum(min(natural[i], max(_MIN_COLUMN, len(columns[i]))) for i in keep) + 2 * (len(keep) - 1)

        keep = list(range(len(columns)))
        iris = [i for i in keep if cells and all(row[i].startswith(("actor/", "event/")) for row in cells)]
        # a column with one value on every row is said once, in the note
        same = [i for i in keep if len(cells) > 1 and len({row[i] for row in cells}) == 1 and i not in iris]
        # then from the end, the words that answer (a label, the evidence) last
        last = [i for i in keep if columns[i] in _KEPT_LONGEST]
        for i in [*iris, *same, *[i for i in reversed(keep) if i not in last], *last]:
            if floor_total(keep) <= width or len(keep) == 1:
                break
            if i in keep:
                keep.remove(i)
                hidden.append(f"{columns[i]} (all {cells[0][i] or 'empty'})" if i in same else columns[i])
        columns = [columns[i] for i in keep]
        cells = [[row[i] for i in keep] for row in cells]
        widths = _fit([natural[i] for i in keep], columns, width)
    else:
        widths = natural

    def cut(text: str, w: int) -> str:
        return text if len(text) <= w else text[: max(0, w - 1)] + "…"

    lines = ["  ".join(cut(c, w).ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(cut(v, w).ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    note = f"({len(cells)} row{'s' if len(cells) != 1 else ''}"
    if hidden:
        note += f"; --wide shows every column; not shown: {', '.join(hidden)}"
    lines.append(cut(note + ")", width) if not wide else note + ")")
    return "\n".join(lines) + "\n"
