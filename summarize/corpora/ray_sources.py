"""The corpus of ``summarize analyze --engine ray`` as Ray Data sources that stream:
read in pieces, each piece numbered, as the actors take them.

A row needs its line number (a resumed run skips the lines already done, and a
line without a "source" is named after it). Numbering Ray Data's own reading with
``ray.data.range(n).zip(rows)`` holds the whole corpus: ``zip`` materializes both
of its inputs in the object store before it starts ("the implementation is bulk
for now", ray/data/_internal/execution/operators/zip_operator.py, Ray 2.60), and
``count()`` reads the corpus once more; the largest Ray process went from 447 to
662 MB when the corpus went from 24 to 96 MB. So each read task is given a piece
of the corpus and the number of its first line, found here before the job starts:
by one pass over a JSON Lines file (lines are counted, not parsed), or from the
footers of Parquet files. Ray Data's ``Datasource`` is the documented way to
give it read tasks of one's own.

Pieces are read where the tasks run: on a cluster the corpus must be at a path
every node reads, as for Ray Data's own readers.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
from ray.data import Datasource, ReadTask
from ray.data.block import BlockMetadata

from ..errors import InputError
from .ray_engine import RECORD_FIELDS

# A JSON Lines piece: about 250 news articles, a few seconds of an actor's work.
PIECE_BYTES = 1 << 20
# Rows of a Parquet row group read at a time (a row group may hold a whole corpus).
PARQUET_ROWS = 1024


class JsonLinesPieces(Datasource):
    """The lines of a JSON Lines file after line ``after_line``, in pieces of about
    ``PIECE_BYTES``: rows ``line`` (its number) and ``raw`` (its bytes, as the local
    engine reads them)."""

    def __init__(self, path: str, *, name: str, after_line: int = 0) -> None:
        super().__init__()
        self.path = path
        self.pieces = list(_line_pieces(path, name, after_line))  # (offset, size, first line)

    def estimate_inmemory_data_size(self) -> int:
        return sum(size for _, size, _ in self.pieces)

    def get_read_tasks(
        self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
    ) -> list[ReadTask]:
        return [
            ReadTask(
                functools.partial(_read_lines, self.path, offset, size, first),
                BlockMetadata(num_rows=None, size_bytes=size, exec_stats=None, input_files=(self.path,)),
            )
            for offset, size, first in self.pieces
        ]


def _line_pieces(path: str, name: str, after_line: int) -> Iterator[tuple[int, int, int]]:
    offset, start, size, first, articles = 0, 0, 0, 0, False
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            articles = articles or bool(raw.strip())
            if number > after_line:
                if not size:
                    start, first = offset, number
                size += len(raw)
                if size >= PIECE_BYTES:
                    yield start, size, first
                    size = 0
            offset += len(raw)
    if not articles:
        # As the local engine says it (loading.iter_jsonl).
        raise InputError(f"{name}: the file is empty: no articles in it")
    if size:
        yield start, size, first


def _read_lines(path: str, offset: int, size: int, first: int) -> Iterator[pa.Table]:
    with open(path, "rb") as handle:
        handle.seek(offset)
        data = handle.read(size)
    lines = io.BytesIO(data).readlines()  # split as iterating the file splits it: after each b"\n"
    yield pa.table(
        {"line": pa.array(range(first, first + len(lines)), pa.int64()), "raw": pa.array(lines, pa.binary())}
    )


class ParquetRowGroups(Datasource):
    """The rows of a Parquet file, or of a directory's ``*.parquet`` files in sorted
    order, after row ``after_line``, a row group per read task: the record columns
    present (``RECORD_FIELDS``) and ``line``, the row's number from 1."""

    def __init__(self, path: str, *, after_line: int = 0) -> None:
        import pyarrow.parquet as pq

        super().__init__()
        files = sorted(str(p) for p in Path(path).rglob("*.parquet")) if os.path.isdir(path) else [path]
        self.groups: list[tuple[str, int, int, int]] = []  # (file, row group, first row, rows)
        line = 0
        for file in files:
            metadata = pq.ParquetFile(file).metadata
            for group in range(metadata.num_row_groups):
                rows = metadata.row_group(group).num_rows
                if rows and line + rows > after_line:
                    self.groups.append((file, group, line + 1, rows))
                line += rows

    def estimate_inmemory_data_size(self) -> None:
        return None

    def get_read_tasks(
        self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
    ) -> list[ReadTask]:
        return [
            ReadTask(
                functools.partial(_read_row_group, file, group, first),
                BlockMetadata(num_rows=rows, size_bytes=None, exec_stats=None, input_files=(file,)),
            )
            for file, group, first, rows in self.groups
        ]


def _read_row_group(file: str, group: int, first: int) -> Iterator[pa.Table]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(file)
    columns = [name for name in RECORD_FIELDS if name in parquet.schema_arrow.names]
    for batch in parquet.iter_batches(batch_size=PARQUET_ROWS, row_groups=[group], columns=columns):
        table = pa.Table.from_batches([batch])
        yield table.append_column("line", pa.array(range(first, first + batch.num_rows), pa.int64()))
        first += batch.num_rows
