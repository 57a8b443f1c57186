"""``summarize analyze``'s options, and ``brief``'s --from-analysis and --workers;
cli.py parses, reports and maps errors to exit codes.

Ray is imported only for ``--engine ray``, so that a missing ``summarize[ray]``
extra is one line saying what to install.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import SummarizeError
from ..pipeline import Briefer, BriefingRun
from .argtypes import positive as _positive, seconds as _seconds

if TYPE_CHECKING:  # the corpus machinery is imported when analyze runs
    from ..corpora.corpus import AnalyzeRun

ENGINES = ("local", "ray")


def build_analyze_parser(
    parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    parser = parser_class(
        prog="summarize analyze",
        description="The per-article stage alone (read, summarize, find dated events) over a corpus of any "
        "size: one JSON line per article, in input order, for summarize brief --from-analysis. "
        "Lines already in --out are not analyzed again (an interrupted run goes on).",
        epilog="exit codes: 0 done; 2 an error you can fix; 3 some lines failed (one line each on stderr, an "
        "error line in --out), the others were analyzed; 1 a bug.",
    )
    parser.add_argument(
        "--jsonl",
        required=True,
        metavar="IN",
        help='the corpus: JSON Lines, one {"text"|"html"|"url": ..., "date"?, "source"?} a line '
        "(- for standard input); with --engine ray also a Parquet file or directory",
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="OUT",
        help="the analysis file (JSON Lines), appended to; with --engine ray a name ending in "
        ".parquet writes a Parquet directory instead",
    )
    parser.add_argument("--date", metavar="WHEN", help="the article date of every article (as for brief)")
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=20.0,
        metavar="SECONDS",
        help="give up fetching a URL after this long (default: 20)",
    )
    parser.add_argument(
        "--allow-private-urls", action="store_true", help="let URLs reach loopback, private and link-local addresses"
    )
    parser.add_argument("--model", metavar="ID_OR_PATH", help="as for summarize brief")
    parser.add_argument("--device", default="cpu", help="as for summarize brief")
    parser.add_argument(
        "--sentences", type=_positive, default=3, metavar="N", help="summary length in sentences (default: 3)"
    )
    parser.add_argument("--words", type=_positive, metavar="N", help="summary length in words")
    parser.add_argument("--threads", type=_positive, metavar="N", help="as for summarize brief")
    add_workers_option(parser)
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: this machine's processes (default); ray: a Ray Data job, on a local Ray "
        "started for the run or on the cluster at --ray-address",
    )
    parser.add_argument(
        "--ray-address",
        metavar="ADDRESS",
        help="a running Ray cluster: its head's HOST:6379 (or ray://HOST:10001); a cluster with "
        "token authentication wants RAY_AUTH_MODE=token and RAY_AUTH_TOKEN_PATH=FILE in the "
        "environment; default: start a local Ray",
    )
    return parser


def add_workers_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="worker processes for the per-article stage, each loading the model once "
        "(default: 1, this process); with --engine ray, the actors",
    )


def add_from_analysis_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from-analysis",
        metavar="FILE",
        help="brief from a summarize analyze file instead of reading articles (its summaries "
        "and article dates were set by analyze)",
    )


def analyze_from_args(args: argparse.Namespace, *, progress: Callable[[int], None] | None = None) -> AnalyzeRun:
    """Run ``summarize analyze`` as ``args`` say: an ``AnalyzeRun``."""
    from ..corpora.corpus import Reading, analyze_corpus
    from ..inputs.dates import parse_date

    date = parse_date(args.date) if args.date is not None else None
    reading = Reading(timeout=args.timeout, allow_private_urls=args.allow_private_urls)
    briefer = Briefer(
        model=args.model, device=args.device, sentences=args.sentences, words=args.words, workers=args.workers
    )
    if args.engine == "ray":
        from ..corpora.ray_engine import analyze_on_ray

        return analyze_on_ray(
            args.jsonl,
            args.out,
            briefer=briefer,
            date=date,
            reading=reading,
            address=args.ray_address,
            progress=progress,
        )
    if args.ray_address:
        raise SummarizeError("--ray-address needs --engine ray")
    return analyze_corpus(args.jsonl, args.out, briefer=briefer, date=date, reading=reading, progress=progress)


def check_from_analysis(args: argparse.Namespace) -> None:
    """What --from-analysis cannot be given with: the articles themselves, and the
    options that the analysis already applied."""
    given = [
        name
        for name, value in (
            ("ARTICLE", args.articles),
            ("--jsonl", args.jsonl),
            ("--date", args.date),
            ("--model", args.model),
            ("--sentences", args.sentences),
            ("--words", args.words),
        )
        if value
    ]
    if given:
        raise SummarizeError(
            f"--from-analysis cannot be given with {', '.join(given)}: the articles were read "
            f"and summarized by summarize analyze (give these to it)"
        )


def brief_from_analysis(path: str, briefer: Briefer) -> BriefingRun:
    """The briefing of an analysis file; its error lines are the run's failures."""
    from ..corpora.corpus import read_analyses

    analyses, failures = read_analyses(path)
    if not analyses:
        return BriefingRun(briefing=None, failures=tuple(failures))
    return BriefingRun(briefing=briefer.brief_analyses(analyses), failures=tuple(failures))
