"""The review page: one self-contained HTML file (inline CSS and a little JS, nothing
fetched) for one or many documents, written one document at a time.

Readable without JS: highlights are plain elements with ``title`` details and every
document is shown in turn. With JS: one document at a time, details on hover and focus, and
a minimum-confidence filter. The index of documents is written last (only one short line per
document is kept until then), and placed beside the documents by the style sheet.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from typing import IO

from claimex.models import Article, ErrorRecord
from claimex.review.markup import nest
from claimex.review.views import DocView, article_view
from claimex.spill import materialised

HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<script>document.documentElement.classList.add("js")</script>
<style>{css}</style>
</head>
<body>
<header class="top">
<h1>{title}</h1>
<div class="filter" hidden><label for="minconf">Minimum confidence</label>
<input type="range" id="minconf" min="0" max="1" step="0.05" value="0">
<output for="minconf" id="minconf-value">0.00</output></div>
<p class="legend">{legend}</p>
</header>
<div id="tip" role="tooltip" hidden></div>
<main>
"""
SECTION = """<section class="doc" id="{anchor}" aria-labelledby="{anchor}-h">
<header><h2 id="{anchor}-h">{heading}</h2><p class="meta">{meta}</p>{nav}</header>
<div class="cols"><article class="text">{text}</article>
<aside class="panel">{panel}</aside></div>
</section>
"""
ERROR = """<section class="doc error" id="{anchor}" aria-labelledby="{anchor}-h">
<header><h2 id="{anchor}-h">{heading}</h2></header>
<p class="failed">Not processed: {kind}: {message}</p>
</section>
"""
INDEX = """<nav id="index" aria-label="Documents"><h2>Documents</h2><ol>
{entries}
</ol></nav>
"""
TAIL = """</main>
{index}<script>{js}</script>
</body>
</html>
"""
LEGEND = (
    '<mark class="quote c0">quote</mark> (one colour per speaker) '
    '<mark class="quote c0 low">low confidence</mark> '
    '<span class="speaker c0">speaker</span> <span class="cue">cue</span> '
    '<span class="fig">figure</span> <span class="org">organisation</span>'
)


def _asset(name: str) -> str:
    return files("claimex.review").joinpath(name).read_text(encoding="utf-8")


class HtmlPageWriter:
    """Writes sections as they come; ``close`` adds the document index and the script."""

    def __init__(self, stream: IO[str], title: str = "claimex review", legend: str = LEGEND):
        self.stream = stream
        self.count = 0
        self.index: list[str] = []
        css = _asset("review.css")
        stream.write(HEAD.format(title=escape(title), css=css, legend=legend))

    def write_view(self, view: DocView) -> None:
        self.count += 1
        self.stream.write(
            SECTION.format(
                anchor=view.anchor,
                heading=escape(view.heading),
                meta=escape(view.meta),
                nav=self._nav(),
                text=nest(view.text, view.marks),
                panel=view.panel,
            )
        )
        self._entry(view.anchor, view.heading, view.summary)

    def write_error(self, anchor: str, source: str, kind: str, message: str) -> None:
        self.count += 1
        args = {"kind": escape(kind), "message": escape(message)}
        self.stream.write(ERROR.format(anchor=anchor, heading=escape(source), **args))
        self._entry(anchor, source, "not processed")

    def _nav(self) -> str:
        """Links to the neighbours (the next one may not exist: the script hides it then)."""
        previous = (
            f'<a href="#d{self.count - 1}" rel="prev">previous</a> ' if self.count > 1 else ""
        )
        return f'<p class="docnav">{previous}<a href="#d{self.count + 1}" rel="next">next</a></p>'

    def _entry(self, anchor: str, source: str, summary: str) -> None:
        self.index.append(
            f'<li><a href="#{anchor}">{escape(source)}</a> <small>{escape(summary)}</small></li>'
        )
        self.stream.flush()

    def close(self) -> None:
        index = ""
        if self.count > 1:
            entries = "\n".join(self.index)
            index = INDEX.format(entries=entries)
        self.stream.write(TAIL.format(index=index, js=_asset("review.js")))
        self.stream.flush()


class HtmlWriter:
    """The ``html`` output format: a review page of the records."""

    extensions = (".html", ".htm")

    def __init__(self, stream: IO[str]):
        self.page = HtmlPageWriter(stream)

    def write(self, record: Article | ErrorRecord) -> None:
        anchor = f"d{self.page.count + 1}"
        if isinstance(record, ErrorRecord):
            self.page.write_error(anchor, record.source, record.error.type, record.error.message)
            return
        record = materialised(record)  # a page lays out the whole document at once
        self.page.write_view(article_view(anchor, record, record.input_text or ""))

    def close(self) -> None:
        self.page.close()
