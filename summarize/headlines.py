"""Headlines for timeline events, made by deleting words from a sentence.

``make_headline(sentence, span, other_spans)`` keeps the happening that the time
expression at ``span`` dates and deletes the rest. It never adds, reorders or
rewords a word (only the first letter is capitalized), so a headline cannot say
what the article did not. The steps, each a table of rules below:

1. the clause: the sentence is cut at run-on boundaries (captions glued to a
   sentence) and, when it holds other dates, at clause boundaries, so that each
   date keeps the happening next to it;
2. asides: parentheticals, dash pairs, appositives, non-restrictive relative
   clauses and mid-sentence attributions are deleted. A date *inside* a relative
   clause dates that clause ("Bader, who lost his legs in 1931, ..." -> "Bader
   lost his legs"), so the clause is kept with its antecedent instead;
3. the date and the words that introduce it ("on", "since", "'s");
4. attributions ("X said (that)", ", X said", "according to ..."), wire datelines
   and credits ("MOSCOW_", "WASHINGTON (AP) --", "(CNN) --": the forms of
   ``datelines.FORMS``, also deleted as an aside in step 2 when they open the
   clause), leading connectives ("Meanwhile,", "And");
5. quotes and brackets left unbalanced by the cuts, dangling function words;
6. length: a headline longer than ``MAX_HEADLINE_WORDS`` is cut at the last
   phrase boundary (punctuation, then a conjunction, then a preposition) that
   keeps at least ``MIN_CUT_HEADLINE_WORDS``, never inside a name.

``compress(sentence)`` reuses step 2 for summaries: it deletes only the dash-pair
and parenthetical asides of a sentence (``COMPRESSIBLE_ASIDES``).

Deletions are made on a character mask over the sentence (``_Draft``), so every
rule, whatever it matches, can only remove characters; a gap between two kept
stretches becomes a space, so no two words are ever glued into a new one.
"""

from __future__ import annotations

import functools
import re

from .datelines import dateline_end
from .lexicon import (ANNOUNCING_VERBS, AUXILIARIES, CUT_BEFORE, DANGLING_END, DANGLING_START, DATE_SIGNALS, DETERMINERS,
                      FIXTURE_WORDS, HEDGING_VERBS, NAME_PARTICLES, NAME_TITLES, NOT_ANTECEDENTS, NOUN_PHRASE_STOP,
                      NOUNS_THAT_LOOK_LIKE_VERBS, NUMBER_WORDS, OBJECT_RELATIVE_STARTS, QUOTE_CHARS, SAYING_VERBS,
                      looks_like_verb)
from .temporal.vocabulary import WORK_NOUNS

MAX_HEADLINE_WORDS = 18
MIN_CUT_HEADLINE_WORDS = 6
# A headline this long is only cut at punctuation, not at a conjunction or preposition.
LONG_HEADLINE_WORDS = 22
# A headline may run this long if it has no phrase boundary to cut at.
HARD_MAX_HEADLINE_WORDS = 24

_SAYING = "(?:" + "|".join(SAYING_VERBS) + r")\b(?!\s+(?:" + "|".join(SAYING_VERBS) + r")\b)"

# Words that can make an attribution subject of up to six words
# ("Security officers and witnesses said"), but not words that make it a clause
# of its own ("police arrested a man who said").
_SUBJECT_WORD = r"(?!(?i:who|which|that|when|where|if|because|after|before|while|as|not|was|were|had|has|is|are|it)\b)[\w'\u2019.\-]+"
_SUBJECT = rf"(?:{_SUBJECT_WORD}\s+){{1,6}}?"
# What may follow a verb of saying inside an attribution: an addressee and a
# setting ("told CNN", "said in a statement", "told reporters at a news conference").
ADDRESSEE = (r"(?:(?:(?<=told)|(?<=tells))\s+(?:reporters|journalists|lawmakers|senators|the press|the media|the court|the jury|the committee|the panel|the inquiry|Congress|Parliament|[A-Z]{2,}s?\b(?:\s+[A-Z][\w.\-]*){0,2}"
              r"|(?:the|a|an)\s+(?:news\s+|press\s+)?(?:conference|briefing|newspaper|paper|magazine|website|station|channel|broadcaster|network|agency|BBC)"
              r"|(?:The\s+)?[A-Z][\w.\-]*\s+(?:Post|Times|Press|Journal|News|Telegraph|Guardian|Mail|Herald|Radio|Television|TV)(?:\s+[A-Z][\w.\-]*)?))?")
ADDRESSEE_REQUIRED = ADDRESSEE[3:-2].replace("(?:(?<=told)|(?<=tells))", "", 1)
# "at least"/"at most" quantify what follows and are never a setting.
SETTING = r"(?:\s+(?!(?i:at\s+(?:least|most))\b)(?:in|at|on|during|to|via|through|by)\s+(?:[\w'\u2019.\-]+\s*){1,4}?)?"
# Text up to the next comma, but not the comma of a number ("92,000").
_NO_COMMA = r"(?:[^,;:]|(?<=\d),(?=\d{3}))*"

# Step 1: where a clause ends.
# Run-on boundaries: a new sentence glued on without a period (photo captions):
# a capitalized pronoun or sentence opener after a word.
RUN_ON_BOUNDARIES = re.compile(
    r"(?<=[a-z0-9%)\u2019'])\s+(?=(?:He|She|They|We|It|His|Her|Their|Its|On|In|At|After|When|"
    r"Meanwhile|However|But|And|Last|Earlier|Later)\s)"
    r"|(?<=\w)\s+(?=(?:He|She|They|We)\s+(?:said|says|added|told|has|had|was|is|will|would)\b)"
)
# Clause boundaries, used when a sentence holds more than one date.
CLAUSE_BOUNDARIES = re.compile(
    r",\s+(?:while|whereas|but|and then|and|although|though|after|before|as|whereas)\s+"
    r"|;\s+|:\s+|\s+but\s+"
    # "returned in 2005 and then again in 2014", "were arrested on Sunday and are due in court Monday"
    # and "in 1997 she was promoted", "a judge in Provo signed an arrest warrant on Monday"
    r"|\s+and\s+(?=(?:then|again|also|later|he|she|they|it|we|was|were|is|are|has|had|have|will|would|could|can"
    r"|in|on|at|by|during|since|last|this|next)\b"
    r"|(?:(?:actually|eventually|finally|later|subsequently|briefly|even|still|quickly|immediately|then|also)\s+)?(?:[a-z]+ed|led|won|lost|made|took|saw|got|gave|went|came|ran|fell|rose|left|met|held|set|hit|beat)\s+(?:the|a|an|his|her|their|its|up|out|in|on|at|to|by|for|with|from|\$|\d)"
    r"|(?:the|a|an|his|her|their|its)\s+(?:[^\s,;]+\s+){0,5}?(?:[a-z]+ed|was|were|is|are|has|had|will|said)\b)",
    re.IGNORECASE,
)

# Step 2: asides, found on the whole sentence: (kind, pattern), the aside being the
# group "aside" if the pattern has one, else the whole match; before them, a wire
# dateline opening the clause is a "dateline" aside (``datelines.FORMS``). An aside
# is deleted; a "relative" aside holding the date is kept with its antecedent
# instead, and a date inside an "attribution" aside dates a statement (events.py
# skips it).
ASIDES = [
    ("paren", re.compile(r"\s*\([^()]*\)|\s*\[[^\[\]]*\]")),
    ("dash", re.compile(r"\s+(?:[\u2013\u2014]|--?)\s+[^\u2013\u2014]+?\s+(?:[\u2013\u2014]|--?)(?=\s)|\s+_\s+[^_]+?\s+_(?=\s)")),
    ("dash-end", re.compile(r"\s+(?:[\u2013\u2014]|--?)\s+[^\u2013\u2014]+$")),
    ("relative", re.compile(r",\s+(?:who|whom|which|where|whose)\s+" + _NO_COMMA + r"(?:,|(?=[;:])|$)", re.IGNORECASE)),
    ("age", re.compile(r",\s+(?:aged\s+)?\d{1,3},|(?:\b[A-Z][\w'\u2019\-]*)(?P<aside>,\s+\d{1,3})$")),
    ("appositive", re.compile(r"(?:\b[A-Z][\w'\u2019.\-]*|\w+-[A-Z][\w\-]*)(?P<aside>,\s+(?:a|an|the)\s+[a-z]" + _NO_COMMA + r"(?:,|$))")),
    ("caption", re.compile(r",\s+(?:pictured|seen|shown)\b" + _NO_COMMA + r"(?:,|$)", re.IGNORECASE)),
    ("including", re.compile(r"(?:,|\s+but\s+also)\s+(?:including|such as|among them)\s+" + _NO_COMMA + r",")),
    ("participle", re.compile(r",\s+(?:[a-z]+ed|born|built|made|held|known|seen|taken|written|given|shot|hit|won|lost|sold|bought|set)\s+(?:in|on|at|by|during|last|earlier|from|since)\b" + _NO_COMMA + r",")),
    ("naming", re.compile(r",\s+(?:dubbed|nicknamed|known as|also known as|called|named|aged)\s+" + _NO_COMMA + r",")),
    ("attribution", re.compile(r"(?:(?<=,['\u2019\u201d\"])|,)\s+(?:(?i:according to)\s+" + _NO_COMMA + rf"|{_SUBJECT}(?:{_SAYING}|{'|'.join(HEDGING_VERBS)}){ADDRESSEE}{SETTING}(?:\s+[\w.]+){{0,2}}?|(?:{_SAYING})\s+(?:[\w'\u2019.\-]+\s*){{1,5}}?)\s*(?:,|$)")),
    ("attribution", re.compile(r"^(?i:according to)\s+" + _NO_COMMA + r",\s*")),
]

# Step 3: the words that introduce a time expression (``lexicon.DATE_SIGNALS``) go with it.
_DATE_SIGNAL_BEFORE = re.compile(
    r"(?:\b(?:just|only|even|since|until|as recently as)\s+)?"
    r"(?:\b(?:" + "|".join(sorted(DATE_SIGNALS, key=len, reverse=True)) + r")\s+)?"
    r"(?:(?:late|early)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
# A date alone in quotation marks (the text before it, "|", the text after it).
_ALONE_IN_QUOTES = re.compile(r"""^.?(?:["\u201c\u2018']|``)\|[,.!?]?(?:["\u201d\u2019']|'')""")
_AFTER_DATE = re.compile(r"^(?:['\u2019]s\b|\s*(?:onwards?|and beyond|alone)\b)", re.IGNORECASE)

# An apposition describing the date: ", the year he competed in the Eurovision Song Contest".
_DATE_APPOSITION = re.compile(
    r",\s+(?:the|a)\s+(?:same\s+)?(?:year|day|month|week|night|morning|evening|weekend|season)\b[^,;:]*(?=[,;:]|$)"
)
# A comma closing the date's phrase goes with it when a subordinate clause follows.
_COMMA_AFTER_DATE = re.compile(
    r"\s*(,)\s+(?=(?:when|while|whereas|as|after|before|with|without|amid|despite|following|"
    r"because|since|although|though|until|where|and|but|in|at|near|outside|inside)\b)"
)  # (a place too: "found on Monday, June 9, in a field" -> "found in a field")

# Step 4: attributions, datelines and connectives at the edges of a clause.
# Connectives and sentence adverbials: "And", "Meanwhile,", "Finally,".
_CONNECTIVE = re.compile(r"^(?i:and|but|so|or|yet|also|then|still|now|meanwhile|elsewhere|however|instead|separately|"
               r"moreover|furthermore|nevertheless|earlier|later|previously|since then|by then|at the time|"
               r"in addition|in fact|in turn|as a result|for example|for instance)\b\s*,?\s+")
_SENTENCE_ADVERB = re.compile(r"^\w+ly,\s+")
# Before these, a wire dateline ("MOSCOW_ ", "WASHINGTON (AP) -- ", "(CNN) -- "): see
# ``datelines.FORMS``.
LEADING = [
    # a caption's heading in capitals: "BALL OF THE CENTURY Benaud was on hand ..."
    re.compile(r"^(?:[A-Z][A-Z'\u2019\-]+\s+){2,}(?=[A-Z][a-z])"),
    # a photo caption's label: "Flying high: Half of the kite took to the sky"
    re.compile(r"^[A-Z][\w'\u2019\-]*(?:\s+[\w'\u2019\-]+){0,4}:\s+(?=[A-Z])"),
    # "X said (that)", "X told reporters (that)", "He added: '"
    # ... unless what follows opens with a pronoun that needs it ("X said it would ...").
    re.compile(rf"^{_SUBJECT}(?:(?!told|tells){_SAYING}|(?:told|tells)(?={ADDRESSEE_REQUIRED})){ADDRESSEE}{SETTING}(?:\s+(?:\w+ly|earlier|later|again|also|previously|today))?(?:\s*:\s*|\s+that\s+|\s*,\s+|\s+)(?=\S)(?!(?i:(?:that\s+)?(?:it|he|she|they|we|i|its|his|her|their|this|these))\b)"),
    re.compile(rf"^(?i:in\s+an?\s+(?:\w+\s+)?(?:statement|interview|letter|post|tweet|speech|briefing|release)),\s*(?:{_SUBJECT}(?:{_SAYING})\s+(?:that\s+)?)?"),
    _CONNECTIVE,
    _SENTENCE_ADVERB,
]
# Subordinators that open a clause cut out of the middle of a sentence.
_LEADING_SUBORDINATOR = re.compile(r"^(?:while|whereas|as|when|after|before|although|though|and then|that)\s+", re.IGNORECASE)
TRAILING = [
    re.compile(rf",\s+(?:(?i:according to)\s+[^,;]*|{_SUBJECT}(?:{_SAYING}){ADDRESSEE}{SETTING}|(?:{_SAYING})\s+(?:[\w'\u2019.\-]+\s*){{1,5}}?)\s*$"),
    re.compile(r"\s+(?i:police|officials|authorities|witnesses|sources|residents|he|she|they)\s+(?:said|say|says)$"),
    # "X was charged, the district attorney announced": what was announced is the headline
    re.compile(rf",\s+{_SUBJECT}(?:{'|'.join(ANNOUNCING_VERBS)})\s*$"),
    # a coordination left without its date: "The cancer returned [in 2005] and then again"
    re.compile(r",?\s+and\s+(?:then\s+)?again$"),
    # a second reported clause left once its attribution is gone: "... met, but that she told him ..."
    re.compile(r",?\s+(?:but|and)\s+that\s+(?=(?:she|he|they|it|we|i|the|a|an|his|her|their)\b).*$"),
]

# Step 5: function words that cannot end or begin a headline: ``lexicon.DANGLING_END``,
# ``lexicon.DANGLING_START``.

# Step 6: where a long headline may be cut, strongest first: before the words of
# ``lexicon.CUT_BEFORE`` (tier 1, 2, 3; tier 0 is punctuation).


# A comma inside a date: "1, 2011", "Monday, June".
_DATE_COMMA = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?, (?:1[5-9]|20)\d\d\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))")


class _Draft:
    """A sentence with a deletion mask: rules delete spans, nothing is ever added."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.kept = [True] * len(text)
        self._view: tuple[str, list[int]] | None = None

    def delete(self, start: int, end: int) -> None:
        start, end = max(start, 0), min(end, len(self.text))
        if start < end:
            self.kept[start:end] = [False] * (end - start)
            self._view = None

    def view(self) -> tuple[str, list[int]]:
        """The kept text, whitespace collapsed, with each character's offset in the
        sentence (-1 for a space standing in for a deleted stretch)."""
        if self._view is None:
            self._view = self._make_view()
        return self._view

    def _make_view(self) -> tuple[str, list[int]]:
        chars: list[str] = []
        index: list[int] = []
        gap = False
        for i, ch in enumerate(self.text):
            if not self.kept[i]:
                gap = True
                continue
            if ch.isspace() or gap:
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    index.append(i if ch.isspace() else -1)
                gap = False
                if ch.isspace():
                    continue
            chars.append(ch)
            index.append(i)
        while chars and chars[-1] == " ":
            chars.pop()
            index.pop()
        return "".join(chars), index

    def delete_view(self, index: list[int], start: int, end: int) -> None:
        for i in index[start:end]:
            if i >= 0:
                self.kept[i] = False
                self._view = None

    def sub(self, pattern: re.Pattern, count: int = 0) -> bool:
        """Delete the matches of ``pattern`` in the current view."""
        text, index = self.view()
        matches = list(pattern.finditer(text))
        if count:
            matches = matches[:count]
        for match in matches:
            self.delete_view(index, match.start(), match.end())
        return bool(matches)

    def words(self) -> list[str]:
        return self.view()[0].split()


# Asides a summary sentence does without (``compress``): dash pairs ("Bader – who
# lost his legs in 1931 – was shot down") and parentheticals ("6,000 metres (3.7
# miles)"). The other asides (ages, appositives, relative clauses, attributions)
# carry facts a summary keeps: on the CNN/DM dev set deleting them lowers ROUGE.
COMPRESSIBLE_ASIDES = ("dash", "paren")
# Fewer words than this left: the sentence was mostly aside, and is kept whole.
MIN_COMPRESSED_WORDS = 4


def compress(sentence: str) -> str:
    """``sentence`` without its dash-pair and parenthetical asides.

    Deletion only, as for headlines: the words left are a subsequence of the
    sentence's words, and the end punctuation stays. A sentence without such an
    aside is returned unchanged.
    """
    draft = _Draft(sentence)
    for kind, start, end in asides(sentence):
        if kind in COMPRESSIBLE_ASIDES:
            draft.delete(start, end)
    text = draft.view()[0]
    if text == " ".join(sentence.split()):
        return sentence
    # A space left before punctuation by a deletion ("metres , then"), but not the
    # space of "a .22 calibre".
    text = re.sub(r"\s+([,;:.!?])(?=\s|$|['\"\u2019\u201d])", r"\1", text)
    return sentence if len(text.split()) < MIN_COMPRESSED_WORDS else text


def make_headline(sentence: str, span: tuple[int, int], other_spans=(), named_spans=()) -> str:
    """A short headline for the happening dated by ``span`` in ``sentence``.

    ``other_spans`` are the sentence's other dates, cut out; ``named_spans`` are dates
    that name a thing ("the 2024 race", "his 1999 album"): they stay in the words, but
    still part the sentence into clauses as the other dates do.
    """
    headline = _make_headline(sentence, span, other_spans, split=True, named_spans=named_spans)
    if (other_spans or named_spans) and (len([w for w in headline.lower().split() if w not in DANGLING_END]) < 2
                                         or is_bare_name(headline, sentence)):
        # Cutting the sentence between its dates left this one too little ("then
        # again in 2014", "Walter Mondale"): the whole clause, with the other dates cut
        # out, tells more.
        headline = _make_headline(sentence, span, other_spans, split=False)
    if is_bare_name(headline, sentence):
        # "Walter Mondale, who served as vice president from 1977 to 1981": the clause
        # kept only the name; the sentence without its dates may tell the happening.
        # Without a verb it tells none either, and the name stays, for events.py to
        # drop ("Walter Mondale (1928-2021)", "On Monday, Walter Mondale, the former
        # vice president").
        draft = _Draft(sentence)
        for a, b in [span, *other_spans]:
            signal = _DATE_SIGNAL_BEFORE.search(sentence[:a])
            draft.delete(signal.start() if signal else a, b)
        draft.sub(_EMPTY_BRACKETS)  # "Walter Mondale (1928-2021)" without its dates
        _trim_edges(draft, cut_from_middle=False)
        _shorten(draft)
        whole = _capitalized(_tidy(draft.view()[0]))
        if any(looks_like_verb(w) for w in whole.split()):
            headline = whole
    return headline


_EMPTY_BRACKETS = re.compile(r"\s*\(\s*[-\u2013\u2014,;/]?\s*\)|\s*\[\s*[-\u2013\u2014,;/]?\s*\]")


def is_bare_name(headline: str, sentence: str) -> bool:
    """Whether a headline made from ``sentence`` is only a name ("Walter Mondale",
    "International Women's Day"): capitalized words and the particles of names, no
    verb. It tells no happening. ("Invasion of Iraq" has a common noun, capitalized
    only as the headline's first word; "Talks collapsed" has a verb.)"""
    words = [w.strip(QUOTE_CHARS + ",;:.!?()") for w in headline.split()]
    words = [w for w in words if w]
    if not words or any(looks_like_verb(w) or w.lower() in FIXTURE_WORDS for w in words):
        return False  # a verb, or a fixture: "LEICESTER V LONDON WELSH" is a match
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_PARTICLES for w in words):
        return False
    # The first word is capitalized whatever it was: the sentence tells its case.
    first = re.search(r"(?<![\w'\u2019])" + re.escape(words[0]) + r"(?![\w'\u2019])", sentence, re.IGNORECASE)
    return first is None or first.group(0)[:1].isupper() and (first.start() > 0 or len(words) > 1)


def _make_headline(sentence: str, span: tuple[int, int], other_spans, split: bool, named_spans=()) -> str:
    start, end = span
    draft = _Draft(sentence)
    noun_phrase = premodified_noun_phrase(sentence, start, end)
    if noun_phrase is not None:
        # "the 2003 invasion of Iraq": the year dates the noun phrase, not the clause.
        draft.delete(0, noun_phrase[0])
        draft.delete(noun_phrase[1], len(sentence))
        draft.delete(start, noun_phrase[0])
        _trim_edges(draft, cut_from_middle=False)
        _shorten(draft)
        return _capitalized(_tidy(draft.view()[0]))
    clause_start, clause_end = clause_of(sentence, start, end, other_spans, named_spans) if split else clause_of(sentence, start, end)
    subject = _shared_subject(sentence, clause_start)
    if subject is not None:
        # "Mr Goodwin was knighted in 2004 but was stripped of his title in 2012":
        # the second clause keeps the subject it shares.
        draft.delete(subject[1], clause_start)
        draft.delete(0, subject[0])
    else:
        draft.delete(0, clause_start)
    draft.delete(clause_end, len(sentence))

    relative = None
    date_ends = {end} | {e for _, e in other_spans}
    for kind, aside_start, aside_end in asides(sentence, clause_start, clause_end):
        if kind == "appositive" and len(sentence[:aside_start].rstrip()) in date_ends:
            continue  # "In March, an independent investigation ...": a date, not a name
        if aside_start <= start and end <= aside_end:
            if kind == "relative" or (kind in ("dash", "dash-end", "paren") and _RELATIVE_OPENING.match(sentence, aside_start)):
                relative = (aside_start, aside_end)
                continue
            if kind == "participle":
                # "That resolution, passed in 1978, calls for ...": "That resolution passed"
                antecedent = _antecedent_start(sentence, clause_start, aside_start)
                if antecedent is not None:
                    draft.delete(clause_start, antecedent[0])
                    draft.delete(antecedent[1], aside_start + 1)
                    draft.delete(aside_end - 1, len(sentence))
                    continue
            if len(_words_outside(sentence, aside_start, aside_end, start, end)) >= 3 and kind in ("paren", "dash", "dash-end"):
                # The date's own aside tells its happening: "(the siege ended on May 3)".
                draft.delete(clause_start, aside_start)
                draft.delete(aside_end, clause_end)
                continue
        if aside_start < start < aside_end or aside_start < end < aside_end:
            if kind not in ("dash", "paren") or len(_words_outside(sentence, aside_start, aside_end, start, end)) >= 3:
                continue  # the date's own aside, cut below with the date
            # "On the night of the break – August 30, 1942 – the prisoners ...": the aside goes whole
        if kind == "including" and not sentence[aside_start:].lstrip().startswith("but"):
            following = re.match(r"\s*(\S+)", sentence[aside_end:])
            if following and not looks_like_verb(following.group(1)):
                continue  # ", including a trip to Dubai, United Arab Emirates, ...": no aside to cut
        if kind == "attribution" and sentence[aside_end - 1:aside_end] == ",":
            following = re.match(r"\s*(\S+)", sentence[aside_end:])
            if following and not looks_like_verb(following.group(1)):
                aside_end -= 1  # "... pace, the government reported, evidence that ...": one comma stays
        draft.delete(aside_start, aside_end)
    if relative is not None:
        _keep_relative_clause(draft, sentence, clause_start, relative)
    else:
        _keep_restrictive_relative(draft, sentence, clause_start, clause_end, start)

    # The date and the words introducing it.
    after = _AFTER_DATE.match(sentence[end:])
    possessive = after is not None and after.group(0)[:1] in "'\u2019"
    # "before next week's talks", "a decline in fourth-quarter earnings": a date that
    # modifies a noun leaves its preposition to the noun.
    modifier = possessive or is_modifier(sentence, start, end)
    signal = None if modifier else _DATE_SIGNAL_BEFORE.search(sentence[:start])
    cut_start = signal.start() if signal else start
    cut_end = end + (after.end() if after else 0)
    apposition = _DATE_APPOSITION.match(sentence, cut_end)
    if apposition:
        cut_end = apposition.end()  # "in 1990, the year he competed in Eurovision": the date's own aside
    comma = _COMMA_AFTER_DATE.match(sentence, cut_end)
    if comma and re.search(r"\w\s*$", sentence[:cut_start]):
        cut_end = comma.end(1)  # "shot dead on Saturday, when ..." -> "shot dead when ..."
    elif re.search(r",\s*$", sentence[:cut_start]) and re.match(r"\s*,", sentence[cut_end:]):
        # "when, on February 3, 1959, he saw" -> "when he saw": both commas go.
        cut_start = sentence.rindex(",", 0, cut_start)
        cut_end += sentence[cut_end:].index(",") + 1
    if _is_complement(sentence, cut_start, start, end):
        # "Her last day is April 1, and she will join ...": cut, the date would leave
        # "Her last day is and ..."; it stays, and its clause ends the headline.
        boundary = CLAUSE_BOUNDARIES.search(sentence, end, clause_end)
        if boundary:
            draft.delete(boundary.start(), len(sentence))
    else:
        draft.delete(cut_start, cut_end)
    for other_start, other_end in other_spans:
        # Other dates in the clause date other happenings: cut them with their signals.
        if clause_start <= other_start and other_end <= clause_end and not (other_start <= start < other_end):
            if _ALONE_IN_QUOTES.match(sentence[max(0, other_start - 2):other_start] + "|" + sentence[other_end:other_end + 3]):
                continue  # a title, not a date: Sam Mendes's "1917" (cut, it would leave '""')
            other_after = _AFTER_DATE.match(sentence[other_end:])
            # "fell on a Saturday": the article goes with the day, and the signal before it
            article = re.search(r"\b(?:a|an)\s+$", sentence[:other_start])
            if article and not is_modifier(sentence, other_start, other_end):  # not "a fourth-quarter charge"
                other_start = article.start()
            other_signal = _DATE_SIGNAL_BEFORE.search(sentence[:other_start])
            if other_signal and other_after and other_after.group(0)[:1] in "'\u2019" and \
                    re.search(r"\bto\s*$", other_signal.group(0), re.IGNORECASE):
                other_signal = None  # "a revision Friday to December's figures": "to" is the noun's
            draft.delete(other_signal.start() if other_signal else other_start,
                         other_end + (other_after.end() if other_after else 0))
            # "made Thursday and Friday": the dates' conjunction goes with them.
            low, high = sorted(((start, end), (other_start, other_end)))
            between = sentence[low[1]:high[0]]
            if re.fullmatch(r"\s*(?:,\s*)?(?:and|or|through|until|-|\u2013)\s*|\s*,\s*", between) or (
                    re.fullmatch(r"\s+to\s+", between) and not _AFTER_DATE.match(sentence[high[1]:])):
                draft.delete(low[1], high[0])  # "bought Sept. 14 to Oct. 26" (not "Friday to December's figures")
    _trim_edges(draft, cut_from_middle=clause_start > 0)
    _leading_subordinate_clause(draft, sentence, start)
    _trim_edges(draft, cut_from_middle=False)
    _shorten(draft)
    _trim_edges(draft, cut_from_middle=False)
    text = _tidy(draft.view()[0])
    if not re.search(r"[^\W_]", text):
        # Every rule together left nothing: fall back to the sentence without the date.
        fallback = _Draft(sentence)
        fallback.delete(start, end)
        _shorten(fallback)
        text = _tidy(fallback.view()[0])
    return _capitalized(text)


def _capitalized(text: str) -> str:
    """Upper-case the first letter, unless that would change more than its case ("ß")."""
    first = text[:1].upper()
    return first + text[1:] if len(first) == 1 and first.lower() == text[:1].lower() else text


_SUBORDINATE_OPENING = re.compile(r"^(?:when|after|as|while|before|once|since|although|though|because|if)\s+", re.IGNORECASE)
# Opening phrases that are not the happening: a participle or a preposition of
# circumstance ("Turning its back on ..., a convention voted ..."). They are deleted
# when the date is not in them.
_CIRCUMSTANCE_OPENING = re.compile(r"^(?:[A-Z][a-z]+(?:ed|ing)|Having|Being|With|Without|Despite|Amid|Following|Under|Unlike|Like|Besides|Unusually|Once again)\s+[^,]{0,120},\s+(?=\S)")


_PREMODIFIER_BEFORE = re.compile(r"\b(?:[Tt]he|an?|his|her|its|their|our|this|that|whose)\s+$")




def premodifies_a_name(sentence: str, start: int, end: int) -> bool:
    """Whether a bare year's possessive names a work ("2013's Saving Mr Banks"): the
    year of a title, not a happening of the article. ("the 2015 Grand National" is
    an edition of an event, and stays one.)"""
    if not re.fullmatch(r"\d{4}", sentence[start:end]):
        return False
    return re.match(r"['\u2019]s\s+[\"\u201c\u2018']?[A-Z][\w'\u2019\-]*\s+[A-Z]", sentence[end:]) is not None


# A preposition right before a year makes it an adverbial of the clause ("released in
# 1999 the album ..."), whatever noun follows.
_ADVERBIAL_BEFORE = re.compile(
    r"\b(?:in|on|at|since|by|during|from|until|till|through|after|before|around|circa|between|to|as of)\s+$",
    re.IGNORECASE)
# A possessive name before a year: "Caillebotte's 1877 A Boating Party", "Labour's 2015 campaign".
_POSSESSIVE_NAME_BEFORE = re.compile(r"\b[A-Z][\w.\-]*['\u2019]s?\s+$")
# A determiner or possessive before a year, with up to two adjectives between: "the
# 2024 race", "their disastrous 2014 World Cup".
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?i:the|a|an|his|her|its|their|our|my|your|this|that|whose)\s+(?:[a-z][\w\-]*\s+){0,2}$"
    r"|\b[A-Z][\w.\-]*['\u2019]s?\s+$")


def names_a_work(sentence: str, start: int, end: int) -> bool:
    """Whether a bare year is the year of a work, which dates no happening of the
    article: before a work noun ("his 1999 album", "the 1964 film of the novel", "the
    2004 Adam Sandler film", "1962 classic film Lawrence of Arabia"; the nouns are
    ``vocabulary.WORK_NOUNS``), or between a possessive name and a title
    ("Caillebotte's 1877 A Boating Party", "2013's Saving Mr Banks")."""
    if not re.fullmatch(r"\d{4}", sentence[start:end]):
        return False
    if premodifies_a_name(sentence, start, end):
        return True
    if _ADVERBIAL_BEFORE.search(sentence[:start]):
        return False
    if _POSSESSIVE_NAME_BEFORE.search(sentence[:start]) and re.match(r"\s+[A-Z]", sentence[end:]):
        return True
    words = re.findall(r"\S+", sentence[end:end + 80])
    for i, word in enumerate(words[:7]):
        bare = word.lower().strip(QUOTE_CHARS + ",;:.!?()")
        if bare in WORK_NOUNS:
            return True
        if bare == "and" and i + 1 < len(words) and words[i + 1][:1].isupper():
            continue  # "the 2013 Tom Hanks and Emma Thompson hit"
        if bare in NOUN_PHRASE_STOP or not bare or (looks_like_verb(word) and bare not in NOUNS_THAT_LOOK_LIKE_VERBS) \
                or re.search(r"[,;:.!?)\u2013\u2014]$", word):
            return False
    return False


def attributive_year(sentence: str, start: int, end: int) -> bool:
    """Whether a bare year premodifies a noun ("the 2024 race", "her 2008 campaign",
    "their disastrous 2014 World Cup", "his 1999 album"): it says which race or album,
    and is part of its name rather than the time of the clause's happening."""
    if not re.fullmatch(r"\d{4}", sentence[start:end]):
        return False
    if names_a_work(sentence, start, end):
        return True
    if not _ATTRIBUTIVE_BEFORE.search(sentence[:start]) or _ADVERBIAL_BEFORE.search(sentence[:start]):
        return False
    following = re.match(r"\s+([\w\-]+)", sentence[end:])
    if not following:
        return False
    word = following.group(1)
    bare = word.lower()
    return bare not in NOUN_PHRASE_STOP and bare not in DANGLING_END and \
        (not looks_like_verb(word) or bare in NOUNS_THAT_LOOK_LIKE_VERBS) and not word.isdigit()


def premodified_noun_phrase(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the noun phrase a bare year premodifies ("the 2003 invasion of
    Iraq", "2013's Saving Mr Banks"), if it has two words or more."""
    if not re.fullmatch(r"\d{4}", sentence[start:end]):
        return None
    possessive = re.match(r"['\u2019]s\s+", sentence[end:])
    if not possessive and not _PREMODIFIER_BEFORE.search(sentence[:start]):
        return None
    phrase_start = end + (possessive.end() if possessive else len(sentence[end:]) - len(sentence[end:].lstrip()))
    words = []
    for match in re.finditer(r"[^\s]+", sentence[phrase_start:]):
        word = match.group(0)
        bare = word.lower().strip(QUOTE_CHARS + ",;:.!?()")
        if len(words) == 1 and bare in ("which", "that", "who"):
            relative = re.match(r"[^,;:.!?\u2013\u2014]+", sentence[phrase_start + match.start():])
            # "a 1971 Convention which gives Libya the right": the noun and its clause
            return phrase_start, phrase_start + match.start() + len(relative.group(0).rstrip())
        if bare in NOUN_PHRASE_STOP or (looks_like_verb(word) and bare not in NOUNS_THAT_LOOK_LIKE_VERBS) or not bare \
                or len(words) >= 10 or word in ("-", "--", "_"):
            break
        words.append(match)
        if re.search(r"[,;:.!?)\u2013\u2014]['\u2019\u201d\"]?$", word):
            break
    if words and not words[0].group(0)[:1].isalpha():
        return None
    while words and words[-1].group(0).lower().strip(",;:.") in DANGLING_END:
        words.pop()
    while len(words) > 1 and words[-1].group(0)[:1].isupper() and words[-2].group(0)[:1].islower() \
            and words[-2].group(0) not in ("of", "at", "in", "on", "for", "by", "to", "and"):
        words.pop()  # "the 2012 season Haskell posted ...": a caption runs on after the noun
    if len(words) < 2 or re.search(r"['\u2019]s$", words[-1].group(0)):
        return None  # too short, or cut before its noun ("at Aintree Treadwell's")
    if not any(w.group(0)[:1].islower() for w in words):
        return None  # a name: see premodifies_a_name
    return phrase_start, phrase_start + words[-1].end()


def is_modifier(sentence: str, start: int, end: int) -> bool:
    """Whether the date modifies the noun after it: hyphenated ("fourth-quarter
    earnings", "year-earlier profit") or after a determiner ("the 1988 period")."""
    following = re.match(r"\s+([a-z][\w\-]*)", sentence[end:])
    if not following or following.group(1) in NOUN_PHRASE_STOP or following.group(1) in DANGLING_END \
            or looks_like_verb(following.group(1)):
        return False
    return "-" in sentence[start:end] or bool(_PREMODIFIER_BEFORE.search(sentence[:start]))


# Step 3 does not cut a date that completes its verb: the complement of a copula ("Her
# last day is April 1", "the payment is due March 3", "the vote is on Sunday", "the
# funeral will be Saturday") or a bare object named "as" something ("named March 3 as
# the launch date").
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|remains|remained)\s+$", re.IGNORECASE)
_AS_AFTER = re.compile(r"\s+as\s+(?:the|a|an|his|her|its|their)\b", re.IGNORECASE)


def _is_complement(sentence: str, cut_start: int, start: int, end: int) -> bool:
    """Whether the date at [start, end), introduced from ``cut_start``, completes the
    verb before it, so that cutting it would leave the verb dangling."""
    before = sentence[:cut_start]
    following = re.match(r"(?:['\u2019]s)?\s+([\w\-]+)", sentence[end:])
    if following and (looks_like_verb(following.group(1)) or following.group(1).endswith("ing")):
        return False  # an auxiliary, not a copula: "is today opening", "was last week jailed"
    if _COPULA_BEFORE.search(before):
        return True
    previous = re.search(r"(\S+)\s+$", before)
    return cut_start == start and previous is not None and looks_like_verb(previous.group(1)) \
        and _AS_AFTER.match(sentence, end) is not None


def _leading_subordinate_clause(draft: _Draft, sentence: str, start: int) -> None:
    """"When Cameron visited the White House in January, he insisted ...": a date in
    an opening subordinate clause dates that clause (keep it, without its
    conjunction); a date after it dates the main clause (delete the opening clause)."""
    text, index = draft.view()
    circumstance = _CIRCUMSTANCE_OPENING.match(text)
    if circumstance and not any(0 <= i and i >= start for i in index[: circumstance.end()] if i >= 0):
        if len(text[circumstance.end():].split()) >= 3:
            draft.delete_view(index, 0, circumstance.end())
        return
    opening = _SUBORDINATE_OPENING.match(text)
    if not opening:
        return
    comma = text.find(", ", opening.end())
    if comma < 0:
        if len(text[opening.end():].split()) >= 3:
            draft.delete_view(index, 0, opening.end())  # the clause is all that is left
        return
    original_comma = index[comma]
    if original_comma < 0:
        return
    if start < original_comma:
        draft.delete_view(index, 0, opening.end())
        draft.delete_view(index, comma, len(text))
    elif len(text[comma:].split()) >= 3:
        draft.delete_view(index, 0, comma + 2)


def _shared_subject(sentence: str, clause_start: int) -> tuple[int, int] | None:
    """The subject of the sentence, when the clause at ``clause_start`` (cut from its
    middle) starts with a verb and so shares it: up to six words before the first
    verb, from the start of the sentence or of its run-on part."""
    if clause_start == 0:
        return None
    first = re.match(r"(?:(?:actually|eventually|finally|later|subsequently|briefly|even|still|quickly|immediately)\s+)?(\S+)",
                     sentence[clause_start:])  # "and actually led"
    if not first or not looks_like_verb(first.group(1)):
        return None
    begin = 0
    for boundary in _run_on_boundaries(sentence):
        if boundary.end() <= clause_start:
            begin = boundary.end()
    head = sentence[begin:clause_start]
    opening = _CONNECTIVE.match(head) or _SENTENCE_ADVERB.match(head)
    offset = opening.end() if opening else 0
    words = list(re.finditer(r"\S+", head[offset:]))
    for count, word in enumerate(words[:7]):
        if looks_like_verb(word.group(0)):
            if count == 0 or any("," in w.group(0) for w in words[:count]):
                return None
            last = count - 1
            if first.group(1).endswith("ed") and word.group(0).lower() in AUXILIARIES:
                last = count  # "Martin was sentenced ... and fined $214": "Martin was fined $214"
            return begin + offset, begin + offset + words[last].end()
    return None




def clause_of(sentence: str, start: int, end: int, other_spans=(), named_spans=()) -> tuple[int, int]:
    """The clause around [start, end): cut at run-on boundaries, and at clause
    boundaries when the sentence holds other dates, so each keeps its happening.
    Dates that name a thing (``named_spans``: "the 2013 Barcelona final") part
    clauses ("..., before ...") but not the items of a list: the comma after "The 1984
    nominee, Walter Mondale," is no boundary of happenings."""
    clause_start, clause_end = 0, len(sentence.rstrip(".!?\"'\u201d\u2019 "))
    if re.search(r"\b(?:[A-Za-z]\.)+[A-Za-z]$", sentence[:clause_end]) and sentence[clause_end:clause_end + 1] == ".":
        clause_end += 1  # "... told the U.S."
    clause_end = max(clause_end, end)
    for boundary in _run_on_boundaries(sentence):
        if boundary.end() <= start:
            clause_start = max(clause_start, boundary.end())
        elif boundary.start() >= end:
            clause_end = min(clause_end, boundary.start())
            break
    others = [(s, e) for s, e in [*other_spans, *named_spans] if clause_start <= s < clause_end and (s, e) != (start, end)]
    if not others:
        return clause_start, clause_end
    aside_edges = {edge for _, a, b in asides(sentence) for edge in (a, b - 1, b)}
    for boundaries in (CLAUSE_BOUNDARIES, LIST_BOUNDARIES):
        for boundary in boundaries.finditer(sentence):
            if boundary.start() < clause_start or boundary.end() > clause_end:
                continue
            if boundaries is LIST_BOUNDARIES and boundary.start() in aside_edges:
                continue  # the comma of an aside ("Mr Waley-Cohen, pictured in 2014, rode"): no list
            following = re.match(r"(?:\w+ly\s+)?(\S*)", sentence[boundary.end():]).group(1)
            if boundaries is LIST_BOUNDARIES and looks_like_verb(following) and not following.endswith("ing"):
                continue  # "Locke, who returned last summer, had been working": not a list
            # A boundary between this date and another, unless it is all that stands
            # between them ("Thursday and Friday").
            # The cut must leave the date some words of its own.
            if boundary.end() <= start and any(
                    e <= boundary.start() and (_apart(sentence, e, boundary.start()) or _apart(sentence, boundary.end(), start))
                    for s, e in others) and _has_words(sentence, boundary.end(), clause_end, start, end):
                clause_start = boundary.end()
            elif boundary.start() >= end and any(
                    s >= boundary.end() and (_apart(sentence, end, boundary.start()) or _apart(sentence, boundary.end(), s))
                    for s, e in others) and _has_words(sentence, clause_start, boundary.start(), start, end):
                clause_end = boundary.start()
                break
        others = [(s, e) for s, e in others if clause_start <= s < clause_end and (s, e) not in named_spans]
        if not others:
            break
    return clause_start, clause_end


# Weaker boundaries, used when a clause still holds another date: the items of a
# list ("a Welsh Grand National in January 2013, victory at Cheltenham in December").
LIST_BOUNDARIES = re.compile(r",\s+")


def _has_words(sentence: str, a: int, b: int, start: int, end: int) -> bool:
    """Whether [a, b) holds two words or more besides the date and its signal words."""
    outside = sentence[a:start] + " " + sentence[end:b]
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019\-]*", outside)
             if w.lower() not in DATE_SIGNALS and w.lower() not in ("then", "again", "also", "later", "just", "only", "and", "but")]
    return len(words) >= 2


def _apart(sentence: str, a: int, b: int) -> bool:
    """Whether a word stands between two offsets ("Thursday and Friday" are not apart)."""
    return bool(re.search(r"[A-Za-z]{2,}", sentence[a:b]))


_INNER_PERIOD = re.compile(r"(?<=[a-z0-9])([.!?])['\"\u2019\u201d]?\s+(?=[A-Z])")


@functools.lru_cache(maxsize=256)
def _run_on_boundaries(sentence: str) -> tuple[re.Match, ...]:
    """Where a sentence runs on into another: a glued caption, a semicolon, or a
    period the sentence splitter kept (it did not know "70s." ends a sentence)."""
    from .sentences import ABBREVIATIONS

    found = list(RUN_ON_BOUNDARIES.finditer(sentence)) + list(re.finditer(r";\s+", sentence))
    for match in _INNER_PERIOD.finditer(sentence):
        word = re.search(r"(\w+)$", sentence[: match.start()])
        if match.group(1) == "." and word and (len(word.group(1)) < 3 or word.group(1).lower() in ABBREVIATIONS):
            continue
        found.append(match)
    return tuple(sorted(found, key=lambda m: m.start()))


def asides(sentence: str, clause_start: int = 0, clause_end: int | None = None) -> list[tuple[str, int, int]]:
    """The asides of ``sentence`` within a clause: (kind, start, end), outermost first."""
    if clause_end is None or (clause_start, clause_end) == (0, len(sentence)):
        return list(_sentence_asides(sentence))
    return _asides(sentence, clause_start, clause_end)


@functools.lru_cache(maxsize=256)
def _sentence_asides(sentence: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_asides(sentence, 0, len(sentence)))


def _asides(sentence: str, clause_start: int, clause_end: int) -> list[tuple[str, int, int]]:
    clause = sentence[clause_start:clause_end]
    found: list[tuple[str, int, int]] = []
    dateline = dateline_end(clause)
    if dateline:
        found.append(("dateline", clause_start, clause_start + dateline))
    for kind, pattern in ASIDES:
        for match in pattern.finditer(clause):
            group = "aside" if "aside" in pattern.groupindex and match.start("aside") >= 0 else 0
            a, b = match.start(group) + clause_start, match.end(group) + clause_start
            if kind == "dash-end" and any(k == "dash" and x <= a < y + 1 for k, x, y in found):
                continue  # the closing dash of a pair
            found.append((kind, a, b))
    return found


def aside_kind(sentence: str, span: tuple[int, int]) -> str | None:
    """The kind of aside the time expression at ``span`` sits in, if any: an
    "attribution" (", according to a report published on Saturday"), a "caption"
    (", pictured in 2014,"), ..."""
    start, end = span
    kinds = [kind for kind, a, b in asides(sentence) if a <= start and end <= b]
    for kind in ("attribution", "caption"):
        if kind in kinds:
            return kind
    return kinds[0] if kinds else None


def _words_outside(sentence: str, a: int, b: int, start: int, end: int) -> list[str]:
    inner = sentence[a:start] + " " + sentence[end:b]
    return [w for w in re.findall(r"[A-Za-z0-9][\w'\u2019\-]*", inner) if w.lower() not in DANGLING_END]


_RELATIVE_OPENING = re.compile(r"[,(\u2013\u2014\-\s]+(who|whom|which|where|whose)\s+", re.IGNORECASE)


def _keep_relative_clause(draft: _Draft, sentence: str, clause_start: int, relative: tuple[int, int]) -> None:
    """Keep a relative clause that holds the date, with its antecedent ("Bader, who
    lost his legs in 1931" -> "Bader lost his legs"): delete the rest of the clause
    and the comma and pronoun in between."""
    rel_start, rel_end = relative
    pronoun = _RELATIVE_OPENING.match(sentence[rel_start:])
    if pronoun is None:
        return
    word = pronoun.group(1).lower()
    content = rel_start + pronoun.end()
    antecedent = _antecedent_start(sentence, clause_start, rel_start) if word != "where" else None
    next_word = re.match(r"[\w'\u2019\-]+", sentence[content:])
    if word in ("which", "whom", "who") and next_word and (
            next_word.group(0).lower() in OBJECT_RELATIVE_STARTS or next_word.group(0)[:1].isupper()):
        # "a treaty, which the two presidents signed last May": the antecedent is the
        # object, so the noun phrase stays whole ("A treaty, which the presidents signed").
        if antecedent is not None:
            draft.delete(clause_start, antecedent[0])
        draft.delete(rel_end, len(sentence))
        return
    if antecedent is None and word != "where":
        draft.delete(rel_end, len(sentence))  # no antecedent to keep: the clause stays whole
        return
    if antecedent is None:
        draft.delete(clause_start, content)
    else:
        draft.delete(clause_start, antecedent[0])
        draft.delete(antecedent[1], content if word != "whose" else rel_start + pronoun.start(1))
    draft.delete(rel_end, len(sentence))


_RESTRICTIVE = re.compile(r"\s+(that)\s+")
# A restrictive relative this long or shorter (up to the date) is trusted to hold it.
MAX_RELATIVE_WORDS = 6


def _keep_restrictive_relative(draft: _Draft, sentence: str, clause_start: int, clause_end: int, start: int) -> None:
    """"the devastating earthquake that hit the country Saturday": a date in a
    relative clause without commas dates that clause, kept with its antecedent
    ("The devastating earthquake hit the country"). "said that ..." is no relative."""
    matches = [m for m in _RESTRICTIVE.finditer(sentence, clause_start, start) if not re.search(r"[,;:]", sentence[m.end():start])]
    if not matches:
        return
    pronoun = matches[-1]
    before = re.search(r"(\S+)\s*$", sentence[clause_start:pronoun.start()])
    if not before or looks_like_verb(before.group(1)) or before.group(1).lower() in NOT_ANTECEDENTS:
        return
    content = sentence[pronoun.end():start].split()
    if len(content) > MAX_RELATIVE_WORDS:
        return
    first = content[1] if len(content) > 1 and content[0].endswith("ly") else (content[0] if content else "")
    if not looks_like_verb(first):
        return  # "the man that police arrested", "told X that Shannon had": left alone
    antecedent = _antecedent_start(sentence, clause_start, pronoun.start())
    if antecedent is None:
        return
    end_of_relative = re.search(r"[,;:]", sentence[start:clause_end])
    draft.delete(clause_start, antecedent[0])
    draft.delete(antecedent[1], pronoun.end())
    if end_of_relative:
        draft.delete(start + end_of_relative.start(), len(sentence))




def _antecedent_start(sentence: str, clause_start: int, rel_start: int) -> tuple[int, int] | None:
    """(start, end) of the noun phrase before a relative clause: a name, or a
    determiner and up to four words; an age appositive (", 31") is skipped."""
    head = sentence[clause_start:rel_start]
    age = re.search(r",\s+\d{1,3}\s*$", head)
    end = clause_start + (age.start() if age else len(head.rstrip()))
    words = list(re.finditer(r"[^\s,;:()]+", sentence[clause_start:end]))
    if not words:
        return None
    last = words[-1].group(0)
    if last.isdigit() and len(words) > 1 and words[-2].group(0)[:1].isupper():
        last = words[-2].group(0)  # "Germanwings Flight 9525"
    if last[:1].isupper() or re.search(r"[A-Z]", last):
        first = len(words) - 1
        while first > 0:
            word = words[first - 1].group(0)
            if word[:1].isupper() or word.lower().rstrip(".") in NAME_TITLES or (
                    word in ("of", "de", "bin", "al", "van", "von", "and", "&") and first - 1 > 0 and words[first - 2].group(0)[:1].isupper()):
                first -= 1
            else:
                break
        while first < len(words) - 1 and words[first].group(0) in ("of", "de", "bin", "al", "van", "von"):
            first += 1
        if first > 0 and words[first - 1].group(0).lower() in ("the", "a", "an"):
            first -= 1  # "the Rolling Stones", not "that Ritter"
        elif first > 1 and words[first - 1].group(0).lower() in ("in", "at", "from", "near", "outside"):
            # "two car bombings in Baghdad that killed ...": the noun before the place
            for back in range(first - 2, max(first - 7, -1), -1):
                word = words[back].group(0).lower()
                if word in DETERMINERS or word in NUMBER_WORDS or word.isdigit():
                    first = back
                    break
        return clause_start + words[first].start(), end
    for back in range(len(words) - 1, max(len(words) - 6, -1), -1):
        word = words[back].group(0)
        if word.lower() in DETERMINERS or re.search(r"['\u2019]s$", word) and back < len(words) - 1:
            # "the store", "Sydney's current flagship store"
            if word.lower() not in DETERMINERS:
                while back > 0 and words[back - 1].group(0)[:1].isupper():
                    back -= 1
                if back > 0 and words[back - 1].group(0).lower() in DETERMINERS:
                    back -= 1  # "The Brigade's first manifesto"
            return clause_start + words[back].start(), end
    return None


def _trim_edges(draft: _Draft, cut_from_middle: bool) -> None:
    """Attributions, datelines, connectives, dangling words and stray quotes at the edges."""
    for _ in range(6):
        changed = _delete_keeping_words(draft, _leading_dateline)
        for pattern in LEADING:
            if _sub_keeping_words(draft, pattern):
                changed = True
        for pattern in TRAILING:
            if _sub_keeping_words(draft, pattern):
                changed = True
        if cut_from_middle and _sub_keeping_words(draft, _LEADING_SUBORDINATOR):
            changed = True
        changed |= _strip_dangling(draft)
        changed |= _balance(draft)
        if not changed:
            return


def _leading_dateline(text: str) -> tuple[int, int] | None:
    end = dateline_end(text)
    return (0, end) if end else None


def _sub_keeping_words(draft: _Draft, pattern: re.Pattern) -> bool:
    """Delete the first match of ``pattern`` unless that would leave fewer than three
    words, or no verb where there was one ("reported militants entering al-Qaim")."""
    return _delete_keeping_words(draft, lambda text: (match := pattern.search(text)) and match.span())


def _delete_keeping_words(draft: _Draft, find) -> bool:
    """Delete the span ``find(text)`` gives in the draft's text (None: nothing to
    delete), on the terms of ``_sub_keeping_words``."""
    text, index = draft.view()
    span = find(text)
    if not span or span[0] == span[1]:
        return False
    start, end = span
    remaining = (text[:start] + " " + text[end:]).split()
    if len(remaining) < 3:
        return False
    if not any(looks_like_verb(w) for w in remaining) and any(looks_like_verb(w) for w in text.split()):
        return False
    draft.delete_view(index, start, end)
    return True


_EDGE_PUNCT = " ,;:.-\u2013\u2014_"
_ABBREVIATION_END = re.compile(r"\b(?:[A-Za-z]\.){2,}$")


def _strip_dangling(draft: _Draft) -> bool:
    changed = False
    while True:
        text, index = draft.view()
        words = list(re.finditer(r"\S+", text))
        if not words:
            return changed
        lead = len(text) - len(text.lstrip(_EDGE_PUNCT))
        trail = len(text.rstrip(_EDGE_PUNCT))
        if _ABBREVIATION_END.search(text):
            trail = len(text)  # "the U.S." keeps its period
        if lead or trail < len(text):
            draft.delete_view(index, 0, lead)
            draft.delete_view(index, trail, len(text))
            changed = True
            continue
        last = words[-1].group(0).lower().strip(QUOTE_CHARS + ",;:")
        if len(words) > 1 and last in DANGLING_END:
            draft.delete_view(index, words[-2].end(), len(text))
            changed = True
            continue
        first = words[0].group(0).lower().strip(",;:")
        if len(words) > 1 and first in DANGLING_START:
            draft.delete_view(index, 0, words[1].start())
            changed = True
            continue
        return changed


_OPENERS = {"(": ")", "[": "]", "\u201c": "\u201d", "\u2018": "\u2019", "``": "''"}


def _balance(draft: _Draft) -> bool:
    """Delete quote marks and brackets left without their partner."""
    text, index = draft.view()
    unmatched: list[int] = []
    stack: list[tuple[str, int]] = []
    for match in re.finditer(r"``|''|[()\[\]\u201c\u201d\u2018\u2019\"']", text):
        mark, at = match.group(0), match.start()
        before = text[at - 1] if at > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if mark in ("'", "\u2019") and (before.isalnum() and (after.isalnum() or mark == "\u2019" and after.isalpha())
                                         or re.match(r"s\b", text[match.end():])):
            continue  # an apostrophe: "it's", "Kilmarnock\u2019s", "Corp.'s"
        if mark in ("'", "\u2019") and before in "sS" and not any(m in ("'", "\u2018") for m, _ in stack):
            continue  # a plural possessive: "the players' union"
        if mark == '"':
            if stack and stack[-1][0] == '"':
                stack.pop()
            else:
                stack.append((mark, at))
            continue
        if mark == "'" and (before.isspace() or before in "(["):
            stack.append((mark, at))
            continue
        if mark in _OPENERS:
            stack.append((mark, at))
            continue
        closer_of = {")": "(", "]": "[", "\u201d": "\u201c", "\u2019": "\u2018", "''": "``", "'": "'"}
        opener = closer_of.get(mark)
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == opener or (mark == "\u2019" and stack[k][0] == "'") or (mark == "'" and stack[k][0] == "\u2018"):
                del stack[k:]
                break
        else:
            unmatched.append(at)
            unmatched.append(match.end())
            continue
    spans = [(at, at + len(mark)) for mark, at in stack]
    spans += [(unmatched[i], unmatched[i + 1]) for i in range(0, len(unmatched), 2)]
    for a, b in spans:
        draft.delete_view(index, a, b)
    return bool(spans)


def _is_name_word(word: str) -> bool:
    return word[:1].isupper()


def _shorten(draft: _Draft) -> None:
    """Cut a long headline at the last phrase boundary that keeps enough of it."""
    text, index = draft.view()
    words = list(re.finditer(r"\S+", text))
    if len(words) <= MAX_HEADLINE_WORDS:
        return
    cut = _cut_point([w.group(0) for w in words])
    if cut is not None:
        draft.delete_view(index, words[cut - 1].end(), len(text))


def _cut_point(words: list[str]) -> int | None:
    """The number of words to keep: the last boundary within the limit, strongest
    kind first; None keeps them all (no boundary and not much over the limit)."""

    def is_boundary(k: int, tier: int) -> bool:
        previous, following = words[k - 1], words[k]
        if not any(looks_like_verb(w) for w in words[:k]):
            return False  # the cut would leave no verb: "Donna Lane, mother of ..."
        if tier == 0:
            if previous[-1:] == "," and _DATE_COMMA.match(f"{previous} {following}"):
                return False  # the comma inside a date a headline mentions: "due March 1, 2011"
            return previous[-1:] in ",;:" or following in ("\u2013", "\u2014", "-", "--")
        if following.lower() not in CUT_BEFORE[tier - 1]:
            return False
        if previous.lower() in ("such", "as", "so", "rather", "well") or following.lower() == "as" and words[k + 1:k + 2] == ["well"]:
            return False  # "such as", "as well as"
        if (tier == 3 or following.lower() == "that") and looks_like_verb(previous):
            return False  # a verb's complement: "aimed at", "said that"
        after = words[k + 1:k + 3]
        # Not inside a name: "Iraq and the Levant", "Reach for the Sky".
        return not (_is_name_word(previous) and any(_is_name_word(w) for w in after))

    def last_boundary(limit: int, tier: int, shortest: int) -> int | None:
        found = [k for k in range(shortest, min(limit, len(words) - 1) + 1) if is_boundary(k, tier)]
        return found[-1] if found else None

    # Punctuation first, a little over the limit if need be; then whole if not much
    # over; then conjunctions and prepositions; then anything within the hard limit.
    plan = [(MAX_HEADLINE_WORDS, 0, 8), (HARD_MAX_HEADLINE_WORDS, 0, 8), None]
    plan += [(MAX_HEADLINE_WORDS, tier, 8) for tier in range(1, len(CUT_BEFORE) + 1)]
    plan += [(HARD_MAX_HEADLINE_WORDS, tier, MIN_CUT_HEADLINE_WORDS) for tier in range(len(CUT_BEFORE) + 1)]
    for step in plan:
        if step is None:
            if len(words) <= LONG_HEADLINE_WORDS:
                return None  # a little long, but whole rather than cut at a weak boundary
            continue
        k = last_boundary(*step)
        if k is not None:
            return k
    k = MAX_HEADLINE_WORDS
    while k > MIN_CUT_HEADLINE_WORDS and _is_name_word(words[k]) and _is_name_word(words[k - 1]):
        k -= 1
    return k






def _tidy(text: str) -> str:
    """Spacing around punctuation left by deletions (only spaces are removed)."""
    text = re.sub(r"\s+([,;:.!?])", r"\1", text)
    text = re.sub(r"([(\[\u201c\u2018])\s+", r"\1", text)
    text = re.sub(r"\s+([)\]\u201d])", r"\1", text)
    text = re.sub(r",(?=[,;:])|(?<=[;:]),", "", text)
    text = re.sub(r"[,.](['\u2019\u201d\"]|'')$", r"\1", text)  # "... policies of war,''"
    abbreviation = re.search(r"\b(?:[A-Za-z]\.){2,}$", text)  # "U.S." keeps its period
    text = text.strip(_EDGE_PUNCT + "!?")
    if abbreviation and not text.endswith("."):
        text += "."
    return text
