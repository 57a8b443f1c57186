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

After extraction, ``clean_paragraphs`` takes what only the words show: a time stamp
alone on a line or run into a sentence, a credit or byline alone on a line, and the
sentences in which the publication speaks of itself (a live blog signing off for the
night, a prompt to sign up). Each is a class of line or sentence described in
``pagemarkup``, not a list of one site's phrases.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .pagemarkup import (
    ATTRIBUTION_WORDS,
    BLOCK_TAGS,
    BYLINE_OPENERS,
    CONTRIBUTION_PHRASES,
    COVERAGE_WORDS,
    CREDIT_OPENERS,
    FURNITURE_ROLES,
    FURNITURE_TAGS,
    FURNITURE_WORDS,
    MAX_CONTRIBUTION_WORDS,
    MAX_CREDIT_WORDS,
    MAX_FURNITURE_SHARE,
    OTHER_STORIES,
    OTHER_STORIES_ROLES,
    OTHER_STORIES_TAGS,
    PROMPT_OBJECTS,
    PROMPT_VERBS,
    PUBLISHER_WORDS,
    SIGN_OFF_PHRASES,
    STAMP_OPENERS,
    STAMP_WORDS,
    STORY_XPATH,
)

if TYPE_CHECKING:  # lxml is imported where a page is read, not with this module
    from lxml.etree import XPath
    from lxml.html import HtmlElement

_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")
_KIND_OF_WORD = {word: kind for kind, words in FURNITURE_WORDS.items() for word in words}


@lru_cache(maxsize=4096)
def attribute_words(value: str) -> frozenset[str]:
    """The words of a class or id value, and each pair of neighbours joined
    ("c-newsletterSignup__form" -> c, newsletter, signup, form, cnewsletter, ...)."""
    words = [word.lower() for word in _WORD_SPLIT.split(value) if word]
    return frozenset(words + [a + b for a, b in itertools.pairwise(words)])


def furniture_kind(element: HtmlElement) -> str | None:
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


def article_root(tree: HtmlElement) -> HtmlElement:
    """The element that holds the article: the <article> with the headline, else the
    <article> with the most text (the others are cards of other stories), else
    <main>, else the body."""
    articles = list(tree.iter("article"))
    with_headline = [a for a in articles if a.find(".//h1") is not None]
    if with_headline:
        return with_headline[0]
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    main = tree.find(".//main")
    if main is None:
        main = next(iter(tree.xpath(".//*[@role='main']")), None)
    if main is None:
        main = tree.find(".//body")
    return main if main is not None else tree


def story_path(tree: HtmlElement) -> frozenset:
    """The article root and its ancestors: the containers of the story."""
    root = article_root(tree)
    return frozenset((root, *root.iterancestors()))


def in_other_stories(element: HtmlElement, containers: frozenset) -> bool:
    """Whether ``element`` lies in furniture that holds other stories (a rail of
    related stories, an <aside>, the navigation): a date there is not the page's.
    ``containers`` (``story_path``) are never such furniture, whatever their class:
    WordPress marks the <body> of a page with a sidebar "has-sidebar"."""
    for node in (element, *element.iterancestors()):
        if node in containers:
            return False
        tag = node.tag if isinstance(node.tag, str) else ""
        if (
            tag in OTHER_STORIES_TAGS
            or (node.get("role") or "").strip().lower() in OTHER_STORIES_ROLES
            or furniture_kind(node) in OTHER_STORIES
        ):
            return True
    return False


# --- the tree ------------------------------------------------------------------------

# Block elements inside these are laid out by their parent (list items, table
# cells): a line break between them would be markup out of place.
_LAID_OUT_BY_PARENT = frozenset({"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "select", "hgroup"})
# Blocks that trafilatura makes paragraphs of their own: they need no line break,
# and a page of 100,000 paragraphs would get 100,000 more elements to walk.
_OWN_PARAGRAPHS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "dl",
        "table",
        "tr",
        "td",
        "th",
        "dt",
        "dd",
        "hr",
    }
)


def prepare(tree: HtmlElement) -> None:  # changed in place
    """Make the page ready for trafilatura: drop caps joined to their words, block
    elements set apart from the text around them, furniture removed."""
    _join_drop_caps(tree)
    _separate_blocks(tree)
    _remove_furniture(tree)


def _remove_furniture(tree: HtmlElement) -> None:
    body = tree.find(".//body")
    total = len(article_root(tree).text_content())
    doomed: dict = {}  # parent -> the furniture among its children
    pending = list(body if body is not None else tree)
    while pending:
        element = pending.pop()
        if not isinstance(element.tag, str):
            continue
        if furniture_kind(element) is not None and not _in_running_text(element) and not _holds_story(element, total):
            doomed.setdefault(element.getparent(), set()).add(element)
        else:
            pending.extend(element)
    for parent, children in doomed.items():
        _remove_children(parent, children)


def _remove_children(parent: HtmlElement, doomed: set) -> None:
    """Remove ``doomed`` children of ``parent``, keeping their tails (the text after
    each) in place. One pass, each kept string joined once: removing siblings one
    by one, lxml's drop_tree, copies the growing text again for each."""
    joined: dict = {}  # the kept child before a run of doomed ones (None: the parent's text) -> tails
    kept = None
    for child in list(parent):
        if child in doomed:
            if child.tail:
                joined.setdefault(kept, []).append(child.tail)
            parent.remove(child)
        else:
            kept = child
    for target, tails in joined.items():
        if target is None:
            parent.text = (parent.text or "") + "".join(tails)
        else:
            target.tail = (target.tail or "") + "".join(tails)


def _holds_story(element: HtmlElement, total: int) -> bool:
    """Whether ``element`` holds the story (it is or holds the headline, an <article>,
    the articleBody, or more than half the article's text), however its class reads:
    a wrapper "story-body has-newsletter" is not a newsletter box."""
    if element.tag in ("article", "main", "body") or element.get("itemprop") == "articleBody":
        return True
    if _story_markers()(element):
        return True
    return total > 0 and len(element.text_content()) > MAX_FURNITURE_SHARE * total


@lru_cache(maxsize=1)
def _story_markers() -> XPath:
    import lxml.etree

    return lxml.etree.XPath(STORY_XPATH)


def _in_running_text(element: HtmlElement) -> bool:
    """Whether ``element`` is inline in a sentence ("lasted <span class="time">three
    hours</span>"): its words are the sentence's, whatever its class."""
    if element.tag in BLOCK_TAGS or element.tag in FURNITURE_TAGS:
        return False
    previous = element.getprevious()
    before = (previous.tail if previous is not None else element.getparent().text) or ""
    return bool(before.strip() or (element.tail or "").strip())


def _join_drop_caps(tree: HtmlElement) -> None:
    """<span class="dropcap">T</span>he -> The: an element of one or two letters with
    its word going on in lower case right after it is part of that word, whatever it
    is called. Left alone, trafilatura drops it as decoration (aria-hidden) or breaks
    the line after it (a <div>), and the word loses its letter. It becomes a plain
    <span>, or, when the word goes on in the next element, moves into it."""
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or len(element) or element.getparent() is None:
            continue
        letters = (element.text or "").strip()
        if not (1 <= len(letters) <= 2 and letters.isalpha()):
            continue
        tail = element.tail or ""
        following = element.getnext()
        if tail:
            if tail[0].islower():
                element.attrib.clear()
                element.tag, element.text = "span", letters
        elif following is not None and isinstance(following.tag, str) and (following.text or "")[:1].islower():
            following.text = letters + following.text
            element.getparent().remove(element)


def _separate_blocks(tree: HtmlElement) -> None:
    """A line break before a <div>-like block that follows text or another element
    in its parent, and after one that text follows: trafilatura runs a <div>'s
    children together ("...June 9, 2014The president said"), a browser does not."""
    import lxml.html

    for element in list(tree.iter(*(BLOCK_TAGS - _OWN_PARAGRAPHS))):
        parent = element.getparent()
        if parent is None or parent.tag in _LAID_OUT_BY_PARENT:
            continue
        previous = element.getprevious()
        before = (previous.tail if previous is not None else parent.text) or ""
        if previous is not None or before.strip():
            element.addprevious(lxml.html.Element("br"))
        if (element.tail or "").strip():
            element.addnext(lxml.html.Element("br"))  # addnext moves the tail after the <br>


# --- the text ------------------------------------------------------------------------


def _words(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# A number of a date or a clock: "9", "9:41", "24.02.2020", "9th", "1h", "9:41am"; it
# may run into a capital ("2014The"), never into more digits.
_NUMBER = r"\d{1,4}(?:[:./-]\d{1,4}){0,2}(?:(?:st|nd|rd|th|h|m)(?![a-z])|(?i:am|pm|a\.m\.|p\.m\.))?(?!\d)"
_STAMP_TOKEN = rf"(?:{_NUMBER}|(?i:{_words(STAMP_WORDS)})(?![A-Za-z])|[A-Z]{{2,5}}(?![A-Za-z]))"
_STAMP_SEPARATOR = r"(?:\s*[,|/\u2013\u2014-]\s*|\s+)"
_STAMP_OPENER = rf"(?i:{_words(STAMP_OPENERS)})(?:\s+(?i:on|at))?\s*:?\s*"
_STAMP_BODY = rf"{_STAMP_TOKEN}(?:{_STAMP_SEPARATOR}{_STAMP_TOKEN}){{0,11}}"
# A line that is only a stamp, with or without an opener.
_STAMP_LINE = re.compile(rf"\s*(?:{_STAMP_OPENER})?{_STAMP_BODY}\s*\.?\s*")
# A stamp with its opener before a sentence, run into it or not.
_STAMP_BEFORE_SENTENCE = re.compile(rf"\s*{_STAMP_OPENER}{_STAMP_BODY}\s*(?=[A-Z\u201c\"])")
# A stamp is short: only a line's start is looked at.
_STAMP_SPAN = 120

_CREDIT_LINE = re.compile(rf"(?i:{_words(CREDIT_OPENERS)})s?(?:\s+(?i:credit))?\s*(?::|\s+(?i:by)\s)\s*\S")
_BYLINE = re.compile(rf"(?i:{_words(BYLINE_OPENERS)})\s+[A-Z]")
_CONTRIBUTION = re.compile(rf"(?i:{_words(CONTRIBUTION_PHRASES)})(?!\w)")

_PUBLISHER = re.compile(rf"(?<![\w'\u2019])(?i:{_words(PUBLISHER_WORDS)})(?![\w'\u2019])")
_COVERAGE = re.compile(rf"(?<!\w)(?i:{_words(COVERAGE_WORDS)})(?!\w)")
_SIGN_OFF = re.compile(rf"(?<!\w)(?i:{_words(SIGN_OFF_PHRASES)})(?!\w)")
# A prompt: its verb, and a colon within two words ("Watch:", "Read more:").
_PROMPT = re.compile(rf"\s*(?i:{_words(PROMPT_VERBS)})(?![\w'])(?P<colon>(?:\s+[\w'\u2019]+){{0,2}}\s*:)?")
_PROMPT_OBJECT = re.compile(rf"(?<![\w'\u2019])(?i:{_words(PROMPT_OBJECTS)})(?![\w'\u2019])")
_ATTRIBUTION = re.compile(rf"(?<!\w)(?i:{_words(ATTRIBUTION_WORDS)})(?!\w)")
_QUOTES = re.compile('["\u201c\u201d]')


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """The paragraphs without stamps, credits, bylines and the publication's own
    voice (the module docstring); a paragraph left empty goes."""
    cleaned = []
    for paragraph in paragraphs:
        if not any(ch.isalnum() for ch in paragraph):
            continue  # a rule ("___", "* * *") between the story and its credits
        if is_stamp(paragraph) or is_credit(paragraph):
            continue
        match = _STAMP_BEFORE_SENTENCE.match(paragraph[:_STAMP_SPAN])
        if match:
            paragraph = paragraph[match.end() :]
        paragraph = _without_publisher_voice(paragraph)
        if paragraph.strip():
            cleaned.append(paragraph)
    return cleaned


def is_stamp(line: str) -> bool:
    """ "Updated 9:41 AM EST, Mon June 9, 2014", "22:31", "Posted 1h ago": a time
    stamp alone on a line (with a number in it: "June" alone is a word)."""
    return len(line) <= _STAMP_SPAN and any(ch.isdigit() for ch in line) and _STAMP_LINE.fullmatch(line) is not None


def is_credit(line: str) -> bool:
    """A credit or byline alone on a line: "Photograph: Ann Lee/Example News",
    "By Jane Doe and John Roe", "Tom Roe contributed to this report." Short, and a
    byline is no sentence: "By Tuesday, the bridge had closed." ends as one does."""
    line = line.strip()
    words = len(line.split())
    if words <= MAX_CONTRIBUTION_WORDS and _CONTRIBUTION.search(line):
        return True
    if words > MAX_CREDIT_WORDS:
        return False
    if _CREDIT_LINE.match(line):
        return True
    return _BYLINE.match(line) is not None and not line.endswith((".", "!", "?"))


def is_publisher_voice(sentence: str) -> bool:
    """Whether ``sentence`` is the publication speaking of itself (``pagemarkup``):
    "That's all from us tonight, we'll be back tomorrow", "Sign up for our morning
    briefing", "Watch: ..."; not a quotation, nor what someone said."""
    if _QUOTES.search(sentence) or _ATTRIBUTION.search(sentence):
        return False
    prompt = _PROMPT.match(sentence)
    if prompt and (prompt.group("colon") or _PROMPT_OBJECT.search(sentence, prompt.end())):
        return True
    return bool(_PUBLISHER.search(sentence) and (_COVERAGE.search(sentence) or _SIGN_OFF.search(sentence)))


def _without_publisher_voice(paragraph: str) -> str:
    if not (":" in paragraph or _PROMPT_OBJECT.search(paragraph)):  # PROMPT_OBJECTS holds PUBLISHER_WORDS
        return paragraph  # the common case, without splitting into sentences
    from ..sentences import split_sentences

    sentences = split_sentences(paragraph)
    kept = [s.text for s in sentences if not is_publisher_voice(s.text)]
    return paragraph if len(kept) == len(sentences) else " ".join(kept)
