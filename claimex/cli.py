"""The ``claimex`` command: options in, library call, writer out.

Data goes to stdout (or ``--output``) only; progress, warnings and errors go to stderr.
Importing this module must not import spaCy, so ``claimex --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimex import __version__
from claimex.errors import ClaimexError, ExitCode, ModelError
from claimex.exits import (
    ending_runs,
    interrupted,
    leave_ctrl_c_to_the_parent,
    on_stop_signal,
    quiet_stdout,
    reported,
    say,
)
from claimex.options import (
    CSV_TABLES,
    FORMATS,
    INPUT_FORMATS,
    check_dask,
    check_encoding,
    check_not_an_input,
    check_output,
    config_option,
    default_format,
    model_option,
    origin,
    parse_size,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimex")
def cli() -> None:
    """Pull quotes, speakers, figures, organisations and claims out of news articles."""


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
    help="Output format [default: the one the --output file's extension names, e.g. out.csv; "
    "else table on a terminal, jsonl otherwise]. json is always one array of records.",
)  # fmt: skip
@click.option(
    "--table", type=click.Choice(CSV_TABLES), default=None,
    help="Which items --format csv writes, one row each with the document's source and the "
    "item's id [default: quotes].",
)  # fmt: skip
@model_option
@config_option
@click.option(
    "--include", multiple=True, metavar="GLOB",
    help="Only read files in directories whose name or relative path matches GLOB, e.g. "
    "'*.txt' (repeatable; matched by claimex, so it works in any shell).",
)  # fmt: skip
@click.option(
    "--encoding", callback=check_encoding,
    help="Encoding of inputs without a BOM [default: utf-8].",
)  # fmt: skip
@click.option(
    "--input-format", type=click.Choice(INPUT_FORMATS), default=None,
    help="Read inputs as this format [default: by extension: .jsonl/.ndjson, .csv/.tsv, "
    ".parquet, each also .gz/.bz2/.xz; anything else is one text per file].",
)  # fmt: skip
@click.option(
    "--text-field", default="text", show_default=True,
    help="Field (column) of a JSON Lines, CSV or Parquet record that holds the text.",
)  # fmt: skip
@click.option(
    "--id-field", default="id", show_default=True,
    help="Field of a record that identifies it (else its line or row number); the record's "
    "other fields pass through as `meta`.",
)  # fmt: skip
@click.option(
    "--output", "-o", type=click.Path(writable=True),
    help="Write here (atomically: the file appears complete or not at all); a directory "
    "for --format parquet.",
)  # fmt: skip
@click.option(
    "--n-process", type=click.IntRange(min=1), default=1, show_default=True,
    help="Worker processes for the language pipeline.",
)  # fmt: skip
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
    help="Documents per batch sent through the language pipeline.",
)  # fmt: skip
@click.option(
    "--join-continuations/--separate-continuations", default=True, show_default=True,
    envvar="CLAIMEX_JOIN_CONTINUATIONS", show_envvar=True,
    help='A quotation going on after `"...," she said.` is a further span of her quote '
    "(one quote per utterance), or with --separate-continuations a quote of its own "
    "(CLAIMEX_JOIN_CONTINUATIONS=0 or 1).",
)  # fmt: skip
@click.option(
    "--max-size", callback=parse_size, default="100MB", show_default=True, metavar="SIZE",
    help="Largest input file read (e.g. 500KB, 2GB); a larger one gets an error record.",
)  # fmt: skip
@click.option(
    "--dask", "dask_address", is_flag=False, flag_value="local", default=None,
    metavar="[ADDRESS]",
    help="Run on Dask: the scheduler at ADDRESS (tcp://HOST:8786), or without one a local "
    "cluster of --workers processes; writes -o DIRECTORY/part-00000.jsonl (or .parquet) "
    "and a manifest.",
)  # fmt: skip
@click.option(
    "--workers", type=click.IntRange(min=1), default=2, show_default=True,
    help="Worker processes of the local cluster --dask starts.",
)  # fmt: skip
@click.option(
    "--partition-size", type=click.IntRange(min=1), default=32, show_default=True,
    help="Documents per --dask partition (text files, lines, Parquet row groups).",
)  # fmt: skip
@click.option(
    "--resume", is_flag=True,
    help="With --dask: keep the parts the manifest in -o DIRECTORY lists as done, run the rest.",
)  # fmt: skip
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=0.0, metavar="X",
    help="Leave out quotes whose confidence is under X (and their claims), in every format.",
)  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No warnings, progress or summary on stderr.")
def extract_cli(
    paths, fmt, table, model, config, include, encoding, input_format, text_field, id_field,
    output, n_process, batch_size, join_continuations, dask_address, workers, partition_size,
    resume, max_size, min_confidence, quiet,
):  # fmt: skip
    """Extract from PATHS: files, directories (recursive) or - for stdin.

    Exit status: 0 all inputs done, 1 some inputs failed (each has an error record and a
    line on stderr; the others are written), 2 usage error, 3 the output could not be
    written, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM), 129 hung up (SIGHUP)."""
    from claimex.config import load_lexicons
    from claimex.io.output import stop_signals
    from claimex.io.records import RecordFields

    fmt = fmt or default_format(output)
    check_output(fmt, output, parts=dask_address is not None)
    engine = check_dask(dask_address, workers, partition_size, resume, paths, fmt, output)
    check_not_an_input(output, paths)
    if table is not None and fmt != "csv":
        raise click.UsageError(f"--table applies to --format csv, not {fmt}")
    if fmt != "table" and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # JSON and CSV are UTF-8 whatever the locale
    if n_process > 1:
        leave_ctrl_c_to_the_parent()
    sources = {
        "include": tuple(include),
        "encoding": encoding,
        "input_format": input_format,
        "fields": RecordFields(text=text_field, id=id_field),
        "max_bytes": max_size,
    }
    writing = {"fmt": fmt, "table": table, "output": output}
    pipeline = {
        "model": model,
        "n_process": n_process,
        "batch_size": batch_size,
        "join_continuations": join_continuations,
        "min_confidence": min_confidence,
    }
    with reported(_model_origin), ending_runs(n_process > 1, to_stdout=output is None):
        pipeline["lexicons"] = load_lexicons(config)
        with stop_signals(on_stop_signal):
            if engine:
                summary, report = _extract_dask(paths, writing, quiet, sources, pipeline, engine)
            else:
                summary, report = _extract(paths, writing, quiet, sources, pipeline)
    report.summary(summary.line())
    sys.exit(ExitCode.INPUT_FAILED if summary.failed else ExitCode.OK)


def _model_origin(exc: ClaimexError) -> str:
    """Where the model named in a model error came from, when it was not --model."""
    if isinstance(exc, ModelError) and origin("model", "CLAIMEX_MODEL") == "CLAIMEX_MODEL":
        return " (named by CLAIMEX_MODEL)"
    return ""


STDIN_HINT = "reading an article from the terminal: type or paste it, then press Ctrl-D"


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _extract(paths, writing: dict, quiet: bool, sources: dict, pipeline: dict):
    """Load the pipeline (a model error ends the run before any document), then stream every
    record to the writer; return the run's summary and the reporter."""
    from claimex.io.output import open_writer
    from claimex.pipeline import load_pipeline
    from claimex.render import Reporter
    from claimex.run import extract_paths
    from claimex.sources import STDIN, count_records

    load_pipeline(
        pipeline["model"],
        join_continuations=pipeline["join_continuations"],
        lexicons=pipeline["lexicons"],
    )
    fmt, output = writing["fmt"], writing["output"]
    # The bar would garble a table being printed on the same terminal, which shows progress.
    table_on_terminal = fmt == "table" and output is None and sys.stdout.isatty()
    progress = sys.stderr.isatty() and not table_on_terminal and not quiet
    total = None
    if progress:
        total = count_records(paths, sources["include"], sources["input_format"])
    if STDIN in paths and _stdin_is_terminal() and not quiet:
        say(STDIN_HINT)
    with (
        open_writer(fmt, output, writing["table"]) as writer,
        Reporter(sys.stderr, quiet, progress, total) as report,
    ):
        summary = extract_paths(paths, writer, report, sources, pipeline)
    return summary, report


def _extract_dask(paths, writing: dict, quiet: bool, sources: dict, pipeline: dict, engine):
    """Run on Dask (claimex.dask), reporting on stderr as a local run does."""
    from claimex.dask import run_dask
    from claimex.partitions import ReadOptions
    from claimex.render import Reporter

    options = ReadOptions(
        encoding=sources["encoding"], input_format=sources["input_format"],
        fields=sources["fields"], max_bytes=sources["max_bytes"], model=pipeline["model"],
        batch_size=pipeline["batch_size"], join_continuations=pipeline["join_continuations"],
        lexicons=pipeline["lexicons"], min_confidence=pipeline["min_confidence"],
    )  # fmt: skip
    progress = sys.stderr.isatty() and not quiet
    with Reporter(sys.stderr, quiet, progress) as report:
        summary = run_dask(
            paths, Path(writing["output"]), report, fmt=writing["fmt"], options=options,
            include=sources["include"], **engine,
        )  # fmt: skip
    return summary, report


@cli.command("info")
@model_option
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
def info_cli(model: str | None, config: str | None, as_json: bool) -> None:
    """Show the version, the model and where it comes from, the pipeline's parts, the word
    lists' sizes, the optional extras installed and the config file in use.

    Exit status: 0, or 2 when the model or the config file cannot be used."""
    import json

    from claimex.info import as_text, describe

    with reported():
        report = describe(model, origin("model", "CLAIMEX_MODEL"), config,
                          origin("config", "CLAIMEX_CONFIG"))  # fmt: skip
    click.echo(json.dumps(report, indent=2) if as_json else as_text(report))
    if "error" in report["model"]:
        sys.exit(ExitCode.USAGE)


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True))
@click.option(
    "--pred", type=click.Path(exists=True, dir_okay=False),
    help="claimex JSON Lines output to score [default: run claimex on the gold texts].",
)  # fmt: skip
@click.option(
    "--format", "-f", "fmt", type=click.Choice(("table", "json")), default=None,
    help="Output format [default: table on a terminal, json otherwise].",
)  # fmt: skip
@click.option(
    "--by", "by", multiple=True, type=click.Choice(("rule", "kind")),
    help="Add a breakdown of the quotes by rule or by kind (repeatable).",
)  # fmt: skip
@click.option("--per-doc", is_flag=True, help="Add each document's scores.")
@click.option(
    "--errors", "errors_path", type=click.Path(dir_okay=False, writable=True),
    help="Write each missed and spurious quote and figure with its context to this file "
    "(.html: a review page; .jsonl: one JSON object per error; else text).",
)  # fmt: skip
@click.option("--model", "-m", envvar="CLAIMEX_MODEL", help="spaCy pipeline to load.")
@click.option(
    "--config", type=click.Path(dir_okay=False), envvar="CLAIMEX_CONFIG", show_envvar=True,
    help="Config file whose word lists claimex uses on the gold texts (as extract --config).",
)  # fmt: skip
def eval_cli(gold, pred, fmt, by, per_doc, errors_path, model, config) -> None:
    """Score claimex on GOLD: claimex JSON Lines annotations or a brat folder (.txt + .ann).

    Matching and metrics are those of claimex-score."""
    from claimex import evaluate
    from claimex.config import load_lexicons
    from claimex.evaluate.report import build_report, write_json, write_tables
    from claimex.io.output import open_output

    with reported():
        gold_docs = evaluate.read_gold(gold)
        if pred:
            records = evaluate.read_predictions(pred)
        else:
            records = evaluate.predict(gold_docs, model, lexicons=load_lexicons(config))
        results = evaluate.score(gold_docs, records)
        if errors_path:
            with open_output(errors_path) as stream:
                evaluate.write_error_file(results, stream, errors_path)
    report = build_report(results, tuple(dict.fromkeys(by)), per_doc)
    if (fmt or ("table" if sys.stdout.isatty() else "json")) == "json":
        write_json(report, sys.stdout)
    else:
        write_tables(report, sys.stdout)


@cli.command("schema")
def schema_cli() -> None:
    """Print the JSON Schema of an output record."""
    import json

    from claimex.models import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


def main() -> None:
    """The console script: click's own handling, except that Ctrl-C exits 130."""
    try:
        code = cli.main(standalone_mode=False)
    except KeyboardInterrupt as exc:
        code = interrupted(exc)
    except click.exceptions.Abort:
        say("interrupted")
        code = ExitCode.INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except BrokenPipeError:
        quiet_stdout()
        code = ExitCode.OK
    sys.exit(code or 0)
