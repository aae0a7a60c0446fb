"""The scores for people (rich tables) and for programs (one JSON object).

The JSON object holds the flat scores of ``claimex-score --json`` plus, when asked for,
``by_rule``, ``by_kind`` and ``per_doc``.
"""

from __future__ import annotations

import json
from typing import IO

from claimex.evaluate.metrics import DocResult, by_kind, by_rule, per_doc, total

BREAKDOWNS = {"rule": by_rule, "kind": by_kind}


def build_report(results: list[DocResult], by: tuple[str, ...] = (), docs: bool = False) -> dict:
    report = total(results)
    for name in by:
        report[f"by_{name}"] = BREAKDOWNS[name](results)
    if docs:
        report["per_doc"] = per_doc(results)
    return report


def write_json(report: dict, stream: IO[str]) -> None:
    stream.write(json.dumps(report, ensure_ascii=False) + "\n")


def _number(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def write_tables(report: dict, stream: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream)
    scores = Table(title="Scores", show_header=True)
    scores.add_column("metric")
    scores.add_column("value", justify="right")
    for key, value in report.items():
        if not isinstance(value, (dict, list)):
            scores.add_row(key, _number(value))
    console.print(scores)
    for name in BREAKDOWNS:
        rows = report.get(f"by_{name}")
        if rows:
            console.print(_breakdown(f"Quotes by {name}", name, rows))
    if report.get("per_doc"):
        console.print(_per_doc(report["per_doc"]))


def _breakdown(title: str, name: str, rows: dict):
    from rich.table import Table

    columns = list(next(iter(rows.values())))
    table = Table(title=title)
    table.add_column(name, overflow="fold")
    for column in columns:
        table.add_column(column, justify="right")
    for key, row in rows.items():
        table.add_row(key, *(_number(row[c]) for c in columns))
    return table


PER_DOC_COLUMNS = {  # score -> short heading, so that a row fits a terminal
    "quote_precision": "quote P", "quote_recall": "quote R", "quote_f1": "quote F1",
    "boundary_exact": "exact", "speaker_accuracy": "speaker", "figure_span_f1": "figure F1",
    "figure_value_f1": "value F1", "org_f1": "org F1",
}  # fmt: skip


def _per_doc(rows: list[dict]):
    from rich.table import Table
    from rich.text import Text

    columns = [c for c in PER_DOC_COLUMNS if any(c in row for row in rows)]
    table = Table(title="Per document")
    table.add_column("id", overflow="fold", min_width=16)
    for column in columns:
        table.add_column(PER_DOC_COLUMNS[column], justify="right")
    for row in rows:
        table.add_row(Text(str(row["id"])), *(_number(row.get(c)) for c in columns))
    return table
