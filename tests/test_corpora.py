"""Corpora as people store them: JSON Lines (plain and compressed), CSV, Parquet, stdin;
bad lines; ``--format parquet`` tables read back with pyarrow and queried with DuckDB."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from claimex.cli import cli
from claimex.io.formats import format_of
from claimex.io.jsonl import read_jsonl
from claimex.io.records import RecordFields
from claimex.io.tables import TABLES, schema
from claimex.sources import iter_documents

FIELDS = RecordFields()
RECORDS = [
    {"id": "n1", "url": "https://example.org/1", "text": '"The dam will hold," said Pia Sorn.'},
    {"id": "n2", "url": "https://example.org/2", "text": "Rents rose 4% in Vell, Tam Orrin said."},
]


def _jsonl(records) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def _csv(records) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]))
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue().encode()


def _parquet(records, row_group_size=1) -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(records), sink, row_group_size=row_group_size)
    return sink.getvalue()


WRITERS = {
    "c.jsonl": _jsonl, "c.ndjson": _jsonl,
    "c.jsonl.gz": lambda r: gzip.compress(_jsonl(r)),
    "c.jsonl.bz2": lambda r: bz2.compress(_jsonl(r)),
    "c.jsonl.xz": lambda r: lzma.compress(_jsonl(r)),
    "c.csv": _csv, "c.csv.gz": lambda r: gzip.compress(_csv(r)), "c.parquet": _parquet,
}  # fmt: skip


def _docs(paths, **options):
    return [(d.source, d.id, d.text, d.meta, d.error and d.error.type) for d in
            iter_documents([str(p) for p in paths], **options)]  # fmt: skip


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_format_gives_text_id_and_meta(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(WRITERS[name](RECORDS))
    docs = _docs([path])
    assert [(d[1], d[2], d[3]) for d in docs] == [
        (r["id"], r["text"], {"url": r["url"]}) for r in RECORDS
    ]
    numbers = ["1", "2"] if name.endswith("parquet") else ["2", "3"] if ".csv" in name else "12"
    assert [d[0] for d in docs] == [f"{path}:{n}" for n in numbers]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.jsonl.gz", "jsonl"), ("A.CSV", "csv"), ("b.tsv.xz", "csv"), ("c.parquet", "parquet"),
     ("d.txt.gz", "text"), ("e.json", "text"), ("f", "text")],
)  # fmt: skip
def test_format_of_extension(name, expected):
    assert format_of(name) == expected


def test_cli_offers_exactly_the_readers():
    from claimex.cli import INPUT_FORMATS
    from claimex.io.formats import FORMATS

    assert INPUT_FORMATS == FORMATS


def test_fields_options_and_line_numbers_as_ids(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(_jsonl([{"body": "One.", "key": 7}, {"body": "Two.", "id": "x"}]))
    docs = _docs([path], fields=RecordFields(text="body", id="key"))
    assert [(d[1], d[2], d[3]) for d in docs] == [(7, "One.", {}), (2, "Two.", {"id": "x"})]


BAD_LINES = (
    b'{"text": "Fine one."}\n'
    b"not json\n"
    b"\n"
    b"[1, 2]\n"
    b'{"body": "no text field"}\n'
    b'{"text": 12}\n'
    b'{"text": "caf\xe9"}\n'
    b'{"text": "Fine two."}\n'
)


def test_bad_lines_are_error_documents_and_reading_goes_on(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(BAD_LINES)
    docs = _docs([path])
    assert [(d[0].rsplit(":", 1)[1], d[4]) for d in docs] == [
        ("1", None), ("2", "InvalidJSON"), ("4", "InvalidRecord"), ("5", "InvalidRecord"),
        ("6", "InvalidRecord"), ("7", "DecodeError"), ("8", None),
    ]  # fmt: skip
    assert docs[-1][2] == "Fine two."


def test_csv_rows_numbered_by_their_first_line_and_bad_rows(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text\n1,"two\nlines"\n2,"x","extra"\n3,Last.\n', encoding="utf-8")
    docs = _docs([path])
    assert [(d[0].rsplit(":", 1)[1], d[1], d[2], d[4]) for d in docs] == [
        ("2", "1", "two\nlines", None), ("4", 4, None, "InvalidRecord"), ("5", "3", "Last.", None),
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["c.csv", "c.parquet"])
def test_missing_text_column_is_one_error_for_the_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(WRITERS[name]([{"id": 1, "body": "x"}]))
    assert _docs([path]) == [(str(path), None, None, None, "MissingField")]


def test_parquet_row_groups_are_read_in_order(tmp_path):
    path = tmp_path / "c.parquet"
    records = [{"id": i, "text": f"Text {i}."} for i in range(5)]
    path.write_bytes(_parquet(records, row_group_size=2))
    assert pq.ParquetFile(path).num_row_groups == 3
    assert [d[1] for d in _docs([path])] == list(range(5))


def test_compressed_text_file_and_truncated_archive(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Plain text."))
    archive = gzip.compress(_jsonl(RECORDS * 50))
    (tmp_path / "b.jsonl.gz").write_bytes(archive[: len(archive) // 2])
    docs = _docs([tmp_path])
    assert docs[0][2] == "Plain text."
    assert docs[-1][0] == str(tmp_path / "b.jsonl.gz") and docs[-1][4] == "EOFError"


def test_jsonl_is_read_a_line_at_a_time():
    """The first document comes before the stream is read further (no file is loaded whole)."""

    def lines():
        yield b'{"text": "First."}\n'
        raise AssertionError("read past the first line")

    assert next(read_jsonl("s.jsonl", lines(), FIELDS)).text == "First."


@pytest.fixture
def runner(nlp):
    return CliRunner()


def test_cli_jsonl_gz_records_carry_id_meta_and_errors(runner, tmp_path):
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl(RECORDS) + b"{oops\n"))
    result = runner.invoke(cli, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r.get("meta")) for r in records] == [
        ("n1", {"url": RECORDS[0]["url"]}), ("n2", {"url": RECORDS[1]["url"]}), (3, None),
    ]  # fmt: skip
    assert records[0]["speakers"][0]["name"] == "Pia Sorn"
    assert f"error: {path}:3: InvalidJSON:" in result.stderr


def test_cli_stdin_with_input_format(runner):
    result = runner.invoke(
        cli, ["extract", "-", "--input-format", "csv", "--text-field", "body"],
        input=b"body,lang\nHello.,en\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["source"], record["id"], record["meta"]) == ("-:2", 2, {"lang": "en"})


def test_cli_parquet_tables_read_back_and_queried(runner, tmp_path):
    path = tmp_path / "c.parquet"
    path.write_bytes(_parquet(RECORDS + [{"id": "n3", "url": None, "text": None}]))
    out = tmp_path / "tables"
    result = runner.invoke(cli, ["extract", str(path), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    for table in TABLES:
        assert pq.read_schema(out / f"{table}.parquet").equals(schema(table))
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    assert [(d["document_id"], d["error_type"]) for d in documents] == [
        ("n1", None), ("n2", None), ("n3", "InvalidRecord"),
    ]  # fmt: skip
    assert json.loads(documents[0]["meta"]) == {"url": RECORDS[0]["url"]}
    rows = duckdb.sql(
        f'SELECT q.document_id, q.speaker_name, q.cue_text, q.start, q."end", q.text '
        f"FROM '{out}/quotes.parquet' q JOIN '{out}/documents.parquet' d USING (document_id) "
        "ORDER BY q.document_id"
    ).fetchall()
    assert [row[:3] for row in rows] == [("n1", "Pia Sorn", "said"), ("n2", "Tam Orrin", "said")]
    texts = {r["id"]: r["text"] for r in RECORDS}
    assert all(texts[doc][start:end] == text for doc, _, _, start, end, text in rows)
    figures = duckdb.sql(f"SELECT document_id, value FROM '{out}/figures.parquet'").fetchall()
    assert ("n2", 4.0) in figures


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--format", "parquet"], "give -o DIRECTORY"), (["-o", "."], "is a directory")],
)
def test_cli_parquet_needs_a_directory(runner, tmp_path, args, message):
    (tmp_path / "a.txt").write_text("Hi.")
    result = runner.invoke(cli, ["extract", str(tmp_path / "a.txt"), *args])
    assert result.exit_code == 2 and message in result.stderr
