"""The tagger's rules, one family per file, and their registry.

Each family module holds its pattern table (``RULES``: :class:`~.base.Rule` objects,
each holding the resolver function it calls) beside those resolvers:

- ``clock.py``      clock times ("10 p.m. Wednesday", "noon");
- ``dates.py``      calendar dates and months ("June 9", "6/9/98", "March 1998", "next March");
- ``years.py``      years, decades, centuries, millennia ("1998", "the 1990s");
- ``holidays.py``   holidays ("Christmas", "Easter Monday");
- ``periods.py``    seasons, quarters and halves ("last summer", "the third quarter");
- ``days.py``       days and parts of days ("today", "last Friday", "Saturday evening");
- ``relative.py``   relative and anaphoric expressions ("two years ago", "a day earlier",
  "the following month", "now");
- ``durations.py``  amounts of time ("two days", "a yearlong inquiry");
- ``sets.py``       recurrences ("every Monday", "twice a week", "daily").

What they share: ``base.py`` (``Rule``, the resolve ``Context``, the ``Resolution``
a resolver returns, helpers), ``slots.py`` (the ``{slots}`` of patterns),
``triggers.py`` (where each rule is worth running), ``names.py`` (time words that
are names: "Theresa May", "USA Today") and ``placing.py`` (which year a date given
without one is in).

``RULES`` is every rule, in order; the order matters only for ties between equally
long overlapping matches, where the earlier rule wins. It is validated when this
module is imported (``validate_registry``), as dateparser validates its registry of
parsers: a rule naming an unknown trigger or modifier kind, a name given twice, or a
resolver that is not a function of (match, context) fails at import, not on the one
text that reaches it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable

from . import clock, dates, days, durations, holidays, periods, relative, sets, years
from .base import PREFIX_KINDS, Rule
from .triggers import DIGIT_TRIGGER_REGEX, TRIGGER_WORDS

# Every trigger category a rule may name: those of words, and those of digits.
TRIGGER_CATEGORIES = frozenset(
    category for categories in TRIGGER_WORDS.values() for category in categories
) | frozenset(DIGIT_TRIGGER_REGEX.groupindex)


def validate_registry(rules: Iterable[Rule]) -> None:
    """Raise ValueError, naming the rule, unless every rule is well formed.

    A broken registry is a bug of this package, not of the user's input.
    """
    seen: set[str] = set()
    for rule in rules:
        if not isinstance(rule, Rule):
            raise ValueError(f"not a Rule in the registry: {rule!r}")
        problem = _problem(rule)
        if problem is None and rule.name in seen:
            problem = "its name is given to another rule too"
        if problem is not None:
            raise ValueError(f"temporal rule {rule.name!r}: {problem}")
        seen.add(rule.name)


def _problem(rule: Rule) -> str | None:
    """What is wrong with one rule, or None."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", rule.name):
        return "a rule's name is lower-case words joined by _"
    if not inspect.isfunction(rule.resolver):
        return f"its resolver must be a function, not {rule.resolver!r}"
    try:
        inspect.signature(rule.resolver).bind(None, None)
    except TypeError:
        return f"its resolver {rule.resolver.__name__} does not take (match, context)"
    if not rule.triggers:
        return "it names no trigger category, so it would never run"
    unknown = sorted(set(rule.triggers) - TRIGGER_CATEGORIES)
    if unknown:
        return f"unknown trigger categories {unknown}; known: {sorted(TRIGGER_CATEGORIES)}"
    unknown = sorted(set(rule.prefixes) - PREFIX_KINDS)
    if unknown:
        return f"unknown modifier kinds {unknown}; known: {sorted(PREFIX_KINDS)}"
    if any(not word for word in rule.requires):
        return "an empty string in requires, which every text contains"
    if len(rule.reach) != 2 or any(not isinstance(n, int) or n < 0 for n in rule.reach):
        return f"reach must be two character counts (before, after), not {rule.reach!r}"
    return None


RULES: tuple[Rule, ...] = (
    *clock.RULES,
    *dates.RULES,
    *years.RULES,
    *holidays.RULES,
    *periods.RULES,
    *days.RULES,
    *relative.RULES,
    *durations.RULES,
    *sets.RULES,
)
validate_registry(RULES)

__all__ = ["RULES", "TRIGGER_CATEGORIES", "Rule", "validate_registry"]
