"""Abstractive summaries with any transformers seq2seq model (BART, PEGASUS, T5...).

An article longer than the model's input is never truncated: it is split on
sentence boundaries into pieces that fit, each piece is summarized, and the joined
piece summaries are summarized again (repeatedly, if they still do not fit), so
every sentence of the article reaches the model. Pieces of all articles go to the
model in batches.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import ModelError
from ..models import Article, Summary
from ..sentences import split_sentences
from .base import Summarizer, as_list, check_device, check_length, count_words

DEFAULT_BATCH_SIZE = 4
# The final summary's length when neither the user nor the model sets one: room
# for about three news sentences.
DEFAULT_SUMMARY_TOKENS = 128
_LIBRARY_MAX_LENGTH = 20
# Used when neither the tokenizer nor the config states an input limit.
FALLBACK_INPUT_TOKENS = 512
# transformers' "no limit" sentinel for model_max_length is ~1e30.
_NO_LIMIT = 1_000_000
# Reduction rounds before giving up; each round divides the text by about 3, so
# this covers inputs far longer than any article.
MAX_ROUNDS = 12
_T5_FAMILY = frozenset({"t5", "mt5", "umt5", "longt5", "switch_transformers"})


def _has_length(options: dict[str, Any]) -> bool:
    return "max_new_tokens" in options or "max_length" in options


# Options that must be positive integers, or at least 0 (the "min_" ones).
_POSITIVE = ("max_new_tokens", "max_length", "num_beams", "num_beam_groups", "num_return_sequences", "top_k")
_NON_NEGATIVE = ("min_new_tokens", "min_length", "no_repeat_ngram_size", "encoder_no_repeat_ngram_size")


def _check_generation_options(options: dict[str, Any]) -> None:
    """Reject mistyped or impossible options now, with the option's name, rather
    than as an obscure failure deep inside ``generate``."""
    from transformers import GenerationConfig

    known = GenerationConfig()
    for key, value in options.items():
        if not hasattr(known, key):
            raise ModelError(f"unknown generation option '{key}'")
        if key in _POSITIVE + _NON_NEGATIVE:
            lowest = 1 if key in _POSITIVE else 0
            if isinstance(value, bool) or not isinstance(value, int) or value < lowest:
                raise ModelError(f"generation option {key} must be an integer >= {lowest}, not {value!r}")
    if options.get("num_return_sequences", 1) != 1:
        raise ModelError("generation option num_return_sequences must be 1: a summary is one text")


def _offline() -> bool:
    return any(
        os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}
        for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


# A hub id is "name" or "owner/name"; anything else given to --model is a path.
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")


def _looks_like_path(model: str) -> bool:
    return model.startswith((".", "~")) or os.path.isabs(model) or not _HUB_ID.match(model)


def _missing_model_message(model: str) -> str:
    return (
        f"model '{model}' is not available offline: on a connected machine run "
        f"`hf download {model}` (or save it with save_pretrained), then pass its local directory to --model"
    )


def _load(model: str) -> tuple[Any, Any, str]:
    """Tokenizer, model and the name to report, from a local directory or the hub cache."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    path = Path(model).expanduser()
    if path.is_dir():
        source, attempts = str(path), [True]
    elif _looks_like_path(model):
        raise ModelError(f"no model directory at {model}: pass a local model directory or a hub model id")
    else:
        # Hub id: the local cache first; the network only when the user is online.
        source, attempts = model, [True] if _offline() else [True, False]
    failure: Exception | None = None
    for local_only in attempts:
        try:
            tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
            network = AutoModelForSeq2SeqLM.from_pretrained(source, local_files_only=local_only)
            return tokenizer, network, model
        except ValueError as exc:
            # transformers raises ValueError for a config it has no seq2seq class for.
            if "Unrecognized configuration class" in str(exc) or "model type" in str(exc):
                raise ModelError(f"'{model}' is not a sequence-to-sequence (summarization) model") from exc
            failure = exc
        except Exception as exc:  # noqa: BLE001 - a broken or partial download (OSError,
            # safetensors and JSON errors...) is the user's to fix, so it becomes a ModelError.
            failure = exc
    if path.is_dir():
        first = str(failure).strip().splitlines()[0] if failure else "unknown error"
        raise ModelError(f"cannot load the model in {model}: {first}") from failure
    raise ModelError(_missing_model_message(model)) from failure


class AbstractiveSummarizer(Summarizer):
    """Summaries written by a seq2seq model; long articles are summarized piecewise."""

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        batch_size: int = DEFAULT_BATCH_SIZE,
        prefix: str | None = None,
        **generation_options: Any,
    ) -> None:
        from .encoder import quiet_transformers

        quiet_transformers()
        import torch

        check_device(device)
        if batch_size < 1:
            raise ModelError(f"the batch size must be positive, not {batch_size}")
        self.tokenizer, network, self.model_name = _load(model)
        self.model = network.to(device).eval()
        self.device = device
        self.batch_size = batch_size
        self.method = f"abstractive: {model}"
        self._torch = torch
        config = self.model.config
        task = (getattr(config, "task_specific_params", None) or {}).get("summarization", {}) or {}
        # T5 was trained with a task prefix; other models take the text as it is.
        if prefix is None:
            prefix = task.get("prefix") or ("summarize: " if config.model_type in _T5_FAMILY else "")
        self.prefix = prefix
        # The model's own summarization defaults (e.g. beams, lengths), overridden by the user's.
        _check_generation_options(generation_options)
        self._user_length = _has_length(generation_options)
        self.generation_options = {k: v for k, v in task.items() if k != "prefix"}
        self.generation_options.update(generation_options)
        if not _has_length(self.generation_options) and self.model.generation_config.max_length == _LIBRARY_MAX_LENGTH:
            # transformers' own default (20 tokens, with a warning) cuts summaries
            # short; a model that states no length gets room for a few sentences.
            self.generation_options["max_new_tokens"] = DEFAULT_SUMMARY_TOKENS
        self.input_tokens = self._input_limit()
        overhead = self._count(self.prefix) + self._special_tokens()
        self.piece_tokens = self.input_tokens - overhead
        if self.piece_tokens < 8:
            raise ModelError(f"the model '{model}' takes only {self.input_tokens} input tokens: too few to summarize")

    # -- sizes -------------------------------------------------------------------

    def _input_limit(self) -> int:
        limits = []
        tokenizer_limit = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(tokenizer_limit, int) and 0 < tokenizer_limit < _NO_LIMIT:
            limits.append(tokenizer_limit)
        config = self.model.config
        for name in ("max_position_embeddings", "n_positions", "max_encoder_position_embeddings"):
            value = getattr(config, name, None)
            if isinstance(value, int) and value > 0:
                limits.append(value)
                break
        return min(limits) if limits else FALLBACK_INPUT_TOKENS

    def _special_tokens(self) -> int:
        return len(self.tokenizer("", add_special_tokens=True)["input_ids"])

    def _count(self, text: str) -> int:
        if not text:
            return 0
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    # -- chunking ----------------------------------------------------------------

    def pieces(self, text: str) -> list[str]:
        """Split ``text`` on sentence boundaries into pieces that fit the model input.

        A sentence longer than the input on its own is split between words; nothing
        is dropped, so the pieces joined with spaces hold every word of ``text``.
        """
        units: list[str] = []
        for sentence in split_sentences(text):
            units.extend(self._fit_sentence(sentence.text))
        pieces: list[str] = []
        current: list[str] = []
        for unit in units:
            if current and self._count(" ".join([*current, unit])) > self.piece_tokens:
                pieces.append(" ".join(current))
                current = []
            current.append(unit)
        if current:
            pieces.append(" ".join(current))
        return pieces

    def _fit_sentence(self, sentence: str) -> list[str]:
        if self._count(sentence) <= self.piece_tokens:
            return [sentence]
        parts: list[str] = []
        current: list[str] = []
        for word in sentence.split():
            if current and self._count(" ".join([*current, word])) > self.piece_tokens:
                parts.append(" ".join(current))
                current = []
            current.append(word)
        if current:
            parts.append(" ".join(current))
        # A single "word" over the limit (a URL, a table row) is split between tokens.
        fitted: list[str] = []
        for part in parts:
            if self._count(part) <= self.piece_tokens:
                fitted.append(part)
                continue
            ids = self.tokenizer(part, add_special_tokens=False)["input_ids"]
            for begin in range(0, len(ids), self.piece_tokens):
                fitted.append(self.tokenizer.decode(ids[begin : begin + self.piece_tokens]))
        return fitted

    # -- generation --------------------------------------------------------------

    def _generate(self, texts: Sequence[str], options: dict[str, Any]) -> list[str]:
        torch = self._torch
        outputs: list[str] = []
        for begin in range(0, len(texts), self.batch_size):
            batch = [self.prefix + t for t in texts[begin : begin + self.batch_size]]
            # No truncation is needed (pieces fit); truncation=True is only a guard
            # against a tokenizer counting differently in a batch, and it is checked.
            encoded = self.tokenizer(batch, return_tensors="pt", padding=True, truncation=False)
            if encoded["input_ids"].shape[1] > self.input_tokens:
                raise ModelError(
                    f"a piece of {encoded['input_ids'].shape[1]} tokens exceeds the model input of {self.input_tokens}"
                )
            encoded = encoded.to(self.device)
            try:
                with torch.inference_mode():
                    generated = self.model.generate(**encoded, **options)
            except (TypeError, ValueError) as exc:
                message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise ModelError(f"generation failed with options {options}: {message}") from exc
            outputs.extend(
                " ".join(t.split()) for t in self.tokenizer.batch_decode(generated, skip_special_tokens=True)
            )
        return outputs

    def _options(self, final: bool, words: int | None) -> dict[str, Any]:
        options = dict(self.generation_options)
        if final:
            if words is not None and not self._user_length:
                options.pop("max_length", None)
                # About 1.4 tokens a word in English BPE vocabularies, plus room to end a sentence.
                options["max_new_tokens"] = math.ceil(words * 1.4) + 8
            return options
        # A piece summary must be clearly shorter than the piece, or the reduction
        # would not converge: at most a third of the input.
        cap = max(4, self.piece_tokens // 3)
        for key in ("max_new_tokens", "max_length"):
            if key in options:
                options[key] = min(int(options[key]), cap)
        if "max_new_tokens" not in options and "max_length" not in options:
            options["max_new_tokens"] = cap
        for key in ("min_new_tokens", "min_length"):
            if key in options:
                options[key] = min(int(options[key]), cap // 2)
        return options

    def summarize_many(
        self, articles: Iterable[Article], *, sentences: int = 3, words: int | None = None
    ) -> list[Summary]:
        check_length(sentences, words)
        articles = as_list(articles)
        texts = [a.text for a in articles]
        finished: dict[int, str] = {}
        for _ in range(MAX_ROUNDS):
            open_ = [i for i in range(len(texts)) if i not in finished]
            if not open_:
                break
            split = {i: self.pieces(texts[i]) for i in open_}
            for i in open_:
                if not split[i]:  # nothing to summarize (empty text or empty piece summaries)
                    finished[i] = ""
            final = [i for i in open_ if len(split[i]) == 1]
            summaries = self._generate([split[i][0] for i in final], self._options(True, words))
            finished.update(zip(final, summaries))
            longer = [i for i in open_ if len(split[i]) > 1]
            jobs = [(i, piece) for i in longer for piece in split[i]]
            results = self._generate([piece for _, piece in jobs], self._options(False, words)) if jobs else []
            for i in longer:
                joined = " ".join(r for (j, _), r in zip(jobs, results) if j == i and r)
                if self._count(joined) >= self._count(texts[i]):
                    raise ModelError(
                        "the model's piece summaries are not shorter than the pieces: lower max_new_tokens"
                    )
                texts[i] = joined
        if len(finished) < len(texts):
            raise ModelError("the article could not be reduced to fit the model input")
        return [
            Summary(text=_limit(finished[i], sentences, words), method=self.method, sentences=())
            for i in range(len(texts))
        ]


def _limit(text: str, sentences: int, words: int | None) -> str:
    """The first whole sentences of ``text`` within the limits (always at least one)."""
    kept: list[str] = []
    used = 0
    for sentence in split_sentences(text)[:sentences]:
        n = count_words(sentence.text)
        if kept and words is not None and used + n > words:
            break
        kept.append(sentence.text)
        used += n
    return " ".join(kept)
