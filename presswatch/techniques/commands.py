"""`presswatch techniques ...`: write predictions in the official SemEval-2020 Task 11 formats.

Each command only parses arguments and calls `presswatch.techniques.predict`; the rows go to
`--output` or stdout, nothing else goes to stdout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from presswatch.techniques.predict import predict_si, predict_tc

techniques_app = typer.Typer(help="Persuasion techniques (SemEval-2020 Task 11) in the PTC file formats.",
                             no_args_is_help=True)


def _emit(rows: str, output: Path | None) -> None:
    if output is None:
        typer.echo(rows, nl=False)
    else:
        output.write_text(rows, encoding="utf-8")


@techniques_app.command("predict-tc")
def predict_tc_command(
    articles: Annotated[Path, typer.Argument(help="Folder of article<ID>.txt files (PTC layout).")],
    template: Annotated[Path, typer.Argument(help="TC template: id<TAB>?<TAB>start<TAB>end rows.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Label each template span with a technique: id<TAB>technique<TAB>start<TAB>end."""
    _emit(predict_tc(articles, template), output)


@techniques_app.command("predict-si")
def predict_si_command(
    articles: Annotated[Path, typer.Argument(help="Folder of article<ID>.txt files (PTC layout).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Find technique spans in each article: id<TAB>start<TAB>end."""
    _emit(predict_si(articles), output)
