"""The draft a headline is made on: a sentence and a mask of the characters kept.

Every rule of the headline steps deletes a span of the draft, whatever it matched;
nothing is ever added, so a headline's words are the sentence's words, in order. A
gap between two kept stretches becomes a space, so no two words are glued into a
new one. ``tidy`` and ``capitalized`` give the kept text its final form.
"""

from __future__ import annotations

import re


class Draft:
    """A sentence with a deletion mask: rules delete spans, nothing is ever added."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.kept = [True] * len(text)
        self._view: tuple[str, list[int]] | None = None

    def delete(self, start: int, end: int) -> None:
        start, end = max(start, 0), min(end, len(self.text))
        if start < end:
            self.kept[start:end] = [False] * (end - start)
            self._view = None

    def view(self) -> tuple[str, list[int]]:
        """The kept text, whitespace collapsed, with each character's offset in the
        sentence (-1 for a space standing in for a deleted stretch)."""
        if self._view is None:
            self._view = self._make_view()
        return self._view

    def _make_view(self) -> tuple[str, list[int]]:
        chars: list[str] = []
        index: list[int] = []
        gap = False
        for i, ch in enumerate(self.text):
            if not self.kept[i]:
                gap = True
                continue
            if ch.isspace() or gap:
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    index.append(i if ch.isspace() else -1)
                gap = False
                if ch.isspace():
                    continue
            chars.append(ch)
            index.append(i)
        while chars and chars[-1] == " ":
            chars.pop()
            index.pop()
        return "".join(chars), index

    def delete_view(self, index: list[int], start: int, end: int) -> None:
        for i in index[start:end]:
            if i >= 0:
                self.kept[i] = False
                self._view = None

    def sub(self, pattern: re.Pattern, count: int = 0) -> bool:
        """Delete the matches of ``pattern`` in the current view."""
        text, index = self.view()
        matches = list(pattern.finditer(text))
        if count:
            matches = matches[:count]
        for match in matches:
            self.delete_view(index, match.start(), match.end())
        return bool(matches)


# Punctuation a headline does not begin or end with (a cut leaves it at the edges).
EDGE_PUNCT = " ,;:.-\u2013\u2014_"


def tidy(text: str) -> str:
    """Spacing around punctuation left by deletions (only spaces are removed)."""
    text = re.sub(r"\s+([,;:.!?])", r"\1", text)
    text = re.sub(r"([(\[\u201c\u2018])\s+", r"\1", text)
    text = re.sub(r"\s+([)\]\u201d])", r"\1", text)
    text = re.sub(r",(?=[,;:])|(?<=[;:]),", "", text)
    text = re.sub(r"[,.](['\u2019\u201d\"]|'')$", r"\1", text)  # "... policies of war,''"
    abbreviation = re.search(r"\b(?:[A-Za-z]\.){2,}$", text)  # "U.S." keeps its period
    text = text.strip(EDGE_PUNCT + "!?")
    if abbreviation and not text.endswith("."):
        text += "."
    return text


def capitalized(text: str) -> str:
    """Upper-case the first letter, unless that would change more than its case ("ß")."""
    first = text[:1].upper()
    return first + text[1:] if len(first) == 1 and first.lower() == text[:1].lower() else text
