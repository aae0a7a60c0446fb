"""A long text in chunks, its lists spilled to temporary files (claimex.longdoc,
claimex.spill): every writer's bytes are those of the same record held whole."""

from __future__ import annotations

import io

import pytest

from claimex.article import keep_confident
from claimex.io.safe import json_line
from claimex.io.tables import table_rows
from claimex.render import CSV_TABLES, CsvWriter, JsonLinesWriter, JsonWriter
from claimex.spill import LISTS, item_count, materialised, spill_of

PARAGRAPHS = [
    '"The ferry to Port Elwin will cost $4 million," said Tomas Varga of Brightwater Lines.',
    "Varga said that about 1,200 people a day would use it, up 15 percent.",
    '"We are not convinced," Councillor Ines Moreau told reporters. "Nobody asked us."',
    "According to Brightwater Lines, more than 300 jobs depend on the route.",
    "Moreau argued that the \u201cnew pier\u201d was never costed.",
]


@pytest.fixture(scope="module")
def text():
    # Each paragraph twice with other numbers: the people and the organisation come back
    # in later chunks, and must be merged with their first mention.
    pieces = [p.replace("4", str(4 + i)) for i in range(2) for p in PARAGRAPHS]
    return "\n\n".join(pieces) + "\n"


def _write(writer_type, record, **options) -> str:
    stream = io.StringIO()
    writer = writer_type(stream, **options)
    writer.write(record)
    writer.close()
    return stream.getvalue()


@pytest.fixture
def chunked(nlp, text, monkeypatch):
    """``record(spill=...)``: the record of ``text`` in chunks of under 200 characters."""
    from claimex.pipeline import record_alone

    monkeypatch.setattr(nlp, "max_length", 200)
    return lambda spill: record_alone(nlp, text, "long.txt", spill=spill)


def test_a_spilled_record_writes_the_bytes_of_the_whole_record(chunked, text):
    spilled, whole = chunked(True), chunked(False)
    assert spill_of(spilled) is not None and spill_of(whole) is None
    assert spilled.quotes == [] and item_count(spilled, "quotes") == len(whole.quotes) >= 6
    assert "paragraph chunks" in whole.warnings[-1]
    jsonl = _write(JsonLinesWriter, spilled)
    assert jsonl == json_line(whole.model_dump(mode="json")) + "\n"
    assert _write(JsonWriter, spilled) == _write(JsonWriter, whole)
    for table in CSV_TABLES:
        assert _write(CsvWriter, spilled, table=table) == _write(CsvWriter, whole, table=table)
    assert list(table_rows(spilled)) == list(table_rows(whole))
    assert materialised(spilled).model_dump() == whole.model_dump()
    for item in (*whole.quotes, *whole.figures, *whole.claims):
        assert text[item.start : item.end] == item.text
    for span in (s for q in whole.quotes for s in (q.cue, q.speaker, *q.spans) if s):
        assert 0 <= span.start < span.end <= len(text)
    for mentions in (x.mentions for x in (*whole.speakers, *whole.organisations)):
        assert all(0 <= m.start < m.end <= len(text) for m in mentions)


def test_people_and_organisations_are_merged_across_chunks(chunked, text):
    whole = chunked(False)
    named = [(s.kind, s.name) for s in whole.speakers if s.name]
    assert len(named) == len(set(named)) and ("person", "Ines Moreau") in named
    moreau = next(s for s in whole.speakers if s.name == "Ines Moreau")
    half = len(text) // 2
    assert {q.start < half for q in whole.quotes if q.id in moreau.quote_ids} == {True, False}
    assert [o.name for o in whole.organisations].count("Brightwater Lines") == 1
    for name in ("quotes", "figures"):
        ids = [x.id for x in getattr(whole, name)]
        assert ids == [f"{name[0]}{i}" for i in range(1, len(ids) + 1)]
    ids = {x.id for name in LISTS for x in getattr(whole, name)}
    for claim in whole.claims:
        assert {claim.quote_id, claim.speaker_id, *claim.figure_ids} - {None} <= ids


def test_min_confidence_leaves_out_the_same_quotes_from_a_spilled_record(chunked):
    whole = chunked(False)
    least = sorted(q.confidence for q in whole.quotes)[len(whole.quotes) // 2]
    kept, spilled = keep_confident(whole, least), keep_confident(chunked(True), least)
    assert 0 < item_count(spilled, "quotes") == len(kept.quotes) < len(whole.quotes)
    assert item_count(spilled, "claims") == len(kept.claims)
    assert _write(JsonLinesWriter, spilled) == _write(JsonLinesWriter, kept)
