"""The API's requests and responses as pydantic models: what /openapi.json says.

Requests are validated by them, as JSON Schema reads the schema: a number field
takes a JSON number (``2`` or ``2.0``, not ``"2"`` or ``true``), and an event's
change names at least one field, none null. The new-briefing form, whose fields
are all text, is read by ``BriefingIn`` with the same limits (``forms.py``); the
API's body is ``NewBriefing``, which also refuses what is not a number.

Responses are documented by them, and exactly: every object forbids fields it does
not list (``additionalProperties: false``), so a field the CLI's JSON gains must be
added here, and tests/test_desk_fuzz.py (schemathesis) checks every response the
fuzzer provokes against them. The routes still send the documents they build
(``api.desk_document``) as they are: the CLI's JSON is passed through, not
re-serialized by these models.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

# ---- requests ---------------------------------------------------------------------

# The largest id and event index: PostgreSQL's INTEGER (SQLite's is larger); a larger
# one is a 422, not a database overflow.
MAX_ID = 2**31 - 1


def _iso_day(value: Any) -> Any:
    # A day is YYYY-MM-DD: pydantic alone would also read 0 (a Unix time) or 20140622.
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("give the day as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_day)]


def _one_kind(schema: dict[str, Any]) -> None:
    # What input_from_record takes: text or html, not both, or only a url (a url
    # beside text or html is where the article came from). Null is not given.
    def given(*names: str) -> dict[str, Any]:
        return {"required": list(names), "properties": {name: {"type": "string"} for name in names}}

    schema["anyOf"] = [given("text"), given("html"), given("url")]
    schema["not"] = given("text", "html")


class ArticleIn(BaseModel):
    """An article as a corpus line: its text or its HTML, or only its url."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_one_kind)
    text: str | None = None
    html: str | None = None
    url: str | None = None
    date: str | None = Field(None, description="the article's date, YYYY-MM-DD", json_schema_extra={"format": "date"})
    source: str | None = Field(None, max_length=2000)

    @field_validator("date")
    @classmethod
    def _a_day(cls, value: str | None) -> str | None:
        if value is not None:
            _iso_day(value)
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"{value[:40]!r} is not a day: give it as YYYY-MM-DD") from None
        return value


class BriefingIn(BaseModel):
    """A briefing to make: articles and the CLI's options by their long names."""

    model_config = ConfigDict(extra="forbid")
    texts: list[str] = Field(default_factory=list, description="articles as plain text")
    urls: list[str] = Field(default_factory=list, description="http(s) addresses of articles")
    articles: list[ArticleIn] = Field(default_factory=list, description="corpus lines, as --jsonl reads them")
    title: str | None = Field(None, max_length=300)
    date: str | None = Field(
        None,
        max_length=100,
        description="--date: the articles' date, as dateparser reads it",
        examples=["2014-06-22", "22 June 2014"],
    )
    since: str | None = Field(None, max_length=100, examples=["2014-06-01", "June 2014"])
    until: str | None = Field(None, max_length=100, examples=["2014-06-30", "yesterday"])
    # At least one word; the library says so (as the CLI's --query does).
    query: str | None = Field(None, max_length=1000, json_schema_extra={"pattern": r"\S"})
    max_dates: int | None = Field(None, ge=1, le=1000)
    per_date: int = Field(2, ge=1, le=100)
    sentences: int = Field(3, ge=1, le=100)
    words: int | None = Field(None, ge=1, le=10_000)
    timeout: float = Field(20.0, gt=0, le=120, description="seconds to fetch each URL")


NUMBER_TYPES = (int, float, int | None, float | None)


def _json_numbers(model: type[BaseModel], data: Any) -> Any:
    """Refuse what is not a JSON number where the schema says a number: lax
    validation would read ``true`` as 1 and ``"2"`` as 2. (Strict validation would
    refuse ``2.0``, which JSON Schema calls an integer: read as 2.)"""
    if isinstance(data, dict):
        for name, field in model.model_fields.items():
            value = data.get(name)
            if (
                value is not None
                and field.annotation in NUMBER_TYPES
                and (isinstance(value, bool) or not isinstance(value, (int, float)))
            ):
                raise ValueError(f"{name}: give a number, not {json.dumps(value)[:40]}")
    return data


def _some_article(schema: dict[str, Any]) -> None:
    schema["anyOf"] = [
        {"required": [name], "properties": {name: {"minItems": 1}}} for name in ("texts", "urls", "articles")
    ]


class NewBriefing(BriefingIn):
    """``POST /api/briefings``: a briefing to make, of at least one article
    ("texts", "urls" or "articles"); one article is answered finished, more run in
    the background."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_some_article)

    @model_validator(mode="before")
    @classmethod
    def _numbers(cls, data: Any) -> Any:
        return _json_numbers(cls, data)


def _no_nulls(schema: dict[str, Any]) -> None:
    # A field left out is left as it is; none may be null, and one must be given.
    for field in schema["properties"].values():
        field.pop("default", None)
    schema["minProperties"] = 1


class EventPatch(BaseModel):
    """Changes to one event, dropped event or key date (``index``): at least one
    field. ``pinned`` on a dropped event brings it back into ``events``; a key date
    takes every field but ``headline`` (422: its sentences are quoted from its
    articles)."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra=_no_nulls)
    headline: str = Field(None, min_length=1, max_length=2000)  # type: ignore[assignment]  # None: not given
    label: str = Field(None, min_length=1, max_length=200)  # type: ignore[assignment]  # None: not given
    deleted: bool = None  # type: ignore[assignment]  # None: not given
    pinned: bool = None  # type: ignore[assignment]  # None: not given
    note: str = Field(None, max_length=10_000, description='"" removes the note')  # type: ignore[assignment]  # None: not given

    @model_validator(mode="after")
    def _some_change(self) -> EventPatch:
        if not self.model_fields_set:
            raise ValueError("give at least one of headline, label, deleted, pinned, note")
        return self

    def changes(self) -> dict[str, Any]:
        """The fields given, by name."""
        return self.model_dump(include=self.model_fields_set)


class MergeIn(BaseModel):
    """The event to merge into (its index), or null to separate a merged event again."""

    model_config = ConfigDict(extra="forbid")
    into: int | None = Field(..., ge=0, le=MAX_ID)

    @model_validator(mode="before")
    @classmethod
    def _numbers(cls, data: Any) -> Any:
        return _json_numbers(cls, data)


# ---- responses: the CLI's JSON (README, "JSON output") ----------------------------


class _Exact(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleOut(_Exact):
    source: str
    title: str | None
    date: dt.date | None
    date_label: str | None
    date_source: str | None = Field(description="--date, jsonl, metadata, url, dateline, or null")
    date_source_label: str | None
    summary: str | None = Field(description="null in a key-date briefing")
    summary_method: str | None


class ConflictOut(_Exact):
    value: str
    label: str


class EventOut(_Exact):
    """An event of the timeline, as the CLI writes it."""

    value: str = Field(description="TIMEX3 value: 2014-06-21, 2014-06-21TEV, 2014-01, XXXX-WXX-6")
    end_value: str | None = Field(description="where a range ends; null for every other extent")
    mod: str | None
    extent: Literal["point", "onward", "until", "range"]
    exact: bool
    label: str
    headline: str
    sentence: str
    start: int
    end: int
    time_text: str
    source: str
    sources: list[str]
    conflicts: list[ConflictOut]
    precision: Literal["exact", "approximate", "relative"]
    datetime: str | None
    end_datetime: str | None


class CitedSentenceOut(_Exact):
    text: str
    sources: list[str]
    references: list[int]
    start: int
    end: int


class KeyDateOut(_Exact):
    value: str
    label: str
    datetime: str | None
    mentions: int
    sentences: list[CitedSentenceOut]


class ReferenceOut(_Exact):
    number: int
    source: str
    title: str | None
    date: dt.date | None
    date_label: str | None
    url: str | None


class BriefingJSON(_Exact):
    """A briefing as ``summarize --format json`` writes it."""

    articles: list[ArticleOut]
    events: list[EventOut]
    anchored: bool
    notes: list[str]
    key_dates: list[KeyDateOut] | None = Field(description="null except in a key-date briefing")
    overview: list[CitedSentenceOut]
    references: list[ReferenceOut]


# ---- responses: what the desk adds ---------------------------------------------------


# What an edit names; it never moves, whatever is deleted or pinned (editing.py).
INDEX = (
    "what an edit names, never moved by an edit: in a briefing of events, 0 to n-1 are its n events as they "
    "were made and n to n+d-1 the d its selection dropped; in a key-date briefing, its key dates from 0"
)


class _EditState(_Exact):
    """What the desk adds to each event, dropped event and key date: its index and
    where its edits left it."""

    index: int = Field(ge=0, description=INDEX)
    deleted: bool = Field(description="left out of the exports (still listed here)")
    pinned: bool
    note: str = Field(description='the editor\'s note; "" for none')
    merged_into: int | None = Field(description="the index of the event it was merged into (left out of the exports)")
    edited: dt.datetime | None = Field(description="when it was last edited")


class DeskEventOut(_EditState, EventOut):
    """An event of ``events`` with its index and edit state (the deleted and merged
    ones included; a pinned dropped event stands among them at its date)."""


class DroppedEventOut(_EditState, EventOut):
    """An event the selection (query, since/until) dropped and that is not pinned:
    pinning it moves it into ``events``; it is never merged."""

    pinned: Literal[False]  # a pinned one is in events
    merged_into: None = Field(description="always null: only events of the timeline as it was made merge")


class DeskKeyDateOut(_EditState, KeyDateOut):
    """A key date with its index and edit state: its label is edited, it is deleted,
    pinned or noted, never given a headline or merged."""

    merged_into: None = Field(description="always null: key dates are not merged")


# What PATCH .../events/{index} answers: the event, dropped event or key date as it now is.
DeskEditedOut = DeskEventOut | DroppedEventOut | DeskKeyDateOut


class ProgressOut(_Exact):
    done: int
    total: int


class FailureOut(_Exact):
    source: str
    message: str


class _DeskFields(_Exact):
    id: int
    title: str
    created: dt.datetime
    options: dict[str, Any] = Field(description="the options it was made with, by the CLI's long names")
    progress: ProgressOut | None = Field(description="steps done of all, while it runs in the background")
    failures: list[FailureOut] = Field(description="inputs that could not be read")
    error: str | None = Field(description="why it failed")


class DoneBriefing(_DeskFields, BriefingJSON):
    """A made briefing: the CLI's JSON with the edits applied, and the desk's fields."""

    status: Literal["done"]
    events: list[DeskEventOut]  # type: ignore[assignment]  # the CLI's events with their edit state
    key_dates: list[DeskKeyDateOut] | None = Field(  # type: ignore[assignment]  # with their edit state
        description="null except in a key-date briefing"
    )
    dropped: list[DroppedEventOut] = Field(
        description="the events the selection dropped, not pinned, in timeline order ([] in a key-date briefing)"
    )


class PendingBriefing(_DeskFields):
    """A briefing still running in the background, or given up on (``error`` says why)."""

    status: Literal["running", "failed"]


DeskBriefing = Annotated[DoneBriefing | PendingBriefing, Field(discriminator="status")]


class BriefingEntryOut(_Exact):
    id: int
    title: str
    created: dt.datetime
    status: Literal["running", "done", "failed"]
    articles: int
    first_date: dt.date | None
    last_date: dt.date | None


class BriefingList(_Exact):
    briefings: list[BriefingEntryOut]


class MergeOut(_Exact):
    event: DeskEventOut
    into: DeskEventOut | None = Field(description="the event it joined; null when separated")


class ErrorOut(_Exact):
    """Every error of the API: one line and the status again."""

    error: str
    status: int


# Why each error status is answered; every operation lists those it can give.
ERROR_REASONS = {
    400: "the body is not text (UTF-8), so not JSON",
    401: (
        "the desk has a token (--token) and the request did not send it as Authorization: Bearer (a browser "
        "signed in on /login reads the API with its cookie, but changes need the header)"
    ),
    404: "no such briefing or event",
    409: "the briefing is still running, or the merge conflicts with another",
    413: "the request body is larger than the desk takes (25 MB)",
    422: (
        "the request cannot be read or briefed (a bad field, date or article), or the edit is refused (a key "
        "date's headline, a merge of a key date or a dropped event); the message says which"
    ),
    429: (
        "too many wrong tokens in the last minute (ten from this address, or a hundred from all together): no "
        "token is checked until the oldest is a minute old (Retry-After says when)"
    ),
    503: (
        "the database failed (or, for a pdf, Chromium is not installed, or no printer came free within the "
        "wait: two print at a time)"
    ),
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: ``statuses`` (and 401, 429 and 503, which any
    request may get) answered with an ``ErrorOut``."""
    return {
        status: {"model": ErrorOut, "description": ERROR_REASONS[status]}
        for status in sorted({401, 429, 503, *statuses})
    }
