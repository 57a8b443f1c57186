"""Signing in to a desk that needs its token, over HTTP with the real server
(tests/deskserver.py): a browser asking for a page is sent to /login, types the
token on a CSRF-protected form, gets a session cookie (HttpOnly, SameSite=Strict,
Secure over https, not the token) and is sent back to the page it asked for. The
cookie opens the pages and the API's reads, not the API's changes; signing out
ends it. The same in a real browser: tests/test_desk_browser.py."""

from __future__ import annotations

import re
import subprocess
import urllib.parse

import pytest

from conftest import SAMPLE
from deskforms import Visitor
from deskserver import FirstSentences, call, running
from summarize.desk import login
from summarize.desk.app import DeskSettings, create_app
from summarize.desk.login import COOKIE, WrongTokens, safe_next
from summarize.pipeline import Briefer

TOKEN = "s3cret-tøken"  # not ASCII: typed on a form, and sent as UTF-8 in a header
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def _app(store, token: str | None = TOKEN):
    return create_app(store, Briefer(summarizer=FirstSentences()), DeskSettings(token=token))


@pytest.fixture
def guarded(store):
    with running(_app(store)) as base:
        yield base


def _sign_in(visitor: Visitor, token: str = TOKEN, next: str = "/") -> object:
    csrf = visitor.token(f"/login?next={urllib.parse.quote(next)}")
    return visitor.post_form("/login", {"csrf": csrf, "token": token, "next": next})


def test_a_browser_is_sent_to_the_login_page_and_back_to_the_page_it_asked_for(guarded, store):
    id = store.add(title="Kept", options={}, articles=1).id
    visitor = Visitor(guarded)
    for path, location in [
        ("/", "/login"),
        (f"/briefings/{id}?x=1", f"/login?next=%2Fbriefings%2F{id}%3Fx%3D1"),
        ("/new", "/login?next=%2Fnew"),
        ("/nowhere", "/login?next=%2Fnowhere"),
    ]:
        reply = visitor.get(path)
        assert (reply.status, reply.headers["location"]) == (303, location)
    assert visitor.get("/static/desk.css").status == 200  # the login page's own style
    form = visitor.get(f"/login?next=%2Fbriefings%2F{id}")
    assert form.status == 200 and "Sign in" in form.text
    assert '<input id="token" name="token" type="password"' in form.text
    assert f'name="next" value="/briefings/{id}"' in form.text and "Sign out" not in form.text

    reply = _sign_in(visitor, next=f"/briefings/{id}")
    assert (reply.status, reply.headers["location"]) == (303, f"/briefings/{id}")
    cookie = reply.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/" in cookie and "Secure" not in cookie  # plain http: a Secure cookie would not come back
    value = visitor.cookies[COOKIE]
    assert re.fullmatch(r"[0-9a-f]{64}", value) and TOKEN not in value  # an HMAC, not the token
    page = visitor.get(f"/briefings/{id}")
    assert page.status == 200 and "Kept" in page.text and 'action="/logout"' in page.text


def test_a_wrong_token_or_a_form_without_its_csrf_token_signs_nobody_in(guarded):
    visitor = Visitor(guarded)
    for wrong in ("s3cret", TOKEN + "x", "", "x" * 5000):
        reply = _sign_in(visitor, token=wrong)
        assert reply.status == 401 and "not this desk's token" in reply.text, wrong
        assert COOKIE not in visitor.cookies
    stranger = Visitor(guarded)  # another site's form: no CSRF cookie, no token
    reply = stranger.post_form("/login", {"token": TOKEN, "next": "/"})
    assert reply.status == 403 and "security token" in reply.text
    assert COOKIE not in stranger.cookies
    for forged in (TOKEN, "0" * 64, ""):
        visitor.cookies[COOKIE] = urllib.parse.quote(forged)
        assert visitor.get("/").status == 303


def test_the_session_opens_the_pages_and_the_apis_reads_not_its_changes(guarded):
    visitor = Visitor(guarded)
    assert _sign_in(visitor).status == 303
    reply = visitor.post_multipart("/briefings", {"csrf": visitor.token(), "text": SAMPLE_TEXT, "date": "2014-06-22"})
    assert reply.status == 303, reply.text
    id = int(reply.headers["location"].rsplit("/", 1)[1])
    cookies = {"Cookie": f"{COOKIE}={visitor.cookies[COOKIE]}"}
    assert call(guarded, "GET", f"/api/briefings/{id}", headers=cookies).json["id"] == id
    assert call(guarded, "GET", f"/api/briefings/{id}/export?format=email", headers=cookies).status == 200
    for method, path, body in [
        ("POST", "/api/briefings", {"texts": [SAMPLE_TEXT]}),
        ("PATCH", f"/api/briefings/{id}/events/0", {"deleted": True}),
        ("POST", f"/api/briefings/{id}/events/0/merge", {"into": 1}),
    ]:
        refused = call(guarded, method, path, body, headers=cookies)
        assert refused.status == 401 and refused.json["error"].startswith(
            "the API's changes need Authorization: Bearer TOKEN"
        ), (method, path)
        assert refused.headers["www-authenticate"] == "Bearer"
    # The header opens them: the token's UTF-8, as curl sends it.
    header = {"Authorization": b"Bearer " + TOKEN.encode()}
    assert call(guarded, "PATCH", f"/api/briefings/{id}/events/0", {"deleted": True}, headers=header).status == 200
    # Without a session, the API answers 401 in JSON (never a redirect), a page's form 401.
    reply = call(guarded, "GET", "/api/briefings")
    assert reply.status == 401 and reply.json["status"] == 401
    reply = call(guarded, "POST", "/briefings", raw=b"", headers={"Content-Type": "multipart/form-data"})
    assert reply.status == 401 and "sign in first" in reply.text


def test_signing_out_ends_the_session(guarded):
    visitor = Visitor(guarded)
    _sign_in(visitor)
    csrf = visitor.token("/")
    signed_in = dict(visitor.cookies)
    assert Visitor(guarded).post_form("/logout", {}).status == 403  # another site cannot sign you out
    reply = visitor.post_form("/logout", {"csrf": csrf})
    assert (reply.status, reply.headers["location"]) == (303, "/login")
    assert reply.headers["set-cookie"].startswith(f'{COOKIE}="";') and "Max-Age=0" in reply.headers["set-cookie"]
    assert visitor.get("/").status == 303
    # The cookie is the same while the desk runs; the browser forgets it.
    assert Visitor(guarded, cookies=signed_in).get("/").status == 200


def test_a_session_ends_with_the_desk_that_made_it(store):
    visitor_cookies = {}
    with running(_app(store)) as first:
        visitor = Visitor(first)
        _sign_in(visitor)
        visitor_cookies = dict(visitor.cookies)
        assert visitor.get("/").status == 200
    with running(_app(store)) as second:  # restarted, with the same token
        assert Visitor(second, cookies=visitor_cookies).get("/").status == 303


def test_a_desk_without_a_token_has_no_login(store):
    with running(_app(store, token=None)) as base:
        visitor = Visitor(base)
        reply = visitor.get("/login?next=%2Fnew")
        assert (reply.status, reply.headers["location"]) == (303, "/new")
        page = visitor.get("/")
        assert page.status == 200 and "Sign out" not in page.text


@pytest.mark.parametrize(
    "asked, safe",
    [
        ("/briefings/3?x=1", "/briefings/3?x=1"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("evil", "/"),
        ("/login?next=/x", "/"),
        ("/a\r\nSet-Cookie: x=1", "/"),
        (None, "/"),
    ],
)
def test_the_page_after_signing_in_is_always_this_desks(asked, safe):
    assert safe_next(asked) == safe


def test_over_https_the_session_cookie_is_secure(store, tmp_path):
    key, certificate = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with running(_app(store), ssl_keyfile=str(key), ssl_certfile=str(certificate)) as base:
        assert base.startswith("https://")
        visitor = Visitor(base)
        reply = _sign_in(visitor)
        assert reply.status == 303 and "; Secure" in reply.headers["set-cookie"]
        assert visitor.get("/").status == 200


def test_an_address_that_sent_ten_wrong_tokens_waits_a_minute(store):
    # A loop guessing the token, on the form and in the header: after ten wrong
    # tokens in a minute even the right one is refused (429, Retry-After), so the
    # answers stop telling the loop anything; a minute after the first, it may try again.
    now = [1000.0]
    guard = _app(store)
    guard.sessions.wrong_tokens = WrongTokens(clock=lambda: now[0])
    with running(guard) as base:
        visitor = Visitor(base)
        for guess in range(login.MAX_WRONG_TOKENS):
            reply = _sign_in(visitor, token=f"guess-{guess}")
            assert reply.status == 401 and "not this desk's token" in reply.text
            now[0] += 1
        refused = _sign_in(visitor)  # the right token, at 1010
        assert (refused.status, refused.headers["retry-after"]) == (429, "50")
        assert "Too many wrong tokens, from this address or from all together: try again in 50 s." in refused.text
        assert COOKIE not in visitor.cookies
        right = {"Authorization": b"Bearer " + TOKEN.encode()}  # its UTF-8, as curl sends it
        api = call(base, "GET", "/api/briefings", headers=right)
        assert (api.status, api.headers["retry-after"]) == (429, "50")
        assert api.json == {
            "error": "too many wrong tokens, from this address or from all together: try again in 50 s",
            "status": 429,
        }
        now[0] = 1059.5  # the first guess (at 1000) is still within the minute
        assert call(base, "GET", "/api/briefings", headers=right).headers["retry-after"] == "1"
        now[0] = 1060.0  # it is not: nine wrong in the last minute
        assert call(base, "GET", "/api/briefings", headers=right).status == 200
        assert call(base, "GET", "/api/briefings", token="wrong").status == 401  # the tenth again
        refused = call(base, "GET", "/api/briefings", headers=right)
        assert (refused.status, refused.headers["retry-after"]) == (429, "1")  # until 1001 leaves the minute
        now[0] = 1061.0
        assert call(base, "GET", "/api/briefings", headers=right).status == 200
        assert _sign_in(visitor).status == 303 and COOKIE in visitor.cookies


def test_wrong_tokens_are_counted_per_address_and_in_all():
    now = [0.0]
    wrong = WrongTokens(clock=lambda: now[0])
    for _ in range(login.MAX_WRONG_TOKENS - 1):
        wrong.add("192.0.2.1")
    assert wrong.wait("192.0.2.1") == 0
    wrong.add("192.0.2.1")
    assert (wrong.wait("192.0.2.1"), wrong.wait("192.0.2.2"), wrong.wait("")) == (60, 0, 0)
    now[0] = 59.25
    assert wrong.wait("192.0.2.1") == 1  # whole seconds, rounded up: never "0 s"
    now[0] = 60.0
    assert wrong.wait("192.0.2.1") == 0
    # A crowd of addresses, nine wrong tokens each: at a hundred in all, everyone waits.
    for n in range(login.MAX_WRONG_TOKENS_IN_ALL - 1):
        wrong.add(f"198.51.100.{n // 9}")
    assert wrong.wait("203.0.113.9") == 0  # 99 in the last minute (the first ten have left it)
    wrong.add("198.51.100.11")
    assert wrong.wait("203.0.113.9") == 60 and wrong.wait("198.51.100.3") == 60
    now[0] = 120.0  # a minute later all is forgotten, and so are the addresses
    assert wrong.wait("203.0.113.9") == 0 and wrong._by_address == {}


@pytest.mark.parametrize(
    ("client", "address"),
    [
        (("192.0.2.7", 50123), "192.0.2.7"),
        (("2001:db8:1:2:aaaa::1", 443), "2001:db8:1:2::/64"),  # one subscriber's network
        (("2001:db8:1:2:ffff::9", 443), "2001:db8:1:2::/64"),
        (("::ffff:192.0.2.7", 80), "192.0.2.7"),  # IPv4 seen through an IPv6 socket
        (("testclient", 50000), "testclient"),  # not an IP address: as it is
        (None, ""),
    ],
)
def test_wrong_tokens_are_counted_by_address_and_ipv6_by_its_network(client, address):
    assert login.client_address(client) == address
