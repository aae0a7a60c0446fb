"""The claimex_claims component: claims of quotes and of sentences stating figures."""

from __future__ import annotations

import pytest


def _claims(nlp, text: str) -> list[tuple]:
    doc = nlp(text)
    return [
        (text[c["start"] : c["end"]], c["quote_id"], len(c["figure_ids"]), c["speaker_id"])
        for c in doc._.claimex_claims
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quote is a claim, with its speaker and the figure inside it
        (
            '"Fares will rise 5% in May," said Tomas Reyes.',
            [("Fares will rise 5% in May,", "q1", 1, "s1")],
        ),
        # a sentence outside any quote that states an amount is a claim of no one
        ("The bridge cost $40 million.", [("The bridge cost $40 million.", None, 1, None)]),
        # dates are no claim
        ("The bridge opened on 4 May 2021.", []),
        (
            'The tunnel cost $2 billion. "It was worth it," said Ana Lopez.',
            [("The tunnel cost $2 billion.", None, 1, None), ("It was worth it,", "q1", 0, "s1")],
        ),
        ("Nobody spoke.", []),
    ],
)
def test_claims(nlp, text, expected):
    assert _claims(nlp, text) == expected


def test_figures_are_numbered_and_linked_to_their_quote(nlp):
    doc = nlp('The hall seats 300 people. "We sold 250 tickets," said Mara Quist.')
    figures = [(f["id"], f["text"], f["quote_id"]) for f in doc._.claimex_figures]
    assert figures == [("f1", "300", None), ("f2", "250", "q1")]


def test_add_pipe_users_get_the_claims_extract_gives(nlp, extract):
    import spacy

    from claimex.pipeline import CLAIMEX_PIPES, resolve_model

    text = 'Pay rose 3% last year. "We want 6%," said union leader Ida Berg of Velmora Transit.'
    own = spacy.load(resolve_model())
    for name in CLAIMEX_PIPES:
        own.add_pipe(name)
    claims = own(text)._.claimex_claims
    assert claims and claims == [c.model_dump() for c in extract(text).claims]


def test_an_article_from_a_pipeline_without_the_component_has_the_same_claims(nlp, extract):
    from claimex.pipeline import to_record

    text = 'Rents rose 8% in Velmora. "It is too much," said Lena Marsh.'
    with nlp.select_pipes(disable=["claimex_claims"]):
        without = to_record(nlp(text), "-")
    assert without == extract(text)
