"""Durations: "two days", "more than a week", "a 10-year-old truce", "two hours and 30
minutes", "a yearlong inquiry", "for years", "the first hours of".

As in TempEval-3, ages ("a 32-year-old man", "37 years old") are no time expressions,
and a range of durations ("two to six days") is two, "two" (P2D) and "six days" (P6D).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import vocabulary as V
from .base import Context, Resolution, Rule, duration_value, normalized, number_of, text_of, unit_of, words_before


def resolve_vague_span(m: re.Match, ctx: Context) -> Resolution:
    return Resolution("DURATION", V.VAGUE_DURATIONS[normalized(m.group("vaguespan"))])


def resolve_vague_duration(m: re.Match, ctx: Context) -> Resolution | None:
    units = text_of(m, "units") or text_of(m, "units3") or text_of(m, "units2") or text_of(m, "units4")
    if units is None:
        return None  # each of the rules' alternatives names its unit
    return Resolution("DURATION", duration_value(None, unit_of(units)))


_AGE_AFTER = re.compile(r"(?:\s+|-)(?:old|olds|older|younger|of\s+age)\b")


# "aged 32 to 36 years", "ages 18 to 25 years": ages, not times (at most four words:
# "aged between 32 and")
_AGE_BEFORE = re.compile(r"\b(?:aged|ages|age)\s+(?:between\s+)?(?:\w+\s+(?:to|and|or)\s+)?$", re.IGNORECASE)


# "will last two days": the verb "last", not "the last two days"
_VERB_LAST_BEFORE = re.compile(
    r"(?:\b(?:will|would|could|can|may|might|should|must|to|not|did|does|do|shall)|n't)\s+$", re.IGNORECASE
)


# The age of a state of affairs is how long it has lasted: "the IRA's 8-month-old truce".
_THING_AFTER = re.compile(
    r"\s+(?:truce|cease-?fire|war|conflict|dispute|strike|standoff|stand-off|crisis|insurgency|rebellion|"
    r"uprising|campaign|government|coalition|regime|law|ban|embargo|blockade|siege|occupation|agreement|"
    r"accord|treaty|deal|moratorium|boycott|investigation|probe|feud|impasse|deadlock|stalemate|recession|"
    r"slump|boom|rally|offensive|revolt|violence|fighting|policy|program|programme|peace|alliance)\b",
    re.IGNORECASE,
)

_FRACTION_OF = re.compile(r"\s+of\s+(?:the|its|his|her|their|our|a|an|all|them|those|these)\b")


def resolve_duration(m: re.Match, ctx: Context) -> Resolution | None:
    unit = unit_of(text_of(m, "unit") or text_of(m, "anyunit") or "")
    if unit not in V.UNITS:
        return None
    num_text = normalized(text_of(m, "num") or "")
    text = m.group(0).lower()
    if unit == "second" and num_text in ("a", "one"):
        # "a second city", "one second-round vote"; but "an additional second" is one
        return None
    if (
        re.fullmatch(r"\d{4}", num_text)
        and not m.string.startswith("-", m.end("num"))
        and not (text_of(m, "unit") or text_of(m, "anyunit") or "").endswith("s")
    ):
        return None  # a year before its noun, not 2011 quarters: "the year-ago 2011 quarter"; but "a 1500-year history"
    if num_text == "another" and not re.search(
        r"\b(?:for|in|within|over|after)\s+$", words_before(m.string, m.start(), 1), re.I
    ):
        return None  # "another day of violence"; but "for another month" is an amount
    if (
        unit in ("minute", "second")
        and num_text == "a"  # "wait an additional minute" is an amount
        and re.search(r"\b(?:wait|hold\s+on|hang\s+on|just)\s+$", words_before(m.string, m.start(), 2), re.I)
    ):
        return None  # "wait a minute", "just a minute": not an amount of time
    thing_age = text_of(m, "old") == "-old" and _THING_AFTER.match(m.string, m.end())
    if not thing_age and (
        (text_of(m, "old") or "-long") != "-long"
        or _AGE_AFTER.match(m.string, m.end())
        or _AGE_BEFORE.search(words_before(m.string, m.start(), 4))
    ):
        return None  # an age, not a time: "a 37-year-old man", "37 years old" (as in TempEval-3)
    if (
        normalized(text_of(m, "rel") or "") == "last"
        and text.startswith("last")
        and text_of(m, "num")
        and _VERB_LAST_BEFORE.search(words_before(m.string, m.start(), 1))
    ):
        # "the talks will last two days": the verb, so the span is the amount alone
        resolved = _amount(m, unit, num_text, after_last=True)
        if resolved is not None and resolved.span is None:
            return replace(resolved, span=(m.start("num"), m.end()))
        return resolved
    return _amount(m, unit, num_text)


_UNIT_ORDER = ("century", "decade", "year", "quarter", "month", "week", "day", "hour", "minute", "second")


def _amount(m: re.Match, unit: str, num_text: str, after_last: bool = False) -> Resolution | None:
    """The DURATION (or rate SET) of a counted unit: "two to six days", "$5 a year".

    ``after_last``: the match's "last" is the verb ("could last a quarter", "will last
    two to three weeks"), not the adjective of "the last 12 to 18 months".
    """
    if text_of(m, "old") and num_text in ("a", "an"):
        # "a week-long strike": the article is not part of the adjective
        return Resolution("DURATION", duration_value(1, unit), span=(m.start("unit"), m.end()))
    if (
        unit == "quarter"
        and num_text in ("a", "an", "one", "two", "three")
        and (_FRACTION_OF.match(m.string, m.end()) or (num_text == "a" and not after_last))
    ):
        # a fraction: "a quarter of the shares", "three quarters of them", "fell by a
        # quarter"; but "for an additional quarter" and "could last a quarter" are three months
        return None
    n = number_of(m) if text_of(m, "num") else None
    if text_of(m, "num2") and not text_of(m, "unit2"):
        n2 = V.number_value(m.group("num2"))
        if (text_of(m, "rel") and not after_last) or n is None or n2 is None:
            n = None  # "the next 12 to 18 months": an amount in between, unknown
        else:
            # "two to six days": two durations, "two" (days) and "six days", as
            # TempEval-3 annotates them
            return Resolution(
                "DURATION",
                duration_value(n, unit),
                span=m.span("num"),
                also=(Resolution("DURATION", duration_value(n2, unit), span=(m.start("num2"), m.end())),),
            )
    if text_of(m, "andhalf") and n is not None:
        n += 0.5  # "a minute and a half"
    if text_of(m, "unit2") and text_of(m, "num2") is not None:
        # "a minute and a half" is caught above; "two hours and 30 minutes" here
        n2 = V.number_value(m.group("num2"))
        unit2 = unit_of(m.group("unit2"))
        n = number_of(m)
        if n is None or n2 is None or unit2 not in V.UNITS:
            return None
        if unit not in _UNIT_ORDER or unit2 not in _UNIT_ORDER or _UNIT_ORDER.index(unit2) <= _UNIT_ORDER.index(unit):
            return None  # one amount goes from a larger unit to a smaller: not "two weeks 10 years"
        first = duration_value(n, unit)
        second = duration_value(n2, unit2)
        if first.startswith("PT"):
            return Resolution("DURATION", first + second[2:])
        return Resolution("DURATION", first + second[1:])
    # "$5 a year", "10% a month": a rate, i.e. a SET
    if num_text in ("a", "an") and re.search(
        r"(?:\d|%|percent|cents?|dollars?|million|billion|times|twice|once)\s*$",
        words_before(m.string, m.start(), 1).lower(),
    ):
        return Resolution("SET", duration_value(1, unit))
    return Resolution("DURATION", duration_value(n, unit))


def resolve_long_adjective(m: re.Match, ctx: Context) -> Resolution:
    """ "a yearlong inquiry", "the week-long strike": one unit long."""
    return Resolution("DURATION", duration_value(1, V.LONG_ADJECTIVES[normalized(m.group("longadj"))]))


RULES: tuple[Rule, ...] = (
    # --- durations
    Rule(
        "vague_span",
        r"{vaguespan}",
        resolver=resolve_vague_span,
        triggers=("ref",),
        reach=(12, 12),
    ),
    Rule(
        "duration",
        r"(?:the\s+)?(?:(?P<rel>first|last|past|next|coming|previous|following|latest|final|remaining|initial|year-earlier|year-ago|full|entire|whole|same)\s+)?(?:{num}|{vague})(?:\s+(?:to|or)\s+(?!an?\s){num:num2})?\s+(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+|short\s+|trading\s+)?(?:{anyunit})(?P<andhalf>\s+and\s+a\s+half)?(?:\s+or\s+so)?",
        resolver=resolve_duration,
        triggers=("unit",),
        reach=(40, 20),
        prefixes=("quantity",),
    ),
    Rule(
        "duration_pair",
        r"{num}\s+{anyunit:unit}\s+and\s+{num:num2}\s+{anyunit:unit2}",
        resolver=resolve_duration,
        triggers=("unit",),
        requires=(" and ",),
        prefixes=("quantity",),
    ),
    Rule(
        "duration_adj",
        r"(?:(?:a|an|the)\s+(?=\S+\s+(?:period|term|span|stretch)))?{num}[\s-]+(?P<unit>year|month|week|day|hour|minute|decade|quarter)(?:s)?(?P<old>-old|-older|-younger|-long)?(?:\s+(?:period|term|span|stretch))?",
        resolver=resolve_duration,
        triggers=("unit",),
        reach=(26, 16),
        prefixes=("quantity",),
    ),
    Rule(
        "hours_minutes",
        r"{num}\s+(?P<unit>hours?|minutes?)\s+{num:num2}\s+(?P<unit2>minutes?|seconds?)",  # "2 hours 45 minutes"
        resolver=resolve_duration,
        triggers=("unit",),
        requires=("minute",),
        prefixes=("quantity",),
    ),
    Rule(
        "long_adj",
        r"{longadj}",
        resolver=resolve_long_adjective,
        triggers=("unit",),
        requires=("long",),
        reach=(1, 6),
    ),
    Rule(
        "bare_plural",
        r"(?:(?<=for\s)|(?<=in\s)|(?<=within\s)|(?<=after\s)|(?<=over\s)|(?<=lasted\s)|(?<=take\s)|(?<=took\s)|(?<=takes\s))(?:(?:the|recent)\s+)?(?P<units>(?:years|months|weeks|days|decades|centuries|hours|minutes))(?:\s+(?:or|and)\s+{units:units2})?",
        resolver=resolve_vague_duration,
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
        resolver=resolve_vague_duration,
        triggers=("unit",),
        requires=(" of", " ago", " later", " earlier", " before", " after", "the "),
        reach=(20, 12),
    ),
)
