"""Page furniture stays out of the text, the summary and the timeline; the story's
own sentences stay in, whole. Each case is one class of furniture, found by the
page's structure (tag, role, class words) or, where the markup says nothing, by the
line or sentence itself."""

import pytest

from newspage import STORY, news_page, paragraphs
from summarize.inputs.loading import article_from_html

BEFORE, AFTER = paragraphs(STORY[:2]), paragraphs(STORY[2:])


def middle(furniture: str) -> str:
    """The story with ``furniture`` between its second and third paragraphs."""
    return BEFORE + furniture + AFTER


# (class of furniture, the story's markup, text that must not reach the article)
CASES = [
    # Newsletter sign-up
    (
        "newsletter box, by its class words",
        middle(
            '<div class="c-inlineNewsletter"><h3>The Morning Courier</h3><p>Get the day\u2019s top stories in '
            'your inbox every weekday morning.</p><input type="email" placeholder="Email address">'
            "<button>Sign me up</button></div>"
        ),
        ["Morning Courier", "inbox", "Sign me up"],
    ),
    (
        "newsletter box, by its role",
        middle('<section role="dialog"><p>Never miss a story: join 40,000 readers of our evening email.</p></section>'),
        ["Never miss", "40,000"],
    ),
    (
        "sign-up prompt in a plain paragraph",
        middle("<p><em>Sign up for The Morning Courier, our free daily newsletter, to get the news first.</em></p>"),
        ["Sign up", "newsletter"],
    ),
    (
        "prompt with a colon",
        middle('<p><strong>Read more:</strong> <a href="/x">Ferry fares to rise in spring</a></p>'),
        ["Read more", "Ferry fares"],
    ),
    # Live-blog furniture
    (
        "live-blog post times and the sign-off for the night",
        "<p>22:31</p><p>That\u2019s all from us tonight, we\u2019ll be back tomorrow morning.</p>"
        "<p>21:58 GMT</p>" + BEFORE + "<p>Updated at 20.15 GMT</p>" + AFTER,
        ["22:31", "That\u2019s all", "be back", "21:58", "20.15"],
    ),
    (
        "live coverage moving on",
        middle(
            "<p>We are pausing our live coverage of the council meeting for now.</p>"
            '<div class="key-events"><h3>Key events</h3><ul><li><a href="#p1">Vote to close bridge</a></li>'
            "</ul></div>"
        ),
        ["pausing", "Key events", "Vote to close"],
    ),
    # Bylines and credits
    (
        "byline by its class, byline in a plain paragraph",
        '<div class="article-byline">By <a href="/staff/jd">Jane Doe</a>, City Hall reporter</div>'
        "<p>By Jane Doe and Tom Roe</p>" + paragraphs() + "<p>Additional reporting by Ann Lee</p>",
        ["Jane Doe", "Tom Roe", "Ann Lee", "City Hall reporter"],
    ),
    (
        "contributors credited after a rule",
        paragraphs() + "<p>___</p><p>Associated Press writer Tom Roe contributed to this report.</p>",
        ["___", "Tom Roe"],
    ),
    (
        "photo and its caption and credit",
        middle(
            '<figure class="image"><img src="/bridge.jpg" alt="The bridge"><figcaption>The Harbor Bridge at dusk. '
            '<span class="credit">Photograph: Ann Lee/The Riverside Courier</span></figcaption></figure>'
            '<p>Photo: Tom Roe/Example Pictures</p><p class="image-credit">Ann Lee for The Riverside Courier</p>'
        ),
        ["at dusk", "Ann Lee", "Tom Roe", "Photograph", "Photo:"],
    ),
    # A date line run into the first sentence
    (
        "date line in a span run into the sentence",
        '<div class="body-text"><span>Updated 9:41 AM EST, Mon Feb 24, 2020</span>'
        f"<span>{STORY[0]}</span></div>" + paragraphs(STORY[1:]),
        ["Updated", "9:41", "2020The"],
    ),
    (
        "date line in a block run into the next block",
        f'<div class="zn-body"><div class="zn-update">Updated 9:41 AM EST, Mon Feb 24, 2020</div><div>{STORY[0]}</div>'
        f"<div>{STORY[1]}</div></div>" + paragraphs(STORY[2:]),
        ["Updated", "9:41", "2020The"],
    ),
    (
        "date line by its class",
        '<p class="update-time">Updated 9:41 AM EST, Mon Feb 24, 2020</p>' + paragraphs(),
        ["Updated", "9:41"],
    ),
]


@pytest.mark.parametrize(("body", "furniture"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_furniture_stays_out_and_the_story_stays_in(body, furniture):
    article = article_from_html(news_page(body=body), source="page.html")
    for words in furniture:
        assert words not in article.text
    assert article.text.split("\n\n") == list(STORY)


DROP_CAPS = [
    '<p><span class="dropcap">T</span>he city council',
    '<p><span class="dropcap" aria-hidden="true">T</span>he city council',  # hidden from screen readers
    '<p><span class="first-letter" aria-hidden="true">T</span><span>he city council',
    '<div class="drop-cap">T</div><p>he city council',  # a block: the parser closes the <p> before it
    '<p><b class="initial">T</b>he city council',
]


@pytest.mark.parametrize("opening", DROP_CAPS)
def test_a_drop_cap_stays_in_its_word(opening):
    rest = STORY[0].removeprefix("The city council")
    body = f"{opening}{rest}</p>" + paragraphs(STORY[1:])
    assert article_from_html(news_page(body=body), source="page.html").text.split("\n\n") == list(STORY)


@pytest.mark.parametrize(
    "body",
    [
        # The story's own wrapper carries a furniture word: it holds the story, so it stays.
        f'<div class="story-content has-newsletter promo-eligible">{paragraphs()}</div>',
        # A word of a sentence in an element with a furniture class is the sentence's.
        paragraphs(STORY[:-1]) + '<p>The bridge was last closed for repairs in <span class="date">1998</span>, '
        "when a storm damaged its lighting.</p>",
        # First-person plural in a quotation, or said by someone, is the story's.
        paragraphs() + "<p>\u201cWe\u2019ll be back tomorrow with our banners,\u201d a protest organizer said.</p>"
        "<p>Follow the river path north and the old toll house comes into view.</p>",
    ],
)
def test_what_looks_like_furniture_but_is_the_story(body):
    article = article_from_html(news_page(body=body), source="page.html")
    assert article.text.split("\n\n")[: len(STORY)] == list(STORY)
    assert len(article.text.split("\n\n")) == (len(STORY) + 2 if "protest" in body else len(STORY))


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("That's all from us tonight, we'll be back tomorrow.", True),
        ("We'll bring you live updates as the vote goes on.", True),
        ("Sign up for our morning briefing.", True),
        ("Subscribe now for unlimited access to our journalism.", True),
        ("Watch: firefighters battle the blaze on the quay", True),
        ("Listen to the latest episode of our podcast here.", True),
        ("We will be back, the strikers said.", False),
        ("\u201cWe will be back,\u201d she told the crowd.", False),
        ("Follow the river path north to the toll house.", False),
        ("The council will be back in session tomorrow.", False),
        ("Our city deserves a safe bridge, the mayor wrote.", False),
    ],
)
def test_the_publication_speaking_of_itself(sentence, furniture):
    from summarize.inputs.pagecleaning import is_publisher_voice

    assert is_publisher_voice(sentence) is furniture


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Updated 9:41 AM EST, Mon June 9, 2014", "stamp"),
        ("22:31", "stamp"),
        ("Posted 1h ago", "stamp"),
        ("Last updated: 24.02.2020 21:25 CET", "stamp"),
        ("Photograph: Ann Lee/The Riverside Courier", "credit"),
        ("Image credit: Example Pictures", "credit"),
        ("By Jane Doe and Tom Roe", "credit"),
        ("Reporting by Jane Doe; Editing by Tom Roe", "credit"),
        ("Associated Press writer Tom Roe in Riverside contributed to this report.", "credit"),
        ("By Tuesday, the bridge had closed.", None),
        ("June", None),
        ("The vote was 9 to 2.", None),
        ("Updated figures showed 40,000 cars a day.", None),
    ],
)
def test_lines_that_are_furniture(line, kind):
    from summarize.inputs.pagecleaning import is_credit, is_stamp

    assert ("stamp" if is_stamp(line) else "credit" if is_credit(line) else None) == kind


def test_a_live_blog_sign_off_is_no_event_and_no_summary():
    """The briefing of a live blog: its sign-off ("tonight", "tomorrow") was an event."""
    import datetime as dt

    from summarize.pipeline import Briefer

    body = (
        "<p>22:31</p><p>That\u2019s all from us tonight, we\u2019ll be back tomorrow morning with more updates."
        "</p><p>21:58</p>" + paragraphs()
    )
    article = article_from_html(news_page(body=body), source="live.html", date=dt.date(2020, 2, 25))
    briefing = Briefer(sentences=2).brief([article])
    sentences = [event.sentence for event in briefing.timeline.events]
    assert sentences and not any("back tomorrow" in s or "22:31" in s for s in sentences)
    assert STORY[0] in sentences  # "on Tuesday" is the story's event
    summary = briefing.articles[0].summary.text
    assert "from us" not in summary and "22:31" not in summary
