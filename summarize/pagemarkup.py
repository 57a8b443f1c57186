"""The vocabulary of news-page markup, as data: which elements are blocks, which are
page furniture rather than the story, and which markup dates the page.

The code that uses it is elsewhere (``pagetree.py`` parses, ``pagecleaning.py``
removes furniture, ``pagedates.py`` dates the page); a site that names its
furniture differently is one more token here, not a change there.
"""

from __future__ import annotations

# Elements a browser lays out as blocks: text on either side of one is not one line.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})

# Elements that have no end tag.
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
})


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
    "newsletter": ("newsletter", "newsletters", "signup", "subscribe", "subscription", "subscriptions",
                   "optin", "inbox", "paywall", "regwall"),
    # Advertising and house promotions.
    "promotion": ("promo", "promos", "promotion", "promoted", "sponsored", "sponsor", "advert", "advertisement",
                  "advertising", "ad", "ads", "adslot", "adunit", "dfp", "outbrain", "taboola", "cta"),
    # Who wrote it and who took the pictures: not what happened.
    "byline": ("byline", "bylines", "author", "authors", "contributor", "contributors", "bio"),
    "credit": ("credit", "credits", "copyright", "photographer", "attribution"),
    "caption": ("caption", "captions", "figcaption"),
    # Other stories: rails, "more from", "most read", "up next".
    "related": ("related", "sidebar", "rail", "recommended", "recommendations", "recirculation", "recirc",
                "trending", "popular", "mostread", "mostpopular", "morestories", "moreon", "readmore",
                "readnext", "upnext", "outbrain", "taboola", "teasers"),
    "sharing": ("share", "sharing", "sharebar", "social", "followus"),
    "comments": ("comment", "comments"),
    # Time stamps of the page and of live-blog posts ("Updated 9:41 AM EST", "22:31"),
    # and a live blog's list of its own posts' headlines.
    "stamp": ("timestamp", "date", "time", "pubdate", "updated", "blocktime", "keyevents"),
}

# Elements that are furniture whatever their class.
FURNITURE_TAGS = frozenset({
    "aside", "nav", "footer", "form", "button", "figure", "figcaption", "dialog", "template", "iframe",
    "video", "audio", "picture", "svg", "select", "label", "menu",
})

# ARIA landmark and widget roles of furniture (role="complementary" is an <aside>).
FURNITURE_ROLES = frozenset({
    "complementary", "navigation", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar",
    "toolbar", "banner",
})

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
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "SatiricalArticle", "ScholarlyArticle",
    "TechArticle", "Report", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
})
# JSON-LD properties that lead from the page to its article; others (itemListElement,
# liveBlogUpdate, hasPart) lead to other stories or to parts with their own dates.
JSON_LD_CONTAINERS = ("@graph", "mainEntity")
# The article's own date properties, the original publication first.
JSON_LD_DATES = ("datePublished", "dateCreated")

# <meta> names, properties and itemprops (lower case) that give the publication
# date, in order of trust; "modified" and "updated" names are not here: relative
# dates in the text were written against the first publication.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published_date",
    "published_time", "publication_date", "date_published", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "citation_publication_date",
    "citation_date", "parsely-pub-date", "sailthru.date", "article.published", "datecreated", "date",
)

# Class/itemprop words of a <time> that is not the publication: "Updated <time>".
MODIFIED_WORDS = ("modified", "datemodified", "updated", "update", "lastmod", "edited")
