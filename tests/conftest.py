"""Shared fixtures: one loaded pipeline per test session, the shared data path, fixture articles."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLES = REPO / "examples" / "articles"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def pipeline():
    """The full presswatch pipeline, loaded once."""
    from presswatch.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    """Text -> Analysis with the full pipeline (no publication date)."""
    from presswatch.records import Document

    def run(text: str):
        return pipeline.analyze(Document.from_text(text))
    return run


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture
def cli_uses_loaded_pipeline(monkeypatch, pipeline):
    """CLI commands use the session's pipeline instead of loading their own."""
    from presswatch import cli

    monkeypatch.setattr(cli, "_load_analyzer", lambda model, max_chars, batch_size, workers, stack: pipeline)


@pytest.fixture
def runner():
    """A Typer test runner (stdout and stderr kept apart)."""
    from typer.testing import CliRunner

    return CliRunner()
