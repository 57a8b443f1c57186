"""Step 2 of a headline: asides, deleted.

Parentheticals, dash pairs, ages, appositives, captions, "including" lists,
participle phrases, nicknames, non-restrictive relative clauses and mid-sentence
attributions (``ASIDES``), and a wire dateline opening the clause. A date *inside* a
relative clause dates that clause, which is kept with its antecedent instead
(``relatives.py``); a date inside an "attribution" aside dates a statement (the
events skip it: ``aside_kind``).

``compress(sentence)`` reuses this step for summaries: it deletes only the dash-pair
and parenthetical asides of a sentence (``COMPRESSIBLE_ASIDES``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..inputs.datelines import dateline_end
from ..lexicon import DANGLING_END, HEDGING_VERBS, looks_like_verb
from .attribution import ADDRESSEE, NO_COMMA, SAYING, SETTING, SUBJECT
from .draft import Draft
from .relatives import RELATIVE_OPENING, antecedent_start, keep_relative_clause, keep_restrictive_relative

# Asides, found on the whole sentence: (kind, pattern), the aside being the
# group "aside" if the pattern has one, else the whole match; before them, a wire
# dateline opening the clause is a "dateline" aside (``datelines.FORMS``). An aside
# is deleted; a "relative" aside holding the date is kept with its antecedent
# instead, and a date inside an "attribution" aside dates a statement (the events
# skip it).
ASIDES = [
    ("paren", re.compile(r"\s*\([^()]*\)|\s*\[[^\[\]]*\]")),
    (
        "dash",
        re.compile(
            r"\s+(?:[\u2013\u2014]|--?)\s+[^\u2013\u2014]+?\s+(?:[\u2013\u2014]|--?)(?=\s)|\s+_\s+[^_]+?\s+_(?=\s)"
        ),
    ),
    ("dash-end", re.compile(r"\s+(?:[\u2013\u2014]|--?)\s+[^\u2013\u2014]+$")),
    ("relative", re.compile(r",\s+(?:who|whom|which|where|whose)\s+" + NO_COMMA + r"(?:,|(?=[;:])|$)", re.IGNORECASE)),
    ("age", re.compile(r",\s+(?:aged\s+)?\d{1,3},|(?:\b[A-Z][\w'\u2019\-]*)(?P<aside>,\s+\d{1,3})$")),
    (
        "appositive",
        re.compile(
            r"(?:\b[A-Z][\w'\u2019.\-]*|\w+-[A-Z][\w\-]*)(?P<aside>,\s+(?:a|an|the)\s+[a-z]" + NO_COMMA + r"(?:,|$))"
        ),
    ),
    ("caption", re.compile(r",\s+(?:pictured|seen|shown)\b" + NO_COMMA + r"(?:,|$)", re.IGNORECASE)),
    ("including", re.compile(r"(?:,|\s+but\s+also)\s+(?:including|such as|among them)\s+" + NO_COMMA + r",")),
    (
        "participle",
        re.compile(
            r",\s+(?:[a-z]+ed|born|built|made|held|known|seen|taken|written|given|shot|hit|won|lost|sold|bought|set)\s+(?:in|on|at|by|during|last|earlier|from|since)\b"
            + NO_COMMA
            + r","
        ),
    ),
    ("naming", re.compile(r",\s+(?:dubbed|nicknamed|known as|also known as|called|named|aged)\s+" + NO_COMMA + r",")),
    (
        "attribution",
        re.compile(
            r"(?:(?<=,['\u2019\u201d\"])|,)\s+(?:(?i:according to)\s+"
            + NO_COMMA
            + rf"|{SUBJECT}(?:{SAYING}|{'|'.join(HEDGING_VERBS)}){ADDRESSEE}{SETTING}(?:\s+[\w.]+){{0,2}}?|(?:{SAYING})\s+(?:[\w'\u2019.\-]+\s*){{1,5}}?)\s*(?:,|$)"
        ),
    ),
    ("attribution", re.compile(r"^(?i:according to)\s+" + NO_COMMA + r",\s*")),
]


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
            # A dash-end that starts inside a dash pair (at the space before its closing
            # dash, y - 1 being that dash) is the pair's closing dash; one that starts
            # right after the pair is an aside of its own: "passed the bill _ 52 votes
            # to 48 _ -- a victory for the president".
            if kind == "dash-end" and any(k == "dash" and x <= a <= y - 1 for k, x, y in found):
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
    draft = Draft(sentence)
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


def delete_asides(
    draft: Draft, sentence: str, span: tuple[int, int], other_spans: Sequence[tuple[int, int]], clause: tuple[int, int]
) -> None:
    """Step 2 of the headline of the date at ``span``: delete the asides of its
    clause, except the date's own aside (cut with the date, or kept when it tells the
    happening: "(UN troops withdrew on May 3)"); a relative clause or participle phrase
    holding the date is kept with its antecedent instead ("That resolution, passed in
    1978, calls for ..." -> "That resolution passed")."""
    start, end = span
    clause_start, clause_end = clause
    relative = None
    date_ends = {end} | {e for _, e in other_spans}
    for kind, aside_start, aside_end in asides(sentence, clause_start, clause_end):
        if kind == "appositive" and len(sentence[:aside_start].rstrip()) in date_ends:
            continue  # "In March, an independent investigation ...": a date, not a name
        if aside_start <= start and end <= aside_end:
            if kind == "relative" or (
                kind in ("dash", "dash-end", "paren") and RELATIVE_OPENING.match(sentence, aside_start)
            ):
                relative = (aside_start, aside_end)
                continue
            if kind == "participle":
                # "That resolution, passed in 1978, calls for ...": "That resolution passed"
                antecedent = antecedent_start(sentence, clause_start, aside_start)
                if antecedent is not None:
                    draft.delete(clause_start, antecedent[0])
                    draft.delete(antecedent[1], aside_start + 1)
                    draft.delete(aside_end - 1, len(sentence))
                    continue
            if len(_words_outside(sentence, aside_start, aside_end, start, end)) >= 3 and kind in (
                "paren",
                "dash",
                "dash-end",
            ):
                # The date's own aside tells its happening, without its brackets:
                # "(UN troops withdrew on May 3)" is "UN troops withdrew".
                opening = (
                    aside_start
                    + 1
                    + len(sentence[aside_start:aside_end])
                    - len(sentence[aside_start:aside_end].lstrip())
                )
                draft.delete(clause_start, opening if kind == "paren" else aside_start)
                draft.delete(aside_end - 1 if kind == "paren" else aside_end, clause_end)
                continue
        straddles = aside_start < start < aside_end or aside_start < end < aside_end
        if straddles and (
            kind not in ("dash", "paren") or len(_words_outside(sentence, aside_start, aside_end, start, end)) >= 3
        ):
            continue  # the date's own aside, cut below with the date
        # Else a dash or paren aside the date straddles goes whole:
        # "On the night of the break – August 30, 1942 – the prisoners ..."
        if kind == "including" and not sentence[aside_start:].lstrip().startswith("but"):
            following = re.match(r"\s*(\S+)", sentence[aside_end:])
            if following and not looks_like_verb(following.group(1)):
                continue  # ", including a trip to Dubai, United Arab Emirates, ...": no aside to cut
        if kind == "attribution" and sentence[aside_end - 1 : aside_end] == ",":
            following = re.match(r"\s*(\S+)", sentence[aside_end:])
            if following and not looks_like_verb(following.group(1)):
                aside_end -= 1  # "... pace, the government reported, evidence that ...": one comma stays
        draft.delete(aside_start, aside_end)
    if relative is not None:
        keep_relative_clause(draft, sentence, clause_start, relative)
    else:
        keep_restrictive_relative(draft, sentence, clause_start, clause_end, start)
