"""Days and parts of days: "today", "Friday", "last Friday", "the following Monday",
"Saturday evening", "last night", "the next morning", "Monday and Tuesday nights".

A bare weekday is the last such day on or before the DCT unless the clause is about
the future (``placing.weekday_value``); "the following"/"the previous" count from the
last mentioned day. Weekdays in names ("Bloody Sunday", "the Sunday Times") are not
days (``names.py``).
"""

from __future__ import annotations

import datetime as dt
import re

from .. import datemath, vocabulary as V
from ..timex import TimexType
from .base import Context, Resolution, Rule, capitalized, is_compound, normalized, text_of, words_before
from .dates import resolve_month_day
from .names import in_a_name, weekday_in_a_name
from .placing import weekday_value


def resolve_pod(m: re.Match, ctx: Context) -> Resolution | None:
    """Parts of day: "Saturday evening", "last night", "this morning", "overnight"."""
    pod_text = text_of(m, "pod") or text_of(m, "bare") or text_of(m, "bare2") or ""
    if is_compound(m):
        return None  # "this night-time image", "the morning-after pill"
    code = V.PARTS_OF_DAY.get(normalized(pod_text)) or V.PARTS_OF_DAY.get(normalized(pod_text).replace("-", " "))
    if code is None:
        return None
    day_value: str | None
    this = normalized(text_of(m, "this") or "")
    if text_of(m, "month"):
        resolved = resolve_month_day(m, ctx)
        if resolved is None:
            return None
        day_value = resolved.value
    elif text_of(m, "weekday"):
        if not capitalized(m, "weekday", ctx) or weekday_in_a_name(m, ctx):
            return None  # "Saturday Night Live"
        day_value = weekday_value(V.WEEKDAYS[normalized(m.group("weekday"))], ctx, None)
    elif text_of(m, "offset") or this in ("last", "tomorrow"):
        offset = V.DAY_OFFSETS.get(normalized(text_of(m, "offset") or ""), {"last": -1, "tomorrow": 1}.get(this, 0))
        if this == "last" and code != "NI":
            return None  # "last morning" is not idiomatic; "last evening" is rare
        day_value = datemath.day(ctx.dct + dt.timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
    elif text_of(m, "bare2"):  # "at dawn": the day told about
        day_value = datemath.day_part(ctx.anchor_day(0) or "XXXX-XX-XX") or "XXXX-XX-XX"
    elif text_of(m, "bare"):
        lead = m.group(0).lower()
        if not re.search(r"\b(the|this|that|early|late)\b|overnight|mid", lead):
            return None
        if "this" in lead.split():
            day_value = datemath.day(ctx.dct) if ctx.dct else "XXXX-XX-XX"
        else:
            day_value = datemath.day_part(ctx.anchor_day() or "XXXX-XX-XX") or "XXXX-XX-XX"
        if code == "NI" and "overnight" in lead:
            # "overnight" losses reported on a day happened in the night before it
            day_value = datemath.shift_day(day_value, -1) or day_value
    else:
        day_value = datemath.day(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    # "the early afternoon", "late this evening"
    mod = {"early": "START", "late": "END"}.get(normalized(text_of(m, "podpos") or ""))
    return Resolution("TIME", f"{day_value}T{code}", mod)


# "of" as the word just before a match, across a run of spaces or a line break ("goal of\n
# the evening"), where a fixed window of characters missed it.
OF_BEFORE = re.compile(r"\bof\s+$")


def resolve_anaphoric_pod(m: re.Match, ctx: Context) -> Resolution | None:
    """ "the next morning", "the night before": a part of the day after or before the day told about."""
    if text_of(m, "anapod2") and OF_BEFORE.search(words_before(m.string, m.start(), 1)):
        return None  # "his second goal of the evening after the break"
    code = V.PARTS_OF_DAY[normalized(text_of(m, "anapod") or m.group("anapod2"))]
    step = (
        -1
        if normalized(text_of(m, "podana") or text_of(m, "poddir") or "") in ("previous", "preceding", "before")
        else 1
    )
    anchor = datemath.day_part(ctx.anchor_day() or "XXXX-XX-XX") or "XXXX-XX-XX"
    day_value = datemath.shift_day(anchor, step) or "XXXX-XX-XX"
    return Resolution("TIME", f"{day_value}T{code}")


def resolve_day_offset(m: re.Match, ctx: Context) -> Resolution | None:
    word = normalized(m.group("offset"))
    if word in ("today", "tonight") and in_a_name(m.start("offset"), ctx):
        return None  # "USA Today", "VOA Today", NBC's "Tonight Show"
    offset = V.DAY_OFFSETS[word]
    kind: TimexType = "TIME" if word == "tonight" else "DATE"
    suffix = "TNI" if word == "tonight" else ""
    if ctx.dct is None:
        return Resolution(kind, ("PRESENT_REF" if offset == 0 and not suffix else "XXXX-XX-XX" + suffix))
    return Resolution(kind, datemath.day(ctx.dct + dt.timedelta(days=offset)) + suffix)


def resolve_weekday(m: re.Match, ctx: Context) -> Resolution | None:
    text = m.group("weekday")
    if not capitalized(m, "weekday", ctx) or weekday_in_a_name(m, ctx):
        return None
    determiner = text_of(m, "rel") or text_of(m, "ana")
    return Resolution("DATE", weekday_value(V.WEEKDAYS[normalized(text)], ctx, determiner))


def resolve_weekday_set(m: re.Match, ctx: Context) -> Resolution | None:
    text = text_of(m, "weekdays") or text_of(m, "weekday")
    if text is None or not capitalized(m, "weekdays" if text_of(m, "weekdays") else "weekday", ctx):
        return None
    iso = V.WEEKDAYS[normalized(text).rstrip("s")]
    pods = text_of(m, "pods")
    suffix = "T" + V.PARTS_OF_DAY[normalized(pods)[:-1]] if pods else ""
    if text_of(m, "first"):
        # "Monday and Tuesday nights": the plural part of day applies to both days
        first = V.WEEKDAYS[normalized(m.group("first"))]
        return Resolution(
            "SET",
            f"XXXX-WXX-{first}{suffix}",
            span=m.span("first"),
            also=(Resolution("SET", f"XXXX-WXX-{iso}{suffix}", span=(m.start("weekday"), m.end())),),
        )
    return Resolution("SET", f"XXXX-WXX-{iso}{suffix}")


RULES: tuple[Rule, ...] = (
    # --- relative to the DCT
    Rule(
        "offset_pod",
        r"(?:later\s+|earlier\s+)?(?:{offset}|{weekday}|(?P<this>this|last|tomorrow))\s+{pod}",
        resolver=resolve_pod,
        triggers=("pod",),
        prefixes=("position",),
    ),
    Rule(
        "pod_offset",
        r"(?:(?P<mid>mid[\s-]?))?{pod}\s+(?:of\s+|on\s+)?(?:{offset}|{weekday})",
        resolver=resolve_pod,
        triggers=("pod",),
    ),
    Rule(
        "pod_of_date",
        r"(?:the\s+)?{pod}\s+of\s+(?:{weekday},?\s+)?{month}\s+{day}(?:,?\s+{year})?",
        resolver=resolve_pod,
        triggers=("pod",),
        reach=(6, 30),
    ),
    Rule(
        "the_pod",
        r"(?:later\s+|earlier\s+)?(?:the\s+|this\s+|that\s+)?(?:(?P<podpos>early|late)\s+)?"
        r"(?P<bare>morning|afternoon|evening|overnight|mid-?afternoon|mid\s+afternoon|mid-?morning|mid\s+morning|mid-?evening"
        r"|(?<=that\s)night)"
        r"|(?<=at\s|by\s)(?P<bare2>dawn|dusk|midday|nightfall|daybreak)",
        resolver=resolve_pod,
        triggers=("pod",),
    ),
    Rule(
        "ana_pod",
        r"the\s+(?P<podana>next|following|previous|preceding)\s+(?P<anapod>morning|afternoon|evening|night)"
        r"|the\s+(?P<anapod2>morning|afternoon|evening|night)\s+(?P<poddir>before|after)",
        resolver=resolve_anaphoric_pod,
        triggers=("pod",),
        reach=(16, 12),
    ),
    Rule(
        "offset",
        r"(?:the\s+)?{offset}",
        resolver=resolve_day_offset,
        triggers=("offset",),
        reach=(30, 30),
        prefixes=("position", "quantity"),
    ),
    Rule(
        "weekday",
        r"{weekday}",
        resolver=resolve_weekday,
        triggers=("weekday",),
        reach=(1, 2),
        prefixes=("position",),
    ),
    Rule(
        "weekday_pl",
        r"(?P<weekdays>(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s)(?:\s+(?P<pods>mornings|afternoons|evenings|nights))?",
        resolver=resolve_weekday_set,
        triggers=("weekday",),
        requires=("days",),
        reach=(1, 20),
    ),
    Rule(
        "weekday_nights",
        r"(?:{weekday:first}\s+(?:and|or)\s+)?{weekday}\s+(?P<pods>mornings|afternoons|evenings|nights)",
        resolver=resolve_weekday_set,
        triggers=("weekday",),
        requires=("nights", "mornings", "evenings", "afternoons"),
        reach=(28, 12),
    ),
    Rule(
        "rel_weekday",
        r"(?:the\s+)?(?:{rel}|{ana})\s+{weekday}",
        resolver=resolve_weekday,
        triggers=("weekday",),
        reach=(22, 2),
        prefixes=("position",),
    ),
)
