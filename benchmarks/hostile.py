"""Bounded time and memory on hostile inputs: each under the 20 MB input cap.

    .venv/bin/python benchmarks/hostile.py [--timeout 180] [--only NAME ...]

Each case is generated into a temporary folder and run as the whole command a
user would type (``summarize FILE --date 2020-06-01 --format json,html -o DIR``),
one process per case, so the figures include interpreter start, imports and the
model. Reported per case: exit code, wall seconds, peak RSS of the process (MB),
and the ratio of both to the sample article run in the same invocation (the peer:
what any one-article run costs on this machine). Target (issue 11): every case
at most 30 s and 1 GB.

The cases are the ones a security review found unbounded (over 150 s each; the
20 MB page peaked at 1 GB): a 5 MB line with no newline, 200,000 short
sentences, a text of 100,000 dates, "on June 9," 50,000 times, and a 20 MB HTML
page; plus a 5 MB "word" with no space, which is the worst case for the
tokenizers, and 100,000 dates joined into one "word" ("May-June/Friday-...": a
look back at the words before each date was quadratic there, found in review), and
250 dates 20,000 spaces apart (each rule's reach crossed the spaces one at a time),
and "the evening before" 50,000 times (each looked for "of" in the whole text before it).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import measure  # noqa: E402

SAMPLE = ROOT / "examples" / "iraq-rawa-ana.txt"
LIMIT_SECONDS, LIMIT_MB = 30.0, 1024.0
MONTHS = "January February March April May June July August September October November December".split()
WORDS = (
    "the minister said on a visit that talks would resume after the vote in the north of "
    "the country where forces took control of two towns and the border crossing"
).split()


def _words(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(count))


# Each case takes ``scale``: 1 is the size the benchmark runs, the tests of linear
# growth (tests/test_hostile_inputs.py) time small fractions of it.


def long_line(scale: float = 1.0) -> str:
    """5 MB of the sample article's prose (sentences, dates, quotes) with no newline."""
    size = int(5_000_000 * scale)
    prose = " ".join(SAMPLE.read_text(encoding="utf-8").split())
    return ((prose + " ") * (size // len(prose) + 1))[:size]


def long_run_on(scale: float = 1.0) -> str:
    """5 MB of words with no newline and no sentence end."""
    size = int(5_000_000 * scale)
    return ((_words(200_000) + " ") * (size // 1_000_000 + 1))[:size]


def long_token(scale: float = 1.0) -> str:
    """5 MB without a space: one 'word'."""
    return "abcdefghij" * int(500_000 * scale)


def short_sentences(scale: float = 1.0) -> str:
    """200,000 short sentences on one line each."""
    rng = random.Random(2)
    return "\n".join(
        f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.choice(WORDS)}."
        for _ in range(int(200_000 * scale))
    )


def many_dates(scale: float = 1.0) -> str:
    """100,000 dates in every common form, three to a sentence."""
    rng = random.Random(3)
    forms = [
        lambda d, m, y: f"on {MONTHS[m]} {d}, {y}",
        lambda d, m, y: f"{d} {MONTHS[m]} {y}",
        lambda d, m, y: f"{y}-{m + 1:02d}-{d:02d}",
        lambda d, m, y: f"last {MONTHS[m]}",
        lambda d, m, y: f"early {MONTHS[m]}",
        lambda d, m, y: "the following day",
        lambda d, m, y: f"in {y}",
    ]
    sentences = []
    for _ in range(0, int(100_000 * scale), 3):
        dates = [rng.choice(forms)(rng.randint(1, 28), rng.randrange(12), rng.randint(1990, 2030)) for _ in range(3)]
        sentences.append(
            f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {dates[0]}, "
            f"{rng.choice(WORDS)} {dates[1]} and {rng.choice(WORDS)} {dates[2]}."
        )
    return " ".join(sentences)


def joined_dates(scale: float = 1.0) -> str:
    """100,000 month and weekday names joined by hyphens and slashes, no space: one
    "word" with a date every few characters ("May-June/Friday-..."), which a look back
    to the start of the word before each date would walk again for every one."""
    names = ["May-", "June/", "Friday-", "March/", "July-", "Monday/"]
    return "Months: " + "".join(names[i % len(names)] for i in range(int(100_000 * scale))) + "May."


def spaced_dates(scale: float = 1.0) -> str:
    """250 sentences with a date each, 20,000 spaces apart (5 MB): a run of spaces
    stepped over one character at a time, for each rule's window, was slow."""
    return (" " * 20_000).join("The talks will last two days from Friday." for _ in range(int(250 * scale)))


def evenings_before(scale: float = 1.0) -> str:
    """'They met the evening before.' 50,000 times: the look for "of" before each
    ("goal of the evening after") searched the whole text before it (quadratic)."""
    return "They met the evening before. " * int(50_000 * scale)


def on_june_9(scale: float = 1.0) -> str:
    """'on June 9,' 50,000 times: one sentence with 50,000 dates."""
    return "The council met " + "on June 9, " * int(50_000 * scale) + "and agreed."


def big_page(scale: float = 1.0) -> str:
    """A 20 MB HTML page (just under the cap) of ordinary article paragraphs."""
    rng = random.Random(5)
    head = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Long page</title>"
        "<meta property='article:published_time' content='2020-06-01T08:00:00Z'></head>"
        "<body><nav><a href='/'>Home</a></nav><article><h1>Long page</h1>"
    )
    paragraphs, size = [], len(head)
    while size < 19_900_000 * scale:
        sentence = f"<p>{_words(25, rng.randrange(10**9)).capitalize()} on {MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}.</p>\n"
        paragraphs.append(sentence)
        size += len(sentence)
    return head + "".join(paragraphs) + "</article><footer>(c)</footer></body></html>"


def tiny_paragraphs_page(scale: float = 1.0) -> str:
    """A 20 MB page of 1.5 million one-word paragraphs: elements, not text."""
    head = "<!doctype html><html><head><title>Tiny</title></head><body><article><h1>Tiny</h1>"
    story = "<p>The council met on June 9 and voted on the budget for the coming year.</p>"
    return head + story + "<p>Yes.</p>" * int(1_500_000 * scale) + "</article></body></html>"


def script_page(scale: float = 1.0) -> str:
    """A 20 MB page that is an ordinary story beside 20 MB of inline script and data."""
    story = "".join(f"<p>{_words(25, seed).capitalize()} on June {seed % 28 + 1}.</p>" for seed in range(30))
    blob = "<script>var data = [" + "1234567890," * int(1_800_000 * scale) + "0];</script>"
    paths = '<path d="M0 0L1 1"/>' * int(1000 * scale)
    return (
        f"<!doctype html><html><head><title>Script</title>{blob}</head><body><article><h1>Script</h1>"
        f"{story}</article><svg>{paths}</svg></body></html>"
    )


CASES: dict[str, tuple[str, Callable[[float], str]]] = {
    "5 MB line": ("long-line.txt", long_line),
    "5 MB run-on": ("long-run-on.txt", long_run_on),
    "5 MB word": ("long-token.txt", long_token),
    "200k sentences": ("short-sentences.txt", short_sentences),
    "100k dates": ("many-dates.txt", many_dates),
    "'on June 9,' x50k": ("on-june-9.txt", on_june_9),
    "100k joined dates": ("joined-dates.txt", joined_dates),
    "5 MB of spaces, 250 dates": ("spaced-dates.txt", spaced_dates),
    "'the evening before' x50k": ("evenings-before.txt", evenings_before),
    "20 MB HTML page": ("big-page.html", big_page),
    "20 MB page, tiny paragraphs": ("tiny-paragraphs.html", tiny_paragraphs_page),
    "20 MB page, mostly script": ("script-page.html", script_page),
}


def run(path: Path, out: Path, timeout: float) -> tuple[int | str, float, float, str]:
    """Exit code (or 'timeout'), wall seconds, peak RSS MB and the last stderr line."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    command = [
        sys.executable,
        "-m",
        "summarize",
        str(path),
        "--date",
        "2020-06-01",
        "--format",
        "json,html",
        "-o",
        str(out),
    ]
    measured = measure(command, env=env, cwd=ROOT, timeout=timeout)
    if measured.code is None:
        return "timeout", measured.wall, measured.peak_mb, ""
    stderr = measured.stderr.strip().splitlines()
    return measured.code, measured.wall, measured.peak_mb, (stderr[-1] if stderr else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=180.0, help="kill a case after this many seconds")
    parser.add_argument("--only", nargs="*", help="run only these cases (by name, substring)")
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        code, peer_s, peer_mb, _ = run(SAMPLE, base / "sample", args.timeout)
        print(f"peer: the sample article, exit {code}, {peer_s:.1f} s, {peer_mb:.0f} MB\n")
        print("| case | input MB | exit | seconds | peak MB | x sample time | x sample memory | within target |")
        print("|---|---|---|---|---|---|---|---|")
        for name, (filename, make) in CASES.items():
            if args.only and not any(part in name for part in args.only):
                continue
            path = base / filename
            path.write_text(make(1.0), encoding="utf-8")
            code, seconds, mb, last = run(path, base / "out", args.timeout)
            ok = code != "timeout" and seconds <= LIMIT_SECONDS and mb <= LIMIT_MB
            failed |= not ok
            print(
                f"| {name} | {path.stat().st_size / 1e6:.1f} | {code} | {seconds:.1f} | {mb:.0f} | "
                f"{seconds / peer_s:.1f} | {mb / peer_mb:.1f} | {'yes' if ok else 'NO'} |",
                flush=True,
            )
            if last:
                print(f"|   stderr: {last[:150]} |", flush=True)
            path.unlink()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
