"""Organisations: whole names, merged across forms, never people or places.

Contract: ``doc._.claimex_organisations`` is a list of dicts with the fields of
:class:`claimex.models.Organisation`: id ("o1", "o2", ...), name, aliases, mentions
[{start, end}].

Names come from the language model's ORG entities, cleaned ("the", possessives, quote marks),
re-joined where the model splits one name ("Institute of Foreign Affairs" + "and National
Security"), split where it joins two ("New York Times/CBS News"), plus well-known names it
misses (lexicon) and "<place> police". Spans that are people (see
:mod:`claimex.entities.people`), places, laws, court cases, title-case phrases of ordinary
words and headline phrases the body never names are dropped. Forms are merged by name, by an
acronym introduced in parentheses or matching the initials, and by a shorter form that ends
or abbreviates the longer one ("the Intelligence Committee"); "the bureau" after a name
naming a bureau is one more mention (see :mod:`claimex.entities.orgforms`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimex.components._ext import ReadsLexicons, guarded, register_extensions
from claimex.entities.names import (
    POSSESSIVE,
    QUOTE_MARKS,
    bare,
    common_words,
    tokens_matching,
)
from claimex.entities.orgforms import OrgForm, initials, is_acronym, merge_forms, norm
from claimex.entities.orgspans import forget_spans, organisation_word_spans
from claimex.entities.people import find_people, header_end, token_owners
from claimex.lexicons import entries, words
from claimex.text import doc_text

register_extensions()

EDGE_WORDS = {"the", "a", "an"}
NOT_ORG_LABELS = {"LAW", "EVENT", "WORK_OF_ART", "FAC"}
POLICE = re.compile(r"\b(?:police|government)\b")


def _edge(token) -> bool:
    return token.lower_ in EDGE_WORDS or token.is_punct or token.is_space


def _after_owner(doc: Doc, start: int, end: int) -> int:
    """ "Obama's State Department": the name starts after a leading possessor when what follows
    is a capitalised name with an organisation word ("People's Daily" stays whole)."""
    heads = words("org_heads.txt")
    for i in range(start + 1, min(start + 3, end - 1)):
        if doc[i].text in POSSESSIVE:
            rest = doc[i + 1 : end]
            if rest[0].text[:1].isupper() and any(bare(t.text) in heads for t in rest):
                return i + 1
    return start


def _clean(doc: Doc, start: int, end: int) -> OrgForm | None:
    """The name inside tokens [start, end) without "the", a possessor, possessives,
    punctuation and a trailing title ("Democratic National Committee Chair")."""
    start = _after_owner(doc, start, end)
    while start < end and _edge(doc[start]):
        start += 1
    while end > start and (_edge(doc[end - 1]) or doc[end - 1].text in POSSESSIVE):
        end -= 1
    titled = end - start > 1 and bare(doc[end - 1].text) in words("titles.txt")
    if titled and bare(doc[end - 2].text) in words("org_heads.txt"):
        end -= 1
    if start >= end or any(t.text in QUOTE_MARKS or "\n" in t.text for t in doc[start:end]):
        return None
    span = doc[start:end]
    return OrgForm(span.start_char, span.end_char, span.text, start, end)


def _ordinary_words(form: OrgForm, common: frozenset[str]) -> bool:
    """Every word is one the article also writes in lower case and none names an organisation:
    a headline in title case ("Terror Suspect Named By Police") or a phrase ("Fair & Balanced")."""
    heads = words("org_heads.txt") | words("org_suffixes.txt")
    links = words("org_name_links.txt")
    tokens = [bare(t) for t in form.text.split() if t.lower() not in links]
    return bool(tokens) and all(t in common and t not in heads for t in tokens)


def _plausible(form: OrgForm, common: frozenset[str]) -> bool:
    """Not a place, law, event, court case, stray word, title-case phrase or page reference."""
    if _ordinary_words(form, common) or any(c in form.text for c in "@<>#"):
        return False  # a phrase, a handle or markup
    tokens = form.text.split()
    if " ".join(bare(t) for t in tokens) in words("not_org_words.txt"):
        return False
    ending = {bare(tokens[-1]), " ".join(bare(t) for t in tokens[-2:])}
    if any(bare(t) in ("v", "vs") for t in tokens) or ending & words("not_org_heads.txt"):
        return False
    if "and" in tokens:  # "Black and Brown communities": an adjective pair, unless a name
        return any(bare(t) in words("org_heads.txt") for t in tokens)
    if len(tokens) > 1:
        return True
    word = tokens[0]
    if bare(word) in words("not_org_words.txt") or bare(word) in words("titles.txt"):
        return False
    has_digit = any(c.isdigit() for c in word)
    return word[:1].isupper() and not (has_digit and len(word) <= 4)


def _split_slash(span: Span) -> list[tuple[int, int]]:
    """ "New York Times/CBS News" names two organisations."""
    pieces, start = [], span.start
    for token in span:
        if token.text == "/":
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, span.end))
    return pieces


def _joins(doc: Doc, first: Span, second: Span) -> bool:
    """ "Institute of Foreign Affairs" "and" "National Security": one name split in two."""
    if second.start != first.end + 1 or doc[first.end].lower_ not in ("and", "&"):
        return False
    has_link = any(t.lower_ in ("of", "for", "on") for t in first)
    heads = words("org_heads.txt")
    return has_link and bare(second[-1].text) not in heads and second[0].lower_ != "the"


def _cut_short(doc: Doc, span: Span) -> bool:
    """The model tagged part of a longer name: the next word is capitalised, not a title
    ("FBI Director"), a date ("the State Department Wednesday") or a sentence start; or part of
    a quoted title ("Fox News" of “Fox News Sunday,”)."""
    if span.end >= len(doc) or span[-1].text in POSSESSIVE:
        return False  # "Fox News's Chris Wallace": the name ends at the possessive
    after = doc[span.end]
    if after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
        return False
    if span.start > 0 and doc[span.start - 1].text in QUOTE_MARKS:
        return after.text not in QUOTE_MARKS and not after.is_punct
    return (
        after.pos_ == "PROPN"
        and after.text[:1].isupper()
        and not after.is_sent_start
        and (
            bare(after.text) not in words("titles.txt") and after.ent_type_ not in ("DATE", "TIME")
        )
    )


def _widen(doc: Doc, span: Span) -> Span:
    """Words of the name the model left out: a capitalised modifier before a name of two or
    more words ("Republican" of "Republican National Committee", "Chinese" of "Chinese
    Foreign Ministry") and a lower-case committee noun after one ("House Benghazi committee")."""
    start, end = span.start, span.end
    if len(span) < 2:
        return span
    while start > 0 and bare(doc[start].text) not in words("org_heads.txt"):
        token = doc[start - 1]
        if not (token.is_alpha and token.is_title and token.ent_type_ in ("", "NORP")):
            break
        if token.dep_ not in ("compound", "amod") or not start <= token.head.i < end:
            break
        if bare(token.text) in words("titles.txt"):
            break
        start -= 1
    if end < len(doc) and doc[end].lower_ in words("org_trailing_heads.txt"):
        if doc[end - 1].head.i == end and doc[end].text.islower():
            end += 1
    return doc[start:end]


def _entity_spans(doc: Doc) -> list[Span]:
    """ORG entities, widened, a name the model split in two re-joined."""
    orgs = [_widen(doc, e) for e in doc.ents if e.label_ == "ORG" and not _cut_short(doc, e)]
    joined: list[Span] = []
    for span in orgs:
        if joined and _joins(doc, joined[-1], span):
            joined[-1] = doc[joined[-1].start : span.end]
        else:
            joined.append(span)
    return joined


def _police_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """ "Charlotte-Mecklenburg police", "the U.S. government": a place's police force or
    government (not "U.S. government computers")."""
    spans = []
    for token in tokens_matching(doc, text, POLICE):
        if token.i == 0 or token.lower_ == "government" and token.dep_ == "compound":
            continue
        start = token.i
        while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text == "-"):
            start -= 1
        if start < token.i and doc[start].ent_type_ == "GPE":
            spans.append((start, token.i + 1))
    return spans


def _names_event(doc: Doc, form: OrgForm) -> bool:
    """ "a Faith & Freedom forum": a name before an event noun, unless an acronym, a
    well-known name or one with an organisation word ("a CNN debate", "a Rotary Club dinner")."""
    after = doc[form.end_tok] if form.end_tok < len(doc) else None
    if after is None or after.text not in words("event_nouns.txt"):
        return False
    heads = words("org_heads.txt") | words("org_suffixes.txt")
    if is_acronym(form.text) or any(bare(w) in heads for w in form.text.split()):
        return False
    return form.text not in entries("org_known.txt")


def candidate_forms(doc: Doc, text: str, person_tokens: set[int]) -> list[OrgForm]:
    ranges = [piece for span in _entity_spans(doc) for piece in _split_slash(span)]
    ranges += organisation_word_spans(doc, text) + _police_spans(doc, text)
    forms, taken, common = [], set(), common_words(text)
    not_names = _initials_of_non_organisations(doc)
    for start, end in sorted(ranges, key=lambda r: (r[0], -r[1])):
        form = _clean(doc, start, end)
        if form is None or taken & set(range(form.start_tok, form.end_tok)):
            continue
        if not _plausible(form, common):
            if len(form.text.split()) > 1:  # "Iran Sanctions Act, or ISA": nor is its acronym
                not_names.add(initials(form.text))
            continue
        if any(i in person_tokens for i in range(form.start_tok, form.end_tok)):
            continue
        if _names_event(doc, form):
            continue
        taken.update(range(form.start_tok, form.end_tok))
        forms.append(form)
    return [f for f in forms if f.text.replace(".", "") not in not_names]


def _initials_of_non_organisations(doc: Doc) -> set[str]:
    """Initials of laws, events, works and buildings: an acronym of one is no organisation."""
    names = (e.text for e in doc.ents if e.label_ in NOT_ORG_LABELS and len(e) > 1)
    return {letters for name in names if len(letters := initials(name)) > 1}


def _drop_headline_phrases(text: str, forms: list[OrgForm]) -> list[OrgForm]:
    """A title-case headline makes the model see organisations everywhere ("City Council
    Rejects Harbour Plan"): a form there counts only if it is an acronym or the body's
    organisation names hold all its words."""
    end = header_end(text)
    body_words = {w for f in forms if f.start >= end for w in norm(f.text).split()}

    def credible(form: OrgForm) -> bool:
        return (
            form.start >= end or is_acronym(form.text) or set(norm(form.text).split()) <= body_words
        )

    return [f for f in forms if credible(f)]


def find_organisations(doc: Doc) -> list[dict]:
    if not len(doc):
        return []
    person_tokens = set(token_owners(find_people(doc, keep=True)))
    text = doc_text(doc)
    forms = _drop_headline_phrases(text, candidate_forms(doc, text, person_tokens))
    forget_spans(doc)
    groups = merge_forms(doc, text, forms)
    return [group.as_dict(f"o{i}") for i, group in enumerate(groups, 1)]


class OrganisationExtractor(ReadsLexicons):
    @guarded("claimex_organisations")
    def __call__(self, doc: Doc) -> Doc:
        doc._.claimex_organisations = find_organisations(doc)
        return doc


@Language.factory("claimex_organisations", default_config={"lexicons": {}})
def make_organisations(nlp: Language, name: str, lexicons: dict) -> OrganisationExtractor:
    """``lexicons``: changes to the packaged word lists (see claimex.config)."""
    return OrganisationExtractor(lexicons)
