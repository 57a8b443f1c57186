"""Steps 4 and 5 of a headline: what is left at the edges of its clause.

Step 4 deletes attributions ("X said (that)", ", X said", "according to ..."), wire
datelines and credits ("MOSCOW_", "WASHINGTON (AP) --", "(CNN) --": the forms of
``datelines.FORMS``), captions' labels and leading connectives ("Meanwhile,", "And");
step 5 the quotes and brackets the cuts left unbalanced and the function words that
cannot end or begin a headline (``lexicon.DANGLING_END``, ``lexicon.DANGLING_START``).
A deletion that would leave fewer than three words, or no verb where there was one,
is not made.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..inputs.datelines import dateline_end
from ..lexicon import ANNOUNCING_VERBS, DANGLING_END, DANGLING_START, QUOTE_CHARS, looks_like_verb
from .attribution import ADDRESSEE, ADDRESSEE_REQUIRED, SAYING, SETTING, SUBJECT
from .draft import EDGE_PUNCT, Draft

# Step 4: attributions, datelines and connectives at the edges of a clause.
# Connectives and sentence adverbials: "And", "Meanwhile,", "Finally,".
CONNECTIVE = re.compile(
    r"^(?i:and|but|so|or|yet|also|then|still|now|meanwhile|elsewhere|however|instead|separately|"
    r"moreover|furthermore|nevertheless|earlier|later|previously|since then|by then|at the time|"
    r"in addition|in fact|in turn|as a result|for example|for instance)\b\s*,?\s+"
)
SENTENCE_ADVERB = re.compile(r"^\w+ly,\s+")
# Before these, a wire dateline ("MOSCOW_ ", "WASHINGTON (AP) -- ", "(CNN) -- "): see
# ``datelines.FORMS``.
LEADING = [
    # a caption's heading in capitals: "BALL OF THE CENTURY Benaud was on hand ..."
    re.compile(r"^(?:[A-Z][A-Z'\u2019\-]+\s+){2,}(?=[A-Z][a-z])"),
    # a photo caption's label: "Flying high: Half of the kite took to the sky"
    re.compile(r"^[A-Z][\w'\u2019\-]*(?:\s+[\w'\u2019\-]+){0,4}:\s+(?=[A-Z])"),
    # "X said (that)", "X told reporters (that)", "He added: '"
    # ... unless what follows opens with a pronoun that needs it ("X said it would ...").
    re.compile(
        rf"^{SUBJECT}(?:(?!told|tells){SAYING}|(?:told|tells)(?={ADDRESSEE_REQUIRED})){ADDRESSEE}{SETTING}(?:\s+(?:\w+ly|earlier|later|again|also|previously|today))?(?:\s*:\s*|\s+that\s+|\s*,\s+|\s+)(?=\S)(?!(?i:(?:that\s+)?(?:it|he|she|they|we|i|its|his|her|their|this|these))\b)"
    ),
    re.compile(
        rf"^(?i:in\s+an?\s+(?:\w+\s+)?(?:statement|interview|letter|post|tweet|speech|briefing|release)),\s*(?:{SUBJECT}(?:{SAYING})\s+(?:that\s+)?)?"
    ),
    CONNECTIVE,
    SENTENCE_ADVERB,
]
# Subordinators that open a clause cut out of the middle of a sentence.
_LEADING_SUBORDINATOR = re.compile(
    r"^(?:while|whereas|as|when|after|before|although|though|and then|that)\s+", re.IGNORECASE
)
TRAILING = [
    re.compile(
        rf",\s+(?:(?i:according to)\s+[^,;]*|{SUBJECT}(?:{SAYING}){ADDRESSEE}{SETTING}|(?:{SAYING})\s+(?:[\w'\u2019.\-]+\s*){{1,5}}?)\s*$"
    ),
    re.compile(r"\s+(?i:police|officials|authorities|witnesses|sources|residents|he|she|they)\s+(?:said|say|says)$"),
    # "X was charged, the district attorney announced": what was announced is the headline
    re.compile(rf",\s+{SUBJECT}(?:{'|'.join(ANNOUNCING_VERBS)})\s*$"),
    # a coordination left without its date: "The cancer returned [in 2005] and then again"
    re.compile(r",?\s+and\s+(?:then\s+)?again$"),
    # a second reported clause left once its attribution is gone: "... met, but that she told him ..."
    re.compile(r",?\s+(?:but|and)\s+that\s+(?=(?:she|he|they|it|we|i|the|a|an|his|her|their)\b).*$"),
]


def trim_edges(draft: Draft, cut_from_middle: bool) -> None:
    """Attributions, datelines, connectives, dangling words and stray quotes at the edges,
    in passes until one changes nothing. Six at most: no sentence of CNN/DM's 5,950
    needs more than three (a dateline, then a connective, then a dangling word), and a
    bound keeps a pass that reports a change it did not make from looping forever; a
    seventh stacked connective ("However, " seven times) stays."""
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


def _sub_keeping_words(draft: Draft, pattern: re.Pattern) -> bool:
    """Delete the first match of ``pattern`` unless that would leave fewer than three
    words, or no verb where there was one ("reported militants entering al-Qaim")."""
    return _delete_keeping_words(draft, lambda text: (match := pattern.search(text)) and match.span())


def _delete_keeping_words(draft: Draft, find: Callable[[str], tuple[int, int] | None]) -> bool:
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


_ABBREVIATION_END = re.compile(r"\b(?:[A-Za-z]\.){2,}$")


def _strip_dangling(draft: Draft) -> bool:
    """Step 5: punctuation at the edges, and the function words a headline cannot end or
    begin with (``lexicon.DANGLING_END``, ``lexicon.DANGLING_START``)."""
    changed = False
    while True:
        text, index = draft.view()
        words = list(re.finditer(r"\S+", text))
        if not words:
            return changed
        lead = len(text) - len(text.lstrip(EDGE_PUNCT))
        trail = len(text.rstrip(EDGE_PUNCT))
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


def _balance(draft: Draft) -> bool:
    """Delete quote marks and brackets left without their partner."""
    text, index = draft.view()
    unmatched: list[int] = []
    stack: list[tuple[str, int]] = []
    for match in re.finditer(r"``|''|[()\[\]\u201c\u201d\u2018\u2019\"']", text):
        mark, at = match.group(0), match.start()
        before = text[at - 1] if at > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if mark in ("'", "\u2019") and (
            (before.isalnum() and (after.isalnum() or (mark == "\u2019" and after.isalpha())))
            or re.match(r"s\b", text[match.end() :])
        ):
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
            if (
                stack[k][0] == opener
                or (mark == "\u2019" and stack[k][0] == "'")
                or (mark == "'" and stack[k][0] == "\u2018")
            ):
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
