"""Word lists of the events and headlines layer: one table per concept.

What ``temporal/vocabulary.py`` is for time words, this is for the words around
them: the verbs of saying that make a date a reporting date (``events/``), the words
a headline may not end on, the words a long headline is cut before
(``headlines/``). The patterns that use them are built where they are used, from
these tables, so a word is added here once and every rule that needs it sees it.

Words are lower case. Where two lists of the same kind differ, each is named for
what it is for (``DETERMINERS`` and ``DETERMINERS_AFTER_TO``; ``DATE_SIGNALS`` and
``EXTENT_SIGNALS``): they are not one list, and merging them would change what the
rules do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the tagger imports this module
    from .temporal.timex import Extent

# Quotation marks a word may carry at its edges ("``Yes''", "'set'"): stripped
# before a word is looked up.
QUOTE_CHARS = "\"'\u2018\u2019\u201c\u201d`"

# Verbs of saying. An attribution with one of them is deleted from a headline
# ("X said (that) ...", "..., X said"); a date next to one dates the statement,
# not a happening (``events/``). The order is the order of the regex alternation.
SAYING_VERBS = (
    "said",
    "says",
    "say",
    "told",
    "added",
    "stated",
    "reported",
    "noted",
    "explained",
    "explains",
    "wrote",
    "writes",
    "tweeted",
    "commented",
    "remarked",
    "recalled",
    "recalls",
    "testified",
)
# Verbs that hedge what follows: they date the statement too, but are kept in a
# headline, since without them a claim would read as a fact.
HEDGING_VERBS = (
    "claimed",
    "claims",
    "alleged",
    "alleges",
    "insisted",
    "insists",
    "argued",
    "argues",
    "warned",
    "warns",
    "believes",
    "believed",
    "suggested",
    "suggests",
    "conceded",
    "admitted",
    "admits",
    "denied",
    "denies",
)
# Verbs of announcing: an announcement is a happening (events keep its date), but
# a trailing ", X announced" is still deleted, so the headline is what was announced.
ANNOUNCING_VERBS = ("announced", "confirmed", "revealed", "disclosed", "unveiled")
# Every verb whose date dates a statement rather than a happening: "officials said
# Sunday", "told CNN on Tuesday", "in an op-ed published Wednesday".
REPORTING_VERBS = SAYING_VERBS + HEDGING_VERBS + ("declared", "reports", "tells", "published")

# Verb forms that the "-ed" rule of ``looks_like_verb`` misses: auxiliaries,
# irregular pasts, common present forms, and the "-ed" pasts of four letters or fewer
# that the rule leaves out so as not to take "red" or "bed" ("The actor died at home").
VERB_FORMS = frozenset(
    """is are was were be been being am has have had will would can could shall should may might
    must do does did said says told went goes took takes made makes came comes saw got gets gave
    won left met began ran fell held led lost paid put set shot struck sent spent stood kept
    brought bought caught fought found became beat broke chose drove flew grew knew rose sold
    spoke threw wore wrote hit quit let cut hurt split spread sank sought taught thought built
    dies die believe believes think thinks hope hopes want wants heard rode felt sat fled ate drew
    hid hung laid lay lit meant rang sang shook slept slid spun stole swore swept swam tore woke
    wound withdrew overran overtook dealt dug fed knelt leapt lent slew died sued tied owed""".split()
)


def looks_like_verb(word: str) -> bool:
    """Whether ``word`` is probably a verb: one of ``VERB_FORMS``, a regular past
    ("announced"), or a negation ("didn't")."""
    word = word.lower().strip(QUOTE_CHARS + ",;:.()")
    return word in VERB_FORMS or (len(word) > 4 and word.endswith("ed")) or word.endswith("n't")


# Determiners that open a noun phrase: "the company" (two words that tell no
# happening), "the store" (a relative clause's antecedent).
DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
# Determiners that, right after "to", make it a preposition before a noun rather than
# an infinitive before a verb: "agreed to a compromise" is no plan (``temporal/tense.py``).
DETERMINERS_AFTER_TO = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "this", "that"})

# Words that introduce a time expression and are cut from a headline with it
# ("on", "since", "in the run-up to"). The order is the order of the regex
# alternation among words of one length.
DATE_SIGNALS = (
    "on",
    "in",
    "at",
    "by",
    "during",
    "since",
    "from",
    "beginning",
    "starting",
    "as of",
    "until",
    "till",
    "through",
    "throughout",
    "as early as",
    "as late as",
    # the end of a period: "in the week up to September 27", "in the days leading up to the vote"
    "to",
    "up to",
    "leading up to",
    "in the run-up to",
    "before",
    "after",
    "around",
    "about",
    "approximately",
    "nearly",
    "almost",
    "just after",
    "just before",
    "shortly after",
    "shortly before",
    "soon after",
    "late",
    "early",
    "the end of",
    "the start of",
    "the beginning of",
    "the middle of",
    "the rest of",
    "part of",
    "at the end of",
    "at the start of",
    "at the beginning of",
    "by the end of",
    "in the middle of",
    "for",
    "of",
    "this coming",
    "between",
    "due",
    "due on",
    # the end of a reporting period: "net income for the six months ended Oct. 1"
    "ended",
    "ending",
    "that ended",
    "which ended",
)
# Words before a time expression that make its event run on from that time
# ("onward": "since June 9") or up to it ("until": "until Friday"): the event's extent.
EXTENT_SIGNALS: dict[str, Extent] = {
    "since": "onward",
    "from": "onward",
    "beginning": "onward",
    "starting": "onward",
    "as of": "onward",
    "until": "until",
    "till": "until",
}

# Ranges: two dates of a sentence joined by a connective make one event from the
# first to the second. Each row: the word right before the first date (None: any
# or none), and the words that may stand between the two dates. "to" and "and" only
# join a range after "from" and "between" ("in 2010 and 2013" is two dates).
RANGE_CONNECTIVES = (
    ("from", ("to", "until", "till", "through", "thru")),
    ("between", ("and",)),
    (None, ("through", "thru")),
    (None, ("-", "\u2013", "\u2014")),
)

# Function words that cannot end a headline ("... met with") or begin one ("And").
DANGLING_END = frozenset(
    """and or but nor so yet the a an of to in on at by for from with as that which who whom whose
    when where while than because since after before until if is are was were his her their
    its our my your this these those said says told according into onto between
    including like per via now just then he she they we i due""".split()
)
DANGLING_START = frozenset("and or but nor so yet also then which who whom".split())

# Where a long headline may be cut, strongest first: before these words
# (tier 1, 2, 3; tier 0 is punctuation).
CUT_BEFORE = [
    frozenset(
        "while whereas when after before because since although though as amid despite "
        "following which who where until unless whether that".split()
    ),
    frozenset("and but so".split()),
    frozenset("with in on at for from by over into during near under against without through about including".split()),
]

# Words that end the noun phrase a year premodifies ("the 2003 invasion of Iraq"
# ends before "that", "with", "and" ...).
NOUN_PHRASE_STOP = frozenset(
    """that which who whom whose when where while because although though as after before since
    until if than but or nor so yet to with from into during against and""".split()
)
# Words that are verbs elsewhere but nouns after a year: "the 2013 hit", "a 1999 cut".
NOUNS_THAT_LOOK_LIKE_VERBS = frozenset("hit set cut split spread release record".split())
# Auxiliaries that a clause cut from the middle of a sentence shares with its subject:
# "Martin was sentenced ... and fined $214" -> "Martin was fined $214".
AUXILIARIES = frozenset("was were is are has have had will would".split())

# Words a name is made of besides capitalized ones: "Bank of England", "Ludwig van
# Beethoven". A headline of only these and capitalized words is a bare name.
NAME_PARTICLES = frozenset("of de del della di da van von der den bin al le la du y and &".split())
# Titles before a name: "Mr Goodwin", "President Obama".
NAME_TITLES = frozenset("mr mrs ms dr sir lord lady president king queen prince princess".split())
# The word of a fixture between two names: "LEICESTER V LONDON WELSH" is a match.
FIXTURE_WORDS = frozenset({"v", "v.", "vs", "vs.", "versus"})

# Counting words that may open a relative clause's antecedent: "two car bombings in
# Baghdad that killed ...".
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands several".split())
# Words that open a relative clause whose antecedent is its object: "a treaty, which
# the two presidents signed last May".
OBJECT_RELATIVE_STARTS = frozenset("the a an he she they it we i you his her their its our my police officials".split())
# Words before "that" that make it no relative pronoun: "so that", "the fact that".
NOT_ANTECEDENTS = frozenset("so such now fact sure so that than".split())

# Words that say nothing of a happening: left out when two headlines of one date are
# compared for the words they share (the same happening told twice).
HEADLINE_STOPWORDS = frozenset(
    "the a an of in on at to and or for with by from as was were is are be been has have had".split()
)
