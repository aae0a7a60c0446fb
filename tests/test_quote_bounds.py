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
        # British-style copy that double-quotes now and then: outside single quotes, those
        # are quotations too
        (
            f"{L}The pier is gone,{R} said Ines. {L}So is the ferry.{R} The firm called it "
            "\u201cregrettable\u201d.",
            ["The pier is gone,", "So is the ferry.", "regrettable"],
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
        # a clause that ends at a quotation's last word takes its stop and closing mark
        (
            'Lena Park said the plan was "optimistic at best."',
            ("mixed", 'the plan was "optimistic at best."'),
        ),
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
        # an attribution of the whole sentence is no part of the inner one's content, and
        # the inner report is part of the outer one, no quote of its own
        (
            "A neighbour told officials the dam had cracked twice, the report said.",
            ["A neighbour told officials the dam had cracked twice"],
        ),
        # a dateline opens the paragraph, not what was said
        (
            "KESSEL BAY \u2014 The ferry will stop running in June, harbour officials said.",
            ["The ferry will stop running in June"],
        ),
        (
            "ALDER FALLS, Ore. (AP) \u2014 The mill will close, its owners said.",
            ["The mill will close"],
        ),
        (
            "OSLO, May 2 (Reuters) - Fares will rise by a tenth, the operator said.",
            ["Fares will rise by a tenth"],
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
        # an infinitive the parser hung on the verb goes on with the object
        (
            "Mayor Lund defended her call to raise the parking fees.",
            ["her call to raise the parking fees"],
        ),
        ("The union talked about a plan to raise wages.", ["a plan to raise wages"]),
        # a second object after a comma and "and" is cited too
        (
            "The inspector cited the cracks, and the rust on the lower deck.",
            ["the cracks, and the rust on the lower deck"],
        ),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report inside what another quote reports is part of that quote
        (
            "The memo argued that Tom Varga, who said the race was over, had no path to victory.",
            ["Tom Varga, who said the race was over, had no path to victory"],
        ),
        (
            "Officials said the mayor told them the pier was unsafe.",
            ["the mayor told them the pier was unsafe"],
        ),
        # a quotation in marks inside it stays a quote of its own
        (
            'The memo said that Tom Varga told aides: "The race is over."',
            ['Tom Varga told aides: "The race is over."', "The race is over."],
        ),
    ],
)
def test_nested_reports(nlp, text, expected):
    assert [q["content"] for q in _quotes(nlp, text)] == expected


# Quotes from rules in falling order of precision (measured on PolNeAR train): a quotation
# beside its cue, a clause of a speech verb, a plan, the object of a stance verb.
RANKED = [
    '"The roof leaks," said Ada Ruiz.',
    "Ada Ruiz said the roof leaks.",
    "Ada Ruiz vowed to fix the roof.",
    "Ada Ruiz blamed the builder for the leak.",
]


def test_confidence_ranks_the_rules(nlp):
    scores = [_quotes(nlp, text)[0]["confidence"] for text in RANKED]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)


@pytest.mark.parametrize(
    ("with_speaker", "without_speaker"),
    [
        ('Ada Ruiz said: "The roof leaks."', 'As was said: "The roof leaks."'),
    ],
)
def test_confidence_is_lower_without_a_speaker(nlp, with_speaker, without_speaker):
    [found] = _quotes(nlp, with_speaker)
    [unattributed] = _quotes(nlp, without_speaker)
    assert found["speaker"] and not unattributed["speaker"]
    assert unattributed["confidence"] < found["confidence"]
