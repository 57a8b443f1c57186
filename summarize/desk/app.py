"""``create_app``: the desk's ASGI application.

One ``Desk`` per application: one loaded ``Briefer`` and one ``Store`` serve every
request. Every error is one line with its status, never a traceback: JSON,
``{"error": "one line", "status": code}``, under /api (and /openapi.json), an error
page elsewhere. The library's errors by their kind (``STATUS``), request validation
as 422, anything else (a bug) as 500 with no detail (it is logged by the server).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import cookie_parser
from starlette.routing import Match
from starlette.types import Message, Receive, Scope, Send

from .. import __version__
from ..errors import BrowserError, ConflictError, InputError, NotFoundError, RefusedError, StorageError, SummarizeError
from ..pipeline import Briefer
from . import api, login, pages
from .csrf import Csrf
from .jobs import PDF_PRINTERS, PDF_WAIT_SECONDS, Desk
from .storage import Store

log = logging.getLogger(__name__)

# The largest request body: a corpus of articles as JSON (the CLI reads up to 20 MB an article).
MAX_BODY_BYTES = 25_000_000

# HTTP status by the library's error class (the most specific class wins).
# BrowserError: the server cannot print PDFs (no Chromium), whatever the request.
STATUS = {
    NotFoundError: 404,
    ConflictError: 409,
    StorageError: 503,
    BrowserError: 503,
    InputError: 422,
    RefusedError: 403,
    SummarizeError: 422,
}

# Every response: no MIME sniffing, no framing, nothing loaded from elsewhere.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
DEFAULT_CSP = b"default-src 'none'; frame-ancestors 'none'"


@dataclass(frozen=True)
class DeskSettings:
    """``token``: every request must carry ``Authorization: Bearer TOKEN``, or the
    session cookie a browser gets by typing it on /login (None: no token needed,
    for 127.0.0.1; login.py); ``allow_private_urls`` as --allow-private-urls;
    ``max_body_bytes`` the largest request body; ``pdf_printers`` the Chromium
    processes printing PDFs at once, ``pdf_wait`` the seconds a PDF request waits
    for one (``jobs.Desk.printer``)."""

    token: str | None = None
    allow_private_urls: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    pdf_printers: int = PDF_PRINTERS
    pdf_wait: float = PDF_WAIT_SECONDS


def create_app(store: Store, briefer: Briefer, settings: DeskSettings = DeskSettings()) -> Guard:
    """The desk over ``store``, briefing with ``briefer`` (its model stays loaded)."""
    desk = Desk(
        store,
        briefer,
        allow_private_urls=settings.allow_private_urls,
        pdf_printers=settings.pdf_printers,
        pdf_wait=settings.pdf_wait,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        stopped = await run_in_threadpool(desk.recover)
        if stopped:
            log.warning("%d briefings left running by a stopped server are marked failed", stopped)
        yield
        desk.close()

    # No /docs: Swagger UI loads its scripts from a CDN, which a local, offline desk
    # does not reach; /openapi.json is the schema.
    app = FastAPI(
        title="summarize briefing desk", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None
    )
    app.state.desk = desk
    app.state.csrf = Csrf()
    app.state.sessions = sessions = login.Sessions(settings.token)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(login.router)

    @app.exception_handler(SummarizeError)
    async def library_error(request: Request, error: SummarizeError) -> Response:
        status = next(STATUS[kind] for kind in type(error).__mro__ if kind in STATUS)
        return _error(status, str(error), path=request.url.path)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        problems = [
            "{}: {}".format(".".join(str(part) for part in problem["loc"]) or "request", problem["msg"])
            for problem in error.errors()[:5]
        ]
        return _error(422, "; ".join(problems), path=request.url.path)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        headers = error.headers
        if error.status_code == 405:
            # Starlette names the methods of the first route of the path only:
            # GET /api/briefings would say "Allow: POST".
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(app, request.scope))}
        return _error(error.status_code, str(error.detail), headers=headers, path=request.url.path)

    @app.exception_handler(Exception)
    async def bug(request: Request, error: Exception) -> Response:
        return _error(500, "internal error (it is in the server's log; please report it)", path=request.url.path)

    return Guard(app, sessions=sessions, max_body_bytes=settings.max_body_bytes)


def _is_api(path: str) -> bool:
    return path.startswith(("/api/", "/openapi.json"))


def allowed_methods(app: FastAPI, scope: Scope) -> list[str]:
    """The methods some route takes at the request's path (asked of the routes
    themselves, as routing does)."""
    return [
        method
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE")
        if any(route.matches({**scope, "method": method})[0] == Match.FULL for route in app.router.routes)
    ]


def _error(status: int, message: str, headers: Mapping[str, str] | None = None, *, path: str = "/api") -> Response:
    """An error as JSON for the API, as a page for the pages."""
    if not _is_api(path):
        return pages.error_page(status, message, headers)
    return JSONResponse({"error": " ".join(message.split()), "status": status}, status_code=status, headers=headers)


# What a browser reaches before signing in: the sign-in page, signing out, and the
# pages' CSS, script and icon (nothing secret).
OPEN_PATHS = ("/login", "/logout")
OPEN_PREFIXES = ("/static/",)
SAFE_METHODS = ("GET", "HEAD")


class Guard:
    """The outermost layer: refuses a request without the token before anything
    reads it (a page asked for by a browser that has not signed in is sent to
    /login instead), limits the request body (a declared Content-Length at once, a
    chunked body as it arrives), and adds the security headers to every response.

    (FastAPI's own body limit answers in plain text; this one answers like every
    other error: JSON for the API, a page for the pages.)
    """

    def __init__(self, app: FastAPI, *, sessions: login.Sessions, max_body_bytes: int) -> None:
        self.app = app
        self.sessions = sessions
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(send)
        headers = dict(scope["headers"])
        refusal = self._refusal(scope, headers) if self.sessions.required else None
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_body_bytes:
            await self._too_large(scope["path"])(scope, receive, send)
            return
        await self.app(scope, self._limited(receive), send)

    def _too_large(self, path: str) -> Response:
        return _error(413, f"the request body is larger than {self.max_body_bytes:,} bytes", path=path)

    def _limited(self, receive: Receive) -> Receive:
        received = 0

        async def receiving() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    # An HTTPException passes through FastAPI's body reading to the
                    # handler that answers in JSON.
                    raise HTTPException(413, f"the request body is larger than {self.max_body_bytes:,} bytes")
            return message

        return receiving

    def _refusal(self, scope: Scope, headers: dict[bytes, bytes]) -> Response | None:
        """Why a request may not go on (None: it may): the token in its header opens
        everything; a signed-in browser's cookie the pages and the API's reads."""
        path, method = scope["path"], scope["method"]
        scheme, _, credentials = headers.get(b"authorization", b"").partition(b" ")
        if scheme.lower() == b"bearer":
            right, wait = self.sessions.try_token(login.client_address(scope.get("client")), credentials.strip())
            if wait:
                return _error(429, login.too_many_wrong_tokens(wait), headers={"Retry-After": str(wait)}, path=path)
            if right:
                return None
        if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
            return None
        cookie = cookie_parser(headers.get(b"cookie", b"").decode("latin-1")).get(login.COOKIE)
        if self.sessions.is_session(cookie):
            if not _is_api(path) or method in SAFE_METHODS:
                return None
            return _error(
                401,
                "the API's changes need Authorization: Bearer TOKEN (signing in opens the pages and the API's reads)",
                headers={"WWW-Authenticate": "Bearer"},
                path=path,
            )
        if _is_api(path):
            return _error(
                401,
                "this desk needs its token: send Authorization: Bearer TOKEN",
                headers={"WWW-Authenticate": "Bearer"},
                path=path,
            )
        if method in SAFE_METHODS:
            query = scope.get("query_string", b"").decode("latin-1")
            return RedirectResponse(login.login_address(path, query), status_code=303)
        return _error(401, "sign in first: this desk needs its token (/login)", path=path)

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [header for header in SECURITY_HEADERS if header[0] not in names]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", DEFAULT_CSP))
                message = {**message, "headers": headers}
            await send(message)

        return sending
