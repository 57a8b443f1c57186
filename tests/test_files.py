"""Output files as ``-o PATH`` promises them (``summarize/cli/files.py``): atomic for a
file, through symbolic links, directly to devices and FIFOs, the mode a normal
write gives, no temporary file left by a signal and stale ones cleaned; and special
files refused as inputs instead of blocking on them.

The command runs in a subprocess where what is tested is the process (its umask,
its standard output, signals); the rest calls ``write_output`` or ``cli.main``.
"""

from __future__ import annotations

import os
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
from outputfiles import STORY, command, leftovers

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


def _null_device(tmp_path: Path) -> Path:
    """A character device to write to: a null device node of the test's own where the
    test may make one (as root), else the system's /dev/null. Why: under mutation
    testing (run as root) a mutant that replaces the target instead of writing into it
    once turned the machine's /dev/null into a regular file."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        return Path("/dev/null")
    return node


def test_character_devices_are_written_directly(tmp_path: Path) -> None:
    from summarize.cli.files import write_output

    device = _null_device(tmp_path)
    write_output(device, "into the void")
    assert stat.S_ISCHR(os.stat(device).st_mode)


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
