"""Stage 4: turn dated sentences into timeline events.

An event is a happening at a time: for every time expression that dates something
(a DATE or TIME, not a duration, a set or a vague "recently"), take the clause of
its sentence that holds it, and compress that clause into a headline by deleting
words only (``headlines.py``), so the headline never says what the article did not.

Some dates place no happening, and make no event (each a table below):

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
governs the verb, the other date stays in its headline (``_one_event_per_happening``).
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import re
from dataclasses import dataclass

from . import timex
from .headlines import (
    ADDRESSEE,
    SETTING,
    aside_kind,
    attributive_year,
    clause_of,
    is_bare_name,
    is_modifier,
    make_headline,
    names_a_work,
    premodified_noun_phrase,
)
from .lexicon import DETERMINERS, EXTENT_SIGNALS, HEADLINE_STOPWORDS, RANGE_CONNECTIVES, REPORTING_VERBS, looks_like_verb
from .models import Article, Event, Sentence, TimeExpression
from .sentences import sentence_at, split_sentences
from .temporal.tense import clause_tense

# Values that do not place a happening on a timeline.
UNPLACEABLE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}

# Verbs of saying (``lexicon.REPORTING_VERBS``): a date right after one of them (and its
# addressee and setting) dates the statement.
_REPORTING_DATE = re.compile(
    r"\b(?i:" + "|".join(REPORTING_VERBS) + r")(?:\s+\w+ly)?" + ADDRESSEE + SETTING
    + r"(?:\s+\w+ly)?\s+(?i:(?:on|late|early|late on|early on|last|this|earlier|later)\s+)?$"
)
# Birth dates: "born in 1983", "born March 1990".
_BORN = re.compile(r"\bborn\b[^,.;:]{0,40}$", re.IGNORECASE)
# Photo dates: "Michael Schumacher pictured during testing in Spain in December 2007".
_PICTURED = re.compile(r"\bpictured\b[^,.;:]*$", re.IGNORECASE)
# Names and idioms holding date words: an expression inside a match is no date.
NOT_DATES = re.compile(
    r"\b(?:Mail|Independent|Observer) on Sunday\b"
    r"|\bSunday (?:Times|Telegraph|Mirror|Express|People|Post|Herald|Mail|Sport|Star|Mercury)\b"
    r"|\bSaturday Night Live\b|\bFriday Night Lights\b|\bGood Morning (?:America|Britain)\b"
    r"|\b(?:happen|happens|happened|happening|change|changes|changed|success|sensation|star)\s+overnight\b"
)
# Bylines and page furniture.
BYLINES = re.compile(
    r"\b(?:PUBLISHED|UPDATED|Last updated)\b|^By\s+[A-Z][\w.\-]+\s+[A-Z]|\u00a9|\(c\)\s*\d{4}|\bAll rights reserved\b|^Copyright\b"
)
# A date that is the subject of a copula describes the date, it dates no happening:
# "suggesting late April is more likely", "2015 will be a big year".
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|at|by|since|until|from|during|as of|beginning|starting)\s+$", re.IGNORECASE)
_DATE_AS_SUBJECT = re.compile(r"\s+(?:is|was|are|were|will be|would be|could be|has been|had been|looks|seems)\b", re.IGNORECASE)
# The base of a comparison: "... up 8.9% from $387.8 million a year earlier".
# ("... net of $13.5 million, or 34 cents a share, a year earlier": an amount right
# before the date is one too.)
_AMOUNT = r"[$#\u00a3\u20ac]?\s*\d[\d.,]*\s*(?:%|percent|per cent|million|billion|cents?|pence)?(?:\s+(?:a|per)\s+share)?"
# And the base named after "compared with": "... a net loss, compared with year-earlier
# profit of $3.8 million", "compared with the 1988 period".
_COMPARISON_BASE = re.compile(
    r"(?:\bfrom\s+(?:a\s+|an\s+)?(?:fully\s+diluted\s+)?" + _AMOUNT + r",?\s+(?:in\s+|on\s+|for\s+|during\s+)?(?:the\s+)?"
    r"|(?:million|billion|cents?|pence|%|percent|share),?\s+"
    r"|\b(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+|a\s+|an\s+)?)$",
    re.IGNORECASE,
)
# A day that "falls on" a weekday is calendar talk, alone or in a list: "when
# Christmas Day, Boxing Day and New Year's Day fell on a weekend".
_FALLS_ON = re.compile(
    r"^(?:\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*){0,3})*"
    r"\s+(?i:falls|fell|fall|falling)\s+(?i:on)\b")
# Generic days: "when Anzac Day falls on a Saturday", "every Monday".
# ("a Christmas party", "a 1971 convention" are no such thing: a noun follows.)
_GENERIC_BEFORE = re.compile(r"\b(?:a|an|every|each|any)\s+$", re.IGNORECASE)
_GENERIC_AFTER = re.compile(
    r"\s*(?:$|[,;:.!?)\u2013\u2014]|(?:as|when|and|or|but|in|this|that|which|the|it|so|because|if|every|each|is|was|were|are|will|would|has|had)\b)",
    re.IGNORECASE,
)
# A sentence ends like one: its last character, after closing quotes and brackets.
_SENTENCE_END = re.compile(r"""[.!?\u2026]['"\u2019\u201d)\]]*$|[.!?,]\s*(?:''|'|\u2019|\u201d|")$""")
# A headline of this many words or more tells a happening (see _tells_a_happening).
MIN_HAPPENING_WORDS = 3
# Direct speech: this many words or more in quotation marks.
MIN_QUOTE_WORDS = 4

# Words before a time expression that make the event run on from that time, or up to it
# (``lexicon.EXTENT_SIGNALS``).
_EXTENT_SIGNAL_BEFORE = re.compile(
    r"\b(?P<signal>" + "|".join(sorted(EXTENT_SIGNALS, key=len, reverse=True)) + r")\s+"
    r"(?:(?:late|early)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
_ONWARD_AFTER = re.compile(r"^\s*(?:onwards?|and beyond)\b", re.IGNORECASE)

# Ranges: two dates of a sentence joined by a connective make one event from the
# first to the second (``lexicon.RANGE_CONNECTIVES``).


def _joining(words: tuple[str, ...]) -> re.Pattern:
    """What stands between the dates: a word with spaces around it, or a dash with
    or without ("1800-2000", "1800 - 2000")."""
    if all(w.isalpha() for w in words):
        return re.compile(r"\s+(?:" + "|".join(words) + r")\s+", re.IGNORECASE)
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, words)) + r")\s*")


_RANGE_RULES = tuple(
    (re.compile(rf"\b{opening}\s+$", re.IGNORECASE) if opening else None, _joining(joining))
    for opening, joining in RANGE_CONNECTIVES
)
# A year standing in when neither end of a range has one (a leap year: 29 February).
_STAND_IN_YEAR = 2000


@dataclass(frozen=True)
class _Placed:
    expression: TimeExpression
    sentence: Sentence
    end: TimeExpression | None = None  # the end of a range


def extract_events(article: Article, expressions: list[TimeExpression],
                   sentences: list[Sentence] | None = None) -> list[Event]:
    """The events of one article, in article order."""
    if sentences is None:
        sentences = split_sentences(article.text)
    events: list[Event] = []
    ranges = find_ranges(article.text, expressions, sentences)
    in_order = sorted(expressions, key=lambda e: e.start)
    # Earlier events by sentence and by date: only those can be the same happening
    # (``_same_happening``), and comparing each event with every earlier one made
    # a text of 100,000 dates quadratic.
    by_sentence: dict[int, list[Event]] = {}
    by_date: dict[tuple, list[Event]] = {}

    def keep(made: list[tuple[_Placed, Event]]) -> None:
        for event in _one_event_per_happening(article, made, in_order, ranges):
            if len(events) == MAX_EVENTS_PER_ARTICLE:
                return
            date = (event.value, event.mod, event.end_value)
            earlier = (*by_sentence.get(event.start, ()), *by_date.get(date, ()))
            if not any(_same_happening(event, other) for other in earlier):
                events.append(event)
                by_sentence.setdefault(event.start, []).append(event)
                by_date.setdefault(date, []).append(event)

    # One sentence's events at a time: its dates may tell one happening together.
    made: list[tuple[_Placed, Event]] = []
    for placed in _dating_expressions(article.date, in_order, sentences, ranges):
        if len(events) == MAX_EVENTS_PER_ARTICLE:
            break
        if made and made[-1][0].sentence is not placed.sentence:
            keep(made)
            made = []
        event = _make_event(article, placed, in_order, ranges)
        if not _tells_a_happening(event.headline, event.sentence):
            continue  # "Atlanta nineteen ninety-six.": a date and a name tell no happening
        made.append((placed, event))
    keep(made)
    return events


# An article gives at most this many events, in article order: a news story has
# tens, a long chronology hundreds; a text of 100,000 dates would spend most of a
# minute making headlines for a timeline nobody reads. The briefing notes the cut.
MAX_EVENTS_PER_ARTICLE = 1_000


def crowded_sentences(expressions: list[TimeExpression], sentences: list[Sentence]) -> list[Sentence]:
    """The sentences holding more than ``MAX_DATES_PER_SENTENCE`` placeable dates:
    a list or a table run together ("fixtures on June 9, June 12, ..."), not a
    sentence telling happenings; they give no events (and the briefing says so)."""
    dates_in = collections.Counter(sentence_at(sentences, e.start) for e in expressions if _is_placeable(e))
    return [sentence for sentence, count in dates_in.items()
            if sentence is not None and count > MAX_DATES_PER_SENTENCE]


# More dates than any sentence of news holds (7 at most in the CNN/Daily Mail dev
# set): each event's headline is made by cutting the sentence's other dates, so a
# sentence of hundreds of dates would cost hundreds squared.
MAX_DATES_PER_SENTENCE = 12


def _one_event_per_happening(article: Article, made: list[tuple[_Placed, Event]], in_order: list[TimeExpression],
                             ranges: dict[int, TimeExpression]) -> list[Event]:
    """Dates of one sentence whose events got the same headline tell one happening
    (its clause could not be parted between them): one event, dated by the date that
    governs the clause (``_governing``), the others left in its headline ("The
    election, first set for May 2, was moved" on May 9; "ONEIDA declared a dividend,
    payable to stock of record Nov. 17" on Dec. 15). Dates joined as a list ("on
    Saturday and Sunday") stay one event each."""
    groups: dict[tuple[int, str], list[tuple[_Placed, Event]]] = {}
    for placed, event in made:
        groups.setdefault((event.start, event.headline), []).append((placed, event))
    clusters: dict[int, list[tuple[_Placed, Event]]] = {}
    for group in groups.values():
        for cluster in _happenings(article.text, group):
            for placed, _ in cluster:
                clusters[id(placed)] = cluster
    out = []
    for placed, event in made:
        cluster = clusters[id(placed)]
        if len(cluster) < 2:
            out.append(event)
            continue
        if placed is not _governing(placed.sentence, [p for p, _ in cluster]):
            continue
        members = {id(p.expression) for p, _ in cluster if p is not placed}
        ends = {id(p.expression) for p, _ in cluster if _ends_a_period(placed.sentence, p.expression, cluster)}
        out.append(_make_event(article, placed, in_order, ranges, mentioned=members - ends))
    return out


def _happenings(text: str, group: list[tuple[_Placed, Event]]) -> list[list[tuple[_Placed, Event]]]:
    """The events of one headline parted into happenings, in text order: the next
    date is another happening when a list joins it ("Saturday and Sunday", "in 2005
    and then again in 2012") or a clause connective stands between ("finished sixth
    in 2004 and actually led in 2007", "... last week, while Hammond has been out
    since January"); else it tells the same one ("payable Dec. 15 to stock of record
    Nov. 17", "announced last week that it planned to ship early next year")."""
    ordered = sorted(group, key=lambda pair: pair[0].expression.start)
    clusters = [[ordered[0]]]
    for previous, current in zip(ordered, ordered[1:]):
        between = text[previous[0].expression.end:current[0].expression.start]
        plan = _PLAN_BEFORE.search(text[max(0, previous[0].expression.start - 60):previous[0].expression.start])
        if not plan and (_CONNECTIVE_BETWEEN.search(between) or _RANGE_JOIN.fullmatch(between)):
            clusters.append([current])
        else:
            clusters[-1].append(current)
    return clusters


# Two dates joined as a range that is no range event ("bought Sept. 14 to Oct. 26"
# when the second lies before the first) are two ends, not one happening told twice.
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to|through|thru|until|till)\s*", re.IGNORECASE)
# What makes the next date another happening of the same headline: a coordinating or
# subordinating word, a semicolon, a slash ("January/February").
_CONNECTIVE_BETWEEN = re.compile(
    r"\b(?:and|or|but|nor|then|while|whereas|when|before|after|until|since|as well as)\b|[;/&]|^\s*,\s*$",
    re.IGNORECASE)
# A date that is the plan, not the happening: "first set for May 2", "postponed from
# May 2", "extend its bid, due to expire last Thursday, to Nov. 6".
_PLAN_BEFORE = re.compile(
    r"\b(?:first|originally|initially|previously|once)\s+(?:set|scheduled|planned|slated|due|expected)\s+(?:for\s+|on\s+)?$"
    r"|\b(?:due|set|scheduled|slated)\s+to\s+(?:expire|end|close)\s+(?:on\s+)?$"
    r"|\b(?:postponed|moved|delayed|pushed\s+back|brought\s+forward|rescheduled|put\s+off|shifted|changed)\s+from\s+$",
    re.IGNORECASE)
# Dates side by side, the second telling the first more exactly: "a year earlier in
# March 2012", "last week, on March 3", "around 9pm Thursday night".
_APPOSED = re.compile(r"\s*,?\s*(?:(?:in|on|at)\s+)?", re.IGNORECASE)
_GRANULARITY = ("year", "season", "quarter", "month", "week", "day", "time")


def _governing(sentence: Sentence, group: list[_Placed]) -> _Placed:
    """The date that dates a happening told with several: not one that modifies a
    noun ("third-quarter results", "Saturday's match", "the 2024 race"), sits in an
    aside (", first set for May 2,"), names the plan ("postponed from May 2") or ends
    the period before it ("the quarter ended Sept. 30"); of those left, the first,
    or of two side by side the more exact ("a year earlier in March 2012")."""
    text = sentence.text

    def minor(placed: _Placed) -> bool:
        start, end = placed.expression.start - sentence.start, placed.expression.end - sentence.start
        return (text[end:end + 2] in ("'s", "\u2019s") or is_modifier(text, start, end)
                or attributive_year(text, start, end) or aside_kind(text, (start, end)) is not None
                or _PLAN_BEFORE.search(text[:start]) is not None
                or _ends_a_period(sentence, placed.expression, [(p, None) for p in group]))

    candidates = sorted([p for p in group if not minor(p)] or group, key=lambda p: p.expression.start)
    best = candidates[0]
    for following in candidates[1:]:
        between = text[best.expression.end - sentence.start:following.expression.start - sentence.start]
        if _APPOSED.fullmatch(between) and _rank(following) > _rank(best):
            best = following
    return best


def _rank(placed: _Placed) -> int:
    parsed = timex.parse_value(placed.expression.value)
    return _GRANULARITY.index(parsed.granularity) if parsed and parsed.granularity in _GRANULARITY else -1


def _ends_a_period(sentence: Sentence, expression: TimeExpression, group) -> bool:
    """Whether the date ends a period named just before it in the group: "the fourth
    quarter ended Aug. 26"."""
    return any(p.expression is not expression and re.fullmatch(
        r"\s+(?:ended|ending)\s+", sentence.text[p.expression.end - sentence.start:expression.start - sentence.start])
        for p, _ in group)


def _dating_expressions(dct: dt.date | None, in_order: list[TimeExpression], sentences: list[Sentence],
                        ranges: dict[int, TimeExpression]) -> list[_Placed]:
    """The expressions (``in_order``: sorted by start) that date a happening, with their sentences."""
    placed = []
    range_ends = {id(end) for end in ranges.values()}
    crowded = {sentence.start for sentence in crowded_sentences(in_order, sentences)}
    for expression in in_order:
        if id(expression) in range_ends or not _is_placeable(expression):
            continue  # the end of a range is dated with its start
        parsed = timex.parse_value(expression.value)
        end = ranges.get(id(expression))
        if dct is not None and end is None and _is_own_period(parsed, dct):
            continue
        sentence = sentence_at(sentences, expression.start)
        if sentence is None or sentence.start in crowded or not _places_a_happening(sentence, expression, parsed):
            continue
        if _names_its_noun(dct, sentence, expression, in_order):
            continue
        placed.append(_Placed(expression, sentence, end))
    return placed


def _names_its_noun(dct: dt.date | None, sentence: Sentence, expression: TimeExpression,
                    in_order: list[TimeExpression]) -> bool:
    """Whether a year that premodifies a noun ("the 2024 race", "her 2008 campaign")
    only says which race or campaign, and so dates no happening of the sentence:

    - when it lies after the article's year in a clause not about the future ("Trump
      is the early frontrunner in the 2024 GOP nomination race", written in 2022): the
      race is named by the year it ends in, the sentence tells what happens now;
    - when it would date the whole clause (its noun phrase is too short to be the
      event: "the 2024 race", "her 2013 arrest") and the clause has a date of its own,
      which dates the happening ("He entered the 2024 race on Tuesday": Tuesday, one
      event). A longer noun phrase is an event of its own ("On Monday he called the
      2003 invasion of Iraq a mistake": 2003, "Invasion of Iraq").

    ("Clinton did not support gay marriage in her 2008 campaign" and "He will stand
    in the 2016 election" are dated by the year.)"""
    start, end = expression.start - sentence.start, expression.end - sentence.start
    if not attributive_year(sentence.text, start, end):
        return False
    year = int(sentence.text[start:end])
    if dct is not None and year > dct.year and clause_tense(sentence.text, start, end) != "FUTURE":
        return True
    if premodified_noun_phrase(sentence.text, start, end) is not None:
        return False
    others = [(e.start - sentence.start, e.end - sentence.start) for e in _in_sentence(in_order, sentence)
              if e is not expression and _is_placeable(e)]
    clause_start, clause_end = clause_of(sentence.text, start, end, others)
    return any(clause_start <= a < clause_end and not attributive_year(sentence.text, a, b) for a, b in others)


def _in_sentence(in_order: list[TimeExpression], sentence: Sentence) -> list[TimeExpression]:
    """The expressions (``in_order``: sorted by start) that start in ``sentence``, found
    by binary search: looking through the article's for each event made a text of
    100,000 dates quadratic."""
    first = bisect.bisect_left(in_order, sentence.start, key=lambda e: e.start)
    last = bisect.bisect_left(in_order, sentence.end, key=lambda e: e.start)
    return in_order[first:last]


def _is_placeable(expression: TimeExpression) -> bool:
    return (expression.type in ("DATE", "TIME") and expression.value not in UNPLACEABLE_VALUES
            and timex.parse_value(expression.value) is not None)


def find_ranges(text: str, expressions: list[TimeExpression],
                sentences: list[Sentence]) -> dict[int, TimeExpression]:
    """The ranges among ``expressions``: for the ``id`` of each range's first
    expression, its last one. Two placeable expressions next to each other in one
    sentence make a range when a row of ``RANGE_CONNECTIVES`` joins them and the
    second does not lie before the first."""
    placeable = sorted((e for e in expressions if _is_placeable(e)), key=lambda e: e.start)
    ranges: dict[int, TimeExpression] = {}
    used: set[int] = set()
    for first, second in zip(placeable, placeable[1:]):
        if id(first) in used or first.end > second.start:
            continue
        sentence = sentence_at(sentences, first.start)
        if sentence is None or sentence is not sentence_at(sentences, second.start):
            continue
        between = text[first.end:second.start]
        if not any(joining.fullmatch(between) and (opening is None or opening.search(text[sentence.start:first.start]))
                   for opening, joining in _RANGE_RULES):
            continue
        if _PLAN_BEFORE.search(text[sentence.start:first.start]):
            continue  # "postponed from May 2 to May 9": the old date and the new, no span
        if _in_order(first, second):
            ranges[id(first)] = second
            used.add(id(second))
    return ranges


def _in_order(first: TimeExpression, second: TimeExpression) -> bool:
    """Whether ``second`` ends a range begun by ``first``: it starts later and does not
    end before it. A missing year is taken from the other end (or a stand-in year for
    both); a weekday of unknown date only orders with another ("Monday to Friday")."""
    start, end = timex.parse_value(first.value), timex.parse_value(second.value)
    if (start.weekday is None) != (end.weekday is None):
        return False
    if start.weekday is not None:
        return (end.weekday, end.hour or 0) > (start.weekday, start.hour or 0)
    start_year = start.year or end.year or _STAND_IN_YEAR
    end_year = end.year or start_year
    if timex.sort_point(end, second.mod, end_year) <= timex.sort_point(start, first.mod, start_year):
        return False
    return timex.calendar_span(end, end_year)[1] >= timex.calendar_span(start, start_year)[1]


def _is_heading(text: str) -> bool:
    """A heading or fixture line in capitals: "GLOUCESTER v NEWCASTLE (SATURDAY)"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _tells_a_happening(headline: str, sentence: str) -> bool:
    """Three words or more; two if they are not just a determiner and a noun ("The
    company"), as a verb ("Talks collapsed") or a name ("Barcelona final") tells.
    An attribution alone ("He said so") and a name alone ("Walter Mondale") tell
    nothing."""
    if _ATTRIBUTION_ONLY.match(headline) or is_bare_name(headline, sentence):
        return False  # "He said so"; "Walter Mondale": a name is no happening
    words = headline.split()
    if len(words) >= MIN_HAPPENING_WORDS:
        return True
    return len(words) == 2 and (any(looks_like_verb(w) for w in words) or words[0].lower() not in DETERMINERS)


_ATTRIBUTION_ONLY = re.compile(
    r"^(?:\S+\s+){0,4}(?:" + "|".join(REPORTING_VERBS) + r")(?:\s+\S+)?(?:\s+(?:so|this|that|it|them|as much))?$",
    re.IGNORECASE,
)


def _is_own_period(parsed: timex.TimexValue, dct: dt.date) -> bool:
    """"this year", "earlier in the year", "this week": the article's own year or
    week places nothing."""
    if parsed.granularity == "year":
        return parsed.year == dct.year
    if parsed.granularity == "week":
        return (parsed.year, parsed.week) == dct.isocalendar()[:2]
    return False


def _places_a_happening(sentence: Sentence, expression: TimeExpression, parsed: timex.TimexValue) -> bool:
    text = sentence.text
    start, end = expression.start - sentence.start, expression.end - sentence.start
    if BYLINES.search(text) or not _SENTENCE_END.search(text.rstrip()) or _is_heading(text):
        return False
    if _REPORTING_DATE.search(text[:start]) or aside_kind(text, (start, end)) in ("attribution", "caption"):
        return False
    if not parsed.is_day and _BORN.search(text[:start]):
        return False
    if _PICTURED.search(text[:start]):
        return False
    if _DATE_AS_SUBJECT.match(text[end:]) and not _PREPOSITION_BEFORE.search(text[:start]):
        return False
    if _GENERIC_BEFORE.search(text[:start]) and _GENERIC_AFTER.match(text[end:]) or _FALLS_ON.match(text[end:]):
        return False
    if re.search(r"\bthan\s+$", text[:start]) or _COMPARISON_BASE.search(text[:start]):
        return False  # "more likely than mid-April", "down from $21.4 million last year": comparisons
    if names_a_work(text, start, end):
        return False  # "his 1999 album", "Caillebotte's 1877 A Boating Party": no happening
    if any(m.start() <= start and end <= m.end() for m in NOT_DATES.finditer(text)):
        return False
    return not any(a <= start and end <= b for a, b in quoted_spans(text))


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of ``sentence`` in quotation marks: direct speech or titles. A
    quotation left open runs to the end of the sentence, and a closing mark with no
    opening one closes a quotation begun in an earlier sentence; those two are only
    trusted when ``MIN_QUOTE_WORDS`` long or more."""
    spans = []
    unpaired = []
    opening = None
    for match in _QUOTE_MARK.finditer(sentence):
        mark, at = match.group(0), match.start()
        before = sentence[at - 1] if at else " "
        after = sentence[match.end()] if match.end() < len(sentence) else " "
        if mark in ("'", "\u2019") and (before.isalnum() and after.isalnum() or after.isdigit()):
            continue  # an apostrophe: "it's", "the '90s"
        is_open = mark in ("\u201c", "\u2018", "``") or (
            mark in ('"', "'") and (before.isspace() or before in "([:") and not after.isspace())
        if mark == '"' and opening is not None:
            is_open = False
        if is_open and opening is None:
            opening = at
        elif not is_open and opening is not None:
            spans.append((opening, match.end()))
            opening = None
        elif not is_open and opening is None and not _plural_possessive(sentence, mark, before, after, match.end()):
            spans.append((0, match.end()))
            unpaired.append(spans[-1])
    if opening is not None:
        spans.append((opening, len(sentence)))
        unpaired.append(spans[-1])
    # A quotation left open or closed without an opening is only trusted when long;
    # a paired one is speech or a title ("White Christmas") whatever its length.
    return [(a, b) for a, b in spans if (a, b) not in unpaired or len(sentence[a:b].split()) >= MIN_QUOTE_WORDS]


def _plural_possessive(sentence: str, mark: str, before: str, after: str, end: int) -> bool:
    """"the players' union": an apostrophe, not a closing quotation mark."""
    return mark in ("'", "\u2019") and before in "sS" and after.isspace() and end < len(sentence.rstrip())


_QUOTE_MARK = re.compile(r"``|''|[\u201c\u201d\u2018\u2019\"']")


def _make_event(article: Article, placed: _Placed, in_order: list[TimeExpression],
                ranges: dict[int, TimeExpression], mentioned: frozenset[int] | set[int] = frozenset()) -> Event:
    """``in_order``: the article's time expressions sorted by start; ``mentioned``:
    the ids of those that stay in the headline with this one's happening."""
    expression, sentence, end = placed.expression, placed.sentence, placed.end
    local_start = expression.start - sentence.start
    local_end = expression.end - sentence.start
    extent = "range" if end is not None else _extent(sentence.text, local_start, local_end)
    # The other dates of the sentence, cut from the headline with their signals. This
    # event's own end is one of them (cut with its connective); another range is one
    # span from its start to its end ("between 1978 and 1990"), so its connective goes.
    # Only this sentence's expressions (a range lies in one sentence): looking
    # through the article's for each event made a text of 100,000 dates quadratic.
    in_sentence = _in_sentence(in_order, sentence)
    other_ends = {id(ranges[id(e)]) for e in in_sentence if id(e) in ranges and ranges[id(e)] is not end}
    others = [
        (e.start - sentence.start, ranges.get(id(e), e).end - sentence.start)
        for e in in_sentence
        if e is not expression and id(e) not in other_ends
        and e.type in ("DATE", "TIME") and timex.parse_value(e.value) is not None
    ]
    # A year that premodifies a noun stays: it names the thing ("He entered the 2024
    # race", "... memories of their disastrous 2014 World Cup").
    # So do the dates ``mentioned`` with this one's happening (``_one_event_per_happening``).
    mentioned_spans = {(e.start - sentence.start, ranges.get(id(e), e).end - sentence.start)
                       for e in in_sentence if id(e) in mentioned}
    named = [(a, b) for a, b in others if attributive_year(sentence.text, a, b) or (a, b) in mentioned_spans]
    others = [span for span in others if span not in named]
    headline = make_headline(sentence.text, (local_start, local_end), others, named)
    if end is not None:
        label = timex.describe_range(expression.value, expression.mod, end.value, end.mod)
    else:
        label = timex.describe(expression.value, expression.mod, extent)
    return Event(
        value=expression.value,
        mod=expression.mod,
        extent=extent,
        label=label,
        headline=headline,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        time=expression,
        sources=(article.source,),
        exact=timex.is_exact(expression.value, expression.mod) and extent == "point",
        end_value=end.value if end is not None else None,
        end_time=end,
    )


def _extent(sentence: str, start: int, end: int) -> str:
    signal = _EXTENT_SIGNAL_BEFORE.search(sentence[:start])
    if signal:
        return EXTENT_SIGNALS[signal.group("signal").lower()]
    if _ONWARD_AFTER.match(sentence[end:]):
        return "onward"
    return "point"


def _same_happening(event: Event, other: Event) -> bool:
    """The same date told twice is one event: in one sentence, or with (nearly)
    the same words (most of the shorter headline's words in the longer one)."""
    if event.start == other.start and event.headline == other.headline and event.end_value == other.end_value and (
            event.value.startswith(other.value) or other.value.startswith(event.value)):
        return True  # "Wednesday ... in the afternoon": one happening, told at its first date
    if event.value != other.value or event.mod != other.mod or event.end_value != other.end_value:
        return False
    if event.start == other.start:
        return True
    a, b = _content_words(event.headline), _content_words(other.headline)
    shared = a & b
    return (a == b or len(shared) >= 3) and bool(a and b) and len(shared) / min(len(a), len(b)) >= SAME_HAPPENING_OVERLAP


SAME_HAPPENING_OVERLAP = 0.6




def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in HEADLINE_STOPWORDS}
