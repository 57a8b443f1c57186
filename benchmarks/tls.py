#!/usr/bin/env python3
"""Timeline summarization on Timeline17 (the news-tls protocol), scored by the shared scorer.

    python benchmarks/tls.py ../shared/eval/tls --out PRED.jsonl [--topics mj,haiti] [--no-loto]

For every gold timeline: the topic's articles published inside the gold span, a
key-date timeline of l dates with k sentences each (l = gold dates, k = the gold
timeline's mean sentences per date, rounded), the topic keywords as --query.
Writes the predictions in the scorer's format, prints seconds and peak memory per
topic, then ``../shared/tools/tls_eval.py`` (AR-1 F, AR-2 F, Date F1) beside the
figures of news-tls's DATEWISE and CLUST on the same timelines.

Dev figures are honest only if the date ranker never saw the topic it is scored
on: by default each topic is ranked with the weights trained without it
(``benchmarks/date_ranker_loto.json``, written by ``train_date_ranker.py``);
``--no-loto`` uses the shipped weights (trained on every dev topic).
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

from benchmarks.common import find_shared, peak_rss_mb, read_jsonl  # noqa: E402

LOTO_WEIGHTS = REPO / "benchmarks" / "date_ranker_loto.json"

# news-tls's own code on these dev timelines (../shared/eval/tls/README.md): AR-1 F, AR-2 F, Date F1.
ANCHORS = {
    "DATEWISE": {
        "all": (0.168, 0.051, 0.705),
        "h1n1": (0.165, 0.039, 0.780),
        "haiti": (0.258, 0.093, 0.909),
        "iraq": (0.088, 0.030, 0.548),
        "mj": (0.158, 0.064, 0.432),
    },
    "CLUST": {
        "all": (0.098, 0.025, 0.541),
        "h1n1": (0.100, 0.023, 0.589),
        "haiti": (0.087, 0.012, 0.727),
        "iraq": (0.085, 0.031, 0.444),
        "mj": (0.105, 0.035, 0.297),
    },
}


def protocol(timeline: dict) -> tuple[dt.date, dt.date, int, int]:
    """start, end, l and k of a gold timeline (news-tls's T17 setting)."""
    dates = sorted(dt.date.fromisoformat(d["date"]) for d in timeline["dates"])
    lengths = [len(d["sentences"]) for d in timeline["dates"]]
    return dates[0], dates[-1], len(dates), round(sum(lengths) / len(lengths))


def load_topic(directory: Path):
    """The topic's articles as the product reads a JSON Lines corpus."""
    from summarize.inputs.loading import InputFailure, load_input, read_jsonl as read_corpus

    items = read_corpus(str(directory / "articles.jsonl"))
    failed = next((item for item in items if isinstance(item, InputFailure)), None)
    if failed is not None:
        raise SystemExit(f"tls: {failed.message}")
    return [load_input(item) for item in items if not isinstance(item, InputFailure)]


def ranker_weights(topic: str, loto: bool):
    if not loto:
        return None
    data = json.loads(LOTO_WEIGHTS.read_text(encoding="utf-8"))
    entry = data["without"][topic]
    return float(entry["bias"]), tuple(entry["weights"])


def predict_topic(directory: Path, *, loto: bool) -> tuple[list[dict], float, float]:
    """Predicted timelines of one topic, and its CPU and wall seconds."""
    from summarize.keydates import select_key_dates

    topic = directory.name
    started_cpu, started_wall = time.process_time(), time.perf_counter()
    articles = load_topic(directory)
    weights = ranker_weights(topic, loto)
    predictions = []
    for timeline in read_jsonl(directory / "timelines.jsonl"):
        start, end, dates, per_date = protocol(timeline)
        inside = [a for a in articles if a.date is not None and start <= a.date <= end]
        result = select_key_dates(
            inside,
            max_dates=dates,
            per_date=per_date,
            since=start,
            until=end,
            query=timeline["keywords"],
            overview_sentences=0,
            ranker_weights=weights,
        )
        predictions.append(
            {
                "topic": timeline["topic"],
                "name": timeline["name"],
                "dates": [{"date": k.value, "sentences": [s.text for s in k.sentences]} for k in result.key_dates],
            }
        )
    return predictions, time.process_time() - started_cpu, time.perf_counter() - started_wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tls_dir", type=Path, help="the Timeline17 folder (../shared/eval/tls)")
    parser.add_argument("--out", type=Path, required=True, help="predictions, one JSON line per gold timeline")
    parser.add_argument("--topics", help="comma-separated topics (default: every topic folder)")
    parser.add_argument("--no-loto", action="store_true", help="rank dates with the shipped weights")
    parser.add_argument("--no-score", action="store_true", help="write predictions only")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads for the encoder (default 1)")
    parser.add_argument("--scorer", type=Path, default=None, help="tls_eval.py (default: ../shared/tools/)")
    args = parser.parse_args(argv)

    from summarize.summarizers.encoder import set_threads

    set_threads(args.threads)
    topics = sorted(p for p in args.tls_dir.iterdir() if (p / "timelines.jsonl").is_file())
    if args.topics:
        wanted = set(args.topics.split(","))
        topics = [p for p in topics if p.name in wanted]
    from summarize.summarizers.encoder import get_encoder

    get_encoder()  # loaded once, outside the per-topic times
    lines, timing = [], []
    for directory in topics:
        predictions, cpu, wall = predict_topic(directory, loto=not args.no_loto)
        lines += predictions
        timing.append((directory.name, len(predictions), cpu, wall))
    args.out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in lines), encoding="utf-8")
    print(
        f"wrote {len(lines)} timelines to {args.out} ({'leave-one-topic-out' if not args.no_loto else 'shipped'} "
        f"date ranker)"
    )
    print("seconds per topic (articles read, tagged, selected; model loaded once before):")
    for name, count, cpu, wall in timing:
        print(f"  {name:6} {count} timeline(s)  CPU {cpu:6.1f} s  wall {wall:6.1f} s")
    print(f"peak RSS {peak_rss_mb():.0f} MB")
    if args.no_score:
        return 0
    scorer = args.scorer or find_shared("tools/tls_eval.py")
    # The scorer scores every gold timeline under its folder: give it only the topics run.
    gold = args.tls_dir
    if args.topics:
        import tempfile

        gold = Path(tempfile.mkdtemp(prefix="tls-gold-"))
        for directory in topics:
            (gold / directory.name).mkdir()
            (gold / directory.name / "timelines.jsonl").symlink_to(directory.resolve() / "timelines.jsonl")
    scored = subprocess.run([sys.executable, str(scorer), str(gold), str(args.out)], capture_output=True, text=True)
    print(scored.stdout, end="")
    if scored.returncode != 0:
        print(scored.stderr, end="", file=sys.stderr)
        return scored.returncode
    names = [d.name for d in topics]
    key = "all" if len(names) == len(ANCHORS["DATEWISE"]) - 1 else None
    print("anchors on the same timelines (news-tls's code, ../shared/eval/tls/README.md): AR-1 F / AR-2 F / Date F1")
    for method, figures in ANCHORS.items():
        rows = [figures[key]] if key else [figures[n] for n in names if n in figures]
        label = "all dev topics" if key else ", ".join(names) + " (per topic)"
        print(f"  {method:8} {label}: " + "; ".join(" / ".join(f"{x:.3f}" for x in row) for row in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
