"""Named extraction rules: which text spans are time expressions, and of what kind.

Each :class:`Rule` is a readable pattern with ``{slots}`` filled from the tables in
``vocabulary.py`` (``{month}`` becomes a named group matching any month name) and
the name of the resolver function in ``resolver.py`` that turns a match into a
TIMEX3 type and value. A slot may be renamed with ``{slot:name}`` when a pattern
needs it twice. Rules are tried everywhere; the tagger keeps the longest
non-overlapping matches, and earlier rules win ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import vocabulary as V

_NUM_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUM_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# A number written in words or digits, as it precedes a unit ("twenty four hours").
_NUMBER = (
    rf"(?:(?:\d+|{_NUM_ONES}|{_NUM_TEENS}|a|one)\s+(?:hundred|thousand)|\d+(?:\s+\d/\d)?|(?:{_NUM_TENS})(?:[\s-]+(?:{_NUM_ONES}))?|{_NUM_TEENS}|{_NUM_ONES}"
    r"|(?:a|one)\s+hundred|a\s+dozen|a\s+couple\s+of|a\s+couple|couple\s+of|an?|half\s+an?)"
    r"(?:\s+and\s+a\s+half)?"
)
_VAGUE = r"(?:a\s+few|few|several|some|many|a\s+number\s+of|the\s+next\s+few)"
_UNIT = V.alternation(V.UNITS)
_UNITS = V.alternation(V.UNIT_PLURALS)
_YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|noon|midnight)"
)
_DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"

# Slot name -> regex. Slots become named groups so resolvers can read the parts.
SLOTS: dict[str, str] = {
    # Full month names never take a period; "Sept." and "Jan" may.
    "month": "(?:" + V.alternation(k for k in V.MONTHS if len(k) > 4 or k in ("may", "june", "july"))
             + "|" + V.alternation(k for k in V.MONTHS if len(k) <= 4 and k not in ("may", "june", "july")) + r"\.?)",
    "weekday": V.alternation(V.WEEKDAY_FULL) + r"|(?:" + V.alternation(
        k for k in V.WEEKDAYS if k not in V.WEEKDAY_FULL) + r"\.)",
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
    "holiday": V.alternation([*V.FIXED_HOLIDAYS, *V.WEEKDAY_HOLIDAYS, *V.EASTER_HOLIDAYS]),
    "clock": _CLOCK,
    "zone": r"(?:" + "|".join(z.lower() for z in V.TIME_ZONES) + r")\b",
    "decade": r"(?:1[5-9]\d0|20[0-9]0)'?s|'\d0s|(?:" + _DECADE_WORDS + r")",
    "spokenyear": rf"(?:nineteen|eighteen)[\s-]+(?:(?:{_NUM_TENS})(?:[\s-]+(?:{_NUM_ONES}))?|{_NUM_TEENS}|hundred)"
                  rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_NUM_ONES}|{_NUM_TEENS}|(?:{_NUM_TENS})(?:[\s-]+(?:{_NUM_ONES}))?))?",
    "daynum": r"(?:" + "|".join(k for k in V.ORDINALS if not k[0].isdigit() and k not in ("last", "final")) + r")",
}

_SLOT_RE = re.compile(r"\{([a-z]\w*)(?::(\w+))?\}")


def _expand(pattern: str) -> str:
    """Replace ``{slot}``/``{slot:name}`` by a named group of the slot's regex."""

    def group(m: re.Match) -> str:
        slot, name = m.group(1), m.group(2) or m.group(1)
        if name == "_":  # {slot:_} is a plain, non-capturing use of the slot
            return f"(?:{SLOTS[slot]})"
        return f"(?P<{name}>{SLOTS[slot]})"

    # Word boundaries around the whole expression: no letter or digit may touch it.
    return r"(?<![\w$£€#])" + _SLOT_RE.sub(group, pattern) + r"(?![\w%])"


@dataclass(frozen=True)
class Rule:
    """A named pattern and the resolver turning its matches into TIMEX3 values."""

    name: str
    pattern: str
    resolver: str
    triggers: tuple[str, ...]  # trigger categories of which a match contains at least one
    requires: tuple[str, ...] = ()  # a match contains one of these strings (a quick pre-check)
    regex: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Compiled case-sensitive for speed: the tagger matches the lower-cased text.
        object.__setattr__(self, "regex", re.compile(_expand(self.pattern)))


# Cheap keyword classes. A rule is only run near a trigger of one of its classes,
# which keeps the tagger fast: most of a news text holds no time word at all.
# Words are looked up in TRIGGER_WORDS (lower case); digits go through
# TRIGGER_REGEXES.
def _words(*tables) -> set[str]:
    return {w for table in tables for phrase in table for w in re.findall(r"[a-z]+", phrase)}


TRIGGER_WORDS: dict[str, tuple[str, ...]] = {}
for _category, _words_of in (
    ("set", _words(["every", "each", "per", "everyday", "once", "twice", "thrice", "times"], V.FREQUENCY_WORDS)),
    ("holiday", {"christmas", "easter", "thanksgiving", "halloween", "valentine", "patrick", "independence",
                 "labor", "labour", "memorial", "veterans", "armistice", "boxing", "bastille", "columbus",
                 "pentecost", "mother", "father", "presidents", "luther", "ash", "palm", "eve"}),
    ("season", set(V.SEASONS)),
    ("ref", _words(V.REFERENCE_WORDS) - {"the", "a", "at", "as", "in", "this", "right", "until", "more",
                                          "near", "long", "short", "later", "days", "years", "months"} | {"time"}),
    ("offset", set(V.DAY_OFFSETS) - {"the day before yesterday", "the day after tomorrow"}),
    ("pod", _words(V.PARTS_OF_DAY) - {"mid"}),
    ("quarter", {"quarter", "quarters", "half", "period", "ago", "earlier"}),
    ("unit", _words(V.UNITS, V.UNIT_PLURALS) - {"trading", "business"}),
    ("year", {"nineteen", "thousand", *_DECADE_WORDS.split("|")}),
    ("weekday", set(V.WEEKDAYS) | {d + "s" for d in V.WEEKDAY_FULL}),
    ("month", set(V.MONTHS)),
    ("clock", {"noon", "midnight"}),
):
    for _word in _words_of:
        TRIGGER_WORDS[_word] = TRIGGER_WORDS.get(_word, ()) + (_category,)  # "night": pod and unit

# Digit triggers in one pass; the leading (?=\d) lets the regex engine skip to digits.
DIGIT_TRIGGER_REGEX = re.compile(
    r"(?=\d)(?:(?P<numdate>\d{1,4}[/-]\d\d?[/-]\d\d)"
    r"|(?P<clock>\d(?::[0-5]\d)?\s*[ap]\.?m\b|\d:[0-5]\d)"
    r"|(?P<year>(?:1[5-9]|20)\d\d(?!\d)|\d0s\b))"
)
TOKEN_REGEX = re.compile(r"[a-z]+")


# Order matters only for ties between equally long matches: earlier wins.
RULES: tuple[Rule, ...] = (
    # --- clock times, optionally with a zone and a day ("5 p.m. EST, Nov. 9")
    Rule("clock_day", r"{clock}(?:\s+{zone})?,?\s+(?:on\s+)?(?:{weekday}(?:,?\s+{month}\s+{day})?|{month:month2}\s+{day:day2}|{offset})", "clock", ("clock",)),
    Rule("day_clock", r"(?:{weekday}|{offset}),?\s+(?:at\s+)?{clock}(?:\s+{zone})?", "clock", ("clock",)),
    Rule("clock", r"{clock}(?:\s+{zone})?", "clock", ("clock",)),
    # --- absolute calendar dates
    Rule("iso_date", r"{year}-(?P<mnum>0[1-9]|1[0-2])-(?P<dnum>[0-2]\d|3[01])", "numeric_date", ("numdate",)),
    Rule("us_date", r"(?P<mnum>1[0-2]|0?[1-9])/(?P<dnum>[12]\d|3[01]|0?[1-9])/(?P<ynum>\d{4}|\d\d)", "numeric_date", ("numdate",)),
    Rule("month_day", r"(?:{weekday},?\s+)?{month}\s+{day}(?:,?\s+{year})?", "month_day", ("month",), ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    Rule("month_daynum", r"(?:{weekday},?\s+)?{month}\s+(?:the\s+)?{daynum}(?:,?\s+{year})?", "month_day", ("month",)),
    Rule("day_month", r"(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?", "month_day", ("month",), ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    Rule("daynum_month", r"(?:{weekday},?\s+)?the\s+{daynum}\s+of\s+{month}(?:,?\s+{year})?", "month_day", ("month",)),
    Rule("month_day_range", r"{month}\s+{day}\s*(?:-|to|through|until|and)\s*{day:day2}(?:,?\s+{year})?", "month_day_range", ("month",), ("-", "to", "through", "until", "and ",)),
    Rule("month_year", r"{month},?\s+(?:of\s+)?(?:{year}|{spokenyear})", "month_year", ("month",), ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "nineteen", "eighteen", "thousand")),
    Rule("month_rel_year", r"{month}\s+(?:of\s+)?(?P<rel>this|last|next|that)\s+year", "month_year", ("month",)),
    Rule("rel_month", r"(?:{rel}\s+){month}", "rel_month", ("month",)),
    Rule("month", r"{month}", "month", ("month",)),
    Rule("year", r"(?:(?:the\s+)?(?:fiscal|calendar)(?:\s+year)?\s+|fy\s*|the\s+year\s+)?{year}(?:\s+(?:or\s+later|and\s+beyond))?(?![-/]\d|\s*%|,\d|\.\d)", "year", ("year",)),
    Rule("spoken_year", r"(?:the\s+year\s+)?{spokenyear}", "year", ("year",)),
    Rule("decade", r"(?:the\s+)?{decade}", "decade", ("year",)),
    Rule("century", r"(?:the\s+)?(?:{ordinal}|(?P<nth>\d{1,2})(?:st|nd|rd|th))[\s-]century", "century", ("unit",), ("century",)),
    Rule("holiday", r"{holiday}(?:\s+{year})?", "holiday", ("holiday",)),
    # --- seasons, quarters and halves
    Rule("season_year", r"(?:the\s+)?{season}\s+(?:of\s+)?(?:{year}|{spokenyear})", "season", ("season",), ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "nineteen", "eighteen", "thousand")),
    Rule("year_season", r"(?:the\s+)?{year}\s+{season}", "season", ("season",), ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    Rule("rel_season", r"{rel}\s+{season}", "season", ("season",)),
    Rule("the_season", r"(?:the|this)\s+(?:early\s+|late\s+)?{season}", "season", ("season",)),
    Rule("quarter", r"(?:the\s+(?![\w]+-quarter))?(?:{year:qyear}\s+|(?P<qrel>this|last|next)\s+year's\s+|(?P<qago>year-ago|year-earlier|comparable(?:\s+year-ago)?|corresponding|fiscal|calendar|flat|strong|weak|disappointing|seasonally\s+slow)[\s-]+)*{ordinal}[\s-]+(?:fiscal\s+)?quarters?(?:\s+(?:of|in)\s+(?:(?:fiscal\s+)?{year:qyear2}|(?P<qrel2>this|last|next)\s+year))?(?!-)", "quarter", ("unit",), ("quarter",)),
    Rule("quarter_ref", r"(?:the|this|that|last|next|its)\s+(?:{year:qyear}\s+|(?P<qword>latest|current|previous|past|year-ago|year-earlier|comparable|comparable\s+year-ago|same|corresponding|year-ago)\s+)?(?:quarter|period)(?:\s+(?P<qago>a\s+year\s+(?:ago|earlier)|last\s+year))?", "quarter_ref", ("unit", "quarter",), ("quarter", "period",)),
    Rule("year_ago_adj", r"(?P<qago>year-ago|year-earlier)", "quarter_ref", ("quarter",)),
    Rule("half", r"(?:the\s+)?(?P<half>first|second|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+(?:{year}|(?P<qrel2>this|last|next)\s+year|the\s+year))?", "half", ("quarter",), ("half",)),
    # --- relative to the DCT
    Rule("offset_pod", r"(?:later\s+|earlier\s+)?(?:{offset}|{weekday}|(?P<this>this|last|tomorrow))\s+{pod}", "pod", ("pod",)),
    Rule("pod_offset", r"(?:(?P<mid>mid[\s-]?))?{pod}\s+(?:of\s+|on\s+)?(?:{offset}|{weekday})", "pod", ("pod",)),
    Rule("the_pod", r"(?:later\s+|earlier\s+)?(?:the\s+|this\s+|that\s+)?(?P<bare>morning|afternoon|evening|overnight|mid-?afternoon|mid\s+afternoon)", "pod", ("pod",)),
    Rule("offset", r"(?:the\s+)?{offset}", "day_offset", ("offset",)),
    Rule("weekday", r"{weekday}", "weekday", ("weekday",)),
    Rule("weekday_pl", r"(?P<weekdays>(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s)(?:\s+(?P<pods>mornings|afternoons|evenings|nights))?", "weekday_set", ("weekday",), ("days",)),
    Rule("weekday_nights", r"{weekday}\s+(?P<pods>mornings|afternoons|evenings|nights)", "weekday_set", ("weekday",), ("nights", "mornings", "evenings", "afternoons",)),
    Rule("rel_weekday", r"(?:the\s+)?(?:{rel}|{ana})\s+{weekday}", "weekday", ("weekday",)),
    Rule("rel_unit", r"(?:the\s+(?=past|last|current|latest|present))?{rel}\s+(?P<unit>week|weekend|month|year|decade|century|fiscal\s+year)(?:\s+or\s+so)?", "rel_unit", ("unit",)),
    Rule("the_unit", r"(?:the|this)\s+(?:(?P<unit>week|month|year|decade|fiscal\s+year)(?=\s*(?:'s|,|\.|;|\)|\s+(?:before|ended|ending|to\s+date|so\s+far|as\s+a\s+whole)\b))|(?P<unit2>weekend))", "rel_unit", ("unit",)),
    Rule("year_end", r"(?:year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year)", "year_end", ("unit",), ("end",)),
    Rule("ago", r"(?:(?:{num}|{vague})\s+{anyunit}|(?P<bareunits>years|months|weeks|days|decades))(?:\s+or\s+so)?\s+ago", "ago", ("unit",), ("ago",)),
    Rule("earlier_later", r"{num}\s+{anyunit:unit}\s+(?:or\s+so\s+)?(?P<dir>earlier|later)", "earlier_later", ("unit",), ("earlier", "later",)),
    Rule("in_the_unit", r"(?P<dir>earlier|later)\s+(?:in\s+the|that|this)\s+(?P<unit>day|week|month|year|decade|morning|afternoon|evening)", "in_the_unit", ("unit", "pod",), ("earlier", "later",)),
    Rule("ana_unit", r"(?:the|that)\s+(?:{ana}\s+)?(?P<unit>day|week|month|year|quarter)(?:\s+(?P<dir>before|after|earlier|later))?(?:\s+or\s+so)?", "anaphoric_unit", ("unit",)),
    Rule("that_unit", r"(?:that|the\s+same)\s+(?P<unit>day|week|month|year|quarter)", "anaphoric_unit", ("unit", "ref",), ("that", "same",)),
    Rule("ref", r"{ref}", "reference", ("ref", "unit",)),
    Rule("rel_plural", r"(?:the\s+)?(?:(?P<rel>recent|coming|past|last|next|previous|following|ensuing)\s+{units}(?:\s+and\s+{units:units2})?|(?P<units3>weeks|months|years|days)\s+ahead)", "vague_duration", ("unit",), ("recent", "coming", "past", "last", "next", "previous", "following", "ensuing",)),
    # --- durations
    Rule("duration", r"(?:the\s+)?(?:(?P<rel>first|last|past|next|coming|previous|following|latest|final|remaining|initial|year-earlier|year-ago|full|entire|whole|same)\s+)?(?:{num}|{vague})(?:\s+(?:to|or)\s+{num:num2})?\s+(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+|short\s+|trading\s+)?(?:{anyunit})(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?", "duration", ("unit",)),
    Rule("duration_pair", r"{num}\s+{anyunit:unit}\s+and\s+{num:num2}\s+{anyunit:unit2}", "duration", ("unit",), (" and ",)),
    Rule("duration_adj", r"(?:(?:a|an|the)\s+(?=\S+\s+(?:period|term|span|stretch)))?{num}[\s-]+(?P<unit>year|month|week|day|hour|minute|decade|quarter)(?:s)?(?P<old>-old|-long)?(?:\s+(?:period|term|span|stretch))?", "duration", ("unit",)),
    Rule("bare_plural", r"(?:(?<=for\s)|(?<=in\s)|(?<=within\s)|(?<=after\s)|(?<=over\s)|(?<=lasted\s)|(?<=take\s)|(?<=took\s)|(?<=takes\s))(?:(?:the|recent)\s+)?(?P<units>(?:years|months|weeks|days|decades|centuries|hours|minutes))(?:\s+(?:or|and)\s+{units:units2})?", "vague_duration", ("unit",)),
    Rule("bare_plural_of", r"(?P<units>years|months|weeks|decades|centuries)(?=\s+(?:of|ago|later|earlier|before|after)\b)", "vague_duration", ("unit",), (" of", " ago", " later", " earlier", " before", " after")),
    # --- sets
    Rule("every", r"(?:every|each|per)\s+(?:other\s+)?(?:{num:n}\s+)?(?:{weekday}|{month}|{season}|{anyunit}|(?P<pod>morning|afternoon|evening|night))", "set", ("set",), ("every", "each", "per",)),
    Rule("every_day", r"everyday", "set", ("set",)),
    Rule("times_per", r"(?:once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+{unit}", "set", ("set",), ("once", "twice", "thrice", "times",)),
    Rule("frequency", r"{freq}", "frequency", ("set",)),
)


# Words just before a date that say which part of it is meant ("early January",
# "late on June 9", "the end of 1994"); group "pos" is a key of POSITION_MODS.
POSITION_PREFIX = re.compile(
    r"(?<![\w-])(?P<pos>the\s+(?:beginning|start|end|middle|close)\s+of|(?:the\s+)?(?:very\s+)?"
    r"(?:early|late|earlier|later|mid))(?:-|\s+(?:on\s+|in\s+)?)$",
    re.IGNORECASE,
)

# Approximation/comparison words just before a quantity ("nearly two years",
# "more than a week", "around 7:15 p.m."); group "qmod" is a key of QUANTITY_MODS.
QUANTITY_PREFIX = re.compile(
    r"(?<![\w-])(?P<qmod>" + "|".join(
        k.replace(" ", r"\s+") for k in sorted(V.QUANTITY_MODS, key=len, reverse=True)
    ) + r")\s+$",
    re.IGNORECASE,
)

TRIGGER_SET = frozenset(TRIGGER_WORDS)
