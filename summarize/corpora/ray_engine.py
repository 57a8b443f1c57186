"""``summarize analyze --engine ray``: the per-article stage as a Ray Data job.

Ray Data reads the corpus in numbered pieces (``ray_sources.py``: JSON Lines or
Parquet), streaming, and ``map_batches`` hands batches to a pool of actors, each of which loads the model
once and runs ``corpus.analyze_items``, the unit of work of the local engine: the
lines are the same, byte for byte. Order is kept (``preserve_order``), so a JSON
Lines output is written by this process in input order and is resumable as the
local one is; an output named ``*.parquet`` is written by Ray Data itself, as a
directory of Parquet files with columns ``line``, ``analysis`` and ``error`` ("" when none).

Ray sends usage statistics to its makers unless told not to: every Ray this
project starts is told not to (``RAY_USAGE_STATS_ENABLED=0``), and a local one runs
on the loopback address without its dashboard. Joining a running cluster
(``--ray-address``) is ``ray_cluster.py``'s.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from pathlib import Path
from typing import Any

from ..errors import InputError, SummarizeError
from ..inputs.loading import InputFailure, input_from_record, jsonl_item
from ..pipeline import Briefer
from .corpus import AnalyzeRun, Progress, Reading, analyze_items, resume_point
from .ray_cluster import join_cluster, on_loopback, start_local
from .workers import WorkerSettings

INSTALL_HINT = "--engine ray needs Ray, which is not installed: pip install 'summarize[ray]'"
# Ray Data's object store budget for a run, per actor (pieces of input of about
# 1 MB, ray_sources.PIECE_BYTES, and their output lines).
OBJECT_STORE_BYTES_PER_ACTOR = 32 << 20
# The fields of a corpus record, as columns of a Parquet corpus.
RECORD_FIELDS = ("text", "html", "url", "date", "source")


def _import_ray(address: str | None):  # noqa: ANN202 - the ray module
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if address is None or on_loopback(address):
        # Ray resolves a node address of 127.0.0.1 to the machine's routable one
        # unless it is told it is not part of a cluster (read when ray is imported):
        # a Ray started for one run serves this machine alone, and a cluster on the
        # loopback is reached there (its head, started so, listens nowhere else).
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    try:
        import ray
        import ray.data
    except ImportError:
        raise SummarizeError(INSTALL_HINT) from None
    import logging

    # Standard error is for errors: Ray Data logs each job's plan and timing.
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return ray


class _Analyzer:
    """A Ray actor: loads the model once, analyzes batch after batch."""

    def __init__(
        self, settings: WorkerSettings, reading: Reading, name: str, date: dt.date | None, resumed: int, parquet: bool
    ) -> None:
        from ..summarizers.encoder import set_threads

        set_threads(settings.threads if settings.threads is not None else 1)
        self.briefer = settings.briefer()
        self.reading, self.name, self.date, self.resumed, self.parquet = reading, name, date, resumed, parquet

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        items = []
        for row, number in enumerate(batch["line"]):
            number = int(number)
            if number <= self.resumed:  # a Parquet row group begun before the resumed line
                continue
            item = self._item({key: batch[key][row] for key in batch if key != "line"}, number)
            if item is not None:
                items.append((number, item))
        lines = analyze_items(self.briefer, items, self.reading)
        return {
            "line": [number for number, _ in items],
            "analysis": [text for text, _ in lines],
            "error": [failure.message if failure else "" for _, failure in lines],
        }

    def _item(self, row: dict[str, Any], number: int):  # noqa: ANN202 - an input, a failure or None
        if not self.parquet:
            return jsonl_item(bytes(row["raw"]), number, self.name, self.date)
        where = f"{self.name}:{number}"
        record = {key: row[key] for key in RECORD_FIELDS if key in row and row[key] is not None}
        try:
            return input_from_record(record, where=where, date=self.date)
        except SummarizeError as error:
            return InputFailure(where, str(error))


def analyze_on_ray(
    corpus: str,
    out: str,
    *,
    briefer: Briefer,
    date: dt.date | None = None,
    reading: Reading = Reading(),
    address: str | None = None,
    progress: Progress | None = None,
) -> AnalyzeRun:
    """``corpus.analyze_corpus`` as a Ray Data job with ``briefer.workers`` actors, on
    the cluster at ``address`` or on a local Ray started (and stopped) here.
    ``progress`` gets the number of lines just written (JSON Lines output only: Ray
    Data writes a Parquet one)."""
    ray = _import_ray(address)
    if corpus == "-":
        raise SummarizeError("--engine ray reads a file or directory, not standard input")
    if not os.path.exists(corpus):
        raise SummarizeError(f"{corpus}: no such file or directory")
    parquet_in = corpus.endswith(".parquet") or os.path.isdir(corpus)
    parquet_out = out.endswith(".parquet")
    resumed = 0 if parquet_out else resume_point(out)
    from .ray_sources import JsonLinesPieces, ParquetRowGroups

    # Absolute paths: on a cluster the reading tasks run in directories of Ray's.
    source = os.path.abspath(corpus)
    try:
        pieces = (
            ParquetRowGroups(source, after_line=resumed)
            if parquet_in
            else JsonLinesPieces(source, name=_name(corpus), after_line=resumed)
        )
    except OSError as error:
        raise InputError(f"{corpus}: cannot read ({error.strerror or error})") from None
    if not pieces.get_read_tasks(parallelism=1):  # no piece left to read
        return AnalyzeRun(analyzed=0, resumed=resumed, failures=())  # every line is done already
    started = not ray.is_initialized()
    set_for_ray = _start(ray, address, briefer.workers) if started else []
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # output in input order
        context.enable_progress_bars = False  # standard error is for errors
        # Reading is far quicker than analyzing: without a limit Ray Data reads
        # ahead as far as its share of the object store allows (gigabytes), and a
        # corpus smaller than that is held whole. A few pieces per actor keep
        # every actor busy.
        context.execution_options.resource_limits = ray.data.ExecutionResources.for_limits(
            object_store_memory=OBJECT_STORE_BYTES_PER_ACTOR * (briefer.workers + 1)
        )
        # An actor that dies is not restarted (max_restarts=0): the job stops with
        # its error and a new run resumes; Ray warns on stderr about restarting
        # actors otherwise. Passing it this way is deprecated, hence the filter.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            analyzed = ray.data.read_datasource(pieces).map_batches(
                _Analyzer,
                batch_size=briefer.batch_size,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=briefer.workers),
                num_cpus=1,
                max_restarts=0,
                fn_constructor_kwargs={
                    "settings": WorkerSettings.of(briefer),
                    "reading": reading,
                    "name": _name(corpus),
                    "date": date,
                    "resumed": resumed,
                    "parquet": parquet_in,
                },
            )
        if parquet_out:
            analyzed.write_parquet(os.path.abspath(out))
            return _counted(ray.data.read_parquet(os.path.abspath(out)).iter_rows(), resumed)
        return _write_lines(analyzed, out, resumed, progress)
    finally:
        if started:
            ray.shutdown()
        for name in set_for_ray:
            os.environ.pop(name, None)


def _start(ray, address: str | None, actors: int) -> list[str]:  # noqa: ANN001 - the ray module
    """Start a local Ray or join the cluster at ``address``; the environment
    variables set for it, to remove after ``ray.shutdown()``."""
    import logging

    options: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING, "configure_logging": False}
    offline = {"RAY_USAGE_STATS_ENABLED": "0", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    if address is not None:
        # The actors run the package installed on the cluster's nodes; they load
        # models from disk only, as here.
        join_cluster(ray, address, dict(options, runtime_env={"env_vars": offline}))
        return []
    # A local Ray: on the loopback, no dashboard, and workers that import this
    # package from where this process does (a checkout as well as an install).
    package_root = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    # One CPU more than the actors take, for the reading tasks: with every CPU
    # held by an actor, nothing could read their input.
    options.update(
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        num_cpus=actors + 1,
        runtime_env={"env_vars": dict(offline, PYTHONPATH=path)},
    )
    return start_local(ray, options)


def _write_lines(
    analyzed,  # noqa: ANN001 - a ray Dataset
    out: str,
    resumed: int,
    progress: Progress | None,
) -> AnalyzeRun:
    from .corpus import _open_out

    count, failures = 0, []
    with _open_out(out) as handle:
        for batch in analyzed.iter_batches(batch_format="numpy"):
            handle.write("".join(f"{text}\n" for text in batch["analysis"]))
            handle.flush()
            if progress is not None:
                progress(len(batch["analysis"]))
            for line, error in zip(batch["line"], batch["error"]):
                if not error:  # "", not None: a column of Nones is read back as NaNs
                    count += 1
                else:
                    failures.append(InputFailure(str(line), str(error)))
    return AnalyzeRun(analyzed=count, resumed=resumed, failures=tuple(failures))


def _counted(rows, resumed: int) -> AnalyzeRun:  # noqa: ANN001 - rows of the Parquet output
    count, failures = 0, []
    for row in rows:
        if not row["error"]:
            count += 1
        else:
            failures.append(InputFailure(str(row["line"]), str(row["error"])))
    return AnalyzeRun(analyzed=count, resumed=resumed, failures=tuple(failures))


def _name(path: str) -> str:
    from ..inputs.loading import _name as loading_name

    return loading_name(path)
