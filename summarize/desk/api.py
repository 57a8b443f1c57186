"""The desk's JSON API. The CLI's JSON is the API's JSON: a briefing is its
``render(briefing, "json")`` document with the editors' changes applied, plus what
the desk knows about it (``id``, ``status``, ``title``, ``created``, ``options``,
``progress``, ``failures``, ``error``), ``dropped`` (the events the selection left
out, which an editor can pin back) and, on each event, dropped event and key date,
its ``index`` and edit state (``deleted``, ``pinned``, ``note``, ``merged_into``,
``edited``). What an index addresses: ``editing.py``.

    POST  /api/briefings                              make one (201)
    GET   /api/briefings?title=&date=&limit=&offset=  list, newest first
    GET   /api/briefings/{id}                         one
    PATCH /api/briefings/{id}/events/{index}          edit an event
    POST  /api/briefings/{id}/events/{index}/merge    merge it into another ({"into": n}), or separate it (null)
    GET   /api/briefings/{id}/export?format=          render it, edits applied

Routes that only touch the database are plain functions (FastAPI runs them on a
thread); briefing runs on the desk's worker (``jobs.py``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import ConflictError
from ..rendering import ALL_FORMATS, FILE_EXTENSIONS, render_bytes
from .editing import edit, edited_document
from .jobs import Desk
from .models import BriefingEntry, BriefingRequest, StoredBriefing
from .schemas import (
    MAX_ID,
    BriefingList,
    DeskBriefing,
    DeskEditedOut,
    EventPatch,
    IsoDate,
    MergeIn,
    MergeOut,
    NewBriefing,
    error_responses,
)
from .storage import Store

router = APIRouter(prefix="/api")

Format = Literal[ALL_FORMATS]  # type: ignore[valid-type]  # the renderers' formats, one list

MEDIA_TYPES = {
    "html": "text/html",
    "email": "text/html",
    "text": "text/plain",
    "markdown": "text/markdown",
    "json": "application/json",
    "timelinejs": "application/json",
    "pdf": "application/pdf",
}

# What an exported page may do: show itself (its styles are inline), nothing else.
# No script runs in it even if some slipped past the escaping.
EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox"


# Ids start at 1, event indexes at 0; neither goes past what the database's INTEGER holds.
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Index = Annotated[int, Path(ge=0, le=MAX_ID)]

# The export's 200: its media type is the format's.
EXPORT_RESPONSE: dict[str, Any] = {
    "description": "the briefing in the format asked for (json: the CLI's JSON; timelinejs: TimelineJS3's)",
    "content": {
        "text/html": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}},
        "text/markdown": {"schema": {"type": "string"}},
        "application/json": {"schema": {"type": "object"}},
        "application/pdf": {"schema": {"type": "string", "format": "binary"}},
    },
}


def _desk(request: Request) -> Desk:
    return request.app.state.desk


@router.post("/briefings", status_code=201, response_model=DeskBriefing, responses=error_responses(400, 413, 422))
async def create_briefing(body: NewBriefing, request: Request) -> JSONResponse:
    """Brief the articles: one article is answered finished ("done"), more run in
    the background ("running", with ``progress``)."""
    desk = _desk(request)
    fields = body.model_dump(exclude={"texts", "urls", "articles"})
    stored = await desk.create(
        BriefingRequest(
            texts=tuple(body.texts),
            urls=tuple(body.urls),
            articles=tuple(article.model_dump(exclude_none=True) for article in body.articles),
            **fields,
        )
    )
    return JSONResponse(
        desk_document(stored, desk.progress(stored.id)),
        status_code=201,
        headers={"Location": f"/api/briefings/{stored.id}"},
    )


@router.get("/briefings", response_model=BriefingList, responses=error_responses(422))
def list_briefings(
    request: Request,
    title: Annotated[str | None, Query(max_length=300)] = None,
    date: IsoDate | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> JSONResponse:
    """Saved briefings, newest first: ``title`` searches titles, ``date`` keeps
    briefings whose articles' dates span that day."""
    entries = _desk(request).store.list(title=title, date=date, limit=limit, offset=offset)
    return JSONResponse({"briefings": [_entry(entry) for entry in entries]})


@router.get("/briefings/{id}", response_model=DeskBriefing, responses=error_responses(404, 422))
def get_briefing(id: Id, request: Request) -> JSONResponse:
    desk = _desk(request)
    return JSONResponse(desk_document(desk.store.get(id), desk.progress(id)))


@router.patch(
    "/briefings/{id}/events/{index}", response_model=DeskEditedOut, responses=error_responses(400, 404, 409, 413, 422)
)
def edit_event(id: Id, index: Index, patch: EventPatch, request: Request) -> JSONResponse:
    """Change event ``index``; the change is kept with its time. Answers the event as it now is.

    Indexes never move, whatever is deleted or pinned. In a briefing of events,
    0 to n-1 are its n events as they were made (in timeline order), and n to n+d-1
    the d events its selection (query, since/until) dropped, listed in ``dropped``:
    ``pinned: true`` on one of those brings it back into ``events`` at its date and
    into every export (false drops it again). In a key-date briefing, the indexes
    are those of ``key_dates``: a key date takes ``label``, ``deleted``, ``pinned``
    and ``note``, but no ``headline`` (422: its sentences are quoted from its articles)."""
    desk = _desk(request)
    desk.store.add_edit(id, index, patch.changes())
    return JSONResponse(indexed(desk_document(desk.store.get(id)), index))


@router.post(
    "/briefings/{id}/events/{index}/merge", response_model=MergeOut, responses=error_responses(400, 404, 409, 413, 422)
)
def merge_event(id: Id, index: Index, merge: MergeIn, request: Request) -> JSONResponse:
    """Merge event ``index`` into event ``into``: it leaves the exports, and ``into``
    is reported by the sources of both (with this one's date among its conflicting
    dates if they differ). ``{"into": null}`` separates them. Answers both events.
    Only events of the timeline as it was made merge (not dropped events, not key dates)."""
    desk = _desk(request)
    record_merge(desk.store, id, index, merge.into)
    document = desk_document(desk.store.get(id))
    return JSONResponse(
        {"event": indexed(document, index), "into": None if merge.into is None else indexed(document, merge.into)}
    )


def record_merge(store: Store, id: int, index: int, into: int | None) -> None:
    """Record a merge, checked against the briefing's edits in the same transaction
    (the pages use it too)."""
    store.add_edit(id, index, {"merged_into": into})


def indexed(document: dict[str, Any], index: int) -> dict[str, Any]:
    """The event, dropped event or key date of ``document`` (the API's JSON) with ``index``."""
    return next(
        item
        for name in ("events", "dropped", "key_dates")
        for item in document.get(name) or ()
        if item["index"] == index
    )


@router.get(
    "/briefings/{id}/export",
    response_class=Response,
    responses={200: EXPORT_RESPONSE, **error_responses(404, 409, 422)},
)
async def export_briefing(
    id: Id, request: Request, format: Format = "html", quotes: bool = False, front_matter: bool = False
) -> Response:
    """The briefing in ``format``, with the edits applied, rendered as the CLI does
    (pdf: printed by headless Chromium, a second or two; two at a time, a request
    waits up to 30 s for its turn; 503 then, or without Chromium)."""
    desk = _desk(request)
    stored = await run_in_threadpool(desk.store.get, id)
    if stored.document is None:
        raise ConflictError(f"briefing {id} is {stored.status}: there is nothing to export yet")

    def rendered() -> bytes:
        return render_bytes(edit(stored).exported(), format, quotes=quotes, front_matter=front_matter)

    if format == "pdf":
        async with desk.printer():
            data = await run_in_threadpool(rendered)
    else:
        data = await run_in_threadpool(rendered)
    disposition = "attachment" if format == "pdf" else "inline"
    headers = {"Content-Disposition": f'{disposition}; filename="briefing-{id}.{FILE_EXTENSIONS[format]}"'}
    if MEDIA_TYPES[format] == "text/html":
        headers["Content-Security-Policy"] = EXPORT_CSP
    charset = "" if format == "pdf" else "; charset=utf-8"
    return Response(data, media_type=MEDIA_TYPES[format] + charset, headers=headers)


def desk_document(stored: StoredBriefing, progress: tuple[int, int] | None = None) -> dict[str, Any]:
    """The API's JSON of a stored briefing (see the module's docstring)."""
    document: dict[str, Any] = {
        "id": stored.id,
        "status": stored.status,
        "title": stored.title,
        "created": stored.created.isoformat(),
        "options": stored.options,
        "progress": {"done": progress[0], "total": progress[1]} if progress else None,
        "failures": [{"source": f.source, "message": f.message} for f in stored.failures],
        "error": stored.error,
    }
    if stored.document is not None:
        document.update(edited_document(stored))
    return document


def _entry(entry: BriefingEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "title": entry.title,
        "created": entry.created.isoformat(),
        "status": entry.status,
        "articles": entry.articles,
        "first_date": entry.first_date.isoformat() if entry.first_date else None,
        "last_date": entry.last_date.isoformat() if entry.last_date else None,
    }
