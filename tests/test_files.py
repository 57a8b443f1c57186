"""Output files as ``-o PATH`` promises them (``summarize/cli/files.py``): atomic for a
file, through symbolic links, directly to devices and FIFOs, the mode a normal
write gives, no temporary file left by a signal and stale ones cleaned; and special
files refused as inputs instead of blocking on them.

The command runs in a subprocess where what is tested is the process (its umask,
its standard output, signals); the rest calls ``write_output`` or ``cli.main``.
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

STORY = "Council story\n\nThe council met on June 9, 2014 and voted on the budget. It adjourned on June 10.\n"


def command(*args: str, **options) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args], capture_output=True, cwd=ROOT, env=env, timeout=120, **options
    )


@pytest.fixture()
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(name for name in os.listdir(directory) if name.endswith(".tmp"))


# --- Where each format goes -------------------------------------------------------------


def test_one_format_goes_to_the_output_or_to_standard_output():
    from summarize.cli.files import output_targets

    assert output_targets(None, ["html"], ["story.txt"]) == {"html": None}
    assert output_targets("out/b.md", ["markdown"], ["story.txt"]) == {"markdown": Path("out/b.md")}


@pytest.mark.parametrize(
    ("inputs", "stem"),
    [
        (["news/story.txt"], "story"),
        (["-"], "briefing"),  # standard input has no name to reuse
        (["https://example.com/2014/story.html"], "briefing"),  # nor has a URL a file's
        (["a.txt", "b.txt"], "briefing"),  # a briefing of several is not named after the first
    ],
    ids=["one file", "stdin", "url", "several"],
)
def test_several_formats_are_files_in_the_directory_named_after_the_one_input(tmp_path, inputs, stem):
    from summarize.cli.files import output_targets

    assert output_targets(str(tmp_path), ["html", "email", "markdown"], inputs) == {
        "html": tmp_path / f"{stem}.html",
        "email": tmp_path / f"{stem}.email.html",
        "markdown": tmp_path / f"{stem}.md",
    }


def test_several_formats_need_a_directory(tmp_path):
    from summarize.cli.files import output_targets
    from summarize.errors import OutputError

    with pytest.raises(OutputError) as error:
        output_targets(None, ["html", "json"], ["story.txt"])
    assert str(error.value) == "several formats need -o DIRECTORY to write one file each"
    (tmp_path / "briefing.html").write_text("old")
    with pytest.raises(OutputError) as error:
        output_targets(str(tmp_path / "briefing.html"), ["html", "json"], ["story.txt"])
    assert str(error.value) == f"{tmp_path / 'briefing.html'}: with several formats, -o must be a directory"


def test_an_input_article_is_never_a_target(tmp_path, monkeypatch):
    from summarize.cli.files import refuse_overwriting_inputs
    from summarize.errors import OutputError

    story = tmp_path / "story.txt"
    story.write_text(STORY)
    (tmp_path / "latest.txt").symlink_to(story)
    for target in (story, tmp_path / "latest.txt", tmp_path / "." / "story.txt"):
        with pytest.raises(OutputError) as error:
            refuse_overwriting_inputs([None, tmp_path / "briefing.html", target], ["-", str(story)])
        assert str(error.value) == f"{target}: refusing to overwrite an input article"
    # Standard input and a URL are no files: a file named "-" or one whose path
    # spells the URL is not an input.
    monkeypatch.chdir(tmp_path)
    refuse_overwriting_inputs(
        [Path("-"), Path("https:/example.com/story.html")], ["-", "https://example.com/story.html"]
    )


# --- Atomic replacement: the old briefing or the new, never half ----------------------


def test_a_reader_of_the_old_briefing_reads_all_of_it_while_it_is_replaced(tmp_path):
    """A web server halfway through sending briefing.html when the next run rewrites
    it sends the rest of the old briefing: the new one is another file, renamed over
    the name. Written in place, the reader would get the new text's tail, or nothing."""
    from summarize.cli.files import write_output

    target = tmp_path / "briefing.html"
    old = b"<p>old briefing</p>\n" * 10_000
    target.write_bytes(old)
    with open(target, "rb", buffering=0) as reader:
        assert reader.read(100) == old[:100]
        write_output(target, "<p>new briefing</p>\n")
        assert reader.read() == old[100:]
    assert target.read_text() == "<p>new briefing</p>\n"
    assert leftovers(tmp_path) == []


# The disk fills up while the new briefing is written: a file size limit (ulimit -f)
# makes the kernel refuse the write past 1,000 bytes, as a full disk would. Python
# ignores SIGXFSZ, so the write fails with EFBIG instead of killing the process.
FULL_DISK = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    from summarize.errors import OutputError
    from summarize.cli.files import write_output

    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    try:
        write_output(Path(sys.argv[1]), "<p>new briefing</p>\\n" * 500)
    except OutputError as error:
        print(error)
""")


def test_a_write_that_fails_midway_leaves_the_old_briefing_whole(tmp_path):
    target = tmp_path / "briefing.html"
    target.write_text("<p>old briefing</p>\n")
    result = subprocess.run([sys.executable, "-c", FULL_DISK, str(target)], capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == f"{target}: cannot write (File too large)\n"
    assert target.read_text() == "<p>old briefing</p>\n"
    assert leftovers(tmp_path) == []


# --- Symbolic links, devices, FIFOs ---------------------------------------------------


def test_a_symlink_stays_a_link_and_its_file_is_replaced(tmp_path):
    from summarize.cli.files import write_output

    (tmp_path / "2014").mkdir()
    real = tmp_path / "2014" / "06-22.html"
    real.write_text("old")
    real.chmod(0o640)
    (tmp_path / "latest.html").symlink_to("2014/06-22.html")  # relative, as people make them
    (tmp_path / "current.html").symlink_to("latest.html")  # a chain of two
    for link in ("latest.html", "current.html"):
        write_output(tmp_path / link, f"new through {link}")
        assert real.read_text() == f"new through {link}"
        assert (tmp_path / link).is_symlink()
        assert stat.S_IMODE(real.stat().st_mode) == 0o640  # a replaced file keeps its mode
        assert leftovers(tmp_path) == leftovers(tmp_path / "2014") == []


def test_a_dangling_symlink_makes_its_file(tmp_path):
    from summarize.cli.files import write_output

    (tmp_path / "latest.html").symlink_to("briefings/today.html")
    write_output(tmp_path / "latest.html", "made")
    assert (tmp_path / "latest.html").is_symlink()
    assert (tmp_path / "briefings" / "today.html").read_text() == "made"


def test_character_devices_are_written_directly():
    from summarize.cli.files import write_output

    write_output(Path("/dev/null"), "into the void")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as fifo:
            into.append(fifo.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.slow
def test_dev_stdout_is_standard_output_not_a_new_file(story):
    result = command(str(story), "--format", "text", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("COUNCIL STORY\n")
    assert os.path.islink("/dev/stdout")


@pytest.mark.slow
def test_a_fifo_is_written_directly(tmp_path, story):
    fifo = tmp_path / "briefing.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = read_fifo(fifo, received)
    result = command(str(story), "--format", "json", "-o", str(fifo))
    reader.join(timeout=10)
    assert result.returncode == 0, result.stderr.decode()
    assert received and received[0].startswith(b"{") and b'"events"' in received[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_several_formats_into_a_directory_of_links_and_fifos(tmp_path, story):
    """-o DIR: each file in it is written as a single -o would write it."""
    from summarize import cli

    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir(), elsewhere.mkdir()
    (elsewhere / "story.md").write_text("old")
    (out / "story.md").symlink_to(elsewhere / "story.md")
    os.mkfifo(out / "story.json")
    received: list[bytes] = []
    reader = read_fifo(out / "story.json", received)
    assert cli.main([str(story), "--format", "markdown,json,text", "-o", str(out)]) == 0
    reader.join(timeout=10)
    assert (out / "story.md").is_symlink() and (elsewhere / "story.md").read_text().startswith("# Council story")
    assert stat.S_ISFIFO(os.lstat(out / "story.json").st_mode) and b'"events"' in received[0]
    assert (out / "story.txt").read_text().startswith("COUNCIL STORY")
    assert leftovers(out) == leftovers(elsewhere) == []


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a directory, not a file to write the briefing to"),
        (lambda p: socket.socket(socket.AF_UNIX).bind(str(p)), "is a socket, not a file to write the briefing to"),
        (lambda p: p.symlink_to(p.name), "cannot write (Too many levels of symbolic links)"),
    ],
)
def test_targets_that_are_not_files_are_refused(tmp_path, make, message):
    from summarize.cli.files import check_output, write_output
    from summarize.errors import OutputError

    target = tmp_path / "t"
    make(target)
    for call in (check_output, lambda p: write_output(p, "x")):
        with pytest.raises(OutputError) as error:
            call(target)
        assert str(error.value) == f"{target}: {message}"


def test_a_block_device_is_refused():
    from summarize.cli.files import check_output
    from summarize.errors import OutputError

    devices = sorted(entry.path for entry in os.scandir("/dev") if stat.S_ISBLK(entry.stat().st_mode))
    if not devices:
        pytest.skip("no block device in /dev")
    with pytest.raises(OutputError) as error:
        check_output(Path(devices[0]))
    assert str(error.value) == f"{devices[0]}: is a block device, not a file to write the briefing to"


# --- Modes ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)], ids=["umask-022", "umask-077", "umask-002"]
)
def test_a_new_file_has_the_mode_a_normal_write_gives(tmp_path, story, umask, mode):
    target = tmp_path / "briefing.txt"
    result = command(str(story), "--format", "text", "-o", str(target), umask=umask)
    assert result.returncode == 0, result.stderr.decode()
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_replaced_file_keeps_its_mode_but_not_set_user_id(tmp_path):
    from summarize.cli.files import write_output

    target = tmp_path / "briefing.html"
    for mode, kept in [(0o600, 0o600), (0o644, 0o644), (0o444, 0o444), (0o4755, 0o755)]:
        target.write_text("old")
        target.chmod(mode)
        write_output(target, "new")
        assert (target.read_text(), stat.S_IMODE(target.stat().st_mode)) == ("new", kept)


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


# --- Special files as inputs ---------------------------------------------------------------


@pytest.mark.parametrize("as_corpus", [False, True], ids=["article", "jsonl"])
def test_a_fifo_without_a_writer_as_input_fails_at_once(tmp_path, as_corpus):
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = command(*(["--jsonl", str(fifo)] if as_corpus else [str(fifo)]))  # a hang fails by timeout
    what = "a JSON Lines file" if as_corpus else "an article file"
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (
        f"summarize: error: {fifo}: is a named pipe (FIFO), not {what}; give - to read standard input\n"
    )
    assert time.monotonic() - started < 60


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: p.mkdir(), "a directory"),
        (lambda p: os.mkfifo(p), "a named pipe (FIFO)"),
        (lambda p: socket.socket(socket.AF_UNIX).bind(str(p)), "a socket"),
        (lambda p: p.symlink_to("/dev/null"), "a character device"),
        (
            lambda p: os.mkfifo(p.parent / "fifo") or p.symlink_to("fifo"),  # type: ignore[func-returns-value]  # both, in order
            "a named pipe (FIFO)",
        ),
    ],
)
def test_special_files_are_not_read(tmp_path, make, kind):
    from summarize.errors import InputError
    from summarize.inputs.loading import load_article, read_jsonl

    path = tmp_path / "input"
    make(path)
    for read, what in ((load_article, "an article file"), (read_jsonl, "a JSON Lines file")):
        with pytest.raises(InputError) as error:
            read(str(path))
        assert str(error.value).startswith(f"{path}: is {kind}, not {what}")


def test_a_name_that_becomes_a_fifo_after_the_check_is_not_waited_on(tmp_path, monkeypatch):
    """The kind is checked again on the file opened without waiting: a regular file
    swapped for a FIFO between the check and the open does not block."""
    from summarize.errors import InputError
    from summarize.inputs import loading

    path = tmp_path / "story.txt"
    path.write_text(STORY)
    real_stat = os.stat

    def stat_then_swap(name, *args, **kwargs):
        result = real_stat(name, *args, **kwargs)
        if os.fspath(name) == str(path):
            path.unlink()
            os.mkfifo(path)
        return result

    monkeypatch.setattr(loading.os, "stat", stat_then_swap)
    with pytest.raises(InputError, match="is a named pipe"):
        loading.load_article(str(path))


@pytest.mark.slow
def test_a_fifo_in_a_batch_is_one_failed_input(tmp_path, story):
    os.mkfifo(tmp_path / "feed")
    result = command(str(story), str(tmp_path / "feed"), "--format", "json")
    assert result.returncode == 3
    assert result.stderr.decode().splitlines() == [
        f"summarize: error: {tmp_path / 'feed'}: is a named pipe (FIFO), not an article file; "
        f"give - to read standard input"
    ]
    assert b'"events"' in result.stdout
