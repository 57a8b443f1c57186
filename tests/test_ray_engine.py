"""``summarize analyze --engine ray`` on a real local Ray: the same lines as the
local engine, byte for byte, and Ray told to send no usage statistics.

Needs the ``summarize[ray]`` extra (the Makefile's install has it); without it these
tests are skipped, and the one-line error for a missing Ray is tested instead.
"""

from __future__ import annotations

import json
import os

import pytest

from test_analyze import analyze, corpus
from test_cli import run

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="pip install 'summarize[ray]'")


def test_ray_writes_what_the_local_engine_writes(tmp_path):
    articles, local, on_ray = tmp_path / "in.jsonl", tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    corpus(articles, 40, bad_at=20)
    with articles.open("a") as handle:
        handle.write("\n" + json.dumps({"text": "The council met on Monday, June 2, 2014."}) + "\n")
    assert analyze("--jsonl", str(articles), "--out", str(local)).returncode == 3
    result = analyze("--jsonl", str(articles), "--out", str(on_ray), "--engine", "ray", "--workers", "2")
    assert result.returncode == 3, result.stderr.decode()
    assert result.stderr.decode() == f'summarize: error: {articles}:22: "text" must be a string\n'
    assert on_ray.read_bytes() == local.read_bytes()
    lines = on_ray.read_text().splitlines()
    assert len(lines) == 42 and json.loads(lines[-1])["source"] == f"{articles}:43"
    # Resumed on Ray: a cut file is completed to the same bytes.
    on_ray.write_text("".join(line + "\n" for line in lines[:30]))
    assert analyze("--jsonl", str(articles), "--out", str(on_ray), "--engine", "ray").returncode == 0
    assert on_ray.read_bytes() == local.read_bytes()


def test_ray_reads_and_writes_parquet(tmp_path):
    import pyarrow.parquet as pq

    articles, local = tmp_path / "in.jsonl", tmp_path / "local.jsonl"
    corpus(articles, 5)
    records = [json.loads(line) for line in articles.read_text().splitlines()]
    pq.write_table(__import__("pyarrow").Table.from_pylist(records), tmp_path / "in.parquet")
    assert analyze("--jsonl", str(articles), "--out", str(local)).returncode == 0
    out = tmp_path / "out.parquet"
    result = analyze("--jsonl", str(tmp_path / "in.parquet"), "--out", str(out), "--engine", "ray")
    assert result.returncode == 0, result.stderr.decode()
    table = pq.read_table(out).sort_by("line")
    assert table.column("line").to_pylist() == [1, 2, 3, 4, 5]
    assert table.column("analysis").to_pylist() == local.read_text().splitlines()


def test_without_ray_the_engine_is_a_one_line_error(tmp_path):
    articles = tmp_path / "in.jsonl"
    corpus(articles, 1)
    # A ray package that cannot be imported stands for a missing extra.
    (tmp_path / "ray").mkdir()
    (tmp_path / "ray" / "__init__.py").write_text("raise ImportError('no ray here')\n")
    env_path = os.pathsep.join(p for p in (str(tmp_path), os.environ.get("PYTHONPATH")) if p)
    import subprocess
    import sys

    from conftest import ROOT

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "summarize",
            "analyze",
            "--jsonl",
            str(articles),
            "--out",
            str(tmp_path / "o.jsonl"),
            "--engine",
            "ray",
        ],
        capture_output=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=env_path),
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "summarize: error: --engine ray needs Ray, which is not installed: pip install 'summarize[ray]'\n"
    )


def test_ray_address_without_the_ray_engine_is_refused(tmp_path):
    articles = tmp_path / "in.jsonl"
    corpus(articles, 1)
    result = run("analyze", "--jsonl", str(articles), "--out", str(tmp_path / "o"), "--ray-address", "x:6379")
    assert result.returncode == 2 and "--ray-address needs --engine ray" in result.stderr.decode()


def test_a_corpus_of_many_pieces_is_numbered_as_the_local_engine_numbers_it(tmp_path):
    """40 pages of 100 KB each: four pieces of about 1 MB (``ray_sources.PIECE_BYTES``)
    read by separate tasks, with blank lines and a bad line among them."""
    from conftest import ROOT, load_benchmark

    records = [json.loads(line) for line in (ROOT / "examples" / "storm-ada.jsonl").read_text().splitlines()]
    articles, local, on_ray = tmp_path / "in.jsonl", tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    load_benchmark("common").repeat_corpus(records, 40, articles, padding_kb=100)
    lines = articles.read_text().splitlines(keepends=True)
    articles.write_text("".join(lines[:15]) + "\n\n" + '{"text": 3}\n' + "".join(lines[15:]))
    assert analyze("--jsonl", str(articles), "--out", str(local)).returncode == 3
    result = analyze("--jsonl", str(articles), "--out", str(on_ray), "--engine", "ray", "--workers", "2")
    assert result.returncode == 3, result.stderr.decode()
    assert result.stderr.decode() == f'summarize: error: {articles}:18: "text" must be a string\n'
    assert on_ray.read_bytes() == local.read_bytes()
    assert [json.loads(line)["line"] for line in on_ray.read_text().splitlines()][14:18] == [15, 18, 19, 20]
