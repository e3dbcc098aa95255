"""The text report groups quotes by speaker and summarizes techniques."""

from __future__ import annotations

from rich.console import Console

from presswatch.report import print_analysis
from tests.unit.test_records import full_analysis


def test_report_groups_quotes_and_summarizes_techniques():
    console = Console(record=True, width=200)
    print_analysis(console, full_analysis())
    text = console.export_text()
    assert "Quotes by speaker" in text and "officials (1)" in text
    assert "Persuasion techniques: 7 characters" in text and "Loaded_Language 1" in text
    assert "2022-09-12" in text and "ASSAULT" in text
