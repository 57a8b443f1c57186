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
  (or all of them together ``MAX_WRONG_TOKENS_IN_ALL``) is answered 429 with
  Retry-After until the oldest of them is a minute old, even with the right token: a
  token people type may be short enough to guess in a loop, and a check that still
  answered would let the loop go on (``WrongTokens``).

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
import ipaddress
import math
import secrets
import time
import urllib.parse
from collections import deque
from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from . import pages

COOKIE = "summarize_desk_session"

# Ten wrong tokens a minute from one address: enough for a person's typos; a loop
# guessing a random token of eight lower-case letters (26^8) would need about 40,000
# years at that rate.
MAX_WRONG_TOKENS = 10
# And a hundred a minute from all addresses together, so that a crowd of addresses
# guesses no faster than ten of them (an IPv6 network is counted as one address per
# /64, but a botnet has many). Past it every address waits a minute, the right
# token's too: the price of a bound, and it bounds what is remembered (a hundred
# addresses at most).
MAX_WRONG_TOKENS_IN_ALL = 100
WRONG_TOKEN_WINDOW = 60.0  # seconds

router = APIRouter(include_in_schema=False)


class WrongTokens:
    """The last wrong tokens sent within ``WRONG_TOKEN_WINDOW`` seconds, by client
    address and from all of them together."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._by_address: dict[str, deque[float]] = {}
        self._in_all: deque[float] = deque(maxlen=MAX_WRONG_TOKENS_IN_ALL)

    def _wait_for(self, times: deque[float], now: float) -> int:
        """Whole seconds until the oldest of a full ``times`` leaves the window (0: not full)."""
        if len(times) < (times.maxlen or 0) or times[0] <= now - WRONG_TOKEN_WINDOW:
            return 0
        return max(1, math.ceil(times[0] + WRONG_TOKEN_WINDOW - now))

    def wait(self, address: str) -> int:
        """Whole seconds before ``address`` may try a token again (0: now)."""
        now = self._clock()
        # An address with no wrong token in the window is forgotten: while no more than
        # MAX_WRONG_TOKENS_IN_ALL are in the window, so many addresses at most are kept.
        for stale in [known for known, times in self._by_address.items() if times[-1] <= now - WRONG_TOKEN_WINDOW]:
            del self._by_address[stale]
        times = self._by_address.get(address, deque(maxlen=MAX_WRONG_TOKENS))
        return max(self._wait_for(times, now), self._wait_for(self._in_all, now))

    def add(self, address: str) -> None:
        """Remember a wrong token from ``address``."""
        now = self._clock()
        self._by_address.setdefault(address, deque(maxlen=MAX_WRONG_TOKENS)).append(now)
        self._in_all.append(now)


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

    def try_token(self, address: str, given: str | bytes | None) -> tuple[bool, int]:
        """Whether ``given`` is the token, and the whole seconds ``address`` must wait
        when it was not even checked (too many wrong ones: from it, or from everyone).
        A wrong token is counted."""
        wait = self.wrong_tokens.wait(address)
        if wait:
            return False, wait
        if self.is_token(given):
            return True, 0
        self.wrong_tokens.add(address)
        return False, 0

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
    """The address wrong tokens are counted for, from a request's ``client`` (host,
    port): an IPv6 address by its /64, the network one subscriber holds. Behind a
    reverse proxy every browser shares the proxy's address, and so its count."""
    if not client:
        return ""
    try:
        address = ipaddress.ip_address(client[0])
    except ValueError:
        return client[0]
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(getattr(address, "ipv4_mapped", None) or address)


def too_many_wrong_tokens(wait: int) -> str:
    """The refusal of a token check from an address that sent too many wrong ones."""
    return f"too many wrong tokens, from this address or from all together: try again in {wait} s"


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
    token = form.get("token")
    right, wait = sessions.try_token(client_address(request.client), token if isinstance(token, str) else None)
    if wait:
        refusal = pages.with_csrf(request, "login.html.j2", status_code=429, next=target, wrong=False, wait=wait)
        refusal.headers["Retry-After"] = str(wait)
        return refusal
    if not right:
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
