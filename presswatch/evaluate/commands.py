"""`presswatch eval <stage>`: score a stage on public gold data (one command per stage).

Each command only parses arguments and calls `presswatch.evaluate.<stage>.run()`, printing the
report as JSON with `--json` or as a table otherwise.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Score each extractor on public gold data with the corpus's standard metric.",
                       no_args_is_help=True)


@eval_app.command("quotes")
def eval_quotes(
    polnear: str = typer.Option(..., "--polnear", "--data", help="PolNeAR root (has train/ and dev/)"),
    split: str = typer.Option("dev", help="split to score: dev (report) or train (development)"),
    limit: int = typer.Option(None, help="score only the first N articles"),
    cache: str = typer.Option(None, help="DocBin file to reuse the parse between runs"),
    as_json: bool = typer.Option(False, "--json", help="print the full report as JSON"),
) -> None:
    """Quotes on PolNeAR: cue/source/content exact and token-overlap P/R/F1 vs a baseline."""
    import json

    from presswatch.evaluate.quotes import run

    report = run(polnear, split=split, limit=limit, cache=cache)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(f"PolNeAR {report['split']}: {report['articles']} articles")
    for system in ("presswatch", "baseline"):
        for subset in ("all", "speech"):
            part = report[system][subset]
            cells = [f"{metric}.{role}={part[metric][role]['f1']:.3f}"
                     for metric in ("exact", "overlap") for role in ("cue", "source", "content", "attribution")]
            typer.echo(f"{system:10} {subset:6} " + " ".join(cells))



@eval_app.command("actors")
def eval_actors(
    data: str = typer.Option(None, "--data", help="shared data root (has events/plover_gsr/)"),
    as_json: bool = typer.Option(False, "--json", help="print the full report as JSON"),
) -> None:
    """Actors: country/sector accuracy on PLOVER gold sources/targets vs a baseline; fixtures."""
    import json
    from pathlib import Path

    from presswatch.evaluate.actors import run

    report = run(Path(data) if data else None)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    gsr = report.get("plover_gsr_dev")
    if gsr:
        typer.echo(f"PLOVER GSR dev: {gsr['records']} records")
        for system in ("actors", "baseline"):
            for role in ("source", "target", "all"):
                part = gsr[system][role]
                typer.echo(f"{system:9} {role:7} n={part['n']:4} country={part['country_accuracy']:.3f} "
                           f"sector={part['sector_accuracy']:.3f} gold-code={part['sector_accuracy_gold_code']:.3f} "
                           f"exact={part['sector_accuracy_exact']:.3f} "
                           f"(n={part['sector_n']}) joint={part['joint_accuracy']:.3f}")
    if "petrarch_unit" in report:
        typer.echo("PETRARCH unit tests: " + " ".join(f"{k}={v}" for k, v in report["petrarch_unit"].items()))
    for role, row in report.get("conflibert_coverage", {}).items():
        typer.echo(f"ConfliBERT {role} spans (coverage, no gold codes): " + " ".join(f"{k}={v}" for k, v in row.items()))
    if "fixtures" in report:
        typer.echo("fixtures: " + " ".join(f"{k}={v}" for k, v in report["fixtures"].items()))


@eval_app.command("events")
def eval_events(
    data: str = typer.Option("../shared/data/events", "--data", help="shared events folder"),
    folds: int = typer.Option(5, help="CV folds for the ConfliBERT train sentences"),
    limit: int = typer.Option(None, help="score only the first N items of each corpus"),
    as_json: bool = typer.Option(False, "--json", help="print the full report as JSON"),
) -> None:
    """Events: PLOVER GSR type/actor accuracy, ConfliBERT quad macro-F1, CASE-2021 weighted F1 vs baselines."""
    import json

    from presswatch.evaluate.events import run

    report = run(data, folds=folds, limit=limit)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    for corpus in ("plover_gsr_dev", "conflibert_train_cv", "case2021_dev"):
        typer.echo(f"{corpus}: " + json.dumps(report[corpus]))


@eval_app.command("techniques")
def eval_techniques(
    data: str = typer.Option("../shared/data/propaganda", "--data", help="folder holding ptc/ (SemEval-2020 Task 11 train)"),
    folds: int = typer.Option(5, help="cross-validation folds, grouped by article"),
    max_articles: int = typer.Option(None, help="use only the first N articles (quick runs)"),
    max_folds: int = typer.Option(None, help="run only the first N folds (quick runs)"),
    random_state: int = typer.Option(0, help="seed of the fold split and the models"),
    as_json: bool = typer.Option(False, "--json", help="print the full report as JSON"),
) -> None:
    """Techniques: official SI span P/R/F1 and TC micro-F1 by grouped CV on PTC train, vs a lexicon baseline."""
    import json

    from presswatch.evaluate.techniques import run

    report = run(data, folds=folds, max_articles=max_articles, max_folds=max_folds,
                 random_state=random_state)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    for name, scores in (("model", report), ("lexicon baseline", report["baseline"])):
        si, tc = scores["si"], scores["tc"]
        typer.echo(f"{name}: SI P={si['precision']:.3f} R={si['recall']:.3f} F1={si['f1']:.3f}"
                   f"  TC micro-F1={tc['f1']:.3f}")
    for technique, f1 in report["tc"]["per_technique_f1"].items():
        typer.echo(f"  TC F1 {technique}: {f1:.3f}")
    typer.echo(f"{report['articles']} articles, {report['folds_run']}/{report['folds']} folds, "
               f"{report['ms_per_article']:.1f} ms per article (parse excluded)")


@eval_app.command("time-place")
@eval_app.command("timeplace", hidden=True)
def eval_timeplace(
    gold: str = typer.Option(None, "--gold", help="time-and-place gold JSONL (default: tests/fixtures/timeplace/gold.jsonl)"),
    polnear_gold: str = typer.Option(None, "--polnear-gold", help="PolNeAR development annotations (default: tests/fixtures/timeplace/polnear_dev.tsv)"),
    polnear_test_gold: str = typer.Option(None, "--polnear-test-gold", help="held-out PolNeAR annotations (default: tests/fixtures/timeplace/polnear_test.tsv)"),
    dev_only: bool = typer.Option(False, "--dev-only", help="leave out the held-out polnear_test set (while changing rules)"),
    polnear: str = typer.Option(None, "--polnear", help="PolNeAR root holding dev/text (default: ../shared/data/polnear)"),
    limit: int = typer.Option(None, help="score only the first N documents of each set"),
    as_json: bool = typer.Option(False, "--json", help="print the full report as JSON"),
) -> None:
    """Dates and places: accuracy by precision on the hand-labelled gold sets, next to the GDELT-style baseline."""
    import json

    from presswatch.evaluate import timeplace

    report = timeplace.run(gold or timeplace.DEFAULT_GOLD, limit=limit,
                           polnear_gold=polnear_gold or timeplace.DEFAULT_POLNEAR_GOLD,
                           polnear=polnear or timeplace.DEFAULT_POLNEAR,
                           polnear_test_gold=polnear_test_gold or timeplace.DEFAULT_POLNEAR_TEST_GOLD,
                           held_out=not dev_only)
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    if "polnear_dev_skipped" in report:
        typer.echo(f"skipped PolNeAR dev: {report['polnear_dev_skipped']}")
    for name in ("examples", "polnear_dev", "polnear_test", "combined"):
        if name not in report:
            continue
        role = f"{report['roles'][name]}; " if name in report["roles"] else ""
        typer.echo(f"{name} ({role}{report[name]['documents']} documents)")
        for part in ("dates", "places", "event_dates", "event_locations"):
            scores = report[name][part]
            if not scores["n"]:
                continue
            levels = " ".join(f"{key}={value['accuracy']:.3f}/{value['baseline_accuracy']:.3f}(n={value['n']})"
                              for key, value in scores["by_precision"].items())
            typer.echo(f"  {part}: accuracy={scores['accuracy']:.3f} baseline={scores['baseline_accuracy']:.3f} "
                       f"(n={scores['n']})  {levels}")


@eval_app.command("dedup")
def eval_dedup(
    gold: str = typer.Option(None, "--gold", help="labelled mentions TSV (default: tests/fixtures/dedup/mentions.tsv)"),
    end_to_end: str = typer.Option(None, "--end-to-end", metavar="DIR",
                                   help="also run the whole pipeline on these articles (e.g. examples/articles) "
                                        "and score its clusters against the same labels"),
    as_json: bool = typer.Option(False, "--json", help="print the full report as JSON"),
) -> None:
    """Event deduplication: pairwise precision/recall on hand-labelled mentions, next to baselines."""
    import json
    from pathlib import Path

    from presswatch.evaluate.dedup import DEFAULT_GOLD, run, run_end_to_end

    gold_path = Path(gold) if gold else DEFAULT_GOLD
    report = run(gold_path)
    if end_to_end:
        report["end_to_end"] = run_end_to_end(Path(end_to_end), gold_path)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(f"{report['mentions']} mentions of {report['events']} events")
    for name in ("presswatch", "baseline_same_day", "baseline_no_dedup"):
        scores = report[name]
        typer.echo(f"{name}: pairwise P={scores['precision']:.3f} R={scores['recall']:.3f} F1={scores['f1']:.3f}")
    for section, part in report["sections"].items():
        ours, same_day = part["presswatch"], part["baseline_same_day"]
        typer.echo(f"  {section}: {part['mentions']} mentions of {part['events']} events, presswatch P="
                   f"{ours['precision']:.3f} R={ours['recall']:.3f}; same day P={same_day['precision']:.3f} "
                   f"R={same_day['recall']:.3f}")
    if end_to_end:
        whole = report["end_to_end"]
        typer.echo(f"end to end on {whole['articles']}: {whole['pipeline_mentions']} mentions, "
                   f"{whole['pipeline_clusters']} clusters")
        for name in ("presswatch", "baseline_same_day", "baseline_no_dedup"):
            scores = whole[name]
            typer.echo(f"{name}: events found {scores['found']}/{scores['events']}, in one cluster "
                       f"{scores['one_cluster']}, all found articles in one cluster {scores['right_sources']}, "
                       f"clusters per found event {scores['clusters_per_found_event']}, pairwise "
                       f"P={scores['pairwise']['precision']:.3f} R={scores['pairwise']['recall']:.3f} "
                       f"F1={scores['pairwise']['f1']:.3f}")
        for section, scores in whole["presswatch_by_section"].items():
            typer.echo(f"  {section}: events found {scores['found']}/{scores['events']}, in one cluster "
                       f"{scores['one_cluster']}, all found articles in one cluster {scores['right_sources']}, "
                       f"pairwise P={scores['pairwise']['precision']:.3f} R={scores['pairwise']['recall']:.3f}")
