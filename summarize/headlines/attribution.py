"""The parts of an attribution, as regex fragments: who says ("Security officers and
witnesses"), the verb of saying (``lexicon.SAYING_VERBS``), to whom ("told CNN") and
where ("in a statement").

The asides (``asides.ASIDES``: ", X said,") and the edges of a clause
(``trimming.LEADING``/``TRAILING``: "X said that ...", "..., X said") are built from
them, and so are the events' reporting dates ("told reporters on Tuesday").
"""

from __future__ import annotations

from ..lexicon import SAYING_VERBS

# A verb of saying, not the first of two ("said told" is no attribution).
SAYING = "(?:" + "|".join(SAYING_VERBS) + r")\b(?!\s+(?:" + "|".join(SAYING_VERBS) + r")\b)"
# Words that can make an attribution subject of up to six words
# ("Security officers and witnesses said"), but not words that make it a clause
# of its own ("police arrested a man who said").
_SUBJECT_WORD = r"(?!(?i:who|which|that|when|where|if|because|after|before|while|as|not|was|were|had|has|is|are|it)\b)[\w'\u2019.\-]+"
SUBJECT = rf"(?:{_SUBJECT_WORD}\s+){{1,6}}?"
# What may follow a verb of saying inside an attribution: an addressee and a
# setting ("told CNN", "said in a statement", "told reporters at a news conference").
ADDRESSEE = (
    r"(?:(?:(?<=told)|(?<=tells))\s+(?:reporters|journalists|lawmakers|senators|the press|the media|the court|the jury|the committee|the panel|the inquiry|Congress|Parliament|[A-Z]{2,}s?\b(?:\s+[A-Z][\w.\-]*){0,2}"
    r"|(?:the|a|an)\s+(?:news\s+|press\s+)?(?:conference|briefing|newspaper|paper|magazine|website|station|channel|broadcaster|network|agency|BBC)"
    r"|(?:The\s+)?[A-Z][\w.\-]*\s+(?:Post|Times|Press|Journal|News|Telegraph|Guardian|Mail|Herald|Radio|Television|TV)(?:\s+[A-Z][\w.\-]*)?))?"
)
ADDRESSEE_REQUIRED = ADDRESSEE[3:-2].replace("(?:(?<=told)|(?<=tells))", "", 1)
# "at least"/"at most" quantify what follows and are never a setting.
SETTING = r"(?:\s+(?!(?i:at\s+(?:least|most))\b)(?:in|at|on|during|to|via|through|by)\s+(?:[\w'\u2019.\-]+\s*){1,4}?)?"
# Text up to the next comma, but not the comma of a number ("92,000").
NO_COMMA = r"(?:[^,;:]|(?<=\d),(?=\d{3}))*"
