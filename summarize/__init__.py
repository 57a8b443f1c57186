"""summarize: turn news articles into briefings with a trustworthy timeline."""

__version__ = "0.1.0"
