"""Signing in from a browser to a desk that needs its token (``--token``, off loopback).

Every request must show that it knows the token. A program sends it as a header,
``Authorization: Bearer TOKEN``; a person's browser cannot, so the pages ask for it
once, on a form (``/login``), and the browser then carries a session cookie:

- its value is the HMAC of the token under a secret made when the desk starts, not
  the token: a cookie read off a machine does not give the token away, and stops
  working when the desk restarts;
- HttpOnly (no script reads it), SameSite=Strict (no request another site starts
  carries it), Secure when the desk is reached over https;
- the token typed (or sent as a header) is compared in constant time: the HMACs of
  both are compared, so neither its characters nor its length show in the timing;
- a client address that sent ``MAX_WRONG_TOKENS`` wrong tokens in the last minute
  is answered 429 (with Retry-After) until the oldest of them is a minute old, even
  with the right token: a token people type may be short enough to guess in a loop,
  and a check that still answered would let the loop go on (``WrongTokens``).

The cookie opens the pages and what the API lets one read (the exports the pages
link to), not the API's changes: those need the header. A page served by another
port of the same host is "same-site", so a SameSite=Strict cookie goes with its
requests, and it can send a JSON body without a Content-Type, which asks no CORS
preflight; the pages' own forms carry their CSRF token (``csrf.py``).

    GET  /login?next=/briefings/3    the form (the page asked for is where it leads)
    POST /login                      the token typed: the cookie and 303 to that page, or 401 and the form
    POST /logout                     the cookie removed, 303 to /login

A page asked for without the token or the cookie is redirected to /login
(``app.Guard``); an API request gets a 401 in JSON.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
import urllib.parse
from collections import OrderedDict, deque
from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from . import pages

COOKIE = "summarize_desk_session"

# Ten wrong tokens a minute from one address: enough for a person's typos, while a
# loop guessing an eight-letter token would need over a billion years.
MAX_WRONG_TOKENS = 10
WRONG_TOKEN_WINDOW = 60.0  # seconds
# The addresses remembered (the least recently wrong forgotten first): a bound on the
# memory a crowd of addresses can take.
ADDRESSES_KEPT = 4096

router = APIRouter(include_in_schema=False)


class WrongTokens:
    """The wrong tokens each client address sent in the last ``WRONG_TOKEN_WINDOW`` seconds."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._times: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, address: str) -> deque[float]:
        times = self._times.get(address, deque())
        while times and times[0] <= self._clock() - WRONG_TOKEN_WINDOW:
            times.popleft()
        return times

    def wait(self, address: str) -> int:
        """Whole seconds before ``address`` may try a token again (0: now)."""
        times = self._recent(address)
        if len(times) < MAX_WRONG_TOKENS:
            return 0
        return max(1, math.ceil(times[-MAX_WRONG_TOKENS] + WRONG_TOKEN_WINDOW - self._clock()))

    def add(self, address: str) -> None:
        """Remember a wrong token from ``address``."""
        times = self._recent(address)
        times.append(self._clock())
        self._times[address] = times
        self._times.move_to_end(address)
        while len(self._times) > ADDRESSES_KEPT:
            self._times.popitem(last=False)


class Sessions:
    """The desk's token (None: none needed), the session cookie it gives, and the
    wrong tokens each address sent."""

    def __init__(self, token: str | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._secret = secrets.token_bytes(32)
        self.cookie = self._digest(token.encode()) if token else None
        self.wrong_tokens = WrongTokens(clock)

    @property
    def required(self) -> bool:
        return self.cookie is not None

    def _digest(self, value: bytes) -> str:
        return hmac.new(self._secret, value, hashlib.sha256).hexdigest()

    def is_token(self, given: str | bytes | None) -> bool:
        """Whether ``given`` is the token (in constant time)."""
        if self.cookie is None or given is None:
            return False
        raw = given.encode("utf-8", "surrogateescape") if isinstance(given, str) else given
        return hmac.compare_digest(self._digest(raw), self.cookie)

    def is_session(self, cookie: str | None) -> bool:
        """Whether ``cookie`` (the session cookie's value) is this desk's."""
        if self.cookie is None or cookie is None:
            return False
        return hmac.compare_digest(cookie.encode("utf-8", "surrogateescape"), self.cookie.encode())

    def signed_in(self, request: Request) -> bool:
        """Whether ``request``'s browser has signed in (and so may sign out)."""
        return self.is_session(request.cookies.get(COOKIE))


def login_address(path: str, query: str = "") -> str:
    """Where a browser that asked for ``path`` (and ``query``) signs in."""
    asked = path + (f"?{query}" if query else "")
    return "/login" if asked == "/" else "/login?" + urllib.parse.urlencode({"next": asked})


def safe_next(value: object) -> str:
    """The page to go to after signing in: a path of this desk, never another site
    ("//evil.example/", "https://...", "/\\evil.example" all become "/")."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    if any(character in value for character in "\\\r\n\t") or value.startswith("/login"):
        return "/"
    return value


def _sessions(request: Request) -> Sessions:
    return request.app.state.sessions


def client_address(client: tuple[str, int] | None) -> str:
    """The address wrong tokens are counted for: a request's ``client`` (host, port).
    Behind a reverse proxy every browser shares the proxy's address, and so its count."""
    return client[0] if client else ""


def too_many_wrong_tokens(wait: int) -> str:
    """The refusal of a token check from an address that sent too many wrong ones."""
    return f"too many wrong tokens from this address: try again in {wait} s"


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    target = safe_next(next)
    sessions = _sessions(request)
    if not sessions.required or sessions.signed_in(request):
        return RedirectResponse(target, status_code=303)
    return pages.with_csrf(request, "login.html.j2", next=target, wrong=False, wait=0)


@router.post("/login")
async def log_in(request: Request) -> Response:
    form = await pages.read_form(request)
    target = safe_next(form.get("next"))
    sessions = _sessions(request)
    if not sessions.required:
        return RedirectResponse(target, status_code=303)
    address = client_address(request.client)
    wait = sessions.wrong_tokens.wait(address)
    if wait:
        refusal = pages.with_csrf(request, "login.html.j2", status_code=429, next=target, wrong=False, wait=wait)
        refusal.headers["Retry-After"] = str(wait)
        return refusal
    token = form.get("token")
    if not isinstance(token, str) or not sessions.is_token(token):
        sessions.wrong_tokens.add(address)
        return pages.with_csrf(request, "login.html.j2", status_code=401, next=target, wrong=True, wait=0)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE, sessions.cookie or "", httponly=True, samesite="strict", secure=request.url.scheme == "https", path="/"
    )
    return response


@router.post("/logout")
async def log_out(request: Request) -> Response:
    await pages.read_form(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, httponly=True, samesite="strict", secure=request.url.scheme == "https", path="/")
    return response
