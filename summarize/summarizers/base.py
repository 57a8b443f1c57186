"""What every summarizer offers, and the length rules they share."""

from __future__ import annotations

import abc
import re
from collections.abc import Iterable, Sequence

from ..errors import ModelError, SummarizeError
from ..models import Article, Summary

_WORD = re.compile(r"\S+")
_DEVICES = ("cpu", "cuda", "mps")


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters."""
    return len(_WORD.findall(text))


def check_length(sentences: int, words: int | None) -> None:
    """Reject length limits no summary can meet (a user error, so SummarizeError)."""
    if isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 1:
        raise SummarizeError(f"the number of summary sentences must be a positive integer, not {sentences!r}")
    if words is not None and (isinstance(words, bool) or not isinstance(words, int) or words < 1):
        raise SummarizeError(f"the number of summary words must be a positive integer, not {words!r}")


class Summarizer(abc.ABC):
    """Summarizes articles; ``method`` names the method in ``Summary.method``."""

    method: str

    def summarize(self, article: Article, *, sentences: int = 3, words: int | None = None) -> Summary:
        """Summarize one article in at most ``sentences`` sentences and ``words`` words."""
        return self.summarize_many([article], sentences=sentences, words=words)[0]

    @abc.abstractmethod
    def summarize_many(
        self, articles: Iterable[Article], *, sentences: int = 3, words: int | None = None
    ) -> list[Summary]:
        """Summarize several articles at once (batched), in the order given."""


def as_list(articles: Iterable[Article]) -> Sequence[Article]:
    articles = list(articles)
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"expected an Article, got {type(article).__name__}")
    return articles


def check_device(device: str) -> None:
    """Fail early, with a fix, when ``device`` cannot be used here."""
    kind = device.split(":", 1)[0]
    if kind not in _DEVICES:
        raise ModelError(f"unknown device '{device}': use one of {', '.join(_DEVICES)}")
    if kind == "cpu":
        return  # always there; and torch, a second to import, is not needed to say so
    import torch

    if kind == "cuda" and not torch.cuda.is_available():
        raise ModelError(f"device '{device}' is not available on this machine: use --device cpu")
    if kind == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise ModelError(f"device '{device}' is not available on this machine: use --device cpu")
