"""The command line: parse arguments, call the library, write files, report errors.

Errors the user can fix are one line on stderr and exit code 2; nothing here is
clever, the work is in ``summarize.pipeline``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_BUG, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line (and exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY-MM-DD, e.g. 2014-06-22") from None


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return number


def _formats(text: str) -> list[str]:
    from .rendering import FORMATS

    formats = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"unknown format {','.join(unknown) or text!r}; choose from {', '.join(FORMATS)}")
    return formats


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summarize",
        description="Turn news articles into a briefing: a summary and a dated timeline.",
    )
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article file(s); - reads standard input")
    parser.add_argument("--date", type=_iso_date, help="the article date (YYYY-MM-DD) that relative dates are anchored to")
    parser.add_argument("--format", type=_formats, metavar="FORMAT",
                        help="html, email, text, markdown, json or timelinejs; several, comma-separated, write one "
                             "file each (default: html, or what the --template file name says)")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="output file (default: standard output); with several formats, a directory")
    parser.add_argument("--quotes", action="store_true", help="show each event's source sentence")
    parser.add_argument("--template", metavar="PATH",
                        help="render with this Jinja2 template instead of the built-in one (context: see README)")
    parser.add_argument("--front-matter", action="store_true", help="start Markdown output with YAML front matter")
    parser.add_argument("--model", metavar="ID_OR_PATH",
                        help="a Hugging Face seq2seq model for abstractive summaries (default: offline extractive MiniLM)")
    parser.add_argument("--device", default="cpu", help="device for --model: cpu, cuda or mps (default: cpu)")
    parser.add_argument("--sentences", type=_positive, default=3, metavar="N", help="summary length in sentences (default: 3)")
    parser.add_argument("--words", type=_positive, metavar="N", help="summary length in words (overrides --sentences)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Library chatter (progress bars, warnings) would spoil output on stdout.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the one place that turns errors into exit codes
        from .errors import SummarizeError

        if isinstance(error, SummarizeError):
            print(f"summarize: error: {error}", file=sys.stderr)
            return EXIT_USAGE
        print(f"summarize: internal error: {type(error).__name__}: {error} (please report this)", file=sys.stderr)
        return EXIT_BUG


def _run(args: argparse.Namespace) -> int:
    from .errors import SummarizeError
    from .pipeline import build_briefing
    from .rendering import render

    if args.articles.count("-") > 1:
        raise SummarizeError("standard input (-) can be read only once")
    args.format = _checked_formats(args.format, args.template)
    targets = _output_targets(args.output, args.format, args.articles)
    _refuse_overwriting_inputs(targets.values(), args.articles)
    briefing = build_briefing(args.articles, date=args.date, model=args.model, device=args.device,
                              sentences=args.sentences, words=args.words)
    # Render every format before writing any, so that a format that cannot be made
    # (timelinejs without a year) leaves no half-written set of files behind.
    texts = {format: render(briefing, format, quotes=args.quotes, front_matter=args.front_matter,
                            template=args.template) for format in targets}
    for format, target in targets.items():
        text = texts[format]
        if target is None:
            sys.stdout.write(text)
        else:
            write_atomically(target, text)
    return EXIT_OK


def _checked_formats(formats: list[str] | None, template: str | None) -> list[str]:
    """The formats to write; a --template is checked now, before the slow pipeline runs."""
    from .rendering import check_template, format_for_template

    if template is None:
        return formats or ["html"]
    formats = formats or [format_for_template(template)]
    check_template(template, formats)
    return formats


def _output_targets(output: str | None, formats: list[str], articles: list[str]) -> dict[str, Path | None]:
    from .errors import SummarizeError
    from .rendering import FILE_EXTENSIONS

    if len(formats) == 1:
        return {formats[0]: Path(output) if output else None}
    if not output:
        raise SummarizeError("several formats need -o DIRECTORY to write one file each")
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise SummarizeError(f"{output}: with several formats, -o must be a directory")
    stem = Path(articles[0]).stem if articles[0] != "-" else "briefing"
    extensions = [FILE_EXTENSIONS[f] for f in formats]
    if len(set(extensions)) != len(extensions):
        raise SummarizeError("html and email would write the same file: write them in two runs")
    return {f: directory / f"{stem}.{FILE_EXTENSIONS[f]}" for f in formats}


def _refuse_overwriting_inputs(targets, articles: list[str]) -> None:
    from .errors import SummarizeError

    inputs = [Path(a).resolve() for a in articles if a != "-"]
    for target in targets:
        if target is not None and target.resolve() in inputs:
            raise SummarizeError(f"{target}: refusing to overwrite an input article")


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half."""
    from .errors import SummarizeError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp", delete=False)
        try:
            with handle:
                handle.write(text)
            os.replace(handle.name, path)
        except BaseException:
            os.unlink(handle.name)
            raise
    except OSError as error:
        raise SummarizeError(f"{path}: cannot write ({error.strerror or error})") from None


if __name__ == "__main__":
    sys.exit(main())
