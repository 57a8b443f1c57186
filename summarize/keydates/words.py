"""The words of key-date selection: content terms for the TF-IDF space, and the
``--query`` filter.

A ``--query`` is a filter on words, as the benchmark's topic keywords are:
``Query.matches`` holds a sentence with any query word inside one of its words,
so "flu" keeps "influenza" and "H1N1" keeps "AH1N1" (it also keeps "influence":
the filter only decides what may be shown, centrality decides what is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources

# Words of two or more letters or digits: numbers carry news ("killed 230,000").
_TOKEN = re.compile(r"\b\w\w+\b")


def _stop_words() -> frozenset[str]:
    text = resources.files(__package__).joinpath("stop_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


STOP_WORDS = _stop_words()


def terms(text: str) -> list[str]:
    """The lower-cased words of ``text`` that carry content."""
    return [word for word in _TOKEN.findall(text.lower()) if word not in STOP_WORDS]


class Query:
    """Words a sentence must hold one of (``--query``); an empty query keeps all."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.terms = tuple(sorted({w.strip().lower() for w in words if w.strip()}))

    def __bool__(self) -> bool:
        return bool(self.terms)

    def matches(self, text: str) -> bool:
        if not self.terms:
            return True
        lower = text.lower()
        return any(term in lower for term in self.terms)
