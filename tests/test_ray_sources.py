"""``ray_sources.py``: the corpus in numbered pieces, read by Ray Data's tasks. The
read functions are called here directly, without a Ray."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

pytest.importorskip("ray", reason="pip install 'summarize[ray]'")

from summarize.corpora import ray_sources
from summarize.errors import InputError


def read_all(source) -> pa.Table:
    return pa.concat_tables([table for task in source.get_read_tasks(parallelism=1) for table in task.read_fn()])


def test_pieces_hold_every_line_once_with_its_number(tmp_path, monkeypatch):
    monkeypatch.setattr(ray_sources, "PIECE_BYTES", 100)
    corpus = tmp_path / "in.jsonl"
    lines = [f'{{"text": "line {n} {"x" * (n * 7 % 60)}"}}\n'.encode() if n % 5 else b"\n" for n in range(1, 41)]
    corpus.write_bytes(b"".join(lines) + b'{"text": "no newline at the end"}')
    source = ray_sources.JsonLinesPieces(str(corpus), name="in.jsonl")
    assert len(source.get_read_tasks(parallelism=1)) > 10
    table = read_all(source)
    assert table.column("line").to_pylist() == list(range(1, 42))
    assert table.column("raw").to_pylist() == [*lines, b'{"text": "no newline at the end"}']
    # Resumed after line 23: the pieces begin at line 24.
    resumed = read_all(ray_sources.JsonLinesPieces(str(corpus), name="in.jsonl", after_line=23))
    assert resumed.column("line").to_pylist() == list(range(24, 42))


def test_a_corpus_of_blank_lines_is_the_local_engines_error(tmp_path):
    corpus = tmp_path / "blank.jsonl"
    corpus.write_text("\n  \n")
    with pytest.raises(InputError, match=r"^blank\.jsonl: the file is empty: no articles in it$"):
        ray_sources.JsonLinesPieces(str(corpus), name="blank.jsonl")


def test_parquet_row_groups_of_several_files_are_numbered_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(ray_sources, "PARQUET_ROWS", 3)
    directory = tmp_path / "corpus"
    directory.mkdir()
    for part, start in (("b", 8), ("a", 0)):  # sorted by name: a's rows come first
        rows = [{"text": f"article {n}", "other": n} for n in range(start, start + 8)]
        pq.write_table(pa.Table.from_pylist(rows), directory / f"part-{part}.parquet", row_group_size=5)
    source = ray_sources.ParquetRowGroups(str(directory))
    assert len(source.get_read_tasks(parallelism=1)) == 4  # 5 + 3 rows in each file
    table = read_all(source)
    assert table.column_names == ["text", "line"]
    assert table.column("line").to_pylist() == list(range(1, 17))
    assert table.column("text").to_pylist() == [f"article {n}" for n in range(16)]
    # Resumed after row 6: the second row group of the first file on (rows 6 to 8).
    assert read_all(ray_sources.ParquetRowGroups(str(directory), after_line=6)).column("line").to_pylist()[0] == 6
