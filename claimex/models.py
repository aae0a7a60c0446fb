"""Pydantic output models: the JSON contract of claimex.

Every span carries character offsets into the input text; ``text[start:end]`` is exact.
Components produce plain dicts with these fields (so Docs stay serialisable across
processes); :func:`claimex.article.build_article` validates them into these models.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

SCHEMA_VERSION = "1.0"

CONTENT_JOINER = " "  # between the spans of a quote in its words-only ``content``

QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "group", "organisation", "unknown"]
Qualifier = Literal["approximately", "more_than", "less_than", "at_least", "at_most"]
Trend = Literal["up", "down"]
FigureCategory = Literal["count", "money", "percent", "quantity", "date", "time", "ordinal"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _is_none(value: Any) -> bool:
    return value is None


# A record of a corpus file (JSON Lines, CSV, Parquet): its id (the id field, else its line or
# row number) and its other fields; left out of the output for text files, which have neither.
RecordId = Field(default=None, exclude_if=_is_none)
RecordMeta = Field(default=None, exclude_if=_is_none)


class Offsets(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TextSpan(Offsets):
    text: str


class SpeakerMention(TextSpan):
    """The mention next to the quote ("she", "Ponomarenko") and the resolved full name."""

    name: str | None = None
    speaker_id: str | None = None


class Quote(TextSpan):
    """``text``/``start``/``end`` are the outer slice, from the first word quoted to the last
    (a split quote's cue included); ``content`` is the quote's words alone: the texts of its
    ``spans`` joined by one space (``text`` itself for a quote in one piece)."""

    id: str
    content: str
    kind: QuoteKind
    spans: list[Offsets] = Field(default_factory=list)
    cue: TextSpan | None = None
    speaker: SpeakerMention | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str

    @model_validator(mode="before")
    @classmethod
    def _words_only(cls, data: object) -> object:
        """``content`` left out (a record written before it existed, a hand-built quote)
        is derived from ``text`` and ``spans``, which hold everything it is made of."""
        if not isinstance(data, dict) or "content" in data or "text" not in data:
            return data
        text, start = data["text"], data.get("start", 0)
        pieces = [_offsets(s) for s in data.get("spans") or []]
        words = [text[s - start : e - start] for s, e in pieces] or [text]
        return {**data, "content": CONTENT_JOINER.join(words)}


def _offsets(span: object) -> tuple[int, int]:
    if isinstance(span, dict):
        return span["start"], span["end"]
    return span.start, span.end  # an Offsets


class Speaker(_Model):
    id: str
    name: str | None
    kind: SpeakerKind
    aliases: list[str] = Field(default_factory=list)
    title: str | None = None
    organisation: str | None = None
    gender: Literal["female", "male"] | None = None
    quote_ids: list[str] = Field(default_factory=list)
    mentions: list[Offsets] = Field(default_factory=list)


class Figure(TextSpan):
    id: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    trend: Trend | None = None
    counted: str | None = None
    category: FigureCategory
    quote_id: str | None = None


class Organisation(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Offsets] = Field(default_factory=list)


class Claim(TextSpan):
    id: str
    speaker_id: str | None = None
    quote_id: str | None = None
    figure_ids: list[str] = Field(default_factory=list)
    organisation_ids: list[str] = Field(default_factory=list)


class Article(_Model):
    """Everything claimex found in one document."""

    schema_version: str = SCHEMA_VERSION
    source: str
    id: str | int | None = RecordId
    meta: dict[str, Any] | None = RecordMeta
    title: str | None = None
    date: str | None = None
    quotes: list[Quote] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # The text the offsets point into, for writers that show it (the review page); not part
    # of the JSON.
    _input_text: str | None = PrivateAttr(default=None)
    # A long document's lists, kept in temporary files while it is written out
    # (claimex.spill.SpilledLists); None when the lists above hold everything.
    _spill: Any = PrivateAttr(default=None)

    @property
    def input_text(self) -> str | None:
        return self._input_text


class ErrorInfo(_Model):
    type: str
    message: str


class ErrorRecord(_Model):
    """What a document that could not be read or processed yields instead of an Article."""

    schema_version: str = SCHEMA_VERSION
    source: str
    id: str | int | None = RecordId
    meta: dict[str, Any] | None = RecordMeta
    error: ErrorInfo


def json_schema() -> dict:
    """JSON Schema of one output record: an Article or an ErrorRecord."""
    from pydantic import TypeAdapter

    return TypeAdapter(Article | ErrorRecord).json_schema()
