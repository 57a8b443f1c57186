"""outputs/ holds what the code renders now for the sample (regenerate: make outputs)."""

import pytest

from summarize.rendering import render

pytestmark = pytest.mark.slow

from conftest import ROOT  # noqa: E402

OUTPUTS = ROOT / "outputs"


@pytest.mark.parametrize(
    ("format", "name"),
    [
        ("html", "iraq-rawa-ana.html"),
        ("email", "iraq-rawa-ana.email.html"),
        ("text", "iraq-rawa-ana.txt"),
        ("markdown", "iraq-rawa-ana.md"),
        ("json", "iraq-rawa-ana.json"),
        ("timelinejs", "iraq-rawa-ana.timeline.json"),
    ],
)
def test_committed_outputs_match_the_code(sample_briefing, format, name):
    committed = (OUTPUTS / name).read_text(encoding="utf-8")
    assert committed == render(sample_briefing, format), "outputs/ is stale: run `make outputs`"


@pytest.fixture(scope="module")
def story_briefing():
    """examples/storm-ada.jsonl briefed as `make demo` does (--max-dates 5)."""
    from summarize.inputs.loading import read_jsonl
    from summarize.pipeline import Briefer, KeyDateOptions

    inputs = read_jsonl("examples/storm-ada.jsonl")
    return Briefer(selection=KeyDateOptions(max_dates=5)).brief_inputs(inputs).briefing


@pytest.mark.parametrize(
    ("format", "name"),
    [
        ("html", "storm-ada.html"),
        ("email", "storm-ada.email.html"),
        ("text", "storm-ada.txt"),
        ("markdown", "storm-ada.md"),
        ("json", "storm-ada.json"),
        ("timelinejs", "storm-ada.timeline.json"),
    ],
)
def test_committed_key_date_outputs_match_the_code(story_briefing, format, name, monkeypatch):
    monkeypatch.chdir(ROOT)
    committed = (OUTPUTS / name).read_text(encoding="utf-8")
    assert committed == render(story_briefing, format), "outputs/ is stale: run `make outputs`"
