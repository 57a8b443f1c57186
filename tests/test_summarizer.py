"""The extractive default: which sentences it picks, the length limits, the API."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import re
import zlib

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from summarize.errors import ModelError, SummarizeError
from summarize.headlines import compress
from summarize.models import Article, Summary
from summarize.summarizers import ExtractiveSummarizer, load_summarizer
from summarize.summarizers.extractive import (
    WINDOW,
    candidate_sentences,
    is_quoted,
    pacsum_centrality,
    select,
    sentence_scores,
)

SAMPLE = """Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing

W460

Militants killed 21 leaders in the western Iraq towns of Rawa and Ana during two days of violence, officers and doctors said Sunday, after security forces made a "tactical" withdrawal, as the government lost control of another border crossing with Syria.

Some of those killed were shot dead on Saturday, when the militants moved into the towns, while others were slain the following day.

The killings came after Iraqi security forces members departed the towns, clearing the way for the militant takeover.

"The military units' withdrawal (from Rawa and Ana and al-Qaim) was for the purpose of redeployment," Lt. Gen. Qassem Atta said, referring to it as a "tactical" move.

Witnesses said insurgents moved into Rawa and Ana, in Anbar province, on Saturday evening, after security officers and witnesses also reported militants entering al-Qaim, a town on the Syrian border, earlier in the day.

The control of Rawa and Ana allows the militants to open a strategic route to neighboring Syria where they also control swathes of countryside along the Euphrates river valley.
"""


class HashingEncoder:
    """A deterministic bag-of-words encoder: sentences sharing words are similar."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str], *, max_tokens: int | None = None) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 64))
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                out[row, zlib.crc32(word.encode()) % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


@pytest.fixture()
def fake() -> ExtractiveSummarizer:
    return ExtractiveSummarizer(HashingEncoder())


LONG_ASIDES = (
    "A Chinese team took a kite measuring an astonishing 6,000 metres (3.7 miles) to a kite flying festival in Weifang. "
    "Bader \u2013 who lost his legs in a flying accident in 1931 \u2013 was shot down over France in August 1941. "
    "Bookmakers have slashed odds on the name Sam - which could be used for Samuel or Samantha - being chosen for the baby. "
    "The festival (the largest in the world) drew crowds of thousands to the city over the long weekend."
)


def article(text: str, title: str | None = None) -> Article:
    return Article(text=text, source="test", title=title)


def test_headline_and_byline_are_never_candidates() -> None:
    texts = [s.text for s in candidate_sentences(article(SAMPLE))]
    assert not any(t.startswith("Militants Execute") for t in texts)
    assert "W460" not in texts
    assert texts[0].startswith("Militants killed 21 leaders")


def test_fragments_are_not_candidates() -> None:
    text = "Scroll down for video. Read more. Police said the suspect, a 34-year-old man, was arrested on Monday night."
    assert [s.text for s in candidate_sentences(article(text))] == [
        "Police said the suspect, a 34-year-old man, was arrested on Monday night."
    ]


def test_summary_sentences_are_exact_spans_in_article_order(fake: ExtractiveSummarizer) -> None:
    summary = fake.summarize(article(SAMPLE), sentences=3)
    assert isinstance(summary, Summary)
    assert summary.method == "extractive: MiniLM"
    assert len(summary.sentences) == 3
    starts = [s.start for s in summary.sentences]
    assert starts == sorted(starts)
    for s in summary.sentences:
        assert SAMPLE[s.start : s.end] == s.text
    # The text is the sentences with their dash and parenthetical asides deleted.
    assert summary.text == " ".join(compress(s.text) for s in summary.sentences)


def test_three_sentences_unless_told_otherwise(fake: ExtractiveSummarizer) -> None:
    assert len(fake.summarize(article(SAMPLE)).sentences) == 3
    (many,) = fake.summarize_many([article(SAMPLE)])
    assert many == fake.summarize(article(SAMPLE), sentences=3)
    assert len(fake.summarize(article(SAMPLE), sentences=4).sentences) == 4


@pytest.mark.parametrize("text", [SAMPLE, LONG_ASIDES])
def test_summary_text_only_deletes_words_of_its_sentences(fake: ExtractiveSummarizer, text: str) -> None:
    summary = fake.summarize(article(text), sentences=3)
    source = [w for s in summary.sentences for w in re.findall(r"\w+", s.text)]
    remaining = iter(source)
    assert all(any(w == v for v in remaining) for w in re.findall(r"\w+", summary.text))


def test_sentence_count_follows_the_option(fake: ExtractiveSummarizer) -> None:
    for n in (1, 2, 4, 6):
        assert len(fake.summarize(article(SAMPLE), sentences=n).sentences) == n
    # More than the article has: all of its candidate sentences.
    assert len(fake.summarize(article(SAMPLE), sentences=50).sentences) == 6


def test_word_limit_keeps_whole_sentences_within_the_budget(fake: ExtractiveSummarizer) -> None:
    for limit in (25, 40, 60, 80):
        summary = fake.summarize(article(SAMPLE), sentences=10, words=limit)
        assert summary.sentences
        assert len(summary.text.split()) <= limit
        for s in summary.sentences:
            assert SAMPLE[s.start : s.end] == s.text


def test_word_limit_below_every_sentence_returns_one_whole_sentence(fake: ExtractiveSummarizer) -> None:
    summary = fake.summarize(article(SAMPLE), words=3)
    assert len(summary.sentences) == 1
    shortest = min(len(s.text.split()) for s in candidate_sentences(article(SAMPLE)))
    assert len(summary.text.split()) == shortest


def test_a_repeated_sentence_is_not_picked_twice(fake: ExtractiveSummarizer) -> None:
    lead = "The river flooded the old town on Monday after three days of heavy rain."
    text = (
        f"{lead} {lead} Officials opened two shelters for families who lost their homes overnight. "
        "Schools will stay closed until the water level falls below the warning mark."
    )
    summary = fake.summarize(article(text), sentences=2)
    assert [s.text for s in summary.sentences] == [
        lead,
        "Officials opened two shelters for families who lost their homes overnight.",
    ]


def test_a_quoted_sentence_scores_lower_than_the_same_words_reported() -> None:
    first = "The council approved the new budget for the city on Tuesday evening."
    last = "The budget adds money for roads, schools and two new public libraries."
    reported = "The mayor called it a great day for everyone who lives in the city."
    quoted = 'The mayor called it "a great day for everyone who lives in the city."'
    vectors = np.eye(3)
    plain = sentence_scores([first, reported, last], vectors)
    with_quote = sentence_scores([first, quoted, last], vectors)
    assert with_quote[1] < plain[1] - 0.1
    assert np.allclose(with_quote[[0, 2]], plain[[0, 2]])


def test_pacsum_prefers_the_sentence_that_announces_the_rest() -> None:
    # Sentence 0 and 3 say the same thing; 1 and 2 develop it. The one that comes
    # first gets the forward edges; the repetition is penalised for looking back.
    sim = np.array(
        [
            [1.0, 0.6, 0.6, 0.9],
            [0.6, 1.0, 0.3, 0.6],
            [0.6, 0.3, 1.0, 0.6],
            [0.9, 0.6, 0.6, 1.0],
        ]
    )
    centrality = pacsum_centrality(sim)
    assert centrality[0] == centrality.max()
    assert centrality[3] == centrality.min()


def test_select_respects_both_limits_and_returns_article_order() -> None:
    scores = np.array([0.1, 0.9, 0.5, 0.8])
    similarity = np.eye(4)
    assert select(scores, similarity, [10, 10, 10, 10], 2, None) == [1, 3]
    # The best sentence (30 words) does not fit 25 words; the next two do, the last not.
    assert select(scores, similarity, [10, 30, 10, 10], 3, 25) == [2, 3]
    # A redundant sentence loses its place to a less central, different one.
    similarity = np.array([[1, 0, 0, 0], [0, 1, 0, 0.9], [0, 0, 1, 0], [0, 0.9, 0, 1.0]])
    assert select(scores, similarity, [10, 10, 10, 10], 2, None) == [1, 2]


def test_title_similarity_raises_the_matching_sentence() -> None:
    texts = [
        "The city council met on Tuesday to discuss several items on its agenda.",
        "Members first debated the new parking rules for the busy market district.",
        "Later the council approved a large budget increase for the public libraries.",
    ]
    encoder = HashingEncoder()
    vectors = encoder.encode(texts)
    title = encoder.encode(["Council approves budget increase for public libraries"])[0]
    untitled = sentence_scores(texts, vectors)
    titled = sentence_scores(texts, vectors, title)
    gain = titled - untitled
    assert gain[2] == gain.max() and gain[2] > 0.1
    assert gain[1] < 0


def test_summarize_many_encodes_once_and_matches_summarize(fake: ExtractiveSummarizer) -> None:
    other = article(
        "The ship left the harbour on Friday with 300 passengers on board. "
        "It reached the island two days later, the company said in a statement."
    )
    encoder = fake.encoder
    assert isinstance(encoder, HashingEncoder)
    many = fake.summarize_many([article(SAMPLE), other], sentences=2)
    assert len(encoder.calls) == 1
    assert many == [fake.summarize(article(SAMPLE), sentences=2), fake.summarize(other, sentences=2)]


def test_empty_article_gives_an_empty_summary(fake: ExtractiveSummarizer) -> None:
    assert fake.summarize(article("")) == Summary(text="", method="extractive: MiniLM", sentences=())
    assert fake.summarize(article("W460")).text == ""


def test_bad_lengths_are_user_errors(fake: ExtractiveSummarizer) -> None:
    with pytest.raises(SummarizeError, match="sentences"):
        fake.summarize(article(SAMPLE), sentences=0)
    with pytest.raises(SummarizeError, match="words"):
        fake.summarize(article(SAMPLE), words=0)


def test_generation_options_without_a_model_are_rejected() -> None:
    with pytest.raises(ModelError, match="--model"):
        load_summarizer(None, num_beams=4)


def test_unset_generation_options_are_ignored() -> None:
    assert isinstance(load_summarizer(None, max_new_tokens=None, num_beams=None), ExtractiveSummarizer)


def test_unknown_device_is_rejected() -> None:
    with pytest.raises(ModelError, match="unknown device"):
        load_summarizer(None, device="tpu")


def test_real_minilm_summary_of_the_sample() -> None:
    summarizer = load_summarizer()
    assert isinstance(summarizer, ExtractiveSummarizer)
    summary = summarizer.summarize(article(SAMPLE))
    assert len(summary.sentences) == 3
    # The lead sentence carries the news; the headline and byline are never used.
    assert summary.sentences[0].text.startswith("Militants killed 21 leaders")
    assert "W460" not in summary.text and "Militants Execute" not in summary.text
    for s in summary.sentences:
        assert SAMPLE[s.start : s.end] == s.text
        assert len(s.text.split()) >= 8


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(CNN)Rescuers pulled a man from the wreckage of a building on Tuesday.", "Rescuers pulled"),
        ("Kathmandu, Nepal (CNN) -- Rescuers pulled a man from the wreckage on Tuesday.", "Rescuers pulled"),
        ("(The Hollywood Reporter)Stan Freberg, a comic who made famous adverts, has died.", "Stan Freberg"),
        ("Police (left) said the man was arrested at his home on Monday night.", "Police (left)"),
        ("WASHINGTON (AP) -- The Senate voted on the spending bill late on Monday night.", "The Senate voted"),
        ("MOSCOW_ The mayor of Moscow has allocated funds to help build a museum.", "The mayor of Moscow"),
        ("John Smith (CNN) said the man was arrested at his home on Monday night.", "John Smith (CNN)"),
    ],
)
def test_wire_datelines_are_left_out_of_the_summary_sentence(text: str, expected: str) -> None:
    first = candidate_sentences(article(text))[0]
    assert first.text.startswith(expected)
    assert text[first.start : first.end] == first.text
    assert first.end == len(text)


_WORD_POOL = ["the", "council", "said", "on", "Monday", "police", "arrested", "a", "man", "in", "city", "rain", "fell"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORD_POOL), min_size=1, max_size=30), min_size=0, max_size=25),
    st.integers(min_value=1, max_value=6),
    st.one_of(st.none(), st.integers(min_value=1, max_value=120)),
)
def test_any_article_gives_whole_ordered_sentences_within_the_limits(
    sentences_words: list[list[str]], n: int, words: int | None
) -> None:
    text = " ".join(" ".join(ws).capitalize() + "." for ws in sentences_words)
    summary = ExtractiveSummarizer(HashingEncoder()).summarize(article(text), sentences=n, words=words)
    candidates = candidate_sentences(article(text))
    assert len(summary.sentences) <= n
    assert list(summary.sentences) == sorted(summary.sentences, key=lambda s: s.start)
    assert set(summary.sentences) <= set(candidates)
    if candidates:
        assert summary.sentences  # something whenever there is a real sentence
    if words is not None:
        # Over the budget only when no whole sentence fits it; then one sentence.
        # (among the lead window the summarizer scores)
        window = candidates[: max(WINDOW, 3 * n)]
        over = len(summary.text.split()) > words
        assert not over or (len(summary.sentences) == 1 and all(len(c.text.split()) > words for c in window))


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("'I was very relieved,' said Casey after the round on Friday.", True),
        ("Casey said he was 'very relieved' after the round on Friday.", True),
        ('Casey said: "I was very relieved" after the round on Friday.', True),
        ("The players' union met the league on Friday to discuss the deal.", False),
        ("The club's chairman met the league on Friday to discuss the deal.", False),
    ],
)
def test_quote_detection(text: str, quoted: bool) -> None:
    assert is_quoted(text) is quoted


def test_only_the_lead_window_is_encoded_and_scored() -> None:
    text = " ".join(f"Report number {i} says the river rose again in the town overnight." for i in range(30))
    encoder = HashingEncoder()
    summary = ExtractiveSummarizer(encoder).summarize(article(text), sentences=3)
    assert len(encoder.calls[0]) == WINDOW
    assert all(s.start < len(text) // 3 for s in summary.sentences)
    # A longer summary widens the window: three candidates per requested sentence.
    ExtractiveSummarizer(encoder).summarize(article(text), sentences=5)
    assert len(encoder.calls[1]) == 15
