"""Writing an output file the way ``-o PATH`` promises.

- Where each format goes (``output_targets``): one format to ``-o PATH`` or standard
  output; several into the directory ``-o`` names, one file each, named after the
  one input (``story.txt`` -> ``story.html``, ``story.email.html``) or ``briefing``.
  A target that is an input article is refused (``refuse_overwriting_inputs``).
- A regular file, new or replaced, is written atomically: a temporary file beside
  it, renamed over it, so a reader sees the old briefing or the new, never half.
- Through a symbolic link the file it points to is replaced, and the link stays a
  link (``-o latest.html`` where latest.html -> 2014/06/22.html).
- A character device or a FIFO (``-o /dev/stdout``, ``-o /dev/null``, a named pipe)
  is written directly: renaming over it would replace it with a regular file.
- A directory, a socket or a block device is refused (``check_output``), before
  the slow work is done.
- A new file gets the mode a plain ``open(path, "w")`` gives it (0666 less the
  umask, and a directory's default ACL); a replaced file keeps its own.
- The temporary file is ``.NAME.summarize-PID.tmp``. A caller that handles signals
  passes a ``pending`` set, which holds the temporary file's name while it may
  exist, to remove it on SIGTERM (``cli.py``); a run killed outright (SIGKILL, a
  power cut) leaves it behind, and the next run writing NAME removes it.

Nothing here prints, exits or installs a signal handler.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import OutputError

# A temporary file whose process is gone is stale. So is one older than this
# whatever its PID says: the PID has then been reused by another process (writing a
# briefing takes milliseconds). A run on another host sharing the directory (NFS)
# has a PID that means nothing here; its rename would fail with a one-line error.
STALE_AFTER_SECONDS = 24 * 3600

_TEMP_TAG = ".summarize-"
_NAME_MAX = 255  # bytes in a file name, on every file system we write to


def check_output(path: Path) -> None:
    """Refuse, with ``OutputError``, a target no briefing can be written to: a
    directory, a socket, a block device, a path under a file or through a link loop."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    kind = _unwritable_kind(info.st_mode)
    if kind is not None:
        raise OutputError(f"{path}: is {kind}, not a file to write the briefing to")


def output_targets(output: str | None, formats: Sequence[str], inputs: Sequence[str]) -> dict[str, Path | None]:
    """The file each format is written to (None: standard output), from ``-o``
    (``output``), the formats and the input names. Raises ``OutputError``."""
    from ..rendering import FILE_EXTENSIONS

    if len(formats) == 1:
        return {formats[0]: Path(output) if output else None}
    if not output:
        raise OutputError("several formats need -o DIRECTORY to write one file each")
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{output}: with several formats, -o must be a directory")
    # A briefing of several articles is not named after the first of them.
    stem = Path(inputs[0]).stem if len(inputs) == 1 and inputs[0] != "-" and "://" not in inputs[0] else "briefing"
    # Every format has its own extension (html: .html, email: .email.html), so no two
    # targets are one file; a format given twice is refused by --format itself.
    return {f: directory / f"{stem}.{FILE_EXTENSIONS[f]}" for f in formats}


def refuse_overwriting_inputs(targets: Iterable[Path | None], inputs: Sequence[str]) -> None:
    """Raise ``OutputError`` when a target is one of the input files (through links)."""
    # realpath, not Path.resolve(): it raises RuntimeError on a link loop (a loop is
    # reported by reading or writing it, as one line).
    paths = [os.path.realpath(name) for name in inputs if name != "-" and "://" not in name]
    for target in targets:
        if target is not None and os.path.realpath(target) in paths:
            raise OutputError(f"{target}: refusing to overwrite an input article")


def write_output(path: Path, text: str | bytes, *, pending: set[str] | None = None) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path``: atomically for a
    file, through symbolic links, directly to a character device or FIFO. ``pending``
    holds the temporary file's name while it may exist. Raises ``OutputError``."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        try:
            info = os.stat(path)  # follows links: what the name stands for
        except FileNotFoundError:
            info = None  # a new file, or a link to one still to be made
        if info is not None and _unwritable_kind(info.st_mode) is not None:
            check_output(path)  # raises, with the same message as before the run
        if info is not None and not stat.S_ISREG(info.st_mode):  # a character device or a FIFO
            _write_directly(path, data)
            return
        real = _real_file(path, info)
        if real is None:
            _write_directly(path, data)
            return
        # Keeping a replaced file's mode: a briefing someone made 0644 for a web
        # server, or 0600 because it is private, stays so when a later run rewrites
        # it, as it would with a shell's ">". Only the permission bits: a set-user-ID
        # bit on a file we now own would be a surprise.
        mode = stat.S_IMODE(info.st_mode) & 0o777 if info is not None else None
        _replace(real, data, mode, pending)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None


def temp_name(name: str, pid: int) -> str:
    """The temporary file written before it is renamed to ``name`` by process ``pid``."""
    return f"{_temp_prefix(name)}{pid}.tmp"


def remove_stale_temp_files(target: Path) -> list[Path]:
    """Remove the temporary files that runs killed while writing ``target`` left
    beside it: named ``temp_name(target.name, PID)`` for a PID that is no longer
    running (or ours: we have not started writing), or older than
    ``STALE_AFTER_SECONDS``. Any other file is left alone. Returns those removed."""
    pattern = re.compile(re.escape(_temp_prefix(target.name)) + r"([1-9][0-9]{0,9})\.tmp\Z")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        try:
            if match is None or not entry.is_file(follow_symlinks=False):
                continue
            if _stale(int(match[1]), entry.stat(follow_symlinks=False).st_mtime):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:  # gone already (another run cleaned it), or not ours to remove
            continue
    return removed


def _temp_prefix(name: str) -> str:
    # A name near the 255-byte limit is cut so that the temporary name still fits.
    room = _NAME_MAX - len(f".{_TEMP_TAG}4294967295.tmp")
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}{_TEMP_TAG}"


def _stale(pid: int, mtime: float) -> bool:
    if pid == os.getpid() or time.time() - mtime > STALE_AFTER_SECONDS:
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, OSError):  # someone else's process, or not a PID: keep
        return False
    return False


def _unwritable_kind(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a block device"
    return None


def _real_file(path: Path, info: os.stat_result | None) -> Path | None:
    """The file to replace: ``path`` with its symbolic links resolved. None when
    the name cannot be replaced and must be written through (a /proc/PID/fd link to
    a deleted file, whose target is not a path)."""
    real = Path(os.path.realpath(path))
    if info is None:  # a new file; a dangling link makes the file it names, as a shell's ">" would
        return real
    try:
        same = os.path.samestat(info, os.stat(real))
    except OSError:
        same = False
    return real if same else None


def _write_directly(path: Path, data: bytes) -> None:
    # No O_CREAT: the device or pipe is there (a file that vanished meanwhile is an
    # error, not a non-atomic new file). O_TRUNC does nothing to devices and pipes.
    # Opening a FIFO waits for a reader, as a shell's ">" does.
    with open(os.open(path, os.O_WRONLY | os.O_TRUNC), "wb") as handle:
        handle.write(data)


def _replace(real: Path, data: bytes, mode: int | None, pending: set[str] | None) -> None:
    real.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(real)
    temp = str(real.parent / temp_name(real.name, os.getpid()))
    # Named before it exists, and forgotten only once it is renamed or removed, so
    # that a signal at any moment in between finds it in ``pending``.
    if pending is not None:
        pending.add(temp)
    created = False
    try:
        # 0o666: the kernel takes the umask (and a default ACL) off, as for any new file.
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        created = True
        with open(descriptor, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
        os.replace(temp, real)
    except BaseException as error:
        # An OSError before ``created`` made nothing (the name may even be taken);
        # a signal may have come between the open and ``created = True``.
        if created or not isinstance(error, OSError):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if pending is not None:
            pending.discard(temp)
        raise
    if pending is not None:
        pending.discard(temp)
