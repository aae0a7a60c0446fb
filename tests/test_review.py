"""The review page (``--format html``) without a browser: nested markup, escaping, side panel,
streaming of many documents; and ``--min-confidence`` in the library and on every format."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from claimex.article import keep_confident
from claimex.cli import FORMATS, cli
from claimex.models import (
    Article,
    Claim,
    ErrorInfo,
    ErrorRecord,
    Figure,
    Offsets,
    Organisation,
    Quote,
    Speaker,
    SpeakerMention,
    TextSpan,
)  # fmt: skip
from claimex.review import HtmlWriter
from claimex.review.markup import Mark, nest

TEXT = '"Fares rise <b>now</b>," said Ana Lopez of Metro Transit. "It is 5%," she said.'


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def sample_article(text: str = TEXT, source: str = "fares.txt") -> Article:
    """Two quotes by one speaker (the first split around nothing, the second low in
    confidence), a figure inside a quote and an organisation, all offsets from ``text``."""
    q1, cue1, who1 = (
        _span(text, "Fares rise <b>now</b>,"),
        _span(text, "said"),
        _span(text, "Ana Lopez"),
    )
    q2, who2 = _span(text, "It is 5%,"), _span(text, "she")
    org, fig = _span(text, "Metro Transit"), _span(text, "5%")
    mention1 = SpeakerMention(
        text="Ana Lopez", start=who1[0], end=who1[1], name="Ana Lopez", speaker_id="s1"
    )
    mention2 = SpeakerMention(
        text="she", start=who2[0], end=who2[1], name="Ana Lopez", speaker_id="s1"
    )
    quotes = [
        Quote(id="q1", text=text[q1[0]:q1[1]], start=q1[0], end=q1[1], kind="direct",
              cue=TextSpan(text="said", start=cue1[0], end=cue1[1]), speaker=mention1,
              confidence=0.9, rule="direct-cue-after"),
        Quote(id="q2", text=text[q2[0]:q2[1]], start=q2[0], end=q2[1], kind="direct",
              speaker=mention2, confidence=0.45, rule="direct-continuation"),
    ]  # fmt: skip
    article = Article(
        source=source,
        quotes=quotes,
        speakers=[Speaker(id="s1", name="Ana Lopez", kind="person", title="spokeswoman",
                          organisation="Metro Transit", quote_ids=["q1", "q2"])],
        figures=[Figure(id="f1", text="5%", start=fig[0], end=fig[1], value=5, unit="percent",
                        category="percent", quote_id="q2")],
        organisations=[Organisation(id="o1", name="Metro Transit",
                                    mentions=[Offsets(start=org[0], end=org[1])])],
        claims=[Claim(id="c1", text=quotes[0].text, start=q1[0], end=q1[1], quote_id="q1"),
                Claim(id="c2", text=quotes[1].text, start=q2[0], end=q2[1], quote_id="q2")],
    )  # fmt: skip
    article._input_text = text
    return article


def render(records) -> str:
    stream = io.StringIO()
    writer = HtmlWriter(stream)
    for record in records:
        writer.write(record)
    writer.close()
    return stream.getvalue()


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("abc", [], "abc"),
        ("a<b", [Mark(0, 3, "i")], "<i>a&lt;b</i>"),
        # nested: the outer (longer) one opens first
        ("abcd", [Mark(1, 2, "b"), Mark(0, 4, "i")], "<i>a<b>b</b>cd</i>"),
        # same extent: the lower layer is outside
        ("ab", [Mark(0, 2, "b", layer=1), Mark(0, 2, "i")], "<i><b>ab</b></i>"),
        # crossing: the longer one is cut and reopened without its id
        ("abcd", [Mark(0, 3, "i", {"id": "x", "class": "k"}), Mark(2, 4, "b")],
         '<i id="x" class="k">ab<b>c</b></i><b>d</b>'),
        ("abcd", [Mark(1, 3, "i", {"id": "x"}), Mark(0, 2, "b")],
         '<b>a<i id="x">b</i></b><i>c</i>d'),
        ("ab", [Mark(1, 5, "i")], "ab"),  # out of range: left out
        ('q"', [Mark(0, 2, "i", {"title": 'say "hi" <x>'})],
         '<i title="say &quot;hi&quot; &lt;x&gt;">q"</i>'),
    ],
)  # fmt: skip
def test_nest(text, marks, expected):
    assert nest(text, marks) == expected


def test_page_marks_quotes_roles_figures_and_organisations():
    page = render([sample_article()])
    assert page.count('<mark id="d1-q') == 2
    assert 'class="quote c0 direct" data-quote="q1" data-conf="0.90" tabindex="0"' in page
    assert 'class="quote c0 direct low"' in page  # same speaker, same colour; low confidence
    assert '<span class="cue" data-quote="q1"' in page
    assert '<span class="speaker c0" data-quote="q2"' in page
    assert (
        '<span id="d1-o1" class="org"' in page
        and '<span id="d1-f1" class="fig cat-percent"' in page
    )
    assert (
        "Title: spokeswoman\nOrganisation: Metro Transit\nKind: direct · rule: direct-cue-after"
        in page
    )
    assert '<a href="#d1-q2">It is 5%,</a>' in page and '<a href="#d1-f1">5%</a>' in page
    assert 'id="index"' not in page  # one document: no index


def test_page_escapes_every_text():
    text = '"<script>alert(1)</script>," said Ana Lopez of Metro Transit. "It is 5%," she said.'
    article = sample_article(text.replace("<script>alert(1)</script>", "Fares rise <b>now</b>"))
    evil = article.model_copy(update={"source": "<script>x()</script>.txt", "title": "<img src=x>"})
    evil._input_text = article.input_text
    page = render([evil])
    assert "<script>x()" not in page and "<b>now" not in page and "<img" not in page
    assert "&lt;b&gt;now&lt;/b&gt;" in page and "&lt;script&gt;x()&lt;/script&gt;.txt" in page
    assert page.count("<script>") == 2  # the page's own


def test_split_quote_pieces_are_linked():
    text = '"We will," said Ana Lopez, "win."'
    article = Article(source="a", quotes=[Quote(
        id="q1", text=text[0:33], start=0, end=33, kind="direct",
        spans=[Offsets(start=0, end=10), Offsets(start=27, end=33)], confidence=0.9,
        rule="direct-split",
    )])  # fmt: skip
    article._input_text = text
    page = render([article])
    assert 'id="d1-q1" class="quote nospeaker direct piece"' in page
    assert 'id="d1-q1-2" class="quote nospeaker direct piece"' in page
    assert "(piece 2 of 2)" in page


def test_many_documents_stream_with_an_index_and_errors():
    stream = io.StringIO()
    writer = HtmlWriter(stream)
    writer.write(sample_article(source="first.txt"))
    after_one = len(stream.getvalue())
    assert 'id="d1"' in stream.getvalue()  # written at once, not held back
    for n in range(2, 1000):
        writer.write(sample_article(source=f"doc{n}.txt"))
    writer.write(
        ErrorRecord(source="bad.bin", error=ErrorInfo(type="BinaryFile", message="binary"))
    )
    writer.close()
    page = stream.getvalue()
    index = page.split('<nav id="index"')[1]
    assert page.count('<section class="doc') == 1000 and index.count("<li>") == 1000
    assert "Not processed: BinaryFile: binary" in page
    assert len(page) < 1200 * after_one  # one section per document, nothing repeated
    assert page.rstrip().endswith("</html>")


@pytest.mark.parametrize(
    ("least", "quotes", "claims", "figure_quote"),
    [(0.0, ["q1", "q2"], ["c1", "c2"], "q2"), (0.5, ["q1"], ["c1"], None), (0.95, [], [], None)],
)
def test_keep_confident_drops_quotes_and_what_points_to_them(least, quotes, claims, figure_quote):
    article = keep_confident(sample_article(), least)
    assert [q.id for q in article.quotes] == quotes
    assert article.speakers[0].quote_ids == quotes
    assert [c.id for c in article.claims] == claims
    assert article.figures[0].quote_id == figure_quote
    assert article.input_text == TEXT and len(article.organisations) == 1


ARTICLE = (
    '"We will open the bridge in May," said Mayor Ana Lopez. She said that the budget was tight.\n'
)


def _extract_output(fmt: str, out_dir, *options: str) -> str:
    """What ``extract`` writes for ARTICLE: stdout, or for parquet the quotes table's rows."""
    args = ["extract", "-", "-q", "-f", fmt, *options]
    if fmt == "parquet":
        args += ["-o", str(out_dir)]
    result = CliRunner().invoke(cli, args, input=ARTICLE)
    assert result.exit_code == 0, result.output
    if fmt != "parquet":
        return result.stdout
    import pyarrow.parquet as pq

    return json.dumps(pq.read_table(out_dir / "quotes.parquet").to_pylist(), default=str)


@pytest.mark.parametrize("fmt", FORMATS)
def test_min_confidence_on_every_format(nlp, fmt, tmp_path):
    shown = _extract_output(fmt, tmp_path / "all")
    kept = _extract_output(fmt, tmp_path / "kept", "--min-confidence", "0.9")
    assert "budget was tight" in shown
    assert "bridge in May" in kept
    if fmt == "html":  # the text stays on the page; the quote is no longer marked
        assert ">the budget was tight</mark>" in shown
        assert ">the budget was tight</mark>" not in kept
    else:
        assert "budget was tight" not in kept
    if fmt == "jsonl":
        record = json.loads(kept)
        assert [c["quote_id"] for c in record["claims"]] == ["q1"]


def test_html_picked_by_the_output_extension(nlp, tmp_path):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["extract", "-", "-q", "-o", str(out)], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
