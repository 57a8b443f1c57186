"""Shared fixtures. Tests never reach a model hub: everything loads from disk."""

import datetime as dt
import importlib.util
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
# Ray (the --engine ray tests) sends usage statistics unless told not to.
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

# Fixtures that test files share live in these helper modules (tests/*.py), loaded as
# plugins: a test names the fixture (``desk``, ``store``, ``browser``, ``bart_dir``)
# without importing it, so the linter sees no import shadowed by an argument.
pytest_plugins = ["deskserver", "chromiumfixture", "tinymodels", "rendered", "outputfiles"]

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "examples" / "iraq-rawa-ana.txt"
SAMPLE_DATE = dt.date(2014, 6, 22)


def load_benchmark(name: str):
    """The script ``benchmarks/<name>.py`` as a module, to call its functions."""
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None, name
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


# The source name the Makefile's `make outputs` run gives the sample (it runs in ROOT).
SAMPLE_SOURCE = "examples/iraq-rawa-ana.txt"


def load_sample(date=None):
    from dataclasses import replace

    from summarize.inputs.loading import load_article

    return replace(load_article(str(SAMPLE), date=date), source=SAMPLE_SOURCE)


@pytest.fixture(scope="session")
def sample_briefing():
    """The sample article briefed with its date (loads the MiniLM encoder once)."""
    from summarize.pipeline import build_briefing

    return build_briefing([load_sample(SAMPLE_DATE)])


@pytest.fixture(scope="session")
def undated_briefing():
    from summarize.pipeline import build_briefing

    return build_briefing([load_sample()])


# The desk's storage runs on SQLite and on PostgreSQL: a throwaway server is started
# once per session (tests/pgserver.py). Where PostgreSQL is not installed its tests
# skip, saying so, unless SUMMARIZE_REQUIRE_POSTGRES=1 (set by `make test`): then they fail.
@pytest.fixture(scope="session")
def postgres_server():
    from pgserver import missing_reason, postgres_server

    reason = missing_reason()
    if reason is not None:
        if os.environ.get("SUMMARIZE_REQUIRE_POSTGRES"):
            pytest.fail(f"SUMMARIZE_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    with postgres_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """A new, empty database's URL: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    return request.getfixturevalue("postgres_server").new_database()
