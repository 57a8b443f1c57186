"""Table-driven checks of the temporal tagger: tests/data/timex_cases.tsv.

Each row names a sentence, a DCT, the expression expected in it and its TIMEX3
type, value and mod; type NONE says nothing may be tagged over that text.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from summarize.temporal import find_time_expressions

CASES = Path(__file__).parent / "data" / "timex_cases.tsv"


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def test_table_is_big_enough() -> None:
    assert len(ROWS) >= 150


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{r['timex']}" for i, r in enumerate(ROWS)])
def test_case(row: dict[str, str]) -> None:
    sentence = row["sentence"]
    dct = None if row["dct"] == "-" else dt.date.fromisoformat(row["dct"])
    found = find_time_expressions(sentence, dct)
    start = sentence.find(row["timex"])
    assert start >= 0, "the timex text must occur in the sentence"
    end = start + len(row["timex"])
    overlapping = [t for t in found if t.start < end and start < t.end]
    if row["type"] == "NONE":
        assert not overlapping, overlapping
        return
    exact = [t for t in overlapping if (t.start, t.end) == (start, end)]
    assert exact, f"expected span {row['timex']!r}, found {[t.text for t in found]}"
    t = exact[0]
    mod = None if row["mod"] == "-" else row["mod"]
    assert (t.type, t.value, t.mod) == (row["type"], row["value"], mod)
