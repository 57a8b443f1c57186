"""Pages that must be read or refused clearly: XHTML with an XML declaration, inputs
with no article text (a PDF, a navigation page, a fragment), deeply nested markup."""

import json

import pytest

from newspage import STORY, TITLE, paragraphs
from summarize.inputs.loading import load_article

# An XHTML 1.0 page as content management systems still write them: the XML
# declaration first, then the doctype and the XHTML namespace.
XHTML = (
    '<?xml version="1.0" encoding="{encoding}"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>{title}</title></head>'
    '<body><div id="content"><h1>{title}</h1>{paragraphs}<p>{extra}</p></div></body></html>'
)


@pytest.mark.parametrize(
    ("encoding", "sentence"),
    [
        ("utf-8", "The caf\u00e9 owners of \u0141\u00f3d\u017a Street said they were worried."),
        ("iso-8859-1", "The caf\u00e9 owners on the quay said they were worried."),
        # Only the XML declaration names these: read as the Windows-1252 fallback,
        # the Polish and Greek letters would come out as other letters.
        ("iso-8859-2", "The owners of the \u0141\u00f3d\u017a Bakery said they were worried."),
        ("iso-8859-7", "The owners of the \u0391\u03b8\u03ae\u03bd\u03b1 Taverna said they were worried."),
    ],
)
def test_xhtml_with_an_xml_declaration(tmp_path, encoding, sentence):
    page = XHTML.format(encoding=encoding, title=TITLE, paragraphs=paragraphs(), extra=sentence)
    for name in ("story.xhtml", "story.html"):
        path = tmp_path / name
        path.write_bytes(page.encode(encoding))
        article = load_article(str(path))
        assert article.title == TITLE
        assert article.text.startswith(STORY[0])
        assert article.text.endswith(sentence)


def test_xhtml_as_a_string_keeps_working():
    # A JSON Lines "html" field is already text: its declaration is dropped, not obeyed.
    from summarize.inputs.loading import article_from_html

    page = XHTML.format(encoding="iso-8859-1", title=TITLE, paragraphs=paragraphs(), extra="Caf\u00e9s closed.")
    assert article_from_html(page, source="x").text.endswith("Caf\u00e9s closed.")


def brief(capsys, *args: str) -> tuple[int, str, list[str]]:
    """The command line in this process: exit code, standard output, error lines."""
    from summarize import cli

    code = cli.main(["brief", "--format", "text", "--date", "2020-02-25", *args])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


# A PDF as a word processor writes one, small enough to read: no compressed
# streams, so no NUL bytes, and without its signature it would decode as "text".
PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)

NAVIGATION_PAGE = (
    "<!DOCTYPE html><html><head><title>Sections | The Riverside Courier</title></head><body>"
    "<header><nav><ul>"
    + "".join(
        f'<li><a href="/s/{n}">{n.title()}</a></li>'
        for n in ("news", "politics", "business", "sport", "culture", "weather", "obituaries", "puzzles")
    )
    + "</ul></nav></header><main><h1>Sections</h1><ul>"
    + "".join(f'<li><a href="/s/{n}">Latest {n} headlines</a></li>' for n in ("news", "politics", "sport"))
    + "</ul></main><footer><a href='/about'>About us</a> <a href='/privacy'>Privacy policy</a></footer></body></html>"
)


def nested_divs(depth: int) -> str:
    """The story inside ``depth`` nested <div>s: libxml2 stops building at 255."""
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body>"
        + "<div class='wrap'>" * depth
        + f"<h1>{TITLE}</h1>"
        + paragraphs()
        + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", PDF, "this is a PDF document; PDFs are not supported"),
        ("report.html", PDF, "this is a PDF document; PDFs are not supported"),  # misnamed: the bytes decide
        ("scan.txt", b"\n\xff\xd8\xff\xe0\x00\x10JFIF\x00", "this is a binary file (a JPEG image)"),
        ("sections.html", NAVIGATION_PAGE.encode(), "no article text found in the page"),
        ("fragment.html", b"<html><body><p>x</p></body></html>", "no article text found in the page"),
        ("headline.html", f"<html><body><h1>{TITLE}</h1></body></html>".encode(), "no article text found"),
    ],
)
def test_no_article_text_is_exit_2_and_one_line(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, errors = brief(capsys, str(path))
    assert (code, out) == (2, "")
    assert len(errors) == 1 and errors[0].startswith(f"summarize: error: {path}: {message}")


def test_no_article_text_in_a_batch_is_a_failed_input_and_exit_3(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    lines = [{"html": "<p>x</p>"}, {"html": NAVIGATION_PAGE}, {"html": nested_divs(10)}]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    code, out, errors = brief(capsys, "--jsonl", str(corpus))
    assert code == 3
    assert errors == [
        f"summarize: error: {corpus}:1: no article text found in the page (no sentence of prose in it)",
        f"summarize: error: {corpus}:2: no article text found in the page (no sentence of prose in it)",
    ]
    assert "Harbor Bridge" in out


def test_a_page_is_no_article_without_a_sentence_of_prose():
    from summarize.inputs.web import has_prose

    assert has_prose("Sections\n\nThe council voted to close it.")
    assert has_prose("\u201cWe will rebuild it,\u201d she said.")
    assert not has_prose("News\n\nPolitics\n\nLatest sport headlines")
    assert not has_prose("x")
    assert not has_prose("Contact us.")  # too short to be a sentence of a story


@pytest.mark.parametrize("depth", [10, 300, 10_000])
def test_deeply_nested_page_keeps_its_text(tmp_path, depth):
    path = tmp_path / "deep.html"
    path.write_text(nested_divs(depth), encoding="utf-8")
    article = load_article(str(path))
    assert article.text.split("\n\n") == list(STORY)


def test_prose_in_a_script_without_spaces():
    from summarize.inputs.web import has_prose

    assert has_prose(
        "\u5e02\u8bae\u4f1a\u5468\u4e8c\u6295\u7968\u51b3\u5b9a\u5173\u95ed\u6e2f\u53e3\u5927\u6865"
        "\uff0c\u7ef4\u4fee\u5de5\u7a0b\u9884\u8ba1\u9700\u8981\u4e24\u5e74\u3002"
    )
    assert not has_prose("\u65b0\u95fb\n\n\u4f53\u80b2")  # "News", "Sport": menu items
