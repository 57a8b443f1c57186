"""``summarize serve``'s options and what they start; cli.py parses and reports.

Imports nothing of the web stack until the desk starts, so that a missing
``summarize[desk]`` extra is one line saying what to install.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable


def build_serve_parser(
    parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    parser = parser_class(
        prog="summarize serve",
        description="The briefing desk: make, edit and export briefings in the browser (/) or "
        "by its JSON API (/api/briefings; the schema is at /openapi.json).",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; another needs --token)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0: any free port)")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="where briefings are kept: a SQLite file or sqlite:///PATH, or postgresql://USER@HOST/DB "
        "(default: ~/.local/share/summarize/desk.sqlite3)",
    )
    parser.add_argument(
        "--token",
        help="every request must send Authorization: Bearer TOKEN, or come from a "
        "browser that typed it on /login (default: the SUMMARIZE_TOKEN environment "
        "variable)",
    )
    parser.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let URLs reach loopback, private and link-local addresses (intranet pages)",
    )
    parser.add_argument("--model", metavar="ID_OR_PATH", help="as for summarize brief")
    parser.add_argument("--device", default="cpu", help="as for summarize brief")
    parser.add_argument("--threads", type=int, metavar="N", help="as for summarize brief (cli.py sets them)")
    return parser


def serve_from_args(args: argparse.Namespace, *, ready: Callable[[str, str], None]) -> None:
    """Start the desk as ``args`` say; ``ready(address, database)`` once it listens."""
    from ..errors import SummarizeError

    try:
        from .server import serve
    except ImportError as error:
        raise SummarizeError(
            f"summarize serve needs the desk's packages ({error.name} is missing): pip install 'summarize[desk]'"
        ) from None
    from ..pipeline import Briefer

    token = args.token or os.environ.get("SUMMARIZE_TOKEN") or None
    serve(
        host=args.host,
        port=args.port,
        db=args.db,
        token=token,
        allow_private_urls=args.allow_private_urls,
        briefer=Briefer(model=args.model, device=args.device),
        ready=lambda address, store: ready(address, store.shown_url),
    )
