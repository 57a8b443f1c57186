"""Step 6 of a headline: its length.

A headline longer than ``MAX_HEADLINE_WORDS`` is cut at the last phrase boundary
within the limit: punctuation first, then a conjunction, then a preposition
(``lexicon.CUT_BEFORE``), keeping at least ``MIN_CUT_HEADLINE_WORDS`` and a verb,
never inside a name ("Iraq and the Levant") or a date ("due March 1, 2011").
"""

from __future__ import annotations

import re

from ..lexicon import CUT_BEFORE, looks_like_verb
from .draft import Draft

# A headline longer than this is cut ...
MAX_HEADLINE_WORDS = 18
# ... keeping at least this many words (the events' ``MIN_HAPPENING_WORDS`` is another
# thing: how short a headline may be and still tell a happening).
MIN_CUT_HEADLINE_WORDS = 6
# A headline this long is only cut at punctuation, not at a conjunction or preposition.
LONG_HEADLINE_WORDS = 22
# A headline may run this long if it has no phrase boundary to cut at.
HARD_MAX_HEADLINE_WORDS = 24

# A comma inside a date: "1, 2011", "Monday, June".
_DATE_COMMA = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?, (?:1[5-9]|20)\d\d\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
)


def _is_name_word(word: str) -> bool:
    return word[:1].isupper()


def shorten(draft: Draft) -> None:
    """Cut a long headline at the last phrase boundary that keeps enough of it."""
    text, index = draft.view()
    words = list(re.finditer(r"\S+", text))
    if len(words) <= MAX_HEADLINE_WORDS:
        return
    cut = _cut_point([w.group(0) for w in words])
    if cut is not None:
        draft.delete_view(index, words[cut - 1].end(), len(text))


def _cut_point(words: list[str]) -> int | None:
    """The number of words to keep: the last boundary within the limit, strongest
    kind first; None keeps them all (no boundary and not much over the limit)."""

    def is_boundary(k: int, tier: int) -> bool:
        previous, following = words[k - 1], words[k]
        if not any(looks_like_verb(w) for w in words[:k]):
            return False  # the cut would leave no verb: "Donna Lane, mother of ..."
        if tier == 0:
            if previous[-1:] == "," and _DATE_COMMA.match(f"{previous} {following}"):
                return False  # the comma inside a date a headline mentions: "due March 1, 2011"
            return previous[-1:] in ",;:" or following in ("\u2013", "\u2014", "-", "--")
        if following.lower() not in CUT_BEFORE[tier - 1]:
            return False
        if previous.lower() in ("such", "as", "so", "rather", "well") or (
            following.lower() == "as" and words[k + 1 : k + 2] == ["well"]
        ):
            return False  # "such as", "as well as"
        if (tier == 3 or following.lower() == "that") and looks_like_verb(previous):
            return False  # a verb's complement: "aimed at", "said that"
        after = words[k + 1 : k + 3]
        # Not inside a name: "Iraq and the Levant", "Reach for the Sky".
        return not (_is_name_word(previous) and any(_is_name_word(w) for w in after))

    def last_boundary(limit: int, tier: int, shortest: int) -> int | None:
        found = [k for k in range(shortest, min(limit, len(words) - 1) + 1) if is_boundary(k, tier)]
        return found[-1] if found else None

    # Punctuation first, a little over the limit if need be; then whole if not much
    # over; then conjunctions and prepositions; then anything within the hard limit.
    plan = [(MAX_HEADLINE_WORDS, 0, 8), (HARD_MAX_HEADLINE_WORDS, 0, 8), None]
    plan += [(MAX_HEADLINE_WORDS, tier, 8) for tier in range(1, len(CUT_BEFORE) + 1)]
    plan += [(HARD_MAX_HEADLINE_WORDS, tier, MIN_CUT_HEADLINE_WORDS) for tier in range(len(CUT_BEFORE) + 1)]
    for step in plan:
        if step is None:
            if len(words) <= LONG_HEADLINE_WORDS:
                return None  # a little long, but whole rather than cut at a weak boundary
            continue
        k = last_boundary(*step)
        if k is not None:
            return k
    k = MAX_HEADLINE_WORDS
    while k > MIN_CUT_HEADLINE_WORDS and _is_name_word(words[k]) and _is_name_word(words[k - 1]):
        k -= 1
    return k
