#!/usr/bin/env python3
"""Tag a TempEval-style gold file, score the predictions, and time the tagger.

    python benchmarks/tempeval.py GOLD.jsonl --out PRED.jsonl [--scorer PATH]

Writes one JSON line per document (doc_id, timexes) to --out, prints the scores of
the shared TempEval-3 scorer (``../shared/tools/timex_score.py`` relative to the
repository, or to a directory above it, unless --scorer says otherwise), then the time per document of this
tagger and of ``dateparser.search.search_dates`` anchored at the DCT, and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.common import find_shared, read_jsonl  # noqa: E402
from summarize.temporal import find_time_expressions  # noqa: E402


def find_scorer() -> Path:
    """The shared TempEval scorer (see ``common.find_shared``)."""
    return find_shared("tools/timex_score.py")


def parse_dct(doc: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(doc.get("dct") or "")
    except ValueError:
        return None


def tag(docs: list[dict]) -> tuple[list[dict], float]:
    """Predictions for every document, and the seconds the tagging took."""
    out, started = [], time.process_time()
    for doc in docs:
        timexes = find_time_expressions(doc["text"], parse_dct(doc))
        out.append(
            {
                "doc_id": doc["doc_id"],
                "timexes": [
                    {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod}
                    for t in timexes
                ],
            }
        )
    return out, time.process_time() - started


def time_both(docs: list[dict], rounds: int) -> tuple[float, float] | None:
    """Seconds per pass over ``docs`` of this tagger and of dateparser's search_dates.

    Each round times one pass of the tagger, then one of dateparser, in process
    CPU time (other processes on the machine do not count); the best round of
    each is kept, as ``timeit`` does, so both are compared warm. None if
    dateparser is not installed.
    """
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    search_dates("warm up on Monday", languages=["en"])  # its first call loads data
    inputs = [(doc["text"], parse_dct(doc)) for doc in docs]
    ours = theirs = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for text, dct in inputs:
            find_time_expressions(text, dct)
        ours = min(ours, time.process_time() - started)
        started = time.process_time()
        for text, dct in inputs:
            settings = {"RELATIVE_BASE": dt.datetime.combine(dct, dt.time())} if dct else {}
            search_dates(text, languages=["en"], settings=settings)
        theirs = min(theirs, time.process_time() - started)
    return ours, theirs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="where to write the predictions (JSON Lines)")
    ap.add_argument("--scorer", type=Path, default=None, help="path of timex_score.py")
    ap.add_argument("--errors", type=int, default=0, help="list up to N value errors")
    ap.add_argument("--speed-docs", type=int, default=0, help="time dateparser on the first N documents only (0 = all)")
    ap.add_argument("--speed-rounds", type=int, default=3, help="timing rounds; the best is kept")
    ap.add_argument("--no-speed", action="store_true", help="skip the dateparser timing")
    a = ap.parse_args(argv)

    docs = read_jsonl(a.gold)
    find_time_expressions("warm up on Monday", dt.date(2000, 1, 3))  # compile the patterns
    predictions, seconds = tag(docs)
    with a.out.open("w", encoding="utf-8") as f:
        for p in predictions:
            f.write(json.dumps(p) + "\n")

    scorer = a.scorer or find_scorer()
    command = [sys.executable, str(scorer), str(a.gold), str(a.out)]
    if a.errors:
        command += ["--errors", str(a.errors)]
    result = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)

    per_doc = seconds / max(1, len(docs))
    print(f"tagger          {per_doc * 1000:.2f} ms/doc over {len(docs)} docs")
    if not a.no_speed:
        sample = docs[: a.speed_docs] if a.speed_docs else docs
        timed = time_both(sample, max(1, a.speed_rounds))
        if timed is None:
            print("dateparser      not installed; no speed ratio")
        else:
            ours, theirs = (seconds / len(sample) for seconds in timed)
            print(
                f"speed: tagger   {ours * 1000:.2f} ms/doc over {len(sample)} docs (CPU time, best of {a.speed_rounds} rounds)"
            )
            print(f"speed: dateparser {theirs * 1000:.2f} ms/doc (search_dates, RELATIVE_BASE=DCT)")
            print(f"speed ratio     {theirs / ours:.1f}x faster than search_dates")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
