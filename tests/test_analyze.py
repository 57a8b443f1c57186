"""``summarize analyze`` and ``brief --from-analysis``: the per-article stage written to
a file, and briefings made from it equal to the briefings made from the articles.

The comparisons are exact: the JSON briefing from the analysis file is the JSON
briefing from the articles, byte for byte, and an interrupted or parallel analysis
is the one-process analysis, byte for byte.
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SAMPLE, SAMPLE_DATE, load_sample
from test_cli import assert_one_line_error, run

pytestmark = pytest.mark.slow

# A yearless dateline beside dated articles: the briefing gives it their year, so
# the analysis made without it is tagged again when briefed (its "Saturday" moves).
YEARLESS = (
    "BAGHDAD, June 24 (Reuters) - Militants took the town of Rutba on Saturday, officials said. "
    "Government forces had left the town on Friday. The army said on Monday it would retake it."
)


def few_articles(path) -> None:
    """Three articles: an event-timeline briefing, one of them dated by the others."""
    records = [
        {"text": SAMPLE.read_text(), "date": SAMPLE_DATE.isoformat(), "source": "sample"},
        {"text": YEARLESS, "source": "rutba"},
        {
            "text": "Officials said on Sunday that the border crossing at al-Qaim had fallen on Friday.",
            "date": "2014-06-22",
            "source": "qaim",
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))


def corpus(path, count: int, bad_at: int | None = None) -> None:
    """``count`` articles of the storm story (repeated), a bad line after ``bad_at``."""
    lines = (ROOT / "examples" / "storm-ada.jsonl").read_text().splitlines()
    out = []
    for n in range(count):
        record = json.loads(lines[n % len(lines)])
        record["source"] = f"{record['source']}#{n}"
        out.append(json.dumps(record))
        if bad_at == n:
            out.append('{"text": 3}')
    path.write_text("\n".join(out) + "\n")


def analyze(*args: str):
    return run("analyze", *args)


def test_an_analysis_reads_back_equal():
    from summarize.corpora.analysis_json import analysis_line, read_analysis_line
    from summarize.pipeline import Briefer

    (analysis,) = Briefer().analyze([load_sample(SAMPLE_DATE)])
    assert analysis.summary is not None and analysis.events and analysis.mentions.candidates
    record = read_analysis_line(analysis_line(7, analysis), "x:1")
    assert (record.line, record.source, record.error) == (7, analysis.article.source, None)
    assert record.analysis == analysis


def test_an_event_is_written_as_before_and_its_dates_must_be_its_time_expressions():
    """An event's value, mod and end_value are read from its time expressions: a line
    keeps them where it always had them, and a line that gives other ones (edited by
    hand) is refused rather than read as one or the other."""
    from summarize.analysis import analyze_article
    from summarize.corpora.analysis_json import analysis_line, read_analysis_line
    from summarize.errors import InputError

    analysis = analyze_article(load_sample(SAMPLE_DATE))
    record = json.loads(analysis_line(1, analysis))
    assert list(record["events"][0]) == [
        "value",
        "label",
        "headline",
        "sentence",
        "start",
        "end",
        "time",
        "sources",
        "mod",
        "extent",
        "exact",
        "conflicts",
        "end_value",
        "end_time",
    ]
    assert record["events"][0]["value"] == record["events"][0]["time"]["value"] == "2014-06-21"
    record["events"][0]["value"] = "2014-06-20"
    with pytest.raises(InputError, match=r"x:1: .*value, mod and end_value \('2014-06-20', None, None\) are not"):
        read_analysis_line(json.dumps(record), "x:1")


def test_a_key_date_analysis_makes_no_summary_and_no_events_but_the_same_mentions():
    from summarize.pipeline import Briefer

    article = load_sample(SAMPLE_DATE)
    (full,) = Briefer().analyze([article])
    (key_dates,) = Briefer().analyze([article], timeline=False)
    # A key-date briefing shows neither: their headlines are not made at all.
    assert key_dates.summary is None and key_dates.events == ()
    assert key_dates.mentions == full.mentions and full.events


@pytest.mark.parametrize(
    "make, options, articles, note",
    [
        (few_articles, (), 3, "(\u201cBAGHDAD, June 24 (Reuters) -\u201d) gives no year; 2014 is taken"),
        (few_articles, ("--since", "2014-06-21"), 3, "events outside 2014-06-21 to"),
        (lambda p: corpus(p, 12), ("--max-dates", "4"), 12, None),
        (lambda p: corpus(p, 12), ("--query", "dam"), 10, "2 of 12 articles do not mention 'dam'"),
    ],
)
def test_brief_from_analysis_is_the_brief_from_articles(tmp_path, make, options, articles, note):
    corpus_path, analysis = tmp_path / "in.jsonl", tmp_path / "analysis.jsonl"
    make(corpus_path)
    assert analyze("--jsonl", str(corpus_path), "--out", str(analysis)).returncode == 0
    direct = run("brief", "--jsonl", str(corpus_path), "--format", "json", *options)
    from_file = run("brief", "--from-analysis", str(analysis), "--format", "json", *options)
    assert direct.returncode == from_file.returncode == 0, from_file.stderr.decode()
    assert from_file.stdout == direct.stdout
    briefing = json.loads(from_file.stdout)
    assert len(briefing["articles"]) == articles
    if note is not None:
        assert any(note in line for line in briefing["notes"]), briefing["notes"]


def test_a_bad_line_is_reported_and_the_rest_analyzed(tmp_path):
    articles, analysis = tmp_path / "in.jsonl", tmp_path / "analysis.jsonl"
    corpus(articles, 4, bad_at=1)
    result = analyze("--jsonl", str(articles), "--out", str(analysis))
    assert result.returncode == 3
    assert result.stderr.decode() == f'summarize: error: {articles}:3: "text" must be a string\n'
    lines = [json.loads(line) for line in analysis.read_text().splitlines()]
    assert [line["line"] for line in lines] == [1, 2, 3, 4, 5]
    assert lines[2] == {
        "analysis": 1,
        "line": 3,
        "source": f"{articles}:3",
        "error": f'{articles}:3: "text" must be a string',
    }
    assert [line["source"] for line in lines if "error" not in line] == [
        "coast-herald-1#0",
        "river-times-2#1",
        "daily-ledger-3#2",
        "coast-herald-4#3",
    ]
    # The briefing of the others, the failed line reported, as brief does for a bad input.
    brief = run("brief", "--from-analysis", str(analysis), "--format", "json")
    assert brief.returncode == 3
    assert brief.stderr.decode() == f'summarize: error: {articles}:3: "text" must be a string\n'
    assert len(json.loads(brief.stdout)["articles"]) == 4


def test_an_interrupted_analysis_goes_on_where_it_stopped(tmp_path):
    articles, whole, cut = tmp_path / "in.jsonl", tmp_path / "whole.jsonl", tmp_path / "cut.jsonl"
    corpus(articles, 40)
    assert analyze("--jsonl", str(articles), "--out", str(whole)).returncode == 0
    text = whole.read_bytes()
    lines = text.splitlines(keepends=True)
    assert len(lines) == 40
    # Killed while writing line 24: 23 whole lines and part of the next.
    cut.write_bytes(b"".join(lines[:23]) + lines[23][:100])
    assert analyze("--jsonl", str(articles), "--out", str(cut)).returncode == 0
    assert cut.read_bytes() == text
    # Nothing left to do: the file stays as it is.
    assert analyze("--jsonl", str(articles), "--out", str(cut)).returncode == 0
    assert cut.read_bytes() == text


def test_an_output_that_is_not_an_analysis_is_refused(tmp_path):
    articles, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    corpus(articles, 2)
    out.write_text("some notes\n")
    assert_one_line_error(analyze("--jsonl", str(articles), "--out", str(out)), f"{out}:1", "give a new --out")
    assert out.read_text() == "some notes\n"


def test_two_workers_write_what_one_process_writes(tmp_path):
    articles, one, two = tmp_path / "in.jsonl", tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    corpus(articles, 40, bad_at=20)
    assert analyze("--jsonl", str(articles), "--out", str(one)).returncode == 3
    assert analyze("--jsonl", str(articles), "--out", str(two), "--workers", "2").returncode == 3
    assert two.read_bytes() == one.read_bytes()


def test_brief_with_two_workers_is_the_brief_of_one(tmp_path):
    articles = tmp_path / "in.jsonl"
    corpus(articles, 40)
    one = run("brief", "--jsonl", str(articles), "--format", "json", "--max-dates", "5")
    two = run("brief", "--jsonl", str(articles), "--format", "json", "--max-dates", "5", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    assert two.stdout == one.stdout


@pytest.mark.parametrize("option", [["--sentences", "2"], ["--date", "2014-06-22"], ["--jsonl", "x.jsonl"]])
def test_from_analysis_refuses_what_analyze_decided(tmp_path, option):
    result = run("brief", "--from-analysis", str(tmp_path / "a.jsonl"), *option)
    assert_one_line_error(result, "--from-analysis cannot be given with", option[0])
