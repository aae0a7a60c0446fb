"""Output writers: rich tables for people, JSON / JSON Lines / CSV for pipes.

JSON never goes through rich (it would wrap lines and break ``jq``). Each writer takes one
record at a time; JSON Lines and CSV flush after every record so a pipe sees results as
each document finishes.
"""

from __future__ import annotations

import csv
import json
from typing import IO

from claimex.models import Article, ErrorRecord

Record = Article | ErrorRecord
FORMATS = ("table", "json", "jsonl", "csv")
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
    """One document as an object, several as an array (so records are held until close)."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.records: list[dict] = []

    def write(self, record: Record) -> None:
        self.records.append(_dump(record))

    def close(self) -> None:
        body = self.records[0] if len(self.records) == 1 else self.records
        self.stream.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
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
        from rich.table import Table

        heading = f"[bold]{record.source}[/bold]"
        if record.title:
            heading += f"  {record.title}"
        if record.date:
            heading += f"  [dim]{record.date}[/dim]"
        self.console.rule(heading)
        self.console.print(self._quotes(record, Table))
        if record.figures:
            self.console.print(self._figures(record, Table))
        if record.organisations:
            names = ", ".join(o.name for o in record.organisations)
            self.console.print(f"[bold]Organisations:[/bold] {names}")

    @staticmethod
    def _quotes(record: Article, Table) -> Table:
        table = Table(title="Quotes by speaker", show_lines=True, expand=True)
        for column, style in (("Speaker", "bold cyan"), ("Kind", ""), ("Quote", ""),
                              ("Cue", "green"), ("Conf.", ""), ("Rule", "dim")):  # fmt: skip
            table.add_column(column, style=style, overflow="fold")
        by_id = {s.id: s for s in record.speakers}
        order = {s.id: i for i, s in enumerate(record.speakers)}

        def speaker_key(q):
            sid = q.speaker.speaker_id if q.speaker else None
            return (order.get(sid, len(order)), q.start)

        for q in sorted(record.quotes, key=speaker_key):
            table.add_row(
                _speaker_label(q, by_id), q.kind, q.text, q.cue.text if q.cue else "",
                f"{q.confidence:.2f}", q.rule,
            )  # fmt: skip
        return table

    @staticmethod
    def _figures(record: Article, Table) -> Table:
        table = Table(title="Figures", expand=True)
        for column in ("Figure", "Value", "Qualifier", "Unit", "Counted", "Category", "Quote"):
            table.add_column(column, overflow="fold")
        for f in record.figures:
            if f.low is not None and f.high is not None:
                value = f"{f.low:g} to {f.high:g}"
            else:
                value = "" if f.value is None else f"{f.value:g}"
            table.add_row(
                f.text, value, f.qualifier or "", f.unit or "", f.counted or "", f.category,
                f.quote_id or "",
            )  # fmt: skip
        return table

    def close(self) -> None:
        pass


def _speaker_label(quote, speakers_by_id: dict) -> str:
    if not quote.speaker:
        return "?"
    speaker = speakers_by_id.get(quote.speaker.speaker_id)
    name = quote.speaker.name or f'"{quote.speaker.text}" (unresolved)'
    details = [d for d in (speaker.title, speaker.organisation) if d] if speaker else []
    return name + (f"\n[dim]{', '.join(details)}[/dim]" if details else "")


WRITERS = {"table": TableWriter, "json": JsonWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}


def make_writer(fmt: str, stream: IO[str]):
    return WRITERS[fmt](stream)
