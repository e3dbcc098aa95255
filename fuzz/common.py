"""Shared plumbing of the atheris harnesses: seed corpora, libFuzzer arguments, result checks.

Each harness is run as a script (`.venv/bin/python fuzz/fuzz_readers.py -max_total_time=600`).
With no corpus folder on the command line it uses `fuzz/corpus/<target>/`; an empty corpus
folder is first seeded from the fixture and example articles; crashes are written to `fuzz/artifacts/`.  Both folders
are git-ignored.  The checks are the ones the Hypothesis tests use (`tests/fuzz/checks.py`).
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fuzz.checks import check_offsets, check_read_result  # noqa: E402

__all__ = ["REPO", "check_offsets", "check_read_result", "article_texts", "fuzz"]

ARTICLE_FOLDERS = (REPO / "tests" / "fixtures" / "articles", REPO / "examples" / "articles")


def article_files(suffixes: Iterable[str]) -> list[Path]:
    """Fixture and example files with one of `suffixes`, sorted."""
    wanted = tuple(suffixes)
    return sorted(path for folder in ARTICLE_FOLDERS if folder.is_dir()
                  for path in folder.iterdir() if path.name.endswith(wanted))


def article_texts(limit: int = 3000) -> list[str]:
    """The text of each fixture/example `.txt` article, cut to `limit` characters."""
    return [path.read_text(encoding="utf-8")[:limit] for path in article_files([".txt"])]


def _options(argv: list[str], target: str, seeds: Callable[[], Iterable[bytes]]) -> list[str]:
    """libFuzzer arguments: the caller's, plus a seeded default corpus and artifact folder."""
    args = list(argv)
    folders = [arg for arg in args[1:] if not arg.startswith("-")]
    if not folders:
        folders = [str(REPO / "fuzz" / "corpus" / target)]
        args.append(folders[0])
    corpus = Path(folders[0])
    if not corpus.is_dir() or not any(corpus.iterdir()):  # an empty corpus starts from the seeds
        write_seeds(corpus, seeds())
    if not any(arg.startswith("-artifact_prefix=") for arg in args):
        artifacts = REPO / "fuzz" / "artifacts"
        artifacts.mkdir(parents=True, exist_ok=True)
        args.append(f"-artifact_prefix={artifacts}/{target}-")
    return args


def write_seeds(folder: Path, seeds: Iterable[bytes]) -> None:
    """Write seed inputs into `folder` (for the bounded runs in tests/fuzz)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, seed in enumerate(seeds):
        (folder / f"seed-{number:03d}").write_bytes(seed)


def fuzz(target: str, test_one_input: Callable[[bytes], None], seeds: Callable[[], Iterable[bytes]]) -> None:
    """Run libFuzzer on `test_one_input` with the command line's arguments."""
    import atheris

    logging.disable(logging.WARNING)  # PWW152 and friends would flood the fuzzer's output
    warnings.simplefilter("ignore")
    atheris.Setup(_options(sys.argv, target, seeds), test_one_input)
    atheris.Fuzz()
