"""Step 1 of a headline: the clause that holds its date.

The sentence is cut at run-on boundaries (a caption glued to a sentence, a
semicolon, a period the sentence splitter kept) and, when it holds other dates, at
clause boundaries and then between the items of a list, so that each date keeps the
happening next to it. A clause cut from the middle keeps the subject it shares
("Mr Goodwin was knighted in 2004 but was stripped of his title in 2012"), and an
opening subordinate clause is kept or dropped by where the date is ("When Cameron
visited the White House in January, he insisted ...").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..lexicon import AUXILIARIES, DATE_SIGNALS, looks_like_verb
from ..sentences import ABBREVIATIONS
from .asides import asides
from .draft import Draft
from .trimming import CONNECTIVE, SENTENCE_ADVERB

# Where a clause ends. Run-on boundaries: a new sentence glued on without a period (photo captions):
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


def clause_of(
    sentence: str,
    start: int,
    end: int,
    other_spans: Sequence[tuple[int, int]] = (),
    named_spans: Sequence[tuple[int, int]] = (),
) -> tuple[int, int]:
    """The clause around [start, end): cut at run-on boundaries, and at clause
    boundaries when the sentence holds other dates, so each keeps its happening.
    Dates that name a thing (``named_spans``: "the 2013 Barcelona final") part
    clauses ("..., before ...") but not the items of a list: the comma after "The 1984
    nominee, Walter Mondale," is no boundary of happenings."""
    clause_start, clause_end = 0, len(sentence.rstrip(".!?\"'\u201d\u2019 "))
    if re.search(r"\b(?:[A-Za-z]\.)+[A-Za-z]$", sentence[:clause_end]) and sentence[clause_end : clause_end + 1] == ".":
        clause_end += 1  # "... told the U.S."
    clause_end = max(clause_end, end)
    for boundary in _run_on_boundaries(sentence):
        if boundary.end() <= start:
            clause_start = max(clause_start, boundary.end())
        elif boundary.start() >= end:
            clause_end = min(clause_end, boundary.start())
            break
    others = [
        (s, e) for s, e in [*other_spans, *named_spans] if clause_start <= s < clause_end and (s, e) != (start, end)
    ]
    if not others:
        return clause_start, clause_end
    aside_edges = {edge for _, a, b in asides(sentence) for edge in (a, b - 1, b)}
    for boundaries in (CLAUSE_BOUNDARIES, LIST_BOUNDARIES):
        for boundary in boundaries.finditer(sentence):
            if boundary.start() < clause_start or boundary.end() > clause_end:
                continue
            if boundaries is LIST_BOUNDARIES and boundary.start() in aside_edges:
                continue  # the comma of an aside ("Mr Waley-Cohen, pictured in 2014, rode"): no list
            following_word = re.match(r"(?:\w+ly\s+)?(\S*)", sentence[boundary.end() :])  # (always matches)
            following = following_word.group(1) if following_word else ""
            if boundaries is LIST_BOUNDARIES and looks_like_verb(following) and not following.endswith("ing"):
                continue  # "Locke, who returned last summer, had been working": not a list
            # A boundary between this date and another, unless it is all that stands
            # between them ("Thursday and Friday").
            # The cut must leave the date some words of its own.
            if (
                boundary.end() <= start
                and any(
                    e <= boundary.start()
                    and (_apart(sentence, e, boundary.start()) or _apart(sentence, boundary.end(), start))
                    for s, e in others
                )
                and _has_words(sentence, boundary.end(), clause_end, start, end)
            ):
                clause_start = boundary.end()
            elif (
                boundary.start() >= end
                and any(
                    s >= boundary.end()
                    and (_apart(sentence, end, boundary.start()) or _apart(sentence, boundary.end(), s))
                    for s, e in others
                )
                and _has_words(sentence, clause_start, boundary.start(), start, end)
            ):
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
    words = [
        w
        for w in re.findall(r"[A-Za-z][\w'\u2019\-]*", outside)
        if w.lower() not in DATE_SIGNALS
        and w.lower() not in ("then", "again", "also", "later", "just", "only", "and", "but")
    ]
    return len(words) >= 2


def _apart(sentence: str, a: int, b: int) -> bool:
    """Whether a word stands between two offsets ("Thursday and Friday" are not apart)."""
    return bool(re.search(r"[A-Za-z]{2,}", sentence[a:b]))


_INNER_PERIOD = re.compile(r"(?<=[a-z0-9])([.!?])['\"\u2019\u201d]?\s+(?=[A-Z])")


@functools.lru_cache(maxsize=256)
def _run_on_boundaries(sentence: str) -> tuple[re.Match, ...]:
    """Where a sentence runs on into another: a glued caption, a semicolon, or a
    period the sentence splitter kept (it did not know "70s." ends a sentence)."""
    found = list(RUN_ON_BOUNDARIES.finditer(sentence)) + list(re.finditer(r";\s+", sentence))
    for match in _INNER_PERIOD.finditer(sentence):
        word = re.search(r"(\w+)$", sentence[: match.start()])
        if match.group(1) == "." and word and (len(word.group(1)) < 3 or word.group(1).lower() in ABBREVIATIONS):
            continue
        found.append(match)
    return tuple(sorted(found, key=lambda m: m.start()))


def _shared_subject(sentence: str, clause_start: int) -> tuple[int, int] | None:
    """The subject of the sentence, when the clause at ``clause_start`` (cut from its
    middle) starts with a verb and so shares it: up to six words before the first
    verb, from the start of the sentence or of its run-on part; a clause that opens
    a run-on part shares the part before it ("Shares fell 5% in 2012; rose 10% in
    2013": "Shares rose 10%")."""
    if clause_start == 0:
        return None
    first = re.match(
        r"(?:(?:actually|eventually|finally|later|subsequently|briefly|even|still|quickly|immediately)\s+)?(\S+)",
        sentence[clause_start:],
    )  # "and actually led"
    if not first or not looks_like_verb(first.group(1)):
        return None
    begin = 0
    for boundary in _run_on_boundaries(sentence):
        if boundary.end() < clause_start:
            begin = boundary.end()
    head = sentence[begin:clause_start]
    opening = CONNECTIVE.match(head) or SENTENCE_ADVERB.match(head)
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


_SUBORDINATE_OPENING = re.compile(
    r"^(?:when|after|as|while|before|once|since|although|though|because|if)\s+", re.IGNORECASE
)
# Opening phrases that are not the happening: a participle or a preposition of
# circumstance ("Turning its back on ..., a convention voted ..."). They are deleted
# when the date is not in them.
_CIRCUMSTANCE_OPENING = re.compile(
    r"^(?:[A-Z][a-z]+(?:ed|ing)|Having|Being|With|Without|Despite|Amid|Following|Under|Unlike|Like|Besides|Unusually|Once again)\s+[^,]{0,120},\s+(?=\S)"
)


def leading_subordinate_clause(draft: Draft, sentence: str, start: int) -> None:
    """ "When Cameron visited the White House in January, he insisted ...": a date in
    an opening subordinate clause dates that clause (keep it, without its
    conjunction); a date after it dates the main clause (delete the opening clause)."""
    text, index = draft.view()
    circumstance = _CIRCUMSTANCE_OPENING.match(text)
    if circumstance and not any(i >= 0 and i >= start for i in index[: circumstance.end()] if i >= 0):
        if len(text[circumstance.end() :].split()) >= 3:
            draft.delete_view(index, 0, circumstance.end())
        return
    opening = _SUBORDINATE_OPENING.match(text)
    if not opening:
        return
    comma = text.find(", ", opening.end())
    if comma < 0:
        if len(text[opening.end() :].split()) >= 3:
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


def keep_clause(draft: Draft, sentence: str, clause: tuple[int, int]) -> None:
    """Delete all of the sentence but the clause, and the subject the clause shares
    when it was cut from the middle of the sentence and opens with its verb."""
    clause_start, clause_end = clause
    subject = _shared_subject(sentence, clause_start)
    if subject is not None:
        # "Mr Goodwin was knighted in 2004 but was stripped of his title in 2012":
        # the second clause keeps the subject it shares.
        draft.delete(subject[1], clause_start)
        draft.delete(0, subject[0])
    else:
        draft.delete(0, clause_start)
    draft.delete(clause_end, len(sentence))
