"""Stage 5: turn dated sentences into timeline events.

An event is a happening at a time: for every time expression that dates something
(a DATE or TIME, not a duration, a set or a vague "recently"), take the clause of
its sentence that holds it, and compress that clause into a headline by deleting
words only (``headlines/``), so the headline never says what the article did not.

Some dates place no happening, and make no event (each a table in ``filters.py``):

- reporting dates: a date next to a verb of saying ("officials said Sunday",
  "told CNN on Tuesday", "said in a statement Monday") or inside an attribution
  (", according to a report published Saturday") dates the statement, and so does a
  publication ("in an op-ed published Wednesday, X explained"). Verbs of
  announcing ("announced", "confirmed", "unveiled") are *not* in the table: an
  announcement is itself news, and its event's headline is what was announced
  ("X was charged, the DA announced Thursday" -> Thursday: "X was charged");
- dates inside quotation marks: direct speech (a speaker's "we will pay on April 9"
  is a claim, and a first-person headline reads wrong in a timeline; a sentence
  that opens or closes a multi-sentence quotation counts when four words or
  longer) and titles ("White Christmas");
- generic days: "when Anzac Day falls on a Saturday", "every Monday", "when Christmas
  Day, Boxing Day and New Year's Day fell on a weekend";
- dates as the subject of a copula or in a comparison: "suggesting late April is
  more likely than mid-April", "down from $21.4 million last year", "compared with
  year-earlier profit";
- birth dates given as a year or month ("born in 1983", "born in Worcestershire in
  2009"): biography, not news;
- names and idioms that contain date words ("The Mail on Sunday", "happen
  overnight"), and years of works and titles ("2013's Saving Mr Banks", "his 1999
  album", "Caillebotte's 1877 A Boating Party": ``headlines.names_a_work``);
- a year that premodifies a noun ("the 2024 race") when its clause has a date of
  its own, or when it lies after the article's year in a clause not about the
  future ("Trump is the frontrunner in the 2024 race"): it says which race, and
  stays in the headlines of the sentence's other events;
- captions and bylines: sentences with no closing punctuation (photo captions run
  into the text), headings in capitals, photo dates (", pictured in 2014,"),
  "PUBLISHED:"/"UPDATED:" lines and copyright lines;
- the article's own year ("this year") and week ("this week"): they place nothing
  the article date does not.

Two dates of one sentence joined as a range ("from 1991 until 1998", "between May 5
and May 7", "1800-2000": ``RANGE_CONNECTIVES``) date one event that runs from the
first to the second (``extent`` "range"), when the second does not lie before the
first; "on Saturday and Sunday" is two events.

The same happening told twice on the same date is one event (the first). So is one
happening told with two dates in one clause, when the headline cannot part them ("The
election, first set for May 2, was moved to May 9"): the event is at the date that
governs the verb, the other date stays in its headline.

The files, in the order an article goes through them: ``extraction.py``
(``extract_events``), ``filters.py`` (the dates above that place no happening),
``ranges.py``, ``making.py`` (one event and its headline), ``happenings.py`` (one
event per happening). The word lists are ``summarize/lexicon.py``.
"""

from .extraction import MAX_DATES_PER_SENTENCE, MAX_EVENTS_PER_ARTICLE, crowded_sentences, extract_events
from .filters import quoted_spans
from .ranges import find_ranges

__all__ = [
    "MAX_DATES_PER_SENTENCE",
    "MAX_EVENTS_PER_ARTICLE",
    "crowded_sentences",
    "extract_events",
    "find_ranges",
    "quoted_spans",
]
