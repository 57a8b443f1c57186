"""Rendering as a reader sees it: every format shows title, source, date, summary and the
timeline; fuzzy dates look different; the HTML is valid HTML5, the Markdown renders
as intended through a CommonMark renderer; templates fail with one clear line."""

from __future__ import annotations

import json
import re
import types
from dataclasses import replace

import html5lib
import pytest
import yaml
from markdown_it import MarkdownIt

from briefings import (FOLLOWUP_DATELINE_SOURCE, FOLLOWUP_PAGE_SOURCE, SAMPLE_SOURCE, handmade_briefing,
                       keydate_briefing)
from summarize import cli
from summarize.errors import SummarizeError, TemplateError
from summarize.models import Summary
from summarize.rendering import (FILE_EXTENSIONS, FORMATS, briefing_context, check_template, format_for_template,
                                render)
from summarize.rendering.context import html_datetime
from summarize.rendering.documents import timelinejs_date, timelinejs_end_date
from summarize.rendering.sandbox import _markdown_escape

TITLE = "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing"
HEADLINES = [
    "Anti-government fighters have held all of one city in Anbar province and areas of a second",
    "Militants led by the Islamic State of Iraq and the Levant overran most of one province "
    "and parts of three others north of Baghdad",
    "Some of those killed were shot dead when the militants moved into the towns",
    "Insurgents moved into Rawa and Ana, in Anbar province",
    "Others were slain",
    "Militants seized control of the al-Walid border crossing with Syria",
]
LABELS = ["Early January 2014 onward", "Late Mon 9 Jun 2014 onward", "Sat 21 Jun 2014",
          "Sat 21 Jun 2014, evening", "Sun 22 Jun 2014", "Sun 22 Jun 2014"]
# A source sentence that is not also in the summary.
QUOTE = ("Witnesses said insurgents moved into Rawa and Ana, in Anbar province, on Saturday evening, after security "
         "officers and witnesses also reported militants entering al-Qaim, a town on the Syrian border, earlier in "
         "the day.")
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def dated():
    return handmade_briefing()


@pytest.fixture(scope="module")
def undated():
    return handmade_briefing(dated=False)


def parse_html(text: str, fragment: bool = False):
    """Parse with html5lib in strict mode: any HTML5 parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(text) if fragment else parser.parse(text)


def visible_text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def markdown_dom(text: str):
    """Markdown as GitHub shows it: CommonMark with raw HTML passed through (GitHub then
    sanitizes it, newsletter platforms often do not, so we must never emit any)."""
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    return parse_html(f"<div>{html}</div>", fragment=True)


# --- every format shows the whole briefing, in order ---------------------------------

def reading_text(format: str, briefing, **options) -> str:
    """The text a reader sees: rendered HTML's text, or the text output itself."""
    output = render(briefing, format, **options)
    if format == "html":
        return visible_text(parse_html(output).find("body"))
    if format == "email":
        return visible_text(parse_html(output, fragment=True).find("table"))
    if format == "markdown":
        return visible_text(markdown_dom(output))
    if format in ("json", "timelinejs"):
        return json.dumps(json.loads(output), ensure_ascii=False)
    return " ".join(re.sub(r"^ *> ", "", output, flags=re.MULTILINE).split())  # quotes wrap with "> "


@pytest.mark.parametrize("format", ["html", "email", "text", "markdown"])
def test_reading_order_is_title_source_date_summary_then_timeline(format, dated):
    text = reading_text(format, dated)
    lowered = text.lower()
    expected = [TITLE, SAMPLE_SOURCE, "Sun 22 Jun 2014", "Militants killed 21 leaders in the western Iraq towns",
                "Timeline"]
    for label, headline in zip(LABELS, HEADLINES):
        expected += [label, headline]
    at = 0
    for piece in expected:  # each one found after the one before (str.index raises if not)
        at = lowered.index(piece.lower(), at) + len(piece)


@pytest.mark.parametrize("format", FORMATS)
def test_quotes_only_on_demand(format, dated):
    if format == "json":  # the documented schema always carries the sentence
        assert QUOTE in render(dated, format)
        return
    assert QUOTE not in reading_text(format, dated)
    assert QUOTE in reading_text(format, dated, quotes=True)


@pytest.mark.parametrize("format", [f for f in FORMATS if f != "timelinejs"])
def test_undated_article_says_so(format, undated):
    text = reading_text(format, undated)
    assert "date unknown" in text
    assert "Saturday (date unknown)" in text


# --- fuzzy and relative dates look different ----------------------------------------

def test_context_precision_and_datetime(dated, undated):
    events = briefing_context(dated)["events"]
    assert [e["precision"] for e in events] == ["approximate"] * 2 + ["exact"] * 4
    assert [e["datetime"] for e in events] == ["2014-01", "2014-06-09", "2014-06-21", "2014-06-21",
                                               "2014-06-22", "2014-06-22"]
    undated_events = briefing_context(undated)["events"]
    assert {e["precision"] for e in undated_events} == {"relative"}
    assert {e["datetime"] for e in undated_events} == {None}


@pytest.mark.parametrize("value, expected", [
    ("2014-06-21T14:30", "2014-06-21T14:30"), ("2014-W25", "2014-W25"), ("2014", "2014"),
    ("2014-Q2", None), ("2014-SU", None), ("XXXX-06-09", None), ("PAST_REF", None),
])
def test_html_datetime_is_valid_html_or_absent(value, expected):
    assert html_datetime(value) == expected


def test_page_marks_each_event_with_its_precision(dated, undated):
    for briefing, expected in [(dated, ["approximate"] * 2 + ["exact"] * 4), (undated, ["relative"] * 6)]:
        items = parse_html(render(briefing, "html")).findall(".//ol[@class='timeline']/li")
        assert [item.get("class").split()[1] for item in items] == expected


def test_page_time_elements_carry_datetime_only_when_known(dated, undated):
    page = parse_html(render(dated, "html"))
    assert [t.get("datetime") for t in page.findall(".//li/time")] == [
        "2014-01", "2014-06-09", "2014-06-21", "2014-06-21", "2014-06-22", "2014-06-22"]
    undated_page = parse_html(render(undated, "html"))
    assert undated_page.findall(".//li/time") == []
    assert len(undated_page.findall(".//li/span[@class='date']")) == 6


def test_email_marker_and_style_differ_by_precision(dated):
    table = parse_html(render(dated, "email"), fragment=True)
    markers = ["".join(td.itertext()) for td in table.iter("td") if "marker" in (td.get("class") or "")]
    assert markers == ["\u25cb", "\u25cb", "\u25cf", "\u25cf", "\u25cf", "\u25cf"]
    dates = [p for p in table.iter("p") if "date" in (p.get("class") or "").split()]
    assert ["font-style: italic" in p.get("style") for p in dates] == [True, True, False, False, False, False]
    # Without styles, the markup itself still tells them apart.
    assert [p[0].tag for p in dates] == ["em", "em", "strong", "strong", "strong", "strong"]


def test_markdown_exact_dates_bold_others_italic(dated):
    items = markdown_dom(render(dated, "markdown")).findall(".//ul/li")
    assert [(item[0].tag, item[0].text) for item in items] == [
        ("em", LABELS[0]), ("em", LABELS[1])] + [("strong", label) for label in LABELS[2:]]


def test_text_markers(dated, undated):
    lines = [line for line in render(dated, "text").splitlines() if line[2:] in LABELS]
    assert [line[:2] for line in lines] == ["~ ", "~ ", "* ", "* ", "* ", "* "]
    assert all(line.startswith("? ") for line in render(undated, "text").splitlines() if "(date unknown)" in line)


def test_text_lines_fit_a_plain_text_email(dated):
    assert max(len(line) for line in render(dated, "text", quotes=True).splitlines()) <= 72


def test_text_never_splits_a_hyphenated_name(dated):
    hyphenated = replace(dated.timeline.events[0], headline="Fighters entered al-Qaim and " * 12)
    briefing = replace(dated, timeline=replace(dated.timeline, events=(hyphenated,)))
    output = render(briefing, "text", quotes=True)
    assert output.count("al-Qaim") == 12
    assert not any(line.rstrip().endswith("-") for line in output.splitlines() if line.strip() != "--")


# --- HTML5 validity, accessibility, no network --------------------------------------

@pytest.mark.parametrize("quotes", [False, True])
def test_page_is_valid_accessible_html5(dated, quotes):
    output = render(dated, "html", quotes=quotes)
    page = parse_html(output)  # strict: raises on any parse error
    assert output.startswith("<!DOCTYPE html>")
    assert page.get("lang") == "en"
    body = page.find("body")
    assert [child.tag for child in body if child.tag in ("header", "main", "footer")] == ["header", "main", "footer"]
    assert len(page.findall(".//h1")) == 1
    assert page.find(".//ol[@class='timeline']") is not None
    assert page.find(".//meta[@name='viewport']") is not None
    assert "@media print" in page.find(".//style").text
    # Nothing that could load from the network, and a policy forbidding it.
    assert not re.search(r"\b(src|href)=\"(?!#)", output)
    assert "@import" not in output and "url(" not in output
    policy = page.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in policy


@pytest.mark.parametrize("briefing_name", ["dated", "undated"])
def test_email_is_a_valid_inlined_600px_table_without_scripts(briefing_name, request):
    output = render(request.getfixturevalue(briefing_name), "email", quotes=True)
    fragment = parse_html(output, fragment=True)
    table = fragment.find("table")
    assert table.get("width") == "600" and "max-width: 600px" in table.get("style")
    assert fragment.findall(".//script") == [] and "<link" not in output and "<img" not in output
    assert not re.search(r"\s(src|href)=", output)
    # css-inline put the rules on the elements; only the dark-mode query stays in <style>.
    assert all(element.get("style") for element in fragment.iter() if element.get("class") and element.tag != "tbody")
    style = fragment.find("style").text
    assert "prefers-color-scheme: dark" in style and "!important" in style
    assert re.sub(r"@media[^{]*\{(?:[^{}]*\{[^}]*\})*\s*\}", "", style).strip() == ""


def test_email_reads_in_order_without_styles(dated):
    """A client that strips styles and tables still shows headings and paragraphs in order."""
    fragment = parse_html(render(dated, "email"), fragment=True)
    blocks = [(element.tag, visible_text(element)) for element in fragment.iter() if element.tag in ("h1", "h2", "p")]
    assert blocks[1] == ("h1", TITLE)
    assert [tag for tag, _ in blocks].count("h2") == 2
    assert blocks.index(("h2", "Summary")) < blocks.index(("h2", "Timeline"))
    dates = [text for tag, text in blocks if text in LABELS]
    assert dates == LABELS


# --- Markdown through a CommonMark renderer -----------------------------------------

def test_markdown_structure_through_commonmark(dated):
    dom = markdown_dom(render(dated, "markdown", quotes=True))
    assert visible_text(dom.find(".//h1")) == TITLE
    assert [visible_text(h) for h in dom.findall(".//h2")] == ["Timeline"]
    items = dom.findall(".//ul/li")
    assert len(items) == 6
    assert [visible_text(item.find("blockquote")) for item in items][3] == QUOTE
    assert dom.find(".//script") is None


def test_markdown_front_matter_is_yaml(dated, undated):
    output = render(dated, "markdown", front_matter=True)
    assert output.startswith("---\n")
    header, body = output[4:].split("\n---\n", 1)
    assert yaml.safe_load(header) == {"title": TITLE, "date": "2014-06-22", "source": SAMPLE_SOURCE,
                                      "anchored": True, "generator": briefing_context(dated)["generator"]}
    assert body.lstrip().startswith("# " + TITLE)
    undated_header = render(undated, "markdown", front_matter=True)[4:].split("\n---\n", 1)[0]
    assert yaml.safe_load(undated_header)["date"] is None
    assert not render(dated, "markdown").startswith("---")


@pytest.mark.parametrize("text", [
    "*bold* _it_ `code` [link](http://x) ![img](http://x/i.png) <b>raw</b> &amp; | a | ~~s~~",
    "# not a heading", "> not a quote", "- not a list", "1. not a list", "+ plus", "=== ---",
    "back\\slash \\*", "line\nbreak\n\n# heading",
])
def test_markdown_escape_renders_as_the_same_text(text):
    rendered = MarkdownIt("commonmark", {"html": True}).render(_markdown_escape(text))
    dom = parse_html(f"<div>{rendered}</div>", fragment=True)
    assert [child.tag for child in dom.find("div")] == ["p"]  # one plain paragraph...
    assert list(dom.find("div/p")) == []  # ...with no markup inside
    assert visible_text(dom) == " ".join(text.split())


# --- JSON and TimelineJS ------------------------------------------------------------

def test_json_keeps_the_documented_schema(dated):
    document = json.loads(render(dated, "json"))
    assert set(document) == {"articles", "events", "anchored", "notes", "key_dates", "overview", "references"}
    assert set(document["articles"][0]) >= {"source", "title", "date", "date_label", "date_source", "summary",
                                            "summary_method"}
    documented = {"value", "mod", "extent", "exact", "label", "headline", "sentence", "start", "end", "time_text",
                  "source", "sources"}
    assert all(set(event) >= documented for event in document["events"])
    assert [e["value"] for e in document["events"]] == ["2014-01", "2014-06-09", "2014-06-21", "2014-06-21TEV",
                                                        "2014-06-22", "2014-06-22"]


def test_json_offsets_point_at_the_sentence(dated):
    text = dated.articles[0].article.text
    for event in json.loads(render(dated, "json"))["events"]:
        assert text[event["start"]:event["end"]] == event["sentence"]


def test_timelinejs_slides(dated):
    document = json.loads(render(dated, "timelinejs"))
    assert document["title"]["text"]["headline"] == TITLE
    assert "Militants killed 21 leaders" in document["title"]["text"]["text"]
    dates = [event["start_date"] for event in document["events"]]
    assert dates[0] == {"year": 2014, "month": 1, "display_date": "Early January 2014 onward"}
    assert dates[3] == {"year": 2014, "month": 6, "day": 21, "hour": 19, "display_date": "Sat 21 Jun 2014, evening"}
    assert [event["text"]["headline"] for event in document["events"]] == HEADLINES
    assert len({event["unique_id"] for event in document["events"]}) == 6
    for event in document["events"]:  # what TimelineJS requires
        assert isinstance(event["start_date"]["year"], int)


def test_timelinejs_leaves_out_unknown_years_and_says_so(dated):
    events = list(dated.timeline.events)
    events[2] = replace(events[2], time=replace(events[2].time, value="XXXX-WXX-6"), label="Saturday (date unknown)",
                        exact=False)
    briefing = replace(dated, timeline=replace(dated.timeline, events=tuple(events)))
    document = json.loads(render(briefing, "timelinejs"))
    assert [e["text"]["headline"] for e in document["events"]] == HEADLINES[:2] + HEADLINES[3:]
    note = document["title"]["text"]["text"]
    assert "year is unknown (1): Saturday (date unknown): Some of those killed" in note


def test_timelinejs_without_any_year_asks_for_the_date(undated):
    with pytest.raises(SummarizeError, match=r"^timelinejs: no event has a known year.*--date"):
        render(undated, "timelinejs")


@pytest.mark.parametrize("value, expected", [
    ("2014-Q3", {"year": 2014, "month": 7}), ("2014-W25", {"year": 2014, "month": 6, "day": 16}),
    ("2014", {"year": 2014}), ("2014-06-21T08:05", {"year": 2014, "month": 6, "day": 21, "hour": 8, "minute": 5}),
    ("XXXX-06-09", None), ("P2D", None),
])
def test_timelinejs_dates(value, expected):
    assert timelinejs_date(value) == expected


# --- user templates and their errors ------------------------------------------------

def test_user_template_gets_the_documented_context(dated, tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text("{{ title }}|{{ articles[0].date }}|{% for e in events %}{{ e.label }} *{{ e.precision }}*;"
                        "{% endfor %}|{{ anchored }}|{{ quotes }}\n", encoding="utf-8")
    assert format_for_template(template) == "markdown"
    output = render(dated, "markdown", template=template, quotes=True)
    assert output.startswith(f"{TITLE}|2014-06-22|Early January 2014 onward *approximate*;")
    assert output.endswith("|True|True\n")


def test_user_template_can_extend_the_builtin_page(dated, tmp_path):
    template = tmp_path / "brand.html"
    template.write_text('{% extends "page.html.j2" %}', encoding="utf-8")
    assert render(dated, "html", template=template) == render(dated, "html")


@pytest.mark.parametrize("source, message", [
    ("line 1\n{{ title }\n", r"bad\.html\.j2, line 2: unexpected '}'"),
    ("line 1\n\n{{ no_such_thing }}\n", r"bad\.html\.j2, line 3: 'no_such_thing' is undefined"),
    ("{% for e in events %}\n{{ e.label.nope() }}\n{% endfor %}", r"bad\.html\.j2, line 2: .*has no attribute 'nope'"),
    ("{{ 1 / 0 }}", r"bad\.html\.j2, line 1: ZeroDivisionError: division by zero"),
    ("\n{% include 'missing.css' %}", r"bad\.html\.j2, line 2: template 'missing\.css' not found"),
    ("{% for e in events %}", r"bad\.html\.j2, line 1: Unexpected end of template.*"),
])
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
    pipeline.__dict__.update({name: value for name, value in vars(real_pipeline).items()
                              if not name.startswith("__")})  # the rest of its API, options and all
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
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"iraq-rawa-ana.{FILE_EXTENSIONS[f]}" for f in FORMATS)


def test_cli_timelinejs_without_a_date_is_a_one_line_error(run_cli):
    code, out, err = run_cli("--format", "timelinejs")
    assert (code, out) == (2, "")
    assert err.startswith("summarize: error: timelinejs: no event has a known year") and err.count("\n") == 1


def test_several_articles_each_get_title_source_and_summary(dated):
    second = replace(dated.articles[0], article=replace(dated.articles[0].article, source="wire/second.txt",
                                                        title="Second Story"),
                     summary=replace(dated.articles[0].summary, text="The second summary."))
    briefing = replace(dated, articles=(dated.articles[0], second))
    for format in FORMATS:
        text = reading_text(format, briefing)
        for piece in (TITLE, SAMPLE_SOURCE, "Second Story", "wire/second.txt", "The second summary."):
            assert piece in text, (format, piece)
    # The briefing is titled as a whole; each article under its own title.
    assert visible_text(parse_html(render(briefing, "html")).find(".//h1")) == "Briefing"
    assert visible_text(parse_html(render(briefing, "email"), fragment=True).find(".//h1")) == "Briefing"
    assert render(briefing, "markdown").startswith("# Briefing\n\n## " + TITLE)
    assert render(briefing, "text").startswith("BRIEFING\n")
    assert json.loads(render(briefing, "timelinejs"))["title"]["text"]["headline"] == "Briefing"
    front = render(briefing, "markdown", front_matter=True)[4:].split("\n---\n", 1)[0]
    assert yaml.safe_load(front)["sources"] == [SAMPLE_SOURCE, "wire/second.txt"]


def test_cli_writes_nothing_when_one_format_cannot_be_made(run_cli, tmp_path):
    code, _, err = run_cli("--format", "html,timelinejs", "-o", str(tmp_path / "out"))
    assert code == 2 and "timelinejs" in err
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_an_article_without_title_or_date_never_shows_none(undated):
    article = replace(undated.articles[0].article, title=None)
    briefing = replace(undated, articles=(replace(undated.articles[0], article=article),))
    for format in FORMATS:
        if format == "timelinejs":
            continue  # refused without any year (see above)
        output = render(briefing, format, quotes=True, front_matter=True)
        assert "None" not in output, format
        assert "Briefing" in output or "BRIEFING" in output or format == "json"


# --- the README documents what the code does ------------------------------------------

def _readme_section(title: str) -> str:
    from conftest import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_template_context_is_the_context(dated):
    names = set()
    for row in re.findall(r"^\| (`[^|]+) \|", _readme_section("Template context"), flags=re.MULTILINE):
        names |= set(re.findall(r"`(\w+)`", row))
    assert names == set(briefing_context(dated))


def test_readme_json_example_has_the_fields_of_the_output(dated):
    example = json.loads(re.search(r"```json\n(.*?)```", _readme_section("JSON output"), re.DOTALL).group(1))
    document = json.loads(render(dated, "json"))
    assert set(example) == set(document)
    assert set(example["articles"][0]) == set(document["articles"][0])
    assert set(example["events"][0]) == set(document["events"][0])
    elided = {"headline": "...", "sentence": "..."}  # shortened in the README
    assert example["events"][0] == document["events"][0] | elided


# --- Ranges ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ranged(dated):
    """The sample with its first event made a range, "from June 9 to June 22"."""
    events = list(dated.timeline.events)
    first = events[1]
    end_time = replace(first.time, text="June 22", value="2014-06-22", mod=None)
    events[1] = replace(first, time=replace(first.time, value="2014-06-09", mod=None), extent="range", exact=False,
                        end_time=end_time, label="Mon 9 to Sun 22 Jun 2014")
    return replace(dated, timeline=replace(dated.timeline, events=tuple(events)))


def test_json_gives_a_range_its_end(ranged):
    events = json.loads(render(ranged, "json"))["events"]
    assert [(e["value"], e["end_value"], e["extent"], e["datetime"], e["end_datetime"]) for e in events[:3]] == [
        ("2014-01", None, "onward", "2014-01", None),
        ("2014-06-09", "2014-06-22", "range", "2014-06-09", "2014-06-22"),
        ("2014-06-21", None, "point", "2014-06-21", None),
    ]
    assert events[1]["label"] == "Mon 9 to Sun 22 Jun 2014" and events[1]["precision"] == "approximate"


def test_timelinejs_gives_a_range_an_end_date(ranged):
    slides = json.loads(render(ranged, "timelinejs"))["events"]
    assert slides[1]["start_date"] == {"year": 2014, "month": 6, "day": 9, "display_date": "Mon 9 to Sun 22 Jun 2014"}
    assert slides[1]["end_date"] == {"year": 2014, "month": 6, "day": 22}
    assert slides[1]["display_date"] == "Mon 9 to Sun 22 Jun 2014"
    assert all("end_date" not in slide and "display_date" not in slide for i, slide in enumerate(slides) if i != 1)


@pytest.mark.parametrize(("value", "end_value", "expected"), [
    ("1991", "1998", {"year": 1998, "month": 12, "day": 31}),
    ("2004-02", "2013-09", {"year": 2013, "month": 9, "day": 30}),
    ("2014-05-05", "XXXX-05-07", {"year": 2014, "month": 5, "day": 7}),
    ("2014-06-21TMO", "2014-06-21TEV", {"year": 2014, "month": 6, "day": 21, "hour": 19}),
    ("XXXX-05-05", "XXXX-05-07", None),
])
def test_timelinejs_end_dates(value, end_value, expected):
    assert timelinejs_end_date(value, end_value) == expected


@pytest.mark.parametrize("format", ["text", "markdown", "html", "email"])
def test_a_range_shows_its_label(ranged, format):
    rendered = render(ranged, format)
    assert "Mon 9 to Sun 22 Jun 2014" in rendered
    if format == "text":
        assert any(line.endswith("Mon 9 to Sun 22 Jun 2014") for line in rendered.splitlines())
    if format == "html":  # the machine-readable date is where the range starts
        assert '<time class="date" datetime="2014-06-09">Mon 9 to Sun 22 Jun 2014</time>' in rendered


# --- Key-date briefings ----------------------------------------------------------------

KEYDATE_LABELS = ["Mon 9 Jun 2014", "Sun 22 Jun 2014", "Mon 23 Jun 2014"]
OVERVIEW_START = "Militants killed 21 leaders in the western Iraq towns"
JUNE_9 = ("Beginning late on June 9, militants led by the Islamic State of Iraq and the Levant (ISIL) but also "
          "including a number of other groups such as loyalists of executed dictator Saddam Hussein, overran most "
          "of one province and parts of three others north of Baghdad.")
AL_WALID = "Media reports said militants seized control of the al-Walid border crossing with Syria on Sunday."
REFERENCE_TITLES = ["Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing",
                    "Iraq Insurgents Consolidate Hold on Western Anbar",
                    "Iraqi Militants Tighten Grip on Syrian Border"]


@pytest.fixture(scope="module")
def keydates():
    return keydate_briefing()


def test_references_are_numbered_in_order_of_first_citation(keydates):
    """The overview cites the sample and the Tuesday wire story; the page is first
    cited by the second key date, so it is [3] although it is the second article."""
    context = briefing_context(keydates)
    assert [a["source"] for a in context["articles"]] == [SAMPLE_SOURCE, FOLLOWUP_PAGE_SOURCE, FOLLOWUP_DATELINE_SOURCE]
    references = context["references"]
    assert [(r["number"], r["source"]) for r in references] == [
        (1, SAMPLE_SOURCE), (2, FOLLOWUP_DATELINE_SOURCE), (3, FOLLOWUP_PAGE_SOURCE)]
    assert [r["title"] for r in references] == [REFERENCE_TITLES[0], REFERENCE_TITLES[1], REFERENCE_TITLES[2]]
    assert [(r["date"], r["date_label"]) for r in references] == [
        ("2014-06-22", "Sun 22 Jun 2014"), ("2014-06-24", "Tue 24 Jun 2014"), ("2014-06-23", "Mon 23 Jun 2014")]
    # Only a web address is a link.
    assert [r["url"] for r in references] == [None, None, FOLLOWUP_PAGE_SOURCE]
    assert [s["references"] for s in context["overview"]] == [[1], [2]]
    assert [[s["references"] for s in k["sentences"]] for k in context["key_dates"]] == [
        [[1, 2]], [[1, 2, 3], [3]], [[3], [2]]]


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
        ("2014-06-09", "Mon 9 Jun 2014", "2014-06-09", 2), ("2014-06-22", "Sun 22 Jun 2014", "2014-06-22", 7),
        ("2014-06-23", "Mon 23 Jun 2014", "2014-06-23", 3)]
    assert {(a["summary"], a["summary_method"]) for a in context["articles"]} == {(None, None)}
    ordinary = briefing_context(handmade_briefing())
    assert (ordinary["key_dates"], ordinary["overview"], ordinary["references"]) == (None, [], [])


def test_keydate_json_schema(keydates):
    document = json.loads(render(keydates, "json"))
    assert list(document) == ["articles", "events", "anchored", "notes", "key_dates", "overview", "references"]
    assert document["events"] == []
    assert all(article["summary"] is None and article["summary_method"] is None for article in document["articles"])
    assert all(set(k) == {"value", "label", "datetime", "mentions", "sentences"} for k in document["key_dates"])
    sentences = document["overview"] + [s for k in document["key_dates"] for s in k["sentences"]]
    assert len(sentences) == 7
    assert all(set(s) == {"text", "sources", "references", "start", "end"} for s in sentences)
    assert all(set(r) == {"number", "source", "title", "date", "date_label", "url"} for r in document["references"])
    # Every sentence is at its offsets in the first article it cites; every source is a reference.
    texts = {item.article.source: item.article.text for item in keydates.articles}
    numbers = {r["source"]: r["number"] for r in document["references"]}
    for sentence in sentences:
        assert texts[sentence["sources"][0]][sentence["start"]:sentence["end"]] == sentence["text"]
        assert sentence["references"] == sorted(numbers[source] for source in sentence["sources"])


def test_ordinary_json_only_gains_the_empty_key_date_fields(dated):
    document = json.loads(render(dated, "json"))
    assert list(document)[-3:] == ["key_dates", "overview", "references"]
    assert (document["key_dates"], document["overview"], document["references"]) == (None, [], [])


@pytest.mark.parametrize("format", ["html", "email", "text", "markdown"])
def test_keydate_reading_order_overview_timeline_references(format, keydates):
    """The overview, then the timeline date by date, then the references, last."""
    text = reading_text(format, keydates).lower()
    expected = ["Overview", OVERVIEW_START, "[1]", "Timeline", "The timeline shows at most 3 key dates",
                KEYDATE_LABELS[0], JUNE_9, "[1][2]", KEYDATE_LABELS[1], AL_WALID, "[1][2][3]", KEYDATE_LABELS[2],
                "References"] + REFERENCE_TITLES[:2] + [FOLLOWUP_PAGE_SOURCE]
    at = 0
    for piece in expected:  # each one found after the one before (str.index raises if not)
        at = text.index(piece.lower(), at) + len(piece)
    # Nothing but the references (and the footer) after the heading.
    tail = text[text.index("references"):]
    assert "timeline" not in tail and "overview" not in tail


@pytest.mark.parametrize("format", ["html", "email", "text", "markdown"])
def test_keydate_briefing_shows_no_summaries(format, keydates):
    text = reading_text(format, keydates)
    assert "Summary" not in text and "SUMMARY" not in text
    assert "None" not in render(keydates, format)
    # An article's summary, when there is one, is still shown.
    item = replace(keydates.articles[1], summary=Summary(text="A summary of the page.", method="extractive: MiniLM"))
    briefing = replace(keydates, articles=(keydates.articles[0], item, keydates.articles[2]))
    assert "A summary of the page." in reading_text(format, briefing)


def test_keydate_page_links_every_marker_to_its_reference(keydates):
    output = render(keydates, "html")
    page = parse_html(output)  # strict: raises on any parse error
    assert [visible_text(h) for h in page.findall(".//h2")] == ["Overview", "Timeline", "References"]
    items = page.findall(".//ol[@class='timeline key-dates']/li")
    assert [visible_text(item.find("time")) for item in items] == KEYDATE_LABELS
    assert [item.find("time").get("datetime") for item in items] == ["2014-06-09", "2014-06-22", "2014-06-23"]
    references = page.findall(".//ol[@class='references']/li")
    assert [li.get("id") for li in references] == ["ref-1", "ref-2", "ref-3"]
    assert [visible_text(li.find(".//cite")) for li in references] == REFERENCE_TITLES
    markers = [a for a in page.iter("a") if a.get("class") == "cite"]
    assert [visible_text(a) for a in markers] == ["[1]", "[2]", "[1]", "[2]", "[1]", "[2]", "[3]", "[3]", "[3]", "[2]"]
    assert all(a.get("href") == "#ref-" + visible_text(a).strip("[]") for a in markers)
    # The June 9 sentence cites two articles: two markers, in the paragraph after it.
    first = items[0].find("p")
    assert visible_text(first).startswith(JUNE_9) and len(first.findall(".//a")) == 2
    # The only other link is the page's web address; nothing is loaded.
    others = [a.get("href") for a in page.iter("a") if a.get("class") not in ("cite", "skip")]
    assert others == [FOLLOWUP_PAGE_SOURCE]
    assert not re.search(r"\bsrc=", output)
    policy = page.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in policy


def test_keydate_email_is_a_valid_inlined_table_with_plain_markers(keydates):
    output = render(keydates, "email")
    fragment = parse_html(output, fragment=True)
    table = fragment.find("table")
    assert table.get("width") == "600" and "max-width: 600px" in table.get("style")
    assert fragment.findall(".//script") == [] and "<img" not in output and "<link" not in output
    assert all(element.get("style") for element in fragment.iter() if element.get("class") and element.tag != "tbody")
    style = fragment.find("style").text
    assert re.sub(r"@media[^{]*\{(?:[^{}]*\{[^}]*\})*\s*\}", "", style).strip() == ""
    blocks = [(element.tag, visible_text(element)) for element in fragment.iter() if element.tag in ("h2", "p")]
    assert [text for tag, text in blocks if tag == "h2"] == ["Overview", "Timeline", "References"]
    markers = [visible_text(span) for span in fragment.iter("span") if span.get("class") == "cite"]
    assert markers == ["[1]", "[2]", "[1][2]", "[1][2][3]", "[3]", "[3]", "[2]"]
    # Markers are text, not links; the one link is the web address of a reference.
    assert [a.get("href") for a in fragment.iter("a")] == [FOLLOWUP_PAGE_SOURCE]


def test_keydate_text_wraps_and_numbers_references(keydates):
    output = render(keydates, "text")
    assert max(len(line) for line in output.splitlines()) <= 72
    lines = output.splitlines()
    assert lines.index("OVERVIEW") < lines.index("TIMELINE") < lines.index("REFERENCES")
    assert [line for line in lines if line.startswith("* ")] == [f"* {label}" for label in KEYDATE_LABELS]
    assert [line for line in lines if re.match(r"\[\d\] ", line)] == [
        f"[{number}] {title}" for number, title in enumerate(REFERENCE_TITLES, start=1)]
    assert f"    {FOLLOWUP_PAGE_SOURCE} - Mon 23 Jun 2014" in lines
    assert "Baghdad. [1][2]" in " ".join(output.split())


def test_keydate_markdown_through_commonmark(keydates):
    output = render(keydates, "markdown")
    dom = markdown_dom(output)
    assert [visible_text(h) for h in dom.findall(".//h2")] == ["Overview", "Timeline", "References"]
    items = dom.findall(".//ul/li")
    assert [(item[0].tag, item[0].text) for item in items] == [("strong", label) for label in KEYDATE_LABELS]
    assert visible_text(items[1]).endswith("[1][2][3] The Turaibil crossing with Jordan fell to the insurgents late "
                                           "on Sunday after government troops pulled out. [3]")
    references = dom.findall(".//ol/li")
    assert [visible_text(li.find("em")) for li in references] == REFERENCE_TITLES
    assert dom.find(".//a") is None  # "[1]" is text, never a link
    assert output.index("## Overview") < output.index("## Timeline") < output.index("## References")
    assert output.rstrip().splitlines()[-1].startswith("3. ")


def test_keydate_front_matter_lists_the_sources(keydates):
    front = render(keydates, "markdown", front_matter=True)[4:].split("\n---\n", 1)[0]
    assert yaml.safe_load(front)["sources"] == [SAMPLE_SOURCE, FOLLOWUP_PAGE_SOURCE, FOLLOWUP_DATELINE_SOURCE]


def test_keydate_timelinejs_slides(keydates):
    document = json.loads(render(keydates, "timelinejs"))
    slides = document["events"]
    assert len(slides) == 3
    assert [slide["start_date"] for slide in slides] == [
        {"year": 2014, "month": 6, "day": day, "display_date": label} for day, label in zip((9, 22, 23), KEYDATE_LABELS)]
    assert slides[1]["text"]["headline"] == AL_WALID
    body = parse_html(slides[1]["text"]["text"], fragment=True)
    paragraphs = [visible_text(p) for p in body.iter("p")]
    assert paragraphs[0] == AL_WALID + " [1][2][3]"
    assert paragraphs[1].endswith("pulled out. [3]")
    assert paragraphs[2] == (f"Source: [1] {SAMPLE_SOURCE}; [2] {FOLLOWUP_DATELINE_SOURCE}; "
                             f"[3] {FOLLOWUP_PAGE_SOURCE}")
    title = parse_html(document["title"]["text"]["text"], fragment=True)
    assert visible_text(title).startswith(OVERVIEW_START)
    assert "Baghdad. [2]" in visible_text(title) and "The timeline shows at most 3 key dates" in visible_text(title)
    assert len({slide["unique_id"] for slide in slides}) == 3


def test_keydate_timelinejs_leaves_out_unknown_years_and_says_so(keydates):
    undated = replace(keydates.key_dates[0], value="XXXX-06-09", label="9 June (year unknown)")
    briefing = replace(keydates, key_dates=(undated, *keydates.key_dates[1:]))
    document = json.loads(render(briefing, "timelinejs"))
    assert [slide["start_date"]["display_date"] for slide in document["events"]] == KEYDATE_LABELS[1:]
    assert "year is unknown (1): 9 June (year unknown): Beginning late on June 9" in document["title"]["text"]["text"]
    nothing = replace(keydates, key_dates=(undated,))
    with pytest.raises(SummarizeError, match=r"^timelinejs: no key date has a known year"):
        render(nothing, "timelinejs")


def test_keydate_briefing_without_key_dates_says_so(keydates):
    briefing = replace(keydates, key_dates=(), overview=())
    for format in ("html", "email", "text", "markdown"):
        text = reading_text(format, briefing)
        assert "No key dates were found." in text and "No overview was made." in text, format
        assert "No article is cited." in text, format
    parse_html(render(briefing, "html"))
    assert json.loads(render(briefing, "json"))["key_dates"] == []
    assert json.loads(render(briefing, "timelinejs"))["events"] == []


def test_keydate_reference_without_article_title_or_date(keydates):
    """A cited source that is no article of the briefing, and an article without title
    or date, are still numbered references; nothing reads "None"."""
    first = keydates.articles[0]
    bare = replace(first, article=replace(first.article, title=None, date=None, date_source=None))
    stray = replace(keydates.overview[0], sources=(*keydates.overview[0].sources, "wire/elsewhere.txt"))
    briefing = replace(keydates, articles=(bare, *keydates.articles[1:]), overview=(stray, keydates.overview[1]))
    references = briefing_context(briefing)["references"]
    assert [(r["number"], r["source"], r["title"], r["date"]) for r in references][:2] == [
        (1, SAMPLE_SOURCE, None, None), (2, "wire/elsewhere.txt", None, None)]
    for format in FORMATS:
        output = render(briefing, format)
        assert "None" not in output, format
        if format in ("html", "email", "text", "markdown"):
            assert "date unknown" in reading_text(format, briefing), format
    parse_html(render(briefing, "html"))
