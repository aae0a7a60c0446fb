"""Organisation names found by their words rather than by the language model: well-known
names (lexicon ``org_known.txt``) and capitalised words ending in an organisation word
("Our Principles PAC", "C. V. Starr & Company"). Both the organisation and the people finders
read them: a name here is nobody's name.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from claimex.entities.names import POSSESSIVE, bare
from claimex.lexicons import entries, words

LEADING = {"the", "a", "an"}


def _whole_words(alternatives) -> re.Pattern:
    """Any of ``alternatives`` as whole words, longest first ("Bloomberg News" before
    "Bloomberg"); unlike ``\\b`` this also bounds names ending in a full stop ("U.N.")."""
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


@cache
def _known_pattern() -> re.Pattern:
    return _whole_words(entries("org_known.txt"))


@cache
def _suffix_pattern() -> re.Pattern:
    return _whole_words(_suffixes())


@cache
def _suffixes() -> dict[str, bool]:
    """Last word of a name -> whether it needs "&" before it ("Kilbride & Sons")."""
    table = {}
    for entry in entries("org_suffixes.txt"):
        word = entry.lstrip("& ")
        table[word] = entry.startswith("&")
    return table


def _token_spans(doc: Doc, text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    spans = []
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is not None:
            spans.append((span.start, span.end))
    return spans


def known_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    return _token_spans(doc, text, _known_pattern())


def _name_word(token) -> bool:
    """A word of a name the model left untagged: capitalised ("Our Principles PAC"), an
    initial ("C. V. Starr") or "&", never a title ("Chairman") or a possessive."""
    if token.text == "&":
        return True
    if not token.text[:1].isupper() or token.text in POSSESSIVE or token.ent_type_ == "DATE":
        return False
    return bare(token.text) not in words("titles.txt")


def suffix_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Untagged names ending in an organisation word: "Our Principles PAC", "C. V. Starr &
    Company", "the Rules Committee": the capitalised words before it, within the sentence."""
    spans = []
    for end_tok, end in _token_spans(doc, text, _suffix_pattern()):
        last = doc[end_tok]
        if end - end_tok > 1:
            continue
        needs_amp = _suffixes().get(last.text, False)
        if needs_amp and (end_tok == 0 or doc[end_tok - 1].text != "&"):
            continue
        start, sent_start = end_tok, last.sent.start
        while start > sent_start and _name_word(doc[start - 1]):
            start -= 1
        while start < end_tok and (doc[start].text == "&" or doc[start].lower_ in LEADING):
            start += 1
        following = doc[end].lower_ if end < len(doc) else ""
        if start < end_tok and following not in ("of", "for", "on"):  # "University of ..."
            spans.append((start, end))
    return spans


def organisation_tokens(doc: Doc, text: str, people: set[str]) -> set[int]:
    """Tokens of the names above (``text`` is ``doc.text``) other than ``people``'s names
    ("Bloomberg" where the article names a Michael Bloomberg)."""
    spans = known_spans(doc, text) + suffix_spans(doc, text)
    return {i for s, e in spans if doc[s:e].text not in people for i in range(s, e)}
