"""The desk's records, passed between storage, the API and the pages: frozen and plain.

A briefing's ``document`` is the briefing exactly as ``render(briefing, "json")``
writes it (the CLI's JSON output), and its ``dropped`` events are kept beside it;
the editors' changes are kept apart, as
``EventEdit``s in the order they were made, and applied on top of it when the
briefing is shown or exported (``editing.py``), so the machine's briefing is never
lost and every change can be traced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# A briefing being made, made, or given up on (every input failed, or the server stopped).
RUNNING, DONE, FAILED = "running", "done", "failed"


@dataclass(frozen=True)
class EventEdit:
    """One change an editor made to event ``index`` at ``at`` (``editing.Layout``
    says what an index addresses: an event, a dropped event or a key date):
    ``changes`` maps fields (headline, label, deleted, pinned, note, merged_into;
    see ``editing.py``) to their new values. A note of "" removes the note."""

    index: int
    changes: dict[str, Any]
    at: dt.datetime


@dataclass(frozen=True)
class Failure:
    """An input of a briefing that could not be read, and why (one line)."""

    source: str
    message: str


@dataclass(frozen=True)
class StoredBriefing:
    """A briefing as the desk keeps it.

    ``options`` are the options it was made with (the CLI's long names);
    ``document`` is None until it is done; ``dropped`` are the events its
    selection (--query, --since/--until) left out, each as the document's events
    are written, in timeline order, which the document does not hold; ``error``
    says why it failed; ``first_date``/``last_date`` span its articles' dates (for
    search).
    """

    id: int
    title: str
    created: dt.datetime
    status: str
    options: dict[str, Any]
    document: dict[str, Any] | None = None
    dropped: tuple[dict[str, Any], ...] = ()
    failures: tuple[Failure, ...] = ()
    error: str | None = None
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    edits: tuple[EventEdit, ...] = field(default=())


@dataclass(frozen=True)
class BriefingEntry:
    """A briefing as the list shows it: no document, no edits."""

    id: int
    title: str
    created: dt.datetime
    status: str
    articles: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None


@dataclass(frozen=True)
class BriefingRequest:
    """What a user asks the desk to brief, with the CLI's options by their long names.

    ``texts`` are pasted articles, ``urls`` web addresses, ``articles`` corpus lines
    (``{"text"|"html"|"url": ..., "date"?, "source"?}``, as in a --jsonl file);
    ``title`` names the briefing (default: from its articles); ``date`` is --date
    (ISO or what dateparser reads), and so on.
    """

    texts: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    articles: tuple[dict[str, Any], ...] = ()
    title: str | None = None
    date: str | None = None
    since: str | None = None
    until: str | None = None
    query: str | None = None
    max_dates: int | None = None
    per_date: int = 2
    sentences: int = 3
    words: int | None = None
    timeout: float = 20.0

    @property
    def count(self) -> int:
        return len(self.texts) + len(self.urls) + len(self.articles)

    def options(self) -> dict[str, Any]:
        """The options given (not the articles), as stored with the briefing."""
        names = ("date", "since", "until", "query", "max_dates", "per_date", "sentences", "words", "timeout")
        defaults = BriefingRequest()
        return {name: getattr(self, name) for name in names if getattr(self, name) != getattr(defaults, name)}
