"""A throwaway PostgreSQL server for the tests, from Debian's postgresql package.

    with postgres_server() as server:
        url = server.new_database()     # postgresql://summarize@127.0.0.1:PORT/desk_1

initdb makes a cluster in a temporary directory and pg_ctl starts it on a free port
of 127.0.0.1 (its socket in that directory too, so no system server is touched);
it is stopped and removed afterwards. PostgreSQL refuses to run as root, so as root
the cluster belongs to, and runs as, the ``postgres`` user the package creates.
``missing_reason()`` says why no server can be started (the package is not installed).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

USER = "summarize"


def _binary(name: str) -> str | None:
    """A PostgreSQL server program: on the PATH, else in Debian's versioned directory
    (the package puts only the clients on the PATH)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def _program(name: str) -> str:
    """``_binary(name)``, which is there (``missing_reason`` is asked first)."""
    found = _binary(name)
    if found is None:
        raise FileNotFoundError(f"PostgreSQL's {name} is not installed")
    return found


def _run_as() -> tuple[list[str], int | None]:
    """The command prefix that runs a program as the cluster's owner, and that
    owner's uid (None: this user)."""
    if os.geteuid() != 0:
        return [], None
    owner = pwd.getpwnam("postgres")
    return ["runuser", "-u", "postgres", "--"], owner.pw_uid


def missing_reason() -> str | None:
    """Why a server cannot be started here, or None."""
    for name in ("initdb", "pg_ctl"):
        if _binary(name) is None:
            return f"PostgreSQL's {name} is not installed (apt-get install postgresql; `make test` does)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no postgres user to run PostgreSQL as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to run PostgreSQL as the postgres user"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, port: int) -> None:
        self.port = port
        self._databases = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database on the server; its URL."""
        import psycopg

        self._databases += 1
        name = f"desk_{self._databases}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres", autocommit=True
        ) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@contextlib.contextmanager
def postgres_server() -> Iterator[Server]:
    """Start a new cluster; yields the ``Server``; stops and removes it after."""
    prefix, owner = _run_as()
    home = Path(tempfile.mkdtemp(prefix="summarize-pg-"))
    if owner is not None:
        os.chown(home, owner, -1)
    data, log = home / "data", home / "server.log"
    port = _free_port()
    try:
        subprocess.run(
            [
                *prefix,
                _program("initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        # -F: no fsync (a test cluster); -k: the socket in our directory, not /var/run.
        subprocess.run(
            [
                *prefix,
                _program("pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-t",
                "60",
                "-o",
                f"-F -p {port} -h 127.0.0.1 -k {home}",
                "start",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        try:
            yield Server(port)
        finally:
            subprocess.run(
                [*prefix, _program("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                timeout=60,
            )
    except subprocess.CalledProcessError as error:
        server_log = log.read_text(errors="replace") if log.exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {error.stderr.decode(errors='replace')}\n{server_log}") from None
    finally:
        shutil.rmtree(home, ignore_errors=True)
