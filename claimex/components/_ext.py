"""Doc extensions shared by the components.

Results are stored as lists of plain dicts (fields as in :mod:`claimex.models`), so that Docs
stay serialisable when ``nlp.pipe(n_process=...)`` sends them between processes.
"""

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

from claimex.lexicons import Overlay, use

EXTENSIONS = (
    "claimex_figures",
    "claimex_organisations",
    "claimex_quotes",
    "claimex_speakers",
    "claimex_claims",
    "claimex_error",
)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def guarded(name: str):
    """Decorate a component's ``__call__``: an exception fails this document only; the
    component's ``lexicons`` overlay, if it has one, is put in use first.

    The error is stored on ``doc._.claimex_error`` and becomes the document's error record;
    the other documents of the batch and the run go on. Later components skip failed docs.
    """

    def decorate(call):
        def wrapper(self, doc: Doc) -> Doc:
            if doc._.claimex_error:
                return doc
            if isinstance(self, ReadsLexicons):
                use(self.lexicons)  # this component's word lists (its config)
            try:
                return call(self, doc)
            except Exception as exc:  # noqa: BLE001 - reported per document, never lost
                doc._.claimex_error = {"type": type(exc).__name__, "message": f"{name}: {exc}"}
                return doc

        wrapper.__name__ = call.__name__
        wrapper.__doc__ = call.__doc__
        return wrapper

    return decorate


class ReadsLexicons:
    """Base of the components that read word lists. ``lexicons``, their config's, changes the
    packaged lists (see :mod:`claimex.config`); ``guarded`` puts it in use for each document."""

    def __init__(self, lexicons: Mapping[str, Any] | None = None):
        self.lexicons = Overlay.from_config(lexicons)
