"""The ``{slots}`` of the rules' patterns: one regex per kind of word, from ``vocabulary.py``.

A pattern reads like ``{month} {day}``: :func:`expand` replaces each slot by a named
group of its regex, so a resolver reads the parts by name (``m.group("month")``). A
slot may be renamed with ``{slot:name}`` when a pattern needs it twice, or used
without a group as ``{slot:_}``.
"""

from __future__ import annotations

import re

from .. import vocabulary as V

_NUM_TENS = "|".join(V.TENS)
_NUM_ONES = "|".join(V.ONES)
_NUM_TEENS = "|".join(V.TEENS)
# A number written in words or digits, as it precedes a unit ("twenty four hours").
_NUMBER = (
    rf"(?:(?:\d+|{_NUM_ONES}|{_NUM_TEENS}|a|one)\s+(?:hundred|thousand)|\d{{1,3}}(?:,\d{{3}})+|\d+\.\d+|\d+(?:\s+\d/\d)?|(?:{_NUM_TENS})(?:[\s-]+(?:{_NUM_ONES}))?|{_NUM_TEENS}|{_NUM_ONES}"
    r"|(?:a|one)\s+hundred|a\s+dozen|a\s+couple\s+of|a\s+couple|couple\s+of|another|an?|half\s+an?)"
    r"(?:\s+and\s+a\s+half)?"
)
_VAGUE = V.alternation(V.VAGUE_QUANTITIES)
_UNIT = V.alternation(V.UNITS)
_UNITS = V.alternation(V.UNIT_PLURALS)
_YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]|\.\d)|(?:1[0-2]|0?[1-9])\s+o'clock|noon|midnight"
    r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:gmt|utc|local\s+time|hours?)\b))"
)
_DECADE_WORDS = "|".join(V.DECADE_WORDS)

# Slot name -> regex. Slots become named groups so resolvers can read the parts.
SLOTS: dict[str, str] = {
    # Full month names never take a period; "Sept." and "Jan" may.
    "month": "(?:"
    + V.alternation(k for k in V.MONTHS if len(k) > 4 or k in ("may", "june", "july"))
    + "|"
    + V.alternation(k for k in V.MONTHS if len(k) <= 4 and k not in ("may", "june", "july"))
    + r"\.?)",
    "weekday": V.alternation(V.WEEKDAY_FULL)
    + r"|(?:"
    + V.alternation(k for k in V.WEEKDAYS if k not in V.WEEKDAY_FULL)
    + r"\.)",
    "day": _DAY + r"(?:st|nd|rd|th)?",
    "year": _YEAR4,
    "num": _NUMBER,
    "vague": _VAGUE,
    "unit": _UNIT,
    "units": _UNITS,
    "anyunit": r"(?:" + _UNITS + "|" + _UNIT + r")",
    "pod": V.alternation(V.PARTS_OF_DAY),
    "season": V.alternation(V.SEASONS),
    "ordinal": V.alternation(V.ORDINALS),
    "rel": V.alternation(V.RELATIVE_DETERMINERS),
    "ana": V.alternation(V.ANAPHORIC_DETERMINERS),
    "ref": V.alternation(V.REFERENCE_WORDS),
    "offset": V.alternation(V.DAY_OFFSETS),
    "freq": V.alternation(V.FREQUENCY_WORDS),
    "vaguespan": V.alternation(V.VAGUE_DURATIONS),
    "longadj": V.alternation(V.LONG_ADJECTIVES),
    "qadj": V.alternation(V.QUARTER_ADJECTIVES),
    "holiday": V.alternation(
        [*V.FIXED_HOLIDAYS, *V.WEEKDAY_HOLIDAYS, *V.EASTER_HOLIDAYS, *V.HOLIDAY_OFFSETS, *V.LUNAR_HOLIDAYS]
    ),
    "clock": _CLOCK,
    "zone": r"(?:(?:" + "|".join(z.lower() for z in V.TIME_ZONES) + r")\b|local\s+time\b)",
    "decade": r"(?:1[5-9]\d0|20[0-9]0)'?s|'\d0s|(?:" + _DECADE_WORDS + r")",
    "spokenyear": rf"(?:nineteen|eighteen)[\s-]+(?:(?:{_NUM_TENS})(?:[\s-]+(?:{_NUM_ONES}))?|{_NUM_TEENS}|hundred)"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_NUM_ONES}|{_NUM_TEENS}|(?:{_NUM_TENS})(?:[\s-]+(?:{_NUM_ONES}))?))?",
    "daynum": r"(?:" + "|".join(k for k in V.ORDINALS if not k[0].isdigit() and k not in ("last", "final")) + r")",
}
_SLOT_RE = re.compile(r"\{([a-z]\w*)(?::(\w+))?\}")


def expand(pattern: str) -> str:
    """Replace ``{slot}``/``{slot:name}`` by a named group of the slot's regex."""

    def group(m: re.Match) -> str:
        slot, name = m.group(1), m.group(2) or m.group(1)
        if name == "_":  # {slot:_} is a plain, non-capturing use of the slot
            return f"(?:{SLOTS[slot]})"
        return f"(?P<{name}>{SLOTS[slot]})"

    # Word boundaries around the whole expression: no letter or digit may touch it.
    # nor may it start inside a number: "5 years" of "2.5 years", "500 days" of "1,500 days"
    return r"(?<![\w$£€#])(?<!\d[.,])(?:" + _SLOT_RE.sub(group, pattern) + r")(?![\w%])"
