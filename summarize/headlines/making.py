"""``make_headline``: the steps of a headline, in order.

1. the clause that holds the date (``clauses.py``);
2. its asides deleted, or the relative clause holding the date kept (``asides.py``,
   ``relatives.py``);
3. the date and the sentence's other dates cut out (``datecuts.py``);
4. and 5. attributions, datelines, connectives, dangling words and unbalanced quotes
   at the edges (``trimming.py``);
6. the length (``length.py``).

A year that premodifies a noun phrase ("the 2003 invasion of Iraq") makes that
noun phrase the headline instead (``modifiers.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import DANGLING_END, FIXTURE_WORDS, NAME_PARTICLES, QUOTE_CHARS, looks_like_verb
from .asides import delete_asides
from .clauses import clause_of, keep_clause, leading_subordinate_clause
from .datecuts import DATE_SIGNAL_BEFORE, cut_date, cut_other_dates
from .draft import Draft, capitalized, tidy
from .length import shorten
from .modifiers import premodified_noun_phrase
from .trimming import trim_edges


def make_headline(
    sentence: str,
    span: tuple[int, int],
    other_spans: Sequence[tuple[int, int]] = (),
    named_spans: Sequence[tuple[int, int]] = (),
) -> str:
    """A short headline for the happening dated by ``span`` in ``sentence``.

    ``other_spans`` are the sentence's other dates, cut out; ``named_spans`` are dates
    that name a thing ("the 2024 race", "his 1999 album"): they stay in the words, but
    still part the sentence into clauses as the other dates do.
    """
    headline = _make_headline(sentence, span, other_spans, split=True, named_spans=named_spans)
    if (other_spans or named_spans) and (
        len([w for w in headline.lower().split() if w not in DANGLING_END]) < 2 or is_bare_name(headline, sentence)
    ):
        # Cutting the sentence between its dates left this one too little ("then
        # again in 2014", "Walter Mondale"): the whole clause, with the other dates cut
        # out, tells more.
        headline = _make_headline(sentence, span, other_spans, split=False)
    if is_bare_name(headline, sentence):
        # "Walter Mondale, who served as vice president from 1977 to 1981": the clause
        # kept only the name; the sentence without its dates may tell the happening.
        # Without a verb it tells none either, and the name stays, for the events to
        # drop ("Walter Mondale (1928-2021)", "On Monday, Walter Mondale, the former
        # vice president").
        whole = _sentence_without_dates(sentence, [span, *other_spans])
        if any(looks_like_verb(w) for w in whole.split()):
            headline = whole
    return headline


def is_bare_name(headline: str, sentence: str) -> bool:
    """Whether a headline made from ``sentence`` is only a name ("Walter Mondale",
    "International Women's Day"): capitalized words and the particles of names, no
    verb. It tells no happening. ("Invasion of Iraq" has a common noun, capitalized
    only as the headline's first word; "Talks collapsed" has a verb.)"""
    words = [w.strip(QUOTE_CHARS + ",;:.!?()") for w in headline.split()]
    words = [w for w in words if w]
    if not words or any(looks_like_verb(w) or w.lower() in FIXTURE_WORDS for w in words):
        return False  # a verb, or a fixture: "LEICESTER V LONDON WELSH" is a match
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_PARTICLES for w in words):
        return False
    # The first word is capitalized whatever it was: the sentence tells its case.
    first = re.search(r"(?<![\w'\u2019])" + re.escape(words[0]) + r"(?![\w'\u2019])", sentence, re.IGNORECASE)
    return first is None or (first.group(0)[:1].isupper() and (first.start() > 0 or len(words) > 1))


def _make_headline(
    sentence: str,
    span: tuple[int, int],
    other_spans: Sequence[tuple[int, int]],
    split: bool,
    named_spans: Sequence[tuple[int, int]] = (),
) -> str:
    """One headline, the steps in order. ``split``: part the sentence between its
    dates (``clause_of`` with the other dates), or keep the date's whole clause."""
    start, end = span
    noun_phrase = premodified_noun_phrase(sentence, start, end)
    if noun_phrase is not None:
        return _noun_phrase_headline(sentence, span, noun_phrase)
    clause = clause_of(sentence, start, end, other_spans, named_spans) if split else clause_of(sentence, start, end)
    draft = Draft(sentence)
    keep_clause(draft, sentence, clause)
    delete_asides(draft, sentence, span, other_spans, clause)
    cut_date(draft, sentence, span, clause)
    cut_other_dates(draft, sentence, span, other_spans, clause)
    _trim_and_shorten(draft, sentence, start, cut_from_middle=clause[0] > 0)
    return capitalized(_text_or_fallback(draft, sentence, span))


def _noun_phrase_headline(sentence: str, span: tuple[int, int], noun_phrase: tuple[int, int]) -> str:
    """ "the 2003 invasion of Iraq": the year dates the noun phrase, not the clause,
    and the noun phrase is the headline ("Invasion of Iraq")."""
    draft = Draft(sentence)
    draft.delete(0, noun_phrase[0])
    draft.delete(noun_phrase[1], len(sentence))
    draft.delete(span[0], noun_phrase[0])
    trim_edges(draft, cut_from_middle=False)
    shorten(draft)
    return capitalized(tidy(draft.view()[0]))


def _trim_and_shorten(draft: Draft, sentence: str, start: int, cut_from_middle: bool) -> None:
    """Steps 4 to 6: the edges, an opening subordinate clause (before the edges of a
    clause cut from the middle lose their subordinator: "...; when the economy
    recovered in 2012, its shares rose" is "The economy recovered"), the length; the
    edges again after each cut."""
    trim_edges(draft, cut_from_middle=False)
    leading_subordinate_clause(draft, sentence, start)
    trim_edges(draft, cut_from_middle=cut_from_middle)
    shorten(draft)
    trim_edges(draft, cut_from_middle=False)


def _text_or_fallback(draft: Draft, sentence: str, span: tuple[int, int]) -> str:
    """The draft's text; if every rule together left nothing of it, the sentence
    without the date instead."""
    text = tidy(draft.view()[0])
    if not re.search(r"[^\W_]", text):
        fallback = Draft(sentence)
        fallback.delete(*span)
        shorten(fallback)
        text = tidy(fallback.view()[0])
    return text


# Brackets left empty by cutting their dates: "Walter Mondale (1928-2021)".
_EMPTY_BRACKETS = re.compile(r"\s*\(\s*[-\u2013\u2014,;/]?\s*\)|\s*\[\s*[-\u2013\u2014,;/]?\s*\]")


def _sentence_without_dates(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The whole sentence with its dates (and their signal words) cut, trimmed and
    shortened: a headline for a clause that kept only a name."""
    draft = Draft(sentence)
    for a, b in spans:
        signal = DATE_SIGNAL_BEFORE.search(sentence[:a])
        draft.delete(signal.start() if signal else a, b)
    draft.sub(_EMPTY_BRACKETS)  # "Walter Mondale (1928-2021)" without its dates
    trim_edges(draft, cut_from_middle=False)
    shorten(draft)
    return capitalized(tidy(draft.view()[0]))
