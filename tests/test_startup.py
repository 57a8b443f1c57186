"""A one-article run pays only for what it uses (issue 13): the MiniLM encoder by
ONNX Runtime, without torch and transformers (a second of import, three times the
rest of the run), and without the readers of pages and of typed dates when the
article is a text file and the date is ISO."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE

# What a text article with an ISO --date does not need: the model runtimes of the
# torch path, the page readers, dateparser (only for dates that are not ISO) and
# the batch progress bar.
NOT_NEEDED = ("torch", "transformers", "trafilatura", "htmldate", "lxml", "dateparser", "tqdm", "scipy")

PROBE = """
import json, sys
from summarize.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted({name.split(".")[0] for name in sys.modules})}))
"""


def modules_of_a_run(*args: str) -> tuple[int, set[str]]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, cwd=ROOT, env=env, timeout=300, check=True
    )
    report = json.loads(result.stdout.decode().splitlines()[-1])
    return report["code"], set(report["modules"])


@pytest.mark.slow
def test_one_text_article_imports_no_torch_nor_page_readers(tmp_path):
    code, modules = modules_of_a_run(
        str(SAMPLE), "--date", "2014-06-22", "--format", "html,email,text,markdown,json,timelinejs", "-o", str(tmp_path)
    )
    assert code == 0
    assert "onnxruntime" in modules  # the summary was made, by the encoder's ONNX runtime
    assert sorted(modules & set(NOT_NEEDED)) == []


@pytest.mark.slow
def test_a_date_in_words_brings_dateparser_only(tmp_path):
    code, modules = modules_of_a_run(
        str(SAMPLE), "--date", "22 June 2014", "--format", "json", "-o", str(tmp_path / "b.json")
    )
    assert code == 0
    assert "dateparser" in modules and "torch" not in modules
