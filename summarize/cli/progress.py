"""The progress bar of batch runs (cli.py's), drawn only where a person watches."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TextIO

# A progress bar is worth its line from this many inputs on, and only on a terminal.
PROGRESS_MIN_INPUTS = 5


class _progress_bar:
    """A tqdm bar on stderr for many inputs on a terminal; otherwise nothing, so
    logs and pipes stay clean. Used as ``with _progress_bar(total) as update``."""

    def __init__(self, total: int) -> None:
        self.bar = None
        if total >= 2 * PROGRESS_MIN_INPUTS and sys.stderr.isatty():
            from tqdm import tqdm

            columns, lines = _terminal_size(sys.stderr)
            # The size is given, not left to tqdm: on a terminal that reports 0 x 0
            # tqdm takes -1 rows and draws nothing at all.
            self.bar = tqdm(total=total, desc="briefing", unit="step", file=sys.stderr, leave=False,
                            ncols=columns - 1, nrows=lines - 1)

    def __enter__(self) -> Callable[[int], None] | None:
        return self.bar.update if self.bar is not None else None

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.close()


def _terminal_size(stream: TextIO) -> tuple[int, int]:
    """Columns and lines of the terminal ``stream`` is, 80 x 24 where it does not
    say. A terminal nobody gave a size reports 0 x 0: a pseudo-terminal made by a
    program (``script``, an editor's terminal, a CI runner, ``pty.openpty()``)."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError):  # no file descriptor (a StringIO), or not a terminal
        return 80, 24
    return size.columns or 80, size.lines or 24
