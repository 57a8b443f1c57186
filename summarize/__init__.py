"""summarize: turn news articles into briefings with a trustworthy timeline.

The pipeline, one package or module per stage, numbered as in their docstrings:

    1 inputs/       read an article (text, title, date)             -> Article
    2 sentences     split it into sentences with offsets            -> [Sentence]
    3 summarizers/  condense it (MiniLM extractive, or seq2seq)     -> Summary
    4 temporal/     find and normalize time expressions             -> [TimeExpression]
    5 events/       date the happenings, headline each (headlines/) -> [Event]
    6 merging       one event per happening across articles        -> [Event]
    7 timeline      order the events                                -> Timeline
      keydates/     (many articles) the key dates and an overview   -> KeyDateSelection
    8 rendering/    format with the Jinja2 templates                -> str

``pipeline.py`` runs them (``Briefer``); ``analysis.py`` is stages 1-5 for one article.
"""

__version__ = "0.1.0"

from .errors import SummarizeError
from .models import Article, Briefing, Event, Sentence, Summary, TimeExpression, Timeline
from .pipeline import Briefer, build_briefing  # torch loads only when a model does
from .rendering import render

__all__ = [
    "Article",
    "Briefer",
    "Briefing",
    "Event",
    "Sentence",
    "SummarizeError",
    "Summary",
    "TimeExpression",
    "Timeline",
    "__version__",
    "build_briefing",
    "render",
]
