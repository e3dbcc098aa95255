"""What every command shares: the stderr console, exit codes, option types, error reporting."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from presswatch.errors import PresswatchError

err = Console(stderr=True)

EXIT_FAILED_INPUTS = 1
EXIT_USAGE = 2

Db = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


def fail(exc: PresswatchError) -> typer.Exit:
    """Print a PresswatchError on stderr and return the usage exit to raise."""
    err.print(f"[red]error[/red] {escape(str(exc))}")
    return typer.Exit(EXIT_USAGE)
