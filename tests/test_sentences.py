"""The sentence splitter: exact offsets, and no sentence broken by abbreviations or quotes."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from summarize.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_are_exact_on_the_sample_head() -> None:
    text = (
        "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing\n\nW460\n\n"
        'Militants killed 21 leaders in Rawa, officers said Sunday, after a "tactical" withdrawal. '
        "Some were shot dead on Saturday.\n"
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing",
        "W460",
        'Militants killed 21 leaders in Rawa, officers said Sunday, after a "tactical" withdrawal.',
        "Some were shot dead on Saturday.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_abbreviations_initials_and_decimals_do_not_end_a_sentence() -> None:
    text = (
        "Lt. Gen. Qassem Atta said the U.S. Army left on Jan. 5 at 3 p.m. with George W. Bush. "
        "Prices rose 3.5 percent, said Dr. Smith of St. Louis. The end came later."
    )
    assert texts(text) == [
        "Lt. Gen. Qassem Atta said the U.S. Army left on Jan. 5 at 3 p.m. with George W. Bush.",
        "Prices rose 3.5 percent, said Dr. Smith of St. Louis.",
        "The end came later.",
    ]


def test_sentence_final_abbreviation_before_an_opener_ends_the_sentence() -> None:
    assert texts("He moved to the U.S. The next day he left.") == ["He moved to the U.S.", "The next day he left."]


def test_quotes_stay_with_their_sentence() -> None:
    text = '"We will win," he said. "It is over." The next day, \'Why?\' he asked again.'
    assert texts(text) == ['"We will win," he said.', '"It is over."', "The next day, 'Why?' he asked again."]


def test_run_on_captions_are_split_where_a_new_sentence_starts() -> None:
    text = (
        "Scroll down for video The suspect was arrested on Monday "
        "Police officers searched the house The harrowing video shows the raid. "
        "He read The Times at breakfast. His show How Did We Get Here? aired."
    )
    assert texts(text) == [
        "Scroll down for video",
        "The suspect was arrested on Monday Police officers searched the house",
        "The harrowing video shows the raid.",
        "He read The Times at breakfast.",
        "His show How Did We Get Here? aired.",
    ]


def test_pronoun_after_lower_case_word_starts_a_caption_sentence() -> None:
    assert texts("the pair were seen in the photo She later said it was fine.") == [
        "the pair were seen in the photo",
        "She later said it was fine.",
    ]
    # "That" opens a caption sentence too, but not inside a title ("All That Jazz").
    assert texts("Their share could hit 14.8 per cent That number could rise. He sang All That Jazz.") == [
        "Their share could hit 14.8 per cent",
        "That number could rise.",
        "He sang All That Jazz.",
    ]


def test_a_clock_time_ends_a_sentence_unless_its_zone_or_day_follows() -> None:
    assert texts(
        "He arrived at about 7:30 p.m. Jordan was reported missing. Polls close at 8 p.m. "
        "Eastern Time. The offer expires at 5 p.m. EST Nov. 9, the company said."
    ) == [
        "He arrived at about 7:30 p.m.",
        "Jordan was reported missing.",
        "Polls close at 8 p.m. Eastern Time.",
        "The offer expires at 5 p.m. EST Nov. 9, the company said.",
    ]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "U.S.",
        "Mr.",
        "said",
        "He",
        "A",
        "war",
        "3.5",
        '"Yes,"',
        "it.",
        "end!",
        "Why?",
        "\u201cNo.\u201d",
        "W.",
    ]
)
_SPACES = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SPACES), max_size=60))
def test_spans_are_exact_ordered_and_cover_every_word(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + space for word, space in parts)
    sentences = split_sentences(text)
    previous_end = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end
    # Nothing is lost: the sentences hold every non-space character, in order.
    assert "".join("".join(s.text.split()) for s in sentences) == "".join(text.split())
