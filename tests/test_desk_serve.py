"""``summarize serve`` as users start it: the real command in a subprocess, the real
MiniLM model, a SQLite file, HTTP from outside."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SAMPLE
from deskforms import Visitor
from deskserver import call, wait_for

TOKEN = "desk-test-token"
FOLLOWUP = ROOT / "tests" / "data" / "briefing" / "followup-dateline.txt"


def _environment(**extra: str) -> dict[str, str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **extra}
    environment.pop("SUMMARIZE_TOKEN", None)
    environment.update(extra)
    return environment


def _summarize(*args: str, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=_environment(**environment),
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """``summarize serve`` on every address (so it needs its token, given by the
    environment) and a free port; yields its base URL and the process."""
    database = tmp_path_factory.mktemp("desk") / "desk.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", "serve", "--host", "0.0.0.0", "--port", "0", "--db", str(database)],
        cwd=ROOT,
        env=_environment(SUMMARIZE_TOKEN=TOKEN),
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    line = ""
    while "briefing desk is at" not in line:
        assert process.poll() is None and time.monotonic() < deadline, f"serve did not start: {line}"
        line = process.stderr.readline()
    port = int(re.search(r"http://0\.0\.0\.0:(\d+)/", line).group(1))
    assert f"(briefings in sqlite:///{database})" in line
    yield f"http://127.0.0.1:{port}", process
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.mark.slow
def test_the_desks_json_is_the_clis_json(served):
    base, _ = served
    reply = call(
        base,
        "POST",
        "/api/briefings",
        {
            "articles": [{"text": SAMPLE.read_text(encoding="utf-8"), "source": "examples/iraq-rawa-ana.txt"}],
            "date": "2014-06-22",
        },
        token=TOKEN,
    )
    assert reply.status == 201, reply.text
    assert reply.json["status"] == "done"
    assert reply.json["articles"][0]["summary_method"] == "extractive: MiniLM"
    cli = _summarize("examples/iraq-rawa-ana.txt", "--date", "2014-06-22", "--format", "json")
    assert cli.returncode == 0, cli.stderr
    export = call(base, "GET", f"/api/briefings/{reply.json['id']}/export?format=json", token=TOKEN)
    assert export.text == cli.stdout
    assert json.loads(cli.stdout)["events"] == [
        {k: v for k, v in event.items() if k not in ("index", "deleted", "pinned", "note", "merged_into", "edited")}
        for event in reply.json["events"]
    ]


@pytest.mark.slow
def test_several_articles_are_briefed_in_the_background_into_one_timeline(served):
    base, _ = served
    reply = call(
        base,
        "POST",
        "/api/briefings",
        {"texts": [SAMPLE.read_text(encoding="utf-8"), FOLLOWUP.read_text(encoding="utf-8")], "date": "2014-06-22"},
        token=TOKEN,
    )
    assert reply.status == 201 and reply.json["status"] == "running", reply.text
    done = wait_for(base, reply.json["id"], token=TOKEN, timeout=120).json
    assert [a["source"] for a in done["articles"]] == ["text 1", "text 2"]
    assert any(event["sources"] == ["text 1", "text 2"] for event in done["events"])  # merged across articles
    assert done["title"].endswith(" and 1 more")


@pytest.mark.slow
def test_off_loopback_every_request_needs_the_token(served):
    base, _ = served
    assert call(base, "GET", "/api/briefings").status == 401
    assert call(base, "GET", "/api/briefings", token="wrong").status == 401
    assert call(base, "GET", "/api/briefings", token=TOKEN).status == 200


@pytest.mark.slow
def test_off_loopback_a_browser_signs_in_with_the_token(served):
    base, _ = served
    visitor = Visitor(base)
    assert visitor.get("/new").headers["location"] == "/login?next=%2Fnew"
    reply = visitor.post_form("/login", {"csrf": visitor.token("/login?next=%2Fnew"), "token": TOKEN, "next": "/new"})
    assert (reply.status, reply.headers["location"]) == (303, "/new")
    page = visitor.get("/new")
    assert page.status == 200 and "New briefing" in page.text and "Sign out" in page.text


@pytest.mark.slow
def test_sigterm_stops_the_server_cleanly(served):
    _, process = served
    process.send_signal(signal.SIGTERM)
    # uvicorn shuts down gracefully, then ends by the signal it was sent, as a
    # program killed by SIGTERM does (a shell shows 143).
    assert process.wait(timeout=30) == -signal.SIGTERM
    log = process.stderr.read()
    assert "Finished server process" in log and "Traceback" not in log


@pytest.mark.parametrize(
    "args, environment, words",
    [
        (["--host", "0.0.0.0"], {}, "--host 0.0.0.0 lets other machines in: give --token TOKEN"),
        (["--host", "desk.example"], {}, "--host desk.example lets other machines in"),
        (["--db", "postgresql://nobody@127.0.0.1:1/desk"], {}, "cannot open the database postgresql"),
        (["--port", "99999"], {}, "cannot listen on 127.0.0.1:99999"),
        (["--bogus"], {}, "unrecognized arguments: --bogus"),
    ],
)
def test_serve_refuses_what_cannot_work_in_one_line(args, environment, words, tmp_path):
    result = _summarize("serve", "--db", str(tmp_path / "d.sqlite3"), *args, **environment)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _summarize("serve", "--port", str(port), "--db", str(tmp_path / "d.sqlite3"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"summarize: error: cannot listen on 127.0.0.1:{port} (Address already in use)"
