"""The JSON format read back: every format renders the same from the JSON as from
the briefing itself (the desk stores the JSON and exports from it)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from briefings import handmade_briefing, hostile_briefing, hostile_keydate_briefing, keydate_briefing
from summarize.errors import InputError
from summarize.rendering import FORMATS, render
from summarize.rendering.briefing_json import briefing_from_json


def _with_range_and_conflict():
    """The sample with its first event made a range and its second given a conflicting
    date by another report: the fields only such events have."""
    briefing = handmade_briefing()
    first, second, *rest = briefing.timeline.events
    first = replace(
        first,
        extent="range",
        end_time=replace(first.time, value="2014-03", mod=None),
        label="January to March 2014",
        exact=False,
    )
    second = replace(second, conflicts=("2014-06-10",))
    return replace(briefing, timeline=replace(briefing.timeline, events=(first, second, *rest)))


BRIEFINGS = {
    "dated": lambda: handmade_briefing(),
    "undated": lambda: handmade_briefing(dated=False),
    "keydates": keydate_briefing,
    "range-and-conflict": _with_range_and_conflict,
    "hostile": lambda: hostile_briefing("<script>alert(1)</script>{{ 7*7 }}"),
    "hostile-keydates": lambda: hostile_keydate_briefing("<img src=x onerror=alert(1)>*_[x](y)"),
}


@pytest.mark.parametrize("name", sorted(BRIEFINGS))
@pytest.mark.parametrize("options", [{}, {"quotes": True}])
def test_every_format_renders_the_same_from_the_json(name, options):
    briefing = BRIEFINGS[name]()
    read_back = briefing_from_json(json.loads(render(briefing, "json")))
    for format in FORMATS:
        if format == "timelinejs" and name == "undated":
            continue  # no event has a year: an error either way (tested in test_rendering_documents)
        assert render(read_back, format, **options) == render(briefing, format, **options), format


def test_the_json_of_the_json_is_the_same():
    text = render(keydate_briefing(), "json")
    assert render(briefing_from_json(json.loads(text)), "json") == text


@pytest.mark.parametrize(
    "document", [{}, {"articles": "x"}, {"articles": [], "events": [{"value": 1}], "anchored": True}, []]
)
def test_what_is_not_a_briefing_is_an_input_error(document):
    with pytest.raises(InputError, match="not a briefing"):
        briefing_from_json(document)
