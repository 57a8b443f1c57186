"""Smoke test of benchmarks/tempeval.py on a two-document gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import load_benchmark


def test_benchmark_writes_predictions_and_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    benchmark = load_benchmark("tempeval")
    scorer = benchmark.find_scorer()
    if not scorer.exists():
        pytest.skip("shared TempEval scorer not available")
    text = "Rebels took the town on Saturday. Talks resumed two days later."
    gold = [
        {
            "doc_id": "a",
            "dct": "2014-06-22",
            "text": text,
            "timexes": [{"start": 24, "end": 32, "text": "Saturday", "type": "DATE", "value": "2014-06-21"}],
        },
        {"doc_id": "b", "dct": None, "text": "Nothing happened.", "timexes": []},
    ]
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in gold), encoding="utf-8")
    code = benchmark.main([str(gold_path), "--out", str(pred_path), "--no-speed"])
    assert code == 0
    predictions = [json.loads(line) for line in pred_path.read_text(encoding="utf-8").splitlines()]
    assert [p["doc_id"] for p in predictions] == ["a", "b"]
    assert predictions[0]["timexes"][0]["value"] == "2014-06-21"
    out = capsys.readouterr().out
    assert "strict_f1" in out and "value_f1" in out
