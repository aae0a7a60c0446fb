"""The library API and the spaCy integration."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

import claimex
from claimex.errors import ModelNotFound
from claimex.pipeline import CLAIMEX_PIPES, resolve_model


def test_factories_are_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"claimex_paragraphs", *CLAIMEX_PIPES} <= names


def test_components_work_in_a_users_pipeline():
    nlp = spacy.load(resolve_model(), exclude=["lemmatizer"])
    for name in CLAIMEX_PIPES:
        nlp.add_pipe(name)
    doc = nlp('"We will win," said Maria Lopez.')
    assert isinstance(doc._.claimex_quotes, list)
    assert isinstance(doc._.claimex_figures, list)


def test_extract_returns_article():
    article = claimex.extract("Nothing much happened on Tuesday.")
    assert isinstance(article, claimex.Article)
    assert article.source == "-"


def test_missing_model_is_one_clear_line(monkeypatch):
    from claimex.pipeline import load_pipeline

    with pytest.raises(ModelNotFound) as info:
        load_pipeline("no_such_model_xyz")
    message = str(info.value)
    assert "\n" not in message
    assert "no_such_model_xyz" in message and "pip install" in message


def test_model_from_environment(monkeypatch):
    monkeypatch.setenv("CLAIMEX_MODEL", "my_model")
    assert resolve_model() == "my_model"
    assert resolve_model("explicit") == "explicit"


@pytest.mark.parametrize(
    "text, date, title",
    [
        ("date 2024-01-31 Big news today\nBody.", "2024-01-31", "Big news today"),
        (" date 2025-02-24 Headline, says X\nBody", "2025-02-24", "Headline, says X"),
        ("Dated 2024-01-31 text\nBody.", None, None),
        ("No header here.", None, None),
    ],
)
def test_header(text, date, title):
    from claimex.components.paragraphs import parse_header

    assert parse_header(text)[:2] == (date, title)


def test_headline_is_its_own_sentence(nlp):
    doc = nlp("date 2024-01-31 Prices rise again, says minister\nThe minister spoke on Monday.")
    starts = [s.text for s in doc.sents]
    assert starts[0] == "date 2024-01-31" or starts[0].startswith("date")
    assert any(s.startswith("Prices rise again") for s in starts)
    assert any(s.startswith("The minister spoke") for s in starts)
