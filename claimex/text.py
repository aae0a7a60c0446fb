"""The text of a Doc, read once."""

from spacy.tokens import Doc

KEY = "claimex_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins it from the tokens on every access,
    which the claimex components would otherwise do about ten times per document."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text


def forget_text(doc: Doc) -> Doc:
    """Drop the stored text (Doc.from_docs warns about user data it cannot merge)."""
    doc.user_data.pop(KEY, None)
    return doc
