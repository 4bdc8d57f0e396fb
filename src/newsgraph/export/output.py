"""Where an export lands: its folder made, and an OS error while writing it turned into an ExportError.

Every ``write_*`` writes inside ``writing``, so a bad output path (a folder where a file should go, no
permission, a full disk) is one line naming the path, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import ExportError


@contextlib.contextmanager
def writing(path: str | os.PathLike[str], *, folder: bool = False) -> Iterator[Path]:
    """``path`` as a Path, its parent folder (or, with ``folder``, itself) made first.

    >>> with writing("/dev/null/out.gexf") as target:   # doctest: +ELLIPSIS
    ...     target.write_text("x")
    Traceback (most recent call last):
    newsgraph.errors.ExportError: /dev/null/out.gexf: cannot write the export (...)
    """
    target = Path(path)
    try:
        (target if folder else target.parent).mkdir(parents=True, exist_ok=True)
        yield target
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the export ({exc.strerror or exc})") from exc
