#!/usr/bin/env python3
"""ROUGE and speed of the summarizer against Lead-3 and sumy's LexRank.

    python benchmarks/rouge.py GOLD.jsonl --out PRED.jsonl [--model ID_OR_PATH]

GOLD is JSON Lines with "id", "article", "reference" (the form of
shared/eval/cnndm-dev.jsonl). Writes {"id", "summary"} lines to PRED, scores them
and Lead-3 on the same articles with shared/tools/rouge_eval.py (its own functions,
document by document, so the margin also gets a bootstrap interval), and times the
summarizer (warm, one article per call) beside LexRank on the same articles.
Peak memory is the process's peak resident set size.
Runs offline: HF_HUB_OFFLINE and TRANSFORMERS_OFFLINE are set before any import.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import find_shared, peak_rss_mb, read_jsonl  # noqa: E402
from summarize.errors import SummarizeError  # noqa: E402
from summarize.models import Article  # noqa: E402
from summarize.sentences import split_sentences  # noqa: E402
from summarize.summarizers import load_summarizer  # noqa: E402


def default_shared() -> Path:
    """The ``shared/`` folder that holds the ROUGE scorer (see ``common.find_shared``)."""
    return find_shared("tools/rouge_eval.py").parents[1]


class _SumyTokenizer:
    """sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded
    here; LexRank gets our sentences instead, so both methods choose among the same
    sentences."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        return [s.text for s in split_sentences(text)]

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+(?:'\w+)?", sentence)


def time_lexrank(articles: list[str], sentences: int) -> tuple[float, float] | None:
    """Wall and CPU seconds per article of sumy's LexRank."""
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError:
        return None
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _SumyTokenizer()
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in articles:
        document = PlaintextParser.from_string(text, tokenizer).document
        summarizer(document, sentences)
    return (time.perf_counter() - start) / len(articles), (time.process_time() - cpu_start) / len(articles)


def load_scorer(scorer: Path):
    """The shared scorer as a module, to score documents one by one exactly as it
    scores the mean (its sentence splitter, its ROUGE settings)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("rouge_eval", scorer)
    if spec is None or spec.loader is None:
        raise SystemExit(f"rouge: cannot load the scorer {scorer}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def per_document(rouge_eval, rows: list[dict], summaries: list[str]) -> dict[str, list[float]]:
    """Each document's ROUGE F1 (x100) for ``summaries``, by metric."""
    scores: dict[str, list[float]] = {m: [] for m in rouge_eval.METRICS}
    for row, summary in zip(rows, summaries):
        result = rouge_eval.evaluate([row], {row["id"]: summary})
        for m in scores:
            scores[m].append(result[m])
    return scores


BOOTSTRAP_SAMPLES = 1000


def paired_interval(ours: list[float], baseline: list[float], *, seed: int = 0) -> tuple[float, float]:
    """The 95% paired-bootstrap interval of the mean difference ``ours - baseline``:
    how far the dev-set margin may move on another sample of articles like these."""
    import random

    rng = random.Random(seed)
    differences = [a - b for a, b in zip(ours, baseline)]
    n = len(differences)
    means = sorted(sum(differences[rng.randrange(n)] for _ in range(n)) / n for _ in range(BOOTSTRAP_SAMPLES))
    return means[int(0.025 * BOOTSTRAP_SAMPLES)], means[int(0.975 * BOOTSTRAP_SAMPLES) - 1]


# The least work any summarizer built on the MiniLM encoder does per article: the
# lead sentences embedded from their first few word pieces. Timed beside LexRank, it
# shows how fast an extractive default could be before it scores a single sentence.
FLOOR_SENTENCES = 10
FLOOR_TOKENS = 16


def time_encoder_floor(articles: list[Article]) -> float:
    """Wall seconds per article of the MiniLM encoder alone on ``FLOOR_SENTENCES``
    candidate sentences cut to ``FLOOR_TOKENS`` word pieces."""
    from summarize.summarizers.encoder import get_encoder
    from summarize.summarizers.extractive import candidate_sentences

    encoder = get_encoder()
    groups = [[s.text for s in candidate_sentences(a)[:FLOOR_SENTENCES]] for a in articles]
    encoder.encode(groups[0], max_tokens=FLOOR_TOKENS)  # warm-up
    start = time.perf_counter()
    for texts in groups:
        encoder.encode(texts, max_tokens=FLOOR_TOKENS)
    return (time.perf_counter() - start) / len(articles)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, help="JSON Lines with id, article, reference")
    ap.add_argument("--out", type=Path, required=True, help="where to write {id, summary} lines")
    ap.add_argument("--model", help="abstractive model id or directory (default: the extractive summarizer)")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--words", type=int)
    ap.add_argument("--max-new-tokens", type=int, help="generation length for --model")
    ap.add_argument("--num-beams", type=int, help="beam size for --model")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--shared", type=Path, default=default_shared(), help="the shared/ folder (default: ../shared)")
    ap.add_argument("--no-lexrank", action="store_true", help="skip timing LexRank")
    ap.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice)")
    a = ap.parse_args(argv)

    scorer = a.shared / "tools" / "rouge_eval.py"
    if not scorer.is_file():
        ap.error(f"no scorer at {scorer}: pass --shared")
    rows = read_jsonl(a.gold)[: a.limit or None]
    articles = [Article(text=r["article"], source=r["id"]) for r in rows]

    if a.threads:
        from summarize.summarizers.encoder import set_threads

        set_threads(a.threads)  # the MiniLM encoder's, ONNX Runtime or torch
        if a.model:
            import torch

            torch.set_num_threads(a.threads)
    options = {}
    if a.max_new_tokens:
        options["max_new_tokens"] = a.max_new_tokens
    if a.num_beams:
        options["num_beams"] = a.num_beams
    start = time.perf_counter()
    try:
        summarizer = load_summarizer(a.model, device=a.device, **options)
        summarizer.summarize(articles[0], sentences=a.sentences, words=a.words)  # warm-up
    except SummarizeError as exc:
        # As the CLI does: the one-line message and exit code 2.
        print(f"rouge.py: {exc}", file=sys.stderr)
        return 2
    load_seconds = time.perf_counter() - start

    start, cpu_start = time.perf_counter(), time.process_time()
    summaries = [summarizer.summarize(article, sentences=a.sentences, words=a.words) for article in articles]
    per_article = (time.perf_counter() - start) / len(articles)
    # CPU seconds (all threads) say what the work costs when other processes
    # share the machine and the wall clock says more about them than about us.
    cpu_per_article = (time.process_time() - cpu_start) / len(articles)
    # The same articles through summarize_many, the pipeline's batched path.
    start = time.perf_counter()
    batched = summarizer.summarize_many(articles, sentences=a.sentences, words=a.words)
    per_article_batched = (time.perf_counter() - start) / len(articles)
    if [s.text for s in batched] != [s.text for s in summaries]:
        print("warning: summarize_many and summarize disagree", file=sys.stderr)
    ours_peak = peak_rss_mb()

    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8") as f:
        for row, summary in zip(rows, summaries):
            f.write(json.dumps({"id": row["id"], "summary": summary.text}, ensure_ascii=False) + "\n")

    # Scored document by document with the shared scorer's own functions (its Lead-3 is
    # its --lead 3), so the means are its means and the margin gets an interval.
    rouge_eval = load_scorer(scorer)
    ours_each = per_document(rouge_eval, rows, [summary.text for summary in summaries])
    lead_each = per_document(rouge_eval, rows, [" ".join(rouge_eval.sentences(r["article"])[:3]) for r in rows])
    ours = {m: sum(scores) / len(scores) for m, scores in ours_each.items()}
    lead = {m: sum(scores) / len(scores) for m, scores in lead_each.items()}

    method = summaries[0].method
    print(f"{len(rows)} articles from {a.gold}")
    print(f"{'':24} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-Lsum':>10}")
    for name, r in ((method, ours), ("Lead-3", lead)):
        print(f"{name:24} {r['rouge1']:8.2f} {r['rouge2']:8.2f} {r['rougeLsum']:10.2f}")
    print(
        f"{'difference':24} {ours['rouge1'] - lead['rouge1']:+8.2f} {ours['rouge2'] - lead['rouge2']:+8.2f} "
        f"{ours['rougeLsum'] - lead['rougeLsum']:+10.2f}"
    )
    intervals = [paired_interval(ours_each[m], lead_each[m]) for m in rouge_eval.METRICS]
    print(
        f"{'95% interval':24} "
        + " ".join(f"{f'[{low:+.2f},{high:+.2f}]':>{width}}" for (low, high), width in zip(intervals, (8, 8, 10)))
        + f"  (paired bootstrap over the articles, {BOOTSTRAP_SAMPLES} resamples)"
    )
    print(
        f"speed: {method} {per_article:.3f} s/article warm, one article per call "
        f"({per_article_batched:.3f} batched; {cpu_per_article:.3f} CPU s/article; load and first article {load_seconds:.1f} s)"
    )
    if a.model is None:
        floor = time_encoder_floor(articles)
        print(
            f"speed: MiniLM encoder alone, {FLOOR_SENTENCES} sentences x {FLOOR_TOKENS} word pieces "
            f"(the floor of any MiniLM summarizer) {floor:.3f} s/article"
        )
    if not a.no_lexrank:
        lexrank = time_lexrank([r["article"] for r in rows], a.sentences)
        if lexrank is None:
            print("speed: LexRank not timed (sumy is not installed)")
        else:
            print(
                f"speed: sumy LexRank {lexrank[0]:.3f} s/article ({lexrank[1]:.3f} CPU s/article; "
                "same sentences, same articles)"
            )
    print(f"peak memory: {ours_peak:.0f} MB after {method}; {peak_rss_mb():.0f} MB for the whole run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
