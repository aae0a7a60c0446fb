"""Writers and the stderr reporter, on hand-built records (no pipeline needed)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from claimex.models import (
    Article,
    ErrorInfo,
    ErrorRecord,
    Figure,
    Quote,
    Speaker,
    SpeakerMention,
    TextSpan,
)
from claimex.render import (
    CSV_COLUMNS,
    Reporter,
    TableWriter,
    format_for_path,
    make_writer,
    output_writers,
)

TEXT = '"Taxes will rise," said Ana Lopez.'


def _article(source: str = "a.txt") -> Article:
    quote = Quote(
        id="q1", text="Taxes will rise,", start=1, end=17, content="Taxes will rise,",
        kind="direct",
        cue=TextSpan(text="said", start=19, end=23),
        speaker=SpeakerMention(text="Ana Lopez", start=24, end=33, name="Ana Lopez"),
        confidence=0.9, rule="direct:after",
    )  # fmt: skip
    return Article(source=source, quotes=[quote])


def _error(source: str = "bad.txt") -> ErrorRecord:
    return ErrorRecord(source=source, error=ErrorInfo(type="BinaryFile", message="binary"))


def _write(fmt: str, records) -> str:
    stream = io.StringIO()
    writer = make_writer(fmt, stream)
    for record in records:
        writer.write(record)
    writer.close()
    return stream.getvalue()


def test_fixture_offsets_are_exact():
    quote = _article().quotes[0]
    assert TEXT[quote.start : quote.end] == quote.text
    assert TEXT[quote.speaker.start : quote.speaker.end] == quote.speaker.text


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_json_is_always_one_array(count):
    records = [_article(f"{i}.txt") for i in range(count)]
    body = json.loads(_write("json", records))
    assert [r["source"] for r in body] == [f"{i}.txt" for i in range(count)]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("out.json", "json"),
        ("OUT.JSON", "json"),
        ("dir.v2/out.jsonl", "jsonl"),
        ("out.ndjson", "jsonl"),
        ("quotes.csv", "csv"),
        ("tables.parquet", "parquet"),
        ("tables.parquet/", "parquet"),
        ("out.txt", None),
        ("json", None),
    ],
)
def test_format_for_path(path, expected):
    assert format_for_path(path) == expected


def test_every_extension_belongs_to_one_writer():
    extensions = [ext for writer in output_writers().values() for ext in writer.extensions]
    assert len(extensions) == len(set(extensions))
    assert all(ext.startswith(".") and ext == ext.lower() for ext in extensions)


class _Stream(io.StringIO):
    """Counts flushes, to see records leave as soon as they are written."""

    flushes = 0

    def flush(self):
        self.flushes += 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_streaming_formats_flush_every_record(fmt):
    stream = _Stream()
    writer = make_writer(fmt, stream)
    for count in range(1, 4):
        writer.write(_article())
        assert stream.flushes == count


def test_json_streams_every_record():
    stream = io.StringIO()
    writer = make_writer("json", stream)
    writer.write(_article("a"))
    assert stream.getvalue().count('"source"') == 1
    writer.write(_article("b"))
    writer.write(_article("c"))
    assert stream.getvalue().count('"source"') == 3
    writer.close()
    assert len(json.loads(stream.getvalue())) == 3


def test_jsonl_error_record_shape():
    (line,) = _write("jsonl", [_error()]).splitlines()
    assert json.loads(line) == {
        "schema_version": "1.0",
        "source": "bad.txt",
        "error": {"type": "BinaryFile", "message": "binary"},
    }


def test_csv_row_per_quote_and_no_row_for_errors():
    rows = list(csv.reader(io.StringIO(_write("csv", [_article(), _error(), _article("b.txt")]))))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = {
        "source": "a.txt", "quote_id": "q1", "speaker_id": "", "speaker_name": "Ana Lopez",
        "speaker_mention": "Ana Lopez", "cue": "said", "kind": "direct",
        "text": "Taxes will rise,", "start": "1", "end": "17", "confidence": "0.9",
        "rule": "direct:after",
    }  # fmt: skip
    assert dict(zip(rows[0], rows[1], strict=True)).items() >= expected.items()
    assert [row[0] for row in rows[1:]] == ["a.txt", "b.txt"]


def test_table_lists_quote_speaker_and_cue():
    out = _write("table", [_article(), _error()])
    assert "Taxes will rise," in out and "Ana Lopez" in out and "said" in out
    assert "bad.txt" not in out  # errors go to stderr, not into the table


@pytest.mark.parametrize(
    ("quiet", "expected"),
    [
        (False, "warning: w\nerror: e\n3 documents\n"),
        (True, "error: e\n"),
    ],
)
def test_reporter_quiet_keeps_errors_only(quiet, expected):
    stream = io.StringIO()
    with Reporter(stream, quiet=quiet) as report:
        report.warn("warning: w")
        report.fail("error: e")
        report.advance()
    report.summary("3 documents")
    assert stream.getvalue() == expected


def test_cli_offers_exactly_the_writers():
    # cli.py spells the formats out so that `claimex --help` need not import render.
    from claimex.cli import FORMATS

    assert FORMATS == tuple(output_writers())


LONG_QUOTE = (
    "The harbour tunnel will carry forty thousand cars a day once the second bore opens, "
    "and nobody in Velmora will have to queue at the ferry again"
)


def _wide_article() -> Article:
    text = f'"{LONG_QUOTE}," said Marguerite Okonkwo-Lindqvist, the port commissioner.'
    start, end = 1, 1 + len(LONG_QUOTE)
    cue = text.index("said")
    name = text.index("Marguerite")
    quote = Quote(
        id="q1", text=LONG_QUOTE, start=start, end=end, content=LONG_QUOTE, kind="direct",
        cue=TextSpan(text="said", start=cue, end=cue + 4),
        speaker=SpeakerMention(
            text="Marguerite Okonkwo-Lindqvist", start=name, end=name + 28,
            name="Marguerite Okonkwo-Lindqvist", speaker_id="s1",
        ),
        confidence=0.9, rule="direct-cue-after",
    )  # fmt: skip
    speaker = Speaker(
        id="s1", name="Marguerite Okonkwo-Lindqvist", kind="person",
        title="port commissioner", quote_ids=["q1"],
    )  # fmt: skip
    return Article(source="harbour.txt", quotes=[quote], speakers=[speaker])


def _table_cells(out: str) -> tuple[list[str], list[str]]:
    """The header names and each column's text, its lines joined, of the first table."""
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("┃"))
    names = [cell.strip() for cell in header.strip("┃").split("┃")]
    columns = [[] for _ in names]
    for line in lines[lines.index(header) + 2 :]:
        if not line.startswith("│"):
            break
        for i, cell in enumerate(line.strip("│").split("│")):
            if cell.strip():
                columns[i].append(cell.strip())
    return names, [" ".join(column) for column in columns]


@pytest.mark.parametrize(
    ("width", "columns"),
    [
        (80, ["Speaker", "Quote", "Cue"]),
        (120, ["Speaker", "Kind", "Quote", "Cue", "Conf.", "Rule"]),
        (200, ["Speaker", "Kind", "Quote", "Cue", "Conf.", "Rule"]),
    ],
)
def test_table_fits_the_width_and_keeps_speaker_and_quote_readable(width, columns):
    stream = io.StringIO()
    writer = TableWriter(stream, width=width)
    writer.write(_wide_article())
    out = stream.getvalue()
    assert max(len(line) for line in out.splitlines()) <= width
    names, cells = _table_cells(out)
    assert names == columns
    speaker, quote = cells[0], cells[names.index("Quote")]
    assert quote == LONG_QUOTE  # every word whole, none cut
    lines = out.splitlines()
    assert all(any(word in line for line in lines) for word in speaker.split())  # none cut
    if width >= 120:
        assert any("Marguerite Okonkwo-Lindqvist" in line for line in lines)
    assert speaker == "Marguerite Okonkwo-Lindqvist port commissioner"
    if "Rule" not in names:  # kind and confidence are still there, under the cue
        assert cells[names.index("Cue")] == "said direct 0.90"


@pytest.mark.parametrize("width", [80, 120])
def test_figure_table_fits_the_width(width):
    figure = Figure(
        id="f1", text="about 40,000 cars", start=0, end=17, value=40000, unit="cars",
        qualifier="approximately", counted="cars a day", category="count",
    )  # fmt: skip
    stream = io.StringIO()
    writer = TableWriter(stream, width=width)
    writer.write(Article(source="a.txt", figures=[figure]))
    lines = stream.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    text = stream.getvalue()
    assert "about 40,000 cars" in text and "approximately" in text and "cars a day" in text


def test_csv_tables_document_their_columns_in_the_readme():
    from pathlib import Path

    from claimex.render import CSV_TABLES

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, table in CSV_TABLES.items():
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{name}`"))
        assert re.findall(r"`(\w+)`", row.split("|")[2]) == list(table.columns), name
