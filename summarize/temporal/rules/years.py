"""Years and longer: "1998", "fiscal 1999", "nineteen ninety-eight", "the 1990s", "the
21st century", "the new millennium".

A bare four-digit number is a year unless it counts things ("1500 officers", "2000
troops"), names something ("Flight 1998", "Windows 2000") or is a work's title ("the
film 1917", Mendes's "1917").
"""

from __future__ import annotations

import re

from .. import vocabulary as V
from .base import SENTENCE_START, Context, Resolution, Rule, normalized, text_of, words_before, year_number_of
from .names import CAPITAL_AFTER, in_a_name

# Words after a number that show it counts things rather than naming a year.
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:people|persons|shares|troops|soldiers|men|women|workers|members|jobs|units|"
    r"cars|tons|tonnes|barrels|miles|feet|meters|metres|kilometers|points|yen|dollars|euros|francs|"
    r"marks|pounds|employees|votes|seats|children|residents|refugees|acres|guests|hours|pages|ft)\b",
    re.IGNORECASE,
)


# A lower-case plural right after a number: "1500 officers" (but not "1998's").
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+-)?[a-z]{3,}s\b(?!')(?<!ss)")


# Words before a year that make it one even before a plural: "the 1998 elections", "in 1998 prices rose".
_YEAR_LEAD = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|your|this|that|these|those|in|of|since|by|from|until|till|to|"
    r"before|after|during|between|and|or|through|early|late|mid|fiscal|calendar|year|for|at|on|than\s+in|"
    r"first|last|two|three|four|five|six|seven|eight|nine|ten|both|all|several|many|below|above|over|under|"
    r"with|versus|vs\.?|compared)|'s|\u2019s)"
    r"[\s-]+$",
    re.IGNORECASE,
)


# A capitalized word right before a bare year, mid-sentence: "Flight 1998", "Windows 2000".
_NAME_BEFORE_YEAR = re.compile(r"\b([A-Z][A-Za-z]*)\s+$")


# A work's title that is a year: after a work noun ("the film 1917"), or alone in
# quotation marks (Sam Mendes's "1917", 'the album "1989"').
_WORK_BEFORE_YEAR = re.compile(r"\b(?:" + "|".join(sorted(V.WORK_NOUNS)) + r")\s+$", re.IGNORECASE)

_QUOTE_BEFORE = re.compile(r"(?:^|[\s(\[])(?:[\"\u201c\u2018']|``)$")

_QUOTE_AFTER = re.compile(r"[,.!?]?(?:[\"\u201d\u2019']|'')(?!\w)")


# Capitalized words that may stand before a year: months, seasons, and the
# function words that start a sentence ("Since 1995", "Until 1998, ...").
_YEAR_NAME_OK = frozenset(
    [
        *V.MONTHS,
        *V.WEEKDAYS,
        *V.SEASONS,
        "year",
        "fiscal",
        "fy",
        "calendar",
        "christmas",
        "easter",
        "ad",
        "bc",
        "in",
        "since",
        "by",
        "from",
        "until",
        "till",
        "before",
        "after",
        "during",
        "between",
        "through",
        "throughout",
        "early",
        "late",
        "mid",
        "unlike",
        "around",
        "circa",
        "about",
        "as",
        "like",
        "for",
        "at",
        "on",
        "to",
        "with",
        "within",
        "into",
        "over",
        "under",
        "beyond",
        "past",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "but",
        "not",
        "only",
        "even",
        "also",
        "then",
        "than",
        "versus",
        "vs",
        "a",
        "an",
        "this",
        "that",
        "its",
        "his",
        "her",
        "their",
        "our",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "all",
        "whole",
        "entire",
        "later",
        "earlier",
        "new",
        "when",
        "where",
        "while",
        "if",
        "so",
        "yet",
    ]
)


def resolve_year(m: re.Match, ctx: Context) -> Resolution | None:
    year = year_number_of(text_of(m, "year") or text_of(m, "spokenyear") or "")
    if year is None:
        return None
    if _NOT_A_YEAR_AFTER.match(m.string, m.end()) or re.search(
        r"(?:no\.|#|\$|number)\s*$", words_before(m.string, m.start(), 1)
    ):
        return None
    if text_of(m, "year") and m.group(0) == m.group("year"):  # a bare "1998": is it a count or a name?
        before = words_before(ctx.text, m.start(), 2)  # the cues below are a word or two ("than in")
        # AP style spells out a number that starts a sentence: "1998 marks ..." is a year
        if (
            _PLURAL_AFTER.match(ctx.text, m.end())
            and not _YEAR_LEAD.search(before)
            and not SENTENCE_START.search(before)
        ):
            return None  # a count: "police sent 1500 officers", "more than 2000 troops"
        name = _NAME_BEFORE_YEAR.search(before)
        if name and name.group(1).lower() not in _YEAR_NAME_OK:
            return None  # a name: "Flight 1998", "Windows 2000", "Model 2000"
        if _WORK_BEFORE_YEAR.search(before) or (_QUOTE_BEFORE.search(before) and _QUOTE_AFTER.match(ctx.text, m.end())):
            return None  # a title: "the film 1917", "the novel 1984", Mendes's "1917"
    text = m.group(0).lower()
    mod = (
        "ON_OR_AFTER"
        if re.search(r"or later|and beyond|or after", text)
        else "ON_OR_BEFORE"
        if re.search(r"or earlier|or before", text)
        else "END"
        if text_of(m, "yend")
        else None
    )  # "end-1998", "year-end 1998"
    return Resolution("DATE", f"{year:04d}", mod)


def resolve_decade(m: re.Match, ctx: Context) -> Resolution | None:
    t = normalized(m.group("decade")).replace("'", "")
    if t in V.DECADE_WORDS:
        return Resolution("DATE", f"19{V.DECADE_WORDS[t]}")
    decade = re.match(r"(\d+)0s", t)
    if decade is None:
        return None  # not a decade the slot's words or digits name
    digits = decade.group(1)
    if len(digits) == 3 and digits.endswith("0") and digits < "200":
        return Resolution("DATE", digits[:2])  # "the early 1900s": the century, not its first decade
    return Resolution("DATE", digits if len(digits) == 3 else f"19{digits}")


def resolve_century(m: re.Match, ctx: Context) -> Resolution | None:
    n = int(m.group("nth")) if text_of(m, "nth") else V.ORDINALS.get(normalized(m.group("ordinal")))
    if not n or n < 1:
        return None
    return Resolution("DATE", f"{n - 1:02d}")


def resolve_millennium(m: re.Match, ctx: Context) -> Resolution | None:
    """ "the new millennium" (said in 1999: the years 2000-2999, value "2"), "the third millennium"."""
    if text_of(m, "ordinal"):
        n = V.ORDINALS.get(normalized(m.group("ordinal")))
        return Resolution("DATE", str(n - 1)) if n and 1 <= n <= 10 else None
    if not m.group(0).lower().startswith("the") or ctx.dct is None:
        return None  # "a millennium", "millennium celebrations": no particular one
    word = m.end() - len("millennium")
    if in_a_name(word, ctx) and CAPITAL_AFTER.match(ctx.text, m.end()):
        return None  # "the Millennium Dome", "the Millennium Bridge": names
    rel = normalized(text_of(m, "mrel") or "")
    current = ctx.dct.year // 1000
    if rel in ("last", "past", "previous"):
        return Resolution("DATE", str(current - 1))
    if rel in ("new", "next", "coming", "") and ctx.dct.year % 1000 >= 990:
        current += 1  # news of the late 1990s: "the new millennium" begins in 2000
    return Resolution("DATE", str(current))


RULES: tuple[Rule, ...] = (
    Rule(
        "year",
        r"(?:(?:the\s+)?(?:fiscal|calendar)(?:\s+year)?\s+|fy\s*|the\s+year\s+|(?P<yend>end-|year[\s-]end\s+))?{year}(?:\s+(?:or\s+later|and\s+beyond|or\s+after|or\s+earlier|or\s+before))?(?!/\d|-\d\d?(?!\d)|\s*%|,\d|\.\d)",
        resolver=resolve_year,
        triggers=("year",),
        reach=(24, 16),
        prefixes=("position",),
    ),
    Rule(
        "year_fiscal",
        r"(?:the\s+)?{year}\s+(?:fiscal|calendar|financial|tax)\s+year",
        resolver=resolve_year,
        triggers=("year",),
        reach=(5, 24),
        prefixes=("position",),
    ),
    Rule(
        "spoken_year",
        r"(?:the\s+year\s+)?{spokenyear}",
        resolver=resolve_year,
        triggers=("year",),
        reach=(15, 40),
        prefixes=("position",),
    ),
    Rule(
        "decade",
        r"(?:the\s+)?{decade}",
        resolver=resolve_decade,
        triggers=("year",),
        reach=(6, 4),
        prefixes=("position",),
    ),
    Rule(
        "century",
        r"(?:the\s+)?(?:{ordinal}|(?P<nth>\d{1,2})(?:st|nd|rd|th))[\s-]century",
        resolver=resolve_century,
        triggers=("unit",),
        requires=("century",),
        reach=(28, 10),
        prefixes=("position",),
    ),
    Rule(
        "millennium",
        r"(?:the\s+)?(?:(?P<mrel>new|next|coming|current|last|past|previous)\s+|{ordinal}\s+)?millennium",
        resolver=resolve_millennium,
        triggers=("unit",),
        requires=("millennium",),
        reach=(24, 10),
        prefixes=("position",),
    ),
)
