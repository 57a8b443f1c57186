"""outputs/ holds what the code renders now for the sample (regenerate: make outputs)."""

import pytest

from summarize.rendering import render

pytestmark = pytest.mark.slow

from conftest import ROOT  # noqa: E402

OUTPUTS = ROOT / "outputs"


@pytest.mark.parametrize(("format", "name"), [
    ("html", "iraq-rawa-ana.html"), ("email", "iraq-rawa-ana.email.html"), ("text", "iraq-rawa-ana.txt"),
    ("markdown", "iraq-rawa-ana.md"), ("json", "iraq-rawa-ana.json"), ("timelinejs", "iraq-rawa-ana.timeline.json"),
])
def test_committed_outputs_match_the_code(sample_briefing, format, name):
    committed = (OUTPUTS / name).read_text(encoding="utf-8")
    assert committed == render(sample_briefing, format), "outputs/ is stale: run `make outputs`"
