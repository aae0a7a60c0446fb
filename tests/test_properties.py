"""Property test: any text, however odd, gives valid records with exact offsets.

Random unicode mixed with stray quote marks, digits, newlines and news-like words (speech
verbs, names, numbers), so the components' rules actually fire on broken input.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

QUOTE_MARKS = ['"', "“", "”", "«", "»", "'", "‘", "’"]
PIECES = [
    *QUOTE_MARKS, " ", " ", "\n", "\n\n", "\r\n", "\r", "\u2028", "\x85", "\u200b", "\u200e",
    "\xad", "\x1b[2J", ", ", ". ", ": ", " — ", "-", "%", "$", "=",
    "said", " said ", "told reporters", "according to", "she", "he added", "Mr. ", "Dr. ",
    "Ana Lopez", "Lopez", "the Riverton Council", "Acme Corp.", "(OBA)", "about", "more than",
    "12,000", "4.5", "3", "2026", "million", "percent", "troops", "dozens of", "date 2026-01-05 ",
]  # fmt: skip

pieces = st.one_of(
    st.sampled_from(PIECES),
    st.text(min_size=1, max_size=6),
    st.integers(min_value=0, max_value=10**9).map(str),
)
texts = st.lists(pieces, min_size=10, max_size=100).map("".join)


@pytest.fixture(scope="module")
def validator():
    from click.testing import CliRunner
    from jsonschema import Draft202012Validator

    from claimex.cli import cli

    return Draft202012Validator(json.loads(CliRunner().invoke(cli, ["schema"]).stdout))


def _check_span(text: str, span) -> None:
    assert 0 <= span.start <= span.end <= len(text)
    assert text[span.start : span.end] == span.text


def _check_offsets(text: str, span) -> None:
    assert 0 <= span.start < span.end <= len(text)


def _check_article(text: str, article) -> None:
    for quote in article.quotes:
        _check_span(text, quote)
        for piece in quote.spans:
            _check_offsets(text, piece)
        for part in (quote.cue, quote.speaker):
            if part is not None:
                _check_span(text, part)
    for speaker in article.speakers:
        for mention in speaker.mentions:
            _check_offsets(text, mention)
    for organisation in article.organisations:
        for mention in organisation.mentions:
            _check_offsets(text, mention)
    for item in (*article.figures, *article.claims):
        _check_span(text, item)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=texts)
def test_any_text_gives_valid_records_with_exact_offsets(extract, validator, text):
    from claimex.io.safe import json_line

    record = extract(text, "random.txt")
    assert not hasattr(record, "error"), record  # a component failed on this text
    _check_article(text, record)
    validator.validate(record.model_dump(mode="json"))
    assert len(json_line(record.model_dump(mode="json")).splitlines()) == 1


@settings(max_examples=20, deadline=None)
@given(text=texts)
def test_chunked_processing_keeps_offsets_exact(nlp, validator, text):
    """The same, with a tiny max_length so every text goes through the chunked path."""
    from claimex.pipeline import pipe_records

    class Source:
        source = "random.txt"

    limit = nlp.max_length
    nlp.max_length = 40
    try:
        ((_, record),) = list(pipe_records(nlp, [(text, Source())]))
    finally:
        nlp.max_length = limit
    assert not hasattr(record, "error"), record
    _check_article(text, record)
    validator.validate(record.model_dump(mode="json"))
