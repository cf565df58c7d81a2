"""Every command; each a thin shell over the Python API of the module it names.

`main` is the entry point: an error ends a command in one line on stderr and a
non-zero exit status, never a traceback unless --debug (cli_errors.py).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional, Tuple

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Chronicle: news articles to evidence-backed political event data.")
console = Console()
err_console = Console(stderr=True)

DEFAULT_DB = "chronicle.db"


@app.callback()
def _options(debug: bool = typer.Option(False, "--debug", help="Show the full traceback of an error (also after a command)")) -> None:
    """Chronicle: news articles to evidence-backed political event data."""


def main(argv: list[str] | None = None) -> None:
    """The `chronicle` command: every error in one line, tracebacks only with --debug."""
    from chronicle.cli_errors import run

    run(app, argv)


def shared_data_dir() -> Path:
    """Where the development sets live: $CHRONICLE_SHARED/data, else ../shared/data."""
    root = os.environ.get("CHRONICLE_SHARED")
    return Path(root) / "data" if root else Path.cwd().parent / "shared" / "data"


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files or folders (.html .htm .txt .jsonl .csv), or - for JSON lines on stdin"),
    output: str = typer.Option("-", "--output", "-o", help="Where to write JSON lines (- for stdout)"),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any input yields an error record"),
    db: Optional[str] = typer.Option(DEFAULT_DB, "--db", help="Store records here too (SQLite path or postgresql:// URL)"),
    no_store: bool = typer.Option(False, "--no-store", help="Do not write to the store"),
    actors: List[str] = typer.Option([], "--actors", help="Extra actor knowledge-base file(s) (YAML)"),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to use (default: the packaged one)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes on this machine (each loads the pipeline once)"),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run of the same inputs: nothing lost, nothing coded twice"),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="Run on Dask: a scheduler address (tcp://host:8786) or 'local'"),
    parquet: Optional[str] = typer.Option(None, "--parquet", help="Also write the records as a partitioned Parquet dataset in this folder"),
) -> None:
    """Code every article in INPUT... into one JSON record per line (CONTRACT.md)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from chronicle.batch import BatchInterrupted, run_batch
    from chronicle.interrupts import signal_name

    if resume and output == "-" and not parquet:
        err_console.print("--resume needs --output FILE or --parquet DIR")
        raise typer.Exit(code=2)
    store = None
    if db and not no_store:
        from chronicle.store import open_store

        store = open_store(db)
    # the pipeline is built inside run_batch, after it has locked the output (a second run
    # on the same output is refused at once, not after loading the models)
    settings = {"spacy_model": model, "actors_files": list(actors)}
    coder = client = None
    if cluster:
        from chronicle.cluster import DaskCoder, connect

        client = connect(cluster, workers=workers if workers > 1 else None)
        coder = DaskCoder(client, settings)
    show_progress = output != "-" and sys.stderr.isatty() or os.environ.get("CHRONICLE_PROGRESS") == "1"
    try:
        with Progress(
            TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"), TimeElapsedColumn(),
            console=err_console, disable=not show_progress, transient=False,
        ) as progress:
            task = progress.add_task("extract", total=None)
            summary = run_batch(inputs, output, store=store, workers=workers, resume=resume,
                                parquet=parquet, coder=coder, settings=settings,
                                on_progress=lambda coded: progress.advance(task))
    except BatchInterrupted as stop:
        _exit_at_once_on_signals()  # a further Ctrl-C while the process winds down ends it at once
        where = output if output != "-" else parquet
        err_console.print(f"interrupted by {signal_name(stop.signum)}: {stop.summary.articles} articles committed"
                          + (f" in {where}; run the same command with --resume to continue" if stop.resumable
                             else "; output to stdout cannot be resumed"), highlight=False, soft_wrap=True)
        raise typer.Exit(code=128 + stop.signum)
    finally:
        if client is not None:
            cluster_obj = getattr(client, "cluster", None)
            client.close()
            if cluster_obj is not None:
                cluster_obj.close()
        if store is not None:
            store.close()
    err_console.print(_summary_line(summary, output), highlight=False, soft_wrap=True)
    if strict and summary.errors:
        raise typer.Exit(code=1)


def _exit_at_once_on_signals() -> None:
    import signal

    def now(signum, frame):
        os._exit(128 + signum)  # everything is committed already

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, now)


def _summary_line(summary, output: str) -> str:
    """What a run did; after a resume, what it coded now and what the file holds in all."""
    totals = f"{summary.articles} articles, {'?' if summary.events is None else summary.events} events, {summary.errors} errors"
    if summary.resumed:
        line = (f"{summary.coded} articles coded now ({summary.coded_events} events, {summary.coded_errors} errors); "
                f"{output if output != '-' else 'the output'} holds {totals} "
                f"({summary.resumed} kept from the interrupted run)")
    else:
        line = totals + (f" -> {output}" if output != "-" else "")
    if len(summary.workers) > 1:
        line += f" in {summary.seconds:.1f}s; peak memory per worker: " + ", ".join(
            f"{mb:.0f} MB" for mb in sorted(summary.workers.values()))
    return line


@app.command()
def show(
    records: str = typer.Argument(..., help="A JSON lines file written by `chronicle extract`"),
    limit: int = typer.Option(200, help="At most this many events"),
    all_events: bool = typer.Option(False, "--all", help="Include historical background events"),
) -> None:
    """Print the events in RECORDS as a readable table."""
    from chronicle.export.table import events_table

    # Piped output has no terminal width to follow; a wide table reads better than a folded one.
    out = console if sys.stdout.isatty() else Console(width=180)
    out.print(events_table(_read_jsonl(records), limit=limit, include_historical=all_events))


def _read_jsonl(path: str):
    from chronicle.cli_errors import UserError

    fh = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")
    with fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as exc:
                    raise UserError(f"{path}:{number}: not a JSON record ({exc.msg if hasattr(exc, 'msg') else exc}); "
                                    "show reads the JSON lines `chronicle extract` writes") from None


@app.command("export")
def export_cmd(
    fmt: str = typer.Argument(..., metavar="FORMAT",
                              help="jsonl, csv (ACLED columns + PLOVER and evidence), acled (ACLED columns only), geojson or parquet"),
    output: str = typer.Option("-", "--output", "-o", help="File to write (- for stdout; parquet needs a file)"),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite path or postgresql:// URL"),
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. PROTEST"),
    country: Optional[str] = typer.Option(None, "--country", help="Where it happened: ISO alpha-2 or alpha-3"),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor id or part of its name"),
    date_from: Optional[str] = typer.Option(None, "--from", help="Events on or after (YYYY, YYYY-MM or YYYY-MM-DD)"),
    date_to: Optional[str] = typer.Option(None, "--to", help="Events on or before"),
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Full-text search"),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0),
    news_only: bool = typer.Option(False, "--news-only", help="Leave out historical background events"),
) -> None:
    """Write the stored events (filtered) as JSON lines, CSV, ACLED-style CSV, GeoJSON or Parquet."""
    import re

    from chronicle.export import FORMATS, UnsafeOutputPath, export_events, output_path
    from chronicle.store import EventFilter, open_store

    if fmt not in FORMATS:
        err_console.print(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        raise typer.Exit(code=2)
    for name, value in (("--from", date_from), ("--to", date_to)):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            err_console.print(f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
            raise typer.Exit(code=2)
    if output == "-" and fmt == "parquet":
        err_console.print("parquet needs --output FILE")
        raise typer.Exit(code=2)
    try:
        target = None if output == "-" else output_path(output)
    except UnsafeOutputPath as exc:
        err_console.print(str(exc))
        raise typer.Exit(code=2)
    if not db.startswith(("postgresql://", "postgres://")) and not Path(db.removeprefix("sqlite:///")).is_file():
        err_console.print(f"no store at {db}")  # opening would create an empty one
        raise typer.Exit(code=2)
    f = EventFilter(type=event_type, country=country, actor=actor, date_from=date_from, date_to=date_to,
                    q=search, min_confidence=min_confidence, historical=False if news_only else None)
    with open_store(db) as store:
        n = export_events(store.iter_events(f), fmt, target if target is not None else sys.stdout.buffer)
    err_console.print(f"{n} events -> {output if target is not None else 'stdout'} ({fmt})")


@app.command("eval")
def evaluate(
    gsr: Optional[Path] = typer.Option(None, help="PLOVER gold-standard records (JSON)"),
    geovirus: Optional[Path] = typer.Option(None, help="GeoVirus corpus (XML)"),
    lgl: Optional[Path] = typer.Option(None, help="LGL corpus (JSON lines with toponym offsets and points)"),
    case: Optional[Path] = typer.Option(None, help="CASE 2021 snippets with ACLED labels (JSON lines)"),
    articles: Optional[Tuple[Path, Path]] = typer.Option(
        None, "--articles", metavar="GOLD INPUT",
        help="Hand-coded articles: the analyst's events (JSON lines, ../shared/data/articles_dev.md) and the articles coded"),
    predictions: Optional[Path] = typer.Option(
        None, "--predictions", help="With --articles: score this `chronicle extract` output instead of running the pipeline"),
    only: Optional[str] = typer.Option(None, help="Run one evaluation: 'events', 'acled', 'places', 'articles' or 'times'"),
    output: Optional[Path] = typer.Option(None, "--json", help="Also write the scores as JSON here"),
) -> None:
    """Score Chronicle on the development sets (or on your own hand-coded articles) and print a table."""
    from chronicle.events.evaluate_articles import ArticleGoldError
    from chronicle.evaluate import detail_tables, run_evaluations, scores_table

    data = shared_data_dir()
    if predictions is not None and not articles:
        err_console.print("--predictions needs --articles GOLD INPUT")
        raise typer.Exit(code=2)
    if articles:
        only = only or "articles"  # the user's own articles, not every development set too
        missing = [str(p) for p in articles if not p.is_file()]
        if missing:
            err_console.print(f"not found: {', '.join(missing)}", soft_wrap=True, markup=False)
            raise typer.Exit(code=2)
    try:
        scores = run_evaluations(
            gsr=gsr or data / "plover_gsr_cameo.json",
            geovirus=geovirus or data / "geovirus.xml",
            lgl=lgl or data / "lgl_dev.jsonl",
            case=case or data / "case2021_dev.jsonl",
            articles=articles or (data / "articles_dev.gold.jsonl", data / "articles_dev.input.jsonl"),
            predictions=predictions,
            timebank=data / "timebank_dev.jsonl",
            only=only,
        )
    except ArticleGoldError as exc:
        err_console.print(str(exc), soft_wrap=True, markup=False)
        raise typer.Exit(code=2)
    console.print(scores_table(scores))
    for table in detail_tables(scores):
        console.print(table)
    if output:
        output.write_text(json.dumps(scores, indent=2))


@app.command()
def train(
    data: Optional[Path] = typer.Option(None, help="Training JSON lines (default: the shared synthetic PLOVER set)"),
    out: Optional[Path] = typer.Option(None, help="Where to write the model (default: inside the package)"),
) -> None:
    """Train the event classifier and the ACLED sub-event model that ship with the package (reproducible)."""
    from chronicle.events.acled_train import train_acled
    from chronicle.events.train import train_model

    report = train_model(data or shared_data_dir() / "plover_synthetic_train.jsonl", out)
    console.print(report)
    if out is None:  # --out names the PLOVER model's file; the ACLED model is trained beside the shipped one
        console.print(train_acled(shared_data_dir()))


@app.command()
def places(text: str = typer.Argument(..., help="Text to geoparse (or @file)")) -> None:
    """Show each place mention, its resolution and why."""
    from chronicle.places.explain import explain_places

    console.print(explain_places(_text_arg(text)))


@app.command()
def actors(text: str = typer.Argument(..., help="Text to resolve actors in (or @file)"),
           extra: List[str] = typer.Option([], "--actors", help="Extra actor knowledge-base file(s)")) -> None:
    """Show each actor mention, its resolution and why."""
    from chronicle.actors.explain import explain_actors

    console.print(explain_actors(_text_arg(text), extra_files=extra))


def _text_arg(text: str) -> str:
    return Path(text[1:]).read_text(encoding="utf-8") if text.startswith("@") else text


@app.command()
def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite path or postgresql:// URL"),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (also an allowed Host name unless 0.0.0.0/::)"),
    port: int = typer.Option(8000),
    allow_host: List[str] = typer.Option([], "--allow-host", help="Another Host name browsers may use (repeatable; "
                                         "also $CHRONICLE_ALLOWED_HOSTS); localhost is always allowed"),
) -> None:
    """Serve the API and the pages (writes need CHRONICLE_TOKEN)."""
    import uvicorn

    from chronicle.web.app import create_app

    uvicorn.run(create_app(db, hosts=[host, *allow_host]), host=host, port=port)


@app.command()
def watch(
    feeds: List[str] = typer.Argument(..., help="RSS/Atom feed URLs"),
    every: str = typer.Option("15m", help="Poll interval (e.g. 30s, 15m, 1h)"),
    db: str = typer.Option(DEFAULT_DB, "--db"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Also append records here"),
    once: bool = typer.Option(False, "--once", help="Poll once and exit"),
) -> None:
    """Poll feeds and code only new items; survives restarts without reprocessing."""
    from chronicle.watch import watch_feeds

    watch_feeds(feeds, every=every, db=db, output=output, once=once)


if __name__ == "__main__":
    main()
