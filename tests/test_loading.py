import io

import pytest

from summarize.errors import InputError
from summarize.inputs.loading import article_from_text, load_article


def test_sample_title_body_and_furniture(sample_path):
    article = load_article(str(sample_path))
    assert article.title == "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing"
    assert article.text.startswith("Militants killed 21 leaders in the western Iraq towns")
    assert article.text.endswith("insurgents have made territorial progress elsewhere.")
    assert "W460" not in article.text and "Comments" not in article.text
    assert article.date is None and article.date_source is None


def test_given_date_is_recorded_with_its_source(sample_path):
    import datetime as dt

    article = load_article(str(sample_path), date=dt.date(2014, 6, 22))
    assert (article.date, article.date_source) == (dt.date(2014, 6, 22), "--date")


def test_stdin():
    article = load_article("-", stdin=io.BytesIO(b"A headline here\n\nBody text is here.\n"))
    assert (article.source, article.title, article.text) == ("stdin", "A headline here", "Body text is here.")


def test_first_line_that_is_a_sentence_is_not_a_title():
    article = article_from_text("The army left on Monday.\n\nIt came back on Tuesday.", source="x")
    assert article.title is None and article.text.startswith("The army left")


def test_a_first_line_is_a_title_only_with_a_blank_line_after_it():
    # "Budget Vote Tonight" reads like a title, but the text runs on below it: a
    # line of the article wrapped by its sender, not a headline.
    run_on = "Budget Vote Tonight\nThe council met on Monday and voted on the budget.\n\nIt adjourned on Tuesday."
    article = article_from_text(run_on, source="x")
    assert (article.title, article.text) == (None, run_on)
    article = article_from_text(run_on.replace("Tonight\n", "Tonight\n\n"), source="x")
    assert (article.title, article.text) == (
        "Budget Vote Tonight",
        "The council met on Monday and voted on the budget.\n\nIt adjourned on Tuesday.",
    )


def test_windows_line_endings_and_bom():
    article = article_from_text("\ufeffTitle Words\r\n\r\nBody.\r\n".lstrip("\ufeff"), source="x")
    assert (article.title, article.text) == ("Title Words", "Body.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
        (b"Comments 0\n", "no text"),
    ],
)
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_article(str(path))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_article(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="directory"):
        load_article(str(tmp_path))


def test_latin1_text_is_read():
    from summarize.inputs.loading import decode_text

    assert (
        decode_text("Caf\u00e9 opened in M\u00fcnchen.".encode("latin-1"), "x") == "Caf\u00e9 opened in M\u00fcnchen."
    )
