"""Stage 4, the temporal tagger: find time expressions in English news and normalize them to TIMEX3.

Layout (read in this order):

- ``vocabulary.py``  word tables: months, weekdays, numbers, units, parts of day,
  seasons, holidays, modifiers, reference words;
- ``rules/``         the rules, one family per file (dates, years, periods, days,
  relative expressions, durations, sets...), each pattern table beside the resolvers
  that turn its matches into (type, value, mod) from the DCT, the clause tense and
  the last mentioned time; ``rules/__init__.py`` is the ordered, validated registry;
- ``datemath.py``    arithmetic on dates and TIMEX3 value strings (weeks, quarters, XXXX values);
- ``tense.py``       a cheap past/future guess for the clause around a match;
- ``tagger.py``      the pipeline tying them together;
- ``timex.py``       reading the values back for the later stages (which day, how
  precise, a label).
"""

from .tagger import find_time_expressions

__all__ = ["find_time_expressions"]
