"""The library API and the spaCy integration."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language
from spacy.util import minibatch

import claimex
from claimex.errors import ModelNotFound
from claimex.models import ErrorRecord
from claimex.pipeline import CLAIMEX_PIPES, _Source, matrix_ops, pipe_records, resolve_model


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


PARAGRAPH = (
    "Harbour chief Lena Maris said on Monday that the ferry to Ostra would carry 1,200 "
    'passengers a day from May. "We have waited eleven years for this," she told the Velden '
    "Courier, adding that Brisk Lines had cut its fares by 8% while the council paid $3.4m."
)


def _annotations(nlp: Language) -> list[tuple]:
    doc = nlp(PARAGRAPH)
    return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_matrix_ops_give_the_same_annotations_as_blis(nlp):
    default = spacy.load(resolve_model(), exclude=["lemmatizer", "attribute_ruler"])
    assert default.get_pipe("ner").model.ops.use_blis
    with matrix_ops():
        ours = spacy.load(resolve_model(), exclude=["lemmatizer", "attribute_ruler"])
    assert not any(p.model.ops.use_blis for _, p in ours.pipeline)
    assert not nlp.get_pipe("parser").model.ops.use_blis  # the loaded claimex pipeline's
    assert _annotations(ours) == _annotations(default)


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


class FailsOnBoom:
    """A component that fails on any text holding "BOOM" (and so its whole batch), like a
    spaCy component that raises."""

    def __call__(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("cannot parse this")
        return doc

    def pipe(self, stream, *, batch_size=128):
        for docs in minibatch(stream, size=batch_size):
            yield from [self(doc) for doc in docs]


@Language.factory("claimex_test_fails_on_boom")
def make_fails_on_boom(nlp, name):
    return FailsOnBoom()


@pytest.fixture
def failing_nlp(nlp):
    """The shared pipeline with a failing component before the claimex ones."""
    nlp.add_pipe("claimex_test_fails_on_boom", after="ner")
    yield nlp
    nlp.remove_pipe("claimex_test_fails_on_boom")


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_spacy_component_fails_one_document(failing_nlp, n_process):
    texts = ['"Fine," said Ann Lee.', "Still fine.", "Then BOOM.", "Also fine.", "Ok.", "BOOM"]
    items = [(text, _Source(f"{i}.txt")) for i, text in enumerate(texts)]
    records = [r for _, r in pipe_records(failing_nlp, items, n_process, batch_size=2)]
    assert [r.source for r in records] == [f"{i}.txt" for i in range(6)]
    assert [isinstance(r, ErrorRecord) for r in records] == [False, False, True, False, False, True]
    assert records[2].error.type == "ValueError"
    assert records[2].error.message == "cannot parse this"
    assert records[0].quotes[0].speaker.name == "Ann Lee"


def test_a_failing_spacy_component_on_a_long_text(failing_nlp, monkeypatch):
    monkeypatch.setattr(failing_nlp, "max_length", 40)
    texts = ["Fine.", "A fine paragraph of text.\n\nThen BOOM in the second one.\n\nA third."]
    items = [(text, _Source(f"{i}.txt")) for i, text in enumerate(texts)]
    records = [r for _, r in pipe_records(failing_nlp, items)]
    assert [isinstance(r, ErrorRecord) for r in records] == [False, True]


def test_an_input_iterator_that_fails_ends_the_run(nlp):
    def items():
        yield "Fine.", _Source("a.txt")
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        list(pipe_records(nlp, items()))
