"""The briefing command line without the model: subcommand, arguments, failures, progress."""

import io
import subprocess
import sys

import pytest

from conftest import ROOT
from pageserver import dead_url


def run(*args: str) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args], capture_output=True, cwd=ROOT, env=env, timeout=120
    )


def test_brief_without_articles_is_a_one_line_usage_error():
    result = run("brief")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "summarize brief: error: give at least one ARTICLE, --jsonl FILE or --from-analysis FILE"
    ]


def test_one_failed_input_is_one_line_and_exit_2():
    result = run("brief", "missing.txt")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode().splitlines() == ["summarize: error: missing.txt: no such file"]


def test_every_input_failed_is_one_line_each_and_exit_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": 1}\n')
    dead = dead_url()
    result = run(
        "brief", str(tmp_path / "empty.txt"), dead, "--jsonl", str(corpus), "--timeout", "5", "--allow-private-urls"
    )
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode().splitlines() == [
        f"summarize: error: {tmp_path / 'empty.txt'}: the file is empty",
        f"summarize: error: {dead}: could not fetch (connection refused)",
        f'summarize: error: {corpus}:1: "text" must be a string',
    ]


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_bad_timeout(value):
    result = run("brief", "x.txt", "--timeout", value)
    assert result.returncode == 2 and "--timeout" in result.stderr.decode()


def test_missing_corpus():
    result = run("brief", "--jsonl", "missing.jsonl")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["summarize: error: missing.jsonl: no such file"]


def test_progress_bar_only_for_many_inputs_on_a_terminal(monkeypatch):
    from summarize.cli import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress._progress_bar(100) as update:  # not a terminal: no bar
        assert update is None
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress._progress_bar(2) as update:  # a terminal, but one input: no bar
        assert update is None
    with progress._progress_bar(2 * progress.PROGRESS_MIN_INPUTS) as update:
        update(3)
    assert "briefing" in terminal.getvalue() and "/10" in terminal.getvalue()


def run_on_a_terminal(*args: str, size: tuple[int, int] | None) -> tuple[int, bytes, bytes]:
    """Run the command with standard error on a pseudo-terminal (of ``size`` rows x
    columns, or none given: 0 x 0, as ``pty.openpty()`` makes it); returns the exit
    code, standard output and what the terminal received."""
    import fcntl
    import os
    import select
    import struct
    import termios
    import time

    controller, terminal = os.openpty()
    if size is not None:
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    with subprocess.Popen(
        [sys.executable, "-m", "summarize", *args], stdout=subprocess.PIPE, stderr=terminal, cwd=ROOT, env=env
    ) as process:
        os.close(terminal)
        received, deadline = b"", time.monotonic() + 120
        while time.monotonic() < deadline:
            if select.select([controller], [], [], 0.5)[0]:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:  # EIO: the command closed the terminal's last end
                    break
                if not chunk:
                    break
                received += chunk
            elif process.poll() is not None:
                break
        stdout = process.stdout.read() if process.stdout else b""
        code = process.wait(timeout=10)
    os.close(controller)
    return code, stdout, received


@pytest.mark.slow
@pytest.mark.parametrize("size", [None, (24, 80)], ids=["unsized terminal", "24x80 terminal"])
def test_a_progress_bar_on_a_terminal_for_a_jsonl_batch(tmp_path, size):
    """50 JSON Lines inputs, standard error a pseudo-terminal: the bar is drawn and
    moves (a terminal that reports no size, 0 x 0, drew nothing before); standard
    output stays the briefing alone."""
    import json
    import re

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps(
                {
                    "text": f"Council {i}\n\nThe council met on June {i % 28 + 1}, 2014 and voted on item {i}.",
                    "date": "2014-07-01",
                }
            )
            + "\n"
            for i in range(50)
        )
    )
    code, stdout, terminal = run_on_a_terminal("brief", "--jsonl", str(corpus), "--format", "json", size=size)
    assert code == 0, terminal.decode(errors="replace")
    shown = terminal.decode(errors="replace")
    assert "briefing:" in shown and "/100 [" in shown
    assert re.search(r"\b[1-9][0-9]*/100 \[", shown), shown  # it moved past 0
    assert len(json.loads(stdout)["articles"]) == 50


def test_standard_input_only_once():
    result = run("brief", "-", "--jsonl", "-")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["summarize: error: standard input (-) can be read only once"]
