"""What templates get and what they may do: the context ``briefing_context`` gives
every template (each date's precision and ``datetime``, references numbered as first
cited), users' templates and their errors (one clear line), and the command line's
rendering flags."""

from __future__ import annotations

import re
import types
from dataclasses import replace

import pytest

from briefings import FOLLOWUP_DATELINE_SOURCE, FOLLOWUP_PAGE_SOURCE, SAMPLE_SOURCE, handmade_briefing
from rendered import REFERENCE_TITLES, TITLE, readme_section
from summarize import cli
from summarize.errors import TemplateError
from summarize.rendering import FILE_EXTENSIONS, FORMATS, briefing_context, check_template, format_for_template, render
from summarize.rendering.context import html_datetime

# --- the template context -----------------------------------------------------------


def test_context_precision_and_datetime(dated, undated):
    events = briefing_context(dated)["events"]
    assert [e["precision"] for e in events] == ["approximate"] * 2 + ["exact"] * 4
    assert [e["datetime"] for e in events] == [
        "2014-01",
        "2014-06-09",
        "2014-06-21",
        "2014-06-21",
        "2014-06-22",
        "2014-06-22",
    ]
    undated_events = briefing_context(undated)["events"]
    assert {e["precision"] for e in undated_events} == {"relative"}
    assert {e["datetime"] for e in undated_events} == {None}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2014-06-21T14:30", "2014-06-21T14:30"),
        ("2014-W25", "2014-W25"),
        ("2014", "2014"),
        ("2014-Q2", None),
        ("2014-SU", None),
        ("XXXX-06-09", None),
        ("PAST_REF", None),
    ],
)
def test_html_datetime_is_valid_html_or_absent(value, expected):
    assert html_datetime(value) == expected


def test_readme_template_context_is_the_context(dated):
    names = set()
    for row in re.findall(r"^\| (`[^|]+) \|", readme_section("Template context"), flags=re.MULTILINE):
        names |= set(re.findall(r"`(\w+)`", row))
    assert names == set(briefing_context(dated))


def test_references_are_numbered_in_order_of_first_citation(keydates):
    """The overview cites the sample and the Tuesday wire story; the page is first
    cited by the second key date, so it is [3] although it is the second article."""
    context = briefing_context(keydates)
    assert [a["source"] for a in context["articles"]] == [SAMPLE_SOURCE, FOLLOWUP_PAGE_SOURCE, FOLLOWUP_DATELINE_SOURCE]
    references = context["references"]
    assert [(r["number"], r["source"]) for r in references] == [
        (1, SAMPLE_SOURCE),
        (2, FOLLOWUP_DATELINE_SOURCE),
        (3, FOLLOWUP_PAGE_SOURCE),
    ]
    assert [r["title"] for r in references] == [REFERENCE_TITLES[0], REFERENCE_TITLES[1], REFERENCE_TITLES[2]]
    assert [(r["date"], r["date_label"]) for r in references] == [
        ("2014-06-22", "Sun 22 Jun 2014"),
        ("2014-06-24", "Tue 24 Jun 2014"),
        ("2014-06-23", "Mon 23 Jun 2014"),
    ]
    # Only a web address is a link.
    assert [r["url"] for r in references] == [None, None, FOLLOWUP_PAGE_SOURCE]
    assert [s["references"] for s in context["overview"]] == [[1], [2]]
    assert [[s["references"] for s in k["sentences"]] for k in context["key_dates"]] == [
        [[1, 2]],
        [[1, 2, 3], [3]],
        [[3], [2]],
    ]


def test_only_cited_articles_are_references(keydates):
    uncited = replace(keydates.articles[0], article=replace(keydates.articles[0].article, source="wire/uncited.txt"))
    briefing = replace(keydates, articles=(*keydates.articles, uncited))
    context = briefing_context(briefing)
    assert "wire/uncited.txt" not in [r["source"] for r in context["references"]]
    assert len(context["references"]) == 3


def test_keydate_context(keydates):
    context = briefing_context(keydates)
    assert context["events"] == [] and context["precisions"] == []
    assert [(k["value"], k["label"], k["datetime"], k["mentions"]) for k in context["key_dates"]] == [
        ("2014-06-09", "Mon 9 Jun 2014", "2014-06-09", 2),
        ("2014-06-22", "Sun 22 Jun 2014", "2014-06-22", 7),
        ("2014-06-23", "Mon 23 Jun 2014", "2014-06-23", 3),
    ]
    assert {(a["summary"], a["summary_method"]) for a in context["articles"]} == {(None, None)}
    ordinary = briefing_context(handmade_briefing())
    assert (ordinary["key_dates"], ordinary["overview"], ordinary["references"]) == (None, [], [])


# --- user templates and their errors ------------------------------------------------


def test_user_template_gets_the_documented_context(dated, tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{{ title }}|{{ articles[0].date }}|{% for e in events %}{{ e.label }} *{{ e.precision }}*;"
        "{% endfor %}|{{ anchored }}|{{ quotes }}\n",
        encoding="utf-8",
    )
    assert format_for_template(template) == "markdown"
    output = render(dated, "markdown", template=template, quotes=True)
    assert output.startswith(f"{TITLE}|2014-06-22|Early January 2014 onward *approximate*;")
    assert output.endswith("|True|True\n")


def test_user_template_can_extend_the_builtin_page(dated, tmp_path):
    template = tmp_path / "brand.html"
    template.write_text('{% extends "page.html.j2" %}', encoding="utf-8")
    assert render(dated, "html", template=template) == render(dated, "html")


@pytest.mark.parametrize(
    "source, message",
    [
        ("line 1\n{{ title }\n", r"bad\.html\.j2, line 2: unexpected '}'"),
        ("line 1\n\n{{ no_such_thing }}\n", r"bad\.html\.j2, line 3: 'no_such_thing' is undefined"),
        (
            "{% for e in events %}\n{{ e.label.nope() }}\n{% endfor %}",
            r"bad\.html\.j2, line 2: .*has no attribute 'nope'",
        ),
        ("{{ 1 / 0 }}", r"bad\.html\.j2, line 1: ZeroDivisionError: division by zero"),
        ("\n{% include 'missing.css' %}", r"bad\.html\.j2, line 2: template 'missing\.css' not found"),
        ("{% for e in events %}", r"bad\.html\.j2, line 1: Unexpected end of template.*"),
    ],
)
def test_template_errors_are_one_line_naming_template_and_line(dated, tmp_path, source, message):
    template = tmp_path / "bad.html.j2"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render(dated, "html", template=template)
    text = str(caught.value)
    assert "\n" not in text
    assert re.fullmatch(re.escape(str(tmp_path)) + "/" + message, text), text


def test_template_for_a_json_format_is_refused(dated, tmp_path):
    template = tmp_path / "t.html"
    template.write_text("x")
    with pytest.raises(TemplateError, match="cannot be used with --format json"):
        check_template(template, ["json"])
    with pytest.raises(TemplateError, match="no such template file"):
        check_template(tmp_path / "missing.html", ["html"])


# --- the command line's rendering flags (the pipeline is replaced by the sample) -----


@pytest.fixture
def run_cli(monkeypatch, capsys):
    briefings = {True: handmade_briefing(), False: handmade_briefing(dated=False)}
    import summarize.pipeline as real_pipeline

    pipeline = types.ModuleType("summarize.pipeline")
    pipeline.__dict__.update(
        {name: value for name, value in vars(real_pipeline).items() if not name.startswith("__")}
    )  # the rest of its API, options and all
    pipeline.build_briefing = lambda sources, *, date=None, **options: briefings[date is not None]

    class Briefer:  # what the CLI calls (batches with per-input failures)
        def __init__(self, **options):
            pass

        def brief_inputs(self, inputs, **options):
            return types.SimpleNamespace(briefing=briefings[inputs[0].date is not None], failures=())

    pipeline.Briefer = Briefer
    monkeypatch.setitem(__import__("sys").modules, "summarize.pipeline", pipeline)

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(["examples/iraq-rawa-ana.txt", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_formats_match_the_renderer(run_cli):
    for format in FORMATS:
        code, out, err = run_cli("--date", "2014-06-22", "--format", format)
        assert (code, err) == (0, "")
        assert out == render(handmade_briefing(), format)


def test_cli_quotes_and_front_matter(run_cli):
    code, out, _ = run_cli("--date", "2014-06-22", "--format", "markdown", "--quotes", "--front-matter")
    assert code == 0
    assert out == render(handmade_briefing(), "markdown", quotes=True, front_matter=True)


def test_cli_template_picks_format_from_file_name(run_cli, tmp_path):
    template = tmp_path / "short.md.j2"
    template.write_text("{{ title }}\n")
    code, out, _ = run_cli("--date", "2014-06-22", "--template", str(template))
    assert (code, out) == (0, TITLE + "\n")


def test_cli_template_error_is_one_line_exit_2(run_cli, tmp_path):
    template = tmp_path / "broken.html"
    template.write_text("<p>\n{% if %}\n")
    code, out, err = run_cli("--template", str(template))
    assert code == 2 and out == ""
    assert err == f"summarize: error: {template}, line 2: Expected an expression, got 'end of statement block'\n"


def test_cli_template_cannot_run_commands(run_cli, tmp_path):
    template = tmp_path / "evil.html"
    template.write_text('<p>{{ cycler.__init__.__globals__.os.popen("id").read() }}</p>\n')
    code, out, err = run_cli("--template", str(template))
    assert (code, out) == (2, "")
    assert err == f"summarize: error: {template}, line 1: access to attribute '__init__' of 'type' object is unsafe.\n"


def test_cli_template_with_several_formats_is_refused(run_cli, tmp_path):
    template = tmp_path / "t.html"
    template.write_text("x")
    code, _, err = run_cli("--template", str(template), "--format", "html,markdown", "-o", str(tmp_path / "out"))
    assert code == 2 and "--template renders one format" in err


def test_cli_writes_every_format_into_one_directory(run_cli, tmp_path):
    code, _, err = run_cli("--date", "2014-06-22", "--format", ",".join(FORMATS), "-o", str(tmp_path))
    assert (code, err) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"iraq-rawa-ana.{FILE_EXTENSIONS[f]}" for f in FORMATS)


def test_cli_timelinejs_without_a_date_is_a_one_line_error(run_cli):
    code, out, err = run_cli("--format", "timelinejs")
    assert (code, out) == (2, "")
    assert err.startswith("summarize: error: timelinejs: no event has a known year") and err.count("\n") == 1


def test_cli_writes_nothing_when_one_format_cannot_be_made(run_cli, tmp_path):
    code, _, err = run_cli("--format", "html,timelinejs", "-o", str(tmp_path / "out"))
    assert code == 2 and "timelinejs" in err
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
