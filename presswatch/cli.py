"""The `presswatch` command line: thin Typer commands over library calls (STYLE.md, CLI).

stdout carries only the requested output; progress, logs and warnings go to stderr.  Exit
codes: 0 all good, 1 some inputs failed (the others were handled), 2 usage or setup errors.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import ExitStack
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from presswatch.console import EXIT_FAILED_INPUTS, Db, err, fail
from presswatch.errors import PresswatchError
from presswatch.evaluate.commands import eval_app
from presswatch.ingest.files import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, ReadOptions
from presswatch.monitor.commands import COMMANDS as MONITOR_COMMANDS
from presswatch.nlp import DEFAULT_MODEL
from presswatch.records import Analysis, Failure
from presswatch.techniques.commands import techniques_app
from presswatch.web.limits import BURST, RATE_LIMIT, THREADS

app = typer.Typer(
    help="presswatch: news articles in, traceable evidence out (quotes, events, persuasion techniques).",
    no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
)
app.add_typer(eval_app, name="eval")
app.add_typer(techniques_app, name="techniques")
for _command in MONITOR_COMMANDS:
    app.command()(_command)



class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2022-10-12") from None


Paths = Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively): .txt, .html, .jsonl, .rss/.atom/.xml, .warc(.gz).")]
Published = Annotated[str | None, typer.Option("--published", callback=_published,
                                               help="Publication date (YYYY-MM-DD) for inputs that carry none.")]
Model = Annotated[str, typer.Option(help="spaCy pipeline to load (package name or path).")]
MaxBytes = Annotated[int, typer.Option(help="Refuse input files larger than this many bytes.")]
MaxChars = Annotated[int, typer.Option(help="Refuse articles longer than this many characters.")]
BatchSize = Annotated[int, typer.Option(min=1, help="Documents per nlp.pipe batch and per database transaction.")]
Workers = Annotated[int, typer.Option(min=1, help="Analysis processes, each with its own model (default: all cores).")]
ALL_CORES = os.cpu_count() or 1


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s",
                        handlers=[RichHandler(console=err, show_time=False, show_path=False)], force=True)


def useful_workers(paths: list[Path], workers: int) -> int:
    """No more workers than inputs could keep busy: one-article files (.txt, .html) count one each."""
    from presswatch.ingest import file_kind, list_inputs

    files = list_inputs(paths)
    if any(file_kind(path) not in (".txt", ".html", ".htm") for path in files):
        return workers  # feeds, JSONL and WARC files may hold any number of articles
    return max(1, min(workers, len(files)))


def _load_analyzer(model: str, max_chars: int, batch_size: int, workers: int, stack: ExitStack):
    """A Pipeline in this process (one worker) or a WorkerPool closed with `stack`."""
    if workers > 1:
        from presswatch.nlp import require_model
        from presswatch.workers import WorkerPool

        require_model(model)  # fail here, not in every worker
        pool = WorkerPool(workers, model=model, max_chars=max_chars, batch_size=batch_size)
        stack.callback(pool.close)
        return pool
    from presswatch.pipeline import Pipeline  # loads spaCy; keep `--help` fast

    with err.status(f"loading {model} …"):
        return Pipeline(model=model, max_chars=max_chars, batch_size=batch_size)


def _report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        colour = "yellow" if failure.severity == "warning" else "red"
        err.print(f"[{colour}]{failure.severity}[/{colour}] {escape(failure.message)}")


@app.command()
def analyze(
    paths: Paths,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text: a readable report; json: the contract (one object, or a list for several documents); jsonl: one object per line.")] = OutputFormat.text,
    published: Published = None,
    model: Model = DEFAULT_MODEL,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    workers: Workers = ALL_CORES,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Analyze articles without storing them and print the result."""
    from presswatch.batch import analyze_paths

    _setup_logging(verbose)
    stack = ExitStack()
    try:
        analyzer = _load_analyzer(model, max_chars, 32, useful_workers(paths, workers), stack)
    except PresswatchError as exc:
        raise fail(exc) from None
    out = Console(highlight=False, soft_wrap=False)
    options = ReadOptions(published=published, max_bytes=max_bytes, max_chars=max_chars)
    failures: list[Failure] = []
    with stack:
        _print_results(analyze_paths(paths, analyzer, options), format, out, failures)
    _report_failures(failures)
    if any(failure.severity == "error" for failure in failures):
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _print_results(results, format: OutputFormat, out: Console, failures: list[Failure]) -> None:
    from presswatch.report import print_analysis

    analyses: list[Analysis] = []
    for result in results:
        if isinstance(result, Failure):
            failures.append(result)
        elif format is OutputFormat.jsonl:
            sys.stdout.write(result.to_json() + "\n")
        elif format is OutputFormat.text:
            print_analysis(out, result)
        else:
            analyses.append(result)
    if format is OutputFormat.json and analyses:
        data = analyses[0].to_dict() if len(analyses) == 1 else [analysis.to_dict() for analysis in analyses]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def ingest(
    paths: Paths,
    db: Db = Path("presswatch.db"),
    published: Published = None,
    model: Model = DEFAULT_MODEL,
    batch_size: BatchSize = 64,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    workers: Workers = ALL_CORES,
    refresh: Annotated[bool, typer.Option(help="Recluster events (dedup across articles) after storing.")] = True,
    reprocess: Annotated[bool, typer.Option(help="Analyze again articles stored by another pipeline version and replace their records.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Analyze articles and store them; already stored articles are skipped."""
    from presswatch.batch import BatchProgress, ingest_paths
    from presswatch.store import Store

    _setup_logging(verbose)
    stack = ExitStack()
    try:
        store = stack.enter_context(Store(db))
        analyzer = _load_analyzer(model, max_chars, min(batch_size, 64), useful_workers(paths, workers), stack)
    except PresswatchError as exc:
        stack.close()
        raise fail(exc) from None
    options = ReadOptions(published=published, max_bytes=max_bytes, max_chars=max_chars)
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
               TextColumn("{task.fields[documents]} docs, {task.fields[rate]:.1f} docs/s"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with stack:
        with Progress(*columns, console=err, transient=False) as progress:
            task = progress.add_task("ingest", total=None, documents=0, rate=0.0)

            def advance(step: BatchProgress) -> None:
                done = progress.tasks[task].fields["documents"] + step.documents
                elapsed = progress.tasks[task].elapsed or 1e-9
                progress.update(task, total=step.files_total, completed=step.files_done, documents=done,
                                rate=done / elapsed)

            try:
                report = ingest_paths(paths, store, analyzer, options, batch_size=batch_size,
                                      command="ingest " + " ".join(map(str, paths)), on_progress=advance,
                                      reprocess=reprocess)
            except PresswatchError as exc:
                raise fail(exc) from None
            progress.update(task, total=report.files, completed=report.files)
        if refresh and report.stored:
            from presswatch import monitor

            with err.status("clustering events …"):
                clusters = monitor.refresh(store)
            err.print(f"{clusters:,} events after deduplication across articles")
    _report_failures(report.failures)
    err.print(f"[bold]{report.files}[/bold] files: [green]{report.stored} stored[/green], "
              f"{report.skipped} skipped as duplicate, [red]{report.failed} failed[/red]"
              + (f", [yellow]{report.warnings} warnings[/yellow]" if report.warnings else "")
              + f"  → {escape(str(db))}")
    if report.failed:
        raise typer.Exit(EXIT_FAILED_INPUTS)


@app.command()
def stats(db: Db = Path("presswatch.db"),
          json_output: Annotated[bool, typer.Option("--json", help="Print the statistics as JSON.")] = False) -> None:
    """Show what a store holds: counts, publication range, outlets, errors and recent runs."""
    from presswatch.store import Store

    try:
        with Store(db, create=False, readonly=True) as store:
            result = store.stats()
    except PresswatchError as exc:
        raise fail(exc) from None
    if json_output:
        sys.stdout.write(json.dumps(result.__dict__, indent=2) + "\n")
        return
    out = Console(highlight=False)
    out.print(f"[bold]{escape(result.path)}[/bold] (schema {result.schema_version}), "
              f"published {result.first_published or '?'} … {result.last_published or '?'}")
    table = Table(show_edge=False)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in result.tables.items():
        table.add_row(name, f"{count:,}")
    out.print(table)
    if result.outlets:
        outlets = Table("outlet", "documents", show_edge=False)
        for name, count in result.outlets:
            outlets.add_row(escape(name), str(count))
        out.print(outlets)
    if result.error_codes:
        codes = Table("error code", "count", show_edge=False)
        for code, count in result.error_codes:
            codes.add_row(code, str(count))
        out.print(codes)


@app.command()
def check(db: Db = Path("presswatch.db")) -> None:
    """Check a store's integrity: SQLite, foreign keys, full-text index, stored records."""
    from presswatch.store import Store

    try:
        with Store(db, create=False) as store:
            problems = store.check()
    except PresswatchError as exc:
        raise fail(exc) from None
    for problem in problems:
        err.print(f"[red]problem[/red] {escape(problem)}")
    if problems:
        raise typer.Exit(EXIT_FAILED_INPUTS)
    err.print(f"[green]ok[/green] {escape(str(db))}")


@app.command()
def search(query: Annotated[str, typer.Argument(help="FTS5 query, e.g. 'ceasefire AND Batken'.")],
           db: Db = Path("presswatch.db"), limit: int = 20) -> None:
    """Full-text search over stored articles."""
    from presswatch.store import Store

    try:
        with Store(db, create=False, readonly=True) as store:
            hits = store.search(query, limit)
    except PresswatchError as exc:
        raise fail(exc) from None
    out = Console(highlight=False)
    for document_id, title, snippet in hits:
        out.print(f"[bold]{escape(title or document_id[:12])}[/bold] {document_id[:12]}\n  {escape(snippet)}")


spark_app = typer.Typer(help="Run the pipeline on Apache Spark.", no_args_is_help=True)
app.add_typer(spark_app, name="spark")


@spark_app.command("run")
def spark_run(
    input_path: Annotated[str, typer.Argument(help="Folder or glob of .jsonl, .parquet, .warc(.gz) files (any path Spark reads).")],
    output_path: Annotated[str, typer.Argument(help="Output folder: Parquet per table, partitioned by publication date.")],
    master: Annotated[str | None, typer.Option(help="Spark master, e.g. local[2]; default: spark-submit's, else local[*].")] = None,
    partitions: Annotated[int | None, typer.Option(help="Number of partitions (default: Spark's parallelism).")] = None,
    model: Model = DEFAULT_MODEL,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
) -> None:
    """Analyze INPUT on Spark (one pipeline per partition) and write Parquet to OUTPUT."""
    from presswatch.scale.spark import run, spark_session

    counts = run(input_path, output_path, spark=spark_session(master), model=model, partitions=partitions,
                 options=ReadOptions(max_chars=max_chars))
    err.print(", ".join(f"{table}: {count:,}" for table, count in sorted(counts.items())) + f"  → {escape(output_path)}")


@spark_app.command("monitor")
def spark_monitor(
    output_path: Annotated[str, typer.Argument(help="A folder written by `presswatch spark run`.")],
    master: Annotated[str | None, typer.Option(help="Spark master, e.g. local[2]; default: spark-submit's, else local[*].")] = None,
) -> None:
    """Cluster the events of a `spark run` output and build the series (Parquet: clusters/, series/)."""
    from presswatch.scale.spark import spark_session
    from presswatch.scale.spark_monitor import build_monitor

    counts = build_monitor(output_path, spark=spark_session(master))
    err.print(f"{counts['clusters']:,} events (clusters), {counts['series']:,} series points → {escape(output_path)}")


@app.command("import-parquet")
def import_parquet(
    output_path: Annotated[Path, typer.Argument(help="A folder written by `presswatch spark run`.")],
    db: Db = Path("presswatch.db"),
    batch_size: BatchSize = 500,
) -> None:
    """Load the analyses of a `spark run` output into the SQLite store (stored ones are skipped)."""
    from presswatch.batch import batched
    from presswatch.scale.spark import read_analyses
    from presswatch.store import Store

    stored = total = 0
    try:
        with Store(db) as store:
            run_id = store.start_run(f"import-parquet {output_path}")
            for chunk in batched(read_analyses(output_path), batch_size):
                stored += store.write_batch(chunk, [], run_id)
                total += len(chunk)
    except PresswatchError as exc:
        raise fail(exc) from None
    err.print(f"{total} analyses read: [green]{stored} stored[/green], {total - stored} already present → {escape(str(db))}")


@app.command()
def serve(db: Db = Path("presswatch.db"),
          host: Annotated[str, typer.Option(help="Interface to bind; the default accepts local connections only.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
          threads: Annotated[int, typer.Option(min=1, max=64, help="Requests worked on at once; the others "
                                               "wait in line, first come first served.")] = THREADS,
          rate_limit: Annotated[float, typer.Option(min=0, help="Requests per second one client (IP address) "
                                                    "may send on average; more get 429. 0 turns it off.")] = RATE_LIMIT,
          burst: Annotated[int, typer.Option(min=1, help="Requests one client may send at once.")] = BURST) -> None:
    """Serve the dashboard and the JSON API (/api/v1/, docs at /docs) over a store, read-only."""
    import uvicorn

    from presswatch.web.app import make_app

    try:
        web_app = make_app(db, threads=threads, rate_limit=rate_limit, burst=burst)
    except PresswatchError as exc:
        raise fail(exc) from None
    err.print(f"presswatch on http://{host}:{port}/ over {escape(str(db))} (Ctrl-C stops)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def main() -> None:
    """Entry point of the `presswatch` console script."""
    app()
