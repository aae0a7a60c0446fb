"""Writers and the stderr reporter, on hand-built records (no pipeline needed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimex.models import Article, ErrorInfo, ErrorRecord, Quote, SpeakerMention, TextSpan
from claimex.render import CSV_COLUMNS, WRITERS, Reporter, format_for_path, make_writer

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
        ("out.txt", None),
        ("json", None),
    ],
)
def test_format_for_path(path, expected):
    assert format_for_path(path) == expected


def test_every_extension_belongs_to_one_writer():
    extensions = [ext for writer in WRITERS.values() for ext in writer.extensions]
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
    assert rows[1] == [
        "a.txt", "q1", "", "Ana Lopez", "Ana Lopez", "said", "direct",
        "Taxes will rise,", "1", "17", "0.9", "direct:after",
    ]  # fmt: skip
    assert [row[0] for row in rows[1:]] == ["a.txt", "b.txt"]


def test_table_lists_quote_speaker_and_cue():
    out = _write("table", [_article(), _error()])
    assert "Taxes will rise," in out and "Ana Lopez" in out and "direct:after" in out
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

    assert FORMATS == tuple(WRITERS)
