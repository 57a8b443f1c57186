"""`pip install .` must work outside the checkout: the wheel carries code and templates."""

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_wheel_holds_every_module_and_template(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("summarize-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "summarize").rglob("*.py")}
    templates = {f"summarize/templates/{p.name}" for p in (ROOT / "templates").iterdir() if p.is_file()}
    # Data files beside the code: the date ranker's weights, the stop words, the desk's templates, ...
    data = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "summarize").rglob("*")
        if p.suffix in (".json", ".txt", ".mako", ".j2", ".css", ".js", ".svg") and "__pycache__" not in p.parts
    }
    assert modules <= names, sorted(modules - names)
    assert templates <= names, sorted(templates - names)
    assert data and data <= names, sorted(data - names)
