"""Clock times: "10 p.m.", "noon", "2100 GMT", with a day ("10 p.m. Wednesday", "5 p.m. EST, Nov. 9").

A clock time is a TIME on its day: the day written with it, else the day named in its
own sentence, else the DCT. A bare number ("at 7") is no clock time.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import datemath, vocabulary as V
from .base import Context, Resolution, Rule, capitalized, day_number_of, month_number_of, normalized, text_of
from .placing import weekday_value, year_for


def resolve_clock(m: re.Match, ctx: Context) -> Resolution | None:
    """Clock times: "10 p.m. Wednesday", "noon", "5 p.m. EST, Nov. 9"."""
    clock = normalized(m.group("clock"))
    if clock == "noon":
        hour, minute = 12, 0
    elif clock == "midnight":
        hour, minute = 24, 0
    elif re.fullmatch(r"\d{4}", clock):
        hour, minute = int(clock[:2]), int(clock[2:])  # "2100 GMT"
    elif clock.endswith("o'clock"):
        hour, minute = int(clock.split()[0]), 0
    else:
        parts = re.match(r"(\d+)(?:[:.](\d\d))?\s*([ap])?", clock)  # "7:30 p.m.", "3.15pm"
        if parts is None:
            return None  # the clock slot's other forms are matched above
        hour, minute = int(parts.group(1)), int(parts.group(2) or 0)
        if parts.group(3) == "p" and hour < 12:
            hour += 12
        elif parts.group(3) == "a" and hour == 12:
            hour = 0
        if not parts.group(3) and not parts.group(2):
            return None
    day_value: str | None = None
    if month_text := text_of(m, "month2") or text_of(m, "month"):
        month_number, day_number = (
            month_number_of(month_text),
            day_number_of(text_of(m, "day2") or text_of(m, "day") or ""),
        )
        if day_number is None:
            return None  # a month comes with its day in each of the rule's forms
        if ctx.dct is None:
            day_value = f"XXXX-{month_number:02d}-{day_number:02d}"
        else:
            d = datemath.safe_date(year_for(month_number, day_number, ctx), month_number, day_number)
            day_value = datemath.day(d) if d else None
    elif text_of(m, "weekday"):
        if not capitalized(m, "weekday", ctx):
            return None
        day_value = weekday_value(V.WEEKDAYS[normalized(m.group("weekday"))], ctx, None)
    elif text_of(m, "offset"):
        offset = V.DAY_OFFSETS[normalized(m.group("offset"))]
        day_value = datemath.day(ctx.dct + dt.timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
    else:
        # a bare clock time is on the day named in its own sentence, else the DCT
        day_value = datemath.day_part(ctx.anchor_day(max_sentences=0) or "XXXX-XX-XX")
    return Resolution("TIME", f"{day_value or 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}")


RULES: tuple[Rule, ...] = (
    # --- clock times, optionally with a zone and a day ("5 p.m. EST, Nov. 9")
    Rule(
        "clock_day",
        r"{clock}(?:\s+{zone})?,?\s+(?:on\s+)?(?:{weekday}(?:,?\s+{month}\s+{day})?|{month:month2}\s+{day:day2}|{offset})",
        resolver=resolve_clock,
        triggers=("clock",),
        prefixes=("quantity",),
    ),
    Rule(
        "day_clock",
        r"(?:{weekday}|{offset}),?\s+(?:at\s+)?{clock}(?:\s+{zone})?",
        resolver=resolve_clock,
        triggers=("clock",),
        prefixes=("quantity",),
    ),
    Rule(
        "clock",
        r"{clock}(?:\s+{zone})?",
        resolver=resolve_clock,
        triggers=("clock",),
        prefixes=("quantity",),
    ),
)
