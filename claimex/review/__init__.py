"""The review page: quotes, speakers, figures and organisations highlighted in their
article, as one self-contained HTML file (``claimex extract --format html``)."""

from claimex.review.page import HtmlPageWriter, HtmlWriter

__all__ = ["HtmlPageWriter", "HtmlWriter"]
