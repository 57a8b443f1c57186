"""Events of short texts dated by hand (no tagger): the helpers the exact-event tests share."""

from summarize.events import extract_events
from summarize.models import Article, TimeExpression

# The article's own date in these texts (Sunday, June 22, 2014), as a hand-made phrase.
SUNDAY = ("Sunday", "DATE", "2014-06-22", None)


def events_by_hand(text, phrases, date=None):
    """Events of ``text`` dated by ``phrases``: (phrase, type, value, mod) in text order."""
    expressions, cursor = [], 0
    for phrase, type_, value, mod in phrases:
        start = text.index(phrase, cursor)
        cursor = start + len(phrase)
        expressions.append(TimeExpression(start, cursor, phrase, type_, value, mod))
    return extract_events(Article(text=text, source="t.txt", date=date), expressions)


def in_full(event):
    return (
        event.label,
        event.value,
        event.mod,
        event.end_value,
        event.extent,
        event.exact,
        event.headline,
        event.start,
        event.end,
        event.time.text,
    )
