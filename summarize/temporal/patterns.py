"""Named extraction rules: which text spans are time expressions, and of what kind.

Each :class:`Rule` is a readable pattern with ``{slots}`` filled from the tables in
``vocabulary.py`` (``{month}`` becomes a named group matching any month name) and
the name of the resolver function in ``resolver.py`` that turns a match into a
TIMEX3 type and value. A slot may be renamed with ``{slot:name}`` when a pattern
needs it twice, or used without a group as ``{slot:_}``. A rule is only tried near
its trigger words (``TRIGGER_WORDS``, within ``reach`` characters); the tagger
keeps the longest non-overlapping matches, and earlier rules win ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import vocabulary as V

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
    "vaguespan": V.alternation(V.VAGUE_DURATIONS),
    "longadj": V.alternation(V.LONG_ADJECTIVES),
    "qadj": V.alternation(V.QUARTER_ADJECTIVES),
    "holiday": V.alternation([*V.FIXED_HOLIDAYS, *V.WEEKDAY_HOLIDAYS, *V.EASTER_HOLIDAYS, *V.HOLIDAY_OFFSETS,
                              *V.LUNAR_HOLIDAYS]),
    "clock": _CLOCK,
    "zone": r"(?:(?:" + "|".join(z.lower() for z in V.TIME_ZONES) + r")\b|local\s+time\b)",
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
    # nor may it start inside a number: "5 years" of "2.5 years", "500 days" of "1,500 days"
    return r"(?<![\w$£€#])(?<!\d[.,])(?:" + _SLOT_RE.sub(group, pattern) + r")(?![\w%])"


DIGIT = "<digit>"  # in Rule.requires: any digit


@dataclass(frozen=True)
class Rule:
    """A named pattern and the resolver turning its matches into TIMEX3 values."""

    name: str
    pattern: str
    resolver: str
    triggers: tuple[str, ...]  # trigger categories of which a match contains at least one
    requires: tuple[str, ...] = ()  # a match contains one of these strings (a quick pre-check)
    reach: tuple[int, int] = (40, 40)  # how many characters a match may span before/after a trigger
    # Which modifier words just before a match may join it: "position" ("early",
    # "late on", "the end of": dates) and/or "quantity" ("about", "more than"), or
    # "approx", the quantity words of approximation only ("around June 9", but "up
    # to June 9" is a signal like "until").
    prefixes: tuple[str, ...] = ()
    regex: re.Pattern = field(init=False, repr=False, compare=False)
    requires_regex: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One regex for the pre-check: a single C call per window instead of one find per word.
        parts = [r"\d" if word == DIGIT else re.escape(word) for word in self.requires]
        requires = re.compile("|".join(parts)) if parts else None
        object.__setattr__(self, "requires_regex", requires)
        # Compiled case-sensitive for speed: the tagger matches the lower-cased text.
        object.__setattr__(self, "regex", re.compile(_expand(self.pattern)))


# Cheap keyword classes. A rule is only run near a trigger of one of its classes,
# which keeps the tagger fast: most of a news text holds no time word at all.
# Words are looked up in TRIGGER_WORDS (lower case, a word may belong to several
# classes); digits go through DIGIT_TRIGGER_REGEX.
def _words(*tables) -> set[str]:
    return {w for table in tables for phrase in table for w in re.findall(r"[a-z]+", phrase)}


TRIGGER_WORDS: dict[str, tuple[str, ...]] = {}
for _category, _words_of in (
    ("set", _words(["every", "each", "per", "everyday", "once", "twice", "thrice", "times"], V.FREQUENCY_WORDS)),
    # Holiday names, less the common words ("day", "new") that would trigger everywhere;
    # "Good Friday" and "May Day" are reached through their weekday and month.
    ("holiday", _words(V.FIXED_HOLIDAYS, V.WEEKDAY_HOLIDAYS, V.EASTER_HOLIDAYS, V.HOLIDAY_OFFSETS, V.LUNAR_HOLIDAYS)
     - {"day", "the", "of", "s", "st", "new", "year", "good", "may", "fourth", "july", "martin", "king", "sunday", "monday",
        "wednesday", "black", "spring"}),
    ("season", set(V.SEASONS)),
    ("ref", (_words(V.REFERENCE_WORDS) | {"while"}) - {"the", "a", "at", "as", "in", "this", "right", "until", "more",
                                          "near", "long", "short", "later", "days", "years", "months"} | {"time"}),
    ("offset", set(V.DAY_OFFSETS) - {"the day before yesterday", "the day after tomorrow"}),
    ("pod", _words(V.PARTS_OF_DAY) - {"mid"}),
    ("quarter", {"quarter", "quarters", "half", "period", "ago", "earlier"}),
    ("unit", _words(V.UNITS, V.UNIT_PLURALS, V.LONG_ADJECTIVES, ["millennium"]) - {"trading", "business", "long"}),
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
    r"|(?P<clock>\d(?:[:.][0-5]\d)?\s*[ap]\.?m\b|\d:[0-5]\d|\d\s+o'clock|\d{4}\s+(?:gmt|utc|local|hours))"
    r"|(?P<year>(?:1[5-9]|20)\d\d(?!\d)|\d0s\b))"
)
TOKEN_REGEX = re.compile(r"[a-z]+")


# Order matters only for ties between equally long matches: earlier wins.
RULES: tuple[Rule, ...] = (
    # --- clock times, optionally with a zone and a day ("5 p.m. EST, Nov. 9")
    Rule(
        "clock_day",
        r"{clock}(?:\s+{zone})?,?\s+(?:on\s+)?(?:{weekday}(?:,?\s+{month}\s+{day})?|{month:month2}\s+{day:day2}|{offset})",
        resolver="clock",
        triggers=("clock",),
        prefixes=("quantity",),
    ),
    Rule(
        "day_clock",
        r"(?:{weekday}|{offset}),?\s+(?:at\s+)?{clock}(?:\s+{zone})?",
        resolver="clock",
        triggers=("clock",),
        prefixes=("quantity",),
    ),
    Rule(
        "clock",
        r"{clock}(?:\s+{zone})?",
        resolver="clock",
        triggers=("clock",),
        prefixes=("quantity",),
    ),
    # --- absolute calendar dates
    Rule(
        "iso_date",
        r"{year}-(?P<mnum>0[1-9]|1[0-2])-(?P<dnum>[0-2]\d|3[01])",
        resolver="numeric_date",
        triggers=("numdate",),
    ),
    Rule(
        "us_date",
        r"(?P<mnum>1[0-2]|0?[1-9])/(?P<dnum>[12]\d|3[01]|0?[1-9])/(?P<ynum>\d{4}|\d\d)",
        resolver="numeric_date",
        triggers=("numdate",),
    ),
    Rule(
        "month_day",
        r"(?:{weekday},?\s+)?{month}\s+{day}(?:(?:,\s*|\s+){year}|\s+(?:of\s+)?(?P<drel>this|last|next)\s+year)?",
        resolver="month_day",
        triggers=("month",),
        requires=(DIGIT,),
        reach=(12, 20),
        prefixes=("position", "approx"),
    ),
    Rule(
        "month_daynum",
        r"(?:{weekday},?\s+)?{month}\s+(?:the\s+)?{daynum}(?:,?\s+{year})?",
        resolver="month_day",
        triggers=("month",),
        reach=(12, 16),
        prefixes=("position",),
    ),
    Rule(
        "day_month",
        r"(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?",
        resolver="month_day",
        triggers=("month",),
        requires=(DIGIT,),
        reach=(18, 8),
        prefixes=("position",),
    ),
    Rule(
        "daynum_month",
        r"(?:{weekday},?\s+)?the\s+{daynum}\s+of\s+{month}(?:,?\s+{year})?",
        resolver="month_day",
        triggers=("month",),
        reach=(30, 8),
        prefixes=("position",),
    ),
    Rule(
        "week_of_date",
        r"(?:the\s+)?week\s+of\s+{month}\s+{day}(?:,?\s+{year})?",
        resolver="week_of_date",
        triggers=("month",),
        requires=("week",),
        reach=(16, 12),
        prefixes=("position",),
    ),
    Rule(
        "month_day_range",
        r"{month}\s+{day}\s*(?:-|to|through|until|and)\s*{day:day2}(?:,?\s+{year})?",
        resolver="month_day_range",
        triggers=("month",),
        requires=("-", "to", "through", "until", "and "),
        reach=(2, 22),
    ),
    Rule(
        "month_year",
        r"{month},?\s+(?:of\s+)?(?:{year}|{spokenyear})",
        resolver="month_year",
        triggers=("month",),
        requires=(DIGIT, "nineteen", "eighteen", "thousand"),
        reach=(2, 26),
        prefixes=("position",),
    ),
    Rule(
        "month_rel_year",
        r"{month}\s+(?:of\s+)?(?P<rel>this|last|next|that)\s+year",
        resolver="month_year",
        triggers=("month",),
        reach=(2, 16),
        prefixes=("position",),
    ),
    Rule(
        "rel_month",
        r"(?:{rel}\s+){month}",
        resolver="rel_month",
        triggers=("month",),
        reach=(16, 2),
        prefixes=("position",),
    ),
    Rule(
        "month",
        r"{month}",
        resolver="month",
        triggers=("month",),
        reach=(1, 2),
        prefixes=("position",),
    ),
    Rule(
        "year",
        r"(?:(?:the\s+)?(?:fiscal|calendar)(?:\s+year)?\s+|fy\s*|the\s+year\s+|(?P<yend>end-|year[\s-]end\s+))?{year}(?:\s+(?:or\s+later|and\s+beyond|or\s+after|or\s+earlier|or\s+before))?(?!/\d|-\d\d?(?!\d)|\s*%|,\d|\.\d)",
        resolver="year",
        triggers=("year",),
        reach=(24, 16),
        prefixes=("position",),
    ),
    Rule(
        "year_fiscal",
        r"(?:the\s+)?{year}\s+(?:fiscal|calendar|financial|tax)\s+year",
        resolver="year",
        triggers=("year",),
        reach=(5, 24),
        prefixes=("position",),
    ),
    Rule(
        "spoken_year",
        r"(?:the\s+year\s+)?{spokenyear}",
        resolver="year",
        triggers=("year",),
        reach=(15, 40),
        prefixes=("position",),
    ),
    Rule(
        "decade",
        r"(?:the\s+)?{decade}",
        resolver="decade",
        triggers=("year",),
        reach=(6, 4),
        prefixes=("position",),
    ),
    Rule(
        "century",
        r"(?:the\s+)?(?:{ordinal}|(?P<nth>\d{1,2})(?:st|nd|rd|th))[\s-]century",
        resolver="century",
        triggers=("unit",),
        requires=("century",),
        reach=(28, 10),
        prefixes=("position",),
    ),
    Rule(
        "millennium",
        r"(?:the\s+)?(?:(?P<mrel>new|next|coming|current|last|past|previous)\s+|{ordinal}\s+)?millennium",
        resolver="millennium",
        triggers=("unit",),
        requires=("millennium",),
        reach=(24, 10),
        prefixes=("position",),
    ),
    Rule(
        "holiday",
        r"{holiday}(?:\s+{year})?",
        resolver="holiday",
        triggers=("holiday", "unit"),
        reach=(20, 20),
        prefixes=("position",),
    ),
    # --- seasons, quarters and halves
    Rule(
        "season_year",
        r"(?:the\s+)?{season}\s+(?:of\s+)?(?:{year}|{spokenyear})",
        resolver="season",
        triggers=("season",),
        requires=(DIGIT, "nineteen", "eighteen", "thousand"),
        prefixes=("position",),
    ),
    Rule(
        "year_season",
        r"(?:the\s+)?{year}\s+{season}",
        resolver="season",
        triggers=("season",),
        requires=(DIGIT,),
        prefixes=("position",),
    ),
    Rule(
        "rel_season",
        r"{rel}\s+{season}",
        resolver="season",
        triggers=("season",),
        prefixes=("position",),
    ),
    Rule(
        "the_season",
        r"(?:the|this)\s+(?:early\s+|late\s+)?{season}",
        resolver="season",
        triggers=("season",),
        prefixes=("position",),
    ),
    Rule(
        "quarter",
        r"(?:the\s+(?![\w]+-quarter))?(?:{year:qyear}(?:'s)?\s+|(?P<qrel>this|last|next)\s+year's\s+|(?P<qtheyear>year's)\s+|(?:(?P<qago>year-ago|year-earlier|comparable(?:\s+year-ago)?|corresponding)|{qadj:_})[\s-]+)*{ordinal}[\s-]+(?:fiscal\s+)?quarters?(?:\s+(?:of|in)\s+(?:(?:fiscal\s+)?{year:qyear2}|(?P<qrel2>this|last|next)\s+year))?(?!-)",
        resolver="quarter",
        triggers=("unit",),
        requires=("quarter",),
        reach=(40, 30),
        prefixes=("position",),
    ),
    Rule(
        "quarter_ref",
        r"(?:the|this|that|last|next|its)\s+(?:{year:qyear}\s+|(?P<qword>latest|current|previous|past|year-ago|year-earlier|comparable|comparable\s+year-ago|same|corresponding|year-ago)\s+)?(?:quarter|period)(?:\s+(?P<qago>a\s+year\s+(?:ago|earlier)|(?:(?:of|in)\s+)?(?:last\s+year|the\s+previous\s+year)))?",
        resolver="quarter_ref",
        triggers=("unit", "quarter"),
        requires=("quarter", "period"),
        reach=(40, 22),
        prefixes=("position",),
    ),
    Rule(
        "year_ago_adj",
        r"(?P<qago>year-ago|year-earlier)",
        resolver="quarter_ref",
        triggers=("quarter",),
        reach=(8, 1),
    ),
    Rule(
        "half",
        r"(?:the\s+)?(?P<half>first|second|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+(?:{year}|(?P<qrel2>this|last|next)\s+year|the\s+year|(?:the\s+)?{decade}))?",
        resolver="half",
        triggers=("quarter",),
        requires=("half",),
        reach=(20, 30),
        prefixes=("position",),
    ),
    # --- relative to the DCT
    Rule(
        "offset_pod",
        r"(?:later\s+|earlier\s+)?(?:{offset}|{weekday}|(?P<this>this|last|tomorrow))\s+{pod}",
        resolver="pod",
        triggers=("pod",),
        prefixes=("position",),
    ),
    Rule(
        "pod_offset",
        r"(?:(?P<mid>mid[\s-]?))?{pod}\s+(?:of\s+|on\s+)?(?:{offset}|{weekday})",
        resolver="pod",
        triggers=("pod",),
    ),
    Rule(
        "pod_of_date",
        r"(?:the\s+)?{pod}\s+of\s+(?:{weekday},?\s+)?{month}\s+{day}(?:,?\s+{year})?",
        resolver="pod",
        triggers=("pod",),
        reach=(6, 30),
    ),
    Rule(
        "the_pod",
        r"(?:later\s+|earlier\s+)?(?:the\s+|this\s+|that\s+)?(?:(?P<podpos>early|late)\s+)?"
        r"(?P<bare>morning|afternoon|evening|overnight|mid-?afternoon|mid\s+afternoon|mid-?morning|mid\s+morning|mid-?evening"
        r"|(?<=that\s)night)"
        r"|(?<=at\s|by\s)(?P<bare2>dawn|dusk|midday|nightfall|daybreak)",
        resolver="pod",
        triggers=("pod",),
    ),
    Rule(
        "ana_pod",
        r"the\s+(?P<podana>next|following|previous|preceding)\s+(?P<anapod>morning|afternoon|evening|night)"
        r"|the\s+(?P<anapod2>morning|afternoon|evening|night)\s+(?P<poddir>before|after)",
        resolver="anaphoric_pod",
        triggers=("pod",),
        reach=(16, 12),
    ),
    Rule(
        "offset",
        r"(?:the\s+)?{offset}",
        resolver="day_offset",
        triggers=("offset",),
        reach=(30, 30),
        prefixes=("position", "quantity"),
    ),
    Rule(
        "weekday",
        r"{weekday}",
        resolver="weekday",
        triggers=("weekday",),
        reach=(1, 2),
        prefixes=("position",),
    ),
    Rule(
        "weekday_pl",
        r"(?P<weekdays>(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s)(?:\s+(?P<pods>mornings|afternoons|evenings|nights))?",
        resolver="weekday_set",
        triggers=("weekday",),
        requires=("days",),
        reach=(1, 20),
    ),
    Rule(
        "weekday_nights",
        r"(?:{weekday:first}\s+(?:and|or)\s+)?{weekday}\s+(?P<pods>mornings|afternoons|evenings|nights)",
        resolver="weekday_set",
        triggers=("weekday",),
        requires=("nights", "mornings", "evenings", "afternoons"),
        reach=(28, 12),
    ),
    Rule(
        "rel_weekday",
        r"(?:the\s+)?(?:{rel}|{ana})\s+{weekday}",
        resolver="weekday",
        triggers=("weekday",),
        reach=(22, 2),
        prefixes=("position",),
    ),
    Rule(
        "rel_unit",
        r"(?:the\s+(?=past|last|current|latest|present))?{rel}\s+(?P<unit>week|weekend|month|year|decade|century|fiscal\s+year)(?:\s+or\s+so)?",
        resolver="rel_unit",
        triggers=("unit",),
        reach=(28, 10),
        prefixes=("position",),
    ),
    Rule(
        "the_unit",
        r"(?:the|this)\s+(?:(?P<unit>week|month|year|decade|fiscal\s+year)(?=\s*(?:'s|,|\.|;|\)|\s+(?:before|ended|ending|to\s+date|so\s+far|as\s+a\s+whole)\b"
        r"|\s+(?:up\s+to|to|through|thru|until|till)\s+(?:{month:_}|{weekday:_}|\d)))|full\s+(?P<unit3>year|month|week|fiscal\s+year)|(?P<unit2>weekend))",
        resolver="rel_unit",
        triggers=("unit",),
        reach=(12, 22),
        prefixes=("position",),
    ),
    Rule(
        "year_end",
        r"(?:year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year)",
        resolver="year_end",
        triggers=("unit",),
        requires=("end",),
        reach=(16, 6),
        prefixes=("quantity",),
    ),
    Rule(
        "ago",
        r"(?:(?:{num}|{vague})\s+{anyunit}|(?P<bareunits>years|months|weeks|days|decades))(?:\s+or\s+so)?\s+ago",
        resolver="ago",
        triggers=("unit",),
        requires=("ago",),
        reach=(40, 16),
        prefixes=("quantity",),
    ),
    Rule(
        "from_now",
        r"(?:{num}|{vague})\s+{anyunit}\s+from\s+(?:now|today)",
        resolver="from_now",
        triggers=("unit",),
        requires=(" from ",),
        reach=(40, 16),
        prefixes=("quantity",),
    ),
    Rule(
        "earlier_later",
        r"{num}\s+{anyunit:unit}\s+(?:or\s+so\s+)?(?P<dir>earlier|later)",
        resolver="earlier_later",
        triggers=("unit",),
        requires=("earlier", "later"),
        reach=(30, 20),
    ),
    Rule(
        "in_the_unit",
        r"(?P<dir>earlier|later)\s+(?:in\s+the|that|this)\s+(?P<unit>day|week|month|year|decade|morning|afternoon|evening)",
        resolver="in_the_unit",
        triggers=("unit", "pod"),
        requires=("earlier", "later"),
        reach=(20, 2),
    ),
    Rule(
        "ana_unit",
        r"(?:the|that)\s+(?:{ana}\s+)?(?P<unit>day|week|month|year|quarter|decade|century)(?:\s+(?P<dir>before|after|earlier|later))?(?:\s+or\s+so)?",
        resolver="anaphoric_unit",
        triggers=("unit",),
        reach=(18, 18),
        prefixes=("position",),
    ),
    Rule(
        "that_unit",
        r"(?:that|the\s+same)\s+(?P<unit>day|week|month|year|quarter)",
        resolver="anaphoric_unit",
        triggers=("unit",),
        requires=("that", "same"),
        reach=(10, 2),
    ),
    Rule(
        "ref",
        r"{ref}",
        resolver="reference",
        triggers=("ref",),
        reach=(14, 16),
    ),
    Rule(
        "rel_plural",
        r"(?:the\s+)?(?:(?P<rel>recent|coming|past|last|next|previous|following|ensuing)\s+{units}(?:\s+and\s+{units:units2})?|(?P<units3>weeks|months|years|days)\s+ahead)",
        resolver="vague_duration",
        triggers=("unit",),
        requires=("recent", "coming", "past", "last", "next", "previous", "following", "ensuing", "ahead"),
        reach=(25, 30),
        prefixes=("quantity",),
    ),
    Rule(
        "at_the_time",
        r"(?<=at\s)the\s+time",
        resolver="at_the_time",
        triggers=("ref",),
        reach=(4, 1),
    ),
    # --- durations
    Rule(
        "vague_span",
        r"{vaguespan}",
        resolver="vague_span",
        triggers=("ref",),
        reach=(12, 12),
    ),
    Rule(
        "duration",
        r"(?:the\s+)?(?:(?P<rel>first|last|past|next|coming|previous|following|latest|final|remaining|initial|year-earlier|year-ago|full|entire|whole|same)\s+)?(?:{num}|{vague})(?:\s+(?:to|or)\s+(?!an?\s){num:num2})?\s+(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+|short\s+|trading\s+)?(?:{anyunit})(?P<andhalf>\s+and\s+a\s+half)?(?:\s+or\s+so)?",
        resolver="duration",
        triggers=("unit",),
        reach=(40, 20),
        prefixes=("quantity",),
    ),
    Rule(
        "duration_pair",
        r"{num}\s+{anyunit:unit}\s+and\s+{num:num2}\s+{anyunit:unit2}",
        resolver="duration",
        triggers=("unit",),
        requires=(" and ",),
        prefixes=("quantity",),
    ),
    Rule(
        "duration_adj",
        r"(?:(?:a|an|the)\s+(?=\S+\s+(?:period|term|span|stretch)))?{num}[\s-]+(?P<unit>year|month|week|day|hour|minute|decade|quarter)(?:s)?(?P<old>-old|-older|-younger|-long)?(?:\s+(?:period|term|span|stretch))?",
        resolver="duration",
        triggers=("unit",),
        reach=(26, 16),
        prefixes=("quantity",),
    ),
    Rule(
        "hours_minutes",
        r"{num}\s+(?P<unit>hours?|minutes?)\s+{num:num2}\s+(?P<unit2>minutes?|seconds?)",  # "2 hours 45 minutes"
        resolver="duration",
        triggers=("unit",),
        requires=("minute",),
        prefixes=("quantity",),
    ),
    Rule(
        "long_adj",
        r"{longadj}",
        resolver="long_adjective",
        triggers=("unit",),
        requires=("long",),
        reach=(1, 6),
    ),
    Rule(
        "bare_plural",
        r"(?:(?<=for\s)|(?<=in\s)|(?<=within\s)|(?<=after\s)|(?<=over\s)|(?<=lasted\s)|(?<=take\s)|(?<=took\s)|(?<=takes\s))(?:(?:the|recent)\s+)?(?P<units>(?:years|months|weeks|days|decades|centuries|hours|minutes))(?:\s+(?:or|and)\s+{units:units2})?",
        resolver="vague_duration",
        triggers=("unit",),
        reach=(12, 22),
    ),
    Rule(
        "bare_plural_of",
        r"(?P<units>years|months|weeks|decades|centuries)(?=\s+(?:of|ago|later|earlier|before|after)\b)"
        # "hours after the blast", "days later"; not "the minutes of the meeting"
        r"|(?P<units2>days|hours|minutes)(?=\s+(?:ago|later|earlier|before|after)\b)"
        # "in the first hours of the ground war", "in the early years"
        r"|the\s+(?:(?:first|final|initial|opening|closing)\s+(?P<units3>years|months|weeks|days|hours|minutes|decades)"
        r"|early\s+(?P<units4>years|decades))",  # not "the early hours" (of a night), "the early days of"
        resolver="vague_duration",
        triggers=("unit",),
        requires=(" of", " ago", " later", " earlier", " before", " after", "the "),
        reach=(20, 12),
    ),
    # --- sets
    Rule(
        "every",
        r"(?:every|each|per)\s+(?:other\s+)?(?:{num:n}\s+)?(?:{weekday}|{month}|{season}|{anyunit}|(?P<pod>morning|afternoon|evening|night))",
        resolver="set",
        triggers=("set",),
        requires=("every", "each", "per"),
        reach=(10, 20),
    ),
    Rule(
        "weekends",
        r"(?:(?<=on\s)|(?<=at\s)|(?<=during\s))weekends|every\s+weekend",
        resolver="weekends",
        triggers=("unit",),
        requires=("weekend",),
        reach=(8, 10),
    ),
    Rule(
        "every_day",
        r"everyday(?![ \t]+[a-z])",  # not the adjective: "everyday life"
        resolver="set",
        triggers=("set",),
        reach=(1, 1),
    ),
    Rule(
        "times_per",
        r"(?:once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+{unit}",
        resolver="set",
        triggers=("set",),
        requires=("once", "twice", "thrice", "times"),
        reach=(20, 20),
    ),
    Rule(
        "frequency",
        r"{freq}",
        resolver="frequency",
        triggers=("set",),
        reach=(1, 1),
    ),
)


# Words just before a date that say which part of it is meant ("early January",
# "late on June 9", "the end of 1994"); group "pos" is a key of POSITION_MODS,
# maybe after "the"/"very".
POSITION_PREFIX = re.compile(
    r"(?<![\w-])(?P<pos>(?:the\s+)?(?:very\s+)?" + V.alternation(V.POSITION_MODS) + r")(?:-|\s+(?:on\s+|in\s+)?)$",
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
