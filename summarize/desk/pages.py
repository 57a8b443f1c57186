"""The desk's HTML pages: the list, the new-briefing form, a briefing and its editing.

Pages are rendered by the desk's own templates (``templates/``) in a sandboxed,
autoescaping Jinja2 environment with the briefing renderer's finalizer, so every
piece of article text is escaped as in the exported page (braces too). A briefing
is shown from ``rendering.briefing_context``, the context the briefing page itself
is made from. Forms post to the server, which answers "303 See Other" back to the
page; every POST carries the CSRF token (``csrf.py``). Pages need no inline
script or style: ``PAGE_CSP`` allows only the desk's own files.

    GET  /                                   briefings, searched by ?title= and ?date=
    GET  /new                                the new-briefing form
    POST /briefings                          make one (multipart form) -> its page
    GET  /briefings/{id}                     a briefing: view, progress, edit, export
    POST /briefings/{id}/events/{index}      an event's form -> the briefing's page
    GET  /static/{name}                      the pages' CSS and script

With a token (off loopback), signing in and out is login.py's.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from ..errors import NotFoundError
from ..rendering import briefing_context, render, template_dir
from ..rendering.sandbox import _html_finalize
from .api import Id, Index, record_merge
from .editing import KEY_DATE_HEADLINE, KEY_DATE_MERGE, edit
from .forms import briefing_request, event_patch, merge_target, search_date
from .jobs import Desk
from .models import BriefingRequest

router = APIRouter(include_in_schema=False)

HERE = Path(__file__).resolve().parent

# The desk's pages load their CSS and script from the desk, post forms to it, and nothing else.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)

# The exports a briefing page links to, in the order shown.
EXPORTS = [
    ("html", "Web page"),
    ("email", "Email HTML"),
    ("text", "Plain text"),
    ("markdown", "Markdown"),
    ("json", "JSON"),
    ("timelinejs", "TimelineJS JSON"),
    ("pdf", "PDF"),
]

# Static files by name: the briefing page's stylesheet is the exported page's own.
STATIC = {
    "desk.css": (HERE / "static" / "desk.css", "text/css"),
    "desk.js": (HERE / "static" / "desk.js", "text/javascript"),
    "favicon.svg": (HERE / "static" / "favicon.svg", "image/svg+xml"),
    "page.css": (template_dir() / "page.css", "text/css"),
}

# The largest form part that is not a file (a pasted article): as large as the body may be.
MAX_FORM_PART = 25_000_000

_environment = jinja2.sandbox.ImmutableSandboxedEnvironment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    finalize=_html_finalize,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def page(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A desk page rendered from ``templates/name``, with the pages' CSP."""
    html = _environment.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status_code, headers={"Content-Security-Policy": PAGE_CSP})


REASONS = {
    400: "Bad request",
    401: "Sign in first",
    403: "Refused",
    404: "Not found",
    405: "Method not allowed",
    409: "Not yet",
    413: "Too large",
    422: "Cannot do that",
    429: "Too many wrong tokens",
    500: "Internal error",
    503: "Database unavailable",
}


def error_page(status: int, message: str, headers: Mapping[str, str] | None = None) -> HTMLResponse:
    """The page of an error: its status and one line, never a traceback."""
    response = page(
        "error.html.j2", status, status=status, reason=REASONS.get(status, "Error"), message=" ".join(message.split())
    )
    response.headers.update(headers or {})
    return response


def _desk(request: Request) -> Desk:
    return request.app.state.desk


def with_csrf(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page with forms: their CSRF token (and its cookie, when the browser has none
    yet), and ``signed_in`` when the browser signed in (its "Log out" button)."""
    csrf = request.app.state.csrf
    token, cookie = csrf.token(request)
    response = page(name, status_code, csrf=token, signed_in=request.app.state.sessions.signed_in(request), **context)
    csrf.set_cookie(response, cookie)
    return response


async def read_form(request: Request) -> FormData:
    """The posted form, its CSRF token checked before anything else is read from it."""
    form = await request.form(max_files=1000, max_fields=1000, max_part_size=MAX_FORM_PART)
    request.app.state.csrf.check(request, form.get("csrf"))
    return form


@router.get("/", response_class=HTMLResponse)
def list_page(request: Request, title: str = "", date: str = "") -> HTMLResponse:
    day = search_date(date)
    entries = _desk(request).store.list(title=title.strip()[:300] or None, date=day, limit=200)
    return with_csrf(request, "list.html.j2", entries=entries, title=title, date=day.isoformat() if day else "")


@router.get("/new", response_class=HTMLResponse)
def new_page(request: Request) -> HTMLResponse:
    return with_csrf(request, "new.html.j2")


@router.post("/briefings")
async def create_from_form(request: Request) -> RedirectResponse:
    form = await read_form(request)
    try:
        body = await briefing_request(form)
    finally:
        await form.close()
    fields = body.model_dump(exclude={"texts", "urls", "articles"})
    stored = await _desk(request).create(
        BriefingRequest(
            texts=tuple(body.texts),
            urls=tuple(body.urls),
            articles=tuple(article.model_dump(exclude_none=True) for article in body.articles),
            **fields,
        )
    )
    return RedirectResponse(f"/briefings/{stored.id}", status_code=303)


@router.get("/briefings/{id}", response_class=HTMLResponse)
def briefing_page(id: Id, request: Request) -> HTMLResponse:
    desk = _desk(request)
    stored = desk.store.get(id)
    context: dict[str, Any] = {
        "stored": stored,
        "progress": desk.progress(id),
        "briefing": None,
        "states": [],
        "order": [],
        "dropped": [],
        "layout": None,
        "exports": EXPORTS,
        "email_html": "",
        "key_date_headline": KEY_DATE_HEADLINE,
        "key_date_merge": KEY_DATE_MERGE,
    }
    if stored.document is not None:
        edited = edit(stored)
        dropped = briefing_context(edited.dropped_briefing())["events"] if edited.dropped else []
        context.update(
            briefing=briefing_context(edited.briefing),
            states=edited.states,
            order=edited.order,
            layout=edited.layout,
            dropped=list(zip((index for index, _ in edited.dropped), dropped)),
            email_html=render(edited.exported(), "email"),
        )
    return with_csrf(request, "briefing.html.j2", **context)


@router.post("/briefings/{id}/events/{index}")
async def edit_from_form(id: Id, index: Index, request: Request) -> RedirectResponse:
    form = await read_form(request)
    store = _desk(request).store
    if form.get("action") in ("merge", "separate"):
        record_merge(store, id, index, merge_target(form))
    else:
        store.add_edit(id, index, event_patch(form).changes())
    return RedirectResponse(f"/briefings/{id}#event-{index}", status_code=303)


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC:
        raise NotFoundError(f"no file {name[:60]!r}")
    path, media_type = STATIC[name]
    return Response(path.read_bytes(), media_type=f"{media_type}; charset=utf-8", headers={"Cache-Control": "no-cache"})
