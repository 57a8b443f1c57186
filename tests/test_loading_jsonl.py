"""JSON Lines corpora: one article a line; a bad line is reported, the rest is read."""

import datetime as dt
import json

import pytest

from summarize.errors import InputError
from summarize.inputs.loading import ArticleInput, InputFailure, inputs_from_args, load_input, read_jsonl

PAGE = (
    "<html><head><meta property='article:published_time' content='2014-06-23'></head><body><article>"
    "<h1>Crossing Falls</h1><p>Militants seized the crossing on Sunday after a short battle, officials said."
    "</p><p>Residents fled toward the border as the fighting spread.</p></article></body></html>"
)


def write_lines(path, *lines):
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n", encoding="utf-8"
    )
    return str(path)


def test_records_of_every_kind(tmp_path):
    corpus = write_lines(
        tmp_path / "c.jsonl",
        {"text": "Title Words\n\nMilitants took the town on Sunday.", "date": "2014-06-22"},
        "",
        {"html": PAGE, "source": "page-one"},
        {"url": "http://127.0.0.1:9/story.html"},
    )
    items = read_jsonl(corpus)
    assert items == [
        ArticleInput(
            kind="text",
            value="Title Words\n\nMilitants took the town on Sunday.",
            source=f"{corpus}:1",
            date=dt.date(2014, 6, 22),
            date_source="jsonl",
        ),
        ArticleInput(kind="html", value=PAGE, source="page-one"),
        ArticleInput(
            kind="url",
            value="http://127.0.0.1:9/story.html",
            source="http://127.0.0.1:9/story.html",
            url="http://127.0.0.1:9/story.html",
        ),
    ]
    text = load_input(items[0])
    assert (text.title, text.date, text.date_source) == ("Title Words", dt.date(2014, 6, 22), "jsonl")
    html = load_input(items[1])
    assert (html.source, html.title, html.date, html.date_source) == (
        "page-one",
        "Crossing Falls",
        dt.date(2014, 6, 23),
        "metadata",
    )


def test_command_line_date_overrides_the_lines(tmp_path):
    corpus = write_lines(
        tmp_path / "c.jsonl", {"text": "Militants took the town.", "date": "2014-06-22"}, {"html": PAGE}
    )
    items = read_jsonl(corpus, date=dt.date(2014, 7, 1))
    assert [(i.date, i.date_source) for i in items] == [(dt.date(2014, 7, 1), "--date")] * 2
    assert load_input(items[1]).date_source == "--date"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"title": "no body"}', 'exactly one of "text", "html" or "url"'),
        ('{"text": "a", "html": "<p>b</p>"}', "exactly one of"),
        ('{"text": 5}', '"text" must be a string'),
        # null is no text either (it was a traceback when the article was loaded)
        ('{"text": null}', '"text" must be a string'),
        ('{"html": null}', '"html" must be a string'),
        ('{"url": null}', '"url" must be an http or https URL'),
        ('{"url": "ftp://example.com/x"}', '"url" must be an http or https URL'),
        ('{"text": "Militants took the town.", "date": "22/06/2014"}', "invalid date '22/06/2014'"),
    ],
)
def test_bad_lines_become_failures_named_by_line(tmp_path, line, message):
    corpus = write_lines(tmp_path / "c.jsonl", {"text": "Militants took the town."}, line)
    good, bad = read_jsonl(corpus)
    assert isinstance(good, ArticleInput)
    assert isinstance(bad, InputFailure) and bad.source == f"{corpus}:2"
    assert bad.message.startswith(f"{corpus}:2: ") and message in bad.message


def test_unreadable_or_empty_corpus(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_jsonl(str(tmp_path / "missing.jsonl"))
    (tmp_path / "blank.jsonl").write_text("\n\n  \n")
    with pytest.raises(InputError, match="empty"):
        read_jsonl(str(tmp_path / "blank.jsonl"))


def test_command_line_arguments_as_inputs():
    items = inputs_from_args(["a.txt", "https://example.com/x", "-"], date=dt.date(2014, 6, 22))
    assert [(i.kind, i.source, i.date_source) for i in items] == [
        ("path", "a.txt", "--date"),
        ("url", "https://example.com/x", "--date"),
        ("path", "stdin", "--date"),
    ]


def test_lines_that_are_not_utf8_or_too_long_are_failures(tmp_path, monkeypatch):
    import summarize.inputs.loading as loading

    monkeypatch.setattr(loading, "MAX_ARTICLE_BYTES", 100)
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"text": "Militants took the town."}\n{"text": "caf\xe9"}\n{"text": "' + b"x" * 200 + b'"}\n')
    good, latin1, long = read_jsonl(str(path))
    assert isinstance(good, ArticleInput)
    assert latin1.message == f"{path}:2: not UTF-8 text (JSON Lines are UTF-8)"
    assert long.message == f"{path}:3: line larger than 0 MB"


def test_corpus_on_standard_input_and_binary_corpus(tmp_path):
    import io

    (item,) = read_jsonl("-", stdin=io.BytesIO(b'\xef\xbb\xbf{"text": "Militants took the town."}\n'))
    assert (item.kind, item.source) == ("text", "stdin:1")
    (tmp_path / "c.jsonl").write_bytes(b"\x00\x01\x02{}\n")
    with pytest.raises(InputError, match="binary file"):
        read_jsonl(str(tmp_path / "c.jsonl"))
    with pytest.raises(InputError, match="directory"):
        read_jsonl(str(tmp_path))
