"""``--format parquet``: the records as six Parquet tables for dataframes and SQL.

``documents``, ``quotes``, ``speakers``, ``figures``, ``organisations`` and ``claims``: one row
per item, each carrying ``source`` and ``document_id`` (the record's id, else its source) to
join on, nested fields flattened into columns (``cue_text``, ``speaker_name``...). Rows are
written in row groups of ROW_GROUP_DOCS documents (or of ROW_GROUP_ROWS rows, for a long
document's), so memory stays flat; the files appear under their names only when complete.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimex.io.parquet import pyarrow_parquet
from claimex.models import Article, ErrorRecord
from claimex.spill import item_count, item_dicts

TABLES = ("documents", "quotes", "speakers", "figures", "organisations", "claims")
ROW_GROUP_DOCS = 1000
ROW_GROUP_ROWS = 200_000  # rows of all tables at most in memory (a long document's)
KEYS = (("source", "string"), ("document_id", "string"))
OFFSETS = "list<start: int64, end: int64>"
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("id", "string"), ("title", "string"), ("date", "string"), ("quotes", "int64"),
        ("speakers", "int64"), ("figures", "int64"), ("organisations", "int64"),
        ("claims", "int64"), ("warnings", "list<string>"), ("error_type", "string"),
        ("error_message", "string"), ("meta", "string"),
    ),
    "quotes": (
        ("quote_id", "string"), ("kind", "string"), ("text", "string"), ("start", "int64"),
        ("end", "int64"), ("spans", OFFSETS), ("cue_text", "string"), ("cue_start", "int64"),
        ("cue_end", "int64"), ("speaker_text", "string"), ("speaker_start", "int64"),
        ("speaker_end", "int64"), ("speaker_name", "string"), ("speaker_id", "string"),
        ("confidence", "double"), ("rule", "string"),
    ),
    "speakers": (
        ("speaker_id", "string"), ("name", "string"), ("kind", "string"),
        ("aliases", "list<string>"), ("title", "string"), ("organisation", "string"),
        ("gender", "string"), ("quote_ids", "list<string>"), ("mentions", OFFSETS),
    ),
    "figures": (
        ("figure_id", "string"), ("text", "string"), ("start", "int64"), ("end", "int64"),
        ("value", "double"), ("low", "double"), ("high", "double"), ("unit", "string"),
        ("qualifier", "string"), ("trend", "string"), ("counted", "string"),
        ("category", "string"), ("quote_id", "string"),
    ),
    "organisations": (
        ("organisation_id", "string"), ("name", "string"), ("aliases", "list<string>"),
        ("mentions", OFFSETS),
    ),
    "claims": (
        ("claim_id", "string"), ("text", "string"), ("start", "int64"), ("end", "int64"),
        ("speaker_id", "string"), ("quote_id", "string"), ("figure_ids", "list<string>"),
        ("organisation_ids", "list<string>"),
    ),
}  # fmt: skip


def _arrow_type(name: str):
    import pyarrow as pa

    if name == OFFSETS:
        return pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))
    if name == "list<string>":
        return pa.list_(pa.string())
    return {"string": pa.string(), "int64": pa.int64(), "double": pa.float64()}[name]


def schema(table: str):
    """The Arrow schema of one table: the keys, then its own columns."""
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(kind)) for name, kind in KEYS + COLUMNS[table]])


def _prefixed(item: dict | None, prefix: str, names: tuple[str, ...]) -> dict[str, Any]:
    return {f"{prefix}_{name}": (item or {}).get(name) for name in names}


def table_rows(record: Article | ErrorRecord) -> Iterator[tuple[str, dict[str, Any]]]:
    """The rows one record adds to the tables, as ``(table, row)``, one item at a time (a long
    document's spilled lists are read back as they go, :mod:`claimex.spill`)."""
    data = record.model_dump(mode="json")
    doc_id = record.source if record.id is None else str(record.id)
    keys = {"source": record.source, "document_id": doc_id}
    lists = TABLES[1:] if isinstance(record, Article) else ()
    counts = {name: item_count(record, name) if lists else 0 for name in TABLES[1:]}
    error = data.get("error") or {}
    yield "documents", {
        **keys, **counts,
        "id": None if record.id is None else str(record.id),
        "title": data.get("title"), "date": data.get("date"), "warnings": data.get("warnings"),
        "error_type": error.get("type"), "error_message": error.get("message"),
        "meta": None if record.meta is None else json.dumps(data["meta"], ensure_ascii=False),
    }  # fmt: skip
    for table in lists:
        item_id = f"{table[:-1]}_id"
        for item in item_dicts(record, table):
            if table == "quotes":
                speaker = item.pop("speaker")
                item.update(_prefixed(item.pop("cue"), "cue", ("text", "start", "end")))
                item.update(_prefixed(speaker, "speaker", ("text", "start", "end", "name")))
                item["speaker_id"] = (speaker or {}).get("speaker_id")
            yield table, {**keys, item_id: item.pop("id"), **item}


class ParquetTables:
    """A writer of the six tables into ``directory``: ``documents.parquet``... or, with
    ``part``, ``documents/part-00042.parquet``... (one part of a Dask run)."""

    extensions = (".parquet",)  # -o tables.parquet: a directory of the tables

    def __init__(self, directory: Path, part: int | None = None):
        self.pq = pyarrow_parquet()
        if part is None:
            self.paths = {t: directory / f"{t}.parquet" for t in TABLES}
        else:
            self.paths = {t: directory / t / f"part-{part:05d}.parquet" for t in TABLES}
        self.buffers: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.writers: dict[str, Any] = {}
        self.pending = self.rows = 0

    def _temporary(self, table: str) -> Path:
        path = self.paths[table]
        return path.with_name(f".{path.name}.{os.getpid()}.tmp")

    def write(self, record: Article | ErrorRecord) -> None:
        for table, row in table_rows(record):
            self.buffers[table].append(row)
            self.rows += 1
            if self.rows >= ROW_GROUP_ROWS:  # one long document: its rows in several groups
                self.flush()
        self.pending += 1
        if self.pending >= ROW_GROUP_DOCS:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        for table, rows in self.buffers.items():
            if table not in self.writers:
                self._temporary(table).parent.mkdir(parents=True, exist_ok=True)
                self.writers[table] = self.pq.ParquetWriter(self._temporary(table), schema(table))
            if rows:
                self.writers[table].write_table(pa.Table.from_pylist(rows, schema(table)))
            rows.clear()
        self.pending = self.rows = 0

    def close(self) -> None:
        """Write what is left and put every file in place."""
        if self.pending or not self.writers:
            self.flush()
        for table, writer in self.writers.items():
            writer.close()
            os.replace(self._temporary(table), self.paths[table])
        self.writers = {}

    def discard(self) -> None:
        """Remove the unfinished files (the run failed or was interrupted)."""
        for table, writer in self.writers.items():
            writer.close()
            self._temporary(table).unlink(missing_ok=True)
        self.writers = {}

    def __enter__(self) -> ParquetTables:
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        if exc_type is None:
            self.close()
        else:
            self.discard()
