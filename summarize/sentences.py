"""Stage 2: sentence splitting with character offsets.

A rule-based splitter tuned for news: it keeps abbreviations ("Lt. Gen.", "U.S.",
"Jan. 5"), initials ("George W. Bush"), decimals and quoted sentences together, and
treats blank lines as hard boundaries (headlines, bylines and paragraphs).

Web news also runs photo captions into the text with no end punctuation ("... his
eyes shut The Spanish midfielder appears to ..."). Such run-ons are split where a
new sentence plainly starts without a period: a capitalised pronoun or connective
after a lower-case word, or "The"/"A"/"An" plus a lower-case word (not a title such
as "The Times") after a word; a capitalised pronoun cannot continue a sentence.
"""

from __future__ import annotations

import bisect
import re

from .models import Sentence

# Words that end with a period but do not end a sentence when followed by a capital.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rev hon gov sen rep pres gen lt col maj capt cmdr
    adm sgt cpl pvt gens sens reps supt insp det atty
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols fig figs p pp ed eds est approx dept univ assn bros corp inc ltd co
    vs etc al e.g i.e a.m p.m u.s u.k u.n u.s.a d.c e.u
    ariz calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

# Abbreviations that may legitimately end a sentence ("... in the U.S. The next day").
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "inc", "ltd", "co"})

# Longer than any sentence of news (the longest of the CNN/Daily Mail dev set has
# 1,040 characters): a passage past this with no sentence end (a 5 MB line, a list
# run together) is read in pieces, so no stage meets a "sentence" of megabytes
# holding thousands of dates.
MAX_SENTENCE_CHARS = 2_000

# The start of what follows a full stop: the next word or mark, after any spaces.
_NEXT_WORD = re.compile(r"\s*(\S{1,40})")
_CANDIDATE = re.compile(r"""[.!?]+['"\u201d\u2019)\]]*(?=\s)""")
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")


def _is_boundary(text: str, dot: int, after: int, end: int) -> bool:
    """Decide whether the punctuation ending at ``after`` ends a sentence of the
    paragraph ending at ``end``.

    Only a few characters after ``after`` are read: a copy of the rest of the
    paragraph per full stop made a text of 200,000 short sentences quadratic.
    """
    next_word = _NEXT_WORD.match(text, after, end)
    following = next_word.group(1) if next_word else ""
    if not following:
        return True
    first = following[0]
    if text[dot] != ".":
        # "!" and "?" end a sentence unless the next word continues in lower case
        # ("'Why?' he asked").
        return not first.islower()
    if first.islower() or first.isdigit() or first in ",;:":
        return False
    match = _WORD_BEFORE.search(text, max(0, dot - 30), dot + 1)
    word = match.group(1).lower().rstrip(".") if match else ""
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "George W. Bush"
    if word in ABBREVIATIONS and word not in SENTENCE_FINAL_ABBREVIATIONS:
        return False
    if word in ("a.m", "p.m"):
        # "at 7:30 p.m. Jordan was reported missing" ends; "5 p.m. EST Friday" and
        # "9 a.m. Monday" go on: a clock time is followed by its zone or day.
        next_word = re.match(r"[A-Za-z]+", following)
        return not (next_word and next_word.group(0).lower().rstrip(".") in _AFTER_CLOCK_TIME)
    if word in SENTENCE_FINAL_ABBREVIATIONS:
        # "the U.S. Army" continues; "the U.S. The" is judged by the next word's role,
        # which plain rules cannot know: treat common sentence openers as a boundary.
        next_word = re.match(r"[A-Za-z']+", following)
        return next_word is not None and next_word.group(0) in _SENTENCE_OPENERS
    return True


# Words that may follow "a.m."/"p.m." inside a sentence: time zones, days and months.
_AFTER_CLOCK_TIME = frozenset(
    """est edt et cst cdt ct mst mdt mt pst pdt pt gmt bst cet cest utc local eastern central
    mountain pacific today tomorrow tonight yesterday monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec""".split()
)

_SENTENCE_OPENERS = frozenset(
    "The A An In On At It He She They We I But And Yet So This That These Those There "
    "His Her Their Its Our After Before When While As If Although Meanwhile However".split()
)


# A run-on boundary: the whitespace between the end of one unpunctuated sentence
# and the start of the next. The look-behind wants the previous word to end like a
# sentence body (lower case, digit, closing bracket or quote).
_RUN_ON = re.compile(
    r"""(?<=[a-z0-9%)\]'"\u2019\u201d])\s+(?="""
    r"""(?:The|A|An)\s+[a-z]"""  # "The harrowing video", not "The Times"
    r"""|(?:He|She|They|We|It|His|Her|Their|Its|This|That|These|Those|There|But|However|Meanwhile)\s)"""
)
# The word before a run-on boundary: a pronoun opener must follow a lower-case word,
# so "How Did We Get Here?" (a title) stays whole.
_PREVIOUS_WORD = re.compile(r"(\S+)$")
_PRONOUN_OPENERS = frozenset(
    "He She They We It His Her Their Its This That These Those There But However Meanwhile".split()
)
# Web boilerplate glued to the first sentence.
_BOILERPLATE = re.compile(r"(?i)scroll down for (?:video|more)\b")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, each with its exact span in ``text``."""
    sentences: list[Sentence] = []
    for para_start, para_end in _paragraphs(text):
        start = para_start
        for match in _CANDIDATE.finditer(text, para_start, para_end):
            if _is_boundary(text, match.start(), match.end(), para_end):
                _append_run_ons(sentences, text, start, match.end())
                start = match.end()
        _append_run_ons(sentences, text, start, para_end)
    return sentences


def _append_run_ons(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Append the span, split where unpunctuated sentences (captions) run together."""
    cuts = []
    for match in _BOILERPLATE.finditer(text, start, end):
        cuts.append(match.end())
    for match in _RUN_ON.finditer(text, start, end):
        following = text[match.end() : match.end() + 12].split(None, 1)[0]
        if following in _PRONOUN_OPENERS:
            # The word before, read backwards a little way: a search from the
            # sentence start would re-read a long run-on for every opener in it.
            previous = _PREVIOUS_WORD.search(text, max(start, match.start() - 40), match.start())
            word = previous.group(1).lstrip("\"'(\u2018\u201c") if previous else ""
            if not word or not (word[0].islower() or word[0].isdigit()):
                continue
        cuts.append(match.start())
    for cut in sorted(set(cuts)):
        _append(sentences, text, start, cut)
        start = cut
    _append(sentences, text, start, end)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _piece_end(text, start)
        piece = text[start:cut].rstrip()
        sentences.append(Sentence(piece, start, start + len(piece), cut=True))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(text[start:end], start, end))


def _piece_end(text: str, start: int) -> int:
    """Where to cut a passage too long to be a sentence: at its last space in the
    second half of ``MAX_SENTENCE_CHARS``, else (a 'word' of thousands of letters)
    at the limit itself."""
    limit = start + MAX_SENTENCE_CHARS
    space = max(
        text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit),
        text.rfind("\n", start + MAX_SENTENCE_CHARS // 2, limit),
    )
    return space if space > start else limit


def overlong_passages(sentences: list[Sentence]) -> int:
    """How many passages ``split_sentences`` cut into pieces (for a note: a cut is
    never silent)."""
    return sum(1 for i, sentence in enumerate(sentences) if sentence.cut and (i == 0 or not sentences[i - 1].cut))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence whose span contains ``offset``; ``sentences`` in text order, as
    ``split_sentences`` gives them (a binary search: an article of thousands of
    dated sentences asks once per date)."""
    index = bisect.bisect_right(sentences, offset, key=lambda sentence: sentence.start) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None
