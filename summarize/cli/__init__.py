"""The command line: parse arguments, call the library, write files, report errors.

Errors the user can fix are one line on stderr and exit code 2; a batch in which
some inputs failed prints one line per failed input, briefs the rest and exits 3.
Nothing here is clever, the work is in ``summarize.pipeline``.

``summarize brief A B C`` is the documented form for a briefing of several articles;
``summarize A B C`` does the same (a first argument ``brief`` is the subcommand; a
file of that name is ``./brief``).

The package: this module (``summarize``/``summarize brief``, errors to exit codes),
``analyze.py`` (``summarize analyze`` and ``brief``'s --from-analysis and --workers),
``argtypes.py`` (argument types), ``progress.py`` (the progress bar, on a terminal
only), ``files.py`` (writing ``-o`` atomically, never over an input);
``summarize serve`` is ``desk/command.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn

from .argtypes import positive as _positive, seconds as _seconds
from .progress import _progress_bar

if TYPE_CHECKING:  # the pipeline is imported when a command runs, not for --help
    from ..pipeline import KeyDateOptions

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_SOME_INPUTS_FAILED = 0, 1, 2, 3

# Signals that end a run: the temporary files being written are removed first.
# SIGINT raises KeyboardInterrupt by itself; SIGHUP is a closed terminal.
CLEANUP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)

# The temporary files (``files.write_output``) that exist, or may, right now.
_pending_temp_files: set[str] = set()


class _StdoutClosed(Exception):
    """Standard output is a pipe whose reader has gone."""


class _Terminated(BaseException):
    """Raised by the SIGTERM/SIGHUP handler, so that the run unwinds (and removes
    its temporary files) as it does for Ctrl-C's KeyboardInterrupt."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line (and exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {one_line(message)}\n")


# Control characters of a message as escapes, so that an error is one line whatever
# it quotes: a file named "new\nstory.txt", a server's reason phrase, a template's
# text. U+2028/U+2029 split lines for Python's splitlines(), C1 codes (0x9b, CSI)
# drive terminals.
_ESCAPES = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if code != 0x09}
_ESCAPES.update({0x0A: "\\n", 0x0D: "\\r", 0x2028: "\\u2028", 0x2029: "\\u2029"})


def one_line(message: str) -> str:
    """``message`` with its control characters escaped: one line on a terminal."""
    return message.translate(_ESCAPES)


def _error(message: str) -> None:
    print(f"summarize: error: {one_line(message)}", file=sys.stderr)


def _formats(text: str) -> list[str]:
    from ..rendering import ALL_FORMATS

    formats = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(
            f"unknown format {','.join(unknown) or text!r}; choose from {', '.join(ALL_FORMATS)}"
        )
    repeated = sorted({f for f in formats if formats.count(f) > 1}, key=formats.index)
    if repeated:
        raise argparse.ArgumentTypeError(
            f"{' and '.join(repeated)} {'is' if len(repeated) == 1 else 'are'} given more than once"
        )
    return formats


def build_parser(prog: str = "summarize") -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description="Turn news articles into a briefing: a summary of each and one dated timeline.",
        epilog="exit codes: 0 done; 2 an error you can fix (nothing written); 3 some inputs failed "
        "(one line each on stderr), the briefing of the others was written; 1 a bug.",
    )
    parser.add_argument(
        "articles",
        nargs="*",
        metavar="ARTICLE",
        help="article: a text or HTML file, an http(s) URL, or - for standard input",
    )
    parser.add_argument(
        "--jsonl",
        metavar="FILE",
        help='a JSON Lines corpus (- for standard input): one {"text"|"html"|"url": ..., '
        '"date"?: "YYYY-MM-DD", "source"?: NAME} a line',
    )
    parser.add_argument(
        "--date",
        metavar="WHEN",
        help="the article date that relative dates are anchored to (2014-06-22, '22 June 2014', "
        "'yesterday'); overrides dates found in pages and datelines",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=20.0,
        metavar="SECONDS",
        help="give up fetching a URL after this long in all: connect, redirects, body (default: 20)",
    )
    parser.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let URLs (and their redirects) reach loopback, private and link-local addresses, "
        "for intranet pages; refused by default",
    )
    parser.add_argument(
        "--format",
        type=_formats,
        metavar="FORMAT",
        help="html, email, text, markdown, json, timelinejs or pdf (printed by headless Chromium; "
        "to a file, not a terminal); several, comma-separated, write one file each "
        "(default: html, or what the --template file name says)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="output file (default: standard output); with several formats, a directory",
    )
    parser.add_argument("--quotes", action="store_true", help="show each event's source sentence")
    parser.add_argument(
        "--template",
        metavar="PATH",
        help="render with this Jinja2 template instead of the built-in one (context: see README)",
    )
    parser.add_argument("--front-matter", action="store_true", help="start Markdown output with YAML front matter")
    parser.add_argument(
        "--model",
        metavar="ID_OR_PATH",
        help="a Hugging Face seq2seq model for abstractive summaries (default: offline extractive MiniLM)",
    )
    parser.add_argument("--device", default="cpu", help="device for --model: cpu, cuda or mps (default: cpu)")
    # None rather than 3: --from-analysis refuses a length given, the default stays 3.
    parser.add_argument("--sentences", type=_positive, metavar="N", help="summary length in sentences (default: 3)")
    parser.add_argument("--words", type=_positive, metavar="N", help="summary length in words (overrides --sentences)")
    selection = parser.add_argument_group(
        "many articles",
        "a briefing of 10 or more articles (or any, with --max-dates) shows the key dates, each "
        "with the sentences that say what happened, and an overview, every sentence citing its articles",
    )
    selection.add_argument(
        "--max-dates",
        type=_positive,
        metavar="N",
        help="at most N key dates (default: automatic, 10 to 40 by the number of articles)",
    )
    selection.add_argument(
        "--per-date", type=_positive, default=2, metavar="K", help="at most K sentences per key date (default: 2)"
    )
    selection.add_argument(
        "--since",
        metavar="WHEN",
        help="only what happened on or after WHEN (2014-06-01, 'June 2014', 'last Monday'; "
        "relative to --date, else today)",
    )
    selection.add_argument("--until", metavar="WHEN", help="only what happened on or before WHEN (as --since)")
    selection.add_argument(
        "--query", metavar="WORDS", help="only articles and sentences holding one of these words (space-separated)"
    )
    parser.add_argument(
        "--threads",
        type=_positive,
        metavar="N",
        help="CPU threads for the model (default: 1 for the MiniLM default, torch's choice with --model)",
    )
    from .analyze import add_from_analysis_option, add_workers_option

    add_from_analysis_option(parser)
    add_workers_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Library chatter (progress bars, warnings) would spoil output on stdout.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["serve"]:
        return _serve(argv[1:])
    if argv[:1] == ["analyze"]:
        from .analyze import build_analyze_parser

        args, run = build_analyze_parser(_Parser).parse_args(argv[1:]), _analyze
    else:
        prog = "summarize"
        if argv[:1] == ["brief"]:
            argv, prog = argv[1:], "summarize brief"
        parser = build_parser(prog)
        args, run = parser.parse_args(argv), _run
        if not args.articles and not args.jsonl and not args.from_analysis:
            parser.error("give at least one ARTICLE, --jsonl FILE or --from-analysis FILE")
    try:
        with _signals_end_the_run():
            return run(args)
    except (KeyboardInterrupt, _Terminated) as stop:
        _remove_pending_temp_files()
        print(f"summarize: {'interrupted' if isinstance(stop, KeyboardInterrupt) else 'terminated'}", file=sys.stderr)
        return 128 + (stop.signum if isinstance(stop, _Terminated) else signal.SIGINT)
    except _StdoutClosed:
        # The reader of standard output went away (`summarize ... | head`): what it
        # did not read is not wanted; no message. 141 is what a shell reports for a
        # program that SIGPIPE ended.
        _silence_stdout()
        return 128 + signal.SIGPIPE
    except Exception as error:  # noqa: BLE001 - errors into exit codes
        return _exit_code(error)


def _exit_code(error: Exception) -> int:
    """The one place that turns errors into exit codes: the library's errors are the
    user's to fix (2), anything else is a bug (1); either is one line on stderr."""
    from ..errors import SummarizeError

    if isinstance(error, SummarizeError):
        _error(str(error))
        return EXIT_USAGE
    print(
        f"summarize: internal error: {one_line(f'{type(error).__name__}: {error}')} (please report this)",
        file=sys.stderr,
    )
    return EXIT_BUG


def _serve(argv: list[str]) -> int:
    """``summarize serve`` (``desk/command.py``): the desk runs until Ctrl-C or
    SIGTERM, which uvicorn handles (it finishes the requests under way)."""
    from ..desk.command import build_serve_parser, serve_from_args

    args = build_serve_parser(_Parser).parse_args(argv)

    def ready(address: str, database: str) -> None:
        print(f"summarize: the briefing desk is at {address} (briefings in {database})", file=sys.stderr)

    try:
        _set_cpu_threads(args.threads, args.model)
        serve_from_args(args, ready=ready)
    except KeyboardInterrupt:  # Ctrl-C while the model loads
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - errors into exit codes
        return _exit_code(error)
    return EXIT_OK


@contextlib.contextmanager
def _signals_end_the_run() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``_Terminated`` while the run lasts. A signal that
    is ignored (``nohup`` ignores SIGHUP) stays ignored, and outside the main
    thread (an embedding program) nothing is changed."""

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated(signum)

    previous = {}
    with contextlib.suppress(ValueError):  # not the main thread
        for signum in CLEANUP_SIGNALS:
            if signal.getsignal(signum) == signal.SIG_DFL:
                previous[signum] = signal.signal(signum, terminate)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _remove_pending_temp_files() -> None:
    for name in list(_pending_temp_files):
        with contextlib.suppress(OSError):
            os.unlink(name)
        _pending_temp_files.discard(name)


def _silence_stdout() -> None:
    # Python flushes stdout on exit; to the closed pipe that is one more
    # BrokenPipeError, printed as "Exception ignored ...".
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _analyze(args: argparse.Namespace) -> int:
    """``summarize analyze`` (``analyze_command.py``): each failed line is one line
    on stderr; the others are analyzed (exit 3)."""
    from .analyze import analyze_from_args
    from .progress import analyze_progress_bar

    _set_cpu_threads(args.threads, args.model)
    with analyze_progress_bar(args.jsonl, args.out) as progress:
        run = analyze_from_args(args, progress=progress)
    for failure in run.failures:
        _error(failure.message)
    return EXIT_SOME_INPUTS_FAILED if run.failures else EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from ..errors import SummarizeError
    from ..inputs.loading import ArticleInput, InputFailure, inputs_from_args, read_jsonl
    from ..pipeline import Briefer
    from ..rendering import BINARY_FORMATS, render, render_bytes
    from .files import check_output, output_targets, refuse_overwriting_inputs, write_output

    if [*args.articles, args.jsonl, args.from_analysis].count("-") > 1:
        raise SummarizeError("standard input (-) can be read only once")
    if args.from_analysis:
        from .analyze import check_from_analysis

        check_from_analysis(args)
    args.format = _checked_formats(args.format, args.template)
    names = args.articles + [name for name in (args.jsonl, args.from_analysis) if name]
    targets = output_targets(args.output, args.format, names)
    refuse_overwriting_inputs(targets.values(), names)
    binary = [f for f, target in targets.items() if target is None and f in BINARY_FORMATS]
    if binary and sys.stdout.isatty():
        raise SummarizeError(
            f"--format {binary[0]} is a binary file, not for a terminal: give -o FILE.{binary[0]} "
            f"(or redirect standard output to a file)"
        )
    for target in targets.values():
        if target is not None:
            check_output(target)
    selection = _selection(args)
    inputs: list[ArticleInput | InputFailure] = [*inputs_from_args(args.articles, date=args.date)]
    if args.jsonl:
        inputs += read_jsonl(args.jsonl, date=args.date)
    _set_cpu_threads(args.threads, args.model)
    briefer = Briefer(
        model=args.model,
        device=args.device,
        sentences=args.sentences or 3,
        words=args.words,
        selection=selection,
        workers=args.workers,
    )
    if args.from_analysis:
        from .analyze import brief_from_analysis

        run = brief_from_analysis(args.from_analysis, briefer)
    else:
        with _progress_bar(2 * len(inputs)) as progress:
            run = briefer.brief_inputs(
                inputs, progress=progress, timeout=args.timeout, allow_private_urls=args.allow_private_urls
            )
    if run.briefing is None and len(run.failures) == 1:
        raise SummarizeError(run.failures[0].message)
    for failure in run.failures:
        _error(failure.message)
    if run.briefing is None:
        return EXIT_USAGE
    # Render every format before writing any, so that a format that cannot be made
    # (timelinejs without a year) leaves no half-written set of files behind.
    # (Text formats stay text up to stdout, which encodes them as it always has.)
    texts = {
        format: (render_bytes if format in BINARY_FORMATS else render)(
            run.briefing, format, quotes=args.quotes, front_matter=args.front_matter, template=args.template
        )
        for format in targets
    }
    for format, target in targets.items():
        text = texts[format]
        if target is None:
            try:
                if isinstance(text, bytes):
                    sys.stdout.flush()
                    sys.stdout.buffer.write(text)
                else:
                    sys.stdout.write(text)
                sys.stdout.flush()  # now, not at exit, so that a closed pipe shows here
            except BrokenPipeError:
                raise _StdoutClosed from None
        else:
            write_output(target, text, pending=_pending_temp_files)
    return EXIT_SOME_INPUTS_FAILED if run.failures else EXIT_OK


def _selection(args: argparse.Namespace) -> KeyDateOptions:
    """Read --date, --since and --until (dateparser's forms; the window relative to
    --date when given) and gather the key-date options. Sets ``args.date``."""
    from ..inputs.dates import parse_date
    from ..pipeline import KeyDateOptions

    args.date = parse_date(args.date) if args.date is not None else None
    return KeyDateOptions.read(
        date=args.date,
        since=args.since,
        until=args.until,
        query=args.query,
        max_dates=args.max_dates,
        per_date=args.per_date,
    )


def _set_cpu_threads(threads: int | None, model: str | None) -> None:
    """One thread is as fast as several for MiniLM on an article's sentences, and
    several threads slow to a crawl when the cores are busy (measured: 0.15 s against
    0.95 s per article on a loaded 2-core machine). Large models gain from more, so
    with --model torch keeps its own choice unless --threads is given. torch is
    imported here only for --model: the MiniLM encoder takes its threads itself."""
    from ..summarizers.encoder import set_threads

    if model is None or threads is not None:
        set_threads(threads or 1)
    if model is not None and threads is not None:
        import torch

        torch.set_num_threads(threads)


def _checked_formats(formats: list[str] | None, template: str | None) -> list[str]:
    """The formats to write; a --template is checked now, before the slow pipeline runs."""
    from ..rendering import check_template, format_for_template

    if template is None:
        return formats or ["html"]
    formats = formats or [format_for_template(template)]
    check_template(template, formats)
    return formats


if __name__ == "__main__":
    sys.exit(main())
