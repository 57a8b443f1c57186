"""The extraction pipeline: match every rule, keep the best spans, resolve in order.

1. every rule of ``patterns.RULES`` is matched over the whole text;
2. the longest non-overlapping matches are kept (earlier rules win ties);
3. left to right, each kept match is widened by a modifier word before it
   ("early", "late on", "nearly", "more than"), resolved by its resolver with the
   DCT, the clause tense and the last mentioned time, and becomes a
   :class:`TimeExpression`; resolved dates then become the anchor for the
   anaphoric expressions after them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from ..models import TimeExpression
from . import patterns as P
from . import vocabulary as V
from .calendar import day_part
from .resolver import RESOLVERS, Context


class _Candidate(NamedTuple):
    start: int
    end: int
    rule_index: int
    match: re.Match


# Rules whose matches may be widened by "early"/"late"/"the end of" (dates), or by
# "about"/"more than" (quantities: durations, "two years ago", clock times).
_POSITION_RULES = frozenset(
    """month_day month_daynum day_month daynum_month month_year month_rel_year rel_month month
    year spoken_year decade century season_year year_season rel_season the_season quarter
    quarter_ref half offset_pod offset weekday rel_weekday rel_unit the_unit holiday""".split()
)
_QUANTITY_RULES = frozenset(
    "duration duration_pair duration_adj ago clock clock_day day_clock month_day offset rel_plural year_end".split()
)


def find_time_expressions(text: str, dct: dt.date | None) -> list[TimeExpression]:
    """All time expressions of ``text``, sorted, non-overlapping, with TIMEX3 values.

    ``dct`` is the document creation time relative expressions are anchored to; with
    None, values stay underspecified (``XXXX-06-09``, ``XXXX-WXX-6``).
    """
    if not text:
        return []
    ctx = Context(dct=dct, text=text)
    found: list[TimeExpression] = []
    last_end = 0
    for cand in _select(_candidates(text, _lower(text))):
        start, mod = _widen(text, cand, last_end)
        ctx.span = (start, cand.end)
        rule = P.RULES[cand.rule_index]
        try:
            resolved = RESOLVERS[rule.resolver](cand.match, ctx)
        except (OverflowError, ValueError):
            # Calendar arithmetic past year 1 or 9999 (a DCT at the edge of
            # datetime's range): such a value cannot be written, so drop the match.
            resolved = None
        if resolved is None:
            continue
        if isinstance(resolved, tuple):
            kind, value, own_mod = resolved
            pieces = [(start, cand.end, kind, value, own_mod or mod)]
        else:
            pieces = resolved
        for p_start, p_end, kind, value, p_mod in pieces:
            found.append(TimeExpression(p_start, p_end, text[p_start:p_end], kind, value, p_mod))
            _remember(ctx, kind, value, main_quarter=rule.name == "quarter" and not cand.match.group("qago"))
        last_end = cand.end
    return found


# How far a match may reach before its first / after its last trigger word.
_LEFT, _RIGHT = 40, 40


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
    hits: dict[str, list[tuple[int, int]]] = {}
    # Distinct words first (C speed), then the few trigger words among them located.
    for word in P.TRIGGER_SET.intersection(P.TOKEN_REGEX.findall(lower)):
        spans = []
        n, i = len(word), lower.find(word)
        while i >= 0:
            if not (i and lower[i - 1].isalpha()) and not lower[i + n:i + n + 1].isalpha():
                spans.append((i, i + n))
            i = lower.find(word, i + n)
        for category in P.TRIGGER_WORDS[word]:
            hits.setdefault(category, []).extend(spans)
    for m in P.DIGIT_TRIGGER_REGEX.finditer(lower):
        hits.setdefault(m.lastgroup, []).append(m.span())
    if not hits:
        return []
    windows_of: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    out = []
    for index, rule in enumerate(P.RULES):
        windows = windows_of.get(rule.triggers)
        if windows is None:
            windows = windows_of[rule.triggers] = _windows(text, [s for t in rule.triggers for s in hits.get(t, ())])
        for lo, hi in windows:
            if rule.requires and not any(lower.find(word, lo, hi) >= 0 for word in rule.requires):
                continue
            for m in rule.regex.finditer(lower, lo, hi):
                if m.end() > m.start():
                    out.append(_Candidate(m.start(), m.end(), index, m))
    return out


_WORD_END = re.compile(r"[\s,;:!?()\"]|$")


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged character windows around trigger spans, ending between words."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo = max(0, start - _LEFT)
        hi = _WORD_END.search(text, min(len(text), end + _RIGHT)).start()
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest matches first, then earlier rules; drop anything overlapping a kept one."""
    taken: list[_Candidate] = []
    occupied = bytearray(max((c.end for c in candidates), default=0))
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rule_index, c.start)):
        if any(occupied[cand.start:cand.end]):
            continue
        occupied[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def _widen(text: str, cand: _Candidate, floor: int) -> tuple[int, str | None]:
    """Take a modifier word just before the match into the span; return start and mod."""
    name = P.RULES[cand.rule_index].name
    before = text[max(floor, cand.start - 40):cand.start]
    if name in _POSITION_RULES:
        m = P.POSITION_PREFIX.search(before)
        if m:
            key = re.sub(r"\s+", " ", m.group("pos").lower())
            key = key[4:] if key.startswith("the ") and key[4:] in V.POSITION_MODS and not key.endswith(" of") else key
            key = key.removeprefix("very ")
            return cand.start - len(m.group(0)), V.POSITION_MODS.get(key if key != "earlier" and key != "later" else "", None)
    if name in _QUANTITY_RULES:
        m = P.QUANTITY_PREFIX.search(before)
        if m:
            key = re.sub(r"\s+", " ", m.group("qmod").lower())
            if key in ("over", "under") and cand.match.group(0).lower().startswith("the "):
                return cand.start, None
            return cand.start - len(m.group(0)), V.QUANTITY_MODS[key]
    return cand.start, None


_ANCHOR_VALUE = re.compile(r"^(?:\d{4}|XXXX)")


def _remember(ctx: Context, kind: str, value: str, main_quarter: bool = False) -> None:
    """Make a resolved date the anchor of the anaphoric expressions after it."""
    if kind not in ("DATE", "TIME") or not _ANCHOR_VALUE.match(value):
        return
    ctx.last_value = value
    d = day_part(value)
    if d and d != "XXXX-XX-XX":
        ctx.last_day = d
    # Only a quarter named outright becomes "the quarter" of later sentences; the
    # year-ago quarter it is compared with does not.
    if main_quarter and re.match(r"^\d{4}-Q\d$", value):
        ctx.last_quarter = value
