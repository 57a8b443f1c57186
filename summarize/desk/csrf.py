"""CSRF protection of the desk's forms: a token tied to a cookie, checked on POST.

A browser sends the desk's cookies with a form that another site makes it post;
it does not let that site read the desk's pages, so it cannot know the token they
carry. The cookie is a random value (HttpOnly, SameSite=Strict: not sent on a
request started by another site at all); the token in each form is its HMAC under
the server's secret, so a cookie planted by a neighbour (another port on the same
host shares cookies) is worthless without the secret. The secret is made when the
app starts: a page from before a restart gets a clear 403 asking to reload.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

from ..errors import RefusedError

COOKIE = "summarize_desk_csrf"
FIELD = "csrf"


class Csrf:
    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)

    def _token(self, cookie: str) -> str:
        return hmac.new(self._secret, cookie.encode(), hashlib.sha256).hexdigest()

    def token(self, request: Request) -> tuple[str, str | None]:
        """The token for the forms of a page shown to ``request``'s browser, and a
        new cookie value to set when it has none yet."""
        cookie = request.cookies.get(COOKIE)
        if cookie and len(cookie) == 43:
            return self._token(cookie), None
        cookie = secrets.token_urlsafe(32)  # 43 characters
        return self._token(cookie), cookie

    @staticmethod
    def set_cookie(response: Response, cookie: str | None) -> None:
        if cookie is not None:
            response.set_cookie(COOKIE, cookie, httponly=True, samesite="strict", path="/")

    def check(self, request: Request, given: object) -> None:
        """``RefusedError`` unless ``given`` (the form's field) is the token of the cookie."""
        cookie = request.cookies.get(COOKIE)
        if not cookie or not isinstance(given, str) or not hmac.compare_digest(given, self._token(cookie)):
            raise RefusedError(
                "this form has no valid security token (it came from another site, or from a page "
                "shown before the desk restarted): reload the page and send it again"
            )
