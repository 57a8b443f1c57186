"""``summarize analyze``'s progress bar: drawn on a terminal (a real pseudo-terminal,
as ``brief``'s is tested), in articles, starting where a resumed run starts;
nothing on a standard error that is not a terminal."""

from __future__ import annotations

import re

import pytest

from test_analyze import analyze, corpus
from test_briefing_cli import run_on_a_terminal

pytestmark = pytest.mark.slow


def bar_counts(terminal: bytes) -> list[int]:
    """The counts the bar showed (``N/50``), in order. The last batch may not be
    drawn: tqdm draws at most every 0.1 s, and the bar is cleared when done."""
    return [int(n) for n in re.findall(r"\b(\d+)/50 \[", terminal.decode(errors="replace"))]


def test_a_bar_on_a_terminal_from_the_first_article_to_the_last(tmp_path):
    articles, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    corpus(articles, 50)
    with articles.open("a") as handle:  # blank lines are not articles
        handle.write("\n   \n")
    code, stdout, terminal = run_on_a_terminal("analyze", "--jsonl", str(articles), "--out", str(out), size=(24, 80))
    assert code == 0, terminal.decode(errors="replace")
    assert "analyzing:" in terminal.decode(errors="replace") and "article/s" in terminal.decode(errors="replace")
    counts = bar_counts(terminal)
    assert counts[0] == 0 and 0 < counts[-1] <= 50 and counts == sorted(counts), counts
    assert stdout == b"" and len(out.read_text().splitlines()) == 50


def test_a_resumed_run_starts_its_bar_where_it_starts(tmp_path):
    articles, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    corpus(articles, 50)
    assert analyze("--jsonl", str(articles), "--out", str(out)).returncode == 0
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:20]) + lines[20][:30])  # killed while writing line 21
    code, _, terminal = run_on_a_terminal("analyze", "--jsonl", str(articles), "--out", str(out), size=None)
    assert code == 0, terminal.decode(errors="replace")
    counts = bar_counts(terminal)
    assert counts[0] == 20 and 20 < counts[-1] <= 50 and counts == sorted(counts), counts
    assert out.read_text().splitlines(keepends=True) == lines


def test_no_bar_where_standard_error_is_not_a_terminal(tmp_path):
    articles, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    corpus(articles, 50)
    result = analyze("--jsonl", str(articles), "--out", str(out))
    assert result.returncode == 0 and result.stderr == b"" and result.stdout == b""


def test_a_bar_for_the_ray_engine_and_nothing_of_rays(tmp_path):
    pytest.importorskip("ray", reason="pip install 'summarize[ray]'")
    articles, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    corpus(articles, 50)
    code, _, terminal = run_on_a_terminal(
        "analyze", "--jsonl", str(articles), "--out", str(out), "--engine", "ray", size=(24, 80)
    )
    shown = terminal.decode(errors="replace")
    assert code == 0, shown
    counts = bar_counts(terminal)
    assert counts[0] == 0 and 0 < counts[-1] <= 50, counts
    # What reached the terminal is the bar's drawing alone: no line of Ray's.
    drawn = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", shown)
    assert all(part.startswith("analyzing:") for part in re.split(r"[\r\n]+", drawn) if part.strip()), drawn
