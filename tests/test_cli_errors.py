"""Every error the command reports is one line on standard error, with its exit code
and no traceback: bad arguments, bad files, special files, bad URLs (a redirect
loop too), bad corpora, bad output paths, and names holding line breaks.

Each case runs the real command; most stop before a model is loaded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from pageserver import dead_url
from test_netguard import redirector

STORY = "Council story\n\nThe council met on June 9, 2014 and voted on the budget.\n"


def setup(tmp: Path) -> None:
    (tmp / "story.txt").write_text(STORY)
    (tmp / "empty.txt").write_text("")
    (tmp / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp / "dir").mkdir()
    os.mkfifo(tmp / "fifo")
    (tmp / "loop").symlink_to("loop")
    socket.socket(socket.AF_UNIX).bind(str(tmp / "sock"))
    (tmp / "bad.html.j2").write_text("{{ foo(\n")
    (tmp / "evil.html.j2").write_text("{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    (tmp / "blank.jsonl").write_text("\n\n")
    (tmp / "bad.jsonl").write_text("{not json\n")
    (tmp / "binary.jsonl").write_bytes(b"\x00\x01\x02" * 100)


# (arguments, with {tmp} for the case's directory and {web} for a local server's
# address; exit code; a fragment of the line)
CASES = {
    "missing file": (["{tmp}/nope.txt"], 2, "nope.txt: no such file"),
    "a directory": (["{tmp}/dir"], 2, "is a directory, not an article file"),
    "a FIFO": (["{tmp}/fifo"], 2, "is a named pipe (FIFO)"),
    "a socket": (["{tmp}/sock"], 2, "is a socket"),
    "a character device": (["/dev/null"], 2, "is a character device"),
    "a link loop": (["{tmp}/loop"], 2, "cannot read (Too many levels of symbolic links)"),
    "empty file": (["{tmp}/empty.txt"], 2, "the file is empty"),
    "binary file": (["{tmp}/image.png"], 2, "binary file"),
    "a line break in a name": (["{tmp}/new\nline.txt"], 2, "new\\nline.txt: no such file"),
    "a terminal escape in a name": (["{tmp}/\x1b[2Jx.txt"], 2, "\\x1b[2Jx.txt: no such file"),
    "impossible date": (["{tmp}/story.txt", "--date", "2014-13-45"], 2, "2014-13-45"),
    "unreadable date": (["{tmp}/story.txt", "--date", "the day after never"], 2, "--date"),
    "window upside down": (["{tmp}/story.txt", "--since", "2014-06-10", "--until", "2014-06-01"], 2, "is after"),
    "empty query": (["{tmp}/story.txt", "--query", " "], 2, "--query needs at least one word"),
    "unknown format": (["{tmp}/story.txt", "--format", "docx"], 2, "unknown format 'docx'"),
    "format given twice": (
        ["{tmp}/story.txt", "--format", "html,html", "-o", "{tmp}/out"],
        2,
        "argument --format: html is given more than once",
    ),
    "formats given twice": (
        ["{tmp}/story.txt", "--format", "json,html,json,html,html", "-o", "{tmp}/out"],
        2,
        "argument --format: json and html are given more than once",
    ),
    "several formats to stdout": (["{tmp}/story.txt", "--format", "html,email"], 2, "need -o DIRECTORY"),
    "several formats to a file": (
        ["{tmp}/story.txt", "--format", "html,json", "-o", "{tmp}/story.txt"],
        2,
        "-o must be a directory",
    ),
    "output is a directory": (["{tmp}/story.txt", "-o", "{tmp}/dir"], 2, "is a directory, not a file to write"),
    "output is a socket": (["{tmp}/story.txt", "-o", "{tmp}/sock"], 2, "is a socket"),
    "output under a file": (["{tmp}/story.txt", "-o", "{tmp}/empty.txt/b.html"], 2, "cannot write (Not a directory)"),
    "output is a link loop": (["{tmp}/story.txt", "-o", "{tmp}/loop"], 2, "Too many levels of symbolic links"),
    "output over the input": (["{tmp}/story.txt", "-o", "{tmp}/story.txt"], 2, "refusing to overwrite"),
    "missing template": (["{tmp}/story.txt", "--template", "{tmp}/none.html.j2"], 2, "none.html.j2"),
    "template syntax": (["{tmp}/story.txt", "--template", "{tmp}/bad.html.j2"], 2, "bad.html.j2, line 1"),
    "template escape": (["{tmp}/story.txt", "--template", "{tmp}/evil.html.j2"], 2, "unsafe"),
    "zero sentences": (["{tmp}/story.txt", "--sentences", "0"], 2, "--sentences"),
    "bad timeout": (["{tmp}/story.txt", "--timeout", "soon"], 2, "--timeout"),
    "unknown option": (["{tmp}/story.txt", "--nope"], 2, "unrecognized arguments: --nope"),
    "option without value": (["{tmp}/story.txt", "--format"], 2, "expected one argument"),
    "no arguments": ([], 2, "give at least one ARTICLE"),
    "stdin twice": (["-", "--jsonl", "-"], 2, "can be read only once"),
    "redirect loop": (["{web}/loop", "--allow-private-urls"], 2, "a redirect loop, or more than 5 redirects"),
    "HTTP 404": (["{web}/missing", "--allow-private-urls"], 2, "HTTP 404"),
    "private address": (["{web}/loop"], 2, "127.0.0.1 is not a public address"),
    "dead server": (["{dead}"], 2, "could not fetch"),
    "not a web URL": (
        ["ftp://example.com/story"],
        2,
        "ftp://example.com/story: only http and https addresses can be fetched",
    ),
    "malformed URL": (["http://[bad/story.html"], 2, "http://[bad/story.html: not a valid URL (Invalid IPv6 URL)"),
    "missing corpus": (["--jsonl", "{tmp}/none.jsonl"], 2, "none.jsonl: no such file"),
    "blank corpus": (["--jsonl", "{tmp}/blank.jsonl"], 2, "no articles in it"),
    "binary corpus": (["--jsonl", "{tmp}/binary.jsonl"], 2, "not a JSON Lines corpus"),
    "corpus of a bad line": (["--jsonl", "{tmp}/bad.jsonl"], 2, "bad.jsonl:1: not valid JSON"),
    "corpus is a FIFO": (["--jsonl", "{tmp}/fifo"], 2, "is a named pipe (FIFO), not a JSON Lines file"),
}


@pytest.fixture(scope="module")
def web():
    with redirector({"/loop": "{base}/loop"}) as base:
        yield base


@pytest.mark.parametrize("case", list(CASES))
def test_every_error_is_one_line(case, tmp_path, web):
    arguments, code, fragment = CASES[case]
    setup(tmp_path)
    arguments = [a.format(tmp=tmp_path, web=web, dead=dead_url()) for a in arguments]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    # A timeout: a FIFO waited on would otherwise hang the suite instead of failing.
    result = subprocess.run(
        [sys.executable, "-m", "summarize", *arguments],
        capture_output=True,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    stderr = result.stderr.decode()
    assert result.returncode == code, stderr
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1 and stderr.endswith("\n"), stderr
    assert stderr.startswith(("summarize: error: ", "summarize brief: error: "))
    assert fragment in stderr
    assert result.stdout == b""


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("plain", "plain"),
        ("new\nline", "new\\nline"),
        ("cr\rlf\r\n", "cr\\rlf\\r\\n"),
        ("tab\tstays", "tab\tstays"),
        ("\x1b[31mred\x9b", "\\x1b[31mred\\x9b"),
        (
            "para\u2029graph\u2028line\x85next\x0bvt\x0cff\x1cfs",
            "para\\u2029graph\\u2028line\\x85next\\x0bvt\\x0cff\\x1cfs",
        ),
        ("caf\u00e9 \u2014 \u65e5\u672c", "caf\u00e9 \u2014 \u65e5\u672c"),
    ],
)
def test_one_line_escapes_what_would_break_the_line(message, shown):
    from summarize.cli import one_line

    assert one_line(message) == shown
    assert len(one_line(message).splitlines()) == 1


def test_file_extensions_are_distinct():
    """Several formats write one file each into -o DIR: no two may share a name."""
    from summarize.rendering import ALL_FORMATS, FILE_EXTENSIONS

    assert sorted(FILE_EXTENSIONS) == sorted(ALL_FORMATS)
    assert len(set(FILE_EXTENSIONS.values())) == len(FILE_EXTENSIONS)


@pytest.mark.slow
def test_a_closed_standard_output_is_no_error(tmp_path):
    """`summarize ... | head`: the reader went away; no message, exit 141 as for SIGPIPE."""
    (tmp_path / "story.txt").write_text(STORY)
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    with subprocess.Popen(
        [sys.executable, "-m", "summarize", str(tmp_path / "story.txt"), "--format", "text"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    ) as process:
        process.stdout.close()
        stderr = process.stderr.read()
        assert (process.wait(timeout=120), stderr) == (141, b"")
