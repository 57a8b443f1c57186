"""Page furniture out, the story's words whole: the parsed page prepared for
trafilatura, and its text checked after.

Trafilatura finds the main text well, but on news pages some furniture reached the
summaries and the timeline: a newsletter box inside the article ("Sign up for our
morning briefing"), a photo credit, a byline, the time stamp of a live-blog post;
and two faults of markup lost words: a drop cap set in its own element
(<span class="dropcap">T</span>he) lost its letter, and elements set one after the
other with no space between ran together ("Updated 9:41 AM EST, Mon June 9,
2014The president said"). Each is handled as a class, by structure, on the tree:

- furniture by tag, ARIA role, or a word of its class or id (``pagemarkup``),
  never an element that holds the story;
- a drop cap (an element of one or two letters, a word going on in lower case
  right after it) is unwrapped into its word;
- a block element after text gets a line break before it, as a browser shows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .pagemarkup import (
    FURNITURE_ROLES,
    FURNITURE_TAGS,
    FURNITURE_WORDS,
    OTHER_STORIES,
    OTHER_STORIES_ROLES,
    OTHER_STORIES_TAGS,
)

_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")
_KIND_OF_WORD = {word: kind for kind, words in FURNITURE_WORDS.items() for word in words}


@lru_cache(maxsize=4096)
def attribute_words(value: str) -> frozenset[str]:
    """The words of a class or id value, and each pair of neighbours joined
    ("c-newsletterSignup__form" -> c, newsletter, signup, form, cnewsletter, ...)."""
    words = [word.lower() for word in _WORD_SPLIT.split(value) if word]
    return frozenset(words + [a + b for a, b in zip(words, words[1:])])


def furniture_kind(element) -> str | None:  # noqa: ANN001 - an lxml element
    """What furniture ``element`` is by its class, id or role ("newsletter", "related",
    ...; "tag" for a furniture tag, "role" for a role), or None."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in FURNITURE_TAGS:
        return "tag"
    role = (element.get("role") or "").strip().lower()
    if role in FURNITURE_ROLES:
        return "role"
    for name in ("class", "id"):
        value = element.get(name)
        if value:
            for word in attribute_words(value):
                kind = _KIND_OF_WORD.get(word)
                if kind:
                    return kind
    return None


def in_other_stories(element) -> bool:  # noqa: ANN001
    """Whether ``element`` lies in furniture that holds other stories (a rail of
    related stories, an <aside>, the navigation): a date there is not the page's."""
    for node in (element, *element.iterancestors()):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in OTHER_STORIES_TAGS or (node.get("role") or "").strip().lower() in OTHER_STORIES_ROLES:
            return True
        if furniture_kind(node) in OTHER_STORIES:
            return True
    return False
