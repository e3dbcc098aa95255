"""A bounded run of every coverage-guided harness in fuzz/ (a few seconds each, issue 11).

The five harnesses start together (each its own process, from seed corpora in a temporary
folder) and each must finish its time budget without a crash.  Longer runs: fuzz/README.md.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

pytest.importorskip("atheris", reason="atheris is in the test extra; it has wheels for Linux x86_64")

HARNESSES = ("readers", "contract", "dates", "quotes", "places")
SECONDS = 3


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Start every harness at once; {name: (returncode, stderr)} once all have finished."""
    folder = tmp_path_factory.mktemp("atheris")
    processes = {}
    for name in HARNESSES:
        corpus = folder / name
        corpus.mkdir()
        processes[name] = subprocess.Popen(
            [sys.executable, str(REPO / "fuzz" / f"fuzz_{name}.py"), str(corpus),
             f"-artifact_prefix={folder}/{name}-", f"-max_total_time={SECONDS}", "-max_len=4000",
             "-timeout=60", "-rss_limit_mb=3072", "-seed=11"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    results = {}
    try:
        for name, process in processes.items():
            output, _ = process.communicate(timeout=240)
            results[name] = (process.returncode, output)
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()
    return results


@pytest.mark.issue(11)
@pytest.mark.parametrize("name", HARNESSES)
def test_harness_runs_without_crash(runs, name):
    returncode, output = runs[name]
    assert returncode == 0 and "Uncaught Python exception" not in output, output[-6000:]
    assert "Done " in output and " runs in " in output, output[-3000:]
