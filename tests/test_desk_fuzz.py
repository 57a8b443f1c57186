"""The desk's API fuzzed from its own OpenAPI schema by schemathesis.

Every operation of /openapi.json gets requests generated from the schema, valid and
invalid, sent over HTTP to a real desk (uvicorn, a SQLite file, the real pipeline
with tests/deskserver.py's stand-in summarizer), and every answer is checked by
schemathesis's checks: no 5xx, every status, media type and body as the schema
documents it (``summarize/desk/schemas.py``), invalid requests refused and valid
ones not, and 405s naming the methods allowed.

The desk is seeded first with briefings of every state (done with events its
selection dropped, a key-date briefing, running, failed), so that generated ids
reach real ones (ids 1-4) and edits, pins of dropped events, key-date edits, merges
and exports run for real. A desk that needs its token is fuzzed too, as a program
without the token and a browser signed in on /login see it (documented 401s), and a
PDF export that finds no printer free gets the documented 503. It fetches no URL: the fuzzer's URLs are refused before any
lookup (``netguard.checked_address`` refuses every host), so nothing leaves the machine.

Bounded for the suite: ``SUMMARIZE_FUZZ_EXAMPLES`` examples per operation (default
25, about 30 s; a fifth of them for the desk with a token). A longer run, as the
README says: ``SUMMARIZE_FUZZ_EXAMPLES=1000 pytest tests/test_desk_fuzz.py -k schema_says``.
"""

from __future__ import annotations

import os
from types import SimpleNamespace
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import ValidationError
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import positive_data_acceptance, unsupported_method

from conftest import DATA, SAMPLE
from deskforms import Visitor
from deskserver import FirstSentences, call, running, wait_for
from summarize.desk.app import DeskSettings, create_app
from summarize.desk.login import COOKIE
from summarize.desk.schemas import BriefingJSON, DoneBriefing, PendingBriefing
from summarize.desk.storage import Store
from summarize.inputs import netguard
from summarize.pipeline import Briefer
from summarize.rendering.chromium import find_chromium

# The suite's run is the same every time (derandomized); a longer run asked for by
# SUMMARIZE_FUZZ_EXAMPLES draws new examples each time (a failure prints its seed).
EXAMPLES = int(os.environ.get("SUMMARIZE_FUZZ_EXAMPLES", "25"))
DERANDOMIZE = "SUMMARIZE_FUZZ_EXAMPLES" not in os.environ
# Where Chromium is missing (the pdf tests skip), a pdf export is the documented 503.
NO_CHROMIUM = find_chromium() is None and not os.environ.get("SUMMARIZE_REQUIRE_BROWSER")
NO_NETWORK = "no network while fuzzing"
TOKEN = "fuzz-token"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def _served_schema() -> dict:
    """The schema the desk serves at /openapi.json (the app is made, not started)."""
    store = Store("sqlite://")
    try:
        return create_app(store, Briefer(summarizer=FirstSentences())).app.openapi()
    finally:
        store.close()


schema = schemathesis.openapi.from_dict(_served_schema())


def _refuse(host: str, port: int, policy: netguard.FetchPolicy) -> str:
    raise netguard.Refused(NO_NETWORK)


@pytest.fixture(scope="module")
def fuzzed_desk(tmp_path_factory):
    """A desk holding briefing 1 (done, the sample since "yesterday": events 0-4, and
    5 and 6 dropped), 2 (done, key dates), 3 (running) and 4 (failed), whose URL
    fetching refuses every host."""
    followup = (DATA / "briefing" / "followup-dateline.txt").read_text(encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(netguard, "checked_address", _refuse)
        store = Store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'desk.sqlite3'}")
        with running(create_app(store, Briefer(summarizer=FirstSentences()))) as base:
            done = call(
                base, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22", "since": "yesterday"}
            )
            assert (done.status, done.json["id"]) == (201, 1), done.text
            assert [event["index"] for event in done.json["dropped"]] == [5, 6], done.text
            key_dates = call(
                base, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT, followup], "date": "2014-06-22", "max_dates": 3}
            )
            assert (key_dates.status, key_dates.json["id"]) == (201, 2), key_dates.text
            assert wait_for(base, 2).json["key_dates"]
            assert store.add(title="Briefing of 3 articles", options={}, articles=3).id == 3  # never finishes
            failed = store.add(title="Briefing of 2 articles", options={}, articles=2)
            store.fail(failed.id, "no article could be read")
            yield base
        store.close()


def test_the_fuzzed_desk_reaches_no_network(fuzzed_desk):
    # Refused before the name is even looked up (.invalid, should it ever be: RFC 6761).
    reply = call(fuzzed_desk, "POST", "/api/briefings", {"urls": ["http://fuzz.invalid/story.html"]})
    assert reply.status == 422 and NO_NETWORK in reply.json["error"], reply.text


def test_the_check_of_valid_requests_fails_on_a_validation_422_only():
    def answer(status: int, error: str) -> Any:  # a stand-in with the Response fields the check reads
        return SimpleNamespace(status_code=status, json=lambda: {"error": error, "status": status}, text=error)

    valid = SimpleNamespace(meta=SimpleNamespace(generation=SimpleNamespace(mode=GenerationMode.POSITIVE)))
    invalid = SimpleNamespace(meta=SimpleNamespace(generation=SimpleNamespace(mode=GenerationMode.NEGATIVE)))
    valid_requests_pass_validation(None, answer(422, "--date: cannot read 'x' as a date"), valid)
    valid_requests_pass_validation(None, answer(404, "no briefing 7"), valid)
    valid_requests_pass_validation(None, answer(422, "body.texts: Input should be a valid list"), invalid)
    for status, error in (
        (422, "body.texts: Input should be a valid list"),
        (400, "There was an error"),
        (413, "the request body is larger"),
    ):
        with pytest.raises(AssertionError, match="a schema-valid request was refused"):
            valid_requests_pass_validation(None, answer(status, error), valid)


# A schema-valid request is accepted with these (schemathesis's positive_data_acceptance).
ACCEPTED = {401, 403, 404, 409}
# What request validation's 422 says first: the part of the request that is wrong.
VALIDATION_PARTS = ("body", "query", "path", "header")


def valid_requests_pass_validation(ctx: CheckContext, response: Response, case: Case) -> None:
    """positive_data_acceptance, with one more answer allowed: a schema-valid request
    may be refused with 422 by what reads it (a date dateparser cannot read, an article
    without prose, an event merged into itself: the library's one-line messages, which
    no JSON Schema can say), never by request validation, which would be the schema
    promising what the models refuse."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return
    status = response.status_code
    if status < 300 or status >= 500 or status in ACCEPTED:
        return
    error = response.json().get("error", "") if status == 422 else ""
    assert status == 422 and not error.startswith(VALIDATION_PARTS), (
        f"a schema-valid request was refused: {status} {response.text[:300]}"
    )


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=DERANDOMIZE)
def test_the_api_answers_as_its_schema_says(case, fuzzed_desk):
    excluded = [positive_data_acceptance]
    if NO_CHROMIUM and case.path.endswith("/export") and (case.query or {}).get("format") == "pdf":
        excluded.append(not_a_server_error)  # the documented 503: this machine cannot print PDFs
    case.call_and_validate(
        base_url=fuzzed_desk, excluded_checks=excluded, additional_checks=[valid_requests_pass_validation]
    )


def test_the_response_models_describe_the_documents_exactly(fuzzed_desk):
    # The CLI's JSON, a timeline and a key-date briefing, as the desk and the CLI write them.
    for id in (1, 2):
        document = call(fuzzed_desk, "GET", f"/api/briefings/{id}").json
        DoneBriefing.model_validate(document)
        BriefingJSON.model_validate(call(fuzzed_desk, "GET", f"/api/briefings/{id}/export?format=json").json)
    BriefingJSON.model_validate_json((DATA / "golden" / "iraq-rawa-ana.json").read_text(encoding="utf-8"))
    for id in (3, 4):
        PendingBriefing.model_validate(call(fuzzed_desk, "GET", f"/api/briefings/{id}").json)
    # A field the models do not name is a violation, not ignored.
    document = call(fuzzed_desk, "GET", "/api/briefings/1").json
    document["events"][0]["new_field"] = 1
    with pytest.raises(ValidationError, match="new_field"):
        DoneBriefing.model_validate(document)


def test_the_response_models_describe_dropped_events_and_key_dates_exactly(fuzzed_desk):
    document = call(fuzzed_desk, "GET", "/api/briefings/1").json
    assert [event["index"] for event in document["dropped"]] == [5, 6]
    DoneBriefing.model_validate(document)
    # A pinned event stands in events, never in dropped; a dropped event is never merged.
    for field, value in (("pinned", True), ("merged_into", 0)):
        changed = {**document, "dropped": [{**document["dropped"][0], field: value}, *document["dropped"][1:]]}
        with pytest.raises(ValidationError, match=f"dropped.0.{field}"):
            DoneBriefing.model_validate(changed)
    with pytest.raises(ValidationError, match="dropped"):
        DoneBriefing.model_validate({name: value for name, value in document.items() if name != "dropped"})
    key_dates = call(fuzzed_desk, "GET", "/api/briefings/2").json
    assert [key_date["index"] for key_date in key_dates["key_dates"]] == list(range(len(key_dates["key_dates"])))
    assert key_dates["dropped"] == [] and key_dates["events"] == []
    DoneBriefing.model_validate(key_dates)
    # A key date carries its edit state, and is never merged.
    for broken in (
        {k: v for k, v in key_dates["key_dates"][0].items() if k != "deleted"},
        {**key_dates["key_dates"][0], "merged_into": 1},
    ):
        with pytest.raises(ValidationError, match=r"key_dates\.0"):
            DoneBriefing.model_validate({**key_dates, "key_dates": [broken]})


def test_edits_of_dropped_events_and_key_dates_answer_as_documented(tmp_path):
    # On a desk of its own, so that the fuzzed desk's briefings stay as the fuzzer left them.
    operation = schema["/api/briefings/{id}/events/{index}"]["PATCH"]
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as base:
        call(base, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22", "since": "yesterday"})
        followup = (DATA / "briefing" / "followup-dateline.txt").read_text(encoding="utf-8")
        call(base, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT, followup], "date": "2014-06-22", "max_dates": 3})
        wait_for(base, 2)
        for id, index, body, status in [
            (1, 6, {"note": "kept aside"}, 200),
            (1, 5, {"pinned": True}, 200),
            (2, 0, {"label": "The day it began", "pinned": True}, 200),
            (2, 0, {"headline": "A headline"}, 422),
        ]:
            case = operation.Case(path_parameters={"id": id, "index": index}, body=body, media_type="application/json")
            reply = case.call_and_validate(base_url=base)
            assert reply.status_code == status, reply.text
        assert reply.json()["error"].startswith("a key date has no headline to edit")
        document = call(base, "GET", "/api/briefings/2").json
        assert document["key_dates"][0]["label"] == "The day it began" and document["key_dates"][0]["pinned"]
        merge = schema["/api/briefings/{id}/events/{index}/merge"]["POST"]
        for id, index, into in [(1, 6, 0), (1, 0, 6), (2, 1, 0)]:
            case = merge.Case(
                path_parameters={"id": id, "index": index}, body={"into": into}, media_type="application/json"
            )
            reply = case.call_and_validate(base_url=base)
            assert reply.status_code == 422 and reply.json()["status"] == 422, reply.text
    store.close()


@pytest.fixture(scope="module")
def guarded_desk(tmp_path_factory):
    """A desk that needs its token (as off loopback), holding briefing 1 (done), and
    the session cookie of a browser signed in on /login."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('fuzz-token') / 'desk.sqlite3'}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(netguard, "checked_address", _refuse)
        with running(create_app(store, Briefer(summarizer=FirstSentences()), DeskSettings(token=TOKEN))) as base:
            made = call(base, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}, token=TOKEN)
            assert made.status == 201, made.text
            browser = Visitor(base)
            signed_in = browser.post_form("/login", {"csrf": browser.token("/login"), "token": TOKEN, "next": "/"})
            assert signed_in.status == 303 and COOKIE in browser.cookies, signed_in.text
            yield base, browser.cookies[COOKIE]
    store.close()


@schema.parametrize()
@settings(
    max_examples=max(5, EXAMPLES // 5), deadline=None, suppress_health_check=list(HealthCheck), derandomize=DERANDOMIZE
)
def test_a_desk_with_a_token_answers_as_its_schema_says(case, guarded_desk):
    # Without the token, every request is a documented 401; a browser signed in
    # reads the API (answered as documented), and its changes are a documented 401.
    base, cookie = guarded_desk
    # The token is asked for before the method is looked at: TRACE without it is a
    # 401, not the 405 the open desk answers (test_a_405_names_every_method_of_the_path).
    excluded = [positive_data_acceptance, unsupported_method]
    if NO_CHROMIUM and case.path.endswith("/export") and (case.query or {}).get("format") == "pdf":
        excluded.append(not_a_server_error)
    stranger = case.call_and_validate(
        base_url=base, excluded_checks=excluded, additional_checks=[valid_requests_pass_validation]
    )
    assert stranger.status_code == 401 and stranger.headers["www-authenticate"] == ["Bearer"], stranger.text
    browser = case.call_and_validate(
        base_url=base,
        cookies={COOKIE: cookie},
        excluded_checks=excluded,
        additional_checks=[valid_requests_pass_validation],
    )
    assert (browser.status_code == 401) == (case.method != "GET"), browser.text


def test_a_pdf_export_that_finds_no_printer_free_is_the_documented_503(tmp_path):
    # No printer at all: every pdf request waits its 0.05 s and gets the busy 503, as
    # one does when two PDFs are printing (tests/test_pdf.py sees that for real).
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    app = create_app(store, Briefer(summarizer=FirstSentences()), DeskSettings(pdf_printers=0, pdf_wait=0.05))
    with running(app) as base:
        id = call(base, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}).json["id"]
        case = schema["/api/briefings/{id}/export"]["GET"].Case(path_parameters={"id": id}, query={"format": "pdf"})
        reply = case.call_and_validate(base_url=base, excluded_checks=[not_a_server_error])
        assert reply.status_code == 503 and reply.json() == {
            "error": "the desk is printing 0 PDFs already and none finished within 0.05 s: try again in a moment",
            "status": 503,
        }
        assert (
            "no printer came free"
            in schema.raw_schema["paths"]["/api/briefings/{id}/export"]["get"]["responses"]["503"]["description"]
        )
    store.close()


# What the fuzzer found, each fixed in the desk and kept here as a plain test.


@pytest.mark.parametrize(
    "method, path, body, status, words",
    [
        # A 500 (SQLite: "Python int too large to convert to SQLite INTEGER"): ids and
        # offsets past the database's INTEGER are refused before any query.
        ("GET", "/api/briefings/888288465524988979001917620069859328", None, 422, "path.id"),
        ("GET", f"/api/briefings/{2**63}/export?format=html", None, 422, "path.id"),
        ("PATCH", f"/api/briefings/1/events/{2**31}", {"deleted": True}, 422, "path.index"),
        ("GET", f"/api/briefings?offset={2**63}", None, 422, "query.offset"),
        # ?date=0 listed briefings of 1 January 1970 (pydantic reads a number as a Unix time).
        ("GET", "/api/briefings?date=0", None, 422, "give the day as YYYY-MM-DD"),
        ("GET", "/api/briefings?date=20140622", None, 422, "give the day as YYYY-MM-DD"),
        # true was read as 1 and "2" as 2, where the schema says a number.
        (
            "POST",
            "/api/briefings",
            {"texts": [SAMPLE.read_text(encoding="utf-8")], "per_date": True},
            422,
            "per_date: give a number, not true",
        ),
        ("POST", "/api/briefings", {"texts": ["A story."], "sentences": "2"}, 422, 'sentences: give a number, not "2"'),
        ("POST", "/api/briefings/1/events/0/merge", {"into": False}, 422, "into: give a number, not false"),
        # An event change of nulls only was refused for "no change"; null is now not a value at all.
        ("PATCH", "/api/briefings/1/events/0", {"headline": None}, 422, "body.headline"),
        # A corpus line's date that is not YYYY-MM-DD, though Python reads 20140622.
        (
            "POST",
            "/api/briefings",
            {"articles": [{"text": "A story.", "date": "20140622"}]},
            422,
            "body.articles.0.date: Value error, give the day as YYYY-MM-DD",
        ),
    ],
)
def test_what_the_fuzzer_found_is_refused_with_a_422(fuzzed_desk, method, path, body, status, words):
    reply = call(fuzzed_desk, method, path, body)
    assert (reply.status, reply.json["status"]) == (status, status), reply.text
    assert words in reply.json["error"], reply.text


def test_what_the_fuzzer_found_that_is_valid_is_accepted(fuzzed_desk):
    # 2.0 is an integer to JSON Schema; strict validation would refuse it.
    reply = call(fuzzed_desk, "POST", "/api/briefings", {"texts": ["A story on 2 June 2014."], "sentences": 2.0})
    assert reply.status == 201 and reply.json["options"] == {"sentences": 2}, reply.text
    id = call(fuzzed_desk, "POST", "/api/briefings", {"texts": [SAMPLE.read_text(encoding="utf-8")]}).json["id"]
    merged = call(fuzzed_desk, "POST", f"/api/briefings/{id}/events/0/merge", {"into": 1.0})
    assert merged.status == 200 and merged.json["event"]["merged_into"] == 1, merged.text
    # null is "not given" in a corpus line: the text is the article.
    reply = call(fuzzed_desk, "POST", "/api/briefings", {"articles": [{"text": "A story.", "html": None}]})
    assert reply.status == 201, reply.text


@pytest.mark.parametrize(
    "path, allowed",
    [("/api/briefings", "GET, POST"), ("/api/briefings/1", "GET"), ("/api/briefings/1/events/0", "PATCH")],
)
def test_a_405_names_every_method_of_the_path(fuzzed_desk, path, allowed):
    # Starlette named the first route's only: OPTIONS /api/briefings said "Allow: POST".
    for method in ("OPTIONS", "PUT"):
        reply = call(fuzzed_desk, method, path)
        assert (reply.status, reply.headers["allow"]) == (405, allowed), reply.text
        assert reply.json == {"error": "Method Not Allowed", "status": 405}


def test_a_body_that_is_not_text_is_a_documented_400(fuzzed_desk):
    reply = call(
        fuzzed_desk,
        "PATCH",
        "/api/briefings/1/events/0",
        raw=b'{"note": "\xff"}',
        headers={"Content-Type": "application/json"},
    )
    assert reply.status == 400 and reply.json["status"] == 400, reply.text
    assert "400" in schema.raw_schema["paths"]["/api/briefings/{id}/events/{index}"]["patch"]["responses"]


@pytest.mark.parametrize("database", ["sqlite", "postgresql"], indirect=True)
def test_the_largest_id_is_a_404_on_either_database_and_one_more_a_422(database):
    # PostgreSQL's INTEGER ends at 2**31 - 1: a larger id would fail in the database.
    store = Store(database)
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
        assert call(desk, "GET", f"/api/briefings/{2**31 - 1}").status == 404
        assert call(desk, "PATCH", f"/api/briefings/{2**31 - 1}/events/{2**31 - 1}", {"pinned": True}).status == 404
        assert call(desk, "GET", f"/api/briefings?offset={2**31 - 1}").json == {"briefings": []}
        assert call(desk, "GET", f"/api/briefings/{2**31}").status == 422
    store.close()
