"""A long text (over 100,000 characters), processed as a stream of chunks in bounded memory.

Each chunk (cut after a paragraph where possible) goes through the whole pipeline on its
own; its Doc is dropped as soon as its record is built, and the record is merged into the
document's: offsets shifted to the whole text, ids renumbered, an organisation or a person
named again in a later chunk merged with the earlier one. What a chunk hands the next is
only the people seen so far, so a surname alone ("Lopez") resolves to the full name given
earlier ("Ana Lopez"). The quotes, figures and claims go to temporary files as each chunk is
merged (:mod:`claimex.spill`); the people and organisations stay in memory as arrays of
offsets and quote numbers. Memory is one chunk's Doc plus those arrays, whatever the length.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from claimex.io.safe import json_line
from claimex.models import Article, Offsets, Speaker, TextSpan
from claimex.spill import SpilledLists

# Characters per chunk: a parsed chunk takes about 3 KB per character, so this keeps the
# peak of a long document a few hundred MB above the pipeline's own, however long it is.
CHUNK_CHARS = 100_000
# Where a text is cut, best first: paragraph, line, word.
CHUNK_BREAKS = ("\n\n", "\r\n\r\n", "\n", "\r", " ")


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` slices of ``text``, each at most ``limit`` characters long,
    cut after a paragraph break where possible, else after a line break, else after a space."""
    bounds = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for separator in CHUNK_BREAKS:
            found = text.rfind(separator, start + 1, end)
            if found > start:
                end = found + len(separator)
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def process_in_chunks(
    text: str, source: str, chunk_record: Callable[[str], Article], limit: int = CHUNK_CHARS
) -> Article:
    """The record of ``text`` from ``chunk_record`` run on each chunk in turn, its lists
    spilled (:mod:`claimex.spill`): :func:`claimex.spill.materialised` holds it whole."""
    merged = _Merged(source)
    try:
        for start, end in chunk_bounds(text, limit):
            merged.add(chunk_record(text[start:end]), start)
    except BaseException:
        merged.spill.close()
        raise
    return merged.article()


def _shift(span: TextSpan | Offsets, offset: int) -> None:
    span.start += offset
    span.end += offset


@dataclass
class _Speaker:
    """A speaker of the document so far, its mentions and quotes as flat arrays of numbers
    (a name said on every line of a long text has millions)."""

    number: int
    name: str | None
    kind: str
    aliases: list[str]
    title: str | None
    organisation: str | None
    gender: str | None
    quotes: array = field(default_factory=lambda: array("q"))
    mentions: array = field(default_factory=lambda: array("q"))  # start, end, start, end...

    def absorb(self, speaker: Speaker, quotes: Iterable[int]) -> None:
        for alias in (speaker.name, *speaker.aliases):
            if alias and alias != self.name and alias not in self.aliases:
                self.aliases.append(alias)
        self.title = self.title or speaker.title
        self.organisation = self.organisation or speaker.organisation
        self.gender = self.gender or speaker.gender
        self.quotes.extend(quotes)
        self.mentions.extend(_flat(speaker.mentions))

    def line(self) -> str:
        """Its JSON line, as ``json_line(Speaker(...).model_dump(mode="json"))`` gives it."""
        head = Speaker(
            id=f"s{self.number}", name=self.name, kind=self.kind, aliases=self.aliases,
            title=self.title, organisation=self.organisation, gender=self.gender,
        ).model_dump(mode="json")  # fmt: skip
        del head["quote_ids"], head["mentions"]
        quotes = ", ".join(f'"q{number}"' for number in self.quotes)
        return (
            json_line(head)[:-1]
            + f', "quote_ids": [{quotes}], "mentions": [{_json_offsets(self.mentions)}]}}'
        )


@dataclass
class _Organisation:
    number: int
    name: str
    aliases: list[str]
    mentions: array = field(default_factory=lambda: array("q"))

    def line(self) -> str:
        head = {"id": f"o{self.number}", "name": self.name, "aliases": self.aliases}
        return json_line(head)[:-1] + f', "mentions": [{_json_offsets(self.mentions)}]}}'


def _flat(spans: Iterable[Offsets]) -> Iterator[int]:
    for span in spans:
        yield span.start
        yield span.end


def _json_offsets(flat: array) -> str:
    return ", ".join(
        f'{{"start": {start}, "end": {end}}}'
        for start, end in zip(flat[::2], flat[1::2], strict=True)
    )


class _Merged:
    """The document's record so far: the quotes, figures and claims in the spill, the people
    and organisations (merged across chunks) in memory, compactly, and how many of each, so
    that a chunk's ids go on from the last."""

    def __init__(self, source: str):
        self.source = source
        self.title: str | None = None
        self.date: str | None = None
        self.warnings: list[str] = []
        self.spill = SpilledLists()
        self.orgs_by_name: dict[str, _Organisation] = {}
        self.speakers: list[_Speaker] = []
        self.speakers_by_key: dict[tuple[str, str], _Speaker] = {}

    def article(self) -> Article:
        for speaker in self.speakers:
            self.spill.add("speakers", speaker.line())
        for org in self.orgs_by_name.values():
            self.spill.add("organisations", org.line())
        article = Article(
            source=self.source, title=self.title, date=self.date, warnings=self.warnings
        )
        article._spill = self.spill
        return article

    def add(self, part: Article, offset: int) -> None:
        if offset == 0:
            self.title, self.date = part.title, part.date
        quote_ids = self._number(part.quotes, "quotes", offset)
        figure_ids = self._number(part.figures, "figures", offset)
        org_ids = self._organisations(part, offset)
        speaker_ids = self._speakers(part, offset, quote_ids)
        for quote in part.quotes:
            for piece in (*quote.spans, quote.cue):
                if piece is not None:
                    _shift(piece, offset)
            if quote.speaker is not None:
                _shift(quote.speaker, offset)
                if quote.speaker.speaker_id is not None:
                    speaker = speaker_ids[quote.speaker.speaker_id]
                    quote.speaker.speaker_id = f"s{speaker.number}"
                    quote.speaker.name = speaker.name
        for figure in part.figures:
            figure.quote_id = quote_ids.get(figure.quote_id) if figure.quote_id else None
        self._number(part.claims, "claims", offset)
        for claim in part.claims:
            claim.quote_id = quote_ids.get(claim.quote_id) if claim.quote_id else None
            speaker = speaker_ids.get(claim.speaker_id) if claim.speaker_id else None
            claim.speaker_id = f"s{speaker.number}" if speaker else None
            claim.figure_ids = [figure_ids[i] for i in claim.figure_ids]
            claim.organisation_ids = [org_ids[i] for i in claim.organisation_ids]
        for name in ("quotes", "figures", "claims"):
            for item in getattr(part, name):
                self.spill.add(name, item.model_dump(mode="json"))
        self.warnings.extend(w for w in part.warnings if w not in self.warnings)

    def _number(self, items: list, name: str, offset: int) -> dict[str, str]:
        """Shift ``items`` and give them ids that go on from the last of the list ``name``
        (``q1``, ``f1``, ``c1``: its initial and a number)."""
        ids = {}
        for item in items:
            _shift(item, offset)
            ids[item.id] = item.id = f"{name[0]}{self.spill.counts[name] + len(ids) + 1}"
        return ids

    def _organisations(self, part: Article, offset: int) -> dict[str, str]:
        ids = {}
        for org in part.organisations:
            for mention in org.mentions:
                _shift(mention, offset)
            kept = self.orgs_by_name.get(org.name.casefold())
            if kept is None:
                kept = _Organisation(len(self.orgs_by_name) + 1, org.name, list(org.aliases))
                self.orgs_by_name[org.name.casefold()] = kept
            else:
                kept.aliases.extend(a for a in org.aliases if a not in kept.aliases)
            kept.mentions.extend(_flat(org.mentions))
            ids[org.id] = f"o{kept.number}"
        return ids

    def _speakers(
        self, part: Article, offset: int, quote_ids: dict[str, str]
    ) -> dict[str, _Speaker]:
        ids = {}
        for speaker in part.speakers:
            for mention in speaker.mentions:
                _shift(mention, offset)
            quotes = [int(quote_ids[i][1:]) for i in speaker.quote_ids if i in quote_ids]
            known = self._known(speaker)
            if known is None:
                known = _Speaker(
                    len(self.speakers) + 1, speaker.name, speaker.kind, list(speaker.aliases),
                    speaker.title, speaker.organisation, speaker.gender,
                )  # fmt: skip
                known.quotes.extend(quotes)
                known.mentions.extend(_flat(speaker.mentions))
                self.speakers.append(known)
                if speaker.name:
                    self.speakers_by_key[speaker.kind, speaker.name] = known
            else:
                known.absorb(speaker, quotes)
            ids[speaker.id] = known
        return ids

    def _known(self, speaker: Speaker) -> _Speaker | None:
        """The same speaker in an earlier chunk: the same name, or for a person named by
        one word, the one earlier person whose name ends with it."""
        if not speaker.name:
            return None
        same = self.speakers_by_key.get((speaker.kind, speaker.name))
        if same is not None or speaker.kind != "person" or " " in speaker.name:
            return same
        fuller = [
            s
            for (kind, name), s in self.speakers_by_key.items()
            if kind == "person" and name.rsplit(" ", 1)[-1] == speaker.name
        ]
        return fuller[0] if len(fuller) == 1 else None
