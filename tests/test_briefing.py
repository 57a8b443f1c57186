"""A briefing of several articles: the sample wire story of Sunday 22 June 2014 and two
follow-ups written for these tests (tests/data/briefing/):

- followup-page.html: a web page published Monday 23 June (meta article:published_time),
  re-reporting the al-Walid crossing "on Sunday" (= 22 June, the sample's event) and
  giving Friday evening for the move into Rawa and Ana (the sample says Saturday evening);
- followup-dateline.txt: "BAGHDAD, June 24, 2014 (Reuters) -" (Tuesday), re-reporting the
  al-Walid crossing "on Sunday" and the offensive "since June 9".
"""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, SAMPLE_DATE, SAMPLE_SOURCE, load_sample
from pageserver import dead_url, page, serve

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent / "data" / "briefing"
PAGE_SOURCE = "tests/data/briefing/followup-page.html"
DATELINE_SOURCE = "tests/data/briefing/followup-dateline.txt"
SAMPLE_NAME, PAGE, DATELINE = "iraq-rawa-ana.txt", "followup-page.html", "followup-dateline.txt"


@pytest.fixture(scope="module")
def briefing():
    from summarize.inputs.loading import load_article
    from summarize.pipeline import build_briefing

    followups = [replace(load_article(str(ROOT / name)), source=name) for name in (PAGE_SOURCE, DATELINE_SOURCE)]
    return build_briefing([load_sample(SAMPLE_DATE), *followups])


def short(sources):
    return tuple(Path(s).name for s in sources)


def test_each_article_keeps_its_own_date_and_says_where_it_came_from(briefing):
    assert [
        (i.article.source, i.article.title, i.article.date.isoformat(), i.article.date_source)
        for i in briefing.articles
    ] == [
        (SAMPLE_SOURCE, "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing", "2014-06-22", "--date"),
        (PAGE_SOURCE, "Iraqi Militants Tighten Grip on Syrian Border", "2014-06-23", "metadata"),
        (DATELINE_SOURCE, "Iraq Insurgents Consolidate Hold on Western Anbar", "2014-06-24", "dateline"),
    ]
    assert all(item.summary.text for item in briefing.articles)
    assert briefing.timeline.anchored and briefing.notes == ()


def test_merged_timeline_exact(briefing):
    events = [(e.value, e.mod, e.extent, e.headline, short(e.sources), e.conflicts) for e in briefing.timeline.events]
    assert events == [
        (
            "2014-01",
            "START",
            "onward",
            "Anti-government fighters have held all of one city in Anbar province and areas of a second",
            (SAMPLE_NAME,),
            (),
        ),
        ("2014-06", None, "point", "At least 1,000 people have been killed in the violence", (DATELINE,), ()),
        # "late on June 9" (sample) and "since June 9" (Tuesday's follow-up): one event, the sample's words.
        (
            "2014-06-09",
            "END",
            "onward",
            "Militants led by the Islamic State of Iraq and the Levant overran most of one province",
            (SAMPLE_NAME, DATELINE),
            (),
        ),
        # Friday evening (Monday's page) against Saturday evening (the sample): both shown, each naming the other.
        (
            "2014-06-20TEV",
            None,
            "point",
            "The insurgents moved into the towns of Rawa and Ana",
            (PAGE,),
            ("2014-06-21TEV",),
        ),
        (
            "2014-06-21",
            None,
            "point",
            "Some of those killed were shot dead when the militants moved into the towns",
            (SAMPLE_NAME,),
            (),
        ),
        (
            "2014-06-21",
            None,
            "point",
            "Security officers and witnesses also reported militants entering al-Qaim",
            (SAMPLE_NAME,),
            (),
        ),
        (
            "2014-06-21TEV",
            None,
            "point",
            "Insurgents moved into Rawa and Ana, in Anbar province",
            (SAMPLE_NAME,),
            ("2014-06-20TEV",),
        ),
        ("2014-06-22", None, "point", "Others were slain", (SAMPLE_NAME,), ()),
        # "on Sunday" in all three: 22 June from the sample's own Sunday, Monday's and Tuesday's.
        (
            "2014-06-22",
            None,
            "point",
            "Militants seized control of the al-Walid border crossing with Syria",
            (SAMPLE_NAME, PAGE, DATELINE),
            (),
        ),
        (
            "2014-06-22",
            "END",
            "point",
            "The Turaibil crossing with Jordan fell to the insurgents after government troops pulled out",
            (PAGE,),
            (),
        ),
        ("2014-06-23", None, "point", "Sunni militants pressed their offensive in western Iraq", (PAGE,), ()),
        (
            "2014-06-23",
            None,
            "point",
            "Kerry arrived in Baghdad and urged Iraqi leaders to form a more inclusive government",
            (DATELINE,),
            (),
        ),
        (
            "2014-06-24",
            None,
            "point",
            "Sunni insurgents consolidated their hold on Iraq's western Anbar province",
            (DATELINE,),
            (),
        ),
    ]


def test_merged_events_point_into_the_first_citing_article(briefing):
    texts = {item.article.source: item.article.text for item in briefing.articles}
    for event in briefing.timeline.events:
        assert texts[event.sources[0]][event.start : event.end] == event.sentence


def test_json_cites_every_source_and_shows_conflicts(briefing):
    from summarize.rendering import render

    document = json.loads(render(briefing, "json"))
    assert [a["date_source"] for a in document["articles"]] == ["--date", "metadata", "dateline"]
    walid = next(e for e in document["events"] if "al-Walid" in e["headline"])
    assert walid["source"] == SAMPLE_SOURCE and walid["sources"] == [SAMPLE_SOURCE, PAGE_SOURCE, DATELINE_SOURCE]
    friday = next(e for e in document["events"] if e["value"] == "2014-06-20TEV")
    assert friday["conflicts"] == [{"value": "2014-06-21TEV", "label": "Sat 21 Jun 2014, evening"}]
    assert all(e["conflicts"] == [] for e in document["events"] if e["value"] not in ("2014-06-20TEV", "2014-06-21TEV"))


def test_bad_inputs_are_reported_per_article_and_the_rest_is_briefed():
    from summarize.inputs.loading import InputFailure, inputs_from_args
    from summarize.pipeline import Briefer

    dead = dead_url()
    inputs = inputs_from_args(
        [str(DATA / "followup-page.html"), str(DATA / "missing.txt"), dead, str(DATA / "followup-dateline.txt")]
    )
    run = Briefer().brief_inputs(inputs, allow_private_urls=True)
    assert run.failures == (
        InputFailure(str(DATA / "missing.txt"), f"{DATA / 'missing.txt'}: no such file"),
        InputFailure(dead, f"{dead}: could not fetch (connection refused)"),
    )
    assert [short([i.article.source]) for i in run.briefing.articles] == [(PAGE,), (DATELINE,)]
    walid = [e for e in run.briefing.timeline.events if "al-Walid" in e.headline]
    assert [short(e.sources) for e in walid] == [(PAGE, DATELINE)]


def test_model_is_loaded_once_and_articles_go_in_batches(monkeypatch):
    import summarize.pipeline as pipeline

    loads, batches = [], []
    real = pipeline.load_summarizer

    def counting_load(*args, **kwargs):
        loads.append(args)
        summarizer = real(*args, **kwargs)
        many = getattr(summarizer, "summarize_many", None)

        class Counting:
            def summarize(self, article, **options):
                batches.append(1)
                return summarizer.summarize(article, **options)

            if many is not None:

                def summarize_many(self, articles, **options):
                    batches.append(len(articles))
                    return many(articles, **options)

        return Counting()

    monkeypatch.setattr(pipeline, "load_summarizer", counting_load)
    briefer = pipeline.Briefer(batch_size=4)
    # Nine: ten articles or more would make a key-date briefing, which summarizes none.
    articles = [replace(load_sample(SAMPLE_DATE), source=f"copy-{n}") for n in range(9)]
    seen = []
    briefing = briefer.brief(articles, progress=seen.append)
    briefer.brief(articles[:1])
    assert len(loads) == 1
    assert sum(seen) == 9 and len(seen) == 3  # one progress call per batch of at most 4
    assert sum(batches) == 10
    # Nine copies of one story: every event is one event citing all nine.
    assert len(briefing.timeline.events) == 7
    assert all(len(e.sources) == 9 for e in briefing.timeline.events)


# The command line.


def run_cli(*args, stdin=None):
    import os
    import subprocess
    import sys

    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args], input=stdin, capture_output=True, cwd=ROOT, env=env, timeout=300
    )


def test_cli_brief_with_failed_inputs_exits_3_and_briefs_the_rest(tmp_path):
    dead = dead_url()
    result = run_cli(
        "brief", PAGE_SOURCE, "missing.txt", dead, DATELINE_SOURCE, "--format", "json", "--allow-private-urls"
    )
    stderr = result.stderr.decode()
    assert result.returncode == 3, stderr
    assert stderr.splitlines() == [
        "summarize: error: missing.txt: no such file",
        f"summarize: error: {dead}: could not fetch (connection refused)",
    ]
    document = json.loads(result.stdout)
    assert [a["source"] for a in document["articles"]] == [PAGE_SOURCE, DATELINE_SOURCE]
    assert [a["date_source"] for a in document["articles"]] == ["metadata", "dateline"]


def test_cli_all_inputs_failed_exits_2():
    dead = dead_url()
    result = run_cli("brief", "missing.txt", dead, "--allow-private-urls")
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        "summarize: error: missing.txt: no such file",
        f"summarize: error: {dead}: could not fetch (connection refused)",
    ]


def test_cli_jsonl_corpus_with_a_url_from_a_local_server(tmp_path):
    html = (DATA / "followup-page.html").read_text(encoding="utf-8")
    with serve({"/2014/06/23/iraq.html": page(html)}) as base:
        url = base + "/2014/06/23/iraq.html"
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_text(
            "\n".join(
                [
                    json.dumps({"text": SAMPLE.read_text(encoding="utf-8"), "date": "2014-06-22", "source": "sample"}),
                    json.dumps({"url": url}),
                    json.dumps(
                        {"text": (DATA / "followup-dateline.txt").read_text(encoding="utf-8"), "source": "tuesday"}
                    ),
                    "not json",
                ]
            )
            + "\n",
            encoding="utf-8",
        )
        result = run_cli("brief", "--jsonl", str(corpus), "--format", "json", "--allow-private-urls")
    assert result.returncode == 3, result.stderr.decode()
    assert result.stderr.decode().splitlines() == [f"summarize: error: {corpus}:4: not valid JSON (Expecting value)"]
    document = json.loads(result.stdout)
    assert [(a["source"], a["date"], a["date_source"]) for a in document["articles"]] == [
        ("sample", "2014-06-22", "jsonl"),
        (url, "2014-06-23", "metadata"),
        ("tuesday", "2014-06-24", "dateline"),
    ]
    walid = next(e for e in document["events"] if "al-Walid" in e["headline"])
    assert walid["sources"] == ["sample", url, "tuesday"]


def test_cli_summarize_without_subcommand_still_briefs_several(tmp_path):
    result = run_cli(PAGE_SOURCE, DATELINE_SOURCE, "--format", "markdown,json", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.json", "briefing.md"]


def test_an_undated_article_in_a_briefing_is_named_in_the_note():
    from summarize.inputs.loading import load_article
    from summarize.pipeline import build_briefing

    briefing = build_briefing([load_sample(), replace(load_article(str(ROOT / PAGE_SOURCE)), source=PAGE_SOURCE)])
    assert not briefing.timeline.anchored
    assert briefing.notes == (
        f"The date of {SAMPLE_SOURCE} is unknown, so its relative dates are not resolved: they are shown as "
        "written and ordered by news convention (weekday names mean the past week, month-day dates lie further "
        "back).",
    )
    # The page's "Sunday" is resolved against its own date; the sample's stays a weekday.
    walid = [(e.value, short(e.sources)) for e in briefing.timeline.events if "al-Walid" in e.headline]
    assert walid == [("2014-06-22", (PAGE,)), ("XXXX-WXX-7", (SAMPLE_NAME,))]


@pytest.mark.parametrize("format", ["html", "email", "text", "markdown", "timelinejs"])
def test_every_format_shows_date_sources_citations_and_conflicts(briefing, format):
    import html
    import re

    from summarize.rendering import render

    # What a reader sees: tags and Markdown emphasis do not count.
    text = html.unescape(re.sub(r"<[^>]+>", "", render(briefing, format))).replace("**", "")
    if format != "timelinejs":  # TimelineJS has no article list, only slides (dates in the title slide)
        for shown in (
            "Sun 22 Jun 2014, given with --date",
            "Mon 23 Jun 2014, from the page metadata",
            "Tue 24 Jun 2014, from the dateline",
        ):
            assert shown in text
    assert f"{SAMPLE_SOURCE}; {PAGE_SOURCE}; {DATELINE_SOURCE}" in text.replace(", ", "; ")
    assert "Conflicting date: other reports date this Sat 21 Jun 2014, evening." in text
    assert "other reports date this Fri 20 Jun 2014, evening." in text


def test_a_dateline_without_a_year_takes_the_year_of_the_other_articles():
    from summarize.inputs.loading import article_from_text, load_article
    from summarize.pipeline import build_briefing

    wire = article_from_text(
        "Militants Take Border Town\n\nBAGHDAD, June 22 (Reuters) - Militants moved into "
        "the border town of al-Qaim on Saturday, witnesses said.",
        source="wire.txt",
    )
    assert wire.date is None
    page = replace(load_article(str(ROOT / PAGE_SOURCE)), source=PAGE_SOURCE)
    briefing = build_briefing([wire, page])
    dated = briefing.articles[0].article
    assert (dated.date.isoformat(), dated.date_source) == ("2014-06-22", "dateline")
    assert briefing.notes == (
        "The dateline of wire.txt (\u201cBAGHDAD, June 22 (Reuters) -\u201d) gives no year; "
        "2014 is taken from the dates of the other articles.",
    )
    assert briefing.timeline.anchored
    assert ("2014-06-21", ("wire.txt",)) in [(e.value, e.sources) for e in briefing.timeline.events]
    # Alone, it stays undated: nothing says which year it is.
    alone = build_briefing([wire])
    assert alone.articles[0].article.date is None and not alone.timeline.anchored


def test_a_page_whose_dateline_disagrees_with_its_metadata_says_so():
    from summarize.inputs.loading import article_from_html
    from summarize.pipeline import complete_dateline_years

    html = (
        '<html><head><meta property="article:published_time" content="2014-06-25T01:10:00Z"></head><body>'
        "<article><p>BAGHDAD, June 24 (Reuters) - Militants took the town on Sunday after a long battle.</p>"
        "<p>Residents fled toward the border as the fighting spread to nearby villages.</p></article></body></html>"
    )
    page = article_from_html(html, source="late.html")
    articles, notes = complete_dateline_years([page])
    assert articles == [page] and page.date_source == "metadata"
    assert notes == (
        "late.html: the page metadata dates it Wed 25 Jun 2014, its dateline Tue 24 Jun 2014; its "
        "relative dates are resolved against the page metadata.",
    )
