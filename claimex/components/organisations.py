"""Organisations: whole names, merged across forms, never people or places.

Contract: ``doc._.claimex_organisations`` is a list of dicts with the fields of
:class:`claimex.models.Organisation`: id ("o1", "o2", ...), name, aliases, mentions
[{start, end}].
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import guarded, register_extensions

register_extensions()


def find_organisations(doc: Doc) -> list[dict]:
    return []


class OrganisationExtractor:
    @guarded("claimex_organisations")
    def __call__(self, doc: Doc) -> Doc:
        doc._.claimex_organisations = find_organisations(doc)
        return doc


@Language.factory("claimex_organisations")
def make_organisations(nlp: Language, name: str) -> OrganisationExtractor:
    return OrganisationExtractor()
