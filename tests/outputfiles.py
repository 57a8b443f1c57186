"""What the output-file tests share (test_files.py, test_files_temporary.py): the
command as a subprocess, a small story to brief (the ``story`` fixture; a conftest
plugin), and the temporary files a run left in a directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

STORY = "Council story\n\nThe council met on June 9, 2014 and voted on the budget. It adjourned on June 10.\n"


def command(*args: str, **options) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args], capture_output=True, cwd=ROOT, env=env, timeout=120, **options
    )


@pytest.fixture()
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(name for name in os.listdir(directory) if name.endswith(".tmp"))
