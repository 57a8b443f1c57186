"""Summarizers: the offline extractive default and the abstractive seq2seq path.

The public entry point is ``summarize.summarizer.load_summarizer``.
"""

from .base import Summarizer
from .extractive import ExtractiveSummarizer

__all__ = ["Summarizer", "ExtractiveSummarizer"]
