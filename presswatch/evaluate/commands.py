"""`presswatch eval <stage>`: score a stage on public gold data (one command per stage).

Each command only parses arguments and calls `presswatch.evaluate.<stage>.run()`, printing the
report as JSON with `--json` or as a table otherwise.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Score each extractor on public gold data with the corpus's standard metric.",
                       no_args_is_help=True)
