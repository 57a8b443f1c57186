"""The vocabulary of news-page markup, as data: which elements are blocks, which are
page furniture rather than the story, and which markup dates the page.

The code that uses it is elsewhere (``pagetree.py`` parses, ``pagecleaning.py``
removes furniture, ``pagedates.py`` dates the page); a site that names its
furniture differently is one more token here, not a change there.
"""

from __future__ import annotations

# Elements a browser lays out as blocks: text on either side of one is not one line.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

# Elements whose text is code or data, not reading (an inline script of 20 MB).
CODE_TAGS = frozenset({"script", "style", "noscript", "template"})

# Elements that have no end tag.
VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


# --- Furniture: what on a news page is not the story -------------------------------
#
# An element's class and id are split into lower-case words at spaces, hyphens,
# underscores and camelCase humps ("c-newsletterSignup__form" is c, newsletter,
# signup, form), and each pair of neighbours is a word too ("sign-up" is signup,
# "most-read" mostread), so an entry is one word however a site spells it. Words,
# not substrings: "author" does not match "authority", nor "ad" "head" or "lead".

# Class/id words of furniture, by what the furniture is.
FURNITURE_WORDS = {
    # Sign-up boxes and paywall prompts: "Get the morning briefing in your inbox".
    "newsletter": (
        "newsletter",
        "newsletters",
        "signup",
        "subscribe",
        "subscription",
        "subscriptions",
        "optin",
        "inbox",
        "paywall",
        "regwall",
    ),
    # Advertising and house promotions.
    "promotion": (
        "promo",
        "promos",
        "promotion",
        "promoted",
        "sponsored",
        "sponsor",
        "advert",
        "advertisement",
        "advertising",
        "ad",
        "ads",
        "adslot",
        "adunit",
        "dfp",
        "outbrain",
        "taboola",
        "cta",
    ),
    # Who wrote it and who took the pictures: not what happened.
    "byline": ("byline", "bylines", "author", "authors", "contributor", "contributors", "bio"),
    "credit": ("credit", "credits", "copyright", "photographer", "attribution"),
    "caption": ("caption", "captions", "figcaption"),
    # Other stories: rails, "more from", "most read", "up next".
    "related": (
        "related",
        "sidebar",
        "rail",
        "recommended",
        "recommendations",
        "recirculation",
        "recirc",
        "trending",
        "popular",
        "mostread",
        "mostpopular",
        "morestories",
        "moreon",
        "readmore",
        "readnext",
        "upnext",
        "outbrain",
        "taboola",
        "teasers",
    ),
    "sharing": ("share", "sharing", "sharebar", "social", "followus"),
    "comments": ("comment", "comments"),
    # Time stamps of the page and of live-blog posts ("Updated 9:41 AM EST", "22:31"),
    # and a live blog's list of its own posts' headlines.
    "stamp": ("timestamp", "date", "time", "pubdate", "updated", "blocktime", "keyevents"),
}

# Elements that are furniture whatever their class.
FURNITURE_TAGS = frozenset(
    {
        "aside",
        "nav",
        "footer",
        "form",
        "button",
        "figure",
        "figcaption",
        "dialog",
        "template",
        "iframe",
        "video",
        "audio",
        "picture",
        "svg",
        "select",
        "label",
        "menu",
    }
)

# ARIA landmark and widget roles of furniture (role="complementary" is an <aside>).
FURNITURE_ROLES = frozenset(
    {
        "complementary",
        "navigation",
        "contentinfo",
        "search",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
        "banner",
    }
)

# The furniture that holds other stories, with their own dates: a date found in it
# is never the page's.
OTHER_STORIES = frozenset({"related", "promotion", "comments"})
OTHER_STORIES_TAGS = frozenset({"aside", "nav", "footer"})
OTHER_STORIES_ROLES = frozenset({"complementary", "navigation", "contentinfo"})

# No furniture removal takes an element that holds the story: one of these inside
# it, or more than this share of the page's text.
STORY_XPATH = ".//h1|.//article|.//main|.//*[@itemprop='articleBody']"
MAX_FURNITURE_SHARE = 0.5


# --- Dates: what in the markup dates the page --------------------------------------

# schema.org types of the article object whose JSON-LD datePublished dates the page
# (not the WebPage, the Organization or an ItemList of other stories).
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "SatiricalArticle",
        "ScholarlyArticle",
        "TechArticle",
        "Report",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
    }
)
# JSON-LD properties that lead from the page to its article; others (itemListElement,
# liveBlogUpdate, hasPart) lead to other stories or to parts with their own dates.
JSON_LD_CONTAINERS = ("@graph", "mainEntity")
# The article's own date properties, the original publication first.
JSON_LD_DATES = ("datePublished", "dateCreated")

# <meta> names, properties and itemprops (lower case) that give the publication
# date, in order of trust; "modified" and "updated" names are not here: relative
# dates in the text were written against the first publication.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_date",
    "published_time",
    "publication_date",
    "date_published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "datecreated",
    "date",
)

# Class/itemprop words of a <time> that is not the publication: "Updated <time>".
MODIFIED_WORDS = ("modified", "datemodified", "updated", "update", "lastmod", "edited")


# --- Furniture in the text: the lines and sentences extraction keeps ----------------

# A time stamp: an opener, then numbers and the words of dates and clocks ("Updated
# 9:41 AM EST, Mon June 9, 2014", "Posted at 22.31 GMT", "1h ago"). Alone on a line
# it is furniture (a live blog's post time); run into a sentence ("...2014The president
# said") it is cut off the sentence. Zones in capitals (EST, BST) need no listing.
STAMP_OPENERS = ("last updated", "first published", "last modified", "updated", "published", "posted", "modified")
STAMP_WORDS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "at",
    "on",
    "ago",
    "min",
    "mins",
    "minute",
    "minutes",
    "hour",
    "hours",
    "hr",
    "hrs",
    "today",
    "yesterday",
)

# A credit or a byline alone on a line: "Photograph: Jane Doe/Example News", "Photo by
# Ann Lee", "By Jane Doe and John Roe", "Reporting by ...; Editing by ...".
CREDIT_OPENERS = (
    "photographs",
    "photograph",
    "photos",
    "photo",
    "pictures",
    "picture",
    "images",
    "image",
    "illustration",
    "graphic",
    "video",
    "footage",
    "credit",
)
BYLINE_OPENERS = (
    "additional reporting by",
    "reporting by",
    "written by",
    "words by",
    "edited by",
    "editing by",
    "compiled by",
    "by",
)
# Longer than this, a line is no credit or byline.
MAX_CREDIT_WORDS = 14
# Other reporters credited at the end of a story, a line of its own: "Associated
# Press writer Tom Roe in Riverside contributed to this report."
CONTRIBUTION_PHRASES = (
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed reporting",
    "contributed additional reporting",
    "contributed research",
)
MAX_CONTRIBUTION_WORDS = 30

# The publication speaking of itself. A sentence is furniture when, in the
# publication's own voice (PUBLISHER_WORDS outside quotation marks, no one said to
# say it), it speaks of its coverage (COVERAGE_WORDS: "we'll bring you live updates")
# or signs off (SIGN_OFF_PHRASES: "That's all from us tonight, we'll be back
# tomorrow"); or when it opens with a prompt to the reader (PROMPT_VERBS) about the
# publication ("Sign up for our morning briefing") or with a prompt and a colon
# ("Watch: ...", "Read more: ..."). A live blog's sign-off dated "tonight" and
# "tomorrow" became a timeline event before this.
PUBLISHER_WORDS = (
    "we",
    "we'll",
    "we're",
    "we've",
    "we'd",
    "we\u2019ll",
    "we\u2019re",
    "we\u2019ve",
    "we\u2019d",
    "us",
    "our",
)
COVERAGE_WORDS = (
    "coverage",
    "live blog",
    "liveblog",
    "blog",
    "live updates",
    "updates",
    "newsletter",
    "newsletters",
    "briefing",
    "podcast",
    "app",
    "inbox",
)
SIGN_OFF_PHRASES = (
    "be back",
    "that's all",
    "that\u2019s all",
    "that is all",
    "signing off",
    "wrapping up",
    "leave you",
    "leaving you",
    "handing over",
    "hand over to",
    "pausing our",
    "pause our",
    "closing this",
    "close this",
    "moved to",
    "continues here",
)
PROMPT_VERBS = (
    "sign up",
    "subscribe",
    "register",
    "follow",
    "read",
    "click",
    "tap",
    "listen",
    "watch",
    "download",
    "get",
    "join",
    "support",
    "send",
    "tell",
    "email",
    "contact",
)
# What a prompt is about when it is about the publication.
PROMPT_OBJECTS = (*PUBLISHER_WORDS, *COVERAGE_WORDS, "here", "below", "your", "free", "today's", "latest")
# Words that make a sentence reported speech, not the publication's voice.
ATTRIBUTION_WORDS = ("said", "says", "say", "told", "tells", "according", "asked", "added", "wrote", "writes")
