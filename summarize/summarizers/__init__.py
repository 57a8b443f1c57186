"""Stage 3, summarization: ``load_summarizer(model)`` -> ``Summarizer``.

``model=None`` gives the offline extractive summarizer (``extractive.py``: MiniLM
sentence embeddings, no download); a model id or directory gives an abstractive
seq2seq summarizer run through transformers (``abstractive.py``, imported only then).
Both return ``Summary`` objects and accept the same length limits
(``summarize(article, sentences=3, words=None)``); ``base.py`` is what they share.

``encoder.py`` is the MiniLM sentence encoder (ONNX Runtime over the export that
``encoder_export.py`` makes once at set-up); merging and key dates use it too.
"""

from __future__ import annotations

from typing import Any

from ..errors import ModelError
from .base import Summarizer, check_device
from .extractive import ExtractiveSummarizer

__all__ = ["ExtractiveSummarizer", "Summarizer", "load_summarizer"]


def load_summarizer(model: str | None = None, *, device: str = "cpu", **generation_options: Any) -> Summarizer:
    """Load the summarizer for ``model``.

    ``None`` -> the extractive default. A string -> a seq2seq model from a local
    directory or the local hub cache (offline, hub ids resolve from the cache only).
    ``generation_options`` go to ``model.generate`` (``max_new_tokens``,
    ``num_beams``...), except ``batch_size`` (pieces per generate call) and
    ``prefix`` (the task prefix, "summarize: " for T5 by default). Options that
    are None are ignored, so CLI flags can be passed through unset.
    Raises ``ModelError`` with a one-line message when the model cannot be loaded.
    """
    # An option left at None (a CLI flag not given) means "the default".
    generation_options = {k: v for k, v in generation_options.items() if v is not None}
    if model is None:
        if generation_options:
            names = ", ".join(sorted(generation_options))
            raise ModelError(f"generation options ({names}) need an abstractive model: pass --model")
        check_device(device)
        return ExtractiveSummarizer(device=device)
    if not isinstance(model, str) or not model.strip():
        raise ModelError("the model must be a model id or a local directory")
    from .abstractive import AbstractiveSummarizer

    return AbstractiveSummarizer(model.strip(), device=device, **generation_options)
