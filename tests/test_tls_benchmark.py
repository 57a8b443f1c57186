"""benchmarks/tls.py end to end: predictions in the scorer's format, scored by the
shared tls_eval.py (tilse and Perl ROUGE, installed by `make test`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import load_benchmark
from keydates_story import ARTICLES

pytestmark = pytest.mark.slow


def scorer_or_skip(benchmark) -> Path:
    scorer = benchmark.find_shared("tools/tls_eval.py")
    if not scorer.exists():
        pytest.skip("shared TLS scorer not available")
    return scorer


def story_topic(root: Path) -> Path:
    """The invented story as a Timeline17-style topic, with a gold timeline written for it."""
    topic = root / "story"
    topic.mkdir(parents=True)
    topic.joinpath("articles.jsonl").write_text(
        "".join(
            json.dumps({"text": text, "date": date.isoformat(), "source": f"{outlet}/{n}"}) + "\n"
            for n, (outlet, date, text) in enumerate(ARTICLES, start=1)
        )
    )
    gold = {
        "topic": "story",
        "name": "story/gold.txt",
        "keywords": ["storm", "dam", "inquiry"],
        "dates": [
            {"date": "2015-03-03", "sentences": ["Storm Ada makes landfall on the southern coast."]},
            {"date": "2015-03-05", "sentences": ["The Kessel dam fails and floods the valley."]},
            {"date": "2015-03-16", "sentences": ["A public inquiry into the dam failure opens."]},
        ],
    }
    topic.joinpath("timelines.jsonl").write_text(json.dumps(gold) + "\n")
    return root


def figures(out: str) -> dict[str, float]:
    return {
        name: float(f) for name, f in re.findall(r"^\s+(AR-1|AR-2|Date)\s+P [\d.]+\s+R [\d.]+\s+F ([\d.]+)", out, re.M)
    }


def test_benchmark_on_an_invented_topic(tmp_path, capsys):
    benchmark = load_benchmark("tls")
    scorer_or_skip(benchmark)
    root = story_topic(tmp_path / "tls")
    out_path = tmp_path / "pred.jsonl"
    assert benchmark.main([str(root), "--out", str(out_path), "--no-loto"]) == 0
    (prediction,) = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert prediction["name"] == "story/gold.txt"
    # The protocol gives only the articles inside the gold span (3-16 March), where
    # 4 March (the engineers' warning) is named more often than 16 March.
    dates = [d["date"] for d in prediction["dates"]]
    assert len(dates) == 3 and {"2015-03-03", "2015-03-05"} <= set(dates)
    assert all(len(d["sentences"]) == 1 for d in prediction["dates"])
    scores = figures(capsys.readouterr().out)
    assert scores["Date"] >= 0.66 and scores["AR-1"] > 0.2


def test_benchmark_on_a_dev_topic(tmp_path, capsys):
    benchmark = load_benchmark("tls")
    scorer_or_skip(benchmark)
    tls = benchmark.find_shared("eval/tls")
    if not (tls / "haiti").is_dir():
        pytest.skip("Timeline17 dev topics not available")
    assert benchmark.main([str(tls), "--topics", "haiti", "--out", str(tmp_path / "pred.jsonl")]) == 0
    out = capsys.readouterr().out
    scores = figures(out)
    # DATEWISE on this topic: AR-1 0.258, AR-2 0.093, Date F1 0.909; ours is checked
    # against a floor here (the full comparison is the benchmark's job, not a test's).
    assert scores["Date"] >= 0.8 and scores["AR-1"] >= 0.12, out
    assert "DATEWISE" in out and "peak RSS" in out
