"""An invented news story told by twelve articles of three outlets over two weeks,
for the key-date tests and the many-article sample (``examples/storm-ada.jsonl``).
Written for this project (no real news text): a storm makes
landfall on Tuesday 3 March 2015, a dam fails on Thursday 5 March, an inquiry opens
on Monday 16 March.

Each article names its days the way news does ("on Tuesday", "March 5", "the
following day"), so the tagger, the ranker and the picker all take part.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from summarize.models import Article

LANDFALL, DAM, INQUIRY = dt.date(2015, 3, 3), dt.date(2015, 3, 5), dt.date(2015, 3, 16)

STORY = Path(__file__).resolve().parent.parent / "examples" / "storm-ada.jsonl"

# (outlet, publication date, text), from the example corpus (sources "OUTLET-N").
ARTICLES = [
    (row["source"].rsplit("-", 1)[0], dt.date.fromisoformat(row["date"]), row["text"])
    for row in (json.loads(line) for line in STORY.read_text(encoding="utf-8").splitlines())
]


def story_articles() -> list[Article]:
    """The twelve articles, dated, named OUTLET-N."""
    return [
        Article(text=text, source=f"{outlet}-{number}", title=None, date=date, date_source="jsonl")
        for number, (outlet, date, text) in enumerate(ARTICLES, start=1)
    ]


def word_encoder(texts: list[str]):
    """A stand-in sentence encoder for fast tests: hashed bags of content words,
    unit length, so sentences sharing words are similar (deterministic)."""
    import zlib

    import numpy as np

    from summarize.keydates.words import terms

    vectors = np.zeros((len(texts), 256), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in terms(text):
            vectors[row, zlib.crc32(word.encode()) % 256] += 1.0
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)
