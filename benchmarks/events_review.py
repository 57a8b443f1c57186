#!/usr/bin/env python3
"""Print the timeline events of real articles, to read them by eye.

    python benchmarks/events_review.py cnndm [--n 40] [--skip 0] [--dct 2015-04-10]
    python benchmarks/events_review.py timebank [--n 40] [--no-dct]
    python benchmarks/events_review.py FILE.jsonl ...

One block per article: its id, then one line per event,
``label | headline | time_text``, and with --sentences the source sentence.
CNN/DailyMail articles have no date, so they run without one unless --dct gives
a stand-in; TimeBank documents have their own (--no-dct drops it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.common import find_shared, read_jsonl  # noqa: E402
from summarize.events import extract_events  # noqa: E402
from summarize.models import Article  # noqa: E402
from summarize.sentences import split_sentences  # noqa: E402
from summarize.temporal import find_time_expressions  # noqa: E402

CORPORA = {
    "cnndm": find_shared("eval/cnndm-dev.jsonl"),
    "timebank": find_shared("eval/tempeval/timebank.jsonl"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="cnndm, timebank, or a JSONL path (fields article|text, dct)")
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--dct", help="article date for documents without one (YYYY-MM-DD)")
    parser.add_argument("--no-dct", action="store_true", help="ignore the documents' own dates")
    parser.add_argument("--sentences", action="store_true", help="print each event's sentence")
    args = parser.parse_args(argv)

    docs = read_jsonl(CORPORA.get(args.corpus, Path(args.corpus)))[args.skip : args.skip + args.n]
    stand_in = dt.date.fromisoformat(args.dct) if args.dct else None
    total_events = 0
    elapsed = 0.0
    for doc in docs:
        text = doc.get("article") or doc.get("text") or ""
        date = None if args.no_dct else (dt.date.fromisoformat(doc["dct"]) if doc.get("dct") else stand_in)
        started = time.perf_counter()
        article = Article(text=text, source=doc.get("id") or doc.get("doc_id") or "?", date=date)
        events = extract_events(article, find_time_expressions(text, date), split_sentences(text))
        elapsed += time.perf_counter() - started
        total_events += len(events)
        print(f"=== {article.source}  (date {date})")
        for event in events:
            print(f"  {event.label} | {event.headline} | {event.time.text}")
            if args.sentences:
                print(f"      > {event.sentence}")
    print(f"--- {len(docs)} articles, {total_events} events, {elapsed / max(len(docs), 1) * 1000:.1f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
