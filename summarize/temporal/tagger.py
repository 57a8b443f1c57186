"""The extraction pipeline: match every rule, keep the best spans, resolve in order.

1. every rule of ``rules.RULES`` is matched in windows around its trigger words;
2. the longest non-overlapping matches are kept (earlier rules win ties);
3. left to right, each kept match is widened by a modifier word before it
   ("early", "late on", "nearly", "more than"), resolved by its resolver with the
   DCT, the clause tense and the last mentioned time, and becomes a
   :class:`TimeExpression`; resolved dates then become the anchor for the
   anaphoric expressions after them.
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import functools
import re
from typing import NamedTuple

from ..models import TimeExpression
from . import vocabulary as V
from .datemath import day_part
from .rules import RULES
from .rules.base import Context, words_before
from .rules.names import names_among_months
from .rules.triggers import DIGIT_TRIGGER_REGEX, TOKEN_REGEX, TRIGGER_SET, TRIGGER_WORDS


class _Candidate(NamedTuple):
    start: int
    end: int
    rule_index: int
    match: re.Match


def find_time_expressions(text: str, dct: dt.date | None) -> list[TimeExpression]:
    """All time expressions of ``text``, sorted, non-overlapping, with TIMEX3 values.

    ``dct`` is the document creation time relative expressions are anchored to; with
    None, values stay underspecified (``XXXX-06-09``, ``XXXX-WXX-6``).
    """
    if not text:
        return []
    cased = _is_cased(text)
    ctx = Context(dct=dct, text=text, cased=cased, names=names_among_months(text) if cased else frozenset())
    found: list[TimeExpression] = []
    last_end = 0
    candidates = _candidates(text, _lower(text))
    queue = _select(candidates)
    # Rejected candidates by (start, end, rule): a rule's matches never share a span
    # (its windows do not overlap), so this names one candidate.
    rejected: set[tuple[int, int, int]] = set()
    by_start: list[_Candidate] | None = None
    starts: list[int] = []
    i = 0
    while i < len(queue):
        cand = queue[i]
        i += 1
        start, mod = _widen(text, cand, last_end)
        ctx.span = (start, cand.end)
        rule = RULES[cand.rule_index]
        try:
            resolved = rule.resolver(cand.match, ctx)
        except (OverflowError, ValueError):
            # Calendar arithmetic past year 1 or 9999 (a DCT at the edge of
            # datetime's range): such a value cannot be written, so drop the match.
            resolved = None
        if resolved is None:
            # A rejected match ("37 years" of "37 years old", "the first two quarters"
            # without a year) may hide a valid shorter one inside it: queue those.
            rejected.add((cand.start, cand.end, cand.rule_index))
            if by_start is None:
                by_start = sorted(candidates, key=lambda c: c.start)
                starts = [c.start for c in by_start]
            # Only the candidates starting inside: a scan of all of them per rejected
            # match made a text of 100,000 dates quadratic.
            inside = by_start[bisect.bisect_left(starts, cand.start) : bisect.bisect_left(starts, cand.end)]
            inner = [c for c in inside if c.end <= cand.end and (c.start, c.end, c.rule_index) not in rejected]
            queue[i:i] = _select(inner)
            continue
        for part in resolved.parts():
            if part.span is None:  # the whole match, with the modifier word it took
                p_start, p_end = start, cand.end
                if part.type in ("DATE", "TIME") and mod in V.DATE_COMPARISON_MODS:
                    # "ago" counts back: "at least three days ago" is on or before that day
                    mod = (V.DATE_COMPARISON_MODS if rule.name == "ago" else V.POINT_COMPARISON_MODS)[mod]
                p_mod = part.mod or mod
            else:
                (p_start, p_end), p_mod = part.span, part.mod
            found.append(TimeExpression(p_start, p_end, text[p_start:p_end], part.type, part.value, p_mod))
            _remember(ctx, part.type, part.value, p_end)
        last_end = cand.end
    return found


_CAPITAL = re.compile(r"[A-Z]")


def _is_cased(text: str) -> bool:
    """Whether the text is written with capitals (not all lower case)."""
    return _CAPITAL.search(text) is not None


def _lower(text: str) -> str:
    """``text`` in lower case with every offset kept (a few characters grow when lowered)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _candidates(text: str, lower: str) -> list[_Candidate]:
    """Every match of every rule, looked for only in windows around its trigger words.

    Rules match ``lower`` (the lower-cased text): case-sensitive regexes are faster.
    """
    hits = _trigger_spans(lower)
    if not hits:
        return []
    windows_of: dict[tuple, list[tuple[int, int]]] = {}
    out = []
    for index, rule in enumerate(RULES):
        key = (rule.triggers, rule.reach)
        windows = windows_of.get(key)
        if windows is None:
            spans = [s for t in rule.triggers for s in hits.get(t, ())]
            windows = windows_of[key] = _windows(lower, spans, *rule.reach)
        for lo, hi in windows:
            if rule.requires_regex and not rule.requires_regex.search(lower, lo, hi):
                continue
            for m in rule.regex.finditer(lower, lo, hi):
                if m.end() > m.start():
                    out.append(_Candidate(m.start(), m.end(), index, m))
    return out


def _trigger_spans(lower: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger category's words and digit patterns are in ``lower``: whole
    words only, so "may" in "mayor" or "dismay" and "per" in "percent" open no window."""
    hits: dict[str, list[tuple[int, int]]] = {}
    # Distinct words first (C speed), then the few trigger words among them located.
    for word in TRIGGER_SET.intersection(TOKEN_REGEX.findall(lower)):
        spans = []
        n, i = len(word), lower.find(word)
        while i >= 0:
            if not (i and lower[i - 1].isalpha()) and not lower[i + n : i + n + 1].isalpha():
                spans.append((i, i + n))
            i = lower.find(word, i + n)
        for category in TRIGGER_WORDS[word]:
            hits.setdefault(category, []).extend(spans)
    for m in DIGIT_TRIGGER_REGEX.finditer(lower):
        if m.lastgroup is not None:  # (every alternative is a named class)
            hits.setdefault(m.lastgroup, []).append(m.span())
    return hits


def _windows(text: str, spans: list[tuple[int, int]], left: int, right: int) -> list[tuple[int, int]]:
    """Merged windows around trigger spans, ending between words.

    ``left`` and ``right`` count characters with each run of whitespace as one, so a
    hard-wrapped, indented line ("by the end of the\\n        year") reaches as far as
    the same words on one line. A window must not cut a word or number in two: a
    match ending at the cut would look complete to the regex ("June 1" out of "June 12").
    """
    merged: list[tuple[int, int]] = []
    n = len(text)
    for start, end in sorted(spans):
        lo = _reach_back(text, start, left)
        hi = _reach_forward(text, end, right)
        while hi < n and text[hi].isalnum():
            hi += 1
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _reach_back(text: str, start: int, count: int) -> int:
    """Where ``count`` characters before ``start`` begin, a run of whitespace counting as one."""
    i = start - count if start > count else 0
    if _SPACE_RUNS.search(text, i - 1 if i else 0, start) is None:
        return i  # no two whitespace characters together: every step is one character
    run_starts, run_ends = _space_runs(text)
    i = start
    for _ in range(count):
        if i == 0:
            break
        i -= 1
        run = bisect.bisect_right(run_starts, i) - 1
        if run >= 0 and i < run_ends[run]:
            i = run_starts[run]  # inside a run: at its first character
    return i


def _reach_forward(text: str, end: int, count: int) -> int:
    """Where ``count`` characters after ``end`` end, a run of whitespace counting as one."""
    n = len(text)
    i = end + count if end + count < n else n
    if _SPACE_RUNS.search(text, end, i + 1) is None:
        return i  # (as in _reach_back)
    run_starts, run_ends = _space_runs(text)
    i = end
    for _ in range(count):
        if i == n:
            break
        i += 1
        run = bisect.bisect_right(run_starts, i - 1) - 1
        if run >= 0 and i < run_ends[run]:
            i = run_ends[run]  # the step went into a run: past its end
    return i


@functools.lru_cache(maxsize=1)
def _space_runs(text: str) -> tuple[array.array, array.array]:
    """Where the runs of two or more whitespace characters of ``text`` start and end,
    found once per text (C speed) and looked up by bisection, so that a run of
    megabytes of spaces is crossed in one step, not one character at a time for each
    of the rules' windows."""
    starts, ends = array.array("q"), array.array("q")
    for run in _SPACE_RUNS.finditer(text):
        starts.append(run.start())
        ends.append(run.end())
    return starts, ends


# Two whitespace characters or more together: a line break and its indentation.
_SPACE_RUNS = re.compile(r"\s{2,}")


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest matches first, then earlier rules; drop anything overlapping a kept one."""
    taken: list[_Candidate] = []
    if not candidates:
        return taken
    # Characters taken, counted from the first candidate's start: a map from offset 0
    # would cost the whole text's length for each few candidates deep in it.
    base = min(c.start for c in candidates)
    occupied = bytearray(max(c.end for c in candidates) - base)
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rule_index, c.start)):
        if any(occupied[cand.start - base : cand.end - base]):
            continue
        occupied[cand.start - base : cand.end - base] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


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
    r"(?<![\w-])(?P<qmod>"
    + "|".join(k.replace(" ", r"\s+") for k in sorted(V.QUANTITY_MODS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)


def _widen(text: str, cand: _Candidate, floor: int) -> tuple[int, str | None]:
    """Take a modifier word just before the match into the span; return start and mod."""
    prefixes = RULES[cand.rule_index].prefixes
    # At most four words ("the very beginning of", "no more than"), never before the last time
    before = text[max(floor, cand.start - len(words_before(text, cand.start, 4))) : cand.start]
    if "position" in prefixes:
        m = POSITION_PREFIX.search(before)
        if m:
            key = " ".join(m.group("pos").lower().split()).removeprefix("the ").removeprefix("very ")
            return cand.start - len(m.group(0)), V.POSITION_MODS[key]
    if "quantity" in prefixes or "approx" in prefixes:
        m = QUANTITY_PREFIX.search(before)
        if m:
            mod = V.QUANTITY_MODS[" ".join(m.group("qmod").lower().split())]
            # A calendar date is only ever about ("around June 9"): "the week up to
            # September 27" ends on that day, no comparison of it.
            if "quantity" in prefixes or mod == "APPROX":
                return cand.start - len(m.group(0)), mod
    return cand.start, None


_ANCHOR_VALUE = re.compile(r"^(?:\d{4}|XXXX)")


def _remember(ctx: Context, kind: str, value: str, end: int) -> None:
    """Make a resolved date the anchor of the anaphoric expressions after it."""
    if kind not in ("DATE", "TIME") or not _ANCHOR_VALUE.match(value):
        return
    ctx.last_value = value
    ctx.last_end = end
    d = day_part(value)
    if d and d != "XXXX-XX-XX":
        ctx.last_day = d
