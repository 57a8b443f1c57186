"""summarize: turn news articles into briefings with a trustworthy timeline.

The pipeline, one module per stage:

    loading      read an article (text, title, date)           -> Article
    summarizer   condense it (MiniLM extractive, or seq2seq)  -> Summary
    temporal     find and normalize time expressions          -> [TimeExpression]
    events       date the happenings, headline each one       -> [Event]
    merging      one event per happening across articles      -> [Event]
    timeline     order the events                             -> Timeline
    rendering    format with the Jinja2 templates             -> str
"""

__version__ = "0.1.0"

from .errors import SummarizeError  # noqa: E402
from .models import Article, Briefing, Event, Sentence, Summary, TimeExpression, Timeline  # noqa: E402


from .pipeline import Briefer, build_briefing  # noqa: E402  (torch loads only when a model does)
from .rendering import render  # noqa: E402


__all__ = [
    "Article", "Briefing", "Event", "Sentence", "Summary", "SummarizeError", "TimeExpression", "Timeline",
    "Briefer", "build_briefing", "render", "__version__",
]
