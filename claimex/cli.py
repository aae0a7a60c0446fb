"""The ``claimex`` command: options in, library call, writer out.

Data goes to stdout (or ``--output``) only; progress, warnings and errors go to stderr.
Importing this module must not import spaCy, so ``claimex --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click

from claimex import __version__
from claimex.errors import ClaimexError, ExitCode

FORMATS = ("table", "json", "jsonl", "csv")


def _err(message: str) -> None:
    click.echo(message, err=True)


@contextmanager
def _atomic_output(path: str | None):
    """Yield a text stream; for a path, write a temporary file and rename it when done."""
    if path is None:
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimex")
def cli() -> None:
    """Pull quotes, speakers, figures, organisations and claims out of news articles."""


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
    help="Output format [default: table on a terminal, jsonl otherwise].",
)  # fmt: skip
@click.option("--model", "-m", envvar="CLAIMEX_MODEL", help="spaCy pipeline to load.")
@click.option("--include", multiple=True, help="Glob for files read from directories (repeatable).")
@click.option("--encoding", help="Encoding of inputs without a BOM [default: utf-8].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here.")
@click.option("--n-process", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No warnings or summary on stderr.")
def extract_cli(paths, fmt, model, include, encoding, output, n_process, batch_size, quiet):
    """Extract from PATHS: files, directories (recursive) or - for stdin."""
    from claimex.render import make_writer
    from claimex.run import run
    from claimex.sources import iter_documents

    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "jsonl"
    try:
        with _atomic_output(output) as stream:
            writer = make_writer(fmt, stream)
            summary = run(
                iter_documents(paths, include=tuple(include), encoding=encoding),
                write=writer.write,
                warn=(lambda m: None) if quiet else _err,
                model=model,
                n_process=n_process,
                batch_size=batch_size,
            )
            writer.close()
    except ClaimexError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        _err(summary.line())
    sys.exit(ExitCode.INPUT_FAILED if summary.failed else ExitCode.OK)


@cli.command("schema")
def schema_cli() -> None:
    """Print the JSON Schema of an output record."""
    import json

    from claimex.models import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # `claimex extract ... | head`: the reader went away; end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.OK)
