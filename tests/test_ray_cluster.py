"""``summarize analyze --engine ray --ray-address`` against a real running cluster: a
head node started here with ``ray start --head`` on the loopback, with token
authentication on, as a user would start one.

The head runs in a process group of its own (``ray start --block``), in a temporary
directory, on ports of its own, with usage statistics and the dashboard off, and
``HOME`` pointing into that directory, so that neither it nor the commands read or
write the user's ``~/.ray``. It is stopped by a SIGTERM to that ``ray start``, which
stops the processes it started; ``ray stop`` is not used, since it stops every Ray
on the machine, other users' too.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from summarize.summarizers.encoder_export import cache_dir
from test_analyze import corpus
from test_cli import assert_one_line_error

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="pip install 'summarize[ray]'")
psutil = pytest.importorskip("psutil")  # Ray's own dependency

LOOPBACK = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
# What the runs are given: none of the caller's Ray settings, a home of their own.
RAY_SETTINGS = ("RAY_ADDRESS", "RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH")


@dataclass(frozen=True)
class Head:
    address: str
    token_file: Path
    home: Path
    process: subprocess.Popen


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(home: Path, **settings: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in RAY_SETTINGS}
    # The encoder's export stays where it is (under the real home, by default).
    env.update(
        HOME=str(home),
        SUMMARIZE_CACHE_DIR=str(cache_dir()),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        RAY_USAGE_STATS_ENABLED="0",
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    )
    env.update(settings)
    return env


def _group(head: subprocess.Popen) -> list:
    return [p for p in psutil.process_iter() if _pgid(p.pid) == head.pid]


def _pgid(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except OSError:
        return None


@pytest.fixture(scope="module")
def head():
    # A short directory: Ray's sockets live under it, and a Unix socket's path has
    # at most 107 bytes (pytest's tmp_path is longer).
    directory = Path(tempfile.mkdtemp(prefix="ray-head-", dir="/tmp"))
    token_file = directory / "token"
    token_file.write_text(secrets.token_hex(32))
    token_file.chmod(0o600)
    port = _free_port()
    # RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 keeps the node's address 127.0.0.1 (Ray
    # puts the machine's routable one in its place otherwise), and with it every
    # port on the loopback; no drain before stopping (30 s by default).
    env = _environment(
        directory,
        RAY_AUTH_MODE="token",
        RAY_AUTH_TOKEN_PATH=str(token_file),
        RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0",
        RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S="0",
    )
    command = [
        str(Path(sys.executable).parent / "ray"),
        "start",
        "--head",
        "--block",
        "--node-ip-address",
        "127.0.0.1",
        "--port",
        str(port),
        "--include-dashboard",
        "false",
        "--disable-usage-stats",
        "--temp-dir",
        str(directory / "ray"),
        "--num-cpus",
        "3",
    ]
    log = (directory / "ray-start.log").open("wb")
    process = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=directory, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 180
        while b"Ray runtime started" not in (directory / "ray-start.log").read_bytes():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ray start --head did not start: {(directory / 'ray-start.log').read_text()[-2000:]}")
            time.sleep(0.5)
        yield Head(address=f"127.0.0.1:{port}", token_file=token_file, home=directory, process=process)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        # What outlived it in its group (it started them all), by pid.
        for leftover in _group(process):
            leftover.kill()
        log.close()
        shutil.rmtree(directory, ignore_errors=True)


def analyze_on(head: Head, *args: str, **settings: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "summarize",
            "analyze",
            *args,
            "--engine",
            "ray",
            "--ray-address",
            settings.pop("address", head.address),
        ],
        capture_output=True,
        cwd=ROOT,
        env=_environment(head.home, **settings),
        timeout=300,
    )


def test_the_cluster_writes_what_the_local_engine_writes(head, tmp_path):
    articles, local, on_cluster = tmp_path / "in.jsonl", tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    corpus(articles, 40, bad_at=20)
    local_run = subprocess.run(
        [sys.executable, "-m", "summarize", "analyze", "--jsonl", str(articles), "--out", str(local)],
        capture_output=True,
        cwd=ROOT,
        env=_environment(head.home),
        timeout=600,
    )
    assert local_run.returncode == 3, local_run.stderr.decode()
    result = analyze_on(
        head,
        "--jsonl",
        str(articles),
        "--out",
        str(on_cluster),
        "--workers",
        "2",
        RAY_AUTH_MODE="token",
        RAY_AUTH_TOKEN_PATH=str(head.token_file),
    )
    assert result.returncode == 3, result.stderr.decode()
    # Standard error holds the failed line alone: none of Ray's own logging.
    assert result.stderr.decode() == f'summarize: error: {articles}:22: "text" must be a string\n'
    assert on_cluster.read_text().splitlines() == local.read_text().splitlines()
    assert len(on_cluster.read_text().splitlines()) == 41
    # The head's processes listen on the loopback only.
    listening = {
        (c.laddr.ip, c.laddr.port)
        for p in _group(head.process)
        for c in _connections(p)
        if c.status == psutil.CONN_LISTEN
    }
    assert int(head.address.rsplit(":", 1)[1]) in {port for _, port in listening}
    assert {ip for ip, _ in listening} <= LOOPBACK, listening


def _connections(process) -> list:
    try:
        return process.net_connections(kind="inet")
    except psutil.Error:
        return []


# Ray tries a refused token again once a second for 20 s by default; two tries say
# the same here.
FAST = {"RAY_gcs_server_port_wait_time_s": "2"}


@pytest.mark.parametrize(
    "settings, fragments",
    [
        (
            {},
            [
                "the Ray cluster at 127.0.0.1:",
                "asks for its token: set RAY_AUTH_MODE=token and RAY_AUTH_TOKEN_PATH=FILE",
                "`ray get-auth-token` on the head prints it",
            ],
        ),
        (
            {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": "0" * 64},
            ["refused the token of RAY_AUTH_TOKEN: set RAY_AUTH_TOKEN_PATH=FILE"],
        ),
        ({"RAY_AUTH_MODE": "token"}, ["RAY_AUTH_MODE=token, but there is no token", "set RAY_AUTH_TOKEN_PATH=FILE"]),
        (
            {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN_PATH": "/nonexistent/token"},
            ["RAY_AUTH_TOKEN_PATH=/nonexistent/token: cannot read the token (No such file or directory)"],
        ),
        ({"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN_PATH": "EMPTY"}, ["is empty; give RAY_AUTH_TOKEN_PATH=FILE"]),
        (
            {"address": "UNUSED"},
            ["cannot reach a Ray cluster at 127.0.0.1:", "nothing listens there", "ray start --head --port"],
        ),
    ],
    ids=[
        "no token",
        "wrong token",
        "token mode, no token",
        "token file missing",
        "token file empty",
        "nothing at the address",
    ],
)
def test_what_keeps_a_run_off_the_cluster_is_one_line(head, tmp_path, settings, fragments):
    articles, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    corpus(articles, 2)
    settings = dict(settings)
    if settings.get("RAY_AUTH_TOKEN_PATH") == "EMPTY":
        (tmp_path / "empty").write_text("\n")
        settings["RAY_AUTH_TOKEN_PATH"] = str(tmp_path / "empty")
    if settings.get("address") == "UNUSED":
        settings["address"] = f"127.0.0.1:{_free_port()}"
    result = analyze_on(head, "--jsonl", str(articles), "--out", str(out), **FAST, **settings)
    assert_one_line_error(result, *fragments)
    assert not out.exists()


def test_a_local_ray_leaves_no_token_in_home(tmp_path):
    """Ray 2.60's local Ray turns token authentication on and writes a new token to
    ~/.ray/auth_token unless it is given one: the command gives it one for the run."""
    articles, out, home = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "home"
    home.mkdir()
    corpus(articles, 2)
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "analyze", "--jsonl", str(articles), "--out", str(out), "--engine", "ray"],
        capture_output=True,
        cwd=ROOT,
        env=_environment(home),
        timeout=600,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    assert len(out.read_text().splitlines()) == 2
    assert not (home / ".ray").exists(), list((home / ".ray").rglob("*"))
    assert json.loads(out.read_text().splitlines()[0])["line"] == 1
