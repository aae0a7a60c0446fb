"""A long text (over 100,000 characters), processed as a stream of chunks in bounded memory.

Each chunk (cut after a paragraph where possible) goes through the whole pipeline on its
own; its Doc is dropped as soon as its record is built, and the record is merged into the
document's: offsets shifted to the whole text, ids renumbered, an organisation or a person
named again in a later chunk merged with the earlier one. What a chunk hands the next is
only that merged record: the people seen so far, so a surname alone ("Lopez") resolves to
the full name given earlier ("Ana Lopez"). Memory is one chunk's Doc plus the record.
"""

from __future__ import annotations

from collections.abc import Callable

from claimex.models import Article, Offsets, Organisation, Speaker, TextSpan

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
    """The record of ``text`` from ``chunk_record`` run on each chunk in turn."""
    merged = _Merged(source)
    for start, end in chunk_bounds(text, limit):
        merged.add(chunk_record(text[start:end]), start)
    return merged.article


def _shift(span: TextSpan | Offsets, offset: int) -> None:
    span.start += offset
    span.end += offset


class _Merged:
    """The document's record so far, and how each chunk's ids map onto it."""

    def __init__(self, source: str):
        self.article = Article(source=source)
        self.orgs_by_name: dict[str, Organisation] = {}
        self.speakers_by_key: dict[tuple[str, str], Speaker] = {}

    def add(self, part: Article, offset: int) -> None:
        if offset == 0:
            self.article.title, self.article.date = part.title, part.date
        quote_ids = self._number(part.quotes, "q", self.article.quotes, offset)
        figure_ids = self._number(part.figures, "f", self.article.figures, offset)
        org_ids = self._organisations(part, offset)
        speaker_ids = self._speakers(part, offset, quote_ids)
        by_id = {s.id: s for s in self.article.speakers}
        for quote in part.quotes:
            for piece in (*quote.spans, quote.cue):
                if piece is not None:
                    _shift(piece, offset)
            if quote.speaker is not None:
                _shift(quote.speaker, offset)
                if quote.speaker.speaker_id is not None:
                    quote.speaker.speaker_id = speaker_ids[quote.speaker.speaker_id]
                    quote.speaker.name = by_id[quote.speaker.speaker_id].name
        for figure in part.figures:
            figure.quote_id = quote_ids.get(figure.quote_id) if figure.quote_id else None
        self._number(part.claims, "c", self.article.claims, offset)
        for claim in part.claims:
            claim.quote_id = quote_ids.get(claim.quote_id) if claim.quote_id else None
            claim.speaker_id = speaker_ids.get(claim.speaker_id) if claim.speaker_id else None
            claim.figure_ids = [figure_ids[i] for i in claim.figure_ids]
            claim.organisation_ids = [org_ids[i] for i in claim.organisation_ids]
        self.article.warnings.extend(w for w in part.warnings if w not in self.article.warnings)

    @staticmethod
    def _number(items: list, prefix: str, into: list, offset: int) -> dict[str, str]:
        """Shift ``items`` and append them to ``into`` with ids that go on from its last."""
        ids = {}
        for item in items:
            _shift(item, offset)
            ids[item.id] = item.id = f"{prefix}{len(into) + 1}"
            into.append(item)
        return ids

    def _organisations(self, part: Article, offset: int) -> dict[str, str]:
        ids = {}
        for org in part.organisations:
            old = org.id
            for mention in org.mentions:
                _shift(mention, offset)
            kept = self.orgs_by_name.get(org.name.casefold())
            if kept is None:
                org.id = f"o{len(self.article.organisations) + 1}"
                self.orgs_by_name[org.name.casefold()] = org
                self.article.organisations.append(org)
            else:
                kept.aliases.extend(a for a in org.aliases if a not in kept.aliases)
                kept.mentions.extend(org.mentions)
            ids[old] = (kept or org).id
        return ids

    def _speakers(self, part: Article, offset: int, quote_ids: dict[str, str]) -> dict[str, str]:
        ids = {}
        for speaker in part.speakers:
            old = speaker.id
            for mention in speaker.mentions:
                _shift(mention, offset)
            speaker.quote_ids = [quote_ids[i] for i in speaker.quote_ids if i in quote_ids]
            known = self._known(speaker)
            if known is None:
                speaker.id = f"s{len(self.article.speakers) + 1}"
                self.article.speakers.append(speaker)
                if speaker.name:
                    self.speakers_by_key[speaker.kind, speaker.name] = speaker
            else:
                _absorb(known, speaker)
            ids[old] = (known or speaker).id
        return ids

    def _known(self, speaker: Speaker) -> Speaker | None:
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


def _absorb(kept: Speaker, speaker: Speaker) -> None:
    for alias in (speaker.name, *speaker.aliases):
        if alias and alias != kept.name and alias not in kept.aliases:
            kept.aliases.append(alias)
    kept.title = kept.title or speaker.title
    kept.organisation = kept.organisation or speaker.organisation
    kept.gender = kept.gender or speaker.gender
    kept.quote_ids.extend(speaker.quote_ids)
    kept.mentions.extend(speaker.mentions)
