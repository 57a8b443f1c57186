"""Sets (recurrences): "every Monday", "each year", "twice a week", "on weekends",
"daily", "quarterly". An adjective ("its quarterly dividend") or a name ("People's
Daily") is none.
"""

from __future__ import annotations

import re

from .. import vocabulary as V
from .base import (
    Context,
    Resolution,
    Rule,
    duration_value,
    month_number_of,
    normalized,
    number_of,
    text_of,
    unit_of,
    words_before,
)
from .names import CAPITAL_AFTER, in_a_name


def resolve_set(m: re.Match, ctx: Context) -> Resolution | None:
    text = m.group(0).lower()
    n = number_of(m, "n") or 1
    if "other" in text.split():
        n *= 2
    if text_of(m, "weekday"):
        return Resolution("SET", f"XXXX-WXX-{V.WEEKDAYS[normalized(m.group('weekday'))]}")
    if text_of(m, "month"):
        return Resolution("SET", f"XXXX-{month_number_of(m.group('month')):02d}")
    if text_of(m, "season"):
        return Resolution("SET", f"XXXX-{V.SEASONS[normalized(m.group('season'))]}")
    if text_of(m, "pod"):
        return Resolution("SET", f"XXXX-XX-XXT{V.PARTS_OF_DAY[normalized(m.group('pod'))]}")
    unit = unit_of(text_of(m, "anyunit") or text_of(m, "unit") or "day")
    if unit not in V.UNITS:
        return None
    if unit == "weekend" and n == 1:
        return Resolution("SET", "XXXX-WXX-WE")  # "every weekend"
    return Resolution("SET", duration_value(n, unit))


def resolve_weekends(m: re.Match, ctx: Context) -> Resolution:
    """ "on weekends", "every weekend": each weekend."""
    return Resolution("SET", "XXXX-WXX-WE")


def resolve_frequency(m: re.Match, ctx: Context) -> Resolution | None:
    capitalized_before_a_name = ctx.text[m.start() : m.start() + 1].isupper() and CAPITAL_AFTER.match(ctx.text, m.end())
    if in_a_name(m.start(), ctx) or capitalized_before_a_name:
        return None  # "People's Daily", "Publishers Weekly", "Daily Mail Online said"
    if re.search(
        r"\b(?:its|the|their|a|an|his|her|our|average|first|second|third|fourth|fifth|initial|regular|"
        r"(?:non-?)?consecutive|straight|latest|last|previous)\s+$",
        words_before(m.string, m.start(), 1),
    ):
        return None  # an adjective: "its quarterly dividend", "average daily volume"
    return Resolution("SET", V.FREQUENCY_WORDS[normalized(m.group("freq"))])


RULES: tuple[Rule, ...] = (
    # --- sets
    Rule(
        "every",
        r"(?:every|each|per)\s+(?:other\s+)?(?:{num:n}\s+)?(?:{weekday}|{month}|{season}|{anyunit}|(?P<pod>morning|afternoon|evening|night))",
        resolver=resolve_set,
        triggers=("set",),
        requires=("every", "each", "per"),
        reach=(10, 20),
    ),
    Rule(
        "weekends",
        r"(?:(?<=on\s)|(?<=at\s)|(?<=during\s))weekends|every\s+weekend",
        resolver=resolve_weekends,
        triggers=("unit",),
        requires=("weekend",),
        reach=(8, 10),
    ),
    Rule(
        "every_day",
        r"everyday(?![ \t]+[a-z])",  # not the adjective: "everyday life"
        resolver=resolve_set,
        triggers=("set",),
        reach=(1, 1),
    ),
    Rule(
        "times_per",
        r"(?:once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+{unit}",
        resolver=resolve_set,
        triggers=("set",),
        requires=("once", "twice", "thrice", "times"),
        reach=(20, 20),
    ),
    Rule(
        "frequency",
        r"{freq}",
        resolver=resolve_frequency,
        triggers=("set",),
        reach=(1, 1),
    ),
)
