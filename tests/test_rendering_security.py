"""Article text is data, never markup or template code, in every format.

A story that quotes "<script>", an attribute break-out or template syntax must come out
as exactly that text: in the page, the email, TimelineJS (whose text fields are HTML)
and in Markdown once a CommonMark renderer has turned it into HTML. Each test runs on
an ordinary briefing (the payload in its headlines) and on a key-date briefing (the
payload in its sentences, and in a web address that becomes a link).
"""

from __future__ import annotations

import json
from dataclasses import replace

import html5lib
import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt

from briefings import hostile_briefing, hostile_keydate_briefing
from summarize.errors import TemplateError
from summarize.rendering import briefing_context, render, template_dir
from summarize.rendering.sandbox import _CONTROL_CHARACTERS, _environment, _markdown_escape

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "attribute break-out": '"><img src=x onerror=alert(1)>',
    "single-quote break-out": "'><svg onload=alert(1)>",
    "template code": "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}",
    "closing tags": "</style></title></textarea><script>alert(1)</script><!--",
    "markdown link": "[click](javascript:alert(1)) ![x](http://evil.example/x.png) <http://evil.example>",
    "entities": "&lt;script&gt; &amp; &#60;b&#62;",
    "math": "costs $5 million and $10 million",
}


def parse(text: str, fragment: bool = False):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(f"<div>{text}</div>") if fragment else parser.parse(text)


def markdown_to_html(text: str) -> str:
    # html=True: raw HTML passes through, as on many newsletter platforms.
    return MarkdownIt("commonmark", {"html": True}).render(text)


def dom_of(format: str, output: str):
    """The DOM a reader's software builds from an output."""
    if format == "html":
        return parse(output)
    if format == "email":
        return parse(output, fragment=True)
    if format == "markdown":
        return parse(markdown_to_html(output), fragment=True)
    document = json.loads(output)  # timelinejs: every text field is HTML
    fields = [document["title"]["text"]["headline"], document["title"]["text"]["text"]]
    for event in document["events"]:
        fields += [event["text"]["headline"], event["text"]["text"]]
    return parse("".join(f"<section>{field}</section>" for field in fields), fragment=True)


def text_of(dom) -> str:
    return " ".join("".join(dom.itertext()).split())


def shape(dom) -> list[tuple[str, tuple[str, ...]]]:
    """Every element and its attribute names, in document order."""
    return [(element.tag, tuple(sorted(element.attrib))) for element in dom.iter() if isinstance(element.tag, str)]


HTML_FORMATS = ["html", "email", "markdown", "timelinejs"]

# The hostile briefings, and the text each puts the payload after where a reader sees it.
KINDS = {"events": (hostile_briefing, "Headline"), "key dates": (hostile_keydate_briefing, "Sentence")}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("format", HTML_FORMATS)
@pytest.mark.parametrize("name", PAYLOADS)
def test_payload_renders_as_text_not_markup(format, name, kind):
    hostile, word = KINDS[kind]
    payload = PAYLOADS[name]
    output = render(hostile(payload), format, quotes=True)
    dom = dom_of(format, output)
    harmless = dom_of(format, render(hostile("harmless"), format, quotes=True))
    # The payload added no element and no attribute...
    assert shape(dom) == shape(harmless)
    # ...and is there, character for character, where the reader sees text.
    assert f"{word} {' '.join(payload.split())}" in text_of(dom)
    assert "49" not in text_of(dom)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("format", ["html", "email", "markdown"])
def test_template_syntax_never_reaches_downstream_template_engines(format, kind):
    """Newsletter tools and static-site generators run their own {{ }} templates over
    what is pasted in; the braces are escaped so that there is nothing for them to run."""
    output = render(KINDS[kind][0](PAYLOADS["template code"]), format, quotes=True)
    assert "{{" not in output and "{%" not in output and "{#" not in output


@pytest.mark.parametrize("name", PAYLOADS)
def test_text_and_json_keep_the_payload_verbatim(name):
    payload = PAYLOADS[name]
    briefing = hostile_briefing(payload)
    assert f"Headline {payload}" in " ".join(render(briefing, "text").split())  # wrapped at 72
    document = json.loads(render(briefing, "json"))
    assert document["events"][0]["headline"] == f"Headline {payload}"
    assert document["articles"][0]["title"] == f"Title {payload}"


@pytest.mark.parametrize("name", PAYLOADS)
def test_key_date_text_and_json_keep_the_payload_verbatim(name):
    payload = PAYLOADS[name]
    briefing = hostile_keydate_briefing(payload)
    text = " ".join(render(briefing, "text").split())  # wrapped at 72
    assert f"Sentence {payload} end. [1]" in text and f"Label {payload}" in text
    document = json.loads(render(briefing, "json"))
    assert document["key_dates"][0]["sentences"][0]["text"] == f"Sentence {payload} end."
    assert document["overview"][0]["text"] == f"Sentence {payload} end."
    assert [r["title"] for r in document["references"]] == [f"Title {payload}"] * 3
    # The web address is the link as given; file names are no links.
    assert [r["url"] for r in document["references"]] == [None, None, f"https://example.com/{payload}"]


@pytest.mark.parametrize("format", ["html", "email"])
@pytest.mark.parametrize("name", PAYLOADS)
def test_a_reference_link_is_the_address_as_given(format, name):
    """The payload in a source's web address stays inside the href, and is that address."""
    payload = PAYLOADS[name]
    dom = dom_of(format, render(hostile_keydate_briefing(payload), format))
    links = [a.get("href") for a in dom.iter("a") if not (a.get("href") or "").startswith("#")]
    assert links == [f"https://example.com/{payload}"]


@pytest.mark.parametrize(
    "source",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)//https://x",
        "data:text/html,<b>x",
        "//evil.example/x",
        " https://example.com/x",
    ],
)
def test_only_web_addresses_become_links(source):
    briefing = hostile_keydate_briefing("harmless")
    old = briefing.articles[1].article.source
    articles = tuple(
        replace(item, article=replace(item.article, source=source)) if item.article.source == old else item
        for item in briefing.articles
    )

    def moved(sentence):
        return replace(sentence, sources=tuple(source if s == old else s for s in sentence.sources))

    briefing = replace(
        briefing,
        articles=articles,
        overview=tuple(moved(s) for s in briefing.overview),
        key_dates=tuple(replace(k, sentences=tuple(moved(s) for s in k.sentences)) for k in briefing.key_dates),
    )
    assert [r["url"] for r in briefing_context(briefing)["references"]] == [None] * 3
    for format in ("html", "email"):
        dom = dom_of(format, render(briefing, format))
        assert [a.get("href") for a in dom.iter("a") if not (a.get("href") or "").startswith("#")] == []


@pytest.mark.parametrize("name", PAYLOADS)
def test_front_matter_keeps_the_payload_as_yaml_data(name):
    payload = PAYLOADS[name] + ' key: value\n- item # comment "quoted"'
    output = render(hostile_briefing(payload), "markdown", front_matter=True)
    header = output[4:].split("\n---\n", 1)[0]
    assert yaml.safe_load(header)["title"] == f"Title {payload}"


@pytest.mark.parametrize("format", ["html", "email"])
def test_user_templates_are_autoescaped_too(format, tmp_path):
    template = tmp_path / "mine.html.j2"
    template.write_text("<div>{{ events[0].headline }}</div>")
    output = render(hostile_briefing(PAYLOADS["script"]), format, template=template)
    assert "<script>" not in output and "&lt;script&gt;" in output


def test_user_markdown_templates_are_escaped_too(tmp_path):
    template = tmp_path / "mine.md"
    template.write_text("- {{ events[0].headline }}\n")
    output = render(hostile_briefing(PAYLOADS["attribute break-out"]), "markdown", template=template)
    assert "<img" not in markdown_to_html(output)


def _is_html_character(character: str) -> bool:
    """Not a Unicode noncharacter, which HTML itself forbids (html5lib's strict mode too)."""
    code = ord(character)
    return not (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)


printable = st.text(st.characters(blacklist_categories=["Cs"]).filter(_is_html_character), min_size=1, max_size=60)


# CommonMark, and GitHub's flavour (tables, strikethrough) as markdown-it-py has it.
RENDERERS = {
    "commonmark": MarkdownIt("commonmark", {"html": True}),
    "gfm": MarkdownIt("gfm-like", {"html": True, "linkify": False}),
}


@settings(max_examples=300, deadline=None)
@given(printable)
@pytest.mark.parametrize("flavour", RENDERERS)
def test_markdown_escape_shows_any_text_as_itself(flavour, text):
    """Whatever the text, CommonMark (and GFM) render the escaped form as one plain
    paragraph of exactly that text (whitespace collapsed)."""
    expected = " ".join(_CONTROL_CHARACTERS.sub("", text).split())
    escaped = _markdown_escape(text)
    dom = parse(RENDERERS[flavour].render(escaped), fragment=True)
    tags = [element.tag for element in dom.iter() if element.tag != "DOCUMENT_FRAGMENT"]
    if not expected:
        assert escaped == ""
        return
    assert tags == ["div", "p"]
    assert text_of(dom) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printable)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("format", ["html", "email", "markdown"])
def test_any_article_text_adds_no_markup(format, kind, text):
    hostile, word = KINDS[kind]
    dom = dom_of(format, render(hostile(text), format, quotes=True))
    assert shape(dom) == shape(dom_of(format, render(hostile("harmless"), format, quotes=True)))
    shown = " ".join(_CONTROL_CHARACTERS.sub("", text).split())
    assert f"{word} {shown}".strip() in text_of(dom)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("format", ["json", "timelinejs"])
def test_json_can_be_inlined_in_a_script_element(format, kind):
    """Pasted into <script>...</script>, the JSON must not end the element early."""
    hostile, word = KINDS[kind]
    briefing = hostile("</script><script>alert(1)</script><!-- x")
    output = render(briefing, format)
    assert "</" not in output and "<!" not in output
    document = json.loads(output)  # and still the same data
    expected = f"{word} </script><script>alert(1)</script><!-- x"
    if format == "json" and kind == "events":
        assert document["events"][0]["headline"] == expected
    elif format == "json":
        assert document["key_dates"][0]["sentences"][0]["text"] == expected + " end."
    else:
        assert text_of(parse(document["events"][0]["text"]["headline"], fragment=True)).startswith(expected)


# Templates are data: a user's template (and a built-in one) renders in Jinja2's
# sandbox, where reaching Python's internals is a one-line template error.
ESCAPES = {
    "globals of a helper": '{{ cycler.__init__.__globals__.os.popen("id").read() }}',
    "class hierarchy": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "function code": "{{ lipsum.__globals__['os'] }}",
    "format string": '{{ "{0.__class__.__init__.__globals__}".format(title) }}',
}


@pytest.mark.parametrize("payload", ESCAPES.values(), ids=ESCAPES.keys())
def test_user_templates_cannot_reach_python(payload, tmp_path):
    template = tmp_path / "mine.html.j2"
    template.write_text(f"<p>{payload}</p>\n")
    with pytest.raises(TemplateError) as error:
        render(hostile_briefing(PAYLOADS["script"]), "html", template=template)
    assert "mine.html.j2, line 1:" in str(error.value) and "\n" not in str(error.value)
    assert str(error.value).endswith("is unsafe.")


def test_templates_cannot_change_the_briefing_they_format(tmp_path):
    template = tmp_path / "mine.md"
    template.write_text("{{ events.append(events[0]) }}{{ events | length }}\n")
    with pytest.raises(TemplateError, match="attribute 'append' of 'list' object is unsafe"):
        render(hostile_briefing(PAYLOADS["script"]), "markdown", template=template)


def test_every_template_renders_in_the_sandbox():
    assert isinstance(
        _environment(template_dir(), "html"), __import__("jinja2.sandbox").sandbox.ImmutableSandboxedEnvironment
    )
