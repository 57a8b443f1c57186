"""Pages that must be read or refused clearly: XHTML with an XML declaration, inputs
with no article text (a PDF, a navigation page, a fragment), deeply nested markup."""

import pytest

from newspage import STORY, TITLE, paragraphs
from summarize.loading import load_article

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
    from summarize.loading import article_from_html

    page = XHTML.format(encoding="iso-8859-1", title=TITLE, paragraphs=paragraphs(), extra="Caf\u00e9s closed.")
    assert article_from_html(page, source="x").text.endswith("Caf\u00e9s closed.")
