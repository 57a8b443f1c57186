"""summarize: turn news articles into briefings with a trustworthy timeline.

The pipeline, one module per stage:

    loading      read an article (text, title, date)           -> Article
    summarizer   condense it (MiniLM extractive, or seq2seq)  -> Summary
    temporal     find and normalize time expressions          -> [TimeExpression]
    events       date the happenings, headline each one       -> [Event]
    timeline     order the events                             -> Timeline
    rendering    format with the Jinja2 templates             -> str
"""

__version__ = "0.1.0"

from .errors import SummarizeError  # noqa: E402
from .models import Article, Briefing, Event, Sentence, Summary, TimeExpression, Timeline  # noqa: E402


def build_briefing(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See ``summarize.pipeline.build_briefing`` (imported lazily: it loads torch)."""
    from .pipeline import build_briefing as _build_briefing

    return _build_briefing(*args, **kwargs)


def render(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See ``summarize.rendering.render``."""
    from .rendering import render as _render

    return _render(*args, **kwargs)


__all__ = [
    "Article", "Briefing", "Event", "Sentence", "Summary", "SummarizeError", "TimeExpression", "Timeline",
    "build_briefing", "render", "__version__",
]
