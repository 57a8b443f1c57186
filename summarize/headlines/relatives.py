"""Step 2 of a headline, for a date inside a relative clause: the clause is kept,
with its antecedent, and the rest of the sentence goes ("Bader, who lost his legs in
1931, ..." -> "Bader lost his legs"; "the devastating earthquake that hit the country
Saturday" -> "The devastating earthquake hit the country").
"""

from __future__ import annotations

import re

from ..lexicon import DETERMINERS, NAME_TITLES, NOT_ANTECEDENTS, NUMBER_WORDS, OBJECT_RELATIVE_STARTS, looks_like_verb
from .draft import Draft

RELATIVE_OPENING = re.compile(r"[,(\u2013\u2014\-\s]+(who|whom|which|where|whose)\s+", re.IGNORECASE)


def keep_relative_clause(draft: Draft, sentence: str, clause_start: int, relative: tuple[int, int]) -> None:
    """Keep a relative clause that holds the date, with its antecedent ("Bader, who
    lost his legs in 1931" -> "Bader lost his legs"): delete the rest of the clause
    and the comma and pronoun in between."""
    rel_start, rel_end = relative
    pronoun = RELATIVE_OPENING.match(sentence[rel_start:])
    if pronoun is None:
        return
    word = pronoun.group(1).lower()
    content = rel_start + pronoun.end()
    antecedent = antecedent_start(sentence, clause_start, rel_start) if word != "where" else None
    next_word = re.match(r"[\w'\u2019\-]+", sentence[content:])
    if (
        word in ("which", "whom", "who")
        and next_word
        and (next_word.group(0).lower() in OBJECT_RELATIVE_STARTS or next_word.group(0)[:1].isupper())
    ):
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


def keep_restrictive_relative(draft: Draft, sentence: str, clause_start: int, clause_end: int, start: int) -> None:
    """ "the devastating earthquake that hit the country Saturday": a date in a
    relative clause without commas dates that clause, kept with its antecedent
    ("The devastating earthquake hit the country"). "said that ..." is no relative."""
    matches = [
        m
        for m in _RESTRICTIVE.finditer(sentence, clause_start, start)
        if not re.search(r"[,;:]", sentence[m.end() : start])
    ]
    if not matches:
        return
    pronoun = matches[-1]
    before = re.search(r"(\S+)\s*$", sentence[clause_start : pronoun.start()])
    if not before or looks_like_verb(before.group(1)) or before.group(1).lower() in NOT_ANTECEDENTS:
        return
    content = sentence[pronoun.end() : start].split()
    if len(content) > MAX_RELATIVE_WORDS:
        return
    first = content[1] if len(content) > 1 and content[0].endswith("ly") else (content[0] if content else "")
    if not looks_like_verb(first):
        return  # "the man that police arrested", "told X that Shannon had": left alone
    antecedent = antecedent_start(sentence, clause_start, pronoun.start())
    if antecedent is None:
        return
    end_of_relative = re.search(r"[,;:]", sentence[start:clause_end])
    draft.delete(clause_start, antecedent[0])
    draft.delete(antecedent[1], pronoun.end())
    if end_of_relative:
        draft.delete(start + end_of_relative.start(), len(sentence))


def antecedent_start(sentence: str, clause_start: int, rel_start: int) -> tuple[int, int] | None:
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
            if (
                word[:1].isupper()
                or word.lower().rstrip(".") in NAME_TITLES
                or (
                    word in ("of", "de", "bin", "al", "van", "von", "and", "&")
                    and first - 1 > 0
                    and words[first - 2].group(0)[:1].isupper()
                )
            ):
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
        if word.lower() in DETERMINERS or (re.search(r"['\u2019]s$", word) and back < len(words) - 1):
            # "the store", "Sydney's current flagship store"
            if word.lower() not in DETERMINERS:
                while back > 0 and words[back - 1].group(0)[:1].isupper():
                    back -= 1
                if back > 0 and words[back - 1].group(0).lower() in DETERMINERS:
                    back -= 1  # "The Brigade's first manifesto"
            return clause_start + words[back].start(), end
    return None
