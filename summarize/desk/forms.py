"""The desk's HTML forms read into what the API takes, so both check alike.

The new-briefing form becomes a ``BriefingIn`` (the API's request: the same
limits and the same messages); an event's form becomes an ``EventPatch``. Form
fields arrive as text, so an empty field is "not given". Uploaded files are
articles (text, or HTML by their name) and JSON Lines corpora, read as the CLI
reads them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile

from ..errors import InputError, SummarizeError
from ..inputs.loading import HTML_SUFFIXES, MAX_ARTICLE_BYTES, decode_text
from .schemas import BriefingIn, EventPatch

# The options the form has, by the API's (the CLI's long) names.
OPTION_FIELDS = ("title", "date", "since", "until", "query", "max_dates", "per_date", "sentences", "words", "timeout")


def validation_message(error: ValidationError) -> str:
    """A pydantic error as one line naming the fields, as the API says it."""
    return "; ".join(
        f"{'.'.join(str(part) for part in problem['loc']) or 'form'}: {problem['msg']}"
        for problem in error.errors()[:5]
    )


def _given(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value.strip() or None if isinstance(value, str) else None


async def briefing_request(form: FormData) -> BriefingIn:
    """The new-briefing form as the API's request; ``SummarizeError`` for bad input."""
    fields: dict[str, Any] = {name: _given(form, name) for name in OPTION_FIELDS}
    fields = {name: value for name, value in fields.items() if value is not None}
    text = form.get("text")
    texts = [text] if isinstance(text, str) and text.strip() else []
    urls_field = form.get("urls")
    urls = [line.strip() for line in (urls_field if isinstance(urls_field, str) else "").splitlines() if line.strip()]
    articles: list[dict[str, Any]] = []
    for upload in form.getlist("files"):
        if isinstance(upload, UploadFile) and upload.filename:
            articles.append(await _article_file(upload))
    for upload in form.getlist("corpus"):
        if isinstance(upload, UploadFile) and upload.filename:
            articles += await _corpus_file(upload)
    try:
        return BriefingIn.model_validate({"texts": texts, "urls": urls, "articles": articles, **fields})
    except ValidationError as error:
        raise InputError(validation_message(error)) from None


async def _read(upload: UploadFile) -> bytes:
    raw = await upload.read(MAX_ARTICLE_BYTES + 1)
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(f"{upload.filename}: larger than {MAX_ARTICLE_BYTES // 1_000_000} MB")
    return raw


async def _article_file(upload: UploadFile) -> dict[str, Any]:
    """An uploaded article: HTML by its name (as the CLI reads files), else text."""
    name = upload.filename or "upload"
    text = decode_text(await _read(upload), name)
    kind = "html" if name.lower().endswith(HTML_SUFFIXES) else "text"
    return {kind: text, "source": name}


async def _corpus_file(upload: UploadFile) -> list[dict[str, Any]]:
    """The lines of an uploaded JSON Lines corpus. Unlike the CLI, which briefs the
    good lines of a long batch and reports the bad, the form refuses a corpus with
    a bad line at once: the editor is there to fix it, and nothing is half-made."""
    name = upload.filename or "corpus"
    raw = await upload.read()
    try:
        lines = raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text (JSON Lines are UTF-8)") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{name}:{number}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f'{name}:{number}: expected a JSON object with "text", "html" or "url"')
        records.append({"source": f"{name}:{number}", **record})
    if not records:
        raise InputError(f"{name}: the file is empty: no articles in it")
    return records


def event_patch(form: FormData) -> EventPatch:
    """An event's form as the API's change: the button pressed (``action``) says which."""
    action = form.get("action")
    changes: dict[str, Any]
    if action == "save":
        changes = {"headline": _given(form, "headline"), "label": _given(form, "label")}
        changes = {name: value for name, value in changes.items() if value is not None}
    elif action in ("delete", "restore"):
        changes = {"deleted": action == "delete"}
    elif action in ("pin", "unpin"):
        changes = {"pinned": action == "pin"}
    elif action == "note":
        note = form.get("note")
        changes = {"note": note.strip() if isinstance(note, str) else ""}
    else:
        raise SummarizeError(f"unknown action {str(action)[:40]!r}")
    try:
        return EventPatch(**changes)
    except ValidationError as error:
        raise InputError(validation_message(error)) from None


def merge_target(form: FormData) -> int | None:
    """The event a "merge" form names (``into``); None for "separate"."""
    if form.get("action") == "separate":
        return None
    into = form.get("into")
    if not isinstance(into, str) or not into.strip().isdigit():
        raise InputError("into: choose the event to merge into")
    return int(into)


def search_date(value: str | None) -> dt.date | None:
    """The list's date field: empty, or YYYY-MM-DD."""
    if not value or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"date: {value.strip()[:40]!r} is not a date: use YYYY-MM-DD") from None
