"""claimex: who said what, with which numbers, in news articles.

    >>> import claimex
    >>> article = claimex.extract('"Prices rose 5%," said Jane Doe.')
    >>> article.quotes[0].speaker.name

Importing claimex is cheap; spaCy is loaded on the first call that needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from claimex.models import Article


def extract(
    text: str,
    source: str = "-",
    model: str | None = None,
    *,
    join_continuations: bool = True,
    lexicons: dict[str, Any] | None = None,
) -> Article:
    """Extract quotes, speakers, figures, organisations and claims from one text
    (``join_continuations``, ``lexicons``: see :func:`claimex.pipeline.add_claimex_pipes`)."""
    from claimex.pipeline import extract as _extract

    options = {"join_continuations": join_continuations, "lexicons": lexicons}
    return _extract(text, source=source, model=model, **options)


def __getattr__(name: str) -> Any:
    if name in {"Article", "Quote", "Speaker", "Figure", "Organisation", "Claim", "ErrorRecord"}:
        from claimex import models

        return getattr(models, name)
    if name in {"extract_many", "load_pipeline", "add_claimex_pipes"}:
        from claimex import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = ["__version__", "extract", "extract_many", "load_pipeline", "add_claimex_pipes"]
