"""Headlines for timeline events, made by deleting words from a sentence.

``make_headline(sentence, span, other_spans)`` keeps the happening that the time
expression at ``span`` dates and deletes the rest. It never adds, reorders or
rewords a word (only the first letter is capitalized), so a headline cannot say
what the article did not. The steps, one file each (``making.py`` runs them):

1. the clause (``clauses.py``): the sentence is cut at run-on boundaries (captions
   glued to a sentence) and, when it holds other dates, at clause boundaries, so
   that each date keeps the happening next to it;
2. asides (``asides.py``): parentheticals, dash pairs, appositives, non-restrictive
   relative clauses and mid-sentence attributions are deleted. A date *inside* a
   relative clause dates that clause ("Bader, who lost his legs in 1931, ..." ->
   "Bader lost his legs"), so the clause is kept with its antecedent instead
   (``relatives.py``);
3. the date and the words that introduce it ("on", "since", "'s"), and the
   sentence's other dates (``datecuts.py``);
4. attributions ("X said (that)", ", X said", "according to ..."; their parts are
   ``attribution.py``), wire datelines and credits ("MOSCOW_", "WASHINGTON (AP) --",
   "(CNN) --": the forms of ``datelines.FORMS``, also deleted as an aside in step 2
   when they open the clause), leading connectives ("Meanwhile,", "And")
   (``trimming.py``);
5. quotes and brackets left unbalanced by the cuts, dangling function words
   (``trimming.py``);
6. length (``length.py``): a headline longer than ``MAX_HEADLINE_WORDS`` is cut at
   the last phrase boundary (punctuation, then a conjunction, then a preposition)
   that keeps at least ``MIN_CUT_HEADLINE_WORDS``, never inside a name.

A year that names a thing ("the 2024 race", "his 1999 album") is no time of the
clause (``modifiers.py``). The word lists are ``summarize/lexicon.py``.

``compress(sentence)`` reuses step 2 for summaries: it deletes only the dash-pair
and parenthetical asides of a sentence (``asides.COMPRESSIBLE_ASIDES``).

Deletions are made on a character mask over the sentence (``draft.Draft``), so every
rule, whatever it matches, can only remove characters; a gap between two kept
stretches becomes a space, so no two words are ever glued into a new one.
"""

from .asides import aside_kind, compress
from .attribution import ADDRESSEE, SETTING
from .clauses import clause_of
from .length import HARD_MAX_HEADLINE_WORDS, MAX_HEADLINE_WORDS
from .making import is_bare_name, make_headline
from .modifiers import attributive_year, is_modifier, names_a_work, premodified_noun_phrase

__all__ = [
    "ADDRESSEE",
    "HARD_MAX_HEADLINE_WORDS",
    "MAX_HEADLINE_WORDS",
    "SETTING",
    "aside_kind",
    "attributive_year",
    "clause_of",
    "compress",
    "is_bare_name",
    "is_modifier",
    "make_headline",
    "names_a_work",
    "premodified_noun_phrase",
]
