"""Merging two events of a briefing, by the API and by the page's form, on SQLite
and PostgreSQL: the merged event leaves the exports, the one it joined is reported
by both sources with both dates, and separating them undoes it."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLE
from deskforms import Visitor
from deskserver import FirstSentences, call, running, wait_for
from summarize.desk.app import create_app
from summarize.desk.storage import Store
from summarize.pipeline import Briefer

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
# Two articles telling one happening with different dates: two events to merge.
RAWA = {
    "text": "Rawa falls\n\nMilitants seized the town of Rawa on Saturday after a short fight with police.",
    "date": "2014-06-22",
    "source": "wire-a",
}
ANA = {
    "text": "Ana taken\n\nThe town of Ana was overrun by gunmen on 20 June 2014, officials said.",
    "date": "2014-06-23",
    "source": "wire-b",
}


@pytest.mark.parametrize("database", ["sqlite", "postgresql"], indirect=True)
def test_merging_folds_an_event_into_another_and_separating_undoes_it(database):
    store = Store(database)
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
        id = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}).json["id"]
        before = call(desk, "GET", f"/api/briefings/{id}").json["events"]
        first, second = before[1], before[3]
        reply = call(desk, "POST", f"/api/briefings/{id}/events/3/merge", {"into": 1})
        assert reply.status == 200, reply.text
        assert reply.json["event"]["merged_into"] == 1 and reply.json["event"]["edited"]
        joined = reply.json["into"]
        assert joined["headline"] == first["headline"] and joined["index"] == 1
        expected_conflicts = [] if second["value"] == first["value"] else [second["value"]]
        assert [c["value"] for c in joined["conflicts"]] == [
            c["value"] for c in first["conflicts"]
        ] + expected_conflicts
        exported = call(desk, "GET", f"/api/briefings/{id}/export?format=json").json
        assert second["headline"] not in [e["headline"] for e in exported["events"]]
        assert len(exported["events"]) == len(before) - 1
        # Separated: the export is what it was.
        assert call(desk, "POST", f"/api/briefings/{id}/events/3/merge", {"into": None}).status == 200
        exported = call(desk, "GET", f"/api/briefings/{id}/export?format=json").json
        assert [e["headline"] for e in exported["events"]] == [e["headline"] for e in before]
        assert [(e.index, e.changes) for e in store.get(id).edits] == [
            (3, {"merged_into": 1}),
            (3, {"merged_into": None}),
        ]
    store.close()


def test_a_merged_event_reports_both_sources(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
        # Two articles, under the key-date threshold: a timeline of events, merged by the pipeline where it can.
        created = call(desk, "POST", "/api/briefings", {"articles": [RAWA, ANA]}).json
        document = wait_for(desk, created["id"]).json
        by_source = {event["source"]: event for event in document["events"]}
        assert set(by_source) == {"wire-a", "wire-b"}, json.dumps(document["events"], indent=1)
        rawa, ana = by_source["wire-a"], by_source["wire-b"]
        reply = call(
            desk, "POST", f"/api/briefings/{created['id']}/events/{ana['index']}/merge", {"into": rawa["index"]}
        )
        assert reply.json["into"]["sources"] == ["wire-a", "wire-b"]
        text = call(desk, "GET", f"/api/briefings/{created['id']}/export?format=html").text
        timeline = text[text.index('id="timeline-heading"') :]  # the summaries above quote every article
        assert "Reported by wire-a; wire-b" in timeline and ana["headline"] not in timeline
    store.close()


def test_merges_that_make_no_sense_are_refused(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
        id = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}).json["id"]
        base = f"/api/briefings/{id}/events"
        assert call(desk, "POST", f"{base}/2/merge", {"into": 1}).status == 200
        for path, body, status, words in [
            (f"{base}/1/merge", {"into": 1}, 422, "cannot be merged into itself"),
            (f"{base}/1/merge", {"into": 99}, 404, "no event 99"),
            (f"{base}/99/merge", {"into": 1}, 404, "has no event 99"),
            (f"{base}/4/merge", {"into": 2}, 409, "event 2 is merged into event 1: merge into event 1 instead"),
            (f"{base}/1/merge", {"into": 4}, 409, "event 2 is merged into event 1: separate it first"),
            (f"{base}/1/merge", {}, 422, "into"),
            (f"{base}/1/merge", {"into": -1}, 422, "into"),
            ("/api/briefings/999/events/1/merge", {"into": 0}, 404, "no briefing 999"),
        ]:
            reply = call(desk, "POST", path, body)
            assert (reply.status, reply.json["status"]) == (status, status), (path, body, reply.text)
            assert words in reply.json["error"], reply.text
        assert len(store.get(id).edits) == 1
    store.close()


def test_the_page_merges_and_separates_by_its_forms(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
        visitor = Visitor(desk)
        id = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}).json["id"]
        token = visitor.token(f"/briefings/{id}")
        reply = visitor.post_form(f"/briefings/{id}/events/2", {"csrf": token, "action": "merge", "into": "0"})
        assert reply.status == 303, reply.text
        page = visitor.get(f"/briefings/{id}").text
        assert "merged into event 0" in page and 'value="separate"' in page
        refused = visitor.post_form(f"/briefings/{id}/events/0", {"csrf": token, "action": "merge", "into": "0"})
        assert refused.status == 422 and "cannot be merged into itself" in refused.text
        assert visitor.post_form(f"/briefings/{id}/events/2", {"csrf": token, "action": "separate"}).status == 303
        assert call(desk, "GET", f"/api/briefings/{id}").json["events"][2]["merged_into"] is None
    store.close()
