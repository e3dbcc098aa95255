"""Article text cannot inject Rich markup into the terminal report (SECURITY.md, issue 11)."""

from __future__ import annotations

from typer.testing import CliRunner

from presswatch import cli


def test_markup_in_article_text_is_printed_literally(monkeypatch, pipeline, tmp_path):
    monkeypatch.setattr(cli, "_load_analyzer", lambda model, max_chars, batch_size, workers, stack: pipeline)
    path = tmp_path / "markup[red].txt"
    path.write_text('"[blink]Surrender[/blink] now," the [bold red]minister[/] said in Baku.', encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    assert "[blink]Surrender[/blink]" in result.stdout
    assert "\x1b[5m" not in result.stdout  # no blink escape sequence
