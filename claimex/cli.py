"""The ``claimex`` command: options in, library call, writer out.

Data goes to stdout (or ``--output``) only; progress, warnings and errors go to stderr.
Importing this module must not import spaCy, so ``claimex --help`` starts fast.
"""

from __future__ import annotations

import codecs
import os
import signal
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from claimex import __version__
from claimex.errors import ClaimexError, ExitCode

# The keys of claimex.render.WRITERS (not imported here: render pulls in pydantic).
FORMATS = ("table", "json", "jsonl", "csv", "html")


def _err(message: str) -> None:
    click.echo(message, err=True)


def _check_encoding(ctx, param, value: str | None) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


@contextmanager
def _atomic_output(path: str | None):
    """Yield a text stream; for a path, write a temporary file beside it and rename it over
    the target only when everything is written, so readers never see a half-written file."""
    if path is None:
        yield sys.stdout
        return
    import tempfile

    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise click.UsageError(f"cannot write --output {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())  # on disk before the rename makes it visible
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it normal rights
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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


def _stop_early(code: int, workers: bool) -> NoReturn:
    """Exit now. With workers, spaCy's queue threads may still block on a full pipe, which the
    interpreter would wait for at exit: skip that wait (--output is already cleaned up)."""
    if workers:
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


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
@click.option("--model", "-m", envvar="CLAIMEX_MODEL", help="spaCy pipeline to load.")
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
    "--output", "-o", type=click.Path(dir_okay=False, writable=True),
    help="Write here (atomically: the file appears complete or not at all).",
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
    envvar="CLAIMEX_JOIN_CONTINUATIONS",
    help='A quotation going on after `"...," she said.` is a further span of her quote '
    "(one quote per utterance), or with --separate-continuations a quote of its own "
    "[env: CLAIMEX_JOIN_CONTINUATIONS=0/1].",
)  # fmt: skip
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=0.0, metavar="X",
    help="Leave out quotes whose confidence is under X (and their claims), in every format.",
)  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No warnings, progress or summary on stderr.")
def extract_cli(
    paths, fmt, model, include, encoding, output, n_process, batch_size, join_continuations,
    min_confidence, quiet,
):  # fmt: skip
    """Extract from PATHS: files, directories (recursive) or - for stdin.

    Exit status: 0 all inputs done, 1 some inputs failed (each has an error record and a
    line on stderr; the others are written), 2 usage error, 130 interrupted."""
    fmt = fmt or _default_format(output)
    if fmt != "table" and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # JSON and CSV are UTF-8 whatever the locale
    if n_process > 1:
        _leave_ctrl_c_to_the_parent()
    sources = {"include": tuple(include), "encoding": encoding}
    pipeline = {
        "model": model,
        "n_process": n_process,
        "batch_size": batch_size,
        "join_continuations": join_continuations,
        "min_confidence": min_confidence,
    }
    try:
        summary, report = _extract(paths, fmt, output, quiet, sources, pipeline)
    except BrokenPipeError:
        _quiet_stdout()
        _stop_early(ExitCode.OK, n_process > 1)
    except KeyboardInterrupt:
        _err("interrupted")
        _stop_early(ExitCode.INTERRUPTED, n_process > 1)
    except ClaimexError as exc:
        error = click.ClickException(str(exc))
        error.exit_code = exc.exit_code
        raise error from exc
    report.summary(summary.line())
    sys.exit(ExitCode.INPUT_FAILED if summary.failed else ExitCode.OK)


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


def _extract(paths, fmt: str, output: str | None, quiet: bool, sources: dict, pipeline: dict):
    """Stream every record to the writer; return the run's summary and the reporter."""
    from claimex.render import Reporter, make_writer
    from claimex.run import run
    from claimex.sources import iter_documents

    # The bar would garble a table being printed on the same terminal, which shows progress.
    table_on_terminal = fmt == "table" and output is None and sys.stdout.isatty()
    progress = sys.stderr.isatty() and not table_on_terminal
    with _atomic_output(output) as stream, Reporter(sys.stderr, quiet, progress) as report:
        writer = make_writer(fmt, stream)

        def write(record) -> None:
            try:
                writer.write(record)
            except BrokenPipeError:
                _end_workers()  # before unwinding closes nlp.pipe, which would wait for them
                raise
            report.advance()

        documents = iter_documents(paths, **sources)
        summary = run(documents, write=write, warn=report.warn, fail=report.fail, **pipeline)
        writer.close()
    return summary, report


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
def eval_cli(gold, pred, fmt, by, per_doc, errors_path, model) -> None:
    """Score claimex on GOLD: claimex JSON Lines annotations or a brat folder (.txt + .ann).

    Matching and metrics are those of claimex-score."""
    from claimex import evaluate
    from claimex.evaluate.report import build_report, write_json, write_tables

    try:
        gold_docs = evaluate.read_gold(gold)
        records = evaluate.read_predictions(pred) if pred else evaluate.predict(gold_docs, model)
        results = evaluate.score(gold_docs, records)
    except ClaimexError as exc:
        error = click.ClickException(str(exc))
        error.exit_code = exc.exit_code
        raise error from exc
    if errors_path:
        with _atomic_output(errors_path) as stream:
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
    except (KeyboardInterrupt, click.exceptions.Abort):
        _err("interrupted")
        code = ExitCode.INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except BrokenPipeError:
        _quiet_stdout()
        code = ExitCode.OK
    sys.exit(code or 0)
