"""Organisation names found by their words rather than by the language model: well-known
names (lexicon ``org_known.txt``) and capitalised words ending in an organisation word
("Our Principles PAC", "C. V. Starr & Company"). Both the organisation and the people finders
read them: a name here is nobody's name.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from claimex.entities.names import POSSESSIVE, bare, first_names
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


SPANS_KEY = "claimex_org_word_spans"


def organisation_word_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Token ranges of the names above (``text`` is ``doc.text``), found once per document:
    the people finder and the organisation finder both read them (the latter drops them
    from ``doc.user_data`` when done, see :func:`forget_spans`)."""
    spans = doc.user_data.get(SPANS_KEY)
    if spans is None:
        spans = known_spans(doc, text) + suffix_spans(doc, text) + introduced_spans(doc, text)
        doc.user_data[SPANS_KEY] = spans
    return spans


def forget_spans(doc: Doc) -> None:
    doc.user_data.pop(SPANS_KEY, None)


def organisation_tokens(doc: Doc, text: str, people: set[str]) -> set[int]:
    """Tokens of the names above other than ``people``'s names ("Bloomberg" where the
    article names a Michael Bloomberg)."""
    spans = organisation_word_spans(doc, text)
    return {i for s, e in spans if doc[s:e].text not in people for i in range(s, e)}


@cache
def _kind_pattern() -> re.Pattern:
    kinds = "|".join(map(re.escape, entries("org_kind_nouns.txt")))
    return re.compile(r"\b(?:" + kinds + r")(?: called| named)? (?=[A-Z])")


NOT_INTRODUCED = {"PERSON", "GPE", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "LOC"}


def introduced_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """ "the agricultural company Mountaire", "a super PAC called Future 45": the capitalised
    words (and numbers after them) that follow a noun for a kind of organisation."""
    spans = []
    for match in _kind_pattern().finditer(text):
        first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if first is None or first[0].is_sent_start:
            continue
        start = end = first.start
        sent_end = doc[start].sent.end
        while end < sent_end and (
            _name_word(doc[end]) and doc[end].text != "&" or end > start and doc[end].like_num
        ):
            end += 1
        if end > start and not _other_name(doc[start:end]):
            spans.append((start, end))
    return spans


def _other_name(span) -> bool:
    """A title, a place, a date or a person's name; one word the model took for a person is
    the organisation's name ("the company Kellmoor") unless it is a first name."""
    first = span[0]
    if bare(first.text) in words("titles.txt"):
        return True
    if first.ent_type_ == "PERSON":
        return len(span) > 1 or first.lower_ in first_names()
    return first.ent_type_ in NOT_INTRODUCED
