"""Quote boundaries: where a quote's content starts and ends, its words-only ``content``,
and its kind, on sentences of our own."""

from __future__ import annotations

import pytest

L, R = "\u2018", "\u2019"  # curly single quotes; R is also the apostrophe


def _quotes(nlp, text: str) -> list[dict]:
    quotes = nlp(text)._.claimex_quotes
    for q in quotes:
        assert text[q["start"] : q["end"]] == q["text"]
    return quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a split quote: the cue in the middle is in `text`, not in `content`
        (
            '"It was," he said, pausing, "the best day."',
            [('It was," he said, pausing, "the best day.', "It was, the best day.")],
        ),
        # one piece: content is text
        ('"The ferry is late," said Ines Moro.', [("The ferry is late,", "The ferry is late,")]),
        # a continuation after the cue sentence is a further piece of the same quote
        (
            '"The pier is closed," Tomas Reyes said. "Repairs start soon."',
            [
                (
                    'The pier is closed," Tomas Reyes said. "Repairs start soon.',
                    "The pier is closed, Repairs start soon.",
                )
            ],
        ),
    ],
)
def test_content_joins_the_spans(nlp, text, expected):
    assert [(q["text"], q["content"]) for q in _quotes(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British style: single curly quotes delimit the quotations
        (
            "\u2018The tram is late,\u2019 said Ines. \u2018It\u2019s the third time.\u2019",
            ["The tram is late,", "It\u2019s the third time."],
        ),
        # apostrophes are no marks: a possessive, a contraction, a decade, rock 'n' roll
        (
            f"Rock {R}n{R} roll fans said {L}never{R} to the {L}90s look. {L}Ever.{R}",
            ["never", "Ever."],
        ),
        (
            f"The council{R}s plan was {L}a shambles{R}, she said. {L}Start again.{R}",
            ["a shambles", "Start again."],
        ),
        # one single-quoted stretch is no evidence of British style
        ("The council\u2019s plan was \u2018a shambles\u2019, she said.", []),
        # doubles delimit the quotations, singles inside them are quotes within the quote
        (
            "\u201cHe called it \u2018a farce\u2019 today,\u201d she said. \u2018Late\u2019 again.",
            ["He called it \u2018a farce\u2019 today,"],
        ),
        # a single-quoted headline in an article quoted with double marks stays a headline
        (
            "Mayor Says Plan Is \u2018Dead\u2019\n\u201cIt is over,\u201d the mayor said. "
            "\u201cWe start again.\u201d",
            ["It is over,", "We start again."],
        ),
    ],
)
def test_single_quote_style(text, expected):
    from claimex.quotes.marks import find_quoted

    assert [text[q.start : q.end] for q in find_quoted(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a piece that takes in one mark of a quotation takes the other one too
        ('Ada Ruiz called the roof "a sieve."', ("mixed", 'the roof "a sieve."')),
        ('Ada Ruiz called the roof "a sieve", then left.', ("mixed", 'the roof "a sieve"')),
        ('Ada Ruiz said she would "never" pay.', ("mixed", 'she would "never" pay')),
        # quoted words alone stay inside the marks
        ('"The roof leaks," said Ada Ruiz.', ("direct", "The roof leaks,")),
        # British style
        (
            f"Critics called the scheme {L}a waste{R} today. {L}It must stop,{R} said Ana Ruiz.",
            ("mixed", f"the scheme {L}a waste{R}"),
        ),
        (
            "\u2018The trains,\u2019 she said, \u2018are never on time.\u2019",
            ("direct", "The trains, are never on time."),
        ),
    ],
)
def test_marks_in_content(nlp, text, expected):
    quote = _quotes(nlp, text)[0]
    assert (quote["kind"], quote["content"]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause set against what was said, with a cue of its own, is the writer's
        (
            "The mayor said the bridge would reopen in May, while critics said it was unsafe.",
            ["the bridge would reopen in May", "it was unsafe"],
        ),
        (
            "Residents told us the water was clean, though the inspectors found otherwise.",
            ["the water was clean"],
        ),
        # a verb of saying or of stance joined on is a statement of its own
        (
            "Tomas Reyes said the ferry was late and warned that the pier was unsafe.",
            ["the ferry was late", "the pier was unsafe"],
        ),
        # a clause with a subject of its own joined to the cue goes on with what was said
        (
            "Analysts noted that prices rose, and wages stayed flat across the region.",
            ["prices rose, and wages stayed flat across the region"],
        ),
        (
            "Lena Park said the harbour would close at noon, but that boats could still leave.",
            ["the harbour would close at noon, but that boats could still leave"],
        ),
        # ... unless it goes on about the speaker
        (
            "Lena Park said the harbour would close at noon, but she did not say for how long.",
            ["the harbour would close at noon"],
        ),
        # an attribution of the whole sentence is no part of the inner one's content
        (
            "A neighbour told officials the dam had cracked twice, the report said.",
            ["A neighbour told officials the dam had cracked twice", "the dam had cracked twice"],
        ),
    ],
)
def test_clause_ends(nlp, text, expected):
    assert [q["content"] for q in _quotes(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "to" phrase the parser hangs on the verb goes on with the object ...
        (
            "Clinton recalled her opposition to the new pipeline on Monday.",
            ["her opposition to the new pipeline"],
        ),
        # ... a time or place does not
        ("The senator attacked his rivals at the rally for their donations.", ["his rivals"]),
        ("The mayor praised the firefighters during the briefing.", ["the firefighters"]),
    ],
)
def test_stance_object_ends(nlp, text, expected):
    assert [q["content"] for q in _quotes(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who is called on to act, and the act; not the "on"
        (
            "The union called on the council to reopen the library.",
            ["the council to reopen the library"],
        ),
        ("The coach urged the players to rest.", ["the players to rest"]),
        ("Mira Tal vowed to rebuild the pier.", ["to rebuild the pier"]),
    ],
)
def test_intention_starts(nlp, text, expected):
    assert [q["content"] for q in _quotes(nlp, text)] == expected
