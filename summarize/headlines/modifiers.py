"""Years that name a thing rather than date a clause.

"the 2024 race", "her 2008 campaign", "his 1999 album", "2013's Saving Mr Banks",
"fourth-quarter earnings": a date that premodifies a noun says which race or album
it is. The headline steps keep it in the words (or make the noun phrase the
headline: "the 2003 invasion of Iraq"), and the events do not date the clause by it.
"""

from __future__ import annotations

import re

from ..lexicon import DANGLING_END, NOUN_PHRASE_STOP, NOUNS_THAT_LOOK_LIKE_VERBS, QUOTE_CHARS, looks_like_verb
from ..temporal.vocabulary import WORK_NOUNS

# Any case: a sentence opens "Her 2008 campaign ..." as well as "The 2003 invasion ...".
_PREMODIFIER_BEFORE = re.compile(r"\b(?i:the|an?|his|her|its|their|our|this|that|whose)\s+$")


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
    re.IGNORECASE,
)
# A possessive name before a year: "Caillebotte's 1877 A Boating Party", "Labour's 2015 campaign".
_POSSESSIVE_NAME_BEFORE = re.compile(r"\b[A-Z][\w.\-]*['\u2019]s?\s+$")
# A determiner or possessive before a year, with up to two adjectives between: "the
# 2024 race", "their disastrous 2014 World Cup".
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?i:the|a|an|his|her|its|their|our|my|your|this|that|whose)\s+(?:[a-z][\w\-]*\s+){0,2}$"
    r"|\b[A-Z][\w.\-]*['\u2019]s?\s+$"
)


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
    # counted in words, not characters: "the 2004 Sandler and" at the end of a hard-wrapped
    # line, the work noun after a run of indentation
    words = re.findall(r"\S+", sentence[end:])
    for i, word in enumerate(words[:7]):
        bare = word.lower().strip(QUOTE_CHARS + ",;:.!?()")
        if bare in WORK_NOUNS:
            return True
        if bare == "and" and i + 1 < len(words) and words[i + 1][:1].isupper():
            continue  # "the 2013 Tom Hanks and Emma Thompson hit"
        if (
            bare in NOUN_PHRASE_STOP
            or not bare
            or (looks_like_verb(word) and bare not in NOUNS_THAT_LOOK_LIKE_VERBS)
            or re.search(r"[,;:.!?)\u2013\u2014]$", word)
        ):
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
    return (
        bare not in NOUN_PHRASE_STOP
        and bare not in DANGLING_END
        and (not looks_like_verb(word) or bare in NOUNS_THAT_LOOK_LIKE_VERBS)
        and not word.isdigit()
    )


def premodified_noun_phrase(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the noun phrase a bare year premodifies ("the 2003 invasion of
    Iraq", "2013's Saving Mr Banks"), if it has two words or more."""
    if not re.fullmatch(r"\d{4}", sentence[start:end]):
        return None
    possessive = re.match(r"['\u2019]s\s+", sentence[end:])
    if not possessive and not _PREMODIFIER_BEFORE.search(sentence[:start]):
        return None
    phrase_start = end + (possessive.end() if possessive else len(sentence[end:]) - len(sentence[end:].lstrip()))
    words: list[re.Match[str]] = []
    for match in re.finditer(r"[^\s]+", sentence[phrase_start:]):
        word = match.group(0)
        bare = word.lower().strip(QUOTE_CHARS + ",;:.!?()")
        if len(words) == 1 and bare in ("which", "that", "who"):
            relative = re.match(r"[^,;:.!?\u2013\u2014]+", sentence[phrase_start + match.start() :])
            # "a 1971 Convention which gives Libya the right": the noun and its clause
            return phrase_start, phrase_start + match.start() + len(relative.group(0).rstrip() if relative else "")
        if (
            bare in NOUN_PHRASE_STOP
            or (looks_like_verb(word) and bare not in NOUNS_THAT_LOOK_LIKE_VERBS)
            or not bare
            or len(words) >= 10
            or word in ("-", "--", "_")
        ):
            break
        words.append(match)
        if re.search(r"[,;:.!?)\u2013\u2014]['\u2019\u201d\"]?$", word):
            break
    if words and not words[0].group(0)[:1].isalpha():
        return None
    while words and words[-1].group(0).lower().strip(",;:.") in DANGLING_END:
        words.pop()
    while (
        len(words) > 1
        and words[-1].group(0)[:1].isupper()
        and words[-2].group(0)[:1].islower()
        and words[-2].group(0) not in ("of", "at", "in", "on", "for", "by", "to", "and")
    ):
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
    if (
        not following
        or following.group(1) in NOUN_PHRASE_STOP
        or following.group(1) in DANGLING_END
        or looks_like_verb(following.group(1))
    ):
        return False
    return "-" in sentence[start:end] or bool(_PREMODIFIER_BEFORE.search(sentence[:start]))
