"""Quote boundaries: where a quote's content starts and ends, its words-only ``content``,
and its kind, on sentences of our own."""

from __future__ import annotations

import pytest


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
            [("It was,\" he said, pausing, \"the best day.", "It was, the best day.")],
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
