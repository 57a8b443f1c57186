"""The command line as a user meets it: exit codes, one-line errors, files written."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args], input=stdin, capture_output=True, cwd=ROOT, env=env, timeout=300
    )


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert stderr.startswith("summarize: error: ")
    for fragment in fragments:
        assert fragment in stderr
    assert result.stdout == b""


def test_missing_file(tmp_path):
    assert_one_line_error(run(str(tmp_path / "nope.txt")), "nope.txt", "no such file")


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    assert_one_line_error(run(str(tmp_path / "empty.txt")), "empty")


def test_binary_file(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(run(str(tmp_path / "image.png")), "binary")


def test_impossible_date():
    assert_one_line_error(run(str(SAMPLE), "--date", "2014-13-45"), "2014-13-45", "YYYY-MM-DD")


def test_unknown_format():
    assert_one_line_error(run(str(SAMPLE), "--format", "docx"), "docx")


def test_no_arguments():
    assert_one_line_error(run())


def test_output_never_overwrites_an_input(tmp_path):
    article = tmp_path / "story.txt"
    article.write_bytes(SAMPLE.read_bytes())
    assert_one_line_error(run(str(article), "-o", str(article)), "refusing to overwrite")
    assert article.read_bytes() == SAMPLE.read_bytes()


@pytest.mark.slow
def test_stdin_to_json_file_and_no_leftovers(tmp_path):
    target = tmp_path / "out" / "briefing.json"
    result = run("-", "--date", "2014-06-22", "--format", "json", "-o", str(target), stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b"" and result.stderr == b""
    document = json.loads(target.read_text())
    assert document["articles"][0]["source"] == "stdin"
    assert document["events"][0]["value"] == "2014-01"
    assert os.listdir(target.parent) == ["briefing.json"]  # the temporary file is gone


@pytest.mark.slow
def test_several_formats_into_a_directory(tmp_path):
    result = run(str(SAMPLE), "--date", "2014-06-22", "--format", "html,markdown,json", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(os.listdir(tmp_path)) == ["iraq-rawa-ana.html", "iraq-rawa-ana.json", "iraq-rawa-ana.md"]


@pytest.mark.slow
def test_a_summary_is_three_sentences_unless_told_otherwise(tmp_path):
    """Without --sentences (or --words) a summary is three sentences: the command
    line and the library (``Briefer``) agree, and 2, 3 and 4 give three summaries."""
    from conftest import load_sample
    from summarize.cli import main
    from summarize.pipeline import Briefer

    summaries = {}
    for length in (None, 2, 3, 4):
        target = tmp_path / f"{length}.json"
        option = ["--sentences", str(length)] if length else []
        assert main([str(SAMPLE), "--format", "json", "-o", str(target), *option]) == 0
        summaries[length] = json.loads(target.read_text())["articles"][0]["summary"]
    assert summaries[None] == summaries[3]
    assert len({summaries[2], summaries[3], summaries[4]}) == 3
    (item,) = Briefer().brief([load_sample()]).articles
    assert len(item.summary.sentences) == 3


@pytest.mark.slow
def test_model_option_runs_a_local_seq2seq_model(bart_dir):  # the tiny random BART (tests/tinymodels.py)
    result = run(str(SAMPLE), "--date", "2014-06-22", "--format", "json", "--model", str(bart_dir))
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout)
    (article,) = document["articles"]
    assert article["summary_method"] == f"abstractive: {bart_dir}"
    assert isinstance(article["summary"], str)  # a random model's words may all be special tokens
    # The summary model does not touch the timeline.
    assert [e["value"] for e in document["events"]][:2] == ["2014-01", "2014-06-09"]


def test_model_not_available_offline_is_one_line():
    result = run(str(SAMPLE), "--model", "no-such-org/no-such-model")
    assert_one_line_error(result, "no-such-org/no-such-model")
