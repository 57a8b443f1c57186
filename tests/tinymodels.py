"""Tiny random seq2seq models (BART, PEGASUS, T5) and their word-level tokenizer,
built from config classes and saved to a temporary directory, so the real loading,
chunking and generation code runs without any download.

A pytest plugin (tests/conftest.py's ``pytest_plugins``): the ``bart_dir``,
``pegasus_dir`` and ``t5_dir`` fixtures are there for every test file by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

SPECIAL = ["<pad>", "<s>", "</s>", "<unk>"]
WORDS = [f"w{i}" for i in range(400)]
VOCAB = {token: i for i, token in enumerate(SPECIAL + WORDS + ["The", ".", ",", "summarize", ":"])}
PAD, BOS, EOS = 0, 1, 2
INPUT_TOKENS = 64


def save_tokenizer(directory: Path) -> None:
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.WordLevel(vocab=VOCAB, unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation()])
    tokenizer.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", EOS)])
    PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        pad_token="<pad>",
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        model_max_length=INPUT_TOKENS,
    ).save_pretrained(directory)


# BART and PEGASUS share one architecture's settings: one layer of width 16 each way.
_BART_LIKE: dict[str, Any] = dict(
    vocab_size=len(VOCAB),
    d_model=16,
    encoder_layers=1,
    decoder_layers=1,
    encoder_attention_heads=2,
    decoder_attention_heads=2,
    encoder_ffn_dim=32,
    decoder_ffn_dim=32,
    max_position_embeddings=INPUT_TOKENS,
    pad_token_id=PAD,
    eos_token_id=EOS,
)


def save_tiny_model(tmp_path_factory: pytest.TempPathFactory, name: str, config, model_class) -> Path:
    """A randomly initialised ``model_class`` with ``config`` and the word-level
    tokenizer, saved where the real loading code will read them."""
    import torch  # here, not at import: a plugin loads for every test file

    directory = tmp_path_factory.mktemp(name)
    torch.manual_seed(0)
    model_class(config).save_pretrained(directory)
    save_tokenizer(directory)
    return directory


@pytest.fixture(scope="module")
def bart_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from transformers import BartConfig, BartForConditionalGeneration

    config = BartConfig(**_BART_LIKE, bos_token_id=BOS, decoder_start_token_id=EOS)
    return save_tiny_model(tmp_path_factory, "tiny-bart", config, BartForConditionalGeneration)


@pytest.fixture(scope="module")
def pegasus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from transformers import PegasusConfig, PegasusForConditionalGeneration

    config = PegasusConfig(**_BART_LIKE, decoder_start_token_id=PAD)
    return save_tiny_model(tmp_path_factory, "tiny-pegasus", config, PegasusForConditionalGeneration)


@pytest.fixture(scope="module")
def t5_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from transformers import T5Config, T5ForConditionalGeneration

    config = T5Config(
        vocab_size=len(VOCAB),
        d_model=16,
        d_kv=8,
        d_ff=32,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=2,
        pad_token_id=PAD,
        eos_token_id=EOS,
        # Kept by PretrainedConfig's extra keywords, which T5Config's typed signature leaves out:
        decoder_start_token_id=PAD,
    )  # type: ignore[call-arg]
    return save_tiny_model(tmp_path_factory, "tiny-t5", config, T5ForConditionalGeneration)
