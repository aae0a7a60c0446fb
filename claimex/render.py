"""Output writers: rich tables for people, JSON / JSON Lines / CSV for pipes.

JSON never goes through rich (it would wrap lines and break ``jq``). Each writer takes one
record at a time; JSON Lines and CSV flush after every record so a pipe sees results as
each document finishes. JSON, JSON Lines and CSV read a long document's spilled lists back
an item at a time (:mod:`claimex.spill`); the table holds one document whole.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from claimex.io.safe import csv_cell, visible, visible_record
from claimex.models import Article, ErrorRecord, Quote
from claimex.review import HtmlWriter
from claimex.spill import items, json_pieces, materialised

if TYPE_CHECKING:
    from rich.table import Table

Record = Article | ErrorRecord


class JsonLinesWriter:
    """One record per line (``.jsonl``)."""

    extensions = (".jsonl", ".ndjson")

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, record: Record) -> None:
        for piece in json_pieces(record):  # a long document's lists, item by item
            self.stream.write(piece)
        self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class JsonWriter:
    """One JSON array of records, whatever their number (also for one document or none), so
    ``jq '.[]'`` works on any run. Each record is written as it comes: memory stays flat."""

    extensions = (".json",)

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0

    def write(self, record: Record) -> None:
        self.stream.write("[\n  " if self.count == 0 else ",\n  ")
        for piece in json_pieces(record, indent=2):
            self.stream.write(piece.replace("\n", "\n  "))
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "[]\n")
        self.stream.flush()


def _joined(values) -> str:
    return "; ".join(values)


# A quote's words alone, without the attribution, where the model has them.
HAS_CONTENT = "content" in Quote.model_fields


def _quote_row(q) -> list:
    speaker = q.speaker
    row = [
        q.id, speaker.speaker_id or "" if speaker else "", speaker.name or "" if speaker else "",
        speaker.text if speaker else "", q.cue.text if q.cue else "", q.kind, q.text, q.start,
        q.end, q.confidence, q.rule,
    ]  # fmt: skip
    return row + [q.content] if HAS_CONTENT else row


def _speaker_row(s) -> list:
    return [
        s.id, s.name or "", s.kind, s.title or "", s.organisation or "", s.gender or "",
        _joined(s.aliases), _joined(s.quote_ids), len(s.mentions),
    ]  # fmt: skip


def _figure_row(f) -> list:
    return [
        f.id, f.text, f.start, f.end, f.value, f.low, f.high, f.unit or "", f.qualifier or "",
        f.trend or "", f.counted or "", f.category, f.quote_id or "",
    ]  # fmt: skip


def _organisation_row(o) -> list:
    return [o.id, o.name, _joined(o.aliases), len(o.mentions)]


def _claim_row(c) -> list:
    return [
        c.id, c.text, c.start, c.end, c.speaker_id or "", c.quote_id or "",
        _joined(c.figure_ids), _joined(c.organisation_ids),
    ]  # fmt: skip


@dataclass(frozen=True)
class CsvTable:
    """The columns of one CSV table (after ``source``) and the row of one item."""

    columns: tuple[str, ...]
    row: Callable[[object], list]


def _columns(names: str) -> tuple[str, ...]:
    return tuple(names.split())


_QUOTE_COLUMNS = _columns(
    "quote_id speaker_id speaker_name speaker_mention cue kind text start end confidence rule"
)
# Table name -> its columns; the rows are the items of the record's list of that name.
CSV_TABLES = {
    "quotes": CsvTable(_QUOTE_COLUMNS + (("content",) if HAS_CONTENT else ()), _quote_row),
    "speakers": CsvTable(
        _columns("speaker_id name kind title organisation gender aliases quote_ids mentions"),
        _speaker_row,
    ),
    "figures": CsvTable(
        _columns(
            "figure_id text start end value low high unit qualifier trend counted category quote_id"
        ),
        _figure_row,
    ),
    "organisations": CsvTable(_columns("organisation_id name aliases mentions"), _organisation_row),
    "claims": CsvTable(
        _columns("claim_id text start end speaker_id quote_id figure_ids organisation_ids"),
        _claim_row,
    ),
}
CSV_COLUMNS = ("source",) + CSV_TABLES["quotes"].columns


class CsvWriter:
    """One row per item of one table (``--table``: quotes by default), each with the
    document's source and the item's id; lists are joined with "; "."""

    extensions = (".csv",)
    tables = tuple(CSV_TABLES)

    def __init__(self, stream: IO[str], table: str = "quotes"):
        self.stream = stream
        self.items = table
        self.table = CSV_TABLES[table]
        self.writer = csv.writer(stream)
        self.writer.writerow(("source",) + self.table.columns)

    def write(self, record: Record) -> None:
        if isinstance(record, ErrorRecord):
            return
        for item in items(record, self.items):
            self.writer.writerow([csv_cell(v) for v in (record.source, *self.table.row(item))])
        self.stream.flush()

    def close(self) -> None:
        pass


# Terminal widths at which the tables have room for everything (WIDE) or for all but the
# quote's rule (MEDIUM); below MEDIUM, kind and confidence go under the cue, so the speaker and
# the quote keep the width (an 80-column window must still read well).
WIDE = 120
MEDIUM = 100


class TableWriter:
    """Rich tables: quotes grouped by speaker, then figures and organisations; the columns
    fit the terminal's width (``width`` overrides it)."""

    extensions: tuple[str, ...] = ()  # for people, never picked by a file name

    def __init__(self, stream: IO[str], width: int | None = None):
        from rich.console import Console

        self.console = Console(file=stream, width=width)

    def write(self, record: Record) -> None:
        if isinstance(record, ErrorRecord):
            return  # errors are reported on stderr
        from rich.markup import escape

        # Laid out whole: a long document's spilled lists come back into memory.
        record = visible_record(materialised(record))  # no escape sequences from the text
        heading = f"[bold]{escape(record.source)}[/bold]"
        if record.title:
            heading += f"  {escape(record.title)}"
        if record.date:
            heading += f"  [dim]{record.date}[/dim]"
        self.console.rule(heading)
        width = self.console.width
        self.console.print(_quote_table(record, width))
        if record.figures:
            self.console.print(_figure_table(record, width))
        if record.organisations:
            names = escape(", ".join(o.name for o in record.organisations))
            self.console.print(f"[bold]Organisations:[/bold] {names}")

    def close(self) -> None:
        pass


def _quote_table(record: Article, width: int) -> Table:
    """One section per speaker (name, title, affiliation once), its quotes in text order."""
    from rich.table import Table
    from rich.text import Text

    narrow = width < MEDIUM
    # At least wide enough for the longest name on one line, within reason (for a column with
    # a ratio, rich reads ``width`` as its minimum).
    names = [len(s.name or "") for s in record.speakers]
    name_width = max(min(max(names, default=0), width // 4), 10)
    table = Table(title="Quotes by speaker", expand=True)
    table.add_column("Speaker", style="bold cyan", ratio=2, width=name_width, overflow="fold")
    if not narrow:
        table.add_column("Kind", no_wrap=True)
    table.add_column("Quote", ratio=5, overflow="fold")
    table.add_column("Cue", style="green", overflow="fold", min_width=8)
    if not narrow:
        table.add_column("Conf.", no_wrap=True)
    if width >= WIDE:
        table.add_column("Rule", style="dim", no_wrap=True)
    by_id = {s.id: s for s in record.speakers}
    groups: dict[str, list] = {}
    for q in record.quotes:
        key = q.speaker.speaker_id or q.speaker.text if q.speaker else ""
        groups.setdefault(key or "", []).append(q)
    for quotes in groups.values():
        for i, q in enumerate(quotes):
            label = _speaker_label(q, by_id) if i == 0 else Text("")
            cue = Text(q.cue.text if q.cue else "")
            confidence = f"{q.confidence:.2f}"
            if narrow:
                cue.append(f"\n{q.kind} {confidence}", style="dim not green")
                cells = [label, Text(q.text), cue]
            else:
                cells = [label, q.kind, Text(q.text), cue, confidence]
            if width >= WIDE:
                cells.append(q.rule)
            table.add_row(*cells, end_section=i == len(quotes) - 1)
    return table


def _figure_table(record: Article, width: int) -> Table:
    """Below MEDIUM columns, the unit and qualifier go with the value and the quote id goes."""
    from rich.table import Table
    from rich.text import Text

    narrow = width < MEDIUM
    columns = ("Figure", "Value", "Counted", "Category")
    if not narrow:
        columns = ("Figure", "Value", "Qualifier", "Unit", "Counted", "Category", "Quote")
    table = Table(title="Figures", expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    for f in record.figures:
        if f.low is not None and f.high is not None:
            value = Text(f"{f.low:,g} to {f.high:,g}")
        else:
            grouped = f.category not in ("date", "time", "ordinal")  # 2023, not 2,023
            value = Text("" if f.value is None else f"{f.value:,g}" if grouped else f"{f.value:g}")
        if narrow:
            value.append(f" {f.unit}" if f.unit else "")
            value.append(f"\n{f.qualifier}" if f.qualifier else "", style="dim")
            table.add_row(Text(f.text), value, Text(f.counted or ""), f.category)
        else:
            table.add_row(
                Text(f.text), value, f.qualifier or "", f.unit or "", Text(f.counted or ""),
                f.category, f.quote_id or "",
            )  # fmt: skip
    return table


def _speaker_label(quote, speakers_by_id: dict):
    """The speaker's name (or the unresolved mention), title and affiliation, as rich Text
    (never markup: names and quotes may contain square brackets)."""
    from rich.text import Text

    if not quote.speaker:
        return Text("(no speaker)", style="dim")
    speaker = speakers_by_id.get(quote.speaker.speaker_id)
    label = Text(quote.speaker.name or f'"{quote.speaker.text}" (unresolved)')
    details = [d for d in (speaker.title, speaker.organisation) if d] if speaker else []
    if details:
        label.append("\n" + ", ".join(details), style="dim not bold")
    return label


WRITERS = {
    "table": TableWriter, "json": JsonWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter,
    "html": HtmlWriter,
}  # fmt: skip


def output_writers() -> dict[str, type]:
    """Every output format's writer: WRITERS (onto a stream) and the Parquet tables (into a
    directory, :mod:`claimex.io.tables`)."""
    from claimex.io.tables import ParquetTables

    return {**WRITERS, "parquet": ParquetTables}


def format_for_path(path: str) -> str | None:
    """The format an output path asks for by its extension (``quotes.csv`` -> ``csv``), from
    the writers' own ``extensions``; None when no writer claims it."""
    name = path.rstrip("/").lower()
    for fmt, writer in output_writers().items():
        if any(name.endswith(ext) for ext in writer.extensions):
            return fmt
    return None


def make_writer(fmt: str, stream: IO[str], table: str | None = None):
    """The writer of ``fmt`` on ``stream``; ``table`` picks the table of writers that have
    several (CSV)."""
    if table is None:
        return WRITERS[fmt](stream)
    if table not in getattr(WRITERS[fmt], "tables", ()):
        raise ValueError(f"--table {table} does not apply to --format {fmt}")
    return WRITERS[fmt](stream, table=table)


class Reporter:
    """Everything meant for the person at the terminal, all on stderr: warnings, errors, a
    progress bar with documents per second (only when stderr is a terminal) and the summary.

    ``quiet`` silences warnings, progress and summary; errors are always reported."""

    def __init__(
        self, stream: IO[str], quiet: bool = False, progress: bool = False, total: int | None = None
    ):
        self.stream = stream
        self.quiet = quiet
        self.progress = None
        if progress and not quiet:
            self.progress = _progress_bar(stream, total)
            self.task = self.progress.add_task("extract", total=total)

    def __enter__(self) -> Reporter:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc_info) -> None:
        if self.progress is not None:
            self.progress.stop()

    def _line(self, message: str) -> None:
        message = visible(message)  # one line, no escape sequences from names or text
        if self.progress is not None:
            # Printed above the live bar, as plain text (file names may hold [brackets]).
            self.progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            self.stream.write(message + "\n")
            self.stream.flush()

    def warn(self, message: str) -> None:
        if not self.quiet:
            self._line(message)

    def fail(self, message: str) -> None:
        self._line(message)

    def advance(self, documents: int = 1) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, documents)

    def summary(self, line: str) -> None:
        if not self.quiet:
            self._line(line)


def _progress_bar(stream: IO[str], total: int | None):
    """Documents done and per second; with a known ``total``, also the share done and the
    time left."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "- docs/s", style="cyan")

    if total is None:
        counts = [TextColumn("{task.completed} documents")]
        times = [TimeElapsedColumn()]
    else:
        counts = [MofNCompleteColumn(), TextColumn("documents")]
        times = [TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    return Progress(
        TextColumn("[bold]extracting"), BarColumn(), *counts, RateColumn(), *times,
        console=Console(file=stream), transient=True, redirect_stdout=False,
        redirect_stderr=False,
    )  # fmt: skip
