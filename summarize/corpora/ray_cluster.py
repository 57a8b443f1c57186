"""Starting a local Ray, or joining a running cluster (``--ray-address``), for
``ray_engine.py``: quietly, and with a one-line error that names the fix.

Ray 2.60 authenticates with a token: a cluster started with ``RAY_AUTH_MODE=token``
(or by ``ray start`` where ``~/.ray/auth_token`` exists) refuses a driver that does
not send its token, and a driver sends one only when told to, as Ray documents it
(docs.ray.io, "Ray token authentication"): ``RAY_AUTH_MODE=token`` and the token in
``RAY_AUTH_TOKEN``, in the file ``RAY_AUTH_TOKEN_PATH`` names, or in
``~/.ray/auth_token``. Ray never sends a token to an address it was given without
that setting, and this module does not either: it checks the setting and says what
is missing.

Before it has a log directory, Ray's C++ core writes to standard error: a driver
with a wrong token gets "gcs_client.cc:210: Failed to get cluster ID from GCS
server: Unauthenticated: RPC error: InvalidAuthToken ..." once a second for 20
seconds, then a ``ConnectionError`` whose cause holds the reason. So while Ray
starts or joins, file descriptor 2 goes to a temporary file, and the reason is
read from the exception instead. An address where nothing listens is found out
first with a plain TCP connection: Ray itself waits minutes for it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import SummarizeError

# How long the TCP check waits for the head's port to answer.
CONNECT_SECONDS = 10.0
TOKEN_HELP = "RAY_AUTH_TOKEN_PATH=FILE, FILE holding the cluster's token (`ray get-auth-token` on the head prints it)"


def on_loopback(address: str) -> bool:
    """Whether the host of ``address`` (HOST:PORT or ray://HOST:PORT) is this machine's loopback."""
    host = _host_port(address)[0]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def start_local(ray, options: dict[str, Any]) -> list[str]:  # noqa: ANN001 - the ray module
    """``ray.init(**options)`` for a new local Ray; the environment variables set for
    it, to remove after ``ray.shutdown()``.

    A local Ray turns token authentication on and, when no token is given, writes a
    new one to ``~/.ray/auth_token`` for good. Given a token of its own in the
    environment (which Ray reads first, and which the processes it starts inherit),
    it writes nothing to the user's home, and its token ends with the run."""
    set_here = []
    if (
        os.environ.get("RAY_AUTH_MODE", "token").lower() == "token"
        and not os.environ.get("RAY_AUTH_TOKEN")
        and not os.environ.get("RAY_AUTH_TOKEN_PATH")
    ):
        os.environ["RAY_AUTH_TOKEN"] = secrets.token_hex(32)
        set_here.append("RAY_AUTH_TOKEN")
    try:
        with _stderr_set_aside():
            ray.init(**options)
    except Exception as error:  # noqa: BLE001 - whatever Ray raises, one line
        raise SummarizeError(f"cannot start a local Ray: {_first_line(error)}") from None
    return set_here


def join_cluster(ray, address: str, options: dict[str, Any]) -> None:  # noqa: ANN001 - the ray module
    """``ray.init(address, **options)``: join the running cluster at ``address``, or
    a ``SummarizeError`` saying what to fix (the token, the address)."""
    _check_token_setting()
    _check_reachable(address)
    try:
        with _stderr_set_aside():
            ray.init(address=address, **options)
    except Exception as error:  # noqa: BLE001 - whatever Ray raises, one line
        raise SummarizeError(_join_failure(address, error)) from None


def _host_port(address: str) -> tuple[str, int | None]:
    rest = address.split("://", 1)[1] if "://" in address else address
    host, _, port = rest.rpartition(":")
    if not host:  # no port: "auto", a bare host
        return rest, None
    try:
        return host.strip("[]"), int(port)
    except ValueError:
        return rest, None


def _check_token_setting() -> None:
    """With ``RAY_AUTH_MODE=token``, a token Ray can read. An unreadable or empty
    ``RAY_AUTH_TOKEN_PATH`` is a fatal error in Ray's C++ core: the process aborts."""
    if os.environ.get("RAY_AUTH_MODE", "").lower() != "token" or os.environ.get("RAY_AUTH_TOKEN"):
        return
    path = os.environ.get("RAY_AUTH_TOKEN_PATH")
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise SummarizeError(
                f"RAY_AUTH_TOKEN_PATH={path}: cannot read the token ({error.strerror}); give {TOKEN_HELP}"
            ) from None
        if not text.strip():
            raise SummarizeError(f"RAY_AUTH_TOKEN_PATH={path} is empty; give {TOKEN_HELP}")
    elif not (Path.home() / ".ray" / "auth_token").is_file():
        raise SummarizeError(
            f"RAY_AUTH_MODE=token, but there is no token (no RAY_AUTH_TOKEN, RAY_AUTH_TOKEN_PATH "
            f"or ~/.ray/auth_token): set {TOKEN_HELP}"
        )


def _check_reachable(address: str) -> None:
    host, port = _host_port(address)
    if port is None:
        return  # an address Ray resolves itself ("auto")
    try:
        with socket.create_connection((host, port), timeout=CONNECT_SECONDS):
            pass
    except OSError as error:
        reason = (
            "nothing listens there"
            if isinstance(error, ConnectionRefusedError)
            else f"no answer in {CONNECT_SECONDS:g} s"
            if isinstance(error, TimeoutError)
            else error.strerror or str(error)
        )
        raise SummarizeError(
            f"cannot reach a Ray cluster at {address}: {reason}; start its head there "
            f"(ray start --head --port {port}) or give the head's HOST:PORT"
        ) from None


def _join_failure(address: str, error: BaseException) -> str:
    if not _refused_token(error):
        return f"cannot join the Ray cluster at {address}: {_first_line(error)}"
    if os.environ.get("RAY_AUTH_MODE", "").lower() != "token":
        return f"the Ray cluster at {address} asks for its token: set RAY_AUTH_MODE=token and {TOKEN_HELP}"
    source = (
        "RAY_AUTH_TOKEN"
        if os.environ.get("RAY_AUTH_TOKEN")
        else f"RAY_AUTH_TOKEN_PATH={os.environ['RAY_AUTH_TOKEN_PATH']}"
        if os.environ.get("RAY_AUTH_TOKEN_PATH")
        else "~/.ray/auth_token"
    )
    return f"the Ray cluster at {address} refused the token of {source}: set {TOKEN_HELP}"


def _refused_token(error: BaseException) -> bool:
    """Whether Ray's error, or one it was raised from, is the cluster refusing the
    token: an ``AuthenticationError``, or the traceback of one quoted in the
    ``RuntimeError`` that ``ray.init`` raises its ``ConnectionError`` from."""
    from ray.exceptions import AuthenticationError

    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, AuthenticationError) or "InvalidAuthToken" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


@contextlib.contextmanager
def _stderr_set_aside() -> Iterator[None]:
    """File descriptor 2 into a temporary file while Ray starts or joins (see the
    module's docstring); what Ray wrote there is dropped, the error raised says what
    went wrong."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with tempfile.TemporaryFile() as aside:
            os.dup2(aside.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
    finally:
        os.close(saved)
