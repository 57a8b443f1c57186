"""benchmarks/rouge.py end to end on a tiny gold file (needs shared/ and rouge-score)."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import json
import re
from pathlib import Path

import pytest

from conftest import load_benchmark

ARTICLES = [
    (
        "The river flooded the old town on Monday after three days of heavy rain. "
        "Officials opened two shelters for families who lost their homes overnight. "
        "Schools will stay closed until the water level falls below the warning mark. "
        "'We have never seen anything like it,' said one resident who has lived there for years."
    ),
    (
        "(CNN)The city council approved a budget increase for public libraries on Tuesday. "
        "The plan adds money for longer opening hours and two new branches in the suburbs. "
        "Council members voted eight to three in favour after a long debate on the costs. "
        "The mayor is expected to sign the budget into law by the end of the month."
    ),
]


def test_benchmark_writes_predictions_and_prints_both_scores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("rouge_score")
    benchmark = load_benchmark("rouge")
    shared = benchmark.default_shared()
    if not (shared / "tools" / "rouge_eval.py").is_file():
        pytest.skip("no shared/tools/rouge_eval.py beside the checkout")
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": f"doc{i}", "article": a, "reference": a.split(". ")[0] + "."} for i, a in enumerate(ARTICLES)]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "pred.jsonl"

    assert benchmark.main([str(gold), "--out", str(out), "--no-lexrank"]) == 0

    predictions = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in predictions] == ["doc0", "doc1"]
    assert predictions[0]["summary"].startswith("The river flooded the old town")
    assert predictions[1]["summary"].startswith("The city council approved")  # no "(CNN)"
    printed = capsys.readouterr().out
    assert "extractive: MiniLM" in printed and "Lead-3" in printed
    assert "s/article" in printed and "peak memory" in printed
    assert "MiniLM encoder alone, 10 sentences x 16 word pieces" in printed
    assert re.search(r"95% interval +\[[+-]\d+\.\d\d,[+-]\d+\.\d\d\]", printed)
