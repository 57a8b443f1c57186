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
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, cwd=ROOT, env=env,
                          timeout=120)


def test_brief_without_articles_is_a_one_line_usage_error():
    result = run("brief")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "summarize brief: error: give at least one ARTICLE or --jsonl FILE"]


def test_one_failed_input_is_one_line_and_exit_2():
    result = run("brief", "missing.txt")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode().splitlines() == ["summarize: error: missing.txt: no such file"]


def test_every_input_failed_is_one_line_each_and_exit_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": 1}\n')
    dead = dead_url()
    result = run("brief", str(tmp_path / "empty.txt"), dead, "--jsonl", str(corpus), "--timeout", "5",
                 "--allow-private-urls")
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
    from summarize import cli

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with cli._progress_bar(100) as update:  # not a terminal: no bar
        assert update is None
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with cli._progress_bar(2) as update:  # a terminal, but one input: no bar
        assert update is None
    with cli._progress_bar(2 * cli.PROGRESS_MIN_INPUTS) as update:
        update(3)
    assert "briefing" in terminal.getvalue() and "/10" in terminal.getvalue()


def test_standard_input_only_once():
    result = run("brief", "-", "--jsonl", "-")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["summarize: error: standard input (-) can be read only once"]
