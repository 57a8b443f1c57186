"""The abstractive path, run for real on tiny random BART, PEGASUS and T5 models.

The models and their word-level tokenizer are built from config classes and saved
to a temporary directory (tests/tinymodels.py: the ``bart_dir``, ``pegasus_dir`` and
``t5_dir`` fixtures), so the real loading, chunking and generation code runs without
any download. What reaches the model is observed with a hook on its
encoder.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import random
from pathlib import Path
from typing import Any

import pytest
import torch

from summarize.errors import ModelError
from summarize.models import Article
from summarize.summarizers import load_summarizer
from summarize.summarizers.abstractive import AbstractiveSummarizer
from tinymodels import EOS, INPUT_TOKENS, PAD, VOCAB, WORDS, save_tokenizer


@pytest.fixture(scope="module", autouse=True)
def _quiet() -> None:
    from summarize.summarizers.encoder import quiet_transformers

    quiet_transformers()  # save_pretrained's progress bars


def long_article(words: int, seed: int = 1) -> Article:
    """``words`` words in sentences of 5 to 25 words ("The w17 w3 ... ."): the
    capital and the period make each a sentence for the splitter."""
    rng = random.Random(seed)
    sentences, left = [], words
    while left:
        n = min(left, rng.randint(5, 25))
        sentences.append(" ".join(["The"] + [rng.choice(WORDS) for _ in range(n - 1)]) + " .")
        left -= n
    return Article(text=" ".join(sentences), source="long")


class EncoderInputs:
    """Records every row of input ids the model's encoder receives."""

    def __init__(self, summarizer: AbstractiveSummarizer) -> None:
        self.rows: list[list[int]] = []
        self.calls = 0
        summarizer.model.get_encoder().register_forward_pre_hook(self._record, with_kwargs=True)

    def _record(self, module, args, kwargs) -> None:
        ids = kwargs.get("input_ids") if kwargs.get("input_ids") is not None else args[0]
        self.calls += 1
        for row in ids.tolist():
            self.rows.append([i for i in row if i != PAD])


def load_abstractive(model_dir: Path, **options: Any) -> AbstractiveSummarizer:
    """``load_summarizer`` of a seq2seq model's directory: an abstractive summarizer."""
    summarizer = load_summarizer(str(model_dir), **options)
    assert isinstance(summarizer, AbstractiveSummarizer)
    return summarizer


def token_ids(summarizer: AbstractiveSummarizer, text: str) -> list[int]:
    return summarizer.tokenizer(text, add_special_tokens=False)["input_ids"]


@pytest.mark.parametrize("family", ["bart", "pegasus", "t5"])
def test_a_5000_word_article_reaches_the_model_whole(family: str, request: pytest.FixtureRequest) -> None:
    directory = request.getfixturevalue(f"{family}_dir")
    # min_new_tokens: a random model may end at once, and empty piece summaries
    # would leave nothing for the second round to observe.
    summarizer = load_summarizer(str(directory), batch_size=8, max_new_tokens=8, min_new_tokens=4)
    assert isinstance(summarizer, AbstractiveSummarizer)
    seen = EncoderInputs(summarizer)
    article = long_article(5000)

    pieces = summarizer.pieces(article.text)
    summary = summarizer.summarize(article)

    assert summary.method == f"abstractive: {directory}"
    assert summary.sentences == ()
    prefix = token_ids(summarizer, "summarize: ") if family == "t5" else []
    assert len(prefix) == (2 if family == "t5" else 0)
    # The first round: one encoder row per piece, each within the model input,
    # each with the task prefix and the end token, and together exactly the article.
    first_round = seen.rows[: len(pieces)]
    assert len(pieces) >= 5000 // INPUT_TOKENS
    covered: list[int] = []
    for row in first_round:
        assert len(row) <= INPUT_TOKENS
        assert row[: len(prefix)] == prefix and row[-1] == EOS
        covered.extend(row[len(prefix) : -1])
    assert covered == token_ids(summarizer, article.text)
    # Pieces were batched (8 per generate call) and the piece summaries were
    # summarized again, so the encoder saw more rows than pieces.
    assert seen.calls < len(seen.rows)
    assert len(seen.rows) > len(pieces)
    assert all(len(row) <= INPUT_TOKENS for row in seen.rows)


def test_pieces_end_on_sentence_boundaries(bart_dir: Path) -> None:
    summarizer = load_abstractive(bart_dir)
    article = long_article(600, seed=2)
    pieces = summarizer.pieces(article.text)
    assert len(pieces) > 1
    assert " ".join(pieces) == article.text
    for piece in pieces:
        assert piece.startswith("The ") and piece.endswith(" .")
        assert len(token_ids(summarizer, piece)) <= summarizer.piece_tokens


def test_a_sentence_longer_than_the_input_is_split_not_dropped(bart_dir: Path) -> None:
    summarizer = load_abstractive(bart_dir)
    text = "The " + " ".join(WORDS[:150]) + " ."
    pieces = summarizer.pieces(text)
    assert len(pieces) == 3
    assert " ".join(pieces).split() == text.split()
    assert all(len(token_ids(summarizer, piece)) <= summarizer.piece_tokens for piece in pieces)


def test_a_short_article_is_summarized_in_one_call(bart_dir: Path) -> None:
    summarizer = load_abstractive(bart_dir, max_new_tokens=6)
    seen = EncoderInputs(summarizer)
    article = long_article(30, seed=3)
    summary = summarizer.summarize(article)
    assert seen.calls == 1
    assert seen.rows[0][:-1] == token_ids(summarizer, article.text)
    # At most six new tokens, each a word or punctuation.
    assert len(summary.text.split()) <= 6


def test_summarize_many_batches_articles(bart_dir: Path) -> None:
    summarizer = load_abstractive(bart_dir, batch_size=4, max_new_tokens=4)
    seen = EncoderInputs(summarizer)
    articles = [long_article(20, seed=s) for s in range(4)]
    summaries = summarizer.summarize_many(articles)
    assert len(summaries) == 4
    assert seen.calls == 1 and len(seen.rows) == 4
    for article, row in zip(articles, seen.rows):
        assert row[:-1] == token_ids(summarizer, article.text)


def test_t5_gets_the_summarize_prefix(t5_dir: Path) -> None:
    summarizer = load_abstractive(t5_dir)
    assert summarizer.prefix == "summarize: "
    assert summarizer.piece_tokens == INPUT_TOKENS - 3  # prefix (2 tokens) and </s>


def test_generation_options_reach_generate(bart_dir: Path) -> None:
    summarizer = load_abstractive(bart_dir, max_new_tokens=3, num_beams=2)
    assert summarizer.generation_options == {"max_new_tokens": 3, "num_beams": 2}
    text = summarizer.summarize(long_article(40, seed=4), sentences=5).text
    assert len(text.split()) <= 3


def test_bad_generation_options_are_model_errors(bart_dir: Path) -> None:
    with pytest.raises(ModelError, match="num_beams"):
        load_summarizer(str(bart_dir), num_beams=0)
    with pytest.raises(ModelError, match="unknown generation option 'beams'"):
        load_summarizer(str(bart_dir), beams=2)


def test_offline_without_a_local_copy_is_one_clear_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    with pytest.raises(ModelError) as info:
        load_summarizer("some-org/no-such-summarizer")
    message = str(info.value)
    assert "\n" not in message
    assert "some-org/no-such-summarizer" in message and "--model" in message


def test_missing_local_directory_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="no model directory"):
        load_summarizer("./no/such/model-dir")


def test_a_directory_without_a_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot load the model"):
        load_summarizer(str(tmp_path))


def test_an_encoder_only_model_is_rejected(tmp_path: Path) -> None:
    from transformers import BertConfig, BertModel

    BertModel(
        BertConfig(
            vocab_size=len(VOCAB), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32
        )
    ).save_pretrained(tmp_path)
    save_tokenizer(tmp_path)
    with pytest.raises(ModelError, match="not a sequence-to-sequence"):
        load_summarizer(str(tmp_path))


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_unavailable_device_is_a_model_error(bart_dir: Path) -> None:
    with pytest.raises(ModelError, match="--device cpu"):
        load_summarizer(str(bart_dir), device="cuda")


def test_sentence_and_word_limits_apply_to_generated_text() -> None:
    from summarize.summarizers.abstractive import _limit

    text = "One two three. Four five six seven. Eight nine."
    assert _limit(text, 2, None) == "One two three. Four five six seven."
    assert _limit(text, 3, 8) == "One two three. Four five six seven."
    assert _limit(text, 3, 2) == "One two three."
