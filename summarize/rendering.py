"""Stage 6: render a ``Briefing`` as a web page, an email, text, Markdown, JSON or PDF.

Python builds one plain context (``briefing_context``) and the Jinja2 templates in
``templates/`` only format it; the same context is documented in the README for
users' own templates (``--template``). JSON and TimelineJS JSON are serialized from
that context directly.

Escaping is the environment's job, never the template author's: HTML formats are
autoescaped, and Markdown output escapes every value it prints (``_markdown_escape``),
so article text that looks like markup or template code always comes out as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
import markupsafe

from . import __version__
from .errors import SummarizeError, TemplateError
from .models import Briefing, CitedSentence, Event
from .temporal import timex

# The text formats (``render``), and the binary ones (``render_bytes`` makes every format).
FORMATS = ("html", "email", "text", "markdown", "json", "timelinejs")
BINARY_FORMATS = ("pdf",)
ALL_FORMATS = FORMATS + BINARY_FORMATS


@dataclass(frozen=True)
class TemplateFormat:
    """A format made from a Jinja2 template, and how values are escaped in it."""

    template: str
    escaping: str  # "html", "markdown" or "none"


TEMPLATE_FORMATS = {
    "html": TemplateFormat("page.html.j2", "html"),
    "email": TemplateFormat("email.html.j2", "html"),
    "text": TemplateFormat("email.txt.j2", "none"),
    "markdown": TemplateFormat("briefing.md.j2", "markdown"),
}

# The file each format writes when several are written into one directory: the
# email fragment gets its own name so that html and email can be written together.
FILE_EXTENSIONS = {
    "html": "html", "email": "email.html", "text": "txt", "markdown": "md", "json": "json",
    "timelinejs": "timeline.json", "pdf": "pdf",
}

# How a user's template (--template) is escaped when no --format says so: by the
# file name, HTML unless it is clearly Markdown or text (escaping too much is safer).
_TEMPLATE_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text"}

LANGUAGE = "en"

# How each Article.date_source reads beside the date ("Mon 23 Jun 2014, from the page metadata").
DATE_SOURCE_LABELS = {
    "--date": "given with --date",
    "jsonl": "given in the corpus",
    "metadata": "from the page metadata",
    "url": "from the page address",
    "dateline": "from the dateline",
    None: "date unknown",
}


def template_dir() -> Path:
    """Where the templates are: inside the installed package, else the checkout."""
    installed = Path(__file__).resolve().parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "templates"


def render(briefing: Briefing, format: str = "html", *, quotes: bool = False, front_matter: bool = False,
           template: str | Path | None = None) -> str:
    """Render ``briefing`` in ``format`` (one of ``FORMATS``).

    ``quotes`` adds each event's source sentence; ``front_matter`` adds YAML front
    matter to Markdown; ``template`` is the path of a user's Jinja2 template that
    replaces the built-in one of ``format`` (and gets the same context).
    Raises ``TemplateError`` for an unknown format or a broken template.
    """
    if format in BINARY_FORMATS:
        raise TemplateError(f"the {format} format is binary: make it with render_bytes")
    if format not in FORMATS:
        raise TemplateError(f"unknown format {format!r}; choose from {', '.join(ALL_FORMATS)}")
    context = briefing_context(briefing, quotes=quotes, front_matter=front_matter)
    if format in ("json", "timelinejs") and template is None:
        document = json_document(context) if format == "json" else timelinejs_document(context)
        return _script_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
    escaping = TEMPLATE_FORMATS[format].escaping if format in TEMPLATE_FORMATS else "html"
    if template is None:
        text = _render_template(_environment(template_dir(), escaping), TEMPLATE_FORMATS[format].template, context)
    else:
        check_template(template, [format])
        path = Path(template)
        text = _render_template(_environment(path.parent, escaping), path.name, context, shown_name=str(template))
    if format == "email":
        text = _inline_css(text)
    return text


def render_bytes(briefing: Briefing, format: str = "html", *, quotes: bool = False, front_matter: bool = False,
                 template: str | Path | None = None) -> bytes:
    """``briefing`` in any of ``ALL_FORMATS`` as bytes: a text format in UTF-8, and
    "pdf", the web page (``template`` or the built-in one) printed by headless
    Chromium (``pdf.py``; ``BrowserError`` without it)."""
    if format != "pdf":
        return render(briefing, format, quotes=quotes, front_matter=front_matter, template=template).encode("utf-8")
    from .pdf import html_to_pdf

    return html_to_pdf(render(briefing, "html", quotes=quotes, template=template))


def check_template(template: str | Path, formats: list[str]) -> None:
    """Raise ``TemplateError`` unless ``template`` can render ``formats``: one format that
    is made from a template, and a file that exists and parses."""
    if len(formats) != 1:
        raise TemplateError("--template renders one format: give --format once, not a list")
    if formats[0] not in TEMPLATE_FORMATS:
        raise TemplateError(f"--template cannot be used with --format {formats[0]}: "
                            f"it replaces the template of {', '.join(TEMPLATE_FORMATS)}")
    path = Path(template)
    if not path.is_file():
        raise TemplateError(f"{template}: no such template file")
    environment = _environment(path.parent, TEMPLATE_FORMATS[formats[0]].escaping)
    _guard(lambda: environment.get_template(path.name), environment, path.name, str(template))


def format_for_template(path: str | Path) -> str:
    """The format a user's template is rendered as when --format is not given."""
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() not in (".j2", ".jinja", ".jinja2")]
    return _TEMPLATE_SUFFIX_FORMATS.get(suffixes[-1] if suffixes else "", "html")


def briefing_context(briefing: Briefing, *, quotes: bool = False, front_matter: bool = False) -> dict[str, Any]:
    """The plain data every template receives (documented in the README).

    Everything a template needs to decide is decided here (how precise a date is,
    which ``datetime`` attribute it can have, which number a cited article has and
    whether its source is a link), so templates only format.
    """
    articles = [
        {
            "source": item.article.source,
            "title": item.article.title,
            "date": item.article.date.isoformat() if item.article.date else None,
            "date_label": item.article.date.strftime("%a %-d %b %Y") if item.article.date else None,
            "date_source": item.article.date_source,
            "date_source_label": DATE_SOURCE_LABELS.get(item.article.date_source, item.article.date_source),
            # None in a key-date briefing, which summarizes no article on its own.
            "summary": item.summary.text if item.summary is not None else None,
            "summary_method": item.summary.method if item.summary is not None else None,
        }
        for item in briefing.articles
    ]
    events = [_event_context(event) for event in briefing.timeline.events]
    titles = [a["title"] for a in articles if a["title"]]
    references = _references(briefing, articles)
    numbers = {reference["source"]: reference["number"] for reference in references}
    key_dates = None if briefing.key_dates is None else [
        {
            "value": key_date.value,
            "label": key_date.label,
            "datetime": html_datetime(key_date.value),
            "mentions": key_date.mentions,
            "sentences": [_sentence_context(sentence, numbers) for sentence in key_date.sentences],
        }
        for key_date in briefing.key_dates
    ]
    return {
        "title": titles[0] if len(articles) == 1 and titles else "Briefing",
        "lang": LANGUAGE,
        "articles": articles,
        "events": events,
        "key_dates": key_dates,
        "overview": [_sentence_context(sentence, numbers) for sentence in briefing.overview],
        "references": references,
        "anchored": briefing.timeline.anchored,
        "notes": list(briefing.notes),
        "generator": f"summarize {__version__}",
        "quotes": quotes,
        "front_matter": front_matter,
        "precisions": [p for p in ("exact", "approximate", "relative") if any(e["precision"] == p for e in events)],
    }


def _cited_sentences(briefing: Briefing) -> list[CitedSentence]:
    """Every sentence a key-date briefing shows, in reading order: the overview, then
    the key dates' sentences, date by date."""
    sentences = list(briefing.overview)
    for key_date in briefing.key_dates or ():
        sentences += key_date.sentences
    return sentences


def _references(briefing: Briefing, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cited articles, numbered in the order they are first cited.

    A source that is not one of the briefing's articles keeps its number, without
    title or date. ``url`` is the source when it is a web address (the formats link
    it), else None: a file name is no link.
    """
    by_source: dict[str, dict[str, Any]] = {}
    for article in articles:
        by_source.setdefault(article["source"], article)
    references: list[dict[str, Any]] = []
    cited: set[str] = set()
    for sentence in _cited_sentences(briefing):
        for source in sentence.sources:
            if source in cited:
                continue
            cited.add(source)
            article = by_source.get(source, {})
            references.append({
                "number": len(references) + 1,
                "source": source,
                "title": article.get("title"),
                "date": article.get("date"),
                "date_label": article.get("date_label"),
                "url": source if source.lower().startswith(("http://", "https://")) else None,
            })
    return references


def _sentence_context(sentence: CitedSentence, numbers: dict[str, int]) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "sources": list(sentence.sources),
        # The reference numbers of its sources, ascending as they are shown: "[1][3]".
        "references": sorted({numbers[source] for source in sentence.sources}),
        "start": sentence.start,
        "end": sentence.end,
    }


def _event_context(event: Event) -> dict[str, Any]:
    return {
        "value": event.value,
        # Where a range ("extent": "range") ends; None for every other event.
        "end_value": event.end_value,
        "mod": event.mod,
        "extent": event.extent,
        "exact": event.exact,
        "label": event.label,
        "headline": event.headline,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "time_text": event.time.text,
        "source": event.sources[0],
        "sources": list(event.sources),
        # Other dates given for the same happening by other articles (merging.py).
        "conflicts": [{"value": value, "label": timex.describe(value)} for value in event.conflicts],
        "precision": date_precision(event),
        "datetime": html_datetime(event.value),
        "end_datetime": html_datetime(event.end_value) if event.end_value is not None else None,
    }


def date_precision(event: Event) -> str:
    """How sure the date is, which the formats show differently.

    "exact": a known calendar day ("Sat 21 Jun 2014"); "relative": the calendar date
    is unknown ("Saturday (date unknown)", "9 June (year unknown)"); "approximate":
    anything between, a fuzzy or open-ended period ("Early January 2014 onward").
    """
    if event.exact:
        return "exact"
    parsed = timex.parse_value(event.value)
    if parsed is None or parsed.year is None:
        return "relative"
    return "approximate"


def html_datetime(value: str) -> str | None:
    """The HTML ``<time datetime>`` form of a TIMEX3 value, or None when HTML has none.

    HTML accepts a year, month, day, day and time, or week (not parts of the day or
    unknown years), so "2014-06-21TEV" becomes the day "2014-06-21" and
    "XXXX-WXX-6" has no machine-readable date at all.
    """
    parsed = timex.parse_value(value)
    if parsed is None or parsed.year is None:
        return None
    if parsed.day is not None:
        day = f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"
        if parsed.hour is not None:
            return f"{day}T{parsed.hour:02d}:{parsed.minute or 0:02d}"
        return day
    if parsed.month is not None:
        return f"{parsed.year:04d}-{parsed.month:02d}"
    if parsed.week is not None:
        return f"{parsed.year:04d}-W{parsed.week:02d}"
    if parsed.granularity == "year":
        return f"{parsed.year:04d}"
    return None  # quarters and seasons have no HTML form


def json_document(context: dict[str, Any]) -> dict[str, Any]:
    """The documented JSON schema: articles and events in timeline order, and for a
    key-date briefing its key dates, overview and references (null, [] and [] for
    any other briefing)."""
    return {
        "articles": context["articles"],
        "events": context["events"],
        "anchored": context["anchored"],
        "notes": context["notes"],
        "key_dates": context["key_dates"],
        "overview": context["overview"],
        "references": context["references"],
    }


def timelinejs_document(context: dict[str, Any]) -> dict[str, Any]:
    """Knight Lab TimelineJS3 JSON: a title slide from the article(s), one slide per event.

    TimelineJS needs a year for every slide (it would place a missing one at year 0),
    so events whose year is unknown are left out and the title slide says so; when
    that leaves no event at all, ``SummarizeError`` says to give the article date. The
    ``text`` fields and ``display_date`` are HTML to TimelineJS, so every value is
    escaped; ``display_date`` carries our label, so fuzzy dates read "Early January
    2014 onward" rather than "January 2014".

    A key-date briefing has one slide per key date instead (see ``_timelinejs_key_dates``).
    """
    if context["key_dates"] is not None:
        return _timelinejs_key_dates(context)
    slides = []
    left_out = []
    for number, event in enumerate(context["events"], start=1):
        start_date = _slide_start(event["value"], event["label"])
        if start_date is None:
            left_out.append(event)
            continue
        end_date = timelinejs_end_date(event["value"], event["end_value"]) if event["end_value"] else None
        text = _html_paragraph(event["sentence"]) if context["quotes"] else ""
        text += _html_paragraph(f"Source: {', '.join(event['sources'])}", css_class="source")
        if event["conflicts"]:
            labels = "; ".join(conflict["label"] for conflict in event["conflicts"])
            text += _html_paragraph(f"Conflicting date: other reports date this {labels}.", css_class="conflict")
        slide = {"unique_id": f"event-{number}", "start_date": start_date}
        if end_date is not None:
            # The slide's own display_date replaces TimelineJS's "start — end".
            slide.update(end_date=end_date, display_date=start_date["display_date"])
        slide["text"] = {"headline": str(markupsafe.escape(event["headline"])), "text": text}
        slides.append(slide)
    if not slides and context["events"]:
        # TimelineJS refuses a timeline without events ("no events"): say why instead.
        raise SummarizeError("timelinejs: no event has a known year, and TimelineJS cannot place an event "
                             "without one; give the article date (--date YYYY-MM-DD)")
    several = len(context["articles"]) > 1
    title_text = "".join(
        _html_paragraph(" · ".join(([a["title"]] if several and a["title"] else [])
                                   + [a["source"], f"{a['date_label']}, {a['date_source_label']}" if a["date"]
                                      else "date unknown"]), css_class="meta")
        + (_html_paragraph(a["summary"]) if a["summary"] is not None else "")
        for a in context["articles"]
    )
    return _timelinejs_timeline(context, title_text, slides, [f"{e['label']}: {e['headline']}" for e in left_out])


def _timelinejs_key_dates(context: dict[str, Any]) -> dict[str, Any]:
    """TimelineJS3 JSON of a key-date briefing: the title slide holds the overview,
    each key date is a slide whose headline is its first sentence and whose text is
    all its sentences with their reference markers and the sources those stand for.
    Key dates without a year are left out, and listed on the title slide, as events are."""
    sources = {reference["number"]: reference["source"] for reference in context["references"]}

    def source_line(sentences: list[dict[str, Any]]) -> str:
        numbers = sorted({number for sentence in sentences for number in sentence["references"]})
        if not numbers:
            return ""
        return _html_paragraph("Source: " + "; ".join(f"[{n}] {sources[n]}" for n in numbers), css_class="source")

    slides = []
    left_out = []
    for number, key_date in enumerate(context["key_dates"], start=1):
        start_date = _slide_start(key_date["value"], key_date["label"])
        if start_date is None:
            left_out.append(key_date)
            continue
        sentences = key_date["sentences"]
        headline = sentences[0]["text"] if sentences else key_date["label"]
        text = "".join(_html_paragraph(_with_markers(sentence)) for sentence in sentences) + source_line(sentences)
        slides.append({"unique_id": f"key-date-{number}", "start_date": start_date,
                       "text": {"headline": str(markupsafe.escape(headline)), "text": text}})
    if not slides and context["key_dates"]:
        raise SummarizeError("timelinejs: no key date has a known year, and TimelineJS cannot place a date "
                             "without one; give the article dates (--date YYYY-MM-DD)")
    overview = context["overview"]
    title_text = _html_paragraph(" ".join(_with_markers(sentence) for sentence in overview)) if overview else ""
    title_text += source_line(overview)
    return _timelinejs_timeline(context, title_text, slides,
                                [f"{k['label']}: {k['sentences'][0]['text']}" if k["sentences"] else k["label"]
                                 for k in left_out])


def _slide_start(value: str, label: str) -> dict[str, Any] | None:
    """A slide's TimelineJS start date showing our label, or None without a year.

    TimelineJS inserts display_date as HTML (3.9.11 strips markup from it only
    after turning the date into an object, i.e. never), so it is escaped too.
    """
    start_date = timelinejs_date(value)
    if start_date is not None:
        start_date["display_date"] = str(markupsafe.escape(label))
    return start_date


def _timelinejs_timeline(context: dict[str, Any], title_text: str, slides: list[dict[str, Any]],
                         left_out: list[str]) -> dict[str, Any]:
    """The TimelineJS document: the title slide (``title_text``, then the notes and
    what was ``left_out`` for want of a year) and the slides."""
    title_text += "".join(_html_paragraph(note, css_class="note") for note in context["notes"])
    if left_out:
        title_text += _html_paragraph(
            f"Not on this timeline because their year is unknown ({len(left_out)}): {'; '.join(left_out)}",
            css_class="note")
    return {
        "title": {"unique_id": "title", "text": {"headline": str(markupsafe.escape(context["title"])),
                                                 "text": title_text}},
        "events": slides,
    }


def _with_markers(sentence: dict[str, Any]) -> str:
    """A sentence followed by its reference markers, "... on Sunday. [1][3]" (plain text)."""
    markers = "".join(f"[{number}]" for number in sentence["references"])
    return f"{sentence['text']} {markers}" if markers else sentence["text"]


def _script_safe(text: str) -> str:
    """JSON that can be pasted into an HTML <script> (as TimelineJS embeds often are):
    "</script>" or "<!--" inside a string would end or break the script element, so the
    slash and the bang are written as JSON escapes, which decode to the same data."""
    return text.replace("</", "<\\/").replace("<!", "<\\u0021")


def timelinejs_date(value: str) -> dict[str, int] | None:
    """A TIMEX3 value as a TimelineJS date object, or None when its year is unknown.

    Parts of the day become an hour ("2014-06-21TEV" -> 19:00), so Saturday evening
    sorts after Saturday on the TimelineJS axis as it does in our timeline.
    """
    parsed = timex.parse_value(value)
    if parsed is None or parsed.year is None:
        return None
    date: dict[str, int] = {"year": parsed.year}
    if parsed.day is not None:
        date.update(month=parsed.month, day=parsed.day)
        if parsed.hour is not None:
            date.update(hour=parsed.hour, minute=parsed.minute or 0)
        elif parsed.part_of_day:
            date["hour"] = timex.PARTS_OF_DAY[parsed.part_of_day][1]
    elif parsed.week is not None:
        monday, _ = timex.calendar_span(parsed, parsed.year)
        date.update(year=monday.year, month=monday.month, day=monday.day)
    elif parsed.granularity != "year":
        # A month, quarter or season starts at its first month.
        first, _ = timex.calendar_span(parsed, parsed.year)
        date.update(year=first.year, month=first.month)
    return date


def timelinejs_end_date(value: str, end_value: str) -> dict[str, int] | None:
    """Where a range ends, as a TimelineJS date: the last day of ``end_value``'s calendar
    span ("1998" ends on 31 December 1998), or its hour for a time of day; the year
    of ``value`` stands in when ``end_value`` has none. None when neither has a year."""
    parsed, start = timex.parse_value(end_value), timex.parse_value(value)
    if parsed is None or parsed.weekday is not None or start is None:
        return None
    year = parsed.year if parsed.year is not None else start.year
    if year is None:
        return None
    if parsed.day is not None and (parsed.hour is not None or parsed.part_of_day):
        return timelinejs_date(end_value if parsed.year is not None else f"{year:04d}{end_value[4:]}")
    _, last = timex.calendar_span(parsed, year)
    return {"year": last.year, "month": last.month, "day": last.day}


def _html_paragraph(text: str, css_class: str | None = None) -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{markupsafe.escape(text)}</p>"


# --- Jinja2 environments ------------------------------------------------------------

def _environment(directory: Path, escaping: str) -> jinja2.Environment:
    # A user's template directory comes first; the built-in templates stay reachable,
    # so a user's template can {% extends "page.html.j2" %} or include "page.css".
    loaders = [jinja2.FileSystemLoader(directory)]
    if directory != template_dir():
        loaders.append(jinja2.FileSystemLoader(template_dir()))
    # Every template renders in Jinja2's immutable sandbox, the built-in ones too, so
    # one rendering path serves both: a template is data, and
    # {{ cycler.__init__.__globals__.os.popen("id").read() }} must not run a command
    # (it is a SecurityError, reported as a one-line template error), nor may a
    # template change the briefing it formats.
    environment = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=escaping == "html",
        finalize={"html": _html_finalize, "markdown": _markdown_escape}.get(escaping),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["yaml"] = yaml_scalar
    return environment


# Control characters are invalid in HTML and invisible anyway (a stray one in wire
# copy should not make the output invalid).
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _html_finalize(value: Any) -> Any:
    """Escape for HTML, and also the braces of template syntax.

    The output is pasted into newsletter tools and static-site generators that run
    their own template languages ({{ }}, {% %}); braces as character references
    look the same to a reader but are never template code downstream.
    """
    if value is None or isinstance(value, markupsafe.Markup):
        return "" if value is None else value
    escaped = str(markupsafe.escape(_CONTROL_CHARACTERS.sub("", str(value))))
    return markupsafe.Markup(escaped.replace("{", "&#123;").replace("}", "&#125;"))


# Characters that mean something to CommonMark/GFM (GitHub also reads $...$ as math)
# or to Liquid and Jinja downstream, anywhere in a line: backslash-escaped, they are
# shown as themselves.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>&|~{}!$])")
# What only means something at the start of a line: headings, quotes, lists, rules.
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-])")
_MARKDOWN_ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)])")


def _markdown_escape(value: Any) -> str:
    """A value as Markdown text: one line, every markup character escaped.

    Raw HTML ("<script>") would pass straight through a CommonMark renderer, and
    "*", "_", "[" would turn article text into emphasis and links, so they are
    backslash-escaped; a line break inside a value would let it start a block of
    its own, so whitespace runs become one space.
    """
    if value is None:
        return ""
    if isinstance(value, markupsafe.Markup):  # trusted markup from the template itself
        return str(value)
    text = " ".join(_CONTROL_CHARACTERS.sub("", str(value)).split())
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    # Liquid and Jinja see "{%" and "{#" even after a backslash: split those pairs too.
    text = text.replace("\\{%", "\\{\\%").replace("\\{#", "\\{\\#")
    text = _MARKDOWN_LINE_START.sub(r"\1\\\2", text)
    return _MARKDOWN_ORDERED_ITEM.sub(r"\1\\\2", text)


def yaml_scalar(value: Any) -> str:
    """A value as a YAML scalar: JSON strings, numbers, booleans and null are YAML."""
    return markupsafe.Markup(json.dumps(value, ensure_ascii=False))


def _render_template(environment: jinja2.Environment, name: str, context: dict[str, Any],
                     shown_name: str | None = None) -> str:
    return _guard(lambda: environment.get_template(name).render(**context), environment, name, shown_name or name)


def _guard(action: Callable[[], Any], environment: jinja2.Environment, name: str, shown_name: str) -> Any:
    """Run a template action, turning any problem into one line naming template and line."""
    try:
        return action()
    except jinja2.TemplateSyntaxError as error:
        # error.name is the template the syntax error is in (maybe an included one).
        where = shown_name if error.name in (None, name) else error.name
        raise TemplateError(f"{where}, line {error.lineno}: {_one_line(error.message or str(error))}") from None
    except jinja2.TemplateNotFound as error:  # an {% include %} or {% extends %} of a missing file
        raise TemplateError(f"{_where(error, environment, name, shown_name)}: "
                            f"template {error.name!r} not found") from None
    except jinja2.TemplateError as error:  # undefined variables, errors raised in the template
        raise TemplateError(f"{_where(error, environment, name, shown_name)}: "
                            f"{_one_line(error.message or str(error))}") from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, LookupError, OSError) as error:
        # Errors of the template's own expressions ({{ 1 / 0 }}, {{ title + 1 }}) or
        # of reading it (not UTF-8, unreadable).
        raise TemplateError(f"{_where(error, environment, name, shown_name)}: "
                            f"{type(error).__name__}: {_one_line(str(error))}") from None


def _where(error: BaseException, environment: jinja2.Environment, name: str, shown_name: str) -> str:
    line = _template_line(error.__traceback__, environment, name)
    return f"{shown_name}, line {line}" if line else shown_name


def _template_line(traceback: Any, environment: jinja2.Environment, name: str) -> int | None:
    """The template line an error was raised at: Jinja2 rewrites tracebacks so that
    template frames carry the template's file name and line number."""
    loaders = getattr(environment.loader, "loaders", [environment.loader])
    paths = {str(Path(p, name)) for loader in loaders for p in getattr(loader, "searchpath", [])}
    line = None
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename in paths or filename.endswith(("/" + name, "<template>")):
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _inline_css(html: str) -> str:
    """Move the email.css rules onto the elements, as many email clients drop <style>.

    The fragment's own <style> (the dark-mode media query, which cannot be inlined)
    is kept for the clients that honour it.
    """
    import css_inline

    css = (template_dir() / "email.css").read_text(encoding="utf-8")
    inlined = css_inline.inline_fragment(html, css, keep_style_tags=True, load_remote_stylesheets=False)
    # css-inline serializes the tree anew, which turns our brace references back into
    # braces; escape them again everywhere but in the CSS of <style> blocks.
    parts = _STYLE_BLOCK.split(inlined)
    return "".join(part if _STYLE_BLOCK.fullmatch(part) else part.replace("{", "&#123;").replace("}", "&#125;")
                   for part in parts)


_STYLE_BLOCK = re.compile(r"(<style\b[^>]*>.*?</style>)", re.DOTALL | re.IGNORECASE)
