"""The temporary file of an output (``summarize/cli/files.py``): none left by a signal
or a failed rename, a killed run's stale one removed by the next run, names that fit.
The command runs in a subprocess where what is tested is the process (signals); the
rest calls ``write_output`` and the temporary-file helpers."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT
from outputfiles import leftovers

# --- Temporary files: signals and stale ones ------------------------------------------------

# The command, told to receive a signal the moment its temporary file is written
# and not yet renamed: os.replace sends it (a real signal, to itself).
SIGNAL_AT_RENAME = textwrap.dedent("""
    import os, signal, sys, time
    signum = int(sys.argv.pop(1))
    # As on a terminal: a shell starts background jobs with SIGINT ignored, and an
    # ignored signal stays ignored (by Python, and by the command).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    real_replace = os.replace

    def replace(source, target, *args, **kwargs):
        if ".summarize-" in os.fspath(source):
            assert os.path.getsize(source) > 0
            os.kill(os.getpid(), signum)
            time.sleep(60)
        return real_replace(source, target, *args, **kwargs)

    os.replace = replace
    from summarize.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def run_signalled(signum: int, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-c", SIGNAL_AT_RENAME, str(signum), *args],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "said"), [(signal.SIGTERM, "terminated"), (signal.SIGINT, "interrupted")], ids=["SIGTERM", "SIGINT"]
)
def test_a_signal_while_writing_leaves_no_temporary_file(tmp_path, story, signum, said):
    out = tmp_path / "out"
    out.mkdir()
    (out / "story.md").write_text("the old briefing")
    result = run_signalled(signum, str(story), "--format", "markdown,text", "-o", str(out))
    assert (result.returncode, result.stderr.decode()) == (128 + signum, f"summarize: {said}\n")
    assert os.listdir(out) == ["story.md"]  # the first format's temporary file is gone...
    assert (out / "story.md").read_text() == "the old briefing"  # ...and its target untouched


def test_a_run_killed_outright_leaves_a_temporary_file_that_the_next_run_removes(tmp_path):
    """SIGKILL cannot be caught: the temporary file stays until a later run writes the
    same file. That run removes the temporary files of dead processes (or a day old)
    by their name, and nothing else."""
    from summarize.cli.files import temp_name, write_output

    target = tmp_path / "story.html"
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            SIGNAL_AT_RENAME.replace(
                "from summarize.cli import main",
                (
                    "from pathlib import Path; from summarize.cli.files import write_output\n"
                    "main = lambda argv: write_output(Path(argv[0]), 'half-made')"
                ),
            ),
            str(signal.SIGKILL),
            str(target),
        ],
        cwd=ROOT,
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL
    (stale,) = leftovers(tmp_path)
    assert stale == temp_name("story.html", int(stale.rsplit("-", 1)[1].split(".")[0]))

    with subprocess.Popen(["sleep", "60"]) as alive:
        try:
            old = time.time() - 2 * 24 * 3600
            others = {
                temp_name("story.html", alive.pid): None,  # a run still writing
                temp_name("other.html", killed_pid(stale)): None,  # another target's
                ".story.html.k2j3h4.tmp": None,  # not our pattern (tempfile's)
                ".story.html.summarize-0.tmp": None,  # not a PID
                temp_name("story.html", killed_pid(stale)) + ".bak": None,
                temp_name("story.html", 9_999_999_999): None,  # no process can have it: keep, as unknown
            }
            for name in others:
                (tmp_path / name).write_text("not ours to remove")
            (tmp_path / temp_name("story.html", 4_000_000)).mkdir()  # a directory, not a file
            (tmp_path / temp_name("story.html", 4_000_001)).symlink_to(".story.html.k2j3h4.tmp")  # a link: we make none
            aged = tmp_path / temp_name("story.html", os.getppid())  # a live PID, but a day old: reused
            aged.write_text("x")
            os.utime(aged, (old, old))
            write_output(target, "<p>new</p>")
            with pytest.raises(subprocess.TimeoutExpired):  # asked whether it lives, not signalled
                alive.wait(timeout=0.2)
        finally:  # at once, also when a check fails: the with would wait a minute for it
            alive.kill()
    assert target.read_text() == "<p>new</p>"
    assert sorted(os.listdir(tmp_path)) == sorted(
        [*others, temp_name("story.html", 4_000_000), temp_name("story.html", 4_000_001), "story.html"]
    )


def killed_pid(name: str) -> int:
    return int(name.rsplit("-", 1)[1].split(".")[0])


def test_the_temporary_file_is_pending_exactly_while_it_may_exist(tmp_path, monkeypatch):
    """``pending`` names the temporary file from before it is made until it is renamed,
    so that the SIGTERM handler (cli.py) can remove it at any moment in between."""
    from summarize.cli.files import temp_name, write_output

    target, pending, seen = tmp_path / "b.html", set(), []
    temp = str(tmp_path / temp_name("b.html", os.getpid()))
    real_replace = os.replace

    def replace(source, destination):
        seen.append((source, set(pending)))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    write_output(target, "<p>new</p>", pending=pending)
    assert seen == [(temp, {temp})] and pending == set()


def test_a_failed_rename_removes_the_temporary_file(tmp_path, monkeypatch):
    from summarize.cli.files import write_output
    from summarize.errors import OutputError

    def replace(source, destination):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", replace)
    pending = set()
    with pytest.raises(OutputError) as error:
        write_output(tmp_path / "b.html", "<p>new</p>", pending=pending)
    assert str(error.value) == f"{tmp_path / 'b.html'}: cannot write (Permission denied)"
    assert os.listdir(tmp_path) == [] and pending == set()


def test_a_signal_before_the_temporary_file_is_made_removes_nothing(tmp_path, monkeypatch):
    # Ctrl-C arrives in os.open: no file was made, and the interrupt goes on unchanged.
    from summarize.cli.files import write_output

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(tmp_path / "b.html", "<p>new</p>")
    assert os.listdir(tmp_path) == []


def test_a_temporary_name_taken_by_something_else_is_left_alone(tmp_path):
    """A link already holding our temporary name (not a file we make) makes the write
    fail with one line, and is not removed: opening it failed, so it is not ours."""
    from summarize.cli.files import temp_name, write_output
    from summarize.errors import OutputError

    taken = tmp_path / temp_name("b.html", os.getpid())
    taken.symlink_to("elsewhere")
    with pytest.raises(OutputError) as error:
        write_output(tmp_path / "b.html", "<p>new</p>")
    assert str(error.value) == f"{tmp_path / 'b.html'}: cannot write (File exists)"
    assert taken.is_symlink() and os.listdir(tmp_path) == [taken.name]


def test_stale_temporary_files_are_all_removed_and_returned(tmp_path, monkeypatch):
    """One that cannot be removed (another run removed it first) does not stop the rest."""
    from summarize.cli.files import remove_stale_temp_files, temp_name

    target = tmp_path / "b.html"
    stale = sorted(tmp_path / temp_name("b.html", pid) for pid in (4_000_002, 4_000_003, 4_000_004))
    for path in stale:
        path.write_text("half-made")
    real_unlink, calls = os.unlink, []

    def unlink(path):
        calls.append(path)
        if len(calls) == 1:
            real_unlink(path)
            raise FileNotFoundError(2, "No such file or directory")
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", unlink)
    removed = remove_stale_temp_files(target)
    assert len(calls) == 3 and os.listdir(tmp_path) == []
    assert sorted(removed) == sorted(Path(path) for path in calls[1:])


def test_missing_directories_of_the_output_are_made(tmp_path):
    from summarize.cli.files import write_output

    write_output(tmp_path / "2014" / "06" / "22.html", "<p>new</p>")
    assert (tmp_path / "2014" / "06" / "22.html").read_text() == "<p>new</p>"


def test_a_new_file_is_made_as_open_makes_one(tmp_path):
    # In this process (the umask test above runs the command): 0666 less the umask.
    from summarize.cli.files import write_output

    old = os.umask(0o022)
    try:
        write_output(tmp_path / "b.html", "<p>new</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "b.html").stat().st_mode) == 0o644


def test_a_deleted_file_behind_a_proc_fd_link_is_written_through(tmp_path):
    """/proc/self/fd/N of a deleted file names no path to rename over: the open file is
    written, and no file named "... (deleted)" is made."""
    from summarize.cli.files import write_output

    path = tmp_path / "gone.html"
    with open(path, "w+b") as handle:
        path.unlink()
        write_output(Path(f"/proc/self/fd/{handle.fileno()}"), "<p>new</p>")
        handle.seek(0)
        assert handle.read() == b"<p>new</p>"
    assert os.listdir(tmp_path) == []


def test_temporary_names_fit_a_long_file_name():
    from summarize.cli.files import temp_name

    # 255 bytes at most: ".", the name cut to 229 bytes, ".summarize-", 10 digits, ".tmp".
    for length in (255, 254, 230):
        assert temp_name("b" * length, 4_294_967_295) == "." + "b" * 229 + ".summarize-4294967295.tmp"
    assert temp_name("b" * 229, 1) == "." + "b" * 229 + ".summarize-1.tmp"  # fits: not cut
    assert temp_name("\u00e9" * 120, 7) == "." + "\u00e9" * 114 + ".summarize-7.tmp"  # cut by characters
    assert temp_name("story.html", 42) == ".story.html.summarize-42.tmp"


def test_bytes_are_written_as_they_are(tmp_path):
    from summarize.cli.files import write_output

    write_output(tmp_path / "b.pdf", b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n")
    assert (tmp_path / "b.pdf").read_bytes() == b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n"


# Every signal whose default action ends a process, back to that default.
_SIGNALS_END_ME = (
    "import signal, time\n"
    "for s in (signal.SIGHUP, signal.SIGINT, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM, signal.SIGTERM):\n"
    "    signal.signal(s, signal.SIG_DFL)\n"
)


def test_a_running_writers_temporary_file_is_left_and_the_writer_untouched(tmp_path):
    """Another run still writing (its process alive) keeps its temporary file, and the
    check whether it is alive sends it no signal (signal 0: a hang-up would kill it).
    The writer takes the default action for every signal that ends a process: a
    shell's nohup (as mutmut is often run) makes children ignore a hang-up."""
    from summarize.cli.files import remove_stale_temp_files, temp_name

    writer = subprocess.Popen(
        [sys.executable, "-c", _SIGNALS_END_ME + "print('ready', flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"  # its signals set
        busy = tmp_path / temp_name("b.html", writer.pid)
        busy.write_text("half-made")
        assert remove_stale_temp_files(tmp_path / "b.html") == []
        assert busy.exists()
        with pytest.raises(subprocess.TimeoutExpired):
            writer.wait(timeout=0.5)  # still running
    finally:
        writer.kill()
        writer.communicate()
