#!/usr/bin/env python3
"""Train the key-date ranker's weights on the Timeline17 dev topics.

    python benchmarks/train_date_ranker.py ../shared/eval/tls

For every gold timeline, the candidate days are the days that the topic's articles
inside the gold span name (``keydates.ranking.day_features``), labelled 1 when the
journalists' timeline has that day. A logistic regression (L2-regularized, fitted
by Newton's method in numpy: eight features need nothing more) learns the weights.

Writes ``summarize/keydates/date_ranker.json`` (trained on every dev topic: what the
product ships) and ``benchmarks/date_ranker_loto.json`` (one set of weights per topic,
trained without it, which ``benchmarks/tls.py`` uses for honest dev figures), and
prints the leave-one-topic-out date F1 of the top-l days beside plain mention counts.
Timelines are weighted equally (each one's days sum to weight 1), so the 155-date
Iraq timeline does not drown the others.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.common import read_jsonl  # noqa: E402
from benchmarks.tls import load_topic, protocol  # noqa: E402
from summarize.keydates.mentions import collection_mentions  # noqa: E402
from summarize.keydates.ranking import FEATURES, WEIGHTS_FILE, day_features, scaled  # noqa: E402

LOTO_FILE = REPO / "benchmarks" / "date_ranker_loto.json"
L2 = 1.0


def timeline_rows(directory: Path) -> list[dict]:
    """Per gold timeline of the topic: its candidate days, scaled features, labels, l."""
    articles = load_topic(directory)
    rows = []
    for timeline in read_jsonl(directory / "timelines.jsonl"):
        start, end, length, _ = protocol(timeline)
        inside = [a for a in articles if a.date is not None and start <= a.date <= end]
        days, matrix = day_features(collection_mentions(inside))
        keep = [i for i, day in enumerate(days) if start <= day <= end]
        gold = {dt.date.fromisoformat(d["date"]) for d in timeline["dates"]}
        rows.append(
            {
                "topic": directory.name,
                "days": [days[i] for i in keep],
                "x": scaled(matrix[keep]),
                "y": np.array([days[i] in gold for i in keep], dtype=np.float64),
                "l": length,
                "gold": gold,
            }
        )
    return rows


def fit(rows: list[dict], l2: float = L2) -> tuple[float, list[float]]:
    """Weighted L2 logistic regression by Newton's method; returns (bias, weights)."""
    x = np.vstack([np.hstack([np.ones((len(r["y"]), 1)), r["x"]]) for r in rows])
    y = np.concatenate([r["y"] for r in rows])
    sample = np.concatenate([np.full(len(r["y"]), 1.0 / max(1, len(r["y"]))) for r in rows])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2 / len(rows))
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (sample * (p - y)) + penalty * w
        hessian = (x * (sample * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return float(w[0]), [float(v) for v in w[1:]]


def date_f1(row: dict, scores: np.ndarray) -> float:
    order = sorted(range(len(row["days"])), key=lambda i: (-scores[i], row["days"][i]))[: row["l"]]
    return len({row["days"][i] for i in order} & row["gold"]) / row["l"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tls_dir", type=Path)
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args(argv)
    rows = [
        row for d in sorted(args.tls_dir.iterdir()) if (d / "timelines.jsonl").is_file() for row in timeline_rows(d)
    ]
    topics = sorted({r["topic"] for r in rows})
    loto: dict[str, dict[str, Any]] = {}
    print(f"{'timeline':8} {'l':>4} {'mentions':>9} {'learned (LOTO)':>15}")
    counts, learned = [], []
    for topic in topics:
        bias, weights = fit([r for r in rows if r["topic"] != topic], args.l2)
        loto[topic] = {"bias": bias, "weights": weights}
        for row in (r for r in rows if r["topic"] == topic):
            by_count = date_f1(row, row["x"][:, FEATURES.index("mentions")])
            by_model = date_f1(row, bias + row["x"] @ np.array(weights))
            counts.append(by_count)
            learned.append(by_model)
            print(f"{topic:8} {row['l']:4d} {by_count:9.3f} {by_model:15.3f}")
    print(f"{'mean':8} {'':4} {np.mean(counts):9.3f} {np.mean(learned):15.3f}  (date F1 of the top-l days)")
    bias, weights = fit(rows, args.l2)
    WEIGHTS_FILE.write_text(
        json.dumps(
            {
                "features": list(FEATURES),
                "bias": round(bias, 6),
                "weights": [round(w, 6) for w in weights],
                "trained_on": "Timeline17 dev topics " + ", ".join(topics),
                "trained_by": "benchmarks/train_date_ranker.py",
            },
            indent=1,
        )
        + "\n"
    )
    LOTO_FILE.write_text(
        json.dumps(
            {
                "features": list(FEATURES),
                "without": {
                    t: {"bias": round(v["bias"], 6), "weights": [round(w, 6) for w in v["weights"]]}
                    for t, v in loto.items()
                },
            },
            indent=1,
        )
        + "\n"
    )
    print(f"wrote {WEIGHTS_FILE.relative_to(REPO)} and {LOTO_FILE.relative_to(REPO)}")
    print(f"shipped weights: bias {bias:.3f}; " + ", ".join(f"{n} {w:+.3f}" for n, w in zip(FEATURES, weights)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
