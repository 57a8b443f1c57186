"""What the benchmark scripts share: where ``shared/`` is, reading its JSON Lines,
the peak memory they report, and whole commands measured by the kernel's own
accounting (``measure``)."""

from __future__ import annotations

import html
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]


def find_shared(relative: str) -> Path:
    """``shared/<relative>`` in the nearest folder above the checkout that has it (a
    git worktree in ``wt/NAME`` sits a level deeper), else ``../shared/<relative>``."""
    for directory in REPO.parents:
        candidate = directory / "shared" / relative
        if candidate.exists():
            return candidate
    return REPO.parent / "shared" / relative


def read_jsonl(path: Path) -> list[dict]:
    """The objects of a JSON Lines file; blank lines are skipped."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def repeat_corpus(records: list[dict], count: int, path: Path, *, padding_kb: int = 0) -> None:
    """A JSON Lines corpus of ``count`` articles: ``records`` (``{"text", "date",
    "source"}``) repeated, each repeat another source (``SOURCE#N``).

    With ``padding_kb``, each article is an HTML page that also holds a comment of
    that many KB, which the page reader drops: the line, and the input made from it,
    stay that heavy until a worker reads the page, so that lines or inputs held in
    memory (a corpus read whole, batches queued without bound) show in the peak."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = dict(records[n % len(records)])
            record["source"] = f"{record['source']}#{n // len(records)}"
            if padding_kb:
                paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record.pop("text").split("\n") if p.strip())
                record["html"] = (
                    f"<!doctype html><html><head><title>{html.escape(record['source'])}</title>"
                    f"<!-- {'p' * (padding_kb * 1024)} --></head><body><article>{paragraphs}"
                    f"</article></body></html>"
                )
            out.write(json.dumps(record) + "\n")


def peak_rss_mb() -> float:
    """The process's peak resident set size in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# A NamedTuple rather than a dataclass: the tests load the benchmark scripts as
# modules that are not in sys.modules, where dataclasses cannot resolve annotations.
class Measured(NamedTuple):
    """A whole command and the processes it started, as the kernel accounted them."""

    code: int | None  # the exit code; None when it ran out of time and was killed
    cpu: float  # user + sys seconds of the command and of every process it started (see measure)
    wall: float
    peak_mb: float  # the largest peak resident set of any one of them, not their sum (see measure)
    command_mb: float  # the command's own peak resident set
    others_mb: float  # the largest peak among the processes it started (0 when none)
    stderr: str  # the command's standard error (its last 4,000 characters)


# A small process that runs the command and reports its rusage. The command is not
# started from the caller itself: Linux counts a child's peak RSS from the memory it
# was forked from (exec keeps the old high-water mark), so a child of a 1 GB pytest
# process "peaked" at 1 GB whatever it did. The launcher is a child subreaper
# (prctl PR_SET_CHILD_SUBREAPER): what the command started and left behind (Ray's
# raylet and workers, orphaned as the command ends) is reparented to it and reaped
# here, so the rusage of its children covers the whole process tree; ru_maxrss of
# children is the largest peak of any one of them. It prints the command's pid
# first, for the caller to follow the tree, and its figures last.
_LAUNCHER = """
import ctypes, json, os, resource, signal, subprocess, sys, time
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)
timeout = float(sys.argv[1])
start = time.perf_counter()
process = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
print(process.pid, flush=True)
timed_out = False
while True:
    pid, status = os.waitpid(process.pid, os.WNOHANG)
    if pid:
        break
    if timeout and time.perf_counter() - start > timeout:
        process.kill()
        _, status = os.waitpid(process.pid, 0)
        timed_out = True
        break
    time.sleep(0.02)
wall = time.perf_counter() - start
# Reap what the command left (given 30 s to end by itself, then killed).
deadline = time.monotonic() + 30
while True:
    try:
        pid, _ = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        break
    if pid:
        continue
    if time.monotonic() > deadline:
        for entry in os.listdir("/proc"):
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                if parent == os.getpid():
                    os.kill(int(entry), signal.SIGKILL)
            except (OSError, ValueError, IndexError):
                pass
    time.sleep(0.1)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([None if timed_out else os.waitstatus_to_exitcode(status),
                  usage.ru_utime + usage.ru_stime, usage.ru_maxrss, wall]))
"""


def measure(command: list[str], *, env: dict[str, str], cwd: Path = REPO, timeout: float | None = None) -> Measured:
    """Run ``command`` as a whole process (standard output discarded) and measure it
    and every process it starts: CPU time and the largest peak RSS as the kernel
    accounted them (rusage), and wall time; killed after ``timeout`` seconds
    (``code`` None).

    Each process's high-water mark (VmHWM) and CPU time are also sampled from /proc
    every 0.1 s: they tell which process peaked (the command's own, the largest
    other), and they count what the rusage of children cannot. A process whose
    parent ignores SIGCHLD is reaped by the kernel at once, and its rusage is added
    to nobody's: Ray's raylet ignores it (its SigIgn mask has SIGCHLD), so a Ray
    actor that ends before the raylet is lost to the rusage (an actor of 450 MB was,
    in one run of five). Both figures can only miss something, the rusage whole
    processes and the samples a process's last 0.1 s, so the larger is reported."""
    peaks: dict[int, int] = {}
    ticks: dict[int, int] = {}
    # stderr goes to a file, not a pipe: a pipe nobody reads while waiting could fill and stall the child.
    with tempfile.TemporaryFile() as stderr:
        launcher = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(timeout or 0), *command],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        assert launcher.stdout is not None
        first = launcher.stdout.readline().strip()
        command_pid = int(first) if first.isdigit() else None
        while launcher.poll() is None:
            for pid in descendants(launcher.pid):
                peaks[pid] = max(peaks.get(pid, 0), peak_kb(pid))
                ticks[pid] = max(ticks.get(pid, 0), cpu_ticks(pid))
            time.sleep(0.1)
        lines = launcher.stdout.read().decode().strip().splitlines()
        stderr.seek(max(0, os.fstat(stderr.fileno()).st_size - 4000))
        message = stderr.read().decode("utf-8", "replace")
    if launcher.returncode != 0 or not lines:
        raise SystemExit(f"the launcher of {' '.join(command)} failed ({launcher.returncode}): {message[-500:]}")
    code, cpu, maxrss, wall = json.loads(lines[-1])
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    peak = maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024
    others = [kb for pid, kb in peaks.items() if pid != command_pid]
    sampled_cpu = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")
    sampled_peak = max(peaks.values(), default=0) / 1024
    return Measured(
        code=code,
        cpu=max(cpu, sampled_cpu),
        wall=wall,
        peak_mb=max(peak, sampled_peak),
        command_mb=peaks.get(command_pid or -1, 0) / 1024,
        others_mb=max(others, default=0) / 1024,
        stderr=message,
    )


def descendants(root: int) -> list[int]:
    """The processes under ``root`` (children, their children...), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def cpu_ticks(pid: int) -> int:
    """User + system clock ticks of a running process itself; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, IndexError, ValueError):
        return 0


def peak_kb(pid: int) -> int:
    """The peak resident set (VmHWM) of a running process in KiB; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure_analyze(engine: str, workers: int, corpus: Path, out: Path, *, timeout: float | None = None) -> Measured:
    """One whole ``summarize analyze`` of ``corpus`` into ``out`` (offline, Ray's usage
    statistics off), measured; ``SystemExit`` with its stderr when it fails."""
    command = [sys.executable, "-m", "summarize", "analyze", "--jsonl", str(corpus), "--out", str(out)]
    command += ["--workers", str(workers), "--engine", engine]
    env = dict(
        os.environ, PYTHONPATH=str(REPO), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", RAY_USAGE_STATS_ENABLED="0"
    )
    measured = measure(command, env=env, cwd=REPO, timeout=timeout)
    if measured.code != 0:
        raise SystemExit(f"{' '.join(command)} exited {measured.code}: {measured.stderr.strip()[-500:]}")
    return measured
