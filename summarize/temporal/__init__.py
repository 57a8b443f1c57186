"""Temporal tagger: find time expressions in English news and normalize them to TIMEX3.

Layout (read in this order):

- ``vocabulary.py``  word tables: months, weekdays, numbers, units, parts of day,
  seasons, holidays, modifiers, reference words;
- ``patterns.py``    named rules built from those tables, each naming its resolver;
- ``resolver.py``    turns a match into (type, value, mod) using the DCT, the clause
  tense and the last mentioned time;
- ``calendar.py``    arithmetic on TIMEX3 value strings (weeks, quarters, XXXX values);
- ``tense.py``       a cheap past/future guess for the clause around a match;
- ``tagger.py``      the pipeline tying them together.
"""

from .tagger import find_time_expressions

__all__ = ["find_time_expressions"]
