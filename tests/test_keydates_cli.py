"""Key-date briefings through the command line, with the real MiniLM encoder.

The invented story of tests/keydates_story.py is written as a JSON Lines corpus
and briefed as a user would: ``summarize brief --jsonl story.jsonl ...``.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from keydates_story import ARTICLES
from summarize.errors import SummarizeError
from summarize.inputs.dates import parse_date
from test_cli import assert_one_line_error, run

pytestmark = pytest.mark.slow


@pytest.fixture()
def story(tmp_path):
    path = tmp_path / "story.jsonl"
    path.write_text(
        "".join(
            json.dumps({"text": text, "date": date.isoformat(), "source": f"{outlet}-{n}"}) + "\n"
            for n, (outlet, date, text) in enumerate(ARTICLES, start=1)
        )
    )
    return path


def brief_json(*args: str) -> dict:
    result = run("brief", *args, "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_key_dates_from_a_corpus(story):
    briefing = brief_json("--jsonl", str(story), "--max-dates", "3", "--per-date", "1")
    assert [k["value"] for k in briefing["key_dates"]] == ["2015-03-03", "2015-03-05", "2015-03-16"]
    assert all(len(k["sentences"]) == 1 for k in briefing["key_dates"])
    assert "dam" in briefing["key_dates"][1]["sentences"][0]["text"]
    assert briefing["events"] == []
    assert 1 <= len(briefing["overview"]) <= 3
    cited = {source for k in briefing["key_dates"] for s in k["sentences"] for source in s["sources"]}
    assert cited <= {r["source"] for r in briefing["references"]}
    assert all(a["summary"] is None for a in briefing["articles"])


def test_many_articles_get_an_automatic_length(story):
    briefing = brief_json("--jsonl", str(story))
    assert briefing["key_dates"] is not None and len(briefing["key_dates"]) <= 10
    assert any("chosen automatically for 12 articles" in note for note in briefing["notes"])


def test_window_and_query(story):
    briefing = brief_json("--jsonl", str(story), "--since", "4 March 2015", "--until", "2015-03-10", "--query", "dam")
    values = [k["value"] for k in briefing["key_dates"]]
    assert values and all("2015-03-04" <= v <= "2015-03-10" for v in values)
    for key_date in briefing["key_dates"]:
        assert all("dam" in s["text"].lower() for s in key_date["sentences"])
    assert any("do not mention 'dam'" in note for note in briefing["notes"])


def test_window_relative_to_the_article_date(sample_path):
    # "--since yesterday" against --date 2014-06-22 keeps 21 and 22 June only.
    briefing = brief_json(str(sample_path), "--date", "2014-06-22", "--since", "yesterday")
    values = [e["value"][:10] for e in briefing["events"]]
    assert values and all(v in ("2014-06-21", "2014-06-22") for v in values)
    assert any("left out (--since/--until)" in note for note in briefing["notes"])


def test_a_few_articles_keep_every_event(sample_path):
    briefing = brief_json(str(sample_path), "--date", "22 June 2014")
    assert briefing["key_dates"] is None and len(briefing["events"]) == 7
    assert briefing["articles"][0]["date"] == "2014-06-22"


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--since", "the day the music died"], ["--since", "cannot read"]),
        (["--until", "31/31/2014"], ["--until", "cannot read"]),
        (["--since", "2015-03-10", "--until", "2015-03-01"], ["is after --until"]),
        (["--query", "zeppelin"], ["no article mentions 'zeppelin'"]),
        (["--query", "  "], ["--query needs at least one word"]),
        (["--max-dates", "0"], ["--max-dates"]),
    ],
)
def test_bad_options_are_one_line_errors(story, args, fragments):
    assert_one_line_error(run("--jsonl", str(story), *args), *fragments)


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2014-06-22", False, dt.date(2014, 6, 22)),
        ("22 June 2014", False, dt.date(2014, 6, 22)),
        ("yesterday", False, dt.date(2014, 6, 21)),
        ("last Monday", False, dt.date(2014, 6, 16)),
        ("2 weeks ago", False, dt.date(2014, 6, 8)),
        ("June 2014", False, dt.date(2014, 6, 1)),
        ("June 2014", True, dt.date(2014, 6, 30)),
        ("2013", False, dt.date(2013, 1, 1)),
        ("2013", True, dt.date(2013, 12, 31)),
    ],
)
def test_parse_date(text, end, expected):
    assert parse_date(text, base=dt.date(2014, 6, 22), end=end) == expected


def test_parse_date_refuses_what_it_cannot_read():
    with pytest.raises(SummarizeError, match="--since: cannot read 'soon-ish'"):
        parse_date("soon-ish", option="--since")
