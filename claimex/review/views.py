"""What one document's section of the review page shows: the highlights over its text and
its side panel, from an :class:`~claimex.models.Article`."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from claimex.models import Article, Figure, Quote, Speaker
from claimex.review.markup import Mark, attributes

LOW_CONFIDENCE = 0.6  # quotes under this look different (dashed, paler)
COLOURS = 12  # speaker colours in the style sheet (c0 .. c11), reused in turn
EXCERPT = 90  # characters of a quote shown in the side panel

# Layers: what starts at the same place nests in this order (outer first).
QUOTE, ROLE, ORGANISATION, FIGURE = range(4)


@dataclass
class DocView:
    """One document's section: its anchor, heading, highlighted text and side panel."""

    anchor: str
    heading: str
    meta: str
    text: str
    marks: list[Mark]
    panel: str
    summary: str  # for the document index


def speaker_colours(article: Article) -> dict[str, int]:
    """A colour per speaker, by order of first quote (a mention without a resolved speaker
    is a speaker of its own)."""
    colours: dict[str, int] = {}
    for quote in article.quotes:
        key = speaker_key(quote)
        if key is not None and key not in colours:
            colours[key] = len(colours) % COLOURS
    return colours


def speaker_key(quote: Quote) -> str | None:
    if quote.speaker is None:
        return None
    return quote.speaker.speaker_id or "mention:" + quote.speaker.text.lower()


def quote_details(quote: Quote, speaker: Speaker | None) -> str:
    """The hover/focus text: who, in which role, how the quote was found and how sure."""
    who = "no speaker found"
    if quote.speaker is not None:
        who = quote.speaker.name or f"{quote.speaker.text} (unresolved)"
    lines = [f"Speaker: {who}"]
    if speaker is not None and speaker.title:
        lines.append(f"Title: {speaker.title}")
    if speaker is not None and speaker.organisation:
        lines.append(f"Organisation: {speaker.organisation}")
    lines.append(f"Kind: {quote.kind} · rule: {quote.rule} · confidence: {quote.confidence:.2f}")
    if quote.cue is not None:
        lines.append(f"Cue: {quote.cue.text}")
    return "\n".join(lines)


def figure_value(figure: Figure) -> str:
    if figure.low is not None and figure.high is not None:
        return f"{figure.low:,g} to {figure.high:,g}"
    return "" if figure.value is None else f"{figure.value:,g}"


def _quote_marks(anchor: str, quote: Quote, colour: int | None, details: str) -> list[Mark]:
    pieces = quote.spans or [quote]
    classes = ["quote", f"c{colour}" if colour is not None else "nospeaker", quote.kind]
    if quote.confidence < LOW_CONFIDENCE:
        classes.append("low")
    common = {"data-quote": quote.id, "data-conf": f"{quote.confidence:.2f}"}
    marks = []
    for n, piece in enumerate(pieces, 1):
        where = f" (piece {n} of {len(pieces)})" if len(pieces) > 1 else ""
        attrs = {
            "id": f"{anchor}-{quote.id}" + (f"-{n}" if n > 1 else ""),
            "class": " ".join(classes + (["piece"] if len(pieces) > 1 else [])),
            **common,
            "tabindex": "0",
            "title": details + where,
        }
        marks.append(Mark(piece.start, piece.end, "mark", attrs, QUOTE))
    role_class = f"c{colour}" if colour is not None else "nospeaker"
    if quote.cue is not None:
        attrs = {"class": "cue", **common, "title": f"Cue of quote {quote.id}"}
        marks.append(Mark(quote.cue.start, quote.cue.end, "span", attrs, ROLE))
    if quote.speaker is not None:
        attrs = {"class": f"speaker {role_class}", **common, "title": details}
        marks.append(Mark(quote.speaker.start, quote.speaker.end, "span", attrs, ROLE))
    return marks


def article_marks(anchor: str, article: Article) -> list[Mark]:
    colours = speaker_colours(article)
    speakers = {s.id: s for s in article.speakers}
    marks: list[Mark] = []
    for quote in article.quotes:
        speaker = speakers.get(quote.speaker.speaker_id) if quote.speaker else None
        colour = colours.get(speaker_key(quote) or "")
        marks += _quote_marks(anchor, quote, colour, quote_details(quote, speaker))
    for org in article.organisations:
        for n, m in enumerate(org.mentions):
            attrs = {"id": f"{anchor}-{org.id}" if n == 0 else None, "class": "org"}
            attrs["title"] = f"Organisation: {org.name}"
            marks.append(Mark(m.start, m.end, "span", attrs, ORGANISATION))
    for f in article.figures:
        parts = [f"Figure: {figure_value(f) or f.text}", f.qualifier, f.unit]
        title = " · ".join(dict.fromkeys(p for p in [*parts, f.category] if p))
        if f.counted:
            title += f"\nCounted: {f.counted}"
        attrs = {"id": f"{anchor}-{f.id}", "class": f"fig cat-{f.category}", "title": title}
        marks.append(Mark(f.start, f.end, "span", attrs, FIGURE))
    return marks


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def _speakers_panel(anchor: str, article: Article) -> str:
    """Speakers with their quotes (links to the highlights), in order of first quote."""
    colours = speaker_colours(article)
    speakers = {s.id: s for s in article.speakers}
    groups: dict[str, list[Quote]] = {}
    for quote in article.quotes:
        groups.setdefault(speaker_key(quote) or "", []).append(quote)
    items = []
    for key, quotes in groups.items():
        first = quotes[0]
        speaker = speakers.get(first.speaker.speaker_id) if first.speaker else None
        if first.speaker is None:
            name, swatch = "No speaker found", "nospeaker"
        else:
            name = first.speaker.name or f"“{first.speaker.text}” (unresolved)"
            swatch = f"c{colours[key]}"
        roles = [r for r in (speaker.title, speaker.organisation) if r] if speaker else []
        links = "".join(
            f"<li{attributes({'data-conf': f'{q.confidence:.2f}'})}>"
            f'<a href="#{anchor}-{q.id}">{escape(_excerpt(q.text))}</a> '
            f"<small>{q.kind}, {q.confidence:.2f}</small></li>"
            for q in quotes
        )
        role = f'<div class="role">{escape(", ".join(roles))}</div>' if roles else ""
        items.append(
            f'<li class="who"><span class="swatch {swatch}"></span>'
            f"<b>{escape(name)}</b>{role}<ol>{links}</ol></li>"
        )
    return "".join(items)


def _figures_panel(anchor: str, article: Article) -> str:
    rows = "".join(
        f'<tr><td><a href="#{anchor}-{f.id}">{escape(f.text)}</a></td>'
        f"<td>{escape(figure_value(f))}</td><td>{escape(f.qualifier or '')}</td>"
        f"<td>{escape(f.unit or '')}</td><td>{escape(f.counted or '')}</td>"
        f"<td>{escape(f.category)}</td></tr>"
        for f in article.figures
    )
    head = "<tr><th>Figure</th><th>Value</th><th>Qualifier</th><th>Unit</th>"
    return f"<table>{head}<th>Counted</th><th>Category</th></tr>{rows}</table>"


def _organisations_panel(anchor: str, article: Article) -> str:
    items = []
    for org in article.organisations:
        aliases = f" <small>({escape(', '.join(org.aliases))})</small>" if org.aliases else ""
        count = len(org.mentions)
        items.append(
            f'<li><a href="#{anchor}-{org.id}">{escape(org.name)}</a>{aliases} '
            f"<small>{count} mention{'s' if count != 1 else ''}</small></li>"
        )
    return "".join(items)


def panel(sections: list[tuple[str, str, str]]) -> str:
    """Side panel from (heading, wrapper tag, content) triples; empty ones are left out."""
    parts = [
        f"<h3>{escape(heading)}</h3>" + (f"<{tag}>{body}</{tag}>" if tag else body)
        for heading, tag, body in sections
        if body
    ]
    return "".join(parts) or "<p>Nothing found.</p>"


def article_view(anchor: str, article: Article, text: str) -> DocView:
    quotes, figures, orgs = len(article.quotes), len(article.figures), len(article.organisations)
    meta = [article.title or "", article.date or "", f"{quotes} quotes, {figures} figures"]
    sections = [
        ("Speakers and their quotes", "ol", _speakers_panel(anchor, article)),
        ("Figures", "", _figures_panel(anchor, article) if article.figures else ""),
        ("Organisations", "ul", _organisations_panel(anchor, article)),
    ]
    return DocView(
        anchor=anchor,
        heading=article.source,
        meta=" · ".join(m for m in meta if m),
        text=text,
        marks=article_marks(anchor, article),
        panel=panel(sections),
        summary=f"{quotes} quotes, {figures} figures, {orgs} organisations",
    )
