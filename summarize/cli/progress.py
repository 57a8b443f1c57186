"""The progress bars of batch runs (cli.py's: ``brief`` and ``analyze``), drawn only
where a person watches."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator

# A progress bar is worth its line from this many inputs on, and only on a terminal.
PROGRESS_MIN_INPUTS = 5


class _progress_bar:
    """A tqdm bar on stderr for many inputs on a terminal; otherwise nothing, so
    logs and pipes stay clean. Used as ``with _progress_bar(total) as update``."""

    def __init__(self, total: int | None, *, desc: str = "briefing", unit: str = "step", initial: int = 0) -> None:
        # total None: not known (a corpus on standard input); the bar counts.
        self.bar = None
        if (total is None or total >= 2 * PROGRESS_MIN_INPUTS) and sys.stderr.isatty():
            from tqdm import tqdm

            columns, lines = _terminal_size(sys.stderr)
            # The size is given, not left to tqdm: on a terminal that reports 0 x 0
            # tqdm takes -1 rows and draws nothing at all.
            self.bar = tqdm(
                total=total,
                desc=desc,
                unit=unit,
                file=sys.stderr,
                leave=False,
                initial=initial,
                ncols=columns - 1,
                nrows=lines - 1,
            )

    def __enter__(self) -> Callable[[int], None] | None:
        return self.bar.update if self.bar is not None else None

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.close()


@contextlib.contextmanager
def analyze_progress_bar(corpus: str, out: str) -> Iterator[Callable[[int], None] | None]:
    """``summarize analyze``'s bar, in articles: the corpus's articles (its lines
    that are not blank), of which ``out`` already holds its lines' worth (a resumed
    run starts there). Counting reads the corpus once more, line by line (a few
    tenths of a second for a million lines), and only when the bar is drawn; a
    corpus on standard input or in Parquet is counted as it goes, without a total."""
    if not sys.stderr.isatty():
        yield None
        return
    with _progress_bar(_articles_in(corpus), desc="analyzing", unit="article", initial=_lines_in(out)) as update:
        yield update


def _articles_in(corpus: str) -> int | None:
    if corpus == "-" or not os.path.isfile(corpus) or corpus.endswith(".parquet"):
        return None
    try:
        with open(corpus, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None  # the run itself says what is wrong with it


def _lines_in(out: str) -> int:
    # Whole lines only: a line cut short by a killed run is dropped and redone.
    try:
        with open(out, "rb") as handle:
            return sum(1 for line in handle if line.endswith(b"\n"))
    except OSError:
        return 0


def _terminal_size(stream) -> tuple[int, int]:  # noqa: ANN001 - a text stream
    """Columns and lines of the terminal ``stream`` is, 80 x 24 where it does not
    say. A terminal nobody gave a size reports 0 x 0: a pseudo-terminal made by a
    program (``script``, an editor's terminal, a CI runner, ``pty.openpty()``)."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError):  # no file descriptor (a StringIO), or not a terminal
        return 80, 24
    return size.columns or 80, size.lines or 24
