"""The sample article in every format, compared with the golden files a person has read;
and the key-date briefing of the sample and its two follow-ups (``keydates.*``).

After an intended change, regenerate them and review the diff before committing:

    UPDATE_GOLDEN=1 python -m pytest tests/test_rendering_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from briefings import handmade_briefing, keydate_briefing
from conftest import DATA
from summarize import __version__
from summarize.rendering import FILE_EXTENSIONS, FORMATS, render

GOLDEN = DATA / "golden"

# (file name part, dated?, render options)
VARIANTS = [
    ("", True, {}),
    ("undated.", False, {}),
    ("quotes.", True, {"quotes": True, "front_matter": True}),
]
CASES = [
    pytest.param(format, dated, options, id=f"{part}{FILE_EXTENSIONS[format]}")
    for part, dated, options in VARIANTS
    for format in FORMATS
    if not (options and format == "json")  # json has no options to show
    and not (not dated and format == "timelinejs")  # refused: see test_rendering_documents.py
]


def golden_path(format: str, dated: bool, options: dict) -> os.PathLike:
    part = next(p for p, d, o in VARIANTS if d == dated and o == options)
    return GOLDEN / f"iraq-rawa-ana.{part}{FILE_EXTENSIONS[format]}"


@pytest.mark.parametrize("format, dated, options", CASES)
def test_sample_matches_golden_file(format, dated, options):
    # The version is not part of the look: a release must not rewrite every golden file.
    output = render(handmade_briefing(dated=dated), format, **options).replace(__version__, "VERSION")
    check_golden(output, golden_path(format, dated, options))


@pytest.mark.parametrize("format", FORMATS, ids=[FILE_EXTENSIONS[format] for format in FORMATS])
def test_keydate_briefing_matches_golden_file(format):
    output = render(keydate_briefing(), format).replace(__version__, "VERSION")
    check_golden(output, GOLDEN / f"keydates.{FILE_EXTENSIONS[format]}")


def check_golden(output: str, path: Path) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if output != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), output.splitlines(True), str(path), "rendered now", n=2)
        )
        pytest.fail(
            f"{path.name} differs from what the code renders now (UPDATE_GOLDEN=1 regenerates it):\n{diff[:4000]}"
        )
