"""A browser's side of the desk's forms for the HTTP tests: a cookie jar, the CSRF
token read from a page, and form bodies (urlencoded, or multipart with files)."""

from __future__ import annotations

import re
import secrets
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field

from deskserver import Reply, call


def multipart(fields: dict[str, str], files: Sequence[tuple[str, str, bytes]] = ()) -> tuple[bytes, str]:
    """A multipart/form-data body of ``fields`` and ``files`` (field, filename, content)."""
    boundary = "----summarize" + secrets.token_hex(8)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n"
        )
    for name, filename, content in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@dataclass
class Visitor:
    """One browser: keeps the desk's cookies and sends them back."""

    base: str
    cookies: dict[str, str] = field(default_factory=dict)

    def _headers(self, headers: dict[str, str] | None = None) -> dict[str, str]:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def _keep(self, reply: Reply) -> Reply:
        cookie = reply.headers.get("set-cookie")
        if cookie:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return reply

    def get(self, path: str) -> Reply:
        return self._keep(call(self.base, "GET", path, headers=self._headers()))

    def token(self, path: str = "/new") -> str:
        """The CSRF token of the forms on ``path``."""
        match = re.search(r'name="csrf" value="([0-9a-f]+)"', self.get(path).text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def post_form(self, path: str, fields: dict[str, str]) -> Reply:
        body = urllib.parse.urlencode(fields).encode()
        return self._keep(
            call(
                self.base,
                "POST",
                path,
                raw=body,
                headers=self._headers({"Content-Type": "application/x-www-form-urlencoded"}),
            )
        )

    def post_multipart(self, path: str, fields: dict[str, str], files: Sequence[tuple[str, str, bytes]] = ()) -> Reply:
        body, content_type = multipart(fields, files)
        return self._keep(
            call(self.base, "POST", path, raw=body, headers=self._headers({"Content-Type": content_type}))
        )
