"""The mutation score of `make mutation`, per module, from mutmut's results.

mutmut (``[tool.mutmut]`` in pyproject.toml) leaves one ``mutants/<file>.meta`` per
mutated file: each mutant's name and the exit code of its tests (1: a test failed,
the mutant is killed; 0: every test passed, it survived). A survivor that no test can
kill, because it changes nothing a caller can see, is listed with a one-line reason
in ``scripts/mutation_equivalent.tsv`` and left out of the score:

    score = killed / (mutants - equivalent)

Exits 1 when a module scores under ``--min`` (85 by default), when a survivor is
neither killed nor listed, or when a listed name is no longer a survivor (the list is
kept true as the code changes: mutmut numbers a function's mutants in order, so
editing a function renames its mutants).

    python scripts/mutation_score.py [--min 85]
    python scripts/mutation_score.py --survivors   # their names, for `mutmut run NAME...`

mutmut keeps a survivor's verdict until the survivor is named to ``mutmut run``: tests
written since would not get their chance otherwise (``make mutation`` names them).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from collections import Counter
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # requires-python is 3.10: the same parser, from PyPI
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = Path(__file__).resolve().parent / "mutation_equivalent.tsv"

# mutmut's exit codes (mutmut/stats.py): what each says about the mutant.
KILLED, SURVIVED, NO_TESTS, TIMEOUT, NOT_CHECKED = "killed", "survived", "no tests", "timeout", "not checked"
STATUS = {
    1: KILLED,
    3: KILLED,
    0: SURVIVED,
    5: NO_TESTS,
    33: NO_TESTS,
    36: TIMEOUT,
    24: TIMEOUT,
    -24: TIMEOUT,
    152: TIMEOUT,
    255: TIMEOUT,
    # Killed by a signal: SIGKILL when a mutant's endless loop or endless list passes
    # the CPU or memory limit ("find(word, None)" in the tagger), SIGSEGV. Its tests did
    # not pass: caught, as a timeout is (mutmut itself calls both "segfault").
    -9: TIMEOUT,
    -11: KILLED,
    None: NOT_CHECKED,
}


def modules() -> list[str]:
    """The files mutated: every ``only_mutate`` glob of pyproject.toml, expanded."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    # mutmut matches the globs with fnmatch, where ``*`` spans folders
    # ("summarize/temporal/*" takes temporal/rules/ too): so must this.
    files = (str(path.relative_to(ROOT)) for path in ROOT.glob("summarize/**/*.py"))
    return sorted(f for f in files if any(fnmatch.fnmatch(f, pattern) for pattern in config["only_mutate"]))


def equivalent() -> dict[str, str]:
    rows = [
        line.split("\t", 1) for line in EQUIVALENT.read_text().splitlines() if line.strip() and not line.startswith("#")
    ]
    return {name.strip(): reason.strip() for name, reason in rows}


def survivors() -> list[str]:
    reasons = equivalent()
    names = []
    for module in modules():
        meta = ROOT / "mutants" / f"{module}.meta"
        if meta.exists():
            names += [
                name
                for name, code in json.loads(meta.read_text())["exit_code_by_key"].items()
                if STATUS.get(code, "suspicious") in (SURVIVED, NO_TESTS, "suspicious") and name not in reasons
            ]
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min", type=float, default=85.0, help="the lowest score per module, in percent")
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="print only the names of the mutants not killed and not listed as equivalent",
    )
    options = parser.parse_args()
    minimum = options.min
    if options.survivors:
        print(" ".join(survivors()))
        return 0
    reasons = equivalent()
    unexplained, failing, seen = [], [], set()
    print(
        f"{'module':38} {'mutants':>7} {'killed':>6} {'timeout':>7} {'survived':>8} {'equiv.':>6} "
        f"{'no tests':>8} {'unrun':>5} {'score':>6}"
    )
    for module in modules():
        meta = ROOT / "mutants" / f"{module}.meta"
        if not meta.exists():
            print(f"{module:38} not run (no {meta.relative_to(ROOT)}): run `make mutation`")
            failing.append(module)
            continue
        results = json.loads(meta.read_text())["exit_code_by_key"]
        if not results:
            continue  # nothing to mutate: an __init__.py of imports, a module of tables
        counts: Counter[str] = Counter()
        for name, code in results.items():
            status = STATUS.get(code, "suspicious")
            if status == SURVIVED and name in reasons:
                status = "equivalent"
                seen.add(name)
            elif status in (SURVIVED, NO_TESTS, "suspicious"):
                unexplained.append(f"{name}: {status}")
            counts[status] += 1
        caught = counts[KILLED] + counts[TIMEOUT]  # a mutant that hangs its tests is caught too
        judged = len(results) - counts["equivalent"]
        score = 100.0 * caught / judged if judged else 100.0
        print(
            f"{module:38} {len(results):7} {counts[KILLED]:6} {counts[TIMEOUT]:7} {counts[SURVIVED]:8} "
            f"{counts['equivalent']:6} {counts[NO_TESTS]:8} {counts[NOT_CHECKED]:5} {score:5.1f}%"
        )
        if score < minimum or counts[NOT_CHECKED]:
            failing.append(module)
    stale = sorted(
        name
        for name in reasons
        if name not in seen and any(fnmatch.fnmatch(name, f"{m[:-3].replace('/', '.')}.*") for m in modules())
    )
    for line in unexplained:
        print(f"not killed, and not listed as equivalent: {line}")
    for name in stale:
        print(f"listed as equivalent but no longer a survivor: {name} (update {EQUIVALENT.name})")
    if failing:
        print(f"under {minimum:g}% or not fully run: {', '.join(failing)}")
    return 1 if failing or unexplained or stale else 0


if __name__ == "__main__":
    sys.exit(main())
