"""Output writers: rich tables for people, JSON / JSON Lines / CSV for pipes.

JSON never goes through rich (it would wrap lines and break ``jq``). Each writer takes one
record at a time; JSON Lines and CSV flush after every record so a pipe sees results as
each document finishes.
"""

from __future__ import annotations

import csv
import json
from typing import IO, TYPE_CHECKING

from claimex.models import Article, ErrorRecord

if TYPE_CHECKING:
    from rich.table import Table

Record = Article | ErrorRecord
CSV_COLUMNS = (
    "source", "quote_id", "speaker_name", "speaker_mention", "cue", "kind",
    "text", "start", "end", "confidence",
)  # fmt: skip


def _dump(record: Record) -> dict:
    return record.model_dump(mode="json")


class JsonLinesWriter:
    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, record: Record) -> None:
        self.stream.write(json.dumps(_dump(record), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class JsonWriter:
    """One document as an object, several as an array.

    Only the first record waits (until a second one shows it is an array); later records are
    written as they come, so memory stays flat on a large corpus."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.first: dict | None = None
        self.count = 0

    def _item(self, body: dict) -> str:
        text = json.dumps(body, ensure_ascii=False, indent=2)
        return "  " + text.replace("\n", "\n  ")

    def write(self, record: Record) -> None:
        self.count += 1
        if self.count == 1:
            self.first = _dump(record)
            return
        if self.count == 2:
            self.stream.write("[\n" + self._item(self.first))
            self.first = None
        self.stream.write(",\n" + self._item(_dump(record)))
        self.stream.flush()

    def close(self) -> None:
        if self.count == 0:
            self.stream.write("[]\n")
        elif self.count == 1:
            self.stream.write(json.dumps(self.first, ensure_ascii=False, indent=2) + "\n")
        else:
            self.stream.write("\n]\n")
        self.stream.flush()


class CsvWriter:
    """One row per quote."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.writer = csv.writer(stream)
        self.writer.writerow(CSV_COLUMNS)

    def write(self, record: Record) -> None:
        if isinstance(record, ErrorRecord):
            return
        for q in record.quotes:
            speaker = q.speaker
            self.writer.writerow(
                [
                    record.source, q.id, speaker.name if speaker else "",
                    speaker.text if speaker else "", q.cue.text if q.cue else "", q.kind,
                    q.text, q.start, q.end, q.confidence,
                ]
            )  # fmt: skip
        self.stream.flush()

    def close(self) -> None:
        pass


class TableWriter:
    """Rich tables: quotes grouped by speaker, then figures and organisations."""

    def __init__(self, stream: IO[str]):
        from rich.console import Console

        self.console = Console(file=stream)

    def write(self, record: Record) -> None:
        if isinstance(record, ErrorRecord):
            return  # errors are reported on stderr
        from rich.markup import escape

        heading = f"[bold]{escape(record.source)}[/bold]"
        if record.title:
            heading += f"  {escape(record.title)}"
        if record.date:
            heading += f"  [dim]{record.date}[/dim]"
        self.console.rule(heading)
        self.console.print(self._quotes(record))
        if record.figures:
            self.console.print(self._figures(record))
        if record.organisations:
            names = escape(", ".join(o.name for o in record.organisations))
            self.console.print(f"[bold]Organisations:[/bold] {names}")

    @staticmethod
    def _quotes(record: Article) -> Table:
        """One section per speaker (name, title, affiliation once), its quotes in text order."""
        from rich.table import Table
        from rich.text import Text

        table = Table(title="Quotes by speaker", expand=True)
        table.add_column("Speaker", style="bold cyan", ratio=2, overflow="fold")
        table.add_column("Kind", no_wrap=True)
        table.add_column("Quote", ratio=5, overflow="fold")
        table.add_column("Cue", style="green", overflow="fold")
        table.add_column("Conf.", no_wrap=True)
        table.add_column("Rule", style="dim", overflow="fold")
        by_id = {s.id: s for s in record.speakers}
        groups: dict[str, list] = {}
        for q in record.quotes:
            key = q.speaker.speaker_id or q.speaker.text if q.speaker else ""
            groups.setdefault(key or "", []).append(q)
        for quotes in groups.values():
            for i, q in enumerate(quotes):
                label = _speaker_label(q, by_id) if i == 0 else Text("")
                table.add_row(
                    label, q.kind, Text(q.text), Text(q.cue.text) if q.cue else "",
                    f"{q.confidence:.2f}", q.rule, end_section=i == len(quotes) - 1,
                )  # fmt: skip
        return table

    @staticmethod
    def _figures(record: Article) -> Table:
        from rich.table import Table
        from rich.text import Text

        table = Table(title="Figures", expand=True)
        for column in ("Figure", "Value", "Qualifier", "Unit", "Counted", "Category", "Quote"):
            table.add_column(column, overflow="fold")
        for f in record.figures:
            if f.low is not None and f.high is not None:
                value = f"{f.low:,g} to {f.high:,g}"
            else:
                grouped = f.category not in ("date", "time", "ordinal")  # 2023, not 2,023
                value = "" if f.value is None else f"{f.value:,g}" if grouped else f"{f.value:g}"
            table.add_row(
                Text(f.text), value, f.qualifier or "", f.unit or "", Text(f.counted or ""),
                f.category,
                f.quote_id or "",
            )  # fmt: skip
        return table

    def close(self) -> None:
        pass


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


WRITERS = {"table": TableWriter, "json": JsonWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}


def make_writer(fmt: str, stream: IO[str]):
    return WRITERS[fmt](stream)


class Reporter:
    """Everything meant for the person at the terminal, all on stderr: warnings, errors, a
    progress bar with documents per second (only when stderr is a terminal) and the summary.

    ``quiet`` silences warnings, progress and summary; errors are always reported."""

    def __init__(self, stream: IO[str], quiet: bool = False, progress: bool = False):
        self.stream = stream
        self.quiet = quiet
        self.progress = None
        if progress and not quiet:
            self.progress = _progress_bar(stream)
            self.task = self.progress.add_task("extract", total=None)

    def __enter__(self) -> Reporter:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc_info) -> None:
        if self.progress is not None:
            self.progress.stop()

    def _line(self, message: str) -> None:
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

    def advance(self) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)

    def summary(self, line: str) -> None:
        if not self.quiet:
            self._line(line)


def _progress_bar(stream: IO[str]):
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "- docs/s", style="cyan")

    return Progress(
        TextColumn("[bold]extracting"), BarColumn(), TextColumn("{task.completed} documents"),
        RateColumn(), TimeElapsedColumn(), console=Console(file=stream), transient=True,
        redirect_stdout=False, redirect_stderr=False,
    )  # fmt: skip
